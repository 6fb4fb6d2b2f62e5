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
