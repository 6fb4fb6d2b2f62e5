"""The task page: the owner's form, the review, reopening; every write recorded once,
bad input answered field by field with nothing written."""

from __future__ import annotations

from typing import Any

import pytest

from koers.accounts.models import AuditEvent
from koers.agendas.models import StatusUpdate
from koers.rounds import service
from koers.rounds.models import Task
from koers.rounds.tests.world import DEADLINE, PERIOD, World
from koers.web.beheer.tests.conftest import SignIn

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(world: World) -> Task:
    round_ = service.open_round(world.agenda, *PERIOD, DEADLINE, world.coordinator)
    return round_.tasks.get(item=world.action)


def form_data(task: Task, intent: str, **fields: Any) -> dict[str, Any]:
    """What the browser posts: the draft's fields, its milestone rows and two blank figure rows."""
    data: dict[str, Any] = {
        "intent": intent,
        "task-status": "on_track",
        "task-narrative_nl": "Het loopt volgens plan.",
        "m-TOTAL_FORMS": len(task.milestones),
        "m-INITIAL_FORMS": len(task.milestones),
        "f-TOTAL_FORMS": 2,
        "f-INITIAL_FORMS": 0,
    }
    for i, entry in enumerate(task.milestones):
        data |= {
            f"m-{i}-milestone": entry["milestone"],
            f"m-{i}-planned": entry["planned"] or "",
            f"m-{i}-actual": entry["actual"] or "",
            f"m-{i}-status": entry["status"],
        }
    return data | fields


def _events(after: int) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(pk__gt=after).order_by("pk"))


def _last() -> int:
    return AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def test_the_owner_submits_and_the_write_leaves_one_record_naming_them(
    world: World, task: Task, signed_in: SignIn
) -> None:
    before = _last()
    response = signed_in(world.owner).post(f"/beheer/taak/{task.pk}/", form_data(task, "submit"))
    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.state, task.status, task.narrative_nl) == (
        "submitted",
        "on_track",
        "Het loopt volgens plan.",
    )
    [event] = _events(before)
    assert (event.actor, event.organisation, event.origin, event.channel) == (
        "owner@example.org",
        "trekker",
        "192.0.2.10",
        "web",
    )
    assert (event.action, event.object_type, event.object_id, event.outcome) == (
        "update",
        "rounds.task",
        str(task.pk),
        "done",
    )
    assert event.changes["state"] == ["open", "submitted"]
    assert event.changes["narrative_nl"] == ["", "Het loopt volgens plan."]


def test_submitting_without_a_dutch_update_names_the_field_and_writes_nothing(
    world: World, task: Task, signed_in: SignIn
) -> None:
    before = _last()
    response = signed_in(world.owner).post(
        f"/beheer/taak/{task.pk}/", form_data(task, "submit", **{"task-narrative_nl": ""})
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert (
        'id="id_task-narrative_nl_error"' in page
        and "Schrijf de voortgang in het Nederlands." in page
    )
    assert 'aria-invalid="true"' in page
    assert Task.objects.get(pk=task.pk).state == "open"
    assert _events(before) == []


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("f-0-period", "2020-13", "id_f-0-period_error"),
        ("f-0-value", "veel", "id_f-0-value_error"),
        ("m-0-status", "done", "Een mijlpaal die gereed is"),
        ("m-0-planned", "31-02-2021", "id_m-0-planned_error"),
        ("task-status", "excellent", "id_task-status_error"),
    ],
)
def test_bad_input_in_the_task_form_is_named_at_its_field_and_nothing_is_written(
    world: World, task: Task, signed_in: SignIn, field: str, value: str, message: str
) -> None:
    figure = {
        "f-0-indicator": "banen",
        "f-0-geography": "NL414",
        "f-0-period": "2020",
        "f-0-value": "12",
    }
    data = form_data(task, "save", **figure) | {field: value}
    before = _last()
    response = signed_in(world.owner).post(f"/beheer/taak/{task.pk}/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Task.objects.get(pk=task.pk).figures == []
    assert _events(before) == []


def test_an_owner_opening_another_organisations_task_gets_403_and_a_recorded_refusal(
    world: World, task: Task, signed_in: SignIn
) -> None:
    before = _last()
    response = signed_in(world.other_owner).get(f"/beheer/taak/{task.pk}/")
    assert response.status_code == 403
    assert "Niet toegestaan" in response.content.decode()
    [event] = _events(before)
    assert (event.actor, event.action, event.object_id, event.outcome) == (
        "other@example.org",
        "view_draft",
        str(task.pk),
        "refused",
    )


def test_a_reviewer_returns_with_a_comment_and_the_owner_sees_it(
    world: World, task: Task, signed_in: SignIn
) -> None:
    owner = signed_in(world.owner)
    owner.post(f"/beheer/taak/{task.pk}/", form_data(task, "submit"))
    reviewer = signed_in(world.reviewer)
    empty = reviewer.post(f"/beheer/taak/{task.pk}/", {"intent": "return", "review-note": ""})
    assert "Zeg waarom." in empty.content.decode()
    assert Task.objects.get(pk=task.pk).state == "submitted"
    before = _last()
    reviewer.post(f"/beheer/taak/{task.pk}/", {"intent": "return", "review-note": "Noem de datum."})
    [event] = _events(before)
    assert event.changes == {
        "state": ["submitted", "returned"],
        "note": ["", "Noem de datum."],
        "changed_at": event.changes["changed_at"],
    }
    page = owner.get(f"/beheer/taak/{task.pk}/").content.decode()
    assert "Noem de datum." in page and "teruggestuurd" in page


def test_a_reviewer_cannot_edit_the_draft(world: World, task: Task, signed_in: SignIn) -> None:
    response = signed_in(world.reviewer).post(f"/beheer/taak/{task.pk}/", form_data(task, "save"))
    assert response.status_code == 403
    assert Task.objects.get(pk=task.pk).narrative_nl == ""


def test_after_publication_the_form_is_gone_until_a_coordinator_reopens_with_a_reason(
    world: World, task: Task, signed_in: SignIn
) -> None:
    for other in Task.objects.all():
        service.save_draft(
            other, world.coordinator, {"status": "on_track", "narrative_nl": "Goed."}
        )
        service.approve(service.submit(other, world.coordinator), world.coordinator)
    service.publish_round(task.round, world.coordinator)
    owner = signed_in(world.owner)
    assert (
        'name="intent" value="save"' not in owner.get(f"/beheer/taak/{task.pk}/").content.decode()
    )
    assert owner.post(f"/beheer/taak/{task.pk}/", form_data(task, "save")).status_code == 403
    coordinator = signed_in(world.coordinator)
    refused = coordinator.post(
        f"/beheer/taak/{task.pk}/", {"intent": "reopen", "reopen-reason": ""}
    )
    assert "id_reopen-reason_error" in refused.content.decode()
    coordinator.post(
        f"/beheer/taak/{task.pk}/", {"intent": "reopen", "reopen-reason": "Datum klopte niet."}
    )
    page = owner.get(f"/beheer/taak/{task.pk}/").content.decode()
    assert 'name="intent" value="save"' in page
    assert "Datum klopte niet." in page and "gepubliceerd" in page  # the history shows both
    assert StatusUpdate.objects.filter(item=world.action).count() == 1


def test_my_tasks_lists_the_owners_task_and_the_reviewers_queue(
    world: World, task: Task, signed_in: SignIn
) -> None:
    assert "Fotonica" in signed_in(world.owner).get("/beheer/").content.decode()
    reviewer = signed_in(world.reviewer)
    assert "Er wacht niets op uw beoordeling." in reviewer.get("/beheer/").content.decode()
    service.submit(
        service.save_draft(task, world.owner, {"status": "on_track", "narrative_nl": "x"}),
        world.owner,
    )
    assert "Fotonica" in reviewer.get("/beheer/").content.decode()
