"""The statistics readers on real Eurostat and CBS files.

Values asserted here were read by eye from the raw files under
`datasets/brainport/reference/` (see its PROVENANCE.md). Format specimens that
hold no Dutch region (SDMX-CSV, JSON-stat, CBS OData) are read from the shared
reference collection and skipped where it is absent.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import koers
from koers.sources.series import CBS_FLAGS, EUROSTAT_FLAGS, normalise_flags, normalise_period
from koers.sources.statistics import (
    SeriesSpec,
    SeriesSpecError,
    StatisticsFormatError,
    StatPoint,
    load_file_feeds,
    read_series,
)
from koers.testing import reference_dir

DATASET = Path(koers.__file__).parent / "datasets" / "brainport"
REFERENCE = DATASET / "reference"
HISTORY = DATASET / "history.yaml"

NAMA = "eurostat/Rrbracci_MSB104_assignment1/nama_10r_3gdp.tsv.gz"
DEMO = "eurostat/Rrbracci_MSB104_assignment1/demo_r_pjanaggr3.tsv.gz"
PATENTS = "eurostat/nestauk_eurito_indicators/pat_ep_rtot_nr.csv"
BES_EUR = "eurostat/nestauk_eurito_indicators/rd_e_gerdreg_bes_mio_eur.csv"
EMPERS = "eurostat/datacommonsorg_data/Eurostats_NUTS3_Empers.NL41-excerpt.csv"
KERNCIJFERS = "cbs/IJHidding_Programming1Project/Data/70072ned_UntypedDataSet_29122019_191739.csv"
CBS_GDP = "cbs/soapsoup222_lightpollutionNL/data-raw/Regional_GDP.csv"
NUTS = {"NL414": "NL414", "NL41": "NL41", "NL": "NL"}


def spec(**fields: Any) -> SeriesSpec:
    source = {"title": "test", "publisher": "test", "reference": fields["file"]}
    return SeriesSpec.from_mapping({"indicator": "test", "source": source, **fields}, "test")


def read(base: Path, **fields: Any) -> dict[tuple[str, str], StatPoint]:
    points = read_series(base / fields["file"], spec(**fields))
    return {(point.geography, point.period): point for point in points}


def periods(points: dict[tuple[str, str], StatPoint], geography: str) -> list[str]:
    return sorted(period for geo, period in points if geo == geography)


# --- Eurostat bulk TSV ---------------------------------------------------------


def nama_gdp() -> dict[tuple[str, str], StatPoint]:
    return read(
        REFERENCE, file=NAMA, format="eurostat-tsv", filters={"unit": "MIO_EUR"}, geographies=NUTS
    )


def test_tsv_reads_gdp_of_the_region_province_and_country() -> None:
    gdp = nama_gdp()
    assert gdp["NL414", "2019"] == StatPoint("NL414", "2019", 42130.91, (), ())
    assert gdp["NL41", "2019"].value == 121243.84
    assert gdp["NL", "2000"].value == 452007


def test_tsv_normalises_the_provisional_flag() -> None:
    gdp = nama_gdp()
    assert gdp["NL414", "2020"] == StatPoint("NL414", "2020", 42249.45, ("provisional",), ("p",))
    assert gdp["NL", "2021"].flags == ("provisional",)


def test_tsv_skips_missing_cells() -> None:
    gdp = nama_gdp()
    # NL414 2021 is ":" in the file.
    assert periods(gdp, "NL414") == [str(year) for year in range(2000, 2021)]


def test_tsv_filters_choose_the_unit() -> None:
    per_head = read(
        REFERENCE, file=NAMA, format="eurostat-tsv", filters={"unit": "EUR_HAB"}, geographies=NUTS
    )
    assert per_head["NL414", "2019"].value == 54200
    assert per_head["NL41", "2021"] == StatPoint("NL41", "2021", 50100, ("provisional",), ("p",))


def test_tsv_filters_on_several_dimensions() -> None:
    filters = {"unit": "NR", "sex": "T", "age": "TOTAL"}
    population = read(
        REFERENCE, file=DEMO, format="eurostat-tsv", filters=filters, geographies=NUTS
    )
    assert population["NL414", "2022"].value == 791075
    assert population["NL", "1990"].value == 14892574
    assert periods(population, "NL414")[0] == "2003"  # ":" before 2003


def test_tsv_combined_flags_become_koers_flags_in_vocabulary_order() -> None:
    filters = {"unit": "NR", "sex": "F", "age": "TOTAL"}
    women = read(
        REFERENCE,
        file=DEMO,
        format="eurostat-tsv",
        filters=filters,
        geographies={"EU27_2020": "EU27"},
    )
    assert women["EU27", "2022"] == StatPoint(
        "EU27", "2022", 228390297, ("provisional", "estimated", "break"), ("b", "e", "p")
    )
    assert women["EU27", "2020"].flags == ("provisional", "estimated")


def test_tsv_keeps_flags_without_a_koers_meaning_only_as_source_flags() -> None:
    spain = {"ES531": "ES531"}
    per_head = read(
        REFERENCE, file=NAMA, format="eurostat-tsv", filters={"unit": "EUR_HAB"}, geographies=spain
    )
    assert per_head["ES531", "2001"] == StatPoint("ES531", "2001", 18600, (), ("d",))


def test_geography_mapping_renames_and_drops_codes() -> None:
    gdp = read(
        REFERENCE,
        file=NAMA,
        format="eurostat-tsv",
        filters={"unit": "MIO_EUR"},
        geographies={"NL414": "MRE"},
    )
    assert {geo for geo, _ in gdp} == {"MRE"}
    assert gdp["MRE", "2019"].value == 42130.91


# --- long CSVs (Nesta EURITO, Data Commons) ------------------------------------------------


def test_long_csv_reads_patent_applications() -> None:
    patents = read(REFERENCE, file=PATENTS, format="eurostat-long-csv", geographies=NUTS)
    assert patents["NL414", "2000"] == StatPoint("NL414", "2000", 1593.35, ())
    assert patents["NL414", "2011"].value == 1430.93
    assert len(periods(patents, "NL414")) == 36


def test_long_csv_skips_empty_cells() -> None:
    business_rd = read(
        REFERENCE, file=BES_EUR, format="eurostat-long-csv", geographies={"NL41": "NL41"}
    )
    # 2011-2019 are empty (confidential) in the file.
    assert periods(business_rd, "NL41")[-1] == "2009"
    assert business_rd["NL41", "2000"].value == 1610.0
    assert len(business_rd) == 11


def test_long_csv_reads_named_columns() -> None:
    geographies = {"dcid:nuts/NL414": "NL414", "dcid:nuts/NL41": "NL41"}
    columns = {"geo": "GeoId", "period": "Date", "value": "Count_Person_Employed_NACE/C"}
    manufacturing = read(
        REFERENCE, file=EMPERS, format="eurostat-long-csv", columns=columns, geographies=geographies
    )
    assert manufacturing["NL414", "2017"].value == 65900
    assert manufacturing["NL414", "2006"].value == 64599.99999999999  # as Data Commons wrote it


def test_decimals_round_away_converter_noise() -> None:
    geographies = {"dcid:nuts/NL414": "NL414"}
    columns = {"geo": "GeoId", "period": "Date", "value": "Count_Person_Employed_NACE/C"}
    manufacturing = read(
        REFERENCE,
        file=EMPERS,
        format="eurostat-long-csv",
        columns=columns,
        geographies=geographies,
        decimals=0,
    )
    assert manufacturing["NL414", "2006"].value == 64600


# --- CBS StatLine CSV -------------------------------------------------------------------------


def test_cbs_csv_strips_padded_codes_and_values() -> None:
    homes = read(
        REFERENCE,
        file=KERNCIJFERS,
        format="cbs-csv",
        columns={"value": "Nieuwbouwwoningen_91"},
        geographies={"PV30": "NL41"},
    )
    assert homes["NL41", "1995"] == StatPoint("NL41", "1995", 15274, ())
    assert periods(homes, "NL41")[-1] == "2018"  # 2019 is empty


def test_cbs_csv_skips_dot_for_not_available() -> None:
    columns = {"value": "GemiddeldeWoningwaarde_99"}
    house_value = read(
        REFERENCE, file=KERNCIJFERS, format="cbs-csv", columns=columns, geographies={"PV30": "NL41"}
    )
    assert ("NL41", "1995") not in house_value  # "       ." in the file
    assert house_value["NL41", "2012"].value == 257


def test_cbs_csv_scales_thousands() -> None:
    columns = {"value": "TotaalAantalBanen_112"}
    jobs = read(
        REFERENCE,
        file=KERNCIJFERS,
        format="cbs-csv",
        columns=columns,
        scale=1000,
        geographies={"PV30": "NL41"},
    )
    assert jobs["NL41", "2008"].value == 1213800


def test_cbs_csv_marks_starred_years_provisional() -> None:
    columns = {
        "geo": "Regions",
        "period": "Periods",
        "value": "GDP (market prices) (million euros)",
    }
    gdp = read(
        REFERENCE,
        file=CBS_GDP,
        format="cbs-csv",
        columns=columns,
        geographies={"Noord-Brabant (PV)": "NL41"},
    )
    assert gdp["NL41", "2021"] == StatPoint("NL41", "2021", 132852, ("provisional",), ("*",))
    assert gdp["NL41", "2019"] == StatPoint("NL41", "2019", 121244, ())
    assert periods(gdp, "NL41") == [str(year) for year in range(2015, 2023)]


def test_cbs_population_of_noord_brabant_equals_eurostat_nl41() -> None:
    # Why history.yaml loads population from Eurostat only: CBS's figures are the same.
    columns = {"value": "TotaleBevolking_1"}
    cbs = read(
        REFERENCE, file=KERNCIJFERS, format="cbs-csv", columns=columns, geographies={"PV30": "NL41"}
    )
    filters = {"unit": "NR", "sex": "T", "age": "TOTAL"}
    eurostat = read(
        REFERENCE, file=DEMO, format="eurostat-tsv", filters=filters, geographies={"NL41": "NL41"}
    )
    overlap = sorted(set(cbs) & set(eurostat))
    assert overlap[0] == ("NL41", "2000") and overlap[-1] == ("NL41", "2019")
    assert all(cbs[key].value == eurostat[key].value for key in overlap)


# --- format specimens from the shared collection -----------------------------------------------


def test_sdmx_csv_reads_values_and_obs_flags() -> None:
    base = reference_dir()
    gdp = read(
        base,
        file="eurostat/Rrbracci_MSB104_assignment1/nama_10r_3gdp_page_linear.csv.gz",
        format="eurostat-sdmx-csv",
        filters={"unit": "MIO_EUR"},
        geographies={"DE111": "DE111"},
    )
    assert gdp["DE111", "2010"] == StatPoint("DE111", "2010", 42599.36, ())
    assert gdp["DE111", "2019"] == StatPoint("DE111", "2019", 57510.22, ("estimated",), ("e",))
    population = read(
        base,
        file="eurostat/Rrbracci_MSB104_assignment1/demo_r_pjanaggr3_page_linear.csv.gz",
        format="eurostat-sdmx-csv",
        filters={"sex": "T", "age": "TOTAL"},
        geographies={"DE111": "DE111"},
    )
    assert population["DE111", "2011"] == StatPoint("DE111", "2011", 583868, ("break",), ("b",))


def test_jsonstat_reads_sparse_values_and_statuses() -> None:
    rd = read(
        reference_dir(),
        file="eurostat/AAlmeidaM_extremaduraendatos/tests/fixtures/eurostat_rd_e_gerdreg.json",
        format="eurostat-jsonstat",
        filters={"sectperf": "BES"},
        geographies={"EU27_2020": "EU27", "DE11": "DE11", "ES43": "ES43"},
    )
    assert rd["EU27", "2022"] == StatPoint("EU27", "2022", 1.48, ("estimated",), ("e",))
    assert rd["DE11", "2023"] == StatPoint("DE11", "2023", 6.9, ("break",), ("b",))
    # Position 16 holds 0.18; position 17 has the status "|C" but no value.
    assert periods(rd, "ES43") == ["2022", "2023"]
    assert periods(rd, "DE11") == ["2023"]


def test_jsonstat_skips_positions_with_no_data() -> None:
    gdp = read(
        reference_dir(),
        file="eurostat/AAlmeidaM_extremaduraendatos/tests/fixtures/eurostat_nama_10r_2gdp.json",
        format="eurostat-jsonstat",
        filters={"unit": "MIO_EUR"},
        geographies={"ES43": "ES43", "NO08": "NO08"},
    )
    assert gdp["ES43", "2024"] == StatPoint("ES43", "2024", 26583.5, ("provisional",), ("p",))
    assert periods(gdp, "NO08") == []


def test_odata_reads_quarters_of_a_province() -> None:
    vacancies = read(
        reference_dir(),
        file="cbs/HenricoWitvliet_CBSOData3.jl/test/tables_2.json",
        format="cbs-odata-json",
        columns={"value": "OpenstaandeVacatures_1"},
        filters={"BedrijfstakkenBranchesSBI2008": "T001081"},
        geographies={"PV30": "NL41", "NL01": "NL"},
    )
    assert vacancies["NL41", "2011-Q1"] == StatPoint("NL41", "2011-Q1", 21.1, ())
    assert vacancies["NL", "2011-Q1"].value == 135.5
    assert len(periods(vacancies, "NL41")) == 38


def test_odata_reads_a_typed_data_set() -> None:
    jobs = read(
        reference_dir(),
        file="cbs/HenricoWitvliet_CBSOData3.jl/test/meta_8.json",
        format="cbs-odata-json",
        columns={"geo": "Persoonskenmerken", "value": "Totaal_1"},
        filters={"BedrijfstakkenSBI93": "99"},
        geographies={"1": "NL"},
    )
    assert jobs["NL", "2001"].value == 8811.0


# --- normalisation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "koers_period"),
    [
        ("2019", "2019"),
        ("2019 ", "2019"),
        ("2019JJ00", "2019"),
        ("2019Q3", "2019-Q3"),
        ("2019-Q3", "2019-Q3"),
        ("2019KW03", "2019-Q3"),
        ("2019M06", "2019-06"),
        ("2019-06", "2019-06"),
        ("2019MM06", "2019-06"),
    ],
)
def test_periods_are_written_the_koers_way(source: str, koers_period: str) -> None:
    assert normalise_period(source) == koers_period


@pytest.mark.parametrize("source", ["19", "2019M13", "2019KW05", "2019X000", ""])
def test_unknown_periods_are_refused(source: str) -> None:
    with pytest.raises(ValueError):
        normalise_period(source)


def test_flags_map_to_the_koers_vocabulary() -> None:
    assert normalise_flags(("p",), EUROSTAT_FLAGS) == ("provisional",)
    assert normalise_flags(("b", "e", "p"), EUROSTAT_FLAGS) == ("provisional", "estimated", "break")
    assert normalise_flags(("r", "c", "d"), EUROSTAT_FLAGS) == ("revised",)
    assert normalise_flags(("**",), CBS_FLAGS) == ("provisional", "revised")


# --- bad input ---------------------------------------------------------------------------------


def corrupt(source: Path, target: Path, old: str, new: str) -> int:
    """Copy `source` (gunzipped) to `target` with the first `old` replaced; the line changed."""
    raw = source.read_bytes()
    text = (gzip.decompress(raw) if source.suffix == ".gz" else raw).decode("utf-8-sig")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def error(path: Path, **fields: Any) -> StatisticsFormatError:
    with pytest.raises(StatisticsFormatError) as caught:
        read_series(path, spec(**fields))
    return caught.value


def test_a_bad_tsv_cell_names_file_line_and_period(tmp_path: Path) -> None:
    path = tmp_path / "nama_10r_3gdp.tsv"
    line = corrupt(
        REFERENCE / NAMA,
        path,
        "MIO_EUR,NL414\t: \t42249.45 p\t42130.91 ",
        "MIO_EUR,NL414\t: \t42249.45 p\t42130,91 ",
    )
    assert line == 4886  # MIO_EUR,NL414 is line 4886 of the original
    failure = error(
        path, file=NAMA, format="eurostat-tsv", filters={"unit": "MIO_EUR"}, geographies=NUTS
    )
    assert (failure.path, failure.line, failure.field) == (path, 4886, "2019")
    assert str(failure).startswith(f"{path}, line 4886, field '2019': '42130,91' is not a number")


def test_bad_tsv_flags_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "nama_10r_3gdp.tsv"
    corrupt(REFERENCE / NAMA, path, "42249.45 p", "42249.45 p?")
    failure = error(
        path, file=NAMA, format="eurostat-tsv", filters={"unit": "MIO_EUR"}, geographies=NUTS
    )
    assert (failure.line, failure.field) == (4886, "2020")


def test_a_short_tsv_row_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nama_10r_3gdp.tsv"
    corrupt(REFERENCE / NAMA, path, "\t42130.91 \t", "\t")
    failure = error(
        path, file=NAMA, format="eurostat-tsv", filters={"unit": "MIO_EUR"}, geographies=NUTS
    )
    assert (failure.line, failure.field) == (4886, "MIO_EUR,NL414")


def test_an_unknown_filter_dimension_is_refused() -> None:
    failure = error(
        REFERENCE / NAMA,
        file=NAMA,
        format="eurostat-tsv",
        filters={"currency": "EUR"},
        geographies=NUTS,
    )
    assert (failure.line, failure.field) == (1, "unit,geo\\time")
    assert "no dimension 'currency'" in str(failure)


def test_filters_too_loose_for_one_value_a_period_are_refused() -> None:
    # Without a unit filter every NL414 year has seven values.
    failure = error(
        REFERENCE / NAMA, file=NAMA, format="eurostat-tsv", geographies={"NL414": "NL414"}
    )
    assert "second value for NL414 2020" in str(failure)


def test_a_bad_long_csv_value_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "pat_ep_rtot_nr.csv"
    line = corrupt(
        REFERENCE / PATENTS, path, "2011,NUTS,2010,NL414,3,1430.93", "2011,NUTS,2010,NL414,3,n/a"
    )
    failure = error(path, file=PATENTS, format="eurostat-long-csv", geographies=NUTS)
    assert (failure.path, failure.line, failure.field) == (path, line, "pat_ep_rtot_nr")


def test_a_missing_long_csv_column_is_refused() -> None:
    failure = error(
        REFERENCE / EMPERS,
        file=EMPERS,
        format="eurostat-long-csv",
        columns={"geo": "GeoId", "period": "Year"},
        geographies=NUTS,
    )
    assert (failure.line, failure.field) == (1, "Year")


def test_a_bad_cbs_value_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "70072ned.csv"
    line = corrupt(
        REFERENCE / KERNCIJFERS,
        path,
        '"PV30  ";"1995JJ00";" 2276207"',
        '"PV30  ";"1995JJ00";"2.276.207"',
    )
    failure = error(
        path,
        file=KERNCIJFERS,
        format="cbs-csv",
        columns={"value": "TotaleBevolking_1"},
        geographies={"PV30": "NL41"},
    )
    assert (failure.line, failure.field) == (line, "TotaleBevolking_1")
    assert line == 252


def test_a_bad_cbs_period_names_the_period_column(tmp_path: Path) -> None:
    path = tmp_path / "Regional_GDP.csv"
    line = corrupt(
        REFERENCE / CBS_GDP, path, '"2019";"Noord-Brabant (PV)"', '"2019?";"Noord-Brabant (PV)"'
    )
    columns = {
        "geo": "Regions",
        "period": "Periods",
        "value": "GDP (market prices) (million euros)",
    }
    failure = error(
        path,
        file=CBS_GDP,
        format="cbs-csv",
        columns=columns,
        geographies={"Noord-Brabant (PV)": "NL41"},
    )
    assert (failure.line, failure.field) == (line, "Periods")


def test_broken_json_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"value": [\n{"RegioS": "PV30  ",\n}]}', encoding="utf-8")
    failure = error(
        path,
        file="broken.json",
        format="cbs-odata-json",
        columns={"value": "X"},
        geographies={"PV30": "NL41"},
    )
    assert failure.line == 3


def test_a_bad_odata_value_names_record_and_field(tmp_path: Path) -> None:
    rows = json.loads(
        (reference_dir() / "cbs/HenricoWitvliet_CBSOData3.jl/test/tables_2.json").read_text()
    )
    rows["value"][570]["OpenstaandeVacatures_1"] = "   21,1"
    path = tmp_path / "tables_2.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    columns = {"value": "OpenstaandeVacatures_1"}
    failure = error(
        path,
        file="tables_2.json",
        format="cbs-odata-json",
        columns=columns,
        geographies={"PV30": "NL41"},
    )
    assert (failure.record, failure.field) == ("value[570]", "OpenstaandeVacatures_1")


def test_a_truncated_gzip_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nama_10r_3gdp.tsv.gz"
    path.write_bytes((REFERENCE / NAMA).read_bytes()[:20000])
    failure = error(
        path, file=NAMA, format="eurostat-tsv", filters={"unit": "MIO_EUR"}, geographies=NUTS
    )
    assert failure.path == path


# --- specs --------------------------------------------------------------------------------------


def test_spec_errors_name_where_they_are() -> None:
    good = {
        "indicator": "gdp",
        "file": NAMA,
        "format": "eurostat-tsv",
        "geographies": NUTS,
        "source": {"title": "t", "publisher": "p", "reference": NAMA},
    }
    cases = [
        ({**good, "unit": "MIO_EUR"}, "unknown key(s) ['unit']"),
        (
            {key: value for key, value in good.items() if key != "source"},
            "missing key(s) ['source']",
        ),
        ({**good, "format": "xlsx"}, "format: 'xlsx' is not one of"),
        ({**good, "file": "../shared/x.csv"}, "file: '../shared/x.csv' must be a relative path"),
        ({**good, "format": "cbs-csv"}, "columns: format cbs-csv needs columns.value"),
        ({**good, "geographies": {}}, "geographies: map at least one"),
        ({**good, "indicator": "GDP"}, "indicator: 'GDP' is not a lower-case slug"),
        ({**good, "scale": 0}, "scale: must be a positive number"),
        ({**good, "source": {"title": "t"}}, "source: missing key(s) ['publisher', 'reference']"),
    ]
    for data, message in cases:
        with pytest.raises(SeriesSpecError) as caught:
            SeriesSpec.from_mapping(data, "history.yaml: reference_series[3]")
        assert str(caught.value).startswith("history.yaml: reference_series[3]")
        assert message in str(caught.value)


def test_yaml_codes_that_read_as_numbers_are_kept_as_text() -> None:
    data = {
        "indicator": "x",
        "file": PATENTS,
        "format": "eurostat-long-csv",
        "filters": {"region_level": 3},
        "geographies": NUTS,
        "source": {"title": "t", "publisher": "p", "reference": PATENTS},
    }
    patents = read_series(REFERENCE / PATENTS, SeriesSpec.from_mapping(data, "test"))
    assert {point.geography for point in patents} == {"NL414"}


# --- the shipped history.yaml -------------------------------------------------------------------


def history_specs() -> list[SeriesSpec]:
    return load_file_feeds(HISTORY)


def history_feeds() -> list[tuple[dict[str, Any], SeriesSpec]]:
    """Each file feed of history.yaml as declared, beside its SeriesSpec."""
    data = yaml.safe_load(HISTORY.read_text(encoding="utf-8"))
    entries = [e for e in data["feeds"] if e.get("connector", "file") == "file"]
    return list(zip(entries, history_specs(), strict=True))


def kept_points(entry: dict[str, Any], spec: SeriesSpec) -> list[StatPoint]:
    """The points a feed stores: within its periods, only Koers geographies for "*"."""
    points = read_series(REFERENCE / spec.file, spec)
    bounds = entry.get("periods") or {}
    points = [p for p in points if p.period >= str(bounds.get("from", ""))]
    if "to" in bounds:
        points = [p for p in points if p.period <= str(bounds["to"])]
    if "*" in spec.geographies:
        known = set(dataset_codes("geographies"))
        points = [p for p in points if p.geography in known]
    return points


def dataset_codes(section: str) -> list[str]:
    codes = []
    for path in sorted(DATASET.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        codes += [entry["code"] for entry in data.get(section) or []]
    return codes


@pytest.mark.parametrize(
    ("entry", "spec"), history_feeds(), ids=[entry["name"] for entry, _ in history_feeds()]
)
def test_every_history_feed_reads_every_mapped_geography(
    entry: dict[str, Any], spec: SeriesSpec
) -> None:
    found = {point.geography for point in kept_points(entry, spec)}
    if "*" in spec.geographies:
        # Every municipality of the Metropoolregio Eindhoven is in the new-build files.
        assert {code for code in dataset_codes("geographies") if code.startswith("GM")} <= found
    elif "rank" not in entry:
        assert found == set(spec.geographies.values())


def test_history_feeds_never_give_one_indicator_two_values_for_a_period() -> None:
    seen: dict[tuple[str, str, str], str] = {}
    for entry, spec in history_feeds():
        if "rank" in entry:
            continue  # a ranked feed stores ranks, not the values it reads
        for point in kept_points(entry, spec):
            key = (spec.indicator, point.geography, point.period)
            assert key not in seen, f"{key} from {spec.file} and {seen[key]}"
            seen[key] = spec.file


def test_history_uses_known_indicators_and_geographies() -> None:
    indicators, geographies = dataset_codes("indicators"), set(dataset_codes("geographies"))
    assert len(indicators) == len(set(indicators)), "an indicator code is defined twice"
    for spec in history_specs():
        assert spec.indicator in indicators
        assert set(spec.geographies.values()) - {"*"} <= geographies


def test_history_sources_point_at_their_own_file() -> None:
    for entry in history_specs():
        assert entry.source.reference == entry.file


def test_reference_files_match_their_provenance() -> None:
    listed = dict(
        re.findall(
            r"^\| `([^`]+)` \| [\d,]+ \| `([0-9a-f]{64})` \|$",
            (REFERENCE / "PROVENANCE.md").read_text(),
            re.M,
        )
    )
    shipped = {
        str(path.relative_to(REFERENCE)) for path in REFERENCE.rglob("*") if path.is_file()
    } - {"PROVENANCE.md"}
    assert set(listed) == shipped
    for name, digest in listed.items():
        assert hashlib.sha256((REFERENCE / name).read_bytes()).hexdigest() == digest, name
    assert {entry.file for entry in history_specs()} <= shipped
