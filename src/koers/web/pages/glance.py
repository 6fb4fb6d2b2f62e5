"""An agenda at a glance: how many actions carry each status (the owners' and the
computed, side by side, as bars with the same numbers in a table) and what needs
attention: overdue milestones and agreements, statuses that diverge, targets off course,
figures past their publication schedule. The agenda's targets as tiles: latest value,
change since the figure before, a small trend line and the computed status."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from koers.agendas.models import Agreement, Item
from koers.assessment.service import TargetAssessment, agenda_targets
from koers.charts.bars import Bar, BarGroup, render_bars
from koers.charts.sparkline import render_sparkline
from koers.indicators.models import Target
from koers.readmodel.service import (
    StatusLabel,
    format_change,
    format_value,
    in_language,
    target_text,
)
from koers.readmodel.service import labels as names
from koers.web.pages.common import DashboardScope, item_link, status, today
from koers.web.pages.indicators import indicator_url
from koers.web.pages.item import milestone_status
from koers.web.tables import Cell, Column, Link, Table

# Computed statuses that mean a target is off course (the badge's "bad" tone).
OFF_COURSE = frozenset(code for code, (_, tone) in names.COMPUTED_STATUS.items() if tone == "bad")


@dataclass(frozen=True)
class Attention:
    kind: str
    what: Link | str
    detail: str


@dataclass(frozen=True)
class FigureTile:
    """One target of the agenda as a tile: its latest figure, the change since the
    figure before, the trend as a small line and the computed status."""

    indicator: Link
    area: str
    target_text: str
    value_text: str
    period: str
    change_text: str
    since: str
    status: StatusLabel
    stale: bool
    sparkline: str


@dataclass
class Glance:
    svg: str = ""
    table: Table | None = None
    attention: list[Attention] = field(default_factory=list)
    tiles: list[FigureTile] = field(default_factory=list)


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
    # Targets with figures first: a target still waiting for its first figure says so last.
    tiles = sorted(
        (_tile(scope, t) for t in _target_assessments(scope)), key=lambda t: not t.value_text
    )
    return Glance(
        svg, _table(groups, scope.agenda.code), _attention(scope, items) + _stale(tiles), tiles
    )


def _target_assessments(scope: DashboardScope) -> list[TargetAssessment]:
    """The agenda's targets (`agenda_targets` says which), as its items' assessments
    judged them, once each, in the agenda's order."""
    own = {target.pk for target in agenda_targets(scope.agenda)}
    found: dict[int, TargetAssessment] = {}
    for assessment in scope.assessments.values():
        for indicator in assessment.indicators:
            for assessed in indicator.targets:
                if assessed.target.pk in own:
                    found.setdefault(assessed.target.pk, assessed)
    return list(found.values())


def _tile(scope: DashboardScope, assessed: TargetAssessment) -> FigureTile:
    """The tile of a target; its value, change and line stay empty without figures."""
    lang = scope.language
    target, indicator = assessed.target, assessed.target.indicator
    points = sorted(assessed.points, key=lambda p: p.year)
    latest = points[-1] if points else None
    before = points[-2] if len(points) > 1 else None
    area = in_language(assessed.measured_at, "name", lang)
    if assessed.proxy is not None:
        area = _("%(area)s (standing in for %(target)s)") % {
            "area": area,
            "target": in_language(target.geography, "name", lang),
        }
    # A cumulative target adds the years up: its level does not belong beside yearly figures.
    level = (
        assessed.required_path[1].value
        if assessed.required_path and target.kind != Target.Kind.CUMULATIVE
        else None
    )
    return FigureTile(
        indicator=Link(in_language(indicator, "name", lang), indicator_url(indicator)),
        area=area,
        target_text=target_text(scope, target),
        value_text=format_value(latest.value, indicator.unit, lang) if latest else "",
        period=latest.period if latest else "",
        change_text=(
            format_change(latest.value - before.value, indicator.unit, lang)
            if latest and before
            else ""
        ),
        since=before.period if before else "",
        status=status(names.COMPUTED_STATUS, assessed.result.status),
        stale=bool(assessed.staleness and assessed.staleness.stale),
        sparkline=render_sparkline([(p.year, p.value) for p in points], level),
    )


def _stale(tiles: list[FigureTile]) -> list[Attention]:
    """Targets whose latest figure is older than the indicator's schedule allows."""
    return [
        Attention(
            _("stale figure"), t.indicator, _("latest figure %(period)s") % {"period": t.period}
        )
        for t in tiles
        if t.stale
    ]


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
