"""An agenda at a glance: how many actions carry each status (the owners' and the
computed, side by side, as bars with the same numbers in a table) and what needs
attention: overdue milestones and agreements, statuses that diverge, targets off course."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from koers.agendas.models import Agreement, Item
from koers.charts.bars import Bar, BarGroup, render_bars
from koers.readmodel.service import StatusLabel
from koers.readmodel.service import labels as names
from koers.web.pages.common import DashboardScope, item_link, status, today
from koers.web.pages.item import milestone_status
from koers.web.tables import Cell, Column, Link, Table

# Computed statuses that mean a target is off course (the badge's "bad" tone).
OFF_COURSE = frozenset(code for code, (_, tone) in names.COMPUTED_STATUS.items() if tone == "bad")


@dataclass(frozen=True)
class Attention:
    kind: str
    what: Link | str
    detail: str


@dataclass
class Glance:
    svg: str = ""
    table: Table | None = None
    attention: list[Attention] = field(default_factory=list)


def glance(scope: DashboardScope) -> Glance:
    """The status distribution of the items below the pillars, and what needs attention."""
    items = [i for i in scope.items if i.parent_id is not None]
    owner = Counter(scope.owner_status(i).code for i in items)
    computed = Counter(scope.computed_status(i).code for i in items)
    groups = [
        _group(_("Owners' status"), names.OWNER_STATUS, owner),
        _group(_("Computed status"), names.COMPUTED_STATUS, computed),
    ]
    if not items:
        return Glance()
    svg = render_bars(
        _("Statuses of the actions and projects"),
        _(
            "How many of the %(count)s actions and projects carry each status: first as their "
            "owners report it, then as Koers computes it from the figures."
        )
        % {"count": len(items)},
        [BarGroup(title, tuple(bars)) for title, bars in groups],
        f"glance-{scope.agenda.code}",
    )
    return Glance(svg, _table(groups, scope.agenda.code), _attention(scope, items))


def _group(
    title: str, table: Mapping[str, tuple[str, names.Tone]], counted: Counter[str]
) -> tuple[str, list[Bar]]:
    order = list(table)
    codes = sorted(counted, key=lambda c: order.index(c) if c in order else len(order))
    bars = []
    for code in codes:
        label: StatusLabel = status(table, code)
        bars.append(Bar(label.label, counted[code], label.tone))
    return title, bars


def _table(groups: list[tuple[str, list[Bar]]], code: str) -> Table:
    columns = [
        Column("who", _("Status by")),
        Column("status", _("Status")),
        Column("count", _("Number"), numeric=True),
    ]
    rows: list[list[Cell]] = [
        [title, bar.label, bar.count] for title, bars in groups for bar in bars
    ]
    return Table(f"statuses-{code}", _("Statuses of the actions and projects"), columns, rows)


def _attention(scope: DashboardScope, items: list[Item]) -> list[Attention]:
    found: list[Attention] = []
    day = today()
    for item in items:
        for m in scope.milestones.get(item.pk, []):
            if milestone_status(m) == "overdue":
                found.append(Attention(_("overdue milestone"), item_link(item), m.title))
        assessed = scope.assessments.get(item.pk)
        if assessed is not None and assessed.reason_required:
            found.append(
                Attention(
                    _("statuses differ"),
                    item_link(item),
                    f"{scope.owner_status(item).label} / {scope.computed_status(item).label}",
                )
            )
        elif scope.computed_status(item).code in OFF_COURSE:
            found.append(
                Attention(_("off course"), item_link(item), scope.computed_status(item).label)
            )
    agreements = Agreement.objects.filter(items__agenda=scope.agenda).distinct()
    for agreement in agreements:
        if agreement.is_overdue(day):
            found.append(Attention(_("overdue agreement"), agreement.text, str(agreement.due)))
    return found
