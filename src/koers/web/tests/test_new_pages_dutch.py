"""The pages of issue 16 in Dutch carry no English interface text."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from koers.agendas.models import Agenda
from koers.web.tests.conftest import text_of
from koers.web.tests.test_balance_page import plan
from koers.web.tests.test_lineage_page import successor
from koers.web.tests.test_peers_page import compared
from koers.web.tests.test_tilemap_page import towns

pytestmark = pytest.mark.django_db
__all__ = ["compared", "plan", "successor", "towns"]

ENGLISH = (
    "Regions compared",
    "Peers",
    "Rank over time",
    "Distance to the best",
    "Parts of a whole",
    "The balance",
    "What if",
    "Recalculate",
    "Targets that would have to move",
    "Lineage",
    "What became of",
    "continued",
    "no successor named",
    "At a glance",
    "Needs attention",
    "Owners' status",
    "Computed status",
    "Data points used",
    "Note:",
    "Plan quality",
    "The rules checked",
    "Checks passed",
    "Score per pillar",
    "Gaps by item",
    "What is missing",
    "No coordinator or lead",
    "planned date",
    "Every action has an owner",
    "Every target",
    "Where money is promised",
    "By municipality",
    "municipalities have a figure",
    "Not on the map",
    "No data",
    "The figures by municipality",
    "laid out roughly",
)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/agenda/proefagenda/",
        "/agenda/opvolger/herkomst/",
        "/agenda/proefagenda/plankwaliteit/",
        "/regios-vergeleken/",
        "/balansen/",
        "/balansen/people-2030/?lever-0=50",
    ],
)
def test_no_english_on_the_dutch_pages(
    client: Client,
    proefagenda: Agenda,
    successor: Agenda,
    compared: None,
    plan: object,
    path: str,
    tmp_path: Path,
) -> None:
    page = text_of(client.get(path).content).replace("English", "")
    for english in ENGLISH:
        assert english not in page, f"{english!r} on {path}"


def test_no_english_on_the_dutch_indicator_page_by_municipality(
    client: Client, towns: None
) -> None:
    html = client.get("/indicatoren/proef-woningen/").content.decode()
    page = text_of(html).replace("English", "")
    assert "Per gemeente" in page
    for english in ENGLISH:
        assert english not in page, english
    # The map's own title and description, read out by screen readers, too.
    assert "by municipality" not in html and "A map of the" not in html
