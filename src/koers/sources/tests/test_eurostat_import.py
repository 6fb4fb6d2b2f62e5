"""Importing Eurostat tables: indicators, geographies, revisions, and bad input that writes nothing."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from koers.agendas.models import Geography
from koers.cli.main import main
from koers.indicators.models import Indicator, Observation
from koers.sources.eurostat_api import EurostatError, open_table
from koers.sources.eurostat_import import geography_level, import_eurostat
from koers.sources.series import StatisticsFormatError
from koers.testing import reference_dir

pytestmark = pytest.mark.django_db

NAMA = "eurostat/Rrbracci_MSB104_assignment1/nama_10r_3gdp.tsv.gz"
GERD = "eurostat/AAlmeidaM_extremaduraendatos/tests/fixtures/eurostat_rd_e_gerdreg.json"
GDP2 = "eurostat/AAlmeidaM_extremaduraendatos/tests/fixtures/eurostat_nama_10r_2gdp.json"
BRABANT = {"geo": {"NL41", "NL414"}, "unit": {"MIO_EUR"}}


def nama_copy(tmp_path: Path, old: str = "", new: str = "") -> Path:
    """nama_10r_3gdp, gunzipped, with `old` replaced by `new` once."""
    content = gzip.decompress((reference_dir() / NAMA).read_bytes()).decode()
    assert old in content
    path = tmp_path / "nama_10r_3gdp.tsv"
    path.write_text(content.replace(old, new, 1) if old else content, encoding="utf-8")
    return path


def nothing_written() -> bool:
    return not Observation.objects.exists() and not Indicator.objects.exists()


def test_a_bulk_tsv_imports_as_one_indicator_per_unit_with_flags_kept() -> None:
    table, result = import_eurostat(reference_dir() / NAMA, filters=BRABANT)
    assert result.indicators == ["eurostat-nama_10r_3gdp-mio_eur"]
    assert (result.stored.added, result.stored.revised, result.stored.unchanged) == (43, 0, 0)
    assert result.geographies_created == ["NL41", "NL414"]
    gdp = Indicator.objects.get(code="eurostat-nama_10r_3gdp-mio_eur")
    assert (gdp.publisher, gdp.unit, gdp.frequency) == (
        "Eurostat (nama_10r_3gdp)",
        "MIO_EUR",
        "annual",
    )
    region = Observation.objects.get(indicator=gdp, geography__code="NL414", period="2019")
    assert (region.value, region.provisional, region.source_status) == (42130.91, False, "")
    province = Observation.objects.get(indicator=gdp, geography__code="NL41", period="2021")
    assert (province.provisional, province.source_status) == (True, "p")
    assert "line 4882, field '2021'" in province.source_section
    assert table.retrieved is None


def test_a_re_import_adds_nothing_and_a_changed_value_adds_a_revision(tmp_path: Path) -> None:
    import_eurostat(nama_copy(tmp_path), filters=BRABANT, dataset="nama_10r_3gdp")
    _, again = import_eurostat(nama_copy(tmp_path), filters=BRABANT, dataset="nama_10r_3gdp")
    assert (again.stored.added, again.stored.revised, again.stored.unchanged) == (0, 0, 43)
    changed = nama_copy(tmp_path, "\t42249.45 p\t42130.91 ", "\t42249.45 p\t42135.00 ")
    _, revised = import_eurostat(changed, filters=BRABANT)
    assert (revised.stored.added, revised.stored.revised, revised.stored.unchanged) == (0, 1, 42)
    rows = Observation.objects.filter(geography__code="NL414", period="2019").order_by("id")
    assert [(row.value, row.revised) for row in rows] == [(42130.91, False), (42135.0, True)]


def test_missing_geographies_get_their_nuts_level_and_the_messages_label() -> None:
    _, result = import_eurostat(reference_dir() / GDP2)
    assert sorted(result.geographies_created) == [
        "EL30",
        "ES",
        "ES4",
        "ES43",
        "ESZZ",
        "EU27_2020",
        "FR10",
        "TR10",
    ]  # NO08 has no data
    places = {g.code: (g.level, g.name_en) for g in Geography.objects.all()}
    assert places["ES43"] == ("nuts2", "Extremadura")
    assert places["ES4"] == ("nuts1", "Centro (ES)")
    assert places["ES"] == ("country", "Spain")
    assert places["EU27_2020"] == ("country", "European Union - 27 countries (from 2020)")
    assert Indicator.objects.get(code="eurostat-nama_10r_2gdp-mio_eur").unit == "Million euro"


@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("NL", "country"),
        ("NL4", "nuts1"),
        ("NL41", "nuts2"),
        ("NL414", "nuts3"),
        ("EA20", "country"),
        ("EU28", "country"),
        ("EFTA", "country"),
        ("NLZZZ", "nuts3"),
    ],
)
def test_a_geography_level_follows_the_nuts_code_length(code: str, level: str) -> None:
    assert geography_level(code) == level


def test_other_dimensions_are_kept_on_the_observations() -> None:
    import_eurostat(reference_dir() / GERD, filters={"geo": {"DE11"}})
    rows = Observation.objects.filter(geography__code="DE11").order_by("series", "period")
    assert [(r.series, r.period, r.value, r.source_status) for r in rows] == [
        ("sectperf=BES", "2023", 6.9, "b"),
        ("sectperf=TOTAL", "2023", 7.33, ""),
    ]
    assert rows[0].dimensions == {"sectperf": "BES"}


def test_a_measure_selection_imports_only_that_measure() -> None:
    _, result = import_eurostat(
        reference_dir() / GDP2, measures={"PPS_EU27_2020_HAB"}, filters={"geo": {"ES43"}}
    )
    assert result.indicators == ["eurostat-nama_10r_2gdp-pps_eu27_2020_hab"]
    assert sorted(Observation.objects.values_list("period", "value")) == [
        ("2022", 24600.0),
        ("2023", 26800.0),
        ("2024", 28100.0),
    ]


# --- periods --------------------------------------------------------------------------


def test_quarters_and_months_become_koers_periods_and_freq_is_folded(tmp_path: Path) -> None:
    quarterly = tmp_path / "namq_10_gdp.tsv"
    quarterly.write_text(
        "freq,unit,geo\\TIME_PERIOD\t2019-Q2 \t2019-Q3 \nQ,CP_MEUR,NL\t200.5 \t210 p\n",
        encoding="utf-8",
    )
    monthly = tmp_path / "ei_lmhr_m.csv"
    monthly.write_text(
        "DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
        "ESTAT:EI_LMHR_M(1.0),01/01/24 11:00:00,M,PC_ACT,NL,2019M06,3.4,\n"
        "ESTAT:EI_LMHR_M(1.0),01/01/24 11:00:00,M,PC_ACT,NL,2019M07,3.5,p\n",
        encoding="utf-8",
    )
    import_eurostat(quarterly)
    import_eurostat(monthly)
    assert Indicator.objects.get(code="eurostat-namq_10_gdp-cp_meur").frequency == "quarterly"
    assert Indicator.objects.get(code="eurostat-ei_lmhr_m-pc_act").frequency == "monthly"
    assert sorted(Observation.objects.values_list("period", "value", "series", "provisional")) == [
        ("2019-06", 3.4, "", False),
        ("2019-07", 3.5, "", True),
        ("2019-Q2", 200.5, "", False),
        ("2019-Q3", 210.0, "", True),
    ]


# --- bad input ---------------------------------------------------------------------------


def test_a_malformed_tsv_line_names_file_line_and_field_and_writes_nothing(tmp_path: Path) -> None:
    path = nama_copy(tmp_path, "MIO_EUR,NL414\t: \t42249.45 p\t", "MIO_EUR,NL414\t: \t")
    with pytest.raises(StatisticsFormatError) as caught:
        import_eurostat(path, filters=BRABANT)
    assert (
        str(caught.value) == f"{path}, line 4886, field 'MIO_EUR,NL414': expected 22 cells, got 21"
    )
    assert nothing_written()


def test_a_malformed_line_outside_the_filters_is_refused_too(tmp_path: Path) -> None:
    path = nama_copy(tmp_path, "EUR_HAB,AL0\t", "EUR_HAB;AL0\t")
    with pytest.raises(StatisticsFormatError) as caught:
        open_table(path, filters=BRABANT)
    assert (caught.value.line, caught.value.field) == (3, "unit,geo\\time")
    assert "expected 2 comma-separated codes" in str(caught.value)


def test_a_bad_value_names_line_and_period_and_writes_nothing(tmp_path: Path) -> None:
    path = nama_copy(tmp_path, "\t42249.45 p\t42130.91 ", "\t42249.45 p\t42130,91 ")
    with pytest.raises(StatisticsFormatError) as caught:
        import_eurostat(path, filters=BRABANT)
    assert str(caught.value) == f"{path}, line 4886, field '2019': '42130,91' is not a number"
    assert nothing_written()
    assert not Geography.objects.exists()


def test_an_unknown_filter_code_or_dimension_is_refused_before_reading_values() -> None:
    path = reference_dir() / NAMA
    with pytest.raises(
        EurostatError,
        match=r"nama_10r_3gdp.tsv.gz: dimension unit has no code 'MIO_EURO'; it has EUR_HAB, ",
    ):
        import_eurostat(path, filters={"unit": {"MIO_EURO"}})
    with pytest.raises(
        EurostatError, match=r"no dimension 'currency'; it has \['geo', 'time', 'unit'\]"
    ):
        import_eurostat(path, filters={"currency": {"EUR"}})
    assert nothing_written()


def test_a_jsonstat_whose_sizes_do_not_match_its_values_is_refused(tmp_path: Path) -> None:
    data = json.loads((reference_dir() / GDP2).read_text())
    data["value"] = [1.0] * 50  # size says 1 x 2 x 9 x 3 = 54 cells
    path = tmp_path / "short.json"
    path.write_text(json.dumps(data))
    with pytest.raises(StatisticsFormatError) as caught:
        import_eurostat(path)
    assert str(caught.value) == f"{path}, field 'value': 'size' gives 54 cells, 'value' has 50"
    data["value"] = {"0": 1.0, "54": 2.0}
    path.write_text(json.dumps(data))
    with pytest.raises(StatisticsFormatError, match="position 54 lies outside the cube of 54"):
        import_eurostat(path)
    data["size"] = [1, 2, 8, 3]
    path.write_text(json.dumps(data))
    with pytest.raises(
        StatisticsFormatError, match="dimension 'geo' has 9 categories, 'size' says 8"
    ):
        import_eurostat(path)
    assert nothing_written()


def test_a_bad_flag_in_an_sdmx_csv_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text(
        "DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
        "ESTAT:X(1.0),,A,NR,NL,2019,3.4,\n"
        "ESTAT:X(1.0),,A,NR,NL,2020,3.5,p?\n",
        encoding="utf-8",
    )
    with pytest.raises(StatisticsFormatError) as caught:
        import_eurostat(path)
    assert str(caught.value) == f"{path}, line 3, field 'OBS_FLAG': 'p?': flags must be letters"
    assert nothing_written()


# --- the command -------------------------------------------------------------------------


def test_koers_import_eurostat_prints_what_it_imported(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(reference_dir() / NAMA)
    args = ["import", "eurostat", path, "--filter", "geo=NL41,NL414", "--filter", "unit=MIO_EUR"]
    assert main(args) == 0
    Indicator.objects.filter(code="eurostat-nama_10r_3gdp-mio_eur").update(name_en="GDP")
    assert main(args) == 0
    first, second = capsys.readouterr().out.split("imported Eurostat")[1:]
    assert "indicators: eurostat-nama_10r_3gdp-mio_eur\n" in first
    assert "observations: 43 added, 0 revised, 0 unchanged\n" in first
    assert "geographies created (2): NL41, NL414\n" in first
    assert "observations: 0 added, 0 revised, 43 unchanged\n" in second
    assert "geographies created: none\n" in second
    assert "name_en kept: stored 'GDP', the source says 'nama_10r_3gdp: MIO_EUR'" in second


def test_koers_import_eurostat_refuses_bad_input_and_says_nothing_was_written(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = str(reference_dir() / NAMA)
    assert main(["import", "eurostat", path, "--measure", "MIO"]) == 1
    err = capsys.readouterr().err
    assert "koers import eurostat: nama_10r_3gdp has no measure 'MIO'" in err
    assert err.endswith("nothing was written\n")
    assert main(["import", "eurostat", "no/such/file.tsv"]) == 1
    assert "no/such/file.tsv: no such file or folder" in capsys.readouterr().err
    assert nothing_written()


def test_a_table_without_a_geography_dimension_is_refused(tmp_path: Path) -> None:
    text = (reference_dir() / GERD).read_text().replace('"geo"', '"region"')
    path = tmp_path / "no_geo.json"
    path.write_text(text)
    with pytest.raises(EurostatError) as caught:
        import_eurostat(path)
    assert str(caught.value) == (
        f"{path}: no geography dimension 'geo'; it has ['freq', 'sectperf', 'unit', 'region']"
    )
    assert nothing_written()
