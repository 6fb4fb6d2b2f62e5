"""What became of the BNA's actions in the Strategische Agenda 2030, from the shipped links."""

from __future__ import annotations

import pytest
from django.test import Client

from koers.reporting.tests.conftest import brainport
from koers.web.tests.conftest import text_of

pytestmark = [pytest.mark.django_db, pytest.mark.slow, pytest.mark.usefixtures("brainport")]
__all__ = ["brainport"]


def test_the_bna_actions_in_the_2030_agenda(client: Client) -> None:
    page = text_of(client.get("/en/agenda/brainport2030/herkomst/").content)
    summary = page[page.index("In short") : page.index("What became of the actions")]
    assert " ".join(summary.split()) == (
        "In short Carried on with its parent 40 No successor named 6 Split 1 Re-targeted 3 "
        "Continued 9"
    )
    assert (
        "1 Attracting and retaining (inter)national talent re-targeted Targeted attraction"
    ) in page and "Stay rate of international graduates: 65% by 2032" in page
    assert "6 Developing Eindhoven International Hub XL (EIK XL) split" in page


def test_the_dutch_lineage_page(client: Client) -> None:
    page = text_of(client.get("/agenda/brainport2030/herkomst/").content)
    assert "Herkomst: Strategische Agenda" in page or "Herkomst:" in page
    assert "opgesplitst" in page and "met andere doelen" in page
