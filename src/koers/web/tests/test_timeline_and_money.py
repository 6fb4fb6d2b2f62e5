"""Milestones and agreements on one timeline with the overdue ones standing out,
and the money per funder and instrument, committed against realised."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from koers.agendas.models import Agenda, Item, Milestone

from .conftest import text_of

pytestmark = pytest.mark.django_db


def test_an_open_agreement_past_its_due_date_is_overdue(
    client: Client, proefagenda: Agenda
) -> None:
    page = text_of(client.get("/en/agenda/proefagenda/mijlpalen/").content)
    assert "The bus link is put out to tender before 1 April 2020." in page
    # proef-a1 (due 2020-03-31) and proef-a2 (due 2021-06-30) are open; proef-a3 is done.
    assert "Overdue: 2 agreements are still open after their due date." in page
    assert "milestone" not in page[page.index("Overdue:") :][:80]  # none of them is late


def test_a_milestone_still_planned_after_its_date_is_overdue(
    client: Client, proefagenda: Agenda
) -> None:
    Milestone.objects.create(
        item=Item.objects.get(agenda=proefagenda, code="2"),
        title_nl="Nieuwe opleidingen gestart",
        title_en="New courses started",
        planned=dt.date(2020, 3, 1),
        status="planned",
    )
    html = client.get("/en/agenda/proefagenda/mijlpalen/").content.decode()
    assert "koers-timeline__event--overdue" in html
    assert "Overdue: 1 milestone is still planned after its date;" in text_of(html)


def test_the_timeline_lists_milestones_by_year_with_their_items(
    client: Client, proefagenda: Agenda
) -> None:
    page = text_of(client.get("/agenda/proefagenda/mijlpalen/").content)
    assert page.index("Samenwerkingsovereenkomst getekend") < page.index("Alumninetwerk gelanceerd")
    assert "21 november 2019" in page
    assert "Stuurgroep Rijk-regio" in page  # governance with its meetings


def test_money_totals_per_funder_add_up_the_lines(client: Client, proefagenda: Agenda) -> None:
    page = text_of(client.get("/agenda/proefagenda/geld/").content)
    # 250.000 + 1.500.000.000 from the fund; 10,7 mln from the ministry; 2 mln loan from the province.
    assert "1.500.250.000" in page
    assert "EUR 1,51 mld" in page  # the total of every line
    assert "Lening" in page or "lening" in page
