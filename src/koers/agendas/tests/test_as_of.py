"""Reading the agenda tree as of a date: valid time and recorded time."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from koers.agendas import service
from koers.agendas.models import ItemLink
from koers.agendas.tests.factories import AgendaFactory, ItemFactory, LevelTypeFactory

pytestmark = pytest.mark.django_db


def _codes(nodes: list[service.TreeNode]) -> list[str]:
    return [node.code for node in nodes]


def test_only_items_valid_on_the_day_are_shown() -> None:
    agenda = AgendaFactory(start=dt.date(2018, 1, 1))
    level = LevelTypeFactory(agenda=agenda)
    ItemFactory(agenda=agenda, level=level, code="1")
    ItemFactory(agenda=agenda, level=level, code="2", valid_to=dt.date(2019, 12, 31))
    ItemFactory(agenda=agenda, level=level, code="3", valid_from=dt.date(2020, 1, 1))
    assert _codes(service.tree_as_of(agenda, dt.date(2019, 6, 1))) == ["1", "2"]
    assert _codes(service.tree_as_of(agenda, dt.date(2020, 6, 1))) == ["1", "3"]
    assert _codes(service.tree_as_of(agenda, dt.date(2017, 6, 1))) == []


def test_a_subtree_under_an_item_no_longer_valid_is_left_out() -> None:
    agenda = AgendaFactory(start=dt.date(2018, 1, 1))
    level = LevelTypeFactory(agenda=agenda)
    parent = ItemFactory(agenda=agenda, level=level, code="4", valid_to=dt.date(2019, 12, 31))
    ItemFactory(agenda=agenda, level=level, code="4a", parent=parent)
    tree_2019 = service.tree_as_of(agenda, dt.date(2019, 1, 1))
    assert _codes(tree_2019) == ["4"] and _codes(tree_2019[0].children) == ["4a"]
    assert service.tree_as_of(agenda, dt.date(2020, 1, 1)) == []


def test_titles_and_links_are_read_as_they_were_recorded() -> None:
    agenda = AgendaFactory(start=dt.date(2018, 1, 1))
    item = ItemFactory(agenda=agenda, code="1", title_en="Talent")
    before_rename = timezone.now()
    item.title_en = "Talent and skills"
    item.save()
    other = ItemFactory(code="9")
    ItemLink.objects.create(from_item=item, to_item=other, kind=ItemLink.Kind.SUCCEEDS)

    then = service.tree_as_of(agenda, dt.date(2019, 1, 1), recorded_at=before_rename)
    now = service.tree_as_of(agenda, dt.date(2019, 1, 1))
    assert (then[0].title_en, then[0].links) == ("Talent", [])
    assert now[0].title_en == "Talent and skills"
    assert now[0].links == [("succeeds", f"{other.agenda.code}/9")]


def test_a_moved_item_appears_under_its_parent_of_the_time() -> None:
    agenda = AgendaFactory(start=dt.date(2018, 1, 1))
    level = LevelTypeFactory(agenda=agenda)
    first = ItemFactory(agenda=agenda, level=level, code="A")
    second = ItemFactory(agenda=agenda, level=level, code="B")
    child = ItemFactory(agenda=agenda, level=level, code="A1", parent=first)
    before_move = timezone.now()
    child.parent = second
    child.save()
    then = service.tree_as_of(agenda, dt.date(2019, 1, 1), recorded_at=before_move)
    now = service.tree_as_of(agenda, dt.date(2019, 1, 1))
    assert [_codes(n.children) for n in then] == [["A1"], []]
    assert [_codes(n.children) for n in now] == [[], ["A1"]]
