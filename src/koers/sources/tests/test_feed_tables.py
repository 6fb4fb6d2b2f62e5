"""Feeds that read a CBS or a Eurostat table from its recording (koers feeds refresh --offline)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from koers.agendas.models import Geography
from koers.indicators.models import Indicator, Observation
from koers.sources.eurostat_api import recording_name
from koers.sources.feeds import refresh_feeds
from koers.sources.models import Feed
from koers.testing import reference_dir

pytestmark = pytest.mark.django_db
CBS_RECORDING = Path(__file__).parent / "data" / "cbs" / "v4-81955NED"


def _indicator(code: str) -> Indicator:
    return Indicator.objects.create(
        code=code, name_nl=code, name_en=code, unit="n", direction="increase", frequency="annual"
    )


def _geographies(*codes: str) -> None:
    for code in codes:
        Geography.objects.create(code=code, level="municipality", name_nl=code, name_en=code)


def _values(indicator: str) -> dict[tuple[str, str, str], float]:
    rows = Observation.objects.current().filter(indicator__code=indicator)
    return {(o.geography.code, o.series, o.period): o.value for o in rows}


def test_a_cbs_feed_replays_its_recording_with_the_codes_koers_knows(tmp_path: Path) -> None:
    shutil.copytree(CBS_RECORDING, tmp_path / "81955NED")
    _geographies("GM0772", "GM0794")  # GM0820 (Nuenen) is in the table, not in Koers
    Feed.objects.create(
        name="new-build",
        indicator=_indicator("homes"),
        connector="cbs",
        table="81955NED",
        measure="M001001",
        filters={"Gebruiksfunctie": "A045364"},
        geographies={"*": "*"},
    )
    result = refresh_feeds(offline=tmp_path)
    assert result.failed == []
    values = _values("homes")
    assert {g for g, _, _ in values} == {"GM0772", "GM0794"}
    # The filter fixes the kind of building: the values form the indicator's headline.
    assert {s for _, s, _ in values} == {""}
    assert values[("GM0772", "", "2018")] == 1228.0
    stored = Observation.objects.filter(indicator__code="homes").first()
    assert stored is not None and stored.source is not None
    assert stored.source.code == "cbs-81955ned"


def test_a_cbs_feed_without_its_recording_fails_and_says_how_to_make_one(tmp_path: Path) -> None:
    Feed.objects.create(
        name="new-build",
        indicator=_indicator("homes"),
        connector="cbs",
        table="81955NED",
        measure="M001001",
    )
    result = refresh_feeds(offline=tmp_path)
    assert "koers record cbs 81955NED" in result.failed[0].message


def test_a_eurostat_feed_replays_its_recording_through_a_mapping(tmp_path: Path) -> None:
    filters = {"sectperf": ["TOTAL"]}
    folder = tmp_path / recording_name("rd_e_gerdreg", filters)
    folder.mkdir()
    fixture = reference_dir() / "eurostat/AAlmeidaM_extremaduraendatos/tests/fixtures"
    shutil.copy(fixture / "eurostat_rd_e_gerdreg.json", folder / "data.json")
    index = {
        "publisher": "Eurostat",
        "datasetId": "rd_e_gerdreg",
        "retrieved": "2025-01-01",
        "source": "https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0/data/rd_e_gerdreg",
        "filters": filters,
        "files": [{"path": "data.json", "format": "jsonstat"}],
    }
    (folder / "index.json").write_text(json.dumps(index), encoding="utf-8")
    Geography.objects.create(code="BW-KA", level="nuts2", name_nl="K", name_en="K")
    Feed.objects.create(
        name="rd",
        indicator=_indicator("rd-intensity"),
        connector="eurostat",
        table="rd_e_gerdreg",
        measure="PC_GDP",
        filters=filters,
        geographies={"DE11": "BW-KA"},
    )
    result = refresh_feeds(offline=tmp_path)
    assert result.failed == [], result.failed
    # DE11 has a total for 2023 only (BES values are filtered out): 7.33 % of GDP.
    assert _values("rd-intensity") == {("BW-KA", "", "2023"): 7.33}
    stored = Observation.objects.get()
    assert (stored.source_status, stored.provisional) == ("", False)
