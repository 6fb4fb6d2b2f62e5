"""A folder of recorded CBS v4 responses imports with its pages, statuses and flags."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from koers.agendas.models import Geography
from koers.indicators.models import Indicator, Observation
from koers.sources.cbs_codes import CbsError, Selection
from koers.sources.cbs_import import import_cbs
from koers.sources.cbs_odata import open_table
from koers.sources.tests.cbs_fake_api import DATA

pytestmark = pytest.mark.django_db

NEW_BUILD = "cbs-81955ned-m001001"


def _copy(tmp_path: Path, name: str = "v4-81955NED") -> Path:
    return Path(shutil.copytree(DATA / name, tmp_path / name))


def _edit(path: Path, change: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _figures(folder: Path) -> int:
    """Observations with a value in the recorded pages, counted with the json module."""
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    pages = [
        json.loads((folder / name).read_text(encoding="utf-8"))
        for name in index["observationPages"]
    ]
    return sum(1 for page in pages for row in page["value"] if row["Value"] is not None)


def _current(indicator: str, geography: str, period: str) -> Observation:
    return Observation.objects.current().get(
        indicator__code=indicator, geography__code=geography, period=period
    )


def test_both_pages_import_and_each_period_status_flags_its_values() -> None:
    result = import_cbs(open_table(DATA / "v4-81955NED"))
    assert result.stored.added == _figures(DATA / "v4-81955NED") == 17
    assert result.indicators == [NEW_BUILD, "cbs-81955ned-m001002"]
    homes = Indicator.objects.get(code=NEW_BUILD)
    assert (homes.name_nl, homes.unit, homes.publisher) == ("Nieuwbouw", "aantal", "CBS (81955NED)")
    final, revised, provisional = (
        _current(NEW_BUILD, "GM0772", year) for year in ("2018", "2019", "2020")
    )
    assert (final.value, final.provisional, final.revised, final.source_status) == (
        1228,
        False,
        False,
        "Definitief",
    )
    assert (revised.value, revised.provisional, revised.revised, revised.source_status) == (
        1871,
        True,
        True,
        "Nader voorlopig",
    )
    assert (provisional.value, provisional.provisional, provisional.source_status) == (
        1362,
        True,
        "Voorlopig",
    )
    assert revised.dimensions == {"Gebruiksfunctie": "A045364"}
    assert provisional.source_section.endswith("observations-0001.json, record value[4]")


def test_a_cell_the_api_marks_impossible_is_not_a_figure() -> None:
    import_cbs(open_table(DATA / "v4-81955NED"))
    demolished = Observation.objects.filter(
        indicator__code="cbs-81955ned-m001002", geography__code="GM0820"
    )
    assert sorted(demolished.values_list("period", "value")) == [("2019", 4.0), ("2020", 7.0)]


def test_missing_municipalities_are_created_with_their_cbs_names() -> None:
    result = import_cbs(open_table(DATA / "v4-81955NED"))
    assert result.geographies_created == ["GM0772", "GM0794", "GM0820"]
    nuenen = Geography.objects.get(code="GM0820")
    assert (nuenen.name_nl, nuenen.level) == ("Nuenen, Gerwen en Nederwetten", "municipality")


def test_quarters_and_the_year_of_a_table_without_regions_are_national() -> None:
    import_cbs(open_table(DATA / "v4-80072ned"))
    absence = Observation.objects.filter(
        indicator__code="cbs-80072ned-m001924", geography__code="NL"
    )
    assert sorted(absence.values_list("period", "value", "provisional")) == [
        ("2019", 4.4, False),
        ("2019-Q1", 4.7, False),
        ("2019-Q2", 4.3, False),
        ("2019-Q3", 4.0, False),
        ("2019-Q4", 4.5, False),
        ("2020-Q1", 5.2, True),
    ]
    assert Indicator.objects.get(code="cbs-80072ned-m001924").unit == "%"


def test_a_second_import_adds_nothing_and_a_changed_figure_or_status_adds_revisions(
    tmp_path: Path,
) -> None:
    folder = _copy(tmp_path)
    import_cbs(open_table(folder))
    again = import_cbs(open_table(folder))
    assert (again.stored.added, again.stored.revised, again.stored.unchanged) == (0, 0, 17)

    def new_build_2020_nuenen(page: dict[str, Any]) -> None:
        page["value"][6]["Value"] = 160.0

    def final_2020(codes: dict[str, Any]) -> None:
        codes["value"][2]["Status"] = "Definitief"

    _edit(folder / "observations-0002.json", new_build_2020_nuenen)
    _edit(folder / "codes-Perioden.json", final_2020)
    revised = import_cbs(open_table(folder))
    # The 2020 figures became final (six, one of them also corrected); the rest stands.
    assert (revised.stored.added, revised.stored.revised, revised.stored.unchanged) == (0, 6, 11)
    nuenen = _current(NEW_BUILD, "GM0820", "2020")
    assert (nuenen.value, nuenen.provisional, nuenen.revised, nuenen.source_status) == (
        160,
        False,
        True,
        "Definitief",
    )
    history = Observation.objects.filter(
        indicator__code=NEW_BUILD, geography__code="GM0820", period="2020"
    )
    assert sorted(history.values_list("value", flat=True)) == [159.0, 160.0]


def test_a_selection_imports_only_the_measure_and_region_asked_for() -> None:
    selection = Selection.parse(["M001001"], ["RegioS=GM0794"])
    result = import_cbs(open_table(DATA / "v4-81955NED", selection))
    assert result.indicators == [NEW_BUILD]
    assert sorted(Observation.objects.values_list("period", "value")) == [
        ("2018", 385.0),
        ("2019", 396.0),
        ("2020", 426.0),
    ]


@pytest.mark.parametrize(
    ("selection", "message"),
    [
        (
            Selection.parse(["M009999"]),
            "the table has no measure 'M009999'; it has ['M001001', 'M001002']",
        ),
        (Selection.parse([], ["RegioS=GM9999"]), "dimension RegioS has no code 'GM9999'"),
        (Selection.parse([], ["Regio=GM0772"]), "the table has no dimension 'Regio'"),
    ],
)
def test_an_unknown_measure_or_filter_code_is_refused_before_any_value(
    selection: Selection, message: str
) -> None:
    with pytest.raises(CbsError, match=message.replace("[", r"\[").replace("]", r"\]")):
        open_table(DATA / "v4-81955NED", selection)


def _drop_codes_file(folder: Path) -> None:
    (folder / "codes-RegioS.json").unlink()


def _drop_measure_codes_key(folder: Path) -> None:
    _edit(folder / "index.json", lambda index: index["files"].pop("measure-codes"))


def _cut_second_page(folder: Path) -> None:
    page = folder / "observations-0002.json"
    page.write_text(page.read_text(encoding="utf-8")[:300], encoding="utf-8")


def _text_value(folder: Path) -> None:
    _edit(folder / "observations-0002.json", lambda page: page["value"][3].update(Value="426"))


def _unknown_measure(folder: Path) -> None:
    _edit(
        folder / "observations-0002.json", lambda page: page["value"][0].update(Measure="M009999")
    )


def _unknown_region(folder: Path) -> None:
    _edit(folder / "observations-0002.json", lambda page: page["value"][1].update(RegioS="GM9999"))


def _drop_second_page(folder: Path) -> None:
    _edit(folder / "index.json", lambda index: index["observationPages"].pop())


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_drop_codes_file, "index.json, field 'files.codes-RegioS': codes-RegioS.json is not in "),
        (_drop_measure_codes_key, "index.json, field 'files': no file for 'measure-codes'"),
        (_cut_second_page, "observations-0002.json, line 1: not JSON: "),
        (
            _text_value,
            "observations-0002.json, record value[3], field 'Value': '426' is not a number",
        ),
        (
            _unknown_measure,
            "observations-0002.json, record value[0], field 'Measure': 'M009999' is not in MeasureCodes",
        ),
        (
            _unknown_region,
            "observations-0002.json, record value[1], field 'RegioS': 'GM9999' is not in RegioSCodes",
        ),
        (
            _drop_second_page,
            "observations-0001.json, field '@odata.nextLink': the API had a next page",
        ),
    ],
)
def test_a_damaged_recording_writes_nothing_and_names_file_record_and_field(
    tmp_path: Path, damage: Any, message: str
) -> None:
    folder = _copy(tmp_path)
    damage(folder)
    with pytest.raises(CbsError) as refused:
        import_cbs(open_table(folder))
    assert message in str(refused.value)
    assert not Observation.objects.exists()
    assert not Indicator.objects.exists()
    assert not Geography.objects.exists()


def test_a_text_measure_is_left_out_and_said_so(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    note = {"Identifier": "T001", "Title": "Toelichting", "DataType": "String", "Unit": ""}
    _edit(folder / "measure-codes.json", lambda codes: codes["value"].append(note))
    remark = {
        "Id": 18,
        "Measure": "T001",
        "ValueAttribute": "None",
        "Value": None,
        "StringValue": "zie toelichting",
    }
    remark |= {"Gebruiksfunctie": "A045364", "RegioS": "GM0772", "Perioden": "2020JJ00"}
    _edit(folder / "observations-0002.json", lambda page: page["value"].append(remark))
    table = open_table(folder)
    assert table.left_out == ("T001",)
    assert [m.code for m in table.measures] == ["M001001", "M001002"]
    assert import_cbs(table).stored.added == 17
