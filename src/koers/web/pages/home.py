"""The home page: every agenda with its pillars' statuses, the region in numbers
against the national average, and what happened most recently."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from koers.agendas.models import Agenda, Meeting, Milestone, StatusUpdate
from koers.readmodel.service import StatusLabel, format_date, format_period
from koers.web.pages.agenda import Node, agenda_page
from koers.web.pages.common import Page, item_link, language, today
from koers.web.pages.comparison import comparison_table
from koers.web.pages.glance import Glance
from koers.web.tables import Link, Table

KEY_FIGURES = 8
RECENT = 8


@dataclass(frozen=True)
class AgendaCard:
    title: str
    url: str
    description: str
    period_text: str
    item_count: int
    pillars: tuple[Node, ...]
    counts: tuple[tuple[StatusLabel, int], ...]
    timeline_url: str
    money_url: str
    glance: Glance | None = None
    in_force: bool = False


@dataclass(frozen=True)
class Recent:
    day: dt.date
    day_text: str
    text: str
    link: Link


@dataclass
class HomePage(Page):
    agendas: list[AgendaCard] = field(default_factory=list)
    key_figures: Table | None = None
    more_figures: int = 0
    recent: list[Recent] = field(default_factory=list)


def home_page() -> HomePage:
    agendas = in_force_first(
        list(Agenda.objects.annotate(item_count=Count("items")).select_related("successor"))
    )
    figures = comparison_table()
    shown = Table(
        figures.name, figures.caption, figures.columns, figures.rows[:KEY_FIGURES], figures.notes
    )
    return HomePage(
        title=_("Agendas"),
        tables=[figures],
        slug="home",
        agendas=[_card(agenda) for agenda in agendas],
        key_figures=shown if figures.rows else None,
        more_figures=max(len(figures.rows) - KEY_FIGURES, 0),
        recent=recent_events(),
    )


def in_force(agenda: Agenda, day: dt.date) -> bool:
    """Started, not ended, and not yet followed by a successor that has started."""
    successor: Agenda | None = getattr(agenda, "successor", None)
    return (
        agenda.start <= day
        and (agenda.end is None or agenda.end >= day)
        and (successor is None or successor.start > day)
    )


def in_force_first(agendas: list[Agenda]) -> list[Agenda]:
    """The agendas in force today first, then the others; the newest first within each."""
    day = today()
    return sorted(agendas, key=lambda a: (not in_force(a, day), -a.start.toordinal(), a.code))


def _card(agenda: Agenda) -> AgendaCard:
    page = agenda_page(agenda)
    return AgendaCard(
        title=agenda.title,
        url=reverse("web:agenda", args=[agenda.code]),
        description=agenda.description,
        period_text=page.period_text,
        item_count=agenda.item_count,  # type: ignore[attr-defined]
        pillars=tuple(page.nodes),
        counts=tuple(page.counts),
        timeline_url=reverse("web:timeline", args=[agenda.code]),
        money_url=reverse("web:money", args=[agenda.code]),
        glance=page.glance,
        in_force=in_force(agenda, today()),
    )


def recent_events(limit: int = RECENT) -> list[Recent]:
    """The latest things that happened, up to today: milestones reached, updates, meetings."""
    day = today()
    lang = language()
    found: list[Recent] = []
    reached = Milestone.objects.filter(actual__lte=day).select_related("item__agenda")
    for m in reached.order_by("-actual")[:limit]:
        assert m.actual is not None
        text = _("Milestone reached: {title}").format(title=m.title)
        found.append(Recent(m.actual, format_date(m.actual, lang), text, item_link(m.item)))
    found += _reporting_rounds(day)
    meetings = Meeting.objects.filter(date__lte=day).select_related("body__agenda")
    for meeting in meetings.order_by("-date")[:limit]:
        if meeting.body.agenda is None:
            continue
        agenda = meeting.body.agenda
        link = Link(agenda.title, reverse("web:timeline", args=[agenda.code]))
        text = _("Meeting: {title}").format(title=meeting.title)
        found.append(Recent(meeting.date, format_date(meeting.date, lang), text, link))
    found.sort(key=lambda event: (event.day, event.text), reverse=True)
    return found[:limit]


def _reporting_rounds(day: dt.date) -> list[Recent]:
    """One event per agenda and period the owners reported on (not one per update)."""
    lang = language()
    rounds = (
        StatusUpdate.objects.filter(period_end__lte=day)
        .values("item__agenda", "period_start", "period_end")
        .annotate(count=Count("pk"))
        .order_by("-period_end")
    )
    agendas = Agenda.objects.in_bulk([r["item__agenda"] for r in rounds])
    found = []
    for r in rounds:
        agenda = agendas[r["item__agenda"]]
        period = format_period(r["period_start"], r["period_end"], lang)
        text = ngettext(
            "{count} status update over {period}",
            "{count} status updates over {period}",
            r["count"],
        ).format(count=r["count"], period=period)
        link = Link(agenda.title, reverse("web:agenda", args=[agenda.code]))
        found.append(Recent(r["period_end"], format_date(r["period_end"], lang), text, link))
    return found
