"""The agenda page: its tree of pillars, actions and projects with status, owner and
partners, as it stood on a chosen day, and the progress reports to download."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from koers.agendas.models import Agenda, Item, Role, StatusUpdate
from koers.readmodel.service import StatusLabel, format_date, format_period, pillar_owner
from koers.readmodel.service import labels as names
from koers.web.pages.common import (
    Crumb,
    DashboardScope,
    Page,
    badge,
    dashboard_scope,
    item_label,
    item_url,
    language,
    status,
    today,
)
from koers.web.pages.glance import Glance, glance
from koers.web.tables import Cell, Column, Link, Table


@dataclass
class Node:
    """One item of the tree as the page shows it."""

    code: str
    label: str
    url: str
    level: str
    owner: StatusLabel
    computed: StatusLabel
    leads: tuple[str, ...]
    partners: tuple[str, ...]
    depth: int
    children: list[Node] = field(default_factory=list)


@dataclass(frozen=True)
class ReportLink:
    period_text: str
    links: tuple[Link, ...]


@dataclass
class AgendaPage(Page):
    agenda: Agenda | None = None
    day: dt.date = field(default_factory=today)
    day_text: str = ""
    is_today: bool = True
    period_text: str = ""
    nodes: list[Node] = field(default_factory=list)
    counts: list[tuple[StatusLabel, int]] = field(default_factory=list)
    reports: list[ReportLink] = field(default_factory=list)
    neighbours: list[Link] = field(default_factory=list)
    glance: Glance | None = None


def agenda_page(agenda: Agenda, day: dt.date | None = None) -> AgendaPage:
    """The agenda on `day` (default today): the items valid that day and their statuses."""
    scope = dashboard_scope(agenda, day)
    nodes = _tree(scope)
    lang = language()
    seen = glance(scope)
    return AgendaPage(
        title=agenda.title,
        crumbs=(Crumb(_("Home"), reverse("web:home")),),
        tables=tuple(t for t in (seen.table, _items_table(scope, nodes)) if t is not None),
        slug=agenda.code,
        agenda=agenda,
        day=scope.end,
        day_text=format_date(scope.end, lang),
        is_today=scope.end == today(),
        period_text=_life(agenda),
        nodes=nodes,
        counts=_owner_counts(nodes),
        reports=report_links(agenda),
        neighbours=_neighbours(agenda),
        glance=seen,
    )


def _life(agenda: Agenda) -> str:
    lang = language()
    if agenda.end is None:
        return _("from {start}").format(start=format_date(agenda.start, lang))
    return format_period(agenda.start, agenda.end, lang)


def _tree(scope: DashboardScope) -> list[Node]:
    roles = _roles(scope)

    def build(item: Item) -> Node:
        children = [build(child) for child in scope.children.get(item.pk, [])]
        return Node(
            code=item.code,
            label=item_label(item),
            url=item_url(item),
            level=item.level.name,
            owner=_owner(scope, item, children),
            computed=scope.computed_status(item),
            leads=tuple(roles[item.pk]["lead"]),
            partners=tuple(roles[item.pk]["partner"]),
            depth=scope.depth(item),
            children=children,
        )

    return [build(pillar) for pillar in scope.pillars]


def _owner(scope: DashboardScope, item: Item, children: list[Node]) -> StatusLabel:
    """A pillar without an update of its own reads as most of its actions (as in the report)."""
    if item.parent_id is not None:
        return scope.owner_status(item)
    return pillar_owner(scope, item, [node.owner for node in _flat(children)])


def _roles(scope: DashboardScope) -> dict[int, dict[str, list[str]]]:
    """Per item the names of its leads (coordinators first) and partners."""
    found: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    rows = Role.objects.filter(item__in=scope.items).select_related("organisation")
    for role in rows.order_by("role", "organisation__code"):
        kind = "partner" if role.role in ("partner", "financier") else "lead"
        found[role.item_id][kind].append(role.organisation.name)
    return found


def _flat(nodes: list[Node]) -> list[Node]:
    found: list[Node] = []
    for node in nodes:
        found.append(node)
        found.extend(_flat(node.children))
    return found


def _owner_counts(nodes: list[Node]) -> list[tuple[StatusLabel, int]]:
    """How many items below the pillars carry each owner status, in the status table's order."""
    below = [n for n in _flat(nodes) if n.depth > 0]
    counted: dict[str, int] = defaultdict(int)
    for node in below:
        counted[node.owner.code] += 1
    if set(counted) <= {"none"}:
        return []  # nobody has reported yet: a count of "no update" says nothing
    order = list(names.OWNER_STATUS)
    codes = sorted(counted, key=lambda code: order.index(code) if code in order else len(order))
    return [(status(names.OWNER_STATUS, code), counted[code]) for code in codes]


def _items_table(scope: DashboardScope, nodes: list[Node]) -> Table:
    columns = [
        Column("code", _("Code")),
        Column("level", _("Level")),
        Column("title", _("Title")),
        Column("owner_status", _("Status (owner)")),
        Column("computed_status", _("Status (computed)")),
        Column("leads", _("Coordinator or lead")),
        Column("partners", _("Partners")),
    ]
    rows: list[list[Cell]] = [
        [
            node.code,
            node.level,
            Link(node.label, node.url),
            badge(node.owner),
            badge(node.computed),
            ", ".join(node.leads),
            ", ".join(node.partners),
        ]
        for node in _flat(nodes)
    ]
    caption = _("Items of the agenda on {day}").format(day=format_date(scope.end, language()))
    return Table("items", caption, columns, rows)


def report_links(agenda: Agenda) -> list[ReportLink]:
    """A progress report for every period the owners have reported on, newest first."""
    periods = (
        StatusUpdate.objects.filter(item__agenda=agenda)
        .values_list("period_start", "period_end")
        .distinct()
        .order_by("-period_end", "-period_start")
    )
    lang = language()
    found = []
    for start, end in periods:
        links = tuple(
            Link(label, _report_url(agenda, start, end, fmt, lang))
            for fmt, label in (("html", "HTML"), ("pdf", "PDF"), ("docx", "Word"))
        )
        found.append(ReportLink(format_period(start, end, lang), links))
    return found


def _report_url(agenda: Agenda, start: dt.date, end: dt.date, fmt: str, lang: str) -> str:
    url = reverse("reporting:report", args=[agenda.code, start, end, fmt])
    return f"{url}?lang={lang}"


def _neighbours(agenda: Agenda) -> list[Link]:
    """The agenda this one continues and the one that continues it."""
    found = []
    if agenda.predecessor is not None:
        text = _("Continues: {title}").format(title=agenda.predecessor.title)
        found.append(Link(text, reverse("web:agenda", args=[agenda.predecessor.code])))
    successor = Agenda.objects.filter(predecessor=agenda).first()
    if successor is not None:
        text = _("Continued by: {title}").format(title=successor.title)
        found.append(Link(text, reverse("web:agenda", args=[successor.code])))
    return found
