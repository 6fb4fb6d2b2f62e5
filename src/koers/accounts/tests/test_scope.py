"""What lies outside a role's reach: another organisation's item, another agenda."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from koers.accounts.policy import COMMAND_LINE, Action, permits
from koers.accounts.service import AgendaSubject, ItemSubject
from koers.accounts.tests.factories import UserFactory
from koers.rounds.tests.factories import TaskFactory
from koers.rounds.tests.world import World

pytestmark = pytest.mark.django_db


def test_an_owner_edits_the_items_of_their_own_organisation_only(world: World) -> None:
    assert permits(world.owner, Action.EDIT_ITEM, ItemSubject(world.action))
    assert not permits(world.owner, Action.EDIT_ITEM, ItemSubject(world.other_action))


def test_an_owner_reaches_the_task_of_their_item_not_the_other(world: World) -> None:
    mine = TaskFactory(round__agenda=world.agenda, item=world.action, organisation=world.lead)
    theirs = TaskFactory(round=mine.round, item=world.other_action, organisation=world.other_lead)
    assert permits(world.owner, Action.EDIT_DRAFT, mine)
    assert not permits(world.owner, Action.VIEW_DRAFT, theirs)


def test_a_coordinator_of_another_agenda_is_refused(world: World) -> None:
    task = TaskFactory(
        round__agenda=world.agenda, item=world.action, organisation=world.lead, submitted=True
    )
    assert permits(world.coordinator, Action.APPROVE, task)
    assert not permits(world.other_coordinator, Action.APPROVE, task)
    assert not permits(world.other_coordinator, Action.OPEN_ROUND, AgendaSubject(world.agenda))


def test_an_owner_without_an_agenda_reaches_every_agenda_their_organisation_leads_in(
    world: World,
) -> None:
    assert permits(world.owner, Action.EDIT_ITEM, ItemSubject(world.action))


def test_nobody_signed_in_may_do_anything(world: World) -> None:
    assert not any(
        permits(AnonymousUser(), action, AgendaSubject(world.agenda)) for action in Action
    )


def test_a_django_superuser_is_an_administrator(world: World) -> None:
    root = UserFactory(username="root@example.org", is_superuser=True)
    assert permits(root, Action.USE_ADMIN)
    assert not permits(world.coordinator, Action.USE_ADMIN)


def test_the_command_line_may_do_what_an_administrator_may(world: World) -> None:
    assert permits(COMMAND_LINE, Action.MANAGE_PEOPLE)
    assert permits(COMMAND_LINE, Action.OPEN_ROUND, AgendaSubject(world.agenda))


def test_a_deactivated_account_may_do_nothing(world: World) -> None:
    world.coordinator.is_active = False
    world.coordinator.save()
    world.coordinator.refresh_from_db()
    assert not permits(world.coordinator, Action.READ_AUDIT)
