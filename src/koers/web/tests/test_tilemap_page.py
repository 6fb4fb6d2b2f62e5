"""The indicator page's "By municipality" section: a tile map and a table with the same
numbers, in Dutch and English, downloadable, and only where there are municipal figures."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

import pytest
from django.test import Client

from koers.agendas.models import Agenda, Geography, GeographyMembership, SourceDocument
from koers.indicators.models import Indicator, Observation

from .conftest import text_of

pytestmark = pytest.mark.django_db

# Four municipalities of the test region with a square, one without; Oosterdorp has no 2020
# figure, so its square is hatched.
TOWNS = {
    "PROEF-G1": ("Noorddorp", [1, 0], 1250.0),
    "PROEF-G2": ("Middenstad", [1, 1], 2400.0),
    "PROEF-G3": ("Westveld", [0, 1], 310.0),
    "PROEF-G4": ("Oosterdorp", [2, 1], None),
    "PROEF-G5": ("Buitenhoek", None, 95.0),
}


@pytest.fixture
def towns(proefagenda: Agenda) -> None:
    region = Geography.objects.get(code="PROEF-REG")
    source = SourceDocument.objects.get(code="proef-monitor")
    homes = Indicator.objects.get(code="proef-woningen")
    for code, (name, square, value) in TOWNS.items():
        town = Geography.objects.create(
            code=code, level="municipality", name_nl=name, name_en=name, parent=region.parent
        )
        GeographyMembership.objects.create(region=region, member=town)
        if square is not None:
            region.tile_layout[code] = square
        if value is not None:
            Observation.objects.create(
                indicator=homes, geography=town, period="2020", value=value, source=source
            )
    # An older figure does not make an older year the map's.
    Observation.objects.create(
        indicator=homes,
        geography=Geography.objects.get(code="PROEF-G1"),
        period="2019",
        value=999,
        source=source,
    )
    region.full_clean()
    region.save()


def _section(html: str) -> str:
    found = re.search(r'<section aria-labelledby="by-municipality">(.*?)</section>', html, re.S)
    assert found, "no section by municipality"
    return found.group(1)


def _tile_texts(section: str) -> dict[str, str]:
    """Each square's name and what it says: from its <title>, "name: value"."""
    svg = section[section.index("<svg") : section.index("</svg>")]
    titles = re.findall(r"<g><title>([^<]*)</title>", svg)
    return dict(title.split(": ", 1) for title in titles)


def _table_rows(section: str) -> list[list[str]]:
    table = section[section.index("<tbody") :]
    return [
        [text_of(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)
    ]


def test_the_dutch_section_shows_the_map_and_the_same_numbers_as_the_table(
    client: Client, towns: None
) -> None:
    html = client.get("/indicatoren/proef-woningen/").content.decode()
    section = _section(html)
    assert "Per gemeente" in section
    assert "2020: 4 van 5 gemeenten hebben een cijfer." in text_of(section)
    assert 'role="img"' in section
    assert "<title" in section and "Opgeleverde woningen per gemeente, 2020" in section
    assert _tile_texts(section) == {
        "Noorddorp": "1.250",
        "Middenstad": "2.400",
        "Westveld": "310",
        "Oosterdorp": "Geen gegevens",
    }
    assert _table_rows(section) == [
        ["Buitenhoek", "95", "2020"],
        ["Middenstad", "2.400", "2020"],
        ["Noorddorp", "1.250", "2020"],
        ["Oosterdorp", "–", "–"],
        ["Westveld", "310", "2020"],
    ]
    assert "Niet op de kaart: Buitenhoek" in text_of(section)
    # The table sits by its map, not a second time at the foot of the page.
    assert html.count('id="table-municipalities-caption"') == 1


def test_the_english_section(client: Client, towns: None) -> None:
    section = _section(client.get("/en/indicatoren/proef-woningen/").content.decode())
    words = text_of(section)
    assert "By municipality" in words
    assert "2020: 4 of 5 municipalities have a figure." in words
    assert "Not on the map: Buitenhoek" in words
    assert _tile_texts(section)["Middenstad"] == "2,400"
    assert _tile_texts(section)["Oosterdorp"] == "No data"
    assert "Homes completed by municipality, 2020" in section


def test_the_table_downloads_like_the_others(client: Client, towns: None) -> None:
    response = client.get("/en/indicatoren/proef-woningen/download/municipalities.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["municipality", "value", "year"]
    assert rows[1:3] == [["Buitenhoek", "95.0", "2020"], ["Middenstad", "2400.0", "2020"]]
    as_json = client.get("/en/indicatoren/proef-woningen/download/municipalities.json")
    assert as_json.status_code == 200
    xlsx = client.get("/indicatoren/proef-woningen/download/municipalities.xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_no_section_for_an_indicator_without_municipal_figures(client: Client, towns: None) -> None:
    html = client.get("/indicatoren/proef-banen/").content.decode()
    assert "by-municipality" not in html and "Per gemeente" not in html
    missing = client.get("/indicatoren/proef-banen/download/municipalities.csv")
    assert missing.status_code == 404


def test_no_section_without_a_tile_layout(client: Client, proefagenda: Agenda) -> None:
    html = client.get("/indicatoren/proef-woningen/").content.decode()
    assert "by-municipality" not in html


@pytest.fixture
def brainport(db: None) -> Iterator[None]:
    from koers.sources import service

    service.load_demo()
    yield


def test_on_the_brainport_data_new_build_homes_show_every_municipality(
    client: Client, brainport: None
) -> None:
    members = GeographyMembership.objects.filter(region__code="MRE").values("member")
    latest = (
        Observation.objects.current()
        .filter(indicator__code="new-build-homes", geography__in=members, series="")
        .order_by("-period_end")
        .first()
    )
    assert latest is not None
    section = _section(client.get("/en/indicatoren/new-build-homes/").content.decode())
    assert f"{latest.period}: 21 of 21 municipalities have a figure." in text_of(section)
    tiles = _tile_texts(section)
    assert len(tiles) == 21 and "No data" not in tiles.values()
    rows = {row[0]: row[1:] for row in _table_rows(section)}
    assert len(rows) == 21
    eindhoven = Observation.objects.current().get(
        indicator__code="new-build-homes", geography__code="GM0772", period=latest.period
    )
    value = f"{eindhoven.value:,.0f}"
    assert tiles["Eindhoven"] == value
    assert rows["Eindhoven"] == [value, latest.period]
    assert "Not on the map" not in text_of(section)
