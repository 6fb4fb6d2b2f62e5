"""The plan-quality facts read from the models: the invented `proefagenda`, then the shipped
Brainport agendas, in a fixed number of queries."""

from __future__ import annotations

import pytest

from koers.agendas.models import Agenda, Milestone, Role
from koers.assessment.plan_facts import agenda_facts
from koers.assessment.plan_quality import CHECKS_BY_CODE, Tally
from koers.assessment.service import plan_quality
from koers.reporting.tests.conftest import brainport, proefagenda

__all__ = ["brainport", "proefagenda"]


@pytest.mark.django_db
def test_the_facts_of_the_test_agenda_name_owners_money_targets_and_milestones(
    proefagenda: Agenda,
) -> None:
    facts = {item.code: item for item in agenda_facts(proefagenda).items}
    assert list(facts)[:3] == ["T", "1", "2"]
    assert facts["2a"].parent == "2" and facts["T"].parent is None
    assert facts["6"].milestones[0].title == "Cooperation agreement signed"
    assert not facts["6"].milestones[0].planned
    assert facts["2a"].owners == ()


@pytest.mark.django_db
def test_the_test_agenda_scores_13_of_20(proefagenda: Agenda) -> None:
    plan = plan_quality(proefagenda)
    assert plan.tally == Tally(13, 20)
    assert [(p.code, p.tally) for p in plan.pillars] == [
        ("T", Tally(4, 6)),
        ("K", Tally(6, 8)),
        ("V", Tally(3, 6)),
    ]
    assert plan.tally_of(CHECKS_BY_CODE["owner"]) == Tally(5, 11)
    assert plan.tally_of(CHECKS_BY_CODE["money"]) == Tally(3, 3)
    assert ("6", "milestones") in {(i.item.code, g.check.code) for i, g in plan.gaps}


@pytest.mark.django_db
def test_a_change_in_the_data_changes_the_score(proefagenda: Agenda) -> None:
    item = proefagenda.items.get(code="2a")
    Role.objects.create(item=item, organisation=Role.objects.first().organisation, role="lead")  # type: ignore[union-attr]
    Milestone.objects.filter(item__code="6", item__agenda=proefagenda).update(planned="2020-01-01")
    assert plan_quality(proefagenda).tally == Tally(15, 20)


@pytest.mark.django_db
def test_the_facts_take_six_queries_however_many_items(
    proefagenda: Agenda, django_assert_num_queries: object
) -> None:
    # items, roles with organisations, budget lines, targets, milestones, observations
    with django_assert_num_queries(6):  # type: ignore[operator]
        agenda_facts(proefagenda)


@pytest.mark.django_db
@pytest.mark.slow
@pytest.mark.usefixtures("brainport")
def test_the_brainport_agendas_plan_quality() -> None:
    bna = plan_quality(Agenda.objects.get(code="bna"))
    assert bna.tally == Tally(45, 124)
    assert bna.tally_of(CHECKS_BY_CODE["money"]) == Tally(1, 4)
    gaps = {(i.item.code, g.check.code, g.finding.missing) for i, g in bna.gaps}
    assert ("maatregelenpakket-de-run", "figures", ("figures for its geography",)) in gaps
    b2030 = plan_quality(Agenda.objects.get(code="brainport2030"))
    assert b2030.tally == Tally(36, 108)
    assert [(p.code, p.tally) for p in b2030.pillars] == [
        ("doel", Tally(0, 0)),
        ("pijler-1", Tally(14, 42)),
        ("pijler-2", Tally(8, 27)),
        ("pijler-3", Tally(14, 39)),
    ]
