"""The audit trail: one record per write with its fields, refusals included, append-only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from koers.accounts import audit
from koers.accounts.models import AuditEvent
from koers.accounts.policy import Action, require
from koers.agendas.models import Milestone
from koers.rounds.tests.world import World

pytestmark = pytest.mark.django_db

ANNA = audit.Actor("anna@ezk.nl", "Anna", "ezk", origin="10.0.0.7", channel="web")


def _acting_as(actor: audit.Actor) -> object:
    return audit.acting(lambda: actor)


def test_a_change_leaves_one_record_with_the_fields_old_and_new_values(world: World) -> None:
    with _acting_as(ANNA):
        world.milestone.planned = dt.date(2021, 9, 1)
        world.milestone.status = Milestone.Status.DELAYED
        world.milestone.save()
    [event] = AuditEvent.objects.all()
    assert (event.actor, event.actor_name, event.organisation, event.origin, event.channel) == (
        "anna@ezk.nl",
        "Anna",
        "ezk",
        "10.0.0.7",
        "web",
    )
    assert (event.action, event.object_type, event.object_id, event.outcome) == (
        "update",
        "agendas.milestone",
        str(world.milestone.pk),
        "done",
    )
    assert event.changes == {
        "planned": ["2021-03-01", "2021-09-01"],
        "status": ["planned", "delayed"],
    }


def test_a_save_without_a_change_leaves_no_record(world: World) -> None:
    with _acting_as(ANNA):
        world.milestone.save()
    assert not AuditEvent.objects.exists()


def test_a_creation_and_a_deletion_each_leave_one_record(world: World) -> None:
    with _acting_as(ANNA):
        made = Milestone.objects.create(
            item=world.action,
            title_nl="Start",
            title_en="Start",
            planned=dt.date(2021, 1, 1),
            status="planned",
        )
        pk = made.pk
        made.delete()
    created, deleted = AuditEvent.objects.order_by("pk")
    assert (created.action, created.object_id, created.changes["title_nl"]) == (
        "create",
        str(pk),
        [None, "Start"],
    )
    assert (deleted.action, deleted.object_id, deleted.changes["title_nl"]) == (
        "delete",
        str(pk),
        ["Start", None],
    )


def test_a_many_to_many_change_names_the_ids_added(world: World) -> None:
    indicator = world.action.indicators.get()
    with _acting_as(ANNA):
        indicator.items.add(world.other_action)
    [event] = AuditEvent.objects.all()
    assert event.changes == {"items": {"added": [world.other_action.pk]}}


def test_writes_with_nobody_acting_are_not_recorded(world: World) -> None:
    world.milestone.status = Milestone.Status.DONE
    world.milestone.actual = dt.date(2021, 3, 1)
    world.milestone.save()
    assert not AuditEvent.objects.exists()


def test_a_refused_attempt_is_recorded(world: World) -> None:
    with _acting_as(ANNA), pytest.raises(PermissionDenied):
        require(world.reader, Action.EDIT_STRUCTURE)
    [event] = AuditEvent.objects.all()
    assert (event.action, event.outcome) == ("edit_structure", "refused")


def test_an_import_leaves_one_record_naming_its_counts(world: World) -> None:
    with _acting_as(ANNA), audit.recorded_import("sheet", "cijfers.xlsx"):
        for planned in (dt.date(2021, 1, 1), dt.date(2021, 2, 1)):
            Milestone.objects.create(
                item=world.action, title_nl="M", title_en="M", planned=planned, status="planned"
            )
        audit.record_import("sheet", "cijfers.xlsx", {"observation": 3})
    [event] = AuditEvent.objects.all()
    assert (event.action, event.object_type, event.object_repr) == (
        "import",
        "sheet",
        "cijfers.xlsx",
    )
    assert event.detail == "milestone: 2, observation: 3"


def test_an_importers_own_counts_replace_the_tally(world: World) -> None:
    with _acting_as(ANNA), audit.recorded_import("json", "export.json") as record:
        Milestone.objects.create(
            item=world.action,
            title_nl="M",
            title_en="M",
            planned=dt.date(2021, 1, 1),
            status="planned",
        )
        record.report({"milestones": 1, "observations": 250})
    assert AuditEvent.objects.get().detail == "milestones: 1, observations: 250"


def test_a_failed_import_leaves_no_record(world: World) -> None:
    with _acting_as(ANNA), pytest.raises(RuntimeError), audit.recorded_import("sheet", "x.csv"):
        raise RuntimeError("bad row")
    assert not AuditEvent.objects.exists()


def test_passwords_are_masked(world: World) -> None:
    with _acting_as(ANNA):
        world.owner.set_password("another long passphrase")
        world.owner.save()
    [event] = AuditEvent.objects.all()
    assert event.changes["password"][0] == event.changes["password"][1] == "•••"


def test_the_trail_cannot_be_changed_or_deleted(world: World) -> None:
    with _acting_as(ANNA):
        world.milestone.title_nl = "Anders"
        world.milestone.save()
    event = AuditEvent.objects.get()
    event.detail = "overwritten"
    for attempt in (event.save, event.delete, AuditEvent.objects.all().delete):
        with pytest.raises(ValidationError):
            attempt()
    with pytest.raises(ValidationError):
        AuditEvent.objects.update(detail="x")
    assert AuditEvent.objects.get().detail == ""
