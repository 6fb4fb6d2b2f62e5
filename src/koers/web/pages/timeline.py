"""Milestones and agreements of an agenda on one timeline; overdue ones stand out.

A milestone is overdue when it is still planned after its planned date; an
agreement when it is open after its due date (`Agreement.is_overdue`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby

from django.utils.translation import gettext as _

from koers.agendas.models import Agenda, Agreement, Milestone
from koers.readmodel.service import BodyRow, Scope, StatusLabel, bodies, format_date
from koers.readmodel.service import labels as names
from koers.web.pages.common import (
    Page,
    agenda_crumbs,
    badge,
    item_label,
    item_link,
    language,
    status,
    today,
)
from koers.web.pages.item import milestone_columns, milestone_status
from koers.web.tables import Cell, Column, Link, Table


@dataclass(frozen=True)
class Event:
    day: dt.date
    day_text: str
    title: str
    item: Link
    status: StatusLabel
    overdue: bool


@dataclass(frozen=True)
class Year:
    year: int
    events: tuple[Event, ...]


@dataclass
class TimelinePage(Page):
    agenda: Agenda | None = None
    years: list[Year] = field(default_factory=list)
    overdue_milestones: int = 0
    overdue_agreements: int = 0
    bodies: tuple[BodyRow, ...] = ()


def timeline_page(agenda: Agenda) -> TimelinePage:
    milestones = list(
        Milestone.objects.filter(item__agenda=agenda).select_related("item__agenda", "source")
    )
    events = sorted((_event(m) for m in milestones), key=lambda e: (e.day, e.title))
    agreements = list(_agreements(agenda))
    return TimelinePage(
        title=_("Milestones and agreements: {agenda}").format(agenda=agenda.title),
        crumbs=agenda_crumbs(agenda),
        tables=[_milestones_table(milestones), _agreements_table(agreements)],
        slug=f"{agenda.code}-timeline",
        agenda=agenda,
        years=[Year(y, tuple(e)) for y, e in groupby(events, key=lambda e: e.day.year)],
        overdue_milestones=sum(1 for e in events if e.overdue),
        overdue_agreements=sum(1 for a in agreements if a.is_overdue(today())),
        bodies=bodies(Scope(agenda, agenda.start, dt.date.max, language())),
    )


def _event(milestone: Milestone) -> Event:
    shown = milestone_status(milestone)
    day = milestone.actual or milestone.planned
    assert day is not None  # a milestone has a planned or an actual date (Milestone.clean)
    return Event(
        day=day,
        day_text=format_date(day, language()),
        title=milestone.title,
        item=item_link(milestone.item),
        status=_milestone_label(shown),
        overdue=shown == "overdue",
    )


def _milestone_label(code: str) -> StatusLabel:
    return status(names.MILESTONE_STATUS, code)


def _milestones_table(milestones: list[Milestone]) -> Table:
    columns = [Column("item", _("Item")), *milestone_columns()]
    ordered = sorted(milestones, key=lambda m: (m.actual or m.planned or dt.date.min, m.title))
    rows: list[list[Cell]] = [
        [
            item_link(m.item),
            m.title,
            m.planned,
            m.actual,
            badge(_milestone_label(milestone_status(m))),
        ]
        for m in ordered
    ]
    return Table("milestones", _("Milestones"), columns, rows)


def _agreements(agenda: Agenda) -> list[Agreement]:
    on_items = Agreement.objects.filter(items__agenda=agenda)
    at_meetings = Agreement.objects.filter(meeting__body__agenda=agenda)
    return list(
        (on_items | at_meetings)
        .distinct()
        .select_related("owner", "meeting__body")
        .prefetch_related("items__agenda")
        .order_by("due", "code")
    )


def agreement_columns() -> list[Column]:
    return [
        Column("agreement", _("Agreement")),
        Column("owner", _("Owner")),
        Column("due", _("Due")),
        Column("status", _("Status")),
        Column("meeting", _("Made at")),
        Column("items", _("Concerns")),
    ]


def agreement_row(agreement: Agreement) -> list[Cell]:
    overdue = agreement.is_overdue(today())
    code = "overdue" if overdue else agreement.status
    meeting = agreement.meeting
    made_at = f"{meeting.title}, {format_date(meeting.date, language())}" if meeting else None
    return [
        agreement.text,
        agreement.owner.name if agreement.owner else None,
        agreement.due,
        badge(status(names.AGREEMENT_STATUS, code)),
        made_at,
        ", ".join(item_label(item) for item in agreement.items.all()) or None,
    ]


def _agreements_table(agreements: list[Agreement]) -> Table:
    rows = [agreement_row(a) for a in agreements]
    return Table("agreements", _("Agreements"), agreement_columns(), rows)
