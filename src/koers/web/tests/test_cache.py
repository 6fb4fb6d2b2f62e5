"""A kept page is served until the data behind it changes."""

from __future__ import annotations

import pytest
from django.test import Client

from koers.agendas.models import Agenda, Item, Milestone
from koers.agendas.tests.factories import StatusUpdateFactory
from koers.web.cache import data_version

pytestmark = pytest.mark.django_db


def test_a_new_update_shows_at_once(client: Client, proefagenda: Agenda) -> None:
    assert "Afgerond" not in client.get("/agenda/proefagenda/actie/6/").content.decode()
    StatusUpdateFactory(item=Item.objects.get(agenda=proefagenda, code="6"), completed=True)
    assert "Afgerond" in client.get("/agenda/proefagenda/actie/6/").content.decode()


def test_a_changed_title_shows_at_once(client: Client, proefagenda: Agenda) -> None:
    client.get("/agenda/proefagenda/")
    item = Item.objects.get(agenda=proefagenda, code="6")
    item.title_nl = "Stationsgebied vernieuwd"
    item.save()
    assert "Stationsgebied vernieuwd" in client.get("/agenda/proefagenda/").content.decode()


def test_a_deleted_row_changes_the_version(proefagenda: Agenda) -> None:
    before = data_version()
    assert data_version() == before  # nothing changed, nothing moves
    Milestone.objects.filter(item__agenda=proefagenda).order_by("pk")[0].delete()  # history kept
    assert data_version() != before


def test_the_same_page_is_served_from_the_cache(
    client: Client, proefagenda: Agenda, django_assert_num_queries: object
) -> None:
    first = client.get("/indicatoren/").content
    # Exactly one query on a hit: the data version (an uncached page runs 27).
    with django_assert_num_queries(1):  # type: ignore[operator]
        again = client.get("/indicatoren/").content
    assert again == first
