"""Assessing an agenda reads its rows once: a fixed number of queries, whatever its depth,
and the same results as assessing item by item."""

from __future__ import annotations

from typing import Any

import pytest

from koers.agendas.models import Agenda
from koers.assessment.service import assess_agenda, assess_item
from koers.reporting.tests.conftest import FIXTURE

pytestmark = pytest.mark.django_db


@pytest.fixture
def proefagenda(db: None) -> Agenda:
    from koers.sources.dataset import load_dataset

    load_dataset(FIXTURE)
    return Agenda.objects.get(code="proefagenda")


def _flat(assessments: Any) -> dict[str, tuple[str, float | None]]:
    found, stack = {}, list(assessments)
    while stack:
        one = stack.pop()
        found[one.item.code] = (one.computed.status, one.computed.score)
        stack.extend(one.children)
    return found


def test_an_agenda_is_assessed_in_a_fixed_number_of_queries(
    proefagenda: Agenda, django_assert_num_queries: Any
) -> None:
    # items, indicator links, targets for items, useful indicators, targets, updates,
    # geographies with data (2), current figures; each once.
    with django_assert_num_queries(9):
        roots = assess_agenda(proefagenda)
    assert [root.item.code for root in roots] == ["T", "K", "V"]


def test_one_item_reads_the_same_as_the_whole_tree(proefagenda: Agenda) -> None:
    whole = _flat(assess_agenda(proefagenda))
    for root in proefagenda.items.filter(parent__isnull=True):
        assert _flat([assess_item(root)]).items() <= whole.items()
