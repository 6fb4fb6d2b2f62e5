"""Search finds items, indicators and organisations by any of their words, in
either language, and says so when nothing matches."""

from __future__ import annotations

import pytest
from django.test import Client

from koers.agendas.models import Agenda

from .conftest import text_of

pytestmark = pytest.mark.django_db


def test_a_word_of_an_actions_title_finds_it(client: Client, proefagenda: Agenda) -> None:
    page = text_of(client.get("/zoeken/?q=sleuteltechnologie").content)
    assert "4 Investeren in sleuteltechnologieën" in page


def test_every_word_must_match(client: Client, proefagenda: Agenda) -> None:
    both = text_of(client.get("/en/zoeken/?q=international+talent").content)
    assert "1 Attracting international talent" in both
    assert "6 Developing" not in both


def test_the_dutch_title_is_found_on_the_english_site(client: Client, proefagenda: Agenda) -> None:
    page = text_of(client.get("/en/zoeken/?q=stationsgebied").content)
    assert "6 Developing the station area" in page


def test_indicators_and_organisations_are_found(client: Client, proefagenda: Agenda) -> None:
    page = text_of(client.get("/en/zoeken/?q=proef").content)
    assert "Homes completed" in page and "Test Regional Fund" in page


def test_no_match_says_so(client: Client, proefagenda: Agenda) -> None:
    page = text_of(client.get("/en/zoeken/?q=zzzz").content)
    assert "0 results for “zzzz”." in page


def test_an_empty_search_shows_the_form_only(client: Client, proefagenda: Agenda) -> None:
    response = client.get("/zoeken/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()
