"""Dutch by default, English under /en/; the switch keeps the page and its query."""

from __future__ import annotations

import pytest
from django.test import Client

from koers.agendas.models import Agenda

pytestmark = pytest.mark.django_db


def test_the_switch_leads_to_the_same_page_with_the_same_query(
    client: Client, proefagenda: Agenda
) -> None:
    dutch = client.get("/agenda/proefagenda/?datum=2019-06-30").content.decode()
    english = client.get("/en/agenda/proefagenda/?datum=2019-06-30").content.decode()
    assert 'href="/en/agenda/proefagenda/?datum=2019-06-30" hreflang="en"' in dutch
    assert 'href="/agenda/proefagenda/?datum=2019-06-30" hreflang="nl"' in english
    assert '<html lang="nl"' in dutch and '<html lang="en"' in english


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/agenda/proefagenda/",
        "/agenda/proefagenda/actie/4a/",
        "/agenda/proefagenda/mijlpalen/",
        "/agenda/proefagenda/geld/",
        "/indicatoren/",
        "/indicatoren/proef-banen/",
        "/organisatie/proef-regio/",
        "/zoeken/?q=talent",
    ],
)
def test_no_english_interface_text_on_a_dutch_page(
    client: Client, proefagenda: Agenda, path: str
) -> None:
    html = client.get(path).content.decode()
    for english in ("Status (owner)", "Milestones", "Download this table", "Search", "Money"):
        assert english not in html.replace('lang="en">English', ""), f"{english!r} on {path}"
