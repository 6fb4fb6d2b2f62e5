"""Open SDG repositories as they are in the wild, read as sdg-build reads them (issue 11.5).

Each case is a small repository written by the test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from koers.assessment.commands import assessment_records
from koers.cli.main import main
from koers.indicators.models import Indicator, Observation
from koers.sources import service
from koers.sources.opensdg_format import OpenSdgFormatError

pytestmark = pytest.mark.django_db

POSITIVE = (
    "progress_calculation_options:\n"
    "  - direction: positive\n"
    "    base_year: 2015\n"
    "    target_year: 2030\n"
    "    target: 100\n"
)


def _repo(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "repo"
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def _meta(body: str = POSITIVE, name: str = "Test indicator") -> str:
    return f"---\nindicator_name: {name}\nauto_progress_calculation: true\n{body}---\n"


def _records(code: str) -> list[dict[str, Any]]:
    return assessment_records([Indicator.objects.get(code=code)], method=None)


def _headline(code: str) -> dict[str, Any]:
    return next(r for r in _records(code) if r["series"] is not None)


def test_quarters_written_with_a_space_are_quarters_not_duplicate_years(tmp_path: Path) -> None:
    rows = "".join(f"2015 Q{q},{q}\n" for q in range(1, 5)) + "2016 Q1,9\n"
    folder = _repo(tmp_path, {"data/indicator_1-1-1.csv": "Year,Value\n" + rows})
    service.import_opensdg(folder)
    periods = list(Observation.objects.order_by("period_start").values_list("period", flat=True))
    assert periods == ["2015-Q1", "2015-Q2", "2015-Q3", "2015-Q4", "2016-Q1"]


def test_quarters_written_with_a_dash_and_months_are_read(tmp_path: Path) -> None:
    folder = _repo(
        tmp_path,
        {
            "data/indicator_1-1-1.csv": "Year,Value\n2015-Q1,1\n2015-Q2,2\n",
            "data/indicator_1-1-2.csv": "Year,Value\n2019-03,5\n2019-04,6\n",
        },
    )
    service.import_opensdg(folder)
    got = sorted(Observation.objects.values_list("indicator__code", "period", "period_end"))
    assert [(c, p, str(e)) for c, p, e in got] == [
        ("1-1-1", "2015-Q1", "2015-03-31"),
        ("1-1-1", "2015-Q2", "2015-06-30"),
        ("1-1-2", "2019-03", "2019-03-31"),
        ("1-1-2", "2019-04", "2019-04-30"),
    ]


def test_a_quarterly_headline_is_assessed_not_refused_as_duplicate_years(tmp_path: Path) -> None:
    rows = "".join(f"{y} Q{q},{10 + y - 2015 + q / 10}\n" for y in (2015, 2016) for q in (1, 2))
    folder = _repo(
        tmp_path, {"data/indicator_1-1-1.csv": "Year,Value\n" + rows, "meta/1-1-1.md": _meta()}
    )
    service.import_opensdg(folder)
    assert _headline("1-1-1")["status"] not in ("not_available", "")
    assert _headline("1-1-1")["score"] is not None


def test_duplicates_in_a_series_the_options_do_not_select_do_not_reject_the_file(
    tmp_path: Path,
) -> None:
    data = "Year,Sex,Value\n2015,,10\n2020,,20\n2015,F,1\n2015,F,2\n"
    folder = _repo(tmp_path, {"data/indicator_9-9-9.csv": data, "meta/9-9-9.md": _meta()})
    service.import_opensdg(folder)
    female = Observation.objects.get(series="Sex=F")
    assert female.value == 1  # the first row of the two
    assert _headline("9-9-9")["score"] is not None


def test_duplicate_headline_years_make_that_headline_not_assessable_with_the_reason(
    tmp_path: Path,
) -> None:
    data = "Year,Value\n2015,10\n2015,11\n2020,20\n"
    folder = _repo(tmp_path, {"data/indicator_9-9-9.csv": data, "meta/9-9-9.md": _meta()})
    service.import_opensdg(folder)
    headline = _headline("9-9-9")
    assert headline["status"] == "not_available"
    assert headline["explanation"]["reason"] == "duplicate_years"
    assert "same year" in headline["explanation"]["text"]


def test_a_series_key_of_300_characters_and_more_is_stored(tmp_path: Path) -> None:
    long_label = "x" * 320
    data = f"Year,Region,Value\n2015,{long_label},1\n2016,{long_label},2\n2015,{long_label}y,3\n"
    folder = _repo(tmp_path, {"data/indicator_1-1-1.csv": data})
    service.import_opensdg(folder)
    keys = set(Observation.objects.values_list("series", flat=True))
    assert len(keys) == 2 and all(len(k) <= 300 for k in keys)
    stored = Observation.objects.filter(dimensions__Region=long_label)
    assert stored.count() == 2
    assert service.import_opensdg(folder).counts["observations"] == 0  # the same key again


def test_the_progress_column_is_stored_and_replaces_value_in_koers_assess(tmp_path: Path) -> None:
    # Values fall, Progress rises: with direction positive only Progress can reach the target.
    data = "Year,Progress,Value\n2015,50,-50\n2020,100,-100\n"
    folder = _repo(tmp_path, {"data/indicator_1-1-1.csv": data, "meta/1-1-1.md": _meta()})
    service.import_opensdg(folder)
    assert sorted(Observation.objects.values_list("period", "value", "progress")) == [
        ("2015", -50.0, 50.0),
        ("2020", -100.0, 100.0),
    ]
    headline = _headline("1-1-1")
    assert headline["status"] == "target_achieved"


def test_koers_assess_on_the_cli_uses_the_progress_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = "Year,Progress,Value\n2015,50,-50\n2020,100,-100\n"
    folder = _repo(tmp_path, {"data/indicator_1-1-1.csv": data, "meta/1-1-1.md": _meta()})
    assert main(["import", "opensdg", str(folder)]) == 0
    capsys.readouterr()
    assert main(["assess", "--format", "json"]) == 0
    assert '"target_achieved"' in capsys.readouterr().out


def test_a_changed_progress_value_is_a_revision(tmp_path: Path) -> None:
    path = "data/indicator_1-1-1.csv"
    folder = _repo(tmp_path, {path: "Year,Progress,Value\n2015,50,1\n"})
    service.import_opensdg(folder)
    (folder / path).write_text("Year,Progress,Value\n2015,60,1\n", encoding="utf-8")
    assert service.import_opensdg(folder).stored.revised == 1
    assert Observation.objects.current().get().progress == 60.0


def _export(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_export_then_import_round_trips_and_geocode_is_no_disaggregation(tmp_path: Path) -> None:
    data = (
        "Year,GeoCode,Sex,Progress,Value\n"
        "2015,NL,,1,10\n2015,NL,F,2,11\n2016,BE,,3,12\n2016 Q1,BE,F,,13\n"
    )
    folder = _repo(tmp_path, {"data/indicator_1-1-1.csv": data, "meta/1-1-1.md": _meta()})
    service.import_opensdg(folder, geography="DE")
    assert sorted(Observation.objects.values_list("geography__code", "series", "period")) == [
        ("BE", "", "2016"),
        ("BE", "Sex=F", "2016-Q1"),
        ("NL", "", "2015"),
        ("NL", "Sex=F", "2015"),
    ]
    assert main(["export", "--format", "opensdg", "-o", str(tmp_path / "one")]) == 0
    before = _export(tmp_path / "one")
    service.clear_all()
    assert main(["import", "opensdg", str(tmp_path / "one"), "--geography", "DE"]) == 0
    assert not Observation.objects.filter(dimensions__has_key="GeoCode").exists()
    service.export_opensdg(tmp_path / "two")
    assert _export(tmp_path / "two") == before
    assert "GeoCode" in before["data/indicator_1-1-1.csv"].splitlines()[0]


def test_koers_own_indicators_round_trip_through_open_sdg(tmp_path: Path) -> None:
    service.load_demo()
    service.export_opensdg(tmp_path / "one")
    before = _export(tmp_path / "one")
    service.clear_all()
    service.import_opensdg(tmp_path / "one")
    service.export_opensdg(tmp_path / "two")
    assert _export(tmp_path / "two").keys() == before.keys()
    after = _export(tmp_path / "two")
    data = [k for k in before if k.startswith("data/")]
    assert data and [k for k in data if after[k] != before[k]] == []


def test_an_import_keeps_curated_name_unit_and_direction_and_reports_them(tmp_path: Path) -> None:
    folder = _repo(
        tmp_path,
        {
            "data/indicator_1-1-1.csv": "Year,Value\n2015,1\n",
            "meta/1-1-1.md": _meta(name="Source name") + "",
        },
    )
    service.import_opensdg(folder)
    Indicator.objects.filter(code="1-1-1").update(
        name_en="Curated name", name_nl="Gecureerde naam", unit="%", direction="decrease"
    )
    result = service.import_opensdg(folder)
    indicator = Indicator.objects.get(code="1-1-1")
    assert (indicator.name_en, indicator.name_nl, indicator.unit, indicator.direction) == (
        "Curated name",
        "Gecureerde naam",
        "%",
        "decrease",
    )
    described = sorted(str(d) for d in result.differences)
    assert any("direction kept" in d and "'increase'" in d for d in described)
    assert any("name_en kept" in d and "'Source name'" in d for d in described)


def test_update_metadata_changes_the_definition_and_keeps_the_old_one_in_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _repo(
        tmp_path,
        {"data/indicator_1-1-1.csv": "Year,Value\n2015,1\n", "meta/1-1-1.md": _meta("", "New")},
    )
    service.import_opensdg(folder)
    curated = Indicator.objects.get(code="1-1-1")
    curated.name_en = "Curated"
    curated.save()
    assert main(["import", "opensdg", str(folder)]) == 0
    assert "name_en kept" in capsys.readouterr().out
    assert main(["import", "opensdg", str(folder), "--update-metadata"]) == 0
    assert "name_en changed" in capsys.readouterr().out
    indicator = Indicator.objects.get(code="1-1-1")
    assert indicator.name_en == "New"
    assert "Curated" in {h.name_en for h in indicator.history.all()}


def _two_indicators_one_bad(tmp_path: Path) -> Path:
    return _repo(
        tmp_path,
        {
            "data/indicator_1-1-1.csv": "Year,Value\n2015,1\n2016,2\n",
            "data/indicator_1-1-2.csv": "Year,Value\n2015,lots\n",
            "data/indicator_1-1-3.csv": "Year,Value\nsoon,1\n",
        },
    )


def test_a_whole_repository_import_is_atomic_by_default(tmp_path: Path) -> None:
    folder = _two_indicators_one_bad(tmp_path)
    with pytest.raises(OpenSdgFormatError, match=r"indicator_1-1-2\.csv, row 2"):
        service.import_opensdg(folder)
    assert not Indicator.objects.exists() and not Observation.objects.exists()


def test_skip_invalid_imports_the_valid_indicators_and_lists_every_skipped_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _two_indicators_one_bad(tmp_path)
    assert main(["import", "opensdg", str(folder), "--skip-invalid"]) == 0
    out = capsys.readouterr().out
    assert list(Indicator.objects.values_list("code", flat=True)) == ["1-1-1"]
    assert Observation.objects.count() == 2
    assert "skipped indicator_1-1-2.csv" in out and "'lots' is not a number" in out
    assert "skipped indicator_1-1-3.csv" in out and "'soon' is not a year" in out


def test_a_file_skipped_half_way_leaves_no_rows_counts_or_geographies(tmp_path: Path) -> None:
    # The bad row comes after a first chunk of the file was already written.
    lines = "".join(f"{1800 + n % 300},XX,S{n // 300},{n}\n" for n in range(25_000))
    folder = _repo(
        tmp_path,
        {
            "data/indicator_1-1-1.csv": "Year,GeoCode,Sex,Value\n" + lines + "2000,XX,S,lots\n",
            "data/indicator_1-1-2.csv": "Year,GeoCode,Value\n2015,XX,1\n",
        },
    )
    result = service.import_opensdg(folder, skip_invalid=True)
    assert [e.row for e in result.skipped] == [25_002]
    assert result.counts == {"indicators": 1, "observations": 1}
    assert result.geographies_created == ["XX"]
    assert list(Observation.objects.values_list("indicator__code", "geography__code")) == [
        ("1-1-2", "XX")
    ]
