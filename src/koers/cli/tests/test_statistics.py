"""`koers import cbs` and `koers record cbs`: what they print, write and refuse."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from koers.cli.main import main
from koers.indicators.models import Observation
from koers.sources.tests.cbs_fake_api import DATA, FakeApi, serve

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_cbs() -> Iterator[FakeApi]:
    with serve() as api:
        yield api


def test_import_cbs_of_a_recording_prints_what_it_added(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "cbs", str(DATA / "v4-81955NED")]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"imported CBS 81955NED (Voorraad woningen en niet-woningen; mutaties, gebruiksfunctie, regio) from {DATA / 'v4-81955NED'}",
        "  indicators (2): cbs-81955ned-m001001, cbs-81955ned-m001002",
        "  observations: 17 added, 0 revised, 0 unchanged",
        "  geographies created (3): GM0772, GM0794, GM0820",
        "  metadata differences: none",
    ]


def test_a_second_import_reports_a_curated_name_it_kept(capsys: pytest.CaptureFixture[str]) -> None:
    from koers.indicators.models import Indicator

    main(["import", "cbs", str(DATA / "v4-81955NED"), "--measure", "M001001"])
    Indicator.objects.filter(code="cbs-81955ned-m001001").update(name_nl="Nieuwbouwwoningen")
    capsys.readouterr()
    assert main(["import", "cbs", str(DATA / "v4-81955NED"), "--measure", "M001001"]) == 0
    out = capsys.readouterr().out
    assert "  observations: 0 added, 0 revised, 9 unchanged" in out
    assert (
        "  metadata differences (1):\n    cbs-81955ned-m001001: name_nl kept: stored "
        "'Nieuwbouwwoningen', the source says 'Nieuwbouw'"
    ) in out


def test_import_cbs_reads_a_live_table_with_its_filters(
    fake_cbs: FakeApi, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        "import",
        "cbs",
        "81955NED",
        "--base-url",
        fake_cbs.base_url,
        "--filter",
        "RegioS=GM0772",
    ]
    assert main([*args, "--filter", "Perioden=2020JJ00"]) == 0
    assert "  observations: 2 added, 0 revised, 0 unchanged" in capsys.readouterr().out
    assert sorted(Observation.objects.values_list("indicator__code", "value")) == [
        ("cbs-81955ned-m001001", 1362.0),
        ("cbs-81955ned-m001002", 199.0),
    ]


def test_record_then_import_gives_the_live_observations(
    fake_cbs: FakeApi, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "81955NED"
    assert (
        main(["record", "cbs", "81955NED", "-o", str(folder), "--base-url", fake_cbs.base_url]) == 0
    )
    assert capsys.readouterr().out == (
        f"recorded CBS 81955NED into {folder}: 6 metadata files, 5 page(s) of observations (17 values)\n"
    )
    assert main(["import", "cbs", "81955NED", "--base-url", fake_cbs.base_url]) == 0
    assert main(["import", "cbs", str(folder)]) == 0
    assert "  observations: 0 added, 0 revised, 17 unchanged" in capsys.readouterr().out


def test_a_csv_export_names_its_table_and_marks_what_it_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "70072ned_excerpt.csv"
    export.write_text(
        '"ID";"RegioS";"Perioden";"TotaleBevolking_1";"Naam_288"\n'
        '"398";"PV30  ";"2018JJ00";" 2528286";"Zuid-Nederland                                    "\n',
        encoding="utf-8",
    )
    assert main(["import", "cbs", str(export)]) == 0
    out = capsys.readouterr().out
    assert "  geographies created (1): NL41" in out
    assert "  left out (text, not figures) (1): Naam_288" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--filter", "RegioS=GM9999"], "dimension RegioS has no code 'GM9999'"),
        (["--measure", "Nieuwbouw"], "the table has no measure 'Nieuwbouw'"),
    ],
)
def test_a_refused_import_says_why_and_that_nothing_was_written(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "cbs", str(DATA / "v4-81955NED"), *args]) == 1
    err = capsys.readouterr().err
    assert message in err and err.endswith("nothing was written\n")
    assert not Observation.objects.exists()


def test_a_filter_must_name_dimension_and_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "cbs", str(DATA / "v4-81955NED"), "--filter", "GM0772"]) == 2
    assert "filter 'GM0772': write it as DIMENSION=CODE" in capsys.readouterr().err


def test_record_refuses_an_unreachable_api_and_leaves_no_folder(
    fake_cbs: FakeApi, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_cbs.fail["MeasureCodes"] = 502
    folder = tmp_path / "81955NED"
    assert (
        main(["record", "cbs", "81955NED", "-o", str(folder), "--base-url", fake_cbs.base_url]) == 1
    )
    assert (
        f"{fake_cbs.base_url}/81955NED/MeasureCodes: HTTP 502 Bad Gateway"
        in capsys.readouterr().err
    )
    assert not folder.exists()
