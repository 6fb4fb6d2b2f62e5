"""The landing page lists the agendas, in Dutch at / and in English at /en/."""

from __future__ import annotations

import pytest
from django.test import Client

from koers.agendas.models import Agenda
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


def test_the_agendas_in_force_come_first_the_newest_first(db: None) -> None:
    import datetime as dt

    from koers.web.pages.home import in_force, in_force_first

    day = dt.date(2026, 12, 5)

    def agenda(code: str, start: str, end: str | None = None, **kw: Agenda) -> Agenda:
        return Agenda.objects.create(
            code=code,
            title_nl=code,
            title_en=code,
            start=dt.date.fromisoformat(start),
            end=dt.date.fromisoformat(end) if end else None,
            **kw,
        )

    agenda("oud", "2015-01-01", "2018-12-31")
    followed = agenda("gevolgd", "2018-06-01")
    agenda("opvolger", "2023-06-01", "2030-12-31", predecessor=followed)
    coming = agenda("komend", "2016-01-01")
    agenda("opvolger-later", "2027-01-01", predecessor=coming)
    agenda("toekomst", "2027-06-01")
    found = {a.code: in_force(a, day) for a in Agenda.objects.select_related("successor")}
    assert found == {
        "oud": False,  # ended
        "gevolgd": False,  # its successor has started
        "opvolger": True,
        "komend": True,  # its successor has not started yet
        "opvolger-later": False,  # not started
        "toekomst": False,
    }
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("koers.web.pages.home.today", lambda: day)
        order = [a.code for a in in_force_first(list(Agenda.objects.select_related("successor")))]
    assert order == ["opvolger", "komend", "toekomst", "opvolger-later", "gevolgd", "oud"]
