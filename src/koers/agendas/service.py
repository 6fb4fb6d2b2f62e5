"""The agendas app's public Python API: read the agenda tree, now or as of a date.

Two kinds of time meet here. *Valid time* is the agenda's own calendar: an
action is valid from 2018 to 2021. *Recorded time* is when Koers was told: the
title as it stood in the database on a given moment (kept by
django-simple-history). `tree_as_of` answers both: which items were valid on a
day, as the records stood at a moment (by default: now).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils import timezone

from koers.agendas.models import (
    Agenda,
    Agreement,
    BudgetLine,
    Item,
    ItemLink,
    Milestone,
    Organisation,
    Role,
    StatusUpdate,
)


@dataclass(frozen=True)
class AgendaSummary:
    code: str
    title: str
    description: str
    start: dt.date
    end: dt.date | None
    item_count: int


def agenda_summaries() -> list[AgendaSummary]:
    """Every agenda with its number of items, oldest first."""
    agendas = Agenda.objects.annotate(item_count=Count("items")).order_by("start", "code")
    return [
        AgendaSummary(a.code, a.title, a.description, a.start, a.end, a.item_count) for a in agendas
    ]


@dataclass
class TreeNode:
    code: str
    title_nl: str
    title_en: str
    level: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    children: list[TreeNode] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (kind, target "agenda/code")


def tree_as_of(
    agenda: Agenda, valid_on: dt.date, recorded_at: dt.datetime | None = None
) -> list[TreeNode]:
    """The agenda's items valid on `valid_on`, as recorded at `recorded_at` (default: now).

    An item whose parent was not valid that day is left out with its subtree:
    the tree shows what the agenda was, not orphans.
    """
    moment = recorded_at or timezone.now()
    records = _items_recorded_at(agenda, moment)
    nodes = {
        record.id: _node(record, agenda, level_codes=_level_codes(agenda))
        for record in records
        if _valid(record, agenda, valid_on)
    }
    for record in records:
        if record.id in nodes and record.parent_id is not None and record.parent_id in nodes:
            nodes[record.parent_id].children.append(nodes[record.id])
    for kind, source_id, target in _links_recorded_at(moment):
        if source_id in nodes:
            nodes[source_id].links.append((kind, target))
    return [nodes[r.id] for r in records if r.id in nodes and r.parent_id is None]


def _items_recorded_at(agenda: Agenda, moment: dt.datetime) -> list[Item]:
    historical = Item.history.as_of(moment).filter(agenda_id=agenda.pk)
    return sorted(historical, key=lambda item: (item.order, item.code))


def _links_recorded_at(moment: dt.datetime) -> list[tuple[str, int, str]]:
    links = ItemLink.history.as_of(moment)
    keys = dict(
        Item.objects.values_list("id", "agenda__code").annotate().values_list("id", "agenda__code")
    )
    codes = dict(Item.objects.values_list("id", "code"))
    return sorted(
        (link.kind, link.from_item_id, f"{keys.get(link.to_item_id)}/{codes.get(link.to_item_id)}")
        for link in links
    )


def _valid(item: Item, agenda: Agenda, day: dt.date) -> bool:
    starts = item.valid_from or agenda.start
    return starts <= day and (item.valid_to is None or day <= item.valid_to)


def _level_codes(agenda: Agenda) -> dict[int, str]:
    return dict(agenda.levels.values_list("id", "code"))


def _node(item: Item, agenda: Agenda, level_codes: dict[int, str]) -> TreeNode:
    return TreeNode(
        code=item.code,
        title_nl=item.title_nl,
        title_en=item.title_en,
        level=level_codes.get(item.level_id, ""),
        valid_from=item.valid_from,
        valid_to=item.valid_to,
    )


# Reads for the faces that list the domain's rows (the API): querysets, so a caller can
# page them; related rows are joined in, so a page of rows is a fixed number of queries.


def find_agenda(code: str) -> Agenda | None:
    return Agenda.objects.filter(code=code).first()


def agendas() -> QuerySet[Agenda]:
    return Agenda.objects.select_related("predecessor").order_by("start", "code")


def find_item(agenda: Agenda, code: str) -> Item | None:
    return (
        Item.objects.select_related("agenda", "level", "parent")
        .filter(agenda=agenda, code=code)
        .first()
    )


def organisations() -> QuerySet[Organisation]:
    return Organisation.objects.select_related("parent", "geography").order_by("code")


def find_organisation(code: str) -> Organisation | None:
    return organisations().filter(code=code).first()


def roles(
    agenda: Agenda | None = None, organisation: Organisation | None = None, item: Item | None = None
) -> QuerySet[Role]:
    """Organisations' roles on items, by agenda, organisation or item."""
    rows = Role.objects.select_related("item__agenda", "organisation")
    if agenda is not None:
        rows = rows.filter(item__agenda=agenda)
    if organisation is not None:
        rows = rows.filter(organisation=organisation)
    if item is not None:
        rows = rows.filter(item=item)
    return rows.order_by("item__agenda__code", "item__order", "item__code", "role", "pk")


def milestones(agenda: Agenda | None = None, item: Item | None = None) -> QuerySet[Milestone]:
    rows = Milestone.objects.select_related("item__agenda")
    if agenda is not None:
        rows = rows.filter(item__agenda=agenda)
    if item is not None:
        rows = rows.filter(item=item)
    return rows.order_by("planned", "actual", "pk")


def find_milestone(pk: int) -> Milestone | None:
    return Milestone.objects.select_related("item__agenda").filter(pk=pk).first()


def set_milestone_dates(
    milestone: Milestone, planned: dt.date | None, actual: dt.date | None, status: str
) -> Milestone:
    """Change a milestone's dates and status, checked by the model's rules (ValidationError).
    The caller asks the policy first; the audit trail records the change."""
    milestone.planned, milestone.actual, milestone.status = planned, actual, status
    milestone.full_clean()
    with transaction.atomic():
        milestone.save()
    return milestone


def budget_lines(agenda: Agenda | None = None, item: Item | None = None) -> QuerySet[BudgetLine]:
    rows = BudgetLine.objects.select_related("item__agenda", "funder")
    if agenda is not None:
        rows = rows.filter(item__agenda=agenda)
    if item is not None:
        rows = rows.filter(item=item)
    return rows.order_by("item__agenda__code", "item__order", "item__code", "pk")


def agreements(agenda: Agenda | None = None) -> QuerySet[Agreement]:
    rows = Agreement.objects.select_related("owner", "meeting__body").prefetch_related(
        "items__agenda"
    )
    if agenda is not None:
        rows = rows.filter(items__agenda=agenda).distinct()
    return rows.order_by("due", "code")


def find_agreement(code: str) -> Agreement | None:
    return agreements().filter(code=code).first()


def latest_update(item: Item) -> StatusUpdate | None:
    """The owner's latest status update of the item (by period end, then recording time)."""
    return item.status_updates.order_by("-period_end", "-created_at").first()


def reported_periods(agenda: Agenda) -> list[tuple[dt.date, dt.date]]:
    """The periods the owners have reported on, newest first: one progress report each."""
    periods = (
        StatusUpdate.objects.filter(item__agenda=agenda)
        .values_list("period_start", "period_end")
        .distinct()
        .order_by("-period_end", "-period_start")
    )
    return list(periods)
