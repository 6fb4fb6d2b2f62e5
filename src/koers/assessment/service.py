"""Assess the targets, indicators and agenda items stored in Koers.

This is the assessment's Django-aware floor: it reads observations and
targets from the domain, turns them into the engine's plain `Series`, picks
the method that fits the target's kind, and rolls the results up to items
and pillars. The engine itself (methods.py and friends) stays pure.

Method by target kind (override with `method=`):
- level, change, share: Open SDG (ratio of observed to required growth);
- cumulative: the linear required path (a count from zero has no growth rate);
- rank: the linear path on the rank, lower is better.
An indicator without a target is assessed on its trend (Open SDG growth
classes) for each geography with data.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from koers.agendas.models import Agenda, Geography, Item, StatusUpdate
from koers.assessment import (
    decompositions,
    explain,
    linear,
    methods,
    opensdg,
    opensdg_indicator,
    rollup,
    staleness,
    target_series,
)
from koers.assessment.plan_facts import agenda_facts
from koers.assessment.plan_quality import CHECKS as PLAN_CHECKS
from koers.assessment.plan_quality import Check as PlanCheck
from koers.assessment.plan_quality import PlanQuality as PlanQuality
from koers.assessment.plan_quality import Tally as Tally
from koers.assessment.plan_quality import assess_plan
from koers.assessment.target_series import ObservedPoint as ObservedPoint
from koers.assessment.target_series import ProxyUse as ProxyUse
from koers.assessment.types import Aggregate, Config, Point, Result, Series, Staleness
from koers.assessment.vocabulary import opensdg_direction
from koers.indicators.models import Decomposition, Indicator, Observation, Target
from koers.indicators.periods import parse_period

METHOD_BY_KIND = {
    Target.Kind.LEVEL: "opensdg",
    Target.Kind.CHANGE: "opensdg",
    Target.Kind.SHARE: "opensdg",
    Target.Kind.CUMULATIVE: "linear_cumulative",
    Target.Kind.RANK: "linear_rank",
}


@dataclass(frozen=True)
class TargetAssessment:
    target: Target
    result: Result
    points: tuple[ObservedPoint, ...]
    required_path: tuple[Point, Point] | None
    staleness: Staleness | None
    proxy: ProxyUse | None = None

    @property
    def measured_at(self) -> Geography:
        """The geography whose figures were assessed: the target's own or its proxy."""
        return self.proxy.stand_in if self.proxy else self.target.geography


@dataclass(frozen=True)
class TrendAssessment:
    """An indicator without a target, judged on its direction of travel."""

    indicator: Indicator
    geography: Geography
    result: Result
    points: tuple[ObservedPoint, ...]
    staleness: Staleness | None


@dataclass(frozen=True)
class IndicatorAssessment:
    indicator: Indicator
    targets: tuple[TargetAssessment, ...]
    trends: tuple[TrendAssessment, ...]
    aggregate: Aggregate

    def results(self) -> list[Result]:
        return [t.result for t in self.targets] + [t.result for t in self.trends]


@dataclass(frozen=True)
class ItemAssessment:
    item: Item
    computed: Aggregate
    indicators: tuple[IndicatorAssessment, ...]
    children: tuple[ItemAssessment, ...]
    owner_update: StatusUpdate | None
    owner_check: rollup.OwnerCheck | None

    @property
    def reason_required(self) -> bool:
        """The owner's status differs from the computed one and needs a reason."""
        return bool(self.owner_check and self.owner_check.reason_required)


def observed_points(
    indicator: Indicator, geography: Geography, series: str = ""
) -> list[ObservedPoint]:
    """The current (latest recorded) observations of one series, oldest period first."""
    return target_series.observed_points(indicator.pk, geography.pk, series)


def assess_target(
    target: Target, method: str | None = None, as_of: dt.date | None = None
) -> TargetAssessment:
    """Assess one target; never raises (not assessable targets say why)."""
    found = target_series.target_series(target)
    chosen = method or METHOD_BY_KIND.get(Target.Kind(target.kind), methods.DEFAULT_METHOD)
    series = Series(
        points=found.values,
        direction="decrease" if _lower_is_better(target) else "increase",
        target=found.target_level,
        target_year=float(parse_period(target.target_period).end.year),
        key=target_key(target),
    )
    result = with_notes(_run(series, chosen, found.baseline), found.notes)
    result = _reported(target.indicator, result)
    path = (
        (found.baseline, Point(series.target_year or 0.0, found.target_level))
        if found.baseline
        else None
    )
    points = list(found.points)
    stale = _staleness(target.indicator, points, as_of)
    result = staleness.with_staleness(result, stale) if stale else result
    return TargetAssessment(target, result, found.points, path, stale, found.proxy)


def with_notes(result: Result, notes: tuple[str, ...]) -> Result:
    """The result with `notes` added to its explanation."""
    if not notes:
        return result
    explanation = replace(result.explanation, notes=(*notes, *result.explanation.notes))
    return replace(result, explanation=explanation)


def _reported(indicator: Indicator, result: Result) -> Result:
    # No figures yet means something else when owners, not a statistics office, report them.
    if not indicator.reported or result.explanation.reason != "no_data":
        return result
    return replace(result, explanation=replace(result.explanation, reason="reported_no_data"))


def target_key(target: Target) -> str:
    item = f"@{target.item.natural_key()}" if target.item is not None else ""
    return f"{target.indicator.code}/{target.geography.code}/{target.target_period}{item}"


def _lower_is_better(target: Target) -> bool:
    # A rank is better when lower, whatever the indicator says about its values.
    return target.kind == Target.Kind.RANK or target.indicator.direction == "decrease"


def _run(series: Series, method: str, baseline: Point | None) -> Result:
    if method in ("linear_cumulative", "linear_rank", "linear_level"):
        return linear.assess(series, kind=method.removeprefix("linear_"), baseline=baseline)
    if method == "opensdg" and baseline is not None:
        return opensdg.assess(series, _config_from_baseline(series, baseline))
    return methods.assess(series, method)


def _config_from_baseline(series: Series, baseline: Point) -> Config:
    # The target's own baseline year is the base year of the growth comparison.
    return replace(
        opensdg.DEFAULT_CONFIG,
        base_year=baseline.year,
        target_year=series.target_year or opensdg.DEFAULT_CONFIG.target_year,
        target=series.target,
        direction=opensdg_direction(series.direction),
    )


def _staleness(
    indicator: Indicator, points: list[ObservedPoint], as_of: dt.date | None
) -> Staleness | None:
    if not points:
        return None
    latest = max(parse_period(p.period).end for p in points)
    return staleness.assess_staleness(latest, indicator.frequency, as_of or timezone.localdate())


def assess_trend(
    indicator: Indicator, geography: Geography, as_of: dt.date | None = None
) -> TrendAssessment:
    """The direction of travel of an indicator without a target (Open SDG growth classes)."""
    points = observed_points(indicator, geography)
    series = Series(
        points=tuple(p.point for p in points),
        direction=indicator.direction,  # type: ignore[arg-type]
        key=f"{indicator.code}/{geography.code}",
    )
    first_year = points[0].year if points else opensdg.DEFAULT_CONFIG.base_year
    config = replace(
        opensdg.DEFAULT_CONFIG,
        base_year=first_year,
        direction=opensdg_direction(indicator.direction),
    )
    result = opensdg.assess(series, config)
    stale = _staleness(indicator, points, as_of)
    result = staleness.with_staleness(result, stale) if stale else result
    return TrendAssessment(indicator, geography, result, tuple(points), stale)


def assess_indicator(
    indicator: Indicator, as_of: dt.date | None = None, method: str | None = None
) -> IndicatorAssessment:
    """Every target of the indicator; without targets, its trend per geography with data."""
    targets = indicator.targets.select_related("indicator", "geography", "item__agenda")
    assessed = tuple(assess_target(t, method, as_of) for t in targets)
    trends: tuple[TrendAssessment, ...] = ()
    if not assessed:
        geographies = Geography.objects.filter(observations__indicator=indicator).distinct()
        trends = tuple(assess_trend(indicator, g, as_of) for g in geographies)
    children = [a.result for a in assessed] + [t.result for t in trends]
    return IndicatorAssessment(indicator, assessed, trends, rollup.rollup(indicator.code, children))


@dataclass(frozen=True)
class _Row:
    """An observation as Open SDG's selection sees a data row."""

    year: float
    value: float | None
    progress: float | None
    fields: dict[str, str | None]


def uses_opensdg_options(indicator: Indicator) -> bool:
    """True for indicators imported from Open SDG, which carry their own progress options."""
    return bool(indicator.assessment_options.get("opensdg"))


def assess_opensdg_indicator(indicator: Indicator) -> tuple[Aggregate, list[Result]]:
    """Assess with the indicator's own Open SDG options, exactly as sdg-build would."""
    saved = indicator.assessment_options.get("opensdg") or {}
    if not saved.get("auto", True):
        aggregate = opensdg_indicator.manual_status(indicator.code, saved.get("manual_status"))
        return aggregate, []
    # Plain values, not model instances: an Open SDG indicator may hold thousands of rows.
    current = (
        Observation.objects.current()
        .filter(indicator=indicator)
        .order_by("period_start", "pk")
        .values_list("period", "value", "progress", "dimensions")
    )
    rows = [
        _Row(_midpoint_year(period), value, progress, dimensions)
        for period, value, progress, dimensions in current.iterator(chunk_size=10_000)
    ]
    # Rows the source repeated for a series and year: sdg-build sees both values.
    rows += [
        _Row(_midpoint_year(d["period"]), d["value"], d["progress"], d["dimensions"])
        for d in saved.get("duplicates") or []
    ]
    entries = opensdg_indicator.configs_from_options(saved.get("options") or [])
    aggregate = opensdg_indicator.assess_indicator(
        rows, entries, indicator.code, progress_column=bool(saved.get("progress_column"))
    )
    return aggregate, opensdg_indicator.series_results(aggregate)


@lru_cache(maxsize=4096)
def _midpoint_year(period: str) -> float:
    return parse_period(period).midpoint_year


def assess_item(item: Item, as_of: dt.date | None = None) -> ItemAssessment:
    """An item's computed status from its indicators' targets and its children, beside the owner's."""
    rows = read_tree(item.agenda)
    with target_series.points_read_once(rows.indicator_ids):
        return _assess_item(item, rows, as_of)


def assess_agenda(agenda: Agenda, as_of: dt.date | None = None) -> list[ItemAssessment]:
    """The roll-up for each top-level item (pillar) of the agenda, from rows read once."""
    rows = read_tree(agenda)
    with target_series.points_read_once(rows.indicator_ids):
        return [_assess_item(root, rows, as_of) for root in rows.children.get(None, [])]


@dataclass(frozen=True)
class TreeRows:
    """An agenda's rows a roll-up needs, each kind read in one query (`read_tree`), so
    assessing a tree costs a fixed number of queries however deep it is."""

    children: Mapping[int | None, list[Item]]
    measuring: Mapping[int, list[Indicator]]
    updates: Mapping[int, StatusUpdate]
    targets: Mapping[int, list[Target]]
    trend_geographies: Mapping[int, list[Geography]]

    @property
    def indicator_ids(self) -> set[int]:
        return {i.pk for found in self.measuring.values() for i in found}


def read_tree(agenda: Agenda) -> TreeRows:
    items = list(
        Item.objects.filter(agenda=agenda).select_related("agenda").order_by("order", "code")
    )
    children: dict[int | None, list[Item]] = defaultdict(list)
    for item in items:
        children[item.parent_id].append(item)
    measuring = _measuring_by_item(agenda)
    ids = {i.pk for found in measuring.values() for i in found}
    targets: dict[int, list[Target]] = defaultdict(list)
    for target in (
        Target.objects.filter(indicator_id__in=ids)
        .select_related("indicator", "geography__proxy", "item__agenda")
        .order_by("indicator__code", "geography__code", "target_period", "pk")
    ):
        targets[target.indicator_id].append(target)
    return TreeRows(
        children, measuring, _latest_updates(agenda), targets, _geographies_with_data(ids)
    )


def _measuring_by_item(agenda: Agenda) -> dict[int, list[Indicator]]:
    """Per item, the indicators linked to it directly or through a target set for it, that
    have a target or a figure (ordered by code)."""
    pairs = set(
        Indicator.items.through.objects.filter(item__agenda=agenda).values_list(
            "item_id", "indicator_id"
        )
    )
    pairs |= set(Target.objects.filter(item__agenda=agenda).values_list("item_id", "indicator_id"))
    useful = (
        Indicator.objects.filter(pk__in={ind for _, ind in pairs})
        .annotate(
            has_target=Exists(Target.objects.filter(indicator=OuterRef("pk"))),
            has_data=Exists(Observation.objects.filter(indicator=OuterRef("pk"))),
        )
        .filter(Q(has_target=True) | Q(has_data=True))
    )
    indicators = {i.pk: i for i in useful}
    found: dict[int, list[Indicator]] = defaultdict(list)
    for item_id, indicator_id in pairs:
        if indicator_id in indicators:
            found[item_id].append(indicators[indicator_id])
    return {k: sorted(v, key=lambda i: i.code) for k, v in found.items()}


def _latest_updates(agenda: Agenda) -> dict[int, StatusUpdate]:
    updates = StatusUpdate.objects.filter(item__agenda=agenda).order_by(
        "period_end", "created_at", "pk"
    )
    return {update.item_id: update for update in updates}


def _geographies_with_data(indicator_ids: set[int]) -> dict[int, list[Geography]]:
    pairs = set(
        Observation.objects.filter(indicator_id__in=indicator_ids).values_list(
            "indicator_id", "geography_id"
        )
    )
    geographies = Geography.objects.in_bulk({g for _, g in pairs})
    found: dict[int, list[Geography]] = defaultdict(list)
    for indicator_id, geography_id in pairs:
        found[indicator_id].append(geographies[geography_id])
    return {k: sorted(v, key=lambda g: g.code) for k, v in found.items()}


def _assess_item(item: Item, rows: TreeRows, as_of: dt.date | None) -> ItemAssessment:
    indicators = tuple(_assess_indicator(i, rows, as_of) for i in rows.measuring.get(item.pk, []))
    children = tuple(_assess_item(child, rows, as_of) for child in rows.children.get(item.pk, []))
    parts: list[Result | Aggregate] = [ia.aggregate for ia in indicators]
    parts += [child.computed for child in children]
    computed = rollup.rollup(item.natural_key(), parts)
    update = rows.updates.get(item.pk)
    check = rollup.check_owner_status(update.status, computed.status) if update else None
    return ItemAssessment(item, computed, indicators, children, update, check)


def _assess_indicator(
    indicator: Indicator, rows: TreeRows, as_of: dt.date | None
) -> IndicatorAssessment:
    assessed = tuple(assess_target(t, None, as_of) for t in rows.targets.get(indicator.pk, []))
    trends: tuple[TrendAssessment, ...] = ()
    if not assessed:
        geographies = rows.trend_geographies.get(indicator.pk, [])
        trends = tuple(assess_trend(indicator, g, as_of) for g in geographies)
    children = [a.result for a in assessed] + [t.result for t in trends]
    return IndicatorAssessment(indicator, assessed, trends, rollup.rollup(indicator.code, children))


def agenda_targets(agenda: Agenda | None = None) -> list[Target]:
    """Targets of an agenda: set for one of its items or on an indicator measuring one."""
    targets = Target.objects.select_related("indicator", "geography", "item__agenda")
    if agenda is not None:
        on_items = targets.filter(item__agenda=agenda)
        via_indicators = targets.filter(item__isnull=True, indicator__items__agenda=agenda)
        targets = (on_items | via_indicators).distinct()
    return list(targets.order_by("indicator__code", "geography__code", "target_period", "pk"))


def explanation_text(assessed: Result | Aggregate, language: str) -> str:
    """How a status came about, in `language` ("nl" or "en"): the method, the
    data points, the thresholds, why this class, staleness and the rate still
    needed. The site, the report and the API all call this one function."""
    if isinstance(assessed, Aggregate):
        return explain.render_aggregate(assessed, language)
    return explain.render_explanation(assessed.explanation, language)


def decomposition_view(decomposition: Decomposition) -> decompositions.DecompositionView:
    """A decomposition's figures, its sums and shares checked, and its balance."""
    return decompositions.view(decomposition)


# The plan's own quality (plan_quality.py has the checks; plan_facts.py reads the models).
PLAN_QUALITY_CHECKS: tuple[PlanCheck, ...] = PLAN_CHECKS


def plan_quality(agenda: Agenda) -> PlanQuality:
    """The plan-quality checks of `agenda`: per item, per pillar and for the agenda.

    Texts of items, targets and organisations are in the active language."""
    return assess_plan(agenda_facts(agenda))
