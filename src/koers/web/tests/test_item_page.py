"""The page of one item: description, roles, both statuses with the reason when
they differ, the latest update, milestones, money, indicators, links and history."""

from __future__ import annotations

import pytest
from django.test import Client

from koers.agendas.models import Agenda, Item
from koers.agendas.tests.factories import StatusUpdateFactory

from .conftest import text_of

pytestmark = pytest.mark.django_db


def test_the_page_tells_the_latest_update_with_highlights_outlook_roles_and_milestones(
    client: Client, proefagenda: Agenda
) -> None:
    page = text_of(client.get("/agenda/proefagenda/actie/1/").content)
    assert "Twee nieuwe doellanden voor de werving van studenten." in page  # narrative
    assert "237 studenten uit de doellanden begonnen in september 2019." in page  # highlight
    assert "Instroom van internationale studenten op peil houden." in page  # outlook
    assert "Stichting Proefregio" in page and "Technische Universiteit Proefstad" in page
    assert "Alumninetwerk gelanceerd" in page and "2019-11-21" in page  # milestone reached
    assert "Aandacht nodig" in page  # the earlier update stays readable in the history


def test_the_page_in_english_uses_the_english_texts(client: Client, proefagenda: Agenda) -> None:
    page = text_of(client.get("/en/agenda/proefagenda/actie/1/").content)
    assert "Attracting international talent" in page
    assert "Recruitment got off to a slow start." not in page  # only the latest narrative
    assert "Two new target countries for recruiting students." in page


def test_the_budget_lines_and_their_total(client: Client, proefagenda: Agenda) -> None:
    page = text_of(client.get("/agenda/proefagenda/actie/5/").content)
    assert "Ministerie van Proefzaken" in page and "10.700.000" in page
    assert "EUR 1,51 mld" in page  # EUR 10.7 million + EUR 1.5 billion, the Dutch way


def test_a_computed_status_that_differs_from_the_owners_asks_for_a_reason(
    client: Client, proefagenda: Agenda
) -> None:
    # Action 6 has the homes target (4,300 + 5,100 of 62,000 by 2030): far behind its path.
    item = Item.objects.get(agenda=proefagenda, code="6")
    StatusUpdateFactory(item=item, status="completed", period_end=proefagenda.end)
    page = text_of(client.get("/en/agenda/proefagenda/actie/6/").content)
    assert "The owner's status differs from the computed one." in page
    assert "Homes completed" in page  # the indicator measuring it, with its status


def test_links_to_other_items_are_shown_from_both_sides(
    client: Client, proefagenda: Agenda
) -> None:
    ended = text_of(client.get("/en/agenda/proefagenda/actie/7/").content)
    kept = text_of(client.get("/en/agenda/proefagenda/actie/6/").content)
    assert "Merged into 6 Developing the station area" in ended
    assert "7 Access to key locations" in kept


def test_an_unknown_item_is_not_found(client: Client, proefagenda: Agenda) -> None:
    assert client.get("/agenda/proefagenda/actie/99/").status_code == 404
