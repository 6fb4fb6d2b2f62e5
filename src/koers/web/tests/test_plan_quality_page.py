"""The plan-quality page of the invented `proefagenda`: rules, score, pillars and gaps, in
Dutch and English, in the agenda's menu, with its tables as files."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from koers.agendas.models import Agenda
from koers.web.tests.conftest import text_of

pytestmark = pytest.mark.django_db


def test_the_english_page_states_the_rules_the_score_and_the_pillars(
    client: Client, proefagenda: Agenda
) -> None:
    response = client.get("/en/agenda/proefagenda/plankwaliteit/")
    assert response.status_code == 200
    page = text_of(response.content)
    assert "Every milestone has a planned date." in page
    assert "Score 65.0% Checks passed 13 Checks that apply 20" in page
    assert "Talent 4 6 66.7" in page and "Business climate 3 6 50 " in page


def test_a_known_gap_is_shown_with_its_item_check_and_what_is_missing(
    client: Client, proefagenda: Agenda
) -> None:
    html = client.get("/en/agenda/proefagenda/plankwaliteit/").content.decode()
    assert 'href="/en/agenda/proefagenda/actie/6/"' in html
    page = text_of(html)
    assert "Milestones Cooperation agreement signed The milestone has no planned date." in page
    assert "Owner – No coordinator or lead is named." in page


def test_the_dutch_page_is_in_dutch(client: Client, proefagenda: Agenda) -> None:
    page = text_of(client.get("/agenda/proefagenda/plankwaliteit/").content)
    assert page.count("Plankwaliteit") >= 2  # the title and the menu
    assert "Score 65,0% Toetsen gehaald 13 Toetsen die gelden 20" in page
    assert "Elke mijlpaal heeft een geplande datum." in page
    assert "De mijlpaal heeft geen geplande datum." in page
    assert "Er is geen coördinator of trekker genoemd." in page


def test_the_page_is_in_the_agenda_menu(client: Client, proefagenda: Agenda) -> None:
    assert (
        "/agenda/proefagenda/plankwaliteit/" in client.get("/agenda/proefagenda/").content.decode()
    )


def test_the_gaps_download_as_json_and_csv(client: Client, proefagenda: Agenda) -> None:
    base = "/en/agenda/proefagenda/plankwaliteit/download/"
    document = json.loads(client.get(base + "gaps.json").content)
    assert len(document["rows"]) == 7
    assert document["rows"][4] == {
        "item": "6 Developing the station area",
        "check": "Milestones",
        "concerns": "Cooperation agreement signed",
        "missing": "The milestone has no planned date.",
    }
    pillars = client.get(base + "pillars.csv").content.decode("utf-8-sig").splitlines()
    assert pillars[0] == "pillar,passed,applicable,score"
    assert pillars[1] == "Talent,4,6,66.7"
    assert client.get(base + "rules.xlsx").status_code == 200


def test_an_unknown_agenda_is_404(client: Client, db: None) -> None:
    assert client.get("/agenda/nope/plankwaliteit/").status_code == 404
