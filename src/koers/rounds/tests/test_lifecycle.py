"""A round from opening to publication, and the lock that publication puts on it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from koers.accounts.policy import COMMAND_LINE, State
from koers.agendas.models import Milestone, StatusUpdate
from koers.indicators.models import Observation
from koers.rounds import service
from koers.rounds.models import Task
from koers.rounds.tests.world import DEADLINE, PERIOD, World

pytestmark = pytest.mark.django_db

DRAFT = {
    "status": "delayed",
    "narrative_nl": "De proeffabriek opent later.",
    "narrative_en": "The pilot plant opens later.",
    "highlights_nl": "Subsidie toegekend\nPartners gevonden",
    "outlook_nl": "Bouw starten",
}


def _open(world: World) -> service.Round:
    return service.open_round(world.agenda, *PERIOD, DEADLINE, world.coordinator)


def _task(world: World, round_: service.Round) -> Task:
    return round_.tasks.get(item=world.action)


def test_opening_a_round_gives_every_owned_item_a_task_for_its_lead(world: World) -> None:
    round_ = _open(world)
    tasks = {t.item.code: (t.organisation.code, t.state, t.assignee) for t in round_.tasks.all()}
    assert tasks == {
        "1": ("trekker", "open", world.owner),
        "2": ("andere-trekker", "open", world.other_owner),
    }


def test_a_task_starts_from_the_items_milestone_dates(world: World) -> None:
    task = _task(world, _open(world))
    assert task.milestones == [
        {
            "milestone": world.milestone.pk,
            "planned": "2021-03-01",
            "actual": None,
            "status": "planned",
        }
    ]


def test_only_a_coordinator_of_the_agenda_opens_a_round(world: World) -> None:
    for someone in (world.owner, world.reviewer, world.other_coordinator):
        with pytest.raises(PermissionDenied):
            service.open_round(world.agenda, *PERIOD, DEADLINE, someone)
    assert not service.Round.objects.exists()


def test_a_second_round_over_the_same_period_is_refused(world: World) -> None:
    _open(world)
    with pytest.raises(service.RoundError, match="already covers"):
        service.open_round(
            world.agenda, dt.date(2021, 1, 1), dt.date(2021, 12, 31), DEADLINE, world.coordinator
        )


def test_a_draft_without_status_or_dutch_update_cannot_be_submitted(world: World) -> None:
    task = _task(world, _open(world))
    task.status = ""
    with pytest.raises(service.RoundError) as caught:
        service.submit(task, world.owner)
    assert set(caught.value.errors) == {"status", "narrative_nl"}
    assert Task.objects.get(pk=task.pk).state == "open"


def test_a_contributor_drafts_but_cannot_submit(world: World) -> None:
    task = service.save_draft(_task(world, _open(world)), world.contributor, DRAFT)
    with pytest.raises(PermissionDenied):
        service.submit(task, world.contributor)
    assert Task.objects.get(pk=task.pk).narrative_nl == "De proeffabriek opent later."


def test_the_owner_of_another_organisation_cannot_touch_the_task(world: World) -> None:
    task = _task(world, _open(world))
    with pytest.raises(PermissionDenied):
        service.save_draft(task, world.other_owner, DRAFT)


def test_a_return_needs_a_comment(world: World) -> None:
    task = service.submit(
        service.save_draft(_task(world, _open(world)), world.owner, DRAFT), world.owner
    )
    with pytest.raises(service.RoundError, match="Say why"):
        service.return_task(task, world.reviewer, "  ")


def _walk(world: World) -> tuple[service.Round, Task]:
    round_ = _open(world)
    task = service.save_draft(_task(world, round_), world.owner, DRAFT)
    task = service.submit(task, world.owner)
    task = service.return_task(task, world.reviewer, "Noem de nieuwe datum.")
    entry = dict(task.milestones[0], planned="2021-09-01", status="delayed")
    figure = {
        "indicator": "banen",
        "geography": "NL414",
        "period": "2020",
        "value": 1200.0,
        "provisional": True,
    }
    task = service.save_draft(task, world.owner, {"milestones": [entry], "figures": [figure]})
    task = service.submit(task, world.owner)
    task = service.approve(task, world.reviewer)
    other = round_.tasks.get(item=world.other_action)
    other = service.save_draft(other, world.other_owner, DRAFT)
    service.approve(service.submit(other, world.other_owner), world.coordinator)
    return round_, task


def test_publishing_turns_approved_drafts_into_updates_dates_and_figures(world: World) -> None:
    round_, task = _walk(world)
    published = service.publish_round(round_, world.coordinator, today=dt.date(2021, 6, 1))
    assert (published.tasks, published.counts) == (
        2,
        {"status_updates": 2, "milestones": 1, "observations": 1},
    )
    update = StatusUpdate.objects.get(item=world.action)
    assert (update.status, update.period_start, update.period_end) == ("delayed", *PERIOD)
    assert update.highlights_nl == ["Subsidie toegekend", "Partners gevonden"]
    assert update.outlook_nl == ["Bouw starten"]
    assert update.author == world.lead
    milestone = Milestone.objects.get(pk=world.milestone.pk)
    assert (milestone.planned, milestone.status) == (dt.date(2021, 9, 1), "delayed")
    figure = Observation.objects.get(indicator__code="banen")
    assert (figure.period, figure.value, figure.provisional) == ("2020", 1200.0, True)
    assert Task.objects.get(pk=task.pk).state == "published"


def test_nothing_is_published_while_a_task_waits(world: World) -> None:
    round_ = _open(world)
    service.approve(
        service.submit(service.save_draft(_task(world, round_), world.owner, DRAFT), world.owner),
        world.reviewer,
    )
    with pytest.raises(service.RoundError, match="Not yet approved: 2"):
        service.publish_round(round_, world.coordinator)
    assert not StatusUpdate.objects.exists()
    assert round_.published_at is None


def test_a_drafts_text_never_reaches_the_status_updates_before_publication(world: World) -> None:
    _walk(world)
    assert not StatusUpdate.objects.exists()


def test_a_published_task_is_locked_until_a_coordinator_reopens_it_with_a_reason(
    world: World,
) -> None:
    round_, task = _walk(world)
    service.publish_round(round_, world.coordinator)
    task.refresh_from_db()
    with pytest.raises(PermissionDenied):
        service.save_draft(task, world.owner, {"narrative_nl": "Toch anders."})
    with pytest.raises(PermissionDenied):
        service.reopen(task, world.owner, "Ik wil iets wijzigen.")
    with pytest.raises(service.RoundError, match="Say why"):
        service.reopen(task, world.coordinator, "")
    task = service.reopen(task, world.coordinator, "De datum klopte niet.")
    assert (task.state, task.note) == ("returned", "De datum klopte niet.")
    task = service.save_draft(
        task, world.owner, {"narrative_nl": "De proeffabriek opent in september."}
    )
    service.approve(service.submit(task, world.owner), world.reviewer)
    service.publish_round(round_, world.coordinator)
    updates = StatusUpdate.objects.filter(item=world.action).order_by("created_at", "pk")
    assert [u.narrative_nl for u in updates] == [
        "De proeffabriek opent later.",
        "De proeffabriek opent in september.",
    ]
    steps = [
        (h.state, h.note)
        for h in Task.history.filter(id=task.pk).order_by("history_date", "history_id")
    ]
    assert ("returned", "De datum klopte niet.") in steps
    assert steps[-1] == ("published", "")


def test_progress_counts_what_was_handed_in_and_who_is_late(world: World) -> None:
    round_ = _open(world)
    service.submit(service.save_draft(_task(world, round_), world.owner, DRAFT), world.owner)
    on_time = service.progress(round_, today=DEADLINE)
    late = service.progress(round_, today=DEADLINE + dt.timedelta(days=1))
    assert (on_time.submitted, on_time.total, on_time.late) == (1, 2, 0)
    assert (late.submitted, late.total, late.late) == (1, 2, 1)


def test_my_tasks_are_the_ones_i_may_work_on(world: World) -> None:
    round_ = _open(world)
    from koers.accounts.policy import Action

    mine = service.tasks_for(world.owner, [Action.EDIT_DRAFT])
    assert [t.item.code for t in mine] == ["1"]
    assert [t.item.code for t in service.tasks_for(world.coordinator, [Action.EDIT_DRAFT])] == [
        "1",
        "2",
    ]
    assert service.tasks_for(world.reviewer, [Action.APPROVE]) == []
    service.submit(service.save_draft(_task(world, round_), world.owner, DRAFT), world.owner)
    assert [t.item.code for t in service.tasks_for(world.reviewer, [Action.APPROVE])] == ["1"]


def test_the_command_line_acts_as_an_administrator(world: World) -> None:
    round_ = service.open_round(world.agenda, *PERIOD, DEADLINE, COMMAND_LINE)
    assert round_.opened_by == "cli"
    assert round_.state == State.OPEN
