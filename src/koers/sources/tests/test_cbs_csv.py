"""StatLine CSV exports (code- and label-based) import with every figure they hold."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from koers.agendas.models import Geography
from koers.indicators.models import Indicator, Observation
from koers.sources.cbs_codes import CbsError, Selection
from koers.sources.cbs_csv import open_csv
from koers.sources.cbs_import import import_cbs
from koers.testing import reference_dir

pytestmark = pytest.mark.django_db

CBS = "cbs"
POPULATION = "IJHidding_Programming1Project/Data/37259ned_UntypedDataSet_05022020_161506.csv"
KEY_FIGURES = "IJHidding_Programming1Project/Data/70072ned_UntypedDataSet_29122019_191739.csv"
NEW_BUILD = "followthemoney_plancapaciteit/data/cbs_woningvoorraad_gemeenten_2012-2020.csv"
NEW_BUILD_NAMES = "Dave01293_EBEProgramming/data/Voorraad_woningen_en_nieuwbouw.csv"
GDP = "soapsoup222_lightpollutionNL/data-raw/Regional_GDP.csv"


def _file(name: str) -> Path:
    return reference_dir() / CBS / name


def _is_figure(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _figures(name: str, measure_columns: list[str] | None = None) -> int:
    """Non-empty numeric cells of the measure columns, counted with the csv module alone."""
    path = _file(name)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        delimiter = ";" if ";" in handle.readline() else ","
        handle.seek(0)
        reader = csv.DictReader(handle, delimiter=delimiter)
        columns = measure_columns or [c for c in reader.fieldnames or [] if c[-1].isdigit()]
        return sum(1 for row in reader for c in columns if row[c] and _is_figure(row[c]))


def _value(indicator: str, geography: str, period: str) -> Observation:
    return Observation.objects.current().get(
        indicator__code=indicator, geography__code=geography, period=period
    )


@pytest.mark.slow
def test_81955ned_with_codes_imports_every_figure_and_eindhoven_built_399_then_1362() -> None:
    result = import_cbs(open_csv(_file(NEW_BUILD), table_id="81955NED"))
    assert result.stored.added == _figures(NEW_BUILD) == 27_904
    assert len(result.indicators) == 8
    assert _value("cbs-81955ned-nieuwbouw_2", "GM0772", "2015").value == 399
    latest = _value("cbs-81955ned-nieuwbouw_2", "GM0772", "2020")
    assert (latest.value, latest.dimensions, latest.provisional) == (
        1362,
        {"Gebruiksfunctie": "A045364"},
        False,
    )
    # 437 municipalities, one of them (since merged) without a single figure.
    assert len(result.geographies_created) == 436
    assert Geography.objects.get(code="GM0772").level == "municipality"


@pytest.mark.slow
def test_37259ned_imports_every_figure_and_eindhoven_had_166032_inhabitants_in_1960() -> None:
    table = open_csv(_file(POPULATION))
    assert table.table_id == "37259ned"
    result = import_cbs(table)
    assert result.stored.added == _figures(POPULATION) == 40_263
    assert _value("cbs-37259ned-bevolkingop1januari_1", "GM0772", "1960").value == 166_032
    eindhoven = Geography.objects.get(code="GM0772")
    assert (eindhoven.name_nl, eindhoven.level) == ("Eindhoven", "municipality")


@pytest.mark.slow
def test_70072ned_imports_every_figure_of_its_provinces_and_leaves_out_its_text_measures() -> None:
    table = open_csv(_file(KEY_FIGURES))
    assert table.left_out == ("Code_287", "KoppelvariabeleRegioCode_306", "Naam_288")
    result = import_cbs(table)
    text = {"Code_287", "KoppelvariabeleRegioCode_306", "Naam_288"}
    with _file(KEY_FIGURES).open(encoding="utf-8-sig") as handle:
        header = next(csv.reader(handle, delimiter=";"))
    numeric = [c for c in header if c[-1].isdigit() and c not in text]
    assert result.stored.added == _figures(KEY_FIGURES, numeric) == 55_202
    assert len(result.indicators) == 303
    # Provinces are their NUTS-2 regions: PV30 Noord-Brabant is NL41.
    assert _value("cbs-70072ned-totalebevolking_1", "NL41", "2018").value == 2_528_286
    assert sorted(result.geographies_created) == [
        "NL11", "NL12", "NL13", "NL21", "NL22", "NL23", "NL31", "NL32", "NL33", "NL34", "NL41", "NL42",
    ]  # fmt: skip


def test_the_english_export_names_provinces_and_marks_2021_and_2022_provisional() -> None:
    result = import_cbs(open_csv(_file(GDP), table_id="84432ENG"))
    assert result.stored.added == _figures(GDP, ["GDP (market prices) (million euros)"]) == 96
    code = "cbs-84432eng-gdp-market-prices-million-euros"
    assert Indicator.objects.get(code=code).unit == "million euros"
    brabant_2019 = _value(code, "NL41", "2019")
    assert (brabant_2019.value, brabant_2019.provisional) == (121_244, False)
    brabant_2021 = _value(code, "NL41", "2021")
    assert (brabant_2021.value, brabant_2021.provisional, brabant_2021.source_status) == (
        132_852,
        True,
        "*",
    )
    assert Observation.objects.filter(provisional=True).count() == 24


def test_the_export_with_names_maps_every_municipality_to_its_code() -> None:
    result = import_cbs(open_csv(_file(NEW_BUILD_NAMES), table_id="81955NED"))
    columns = ["Beginstand voorraad", "Nieuwbouw", "Eindstand voorraad"]
    assert result.stored.added == _figures(NEW_BUILD_NAMES, columns) == 4_506
    assert _value("cbs-81955ned-nieuwbouw", "GM0772", "2024").value == 1557
    assert _value("cbs-81955ned-nieuwbouw", "GM0820", "2024").value == 98
    mre = Geography.objects.get(code="GM0743").name_nl
    assert mre == "Asten"


def test_a_filter_keeps_only_the_regions_and_periods_asked_for() -> None:
    selection = Selection.parse(
        ["Nieuwbouw_2"], ["RegioS=GM0772", "RegioS=GM0794", "Perioden=2020JJ00"]
    )
    result = import_cbs(open_csv(_file(NEW_BUILD), table_id="81955NED", selection=selection))
    assert result.indicators == ["cbs-81955ned-nieuwbouw_2"]
    assert sorted(Observation.objects.values_list("geography__code", "value")) == [
        ("GM0772", 1362.0),
        ("GM0794", 426.0),
    ]


def test_an_unknown_filter_code_or_measure_is_refused_before_anything_is_read() -> None:
    with pytest.raises(CbsError, match="dimension RegioS has no code 'GM9999'"):
        open_csv(
            _file(NEW_BUILD), table_id="81955NED", selection=Selection.parse([], ["RegioS=GM9999"])
        )
    with pytest.raises(CbsError, match="the table has no measure 'Bouw_9'"):
        open_csv(_file(NEW_BUILD), table_id="81955NED", selection=Selection.parse(["Bouw_9"]))


def test_an_unknown_municipality_name_is_refused_with_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "Regio's,Perioden,Nieuwbouw\nEindhoven,2020,1362\nAtlantis,2020,5\n", encoding="utf-8"
    )
    with pytest.raises(CbsError) as refused:
        open_csv(path, table_id="81955NED")
    assert str(refused.value) == (
        f"{path}, line 3, field \"Regio's\": unknown region name 'Atlantis' "
        "(Koers knows the names in cbs_regions.csv)"
    )
    assert not Observation.objects.exists()


def test_a_figure_that_is_not_a_number_writes_nothing_and_names_file_line_and_field(
    tmp_path: Path,
) -> None:
    path = tmp_path / "81955NED_export.csv"
    path.write_text(
        "ID;RegioS;Perioden;Nieuwbouw_2\n1;GM0772;2019JJ00;1100\n2;GM0772;2020JJ00;13a2\n",
        encoding="utf-8",
    )
    with pytest.raises(
        CbsError, match=rf"{path.name}, line 3, field 'Nieuwbouw_2': '13a2' is not a number"
    ):
        import_cbs(open_csv(path))
    assert not Observation.objects.exists()
    assert not Indicator.objects.exists()
    assert not Geography.objects.exists()


def test_a_file_whose_name_holds_no_table_id_needs_one() -> None:
    with pytest.raises(CbsError, match="no CBS table id in the file name"):
        open_csv(_file(GDP))


def test_a_labelled_column_of_words_is_refused_as_a_dimension_koers_cannot_tell_apart(
    tmp_path: Path,
) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "Regio's;Perioden;Geslacht;Bevolking\nEindhoven;2020;Mannen;117000\n", encoding="utf-8"
    )
    with pytest.raises(CbsError, match=r"field 'Geslacht': holds text, not figures"):
        open_csv(path, table_id="03759ned")
