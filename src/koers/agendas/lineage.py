"""What became of each action of an agenda's predecessor, from the typed links.

A successor of an old item is a new item that `succeeds` it or is `split_from`
it, or a new item the old one was `merged_into`. `contributes_to` is no
succession. The fate follows from the links and the targets; the rules are a
table read top to bottom, the first that holds decides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from koers.agendas.models import Agenda, Item, ItemLink


class Fate(StrEnum):
    WITH_PARENT = "with_parent"
    DROPPED = "dropped"
    MERGED = "merged"
    SPLIT = "split"
    RETARGETED = "retargeted"
    CONTINUED = "continued"


@dataclass(frozen=True, slots=True)
class Facts:
    successors: int  # new items that carry the old one on
    shared: int  # the most old items any of those successors carries on
    targets_changed: bool  # the targets after differ from the targets before
    merged_link: bool = False  # a `merged_into` link says so
    parent_carried: bool = False  # an ancestor of the old item has a successor


RULES: tuple[tuple[Fate, Callable[[Facts], bool]], ...] = (
    # A project without links of its own goes where its action went.
    (Fate.WITH_PARENT, lambda f: f.successors == 0 and f.parent_carried),
    # No new item names it: the new agenda dropped it (or left it unsaid).
    (Fate.DROPPED, lambda f: f.successors == 0),
    # Its successor also carries other old items on: they were merged.
    (Fate.MERGED, lambda f: f.merged_link or f.shared > 1),
    # Several new items carry it on: it was split.
    (Fate.SPLIT, lambda f: f.successors > 1),
    # One successor with other targets (or targets where there were none).
    (Fate.RETARGETED, lambda f: f.targets_changed),
    (Fate.CONTINUED, lambda f: True),
)


def fate(facts: Facts) -> Fate:
    """The first rule of RULES that holds."""
    return next(found for found, holds in RULES if holds(facts))


SUCCESSION_KINDS = (ItemLink.Kind.SUCCEEDS, ItemLink.Kind.SPLIT_FROM)


def successors(old: Agenda, new: Agenda) -> dict[int, list[Item]]:
    """For every item of `old`, the items of `new` that carry it on."""
    found: dict[int, list[Item]] = {item.pk: [] for item in old.items.all()}
    backward = ItemLink.objects.filter(
        kind__in=SUCCESSION_KINDS, from_item__agenda=new, to_item__agenda=old
    ).select_related("from_item")
    for link in backward:
        found[link.to_item_id].append(link.from_item)
    forward = ItemLink.objects.filter(
        kind=ItemLink.Kind.MERGED_INTO, from_item__agenda=old, to_item__agenda=new
    ).select_related("to_item")
    for link in forward:
        found[link.from_item_id].append(link.to_item)
    return {pk: sorted(set(items), key=lambda i: (i.order, i.code)) for pk, items in found.items()}


def merged(old: Agenda, new: Agenda) -> set[int]:
    """The items of `old` a link says were merged into an item of `new`."""
    links = ItemLink.objects.filter(
        kind=ItemLink.Kind.MERGED_INTO, from_item__agenda=old, to_item__agenda=new
    )
    return set(links.values_list("from_item_id", flat=True))


def reasons(old: Agenda, new: Agenda) -> dict[tuple[int, int], str]:
    """The stated reason of each succession link, by (old item, new item)."""
    found: dict[tuple[int, int], str] = {}
    for link in ItemLink.objects.filter(from_item__agenda=new, to_item__agenda=old):
        found[(link.to_item_id, link.from_item_id)] = link.reason
    for link in ItemLink.objects.filter(from_item__agenda=old, to_item__agenda=new):
        found[(link.from_item_id, link.to_item_id)] = link.reason
    return found
