"""The landing page lists the agendas, in Dutch at / and in English at /en/."""

from __future__ import annotations

import pytest
from django.test import Client

from koers.agendas.tests.factories import AgendaFactory, ItemFactory

pytestmark = pytest.mark.django_db


def test_the_landing_page_lists_every_agenda_in_both_languages(client: Client) -> None:
    agenda = AgendaFactory(title_nl="Nationale Actieagenda", title_en="National Action Agenda")
    ItemFactory(agenda=agenda)
    ItemFactory(agenda=agenda)
    dutch = client.get("/")
    english = client.get("/en/")
    assert dutch.status_code == english.status_code == 200
    assert "Nationale Actieagenda" in dutch.content.decode()
    assert 'lang="nl"' in dutch.content.decode()
    assert "National Action Agenda" in english.content.decode()
    assert "2 items" in english.content.decode()


def test_an_empty_database_says_how_to_load_the_demo(client: Client) -> None:
    assert "koers demo" in client.get("/en/").content.decode()
