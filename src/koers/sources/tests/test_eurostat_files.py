"""The Eurostat connector reads every real Eurostat file of the shared reference collection.

Each test counts the file's non-empty values its own way (a regular
expression, the csv or json module: not the connector's parsers) and
compares, then checks real values, periods and flags. Files: see
`reference/PROVENANCE.md`, sections 2 and "Added 2026-12" (Eurostat) and 1
(SDMX specimens of the sdmx1 project).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from koers.sources.eurostat_api import open_table
from koers.sources.eurostat_sdmx import DeferredDataError
from koers.sources.series import StatisticsFormatError
from koers.sources.tables import TableValue
from koers.testing import reference_dir

BULK = "eurostat/Rrbracci_MSB104_assignment1"
JSONSTAT = "eurostat/AAlmeidaM_extremaduraendatos/tests/fixtures"
NESTA = "eurostat/nestauk_eurito_indicators"
FIMPLANK = "eurostat/FIMPlank_TWIN_Analytics/extracts"


def ref(name: str) -> Path:
    return reference_dir() / name


def text(path: Path) -> str:
    raw = path.read_bytes()
    return (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8-sig")


def by_key(values: Iterable[TableValue]) -> dict[tuple[str, str, str, str], TableValue]:
    """Values by measure, geography, period and series (the other dimensions)."""
    keyed = {}
    for value in values:
        series = "|".join(f"{k}={v}" for k, v in value.dimensions.items())
        key = (value.measure, value.geography, value.period, series)
        assert key not in keyed, f"{key} twice"
        keyed[key] = value
    return keyed


# --- bulk TSV ---------------------------------------------------------------------


def count_tsv_numbers(path: Path) -> int:
    # A value is a tab followed by a number; ":" marks a missing one. Line 1 holds the years.
    body = text(path).split("\n", 1)[1]
    return len(re.findall(r"\t-?\d+(?:\.\d+)?", body))


def test_nama_10r_3gdp_bulk_tsv_reads_every_value_with_its_flags() -> None:
    path = ref(f"{BULK}/nama_10r_3gdp.tsv.gz")
    table = open_table(path)
    values = by_key(table.values())
    assert len(values) == count_tsv_numbers(path) == 253_544
    assert table.table_id == "nama_10r_3gdp"
    assert [m.code for m in table.measures] == [
        "EUR_HAB",
        "EUR_HAB_EU27_2020",
        "MIO_EUR",
        "MIO_NAC",
        "MIO_PPS_EU27_2020",
        "PPS_EU27_2020_HAB",
        "PPS_HAB_EU27_2020",
    ]
    assert values["MIO_EUR", "NL414", "2019", ""].value == 42130.91
    assert values["MIO_EUR", "NL41", "2019", ""].value == 121243.84
    assert values["MIO_EUR", "NL41", "2019", ""].flags == ()
    for year in ("2020", "2021"):
        provisional = values["MIO_EUR", "NL41", year, ""]
        assert (provisional.flags, provisional.status) == (("provisional",), "p")
    assert ("MIO_EUR", "NL414", "2021", "") not in values  # ":" in the file


def test_nama_10r_3gdp_filters_narrow_the_table_and_its_measures() -> None:
    table = open_table(
        ref(f"{BULK}/nama_10r_3gdp.tsv.gz"),
        filters={"geo": {"NL41", "NL414"}, "unit": {"MIO_EUR"}},
    )
    values = by_key(table.values())
    assert [m.code for m in table.measures] == ["MIO_EUR"]
    assert sorted(
        {(v.geography, len([p for p in values if p[1] == v.geography])) for v in values.values()}
    ) == [
        ("NL41", 22),
        ("NL414", 21),
    ]
    assert values["MIO_EUR", "NL414", "2020", ""].value == 42249.45
    assert "line 4886, field '2020'" in values["MIO_EUR", "NL414", "2020", ""].where


def test_demo_r_pjanaggr3_bulk_tsv_keeps_sex_and_age_on_each_value() -> None:
    path = ref(f"{BULK}/demo_r_pjanaggr3.tsv.gz")
    table = open_table(path)
    assert sum(1 for _ in table.values()) == count_tsv_numbers(path) == 649_008
    population = by_key(open_table(path, filters={"geo": {"NL414", "EU27_2020"}}).values())
    assert population["NR", "NL414", "2022", "sex=T|age=TOTAL"].value == 791_075
    women = population["NR", "EU27_2020", "2022", "sex=F|age=TOTAL"]
    assert (women.value, women.status) == (228_390_297, "bep")
    assert women.flags == ("provisional", "estimated", "break")


# --- SDMX-CSV linear exports ------------------------------------------------------


def count_csv_values(path: Path, column: str) -> int:
    rows = csv.DictReader(io.StringIO(text(path)))
    return sum(1 for row in rows if row[column].strip())


@pytest.mark.parametrize(
    ("name", "count"),
    [("nama_10r_3gdp_page_linear.csv.gz", 9_744), ("demo_r_pjanaggr3_page_linear.csv.gz", 9_403)],
)
def test_sdmx_csv_exports_read_every_value(name: str, count: int) -> None:
    path = ref(f"{BULK}/{name}")
    values = list(open_table(path).values())
    assert len(values) == count_csv_values(path, "OBS_VALUE") == count


def test_sdmx_csv_names_its_flow_and_keeps_obs_flags() -> None:
    gdp_table = open_table(ref(f"{BULK}/nama_10r_3gdp_page_linear.csv.gz"))
    assert gdp_table.table_id == "nama_10r_3gdp"  # from DATAFLOW ESTAT:NAMA_10R_3GDP(1.0)
    gdp = by_key(gdp_table.values())
    assert gdp["MIO_EUR", "DE111", "2010", ""].value == 42599.36
    estimate = gdp["MIO_EUR", "DE111", "2019", ""]
    assert (estimate.value, estimate.flags, estimate.status) == (57510.22, ("estimated",), "e")
    people = by_key(open_table(ref(f"{BULK}/demo_r_pjanaggr3_page_linear.csv.gz")).values())
    broken = people["NR", "DE111", "2011", "sex=T|age=TOTAL"]
    assert (broken.value, broken.flags, broken.status) == (583_868, ("break",), "b")


# --- JSON-stat ----------------------------------------------------------------------


def count_json_values(path: Path) -> int:
    values = json.loads(path.read_text())["value"]
    cells = values.values() if isinstance(values, dict) else values
    return sum(1 for cell in cells if cell is not None)


def test_jsonstat_rd_e_gerdreg_reads_sparse_values_with_e_and_b_flags() -> None:
    path = ref(f"{JSONSTAT}/eurostat_rd_e_gerdreg.json")
    table = open_table(path)
    values = by_key(table.values())
    assert len(values) == count_json_values(path) == 12
    assert table.table_id == "rd_e_gerdreg"
    assert table.title == "GERD by sector of performance and NUTS 2 region"
    estimate = values["PC_GDP", "EU27_2020", "2022", "sectperf=BES"]
    assert (estimate.value, estimate.flags, estimate.status) == (1.48, ("estimated",), "e")
    broken = values["PC_GDP", "DE11", "2023", "sectperf=BES"]
    assert (broken.value, broken.flags, broken.status) == (6.9, ("break",), "b")
    # Position 17 (ES43, BES, 2024) has the status "|C" (confidential) and no value.
    assert values["PC_GDP", "ES43", "2023", "sectperf=BES"].value == 0.18
    assert ("PC_GDP", "ES43", "2024", "sectperf=BES") not in values


def test_jsonstat_nama_10r_2gdp_reads_provisional_values_and_geography_labels() -> None:
    path = ref(f"{JSONSTAT}/eurostat_nama_10r_2gdp.json")
    table = open_table(path)
    values = by_key(table.values())
    assert len(values) == count_json_values(path) == 45
    provisional = values["MIO_EUR", "ES43", "2024", ""]
    assert (provisional.value, provisional.flags, provisional.status) == (
        26583.5,
        ("provisional",),
        "p",
    )
    assert not [key for key in values if key[1] == "NO08"]  # positions-with-no-data
    geo = next(d for d in table.dimensions if d.role == "geo")
    assert geo.labels["ES43"] == "Extremadura"
    unit = table.measure("MIO_EUR")
    assert unit is not None and unit.unit == "Million euro"


# --- long CSVs --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "count"),
    [  # rows with a value (PROVENANCE counts rows, some of them empty)
        ("pat_ep_rtot_nr.csv", 54_590),
        ("pat_ep_rtot_p_mhab.csv", 24_863),
        ("rd_e_gerdreg_total_pc_gdp.csv", 6_605),
        ("rd_e_gerdreg_bes_pc_gdp.csv", 6_567),
        ("rd_e_gerdreg_bes_mio_eur.csv", 8_553),
        ("rd_p_persreg_t_bes_total_fte.csv", 8_337),
        ("rd_p_persreg_t_total_total_fte.csv", 7_585),
        ("hrst_st_rcat_hrst_pc_act.csv", 9_942),
    ],
)
def test_every_nesta_long_csv_reads_every_non_empty_value(name: str, count: int) -> None:
    path = ref(f"{NESTA}/{name}")
    header = next(csv.reader(io.StringIO(text(path))))
    table = open_table(path)
    assert len(list(table.values())) == count_csv_values(path, header[-1]) == count
    assert [m.code for m in table.measures] == [header[-1]]


def test_nesta_patents_are_one_measure_named_after_the_value_column() -> None:
    table = open_table(ref(f"{NESTA}/pat_ep_rtot_nr.csv"), dataset="pat_ep_rtot")
    patents = by_key(table.values())
    assert [m.code for m in table.measures] == ["pat_ep_rtot_nr"]
    assert table.table_id == "pat_ep_rtot"
    assert patents["pat_ep_rtot_nr", "NL414", "2000", ""].value == 1593.35
    assert patents["pat_ep_rtot_nr", "NL414", "2011", ""].value == 1430.93
    business = by_key(open_table(ref(f"{NESTA}/rd_e_gerdreg_bes_mio_eur.csv")).values())
    nl41 = sorted(key[2] for key in business if key[1] == "NL41")
    assert (len(nl41), nl41[-1]) == (11, "2009")  # empty (confidential) after 2009


@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("regional_gva_nuts3__NL41_NL414_CP_MEUR_TOTAL.csv", 50),
        ("regional_gva_nuts3__NL41_NL414_CP_MEUR_C.csv", 86),
        ("regional_gva_nuts3__NL41_NL414_CP_MEUR_B-E.csv", 52),
        ("regional_employment_nuts3__NL41_NL414_TOTAL.csv", 50),
        ("regional_employment_nuts3__NL41_NL414_B-E.csv", 48),
    ],
)
def test_every_fimplank_extract_reads_every_value(name: str, count: int) -> None:
    path = ref(f"{FIMPLANK}/{name}")
    values = list(open_table(path).values())
    assert len(values) == count_csv_values(path, "value") == count


def test_fimplank_extracts_keep_the_sector_and_status_dimensions() -> None:
    jobs = by_key(
        open_table(
            ref(f"{FIMPLANK}/regional_employment_nuts3__NL41_NL414_TOTAL.csv"),
            dataset="nama_10r_3empers",
        ).values()
    )
    assert jobs["THS", "NL414", "2023", "wstatus=EMP|nace_r2=TOTAL"].value == 502.1
    manufacturing = by_key(
        open_table(ref(f"{FIMPLANK}/regional_gva_nuts3__NL41_NL414_CP_MEUR_C.csv")).values()
    )
    assert len([key for key in manufacturing if key[1] == "NL414"]) == 24  # 2000-2023


# --- SDMX-ML --------------------------------------------------------------------------


def test_sdmx_ml_structure_specific_data_reads_every_observation() -> None:
    path = ref("sdmx/ESTAT/NAMA_10_GDP-ss.xml")
    table = open_table(path)
    values = by_key(table.values())
    assert len(values) == len(re.findall(r"<Obs [^>]*OBS_VALUE=", path.read_text())) == 4
    assert table.table_id == "nama_10_gdp"
    assert [m.code for m in table.measures] == ["CP_MEUR"]
    assert values["CP_MEUR", "LU", "2012", "na_item=B1GQ"].value == 46526.2
    assert values["CP_MEUR", "LU", "2015", "na_item=B1GQ"].value == 54142.3


def test_sdmx_ml_measures_by_indicator_and_unit_when_asked() -> None:
    table = open_table(ref("sdmx/ESTAT/NAMA_10_GDP-ss.xml"), measure_dimensions=("na_item", "unit"))
    assert [m.code for m in table.measures] == ["B1GQ.CP_MEUR"]
    assert {v.dimensions == {} for v in table.values()} == {True}


def test_eurostats_deferred_answer_names_the_address_of_the_file() -> None:
    with pytest.raises(DeferredDataError) as caught:
        open_table(ref("sdmx/ESTAT/footer.xml"))
    assert (
        caught.value.address == "http://ec.europa.eu/eurostat/SDMX/diss-web/file/wHsvjs7hQCy7Dqf4"
    )
    assert "footer.xml: Eurostat did not send the data (message 413" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("sdmx/ESTAT/CL_FREQ.xml", "structure"),
        ("sdmx/ECB_EXR/1/structure.xml", "structure"),
        ("sdmx/ESTAT/esms.xml", "metadata"),
    ],
)
def test_an_sdmx_message_without_data_is_refused_by_its_kind(name: str, kind: str) -> None:
    with pytest.raises(StatisticsFormatError) as caught:
        open_table(ref(name))
    # sdmx1 may already refuse a structure message when it has read a data message before.
    message = str(caught.value)
    assert message.startswith(str(ref(name))) and "data message" in message
    assert f"SDMX {kind} message, not data" in message or "not an SDMX-ML data message" in message
