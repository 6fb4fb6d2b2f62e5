"""The Brainport talent balance for 2032 and the patent share, from the shipped dataset."""

from __future__ import annotations

import pytest
from django.test import Client

from koers.assessment import service as assessment
from koers.indicators.models import Decomposition
from koers.reporting.tests.conftest import brainport
from koers.web.tests.conftest import text_of

pytestmark = [pytest.mark.django_db, pytest.mark.slow, pytest.mark.usefixtures("brainport")]
__all__ = ["brainport"]


def test_the_demand_adds_up_both_ways_and_the_levers_leave_a_gap() -> None:
    seen = assessment.decomposition_view(Decomposition.objects.get(code="talent-balance-2032"))
    assert [(c.total, c.difference) for c in seen.sums] == [(71200, 0), (71200, 0)]
    assert seen.balance is not None
    assert (seen.balance.demand_total, seen.balance.supply_total) == (71200, 51500)
    assert seen.balance.gap == 19700  # what graduates and the four measures leave open
    assert [t.key for t in seen.balance.levers] == [
        "extra-technical-graduates",
        "tech-it-side-entrants",
        "tech-talent-retained",
        "labour-demand-reduction-productivity",
    ]


def test_the_stated_patent_share_is_checked_against_the_counts() -> None:
    seen = assessment.decomposition_view(Decomposition.objects.get(code="patent-share-2021"))
    (share,) = seen.shares
    assert share.computed == pytest.approx(50.77, abs=0.01)  # 3,300 of 6,500


def test_the_talent_page_in_dutch_and_the_what_if_in_english(client: Client) -> None:
    dutch = text_of(client.get("/balansen/talent-balance-2032/").content)
    assert "Nodig 71.200 banen; gedekt 51.500: een tekort van 19.700 banen." in dutch
    english = text_of(
        client.get("/en/balansen/talent-balance-2032/?lever-0=20000&lever-1=8000").content
    )
    assert "Needed 71,200 jobs; covered 59,500: a gap of 11,700 jobs." in english
