"""The agenda at a glance, on the invented agenda: statuses side by side as bars and a
table, and what needs attention."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from koers.agendas.models import Agenda
from koers.web.tests.conftest import text_of

pytestmark = pytest.mark.django_db


def test_the_status_bars_and_their_table_give_the_same_numbers(
    client: Client, proefagenda: Agenda
) -> None:
    html = client.get("/en/agenda/proefagenda/").content.decode()
    svg = html[html.index('<svg xmlns="http://www.w3.org/2000/svg" class="koers-bars"') :]
    svg = svg[: svg.index("</svg>")]
    bars = re.findall(
        r"<text x=\"8\" y=\"[\d.]+\">([^<]+)</text>.*?<text x=\"[\d.]+\" y=\"[\d.]+\">(\d+)</text>",
        svg,
    )
    page = text_of(html)
    table = page[page.index("Status by Status Number") : page.index("Needs attention")]
    for label, count in bars:
        assert f"{label} {count}" in table
    owners = sum(int(c) for _, c in bars[: len(bars) // 2])
    assert owners > 0 and 'role="img"' in svg


def test_needs_attention_names_the_overdue_agreement_and_the_diverging_items(
    client: Client, proefagenda: Agenda
) -> None:
    page = text_of(client.get("/en/agenda/proefagenda/").content)
    attention = page[page.index("Needs attention") : page.index("Pillars, actions and projects")]
    assert "Overdue agreement:" in attention


def test_the_dutch_glance_is_dutch(client: Client, proefagenda: Agenda) -> None:
    page = text_of(client.get("/agenda/proefagenda/").content)
    assert "In één oogopslag" in page and "Vraagt aandacht" in page
    assert "Status volgens de eigenaren" in page


def test_the_home_page_shows_each_agenda_at_a_glance(client: Client, proefagenda: Agenda) -> None:
    html = client.get("/en/").content.decode()
    assert 'class="koers-bars"' in html and "The numbers as a table" in html
    page = text_of(html)
    assert "points need attention" in page or "point needs attention" in page
    dutch = text_of(client.get("/").content)
    assert "In één oogopslag" in dutch
    assert "vraagt aandacht" in dutch or "vragen aandacht" in dutch


def tiles_of(html: str) -> list[str]:
    """The text of each target tile on a page."""
    return [
        text_of(tile)
        for tile in re.findall(r'<li class="koers-figure-tile">(.*?)</li>', html, re.S)
    ]


def test_each_target_is_a_tile_with_its_latest_figure_change_line_and_status(
    client: Client, proefagenda: Agenda
) -> None:
    html = client.get("/en/agenda/proefagenda/").content.decode()
    tiles = tiles_of(html)
    assert len(tiles) == 2  # the invented agenda has two targets
    homes = next(t for t in tiles if t.startswith("Homes completed"))
    assert "5,100 homes (2020)" in homes and "+800 homes since 2019" in homes
    assert "Target: 62,000 homes by 2030" in homes
    rank = next(t for t in tiles if t.startswith("Position in the European"))
    assert "rank 7 (2019)" in rank and "2 places up since 2017" in rank
    assert "Target: rank 6 by 2025" in rank
    # The trend line is drawn, as decoration next to the words that say the same.
    lines = re.findall(r'<svg[^>]*class="koers-spark-chart"[^>]*>', html)
    assert len(lines) == 2 and all('aria-hidden="true"' in line for line in lines)
    # The rank target's level is drawn; the cumulative homes target adds years up: not drawn.
    charts = re.findall(r'<li class="koers-figure-tile">(.*?)</li>', html, re.S)
    homes_chart = next(c for c in charts if "Homes completed" in c)
    rank_chart = next(c for c in charts if "Position in the European" in c)
    assert "koers-spark__target" in rank_chart and "koers-spark__target" not in homes_chart


def test_figures_past_their_schedule_need_attention(client: Client, proefagenda: Agenda) -> None:
    page = text_of(client.get("/en/agenda/proefagenda/").content)
    attention = page[page.index("Needs attention") : page.index("Pillars, actions and projects")]
    # The invented figures end in 2019 and 2020: years past their annual schedule.
    assert "Stale figure: Homes completed (latest figure 2020)" in attention
    assert "figure out of date" in page


def test_the_dutch_tiles_are_dutch(client: Client, proefagenda: Agenda) -> None:
    tiles = tiles_of(client.get("/agenda/proefagenda/").content.decode())
    homes = next(t for t in tiles if t.startswith("Opgeleverde woningen"))
    assert "5.100 woningen (2020)" in homes and "+800 woningen sinds 2019" in homes
    assert "Doel: 62.000 woningen in 2030" in homes and "cijfer verouderd" in homes
    rank = next(t for t in tiles if t.startswith("Positie in de Europese"))
    assert "2 posities hoger sinds 2017" in rank


def test_the_home_page_shows_at_most_four_tiles_per_agenda(
    client: Client, proefagenda: Agenda
) -> None:
    html = client.get("/en/").content.decode()
    assert 1 <= len(tiles_of(html)) <= 4
    assert "The targets in figures" in text_of(html)
