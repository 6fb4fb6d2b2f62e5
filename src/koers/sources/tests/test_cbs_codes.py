"""CBS periods, statuses and region codes as Koers reads them, checked against real files."""

from __future__ import annotations

import csv
import gzip
from collections import defaultdict

import pytest

from koers.sources.cbs_codes import (
    PROVINCES,
    CbsPeriod,
    Selection,
    geography_spec,
    read_number,
    read_period,
    region_names,
    status_flags,
)
from koers.sources.tables import GeographySpec
from koers.testing import reference_dir

# The 21 municipalities of the Metropoolregio Eindhoven (reference PROVENANCE.md, "Added
# 2026-12"), by the names StatLine gives them.
MRE = {
    "Asten": "GM0743",
    "Bergeijk": "GM1724",
    "Best": "GM0753",
    "Bladel": "GM1728",
    "Cranendonck": "GM1706",
    "Deurne": "GM0762",
    "Eersel": "GM0770",
    "Eindhoven": "GM0772",
    "Geldrop-Mierlo": "GM1771",
    "Gemert-Bakel": "GM1652",
    "Heeze-Leende": "GM1658",
    "Helmond": "GM0794",
    "Laarbeek": "GM1659",
    "Nuenen, Gerwen en Nederwetten": "GM0820",
    "Oirschot": "GM0823",
    "Reusel-De Mierden": "GM1667",
    "Someren": "GM0847",
    "Son en Breugel": "GM0848",
    "Valkenswaard": "GM0858",
    "Veldhoven": "GM0861",
    "Waalre": "GM0866",
}


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2019JJ00", CbsPeriod("2019JJ00", "2019")),
        ("2019KW03", CbsPeriod("2019KW03", "2019-Q3")),
        ("2019MM06", CbsPeriod("2019MM06", "2019-06")),
        ("2021*", CbsPeriod("2021", "2021", "*")),
        ("2021** ", CbsPeriod("2021", "2021", "**")),
    ],
)
def test_cbs_periods_read_as_koers_periods(text: str, period: CbsPeriod) -> None:
    assert read_period(text) == period


def test_a_period_koers_cannot_place_is_refused() -> None:
    with pytest.raises(ValueError, match="'2019HJ01' is not a year, quarter or month"):
        read_period("2019HJ01")


@pytest.mark.parametrize(
    ("status", "flags"),
    [
        ("Definitief", ()),
        ("Voorlopig", ("provisional",)),
        ("Nader voorlopig", ("provisional", "revised")),
        ("NaderVoorlopig", ("provisional", "revised")),
        ("*", ("provisional",)),
        ("**", ("provisional", "revised")),
    ],
)
def test_statuses_become_koers_flags(status: str, flags: tuple[str, ...]) -> None:
    assert status_flags(status) == flags


def test_numbers_are_read_and_empty_cells_are_none() -> None:
    assert read_number("  557995") == 557995.0
    assert read_number(-1200) == -1200.0
    assert [read_number(c) for c in (".", "x", "", None, "   ")] == [None] * 5
    with pytest.raises(ValueError, match="'12a' is not a number"):
        read_number("12a")


@pytest.mark.parametrize(
    ("code", "label", "spec"),
    [
        ("NL01", "Nederland", GeographySpec("NL", "country", "Nederland", "The Netherlands")),
        ("PV30", "", GeographySpec("NL41", "nuts2", "Noord-Brabant", "North Brabant")),
        ("PV21", "", GeographySpec("NL12", "nuts2", "Fryslân", "Friesland")),
        (
            "LD04",
            "Zuid-Nederland",
            GeographySpec("LD04", "nuts1", "Zuid-Nederland", "Zuid-Nederland"),
        ),
        (
            "CR35",
            "Zuidoost-Noord-Brabant (CR)",
            GeographySpec(
                "CR35", "nuts3", "Zuidoost-Noord-Brabant (CR)", "Zuidoost-Noord-Brabant (CR)"
            ),
        ),
        ("GM0772", "", GeographySpec("GM0772", "municipality", "Eindhoven", "Eindhoven")),
        ("WK077210", "Wijk 10", GeographySpec("WK077210", "region", "Wijk 10", "Wijk 10")),
    ],
)
def test_region_codes_become_koers_geographies(code: str, label: str, spec: GeographySpec) -> None:
    assert geography_spec(code, label) == spec


def test_the_twelve_provinces_are_the_nuts2_regions_eurostat_publishes() -> None:
    # Eurostat's population on 1 January 2018 per NUTS-2 region equals CBS's per province.
    eurostat = _eurostat_population_2018()
    path = (
        reference_dir()
        / "cbs/IJHidding_Programming1Project/Data/70072ned_UntypedDataSet_29122019_191739.csv"
    )
    with path.open(encoding="utf-8-sig", newline="") as handle:
        cbs = {
            row["RegioS"].strip(): int(row["TotaleBevolking_1"])
            for row in csv.DictReader(handle, delimiter=";")
            if row["Perioden"] == "2018JJ00"
        }
    assert len(cbs) == 12
    assert {code: province.nuts for code, province in PROVINCES.items()} == {
        code: eurostat[population] for code, population in cbs.items()
    }
    assert cbs["PV30"] == 2_528_286


def _eurostat_population_2018() -> dict[int, str]:
    path = reference_dir() / "eurostat/Rrbracci_MSB104_assignment1/demo_r_pjanaggr3.tsv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        header = [cell.strip() for cell in next(handle).split("\t")]
        column = header.index("2018")
        found: dict[int, str] = {}
        for line in handle:
            cells = line.rstrip("\n").split("\t")
            _unit, sex, age, geo = cells[0].split(",")
            if (sex, age) == ("T", "TOTAL") and len(geo) == 4 and geo.startswith("NL"):
                found[int(cells[column].split()[0])] = geo
        return found


def test_every_nuts2_code_is_one_eurostat_uses() -> None:
    path = reference_dir() / "eurostat/Rrbracci_MSB104_assignment1/nama_10r_3gdp.tsv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        next(handle)
        geos = {line.split("\t")[0].split(",")[1] for line in handle}
    assert {p.nuts for p in PROVINCES.values()} == {
        g for g in geos if g.startswith("NL") and len(g) == 4 and g[2:].isdigit()
    }


def test_the_21_mre_municipalities_have_their_cbs_codes() -> None:
    names = region_names()
    assert {name: names[name] for name in MRE} == MRE


def test_every_shipped_municipality_name_gives_the_figures_cbs_publishes_under_its_code() -> None:
    # 81955NED exported twice: with names (2012/2016/2020/2024) and with codes (2012-2020).
    by_code = _code_export()
    names = region_names()
    compared = 0
    for name, year, figures in _label_export():
        if year != "2024":
            assert by_code[names[name], year] == figures, (name, year)
            compared += 1
    assert compared == 1_160


def _label_export() -> list[tuple[str, str, tuple[str, str, str]]]:
    path = reference_dir() / "cbs/Dave01293_EBEProgramming/data/Voorraad_woningen_en_nieuwbouw.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["Perioden"] and r["Nieuwbouw"]]
    return [
        (
            r["Regio's"],
            r["Perioden"],
            (r["Beginstand voorraad"], r["Nieuwbouw"], r["Eindstand voorraad"]),
        )
        for r in rows
    ]


def _code_export() -> dict[tuple[str, str], tuple[str, str, str]]:
    path = (
        reference_dir()
        / "cbs/followthemoney_plancapaciteit/data/cbs_woningvoorraad_gemeenten_2012-2020.csv"
    )
    found: dict[tuple[str, str], tuple[str, str, str]] = defaultdict(lambda: ("", "", ""))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for r in csv.DictReader(handle, delimiter=";"):
            figures = (r["BeginstandVoorraad_1"], r["Nieuwbouw_2"], r["EindstandVoorraad_8"])
            found[r["RegioS"], r["Perioden"][:4]] = figures
    return found


def test_every_name_has_one_code_and_every_code_one_name() -> None:
    names = region_names()
    assert len(names) == 454
    assert len(set(names.values())) == len(names)


def test_a_filter_is_written_dimension_equals_code() -> None:
    selection = Selection.parse(["M1"], ["RegioS=GM0772", "RegioS=GM0794", "Perioden=2020JJ00"])
    assert selection.filters == {"RegioS": {"GM0772", "GM0794"}, "Perioden": {"2020JJ00"}}
    assert selection.wants({"RegioS": "GM0794", "Perioden": "2020JJ00"})
    assert not selection.wants({"RegioS": "GM0794", "Perioden": "2019JJ00"})
    with pytest.raises(ValueError, match="write it as DIMENSION=CODE"):
        Selection.parse([], ["RegioS"])
