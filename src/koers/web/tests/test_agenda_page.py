"""The agenda page: the tree with both statuses, owners and partners, a day to
look back to, and the progress reports to download."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from koers.agendas.models import Agenda

from .conftest import text_of

pytestmark = pytest.mark.django_db


def test_the_tree_shows_every_valid_item_with_its_owners_status_and_lead(
    client: Client, proefagenda: Agenda
) -> None:
    page = text_of(client.get("/agenda/proefagenda/").content)
    for title in (
        "Talent",
        "1 Aantrekken van internationaal talent",
        "2a Servicepunten leren en werken",
    ):
        assert title in page
    assert "Op koers" in page  # action 1's own words for its latest status
    assert "Stichting Proefregio" in page  # the lead of action 1
    assert "Technische Universiteit Proefstad" in page  # its partner


def test_an_item_that_ended_is_shown_only_as_of_a_day_it_was_valid(
    client: Client, proefagenda: Agenda
) -> None:
    today = text_of(client.get("/agenda/proefagenda/").content)
    back_then = text_of(client.get("/agenda/proefagenda/?datum=2019-06-30").content)
    assert "Bereikbaarheid toplocaties" not in today  # valid until 2019-12-31
    assert "Bereikbaarheid toplocaties" in back_then
    assert "Voorzieningen met internationale allure" in today  # valid from 2020-01-01
    assert "Voorzieningen met internationale allure" not in back_then


def test_as_of_a_day_the_owner_status_is_the_one_reported_by_then(
    client: Client, proefagenda: Agenda
) -> None:
    back_then = client.get("/agenda/proefagenda/?datum=2019-07-01").content.decode()
    now = client.get("/agenda/proefagenda/").content.decode()
    action = "1 Aantrekken van internationaal talent"
    assert "Aandacht nodig" in tree_row(back_then, action)  # its update over 2018-2019
    assert "Op koers" in tree_row(now, action)  # replaced by the one over 2019-2020
    assert "1 juli 2019" in text_of(back_then)  # the page says which day it shows


def tree_row(html: str, label: str) -> str:
    rows = [
        text_of(row) for row in re.findall(r'<div class="koers-tree__row">(.*?)</div>', html, re.S)
    ]
    return next(row for row in rows if label in row)


def test_an_unreadable_day_shows_today(client: Client, proefagenda: Agenda) -> None:
    response = client.get("/agenda/proefagenda/?datum=gisteren")
    assert response.status_code == 200
    assert "Voorzieningen met internationale allure" in text_of(response.content)


def test_the_page_links_the_reports_of_every_reported_period(
    client: Client, proefagenda: Agenda
) -> None:
    html = client.get("/en/agenda/proefagenda/").content.decode()
    assert "/en/rapport/proefagenda/2019-07-01/2020-06-30.pdf?lang=en" in html
    assert "/en/rapport/proefagenda/2018-07-01/2019-06-30.docx?lang=en" in html


def test_an_unknown_agenda_is_not_found(client: Client, proefagenda: Agenda) -> None:
    assert client.get("/agenda/nope/").status_code == 404
