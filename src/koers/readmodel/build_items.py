"""The body of the report: per pillar a summary, then every action and sub-action."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from django.utils.translation import gettext_noop

from koers.agendas.models import BudgetLine, Item, Milestone
from koers.assessment import rollup
from koers.charts import DataRow, data_table, render_svg
from koers.readmodel import labels as names
from koers.readmodel.build_money import item_money, money_total, subtree_lines
from koers.readmodel.charts import indicator_chart
from koers.readmodel.i18n import in_language
from koers.readmodel.scope import Scope
from koers.readmodel.types import (
    ActionSection,
    FigureChart,
    MilestoneRow,
    PillarSection,
    StatusCount,
    StatusLabel,
)

_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def build_pillars(scope: Scope, lines: dict[int, list[BudgetLine]]) -> tuple[PillarSection, ...]:
    return tuple(_pillar(scope, pillar, lines) for pillar in scope.pillars)


def _pillar(scope: Scope, item: Item, lines: dict[int, list[BudgetLine]]) -> PillarSection:
    actions = tuple(_action(scope, child, 1, lines) for child in scope.children.get(item.pk, []))
    flat = list(flatten(actions))
    update = scope.updates.get(item.pk)
    pillar_lines = subtree_lines(scope, item, lines)
    return PillarSection(
        code=item.code,
        title=item.title,
        level=item.level.name,
        description=item.description,
        owner=pillar_owner(scope, item, [a.owner for a in flat]),
        computed=scope.computed_status(item),
        narrative=update.narrative if update else "",
        highlights=tuple(update.highlights) if update else (),
        owner_counts=count_statuses(scope, names.OWNER_STATUS, (a.owner for a in flat)),
        computed_counts=count_statuses(scope, names.COMPUTED_STATUS, (a.computed for a in flat)),
        milestones=milestone_rows(scope, scope.milestones.get(item.pk, [])),
        charts=item_charts(scope, item),
        money_total=money_total(scope, scope.labels.total, pillar_lines) if pillar_lines else None,
        actions=actions,
    )


# Ties between equally frequent owner statuses go to the more severe one.
SEVERITY = ("behind", "delayed", "attention", "on_track", "completed", "stopped")


def pillar_owner(scope: Scope, item: Item, below: list[StatusLabel]) -> StatusLabel:
    """The pillar's own update; without one, the status most of the items `below` it report."""
    if item.pk in scope.updates:
        return scope.owner_status(item)
    counted = Counter(status.code for status in below if status.code in SEVERITY)
    if not counted:
        return scope.status_label(names.OWNER_STATUS, "none")
    code = max(counted, key=lambda c: (counted[c], -SEVERITY.index(c)))
    status = scope.status_label(names.OWNER_STATUS, code)
    label = scope.t(gettext_noop("{status} (most actions)")).format(status=status.label)
    return StatusLabel(status.code, label, status.tone)


def _action(
    scope: Scope, item: Item, depth: int, lines: dict[int, list[BudgetLine]]
) -> ActionSection:
    update = scope.updates.get(item.pk)
    owner, computed = scope.owner_status(item), scope.computed_status(item)
    children = tuple(
        _action(scope, child, depth + 1, lines) for child in scope.children.get(item.pk, [])
    )
    return ActionSection(
        code=item.code,
        title=item.title,
        level=item.level.name,
        depth=depth,
        description=item.description,
        owner=owner,
        computed=computed,
        differs=update is not None and _differs(owner, computed),
        narrative=update.narrative if update else "",
        highlights=tuple(update.highlights) if update else (),
        validity=_validity(scope, item),
        milestones=milestone_rows(scope, scope.milestones.get(item.pk, [])),
        charts=item_charts(scope, item),
        money=item_money(scope, lines.get(item.pk, [])),
        leads=_leads(scope, item),
        children=children,
    )


def _differs(owner: StatusLabel, computed: StatusLabel) -> bool:
    return rollup.check_owner_status(owner.code, computed.code).reason_required


def _validity(scope: Scope, item: Item) -> str:
    """Says when an action started or ended inside the period."""
    if item.valid_from and scope.start < item.valid_from <= scope.end:
        return f"{scope.labels.new_since} {scope.date(item.valid_from)}"
    if item.valid_to and scope.start <= item.valid_to < scope.end:
        return f"{scope.labels.valid_until} {scope.date(item.valid_to)}"
    return ""


def _leads(scope: Scope, item: Item) -> tuple[str, ...]:
    roles = item.roles.filter(role__in=["lead", "coordinator"]).select_related("organisation")
    return tuple(in_language(role.organisation, "name", scope.language) for role in roles)


def flatten(actions: Iterable[ActionSection]) -> Iterable[ActionSection]:
    for action in actions:
        yield action
        yield from flatten(action.children)


def count_statuses(
    scope: Scope, table: Mapping[str, tuple[str, names.Tone]], statuses: Iterable[StatusLabel]
) -> tuple[StatusCount, ...]:
    """How many actions have each status, in the order of `table` (the owner's own
    words are replaced by the standard name, so "Op koers" and "on track" count as one)."""
    counted = Counter(status.code for status in statuses)
    order = {code: index for index, code in enumerate(table)}
    codes = sorted(counted, key=lambda code: (order.get(code, len(order)), code))
    return tuple(StatusCount(scope.status_label(table, code), counted[code]) for code in codes)


def milestone_rows(scope: Scope, milestones: list[Milestone]) -> tuple[MilestoneRow, ...]:
    return tuple(
        MilestoneRow(
            item_code=m.item.code,
            title=m.title,
            planned_text=scope.date(m.planned) if m.planned else "",
            actual_text=scope.date(m.actual) if m.actual else "",
            # Overdue as it stood at the end of the period, as the site says it today.
            status=scope.status_label(names.MILESTONE_STATUS, m.shown_status(scope.end)),
        )
        for m in milestones
    )


def item_charts(scope: Scope, item: Item) -> tuple[FigureChart, ...]:
    """A chart per indicator measuring the item directly (not through its children)."""
    assessment = scope.assessments.get(item.pk)
    if assessment is None:
        return ()
    charts = []
    for indicator_assessment in assessment.indicators:
        chart = indicator_chart(indicator_assessment, scope.language, until=scope.end)
        if not chart.has_data():
            continue
        code = indicator_assessment.indicator.code
        prefix = _ID_UNSAFE.sub("-", f"chart-{item.code}-{code}")
        tile = chart.is_tile()
        svg = "" if tile else render_svg(chart, id_prefix=prefix)
        rows = tuple(data_table(chart))
        columns, table = pivot(rows)
        charts.append(FigureChart(code, chart.title, chart, svg, rows, columns, table, tile))
    return tuple(charts)


def pivot(rows: tuple[DataRow, ...]) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The chart's numbers as a row per year and a column per line (flags in brackets)."""
    columns = tuple(dict.fromkeys(row.series for row in rows))
    cells: dict[float, dict[str, str]] = {}
    years: dict[float, str] = {}
    for row in rows:
        value = f"{row.value_text} ({row.flags_text})" if row.flags_text else row.value_text
        cells.setdefault(row.year, {})[row.series] = value
        years[row.year] = row.year_text
    table = tuple(
        (years[year], *(cells[year].get(column, "") for column in columns))
        for year in sorted(cells)
    )
    return columns, table
