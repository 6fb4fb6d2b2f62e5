"""The rules the agenda model enforces."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from koers.agendas.models import Item, ItemLink, Role, StatusUpdate
from koers.agendas.tests.factories import (
    AgendaFactory,
    ItemFactory,
    OrganisationFactory,
    StatusUpdateFactory,
    tree,
)

pytestmark = pytest.mark.django_db


def test_an_item_cannot_become_its_own_ancestor() -> None:
    root, _middle, leaf = tree(AgendaFactory(), depth=3)
    root.parent = leaf
    with pytest.raises(ValidationError, match="cycle"):
        root.full_clean()


def test_an_item_cannot_be_its_own_parent() -> None:
    item = ItemFactory()
    item.parent = item
    with pytest.raises(ValidationError, match="cycle"):
        item.full_clean()


def test_a_deep_tree_without_cycles_is_valid() -> None:
    items = tree(AgendaFactory(), depth=6)
    items[-1].full_clean()
    assert [a.code for a in items[-1].ancestors()] == ["c4", "c3", "c2", "c1", "c0"]


def test_the_parent_must_belong_to_the_same_agenda() -> None:
    child = ItemFactory()
    child.parent = ItemFactory()
    with pytest.raises(ValidationError) as error:
        child.full_clean()
    assert "parent" in error.value.message_dict


def test_item_codes_are_unique_within_an_agenda_only() -> None:
    first = ItemFactory(code="4a")
    ItemFactory(code="4a")  # another agenda: allowed
    duplicate = Item(agenda=first.agenda, level=first.level, code="4a", title_nl="x", title_en="x")
    with pytest.raises(ValidationError):
        duplicate.full_clean()


def test_validity_must_not_end_before_it_starts() -> None:
    item = ItemFactory(valid_from=dt.date(2020, 1, 1))
    item.valid_to = dt.date(2019, 1, 1)
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "valid_to" in error.value.message_dict


def test_a_role_needs_an_organisation_and_an_item() -> None:
    with pytest.raises(ValidationError) as error:
        Role(role=Role.Kind.LEAD).full_clean()
    assert {"item", "organisation"} <= set(error.value.message_dict)
    Role(role=Role.Kind.LEAD, item=ItemFactory(), organisation=OrganisationFactory()).full_clean()


def test_an_item_cannot_link_to_itself() -> None:
    item = ItemFactory()
    with pytest.raises(ValidationError):
        ItemLink(from_item=item, to_item=item, kind=ItemLink.Kind.SUCCEEDS).full_clean()


def test_links_may_cross_agendas() -> None:
    link = ItemLink(
        from_item=ItemFactory(), to_item=ItemFactory(), kind=ItemLink.Kind.CONTRIBUTES_TO
    )
    link.full_clean()
    link.save()
    assert link.from_item.agenda != link.to_item.agenda


def test_status_updates_are_append_only() -> None:
    update = StatusUpdateFactory(delayed=True)
    update.narrative_nl = "herschreven"
    with pytest.raises(ValidationError, match="append-only"):
        update.save()
    assert StatusUpdate.objects.get(pk=update.pk).narrative_nl == ""


def test_a_newer_status_update_is_the_latest() -> None:
    first = StatusUpdateFactory(delayed=True)
    StatusUpdateFactory(item=first.item, completed=True, period_end=dt.date(2021, 6, 30))
    assert first.item.status_updates.latest().status == StatusUpdate.Status.COMPLETED
    assert first.item.status_updates.count() == 2
