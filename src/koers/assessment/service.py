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
from collections.abc import Iterable
from dataclasses import dataclass, replace

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
from koers.assessment.target_series import ObservedPoint as ObservedPoint
from koers.assessment.target_series import ProxyUse as ProxyUse
from koers.assessment.types import Aggregate, Config, Point, Result, Series, Staleness
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
        direction="positive" if series.direction == "increase" else "negative",
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
        direction="positive" if indicator.direction == "increase" else "negative",
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
    rows = [
        _Row(parse_period(o.period).midpoint_year, o.value, None, dict(o.dimensions))
        for o in Observation.objects.current()
        .filter(indicator=indicator)
        .order_by("period_start", "pk")
    ]
    entries = opensdg_indicator.configs_from_options(saved.get("options") or [])
    aggregate = opensdg_indicator.assess_indicator(rows, entries, indicator.code)
    return aggregate, opensdg_indicator.series_results(aggregate)


def assess_item(item: Item, as_of: dt.date | None = None) -> ItemAssessment:
    """An item's computed status from its indicators' targets and its children, beside the owner's."""
    indicators = tuple(
        assess_indicator(i, as_of)
        for i in _measuring(item)
        if i.targets.exists() or i.observations.exists()
    )
    children = tuple(assess_item(child, as_of) for child in item.children.all())
    parts: list[Result | Aggregate] = [ia.aggregate for ia in indicators]
    parts += [child.computed for child in children]
    computed = rollup.rollup(item.natural_key(), parts)
    update = item.status_updates.order_by("-period_end", "-created_at").first()
    check = rollup.check_owner_status(update.status, computed.status) if update else None
    return ItemAssessment(item, computed, indicators, children, update, check)


def _measuring(item: Item) -> Iterable[Indicator]:
    """Indicators linked to the item, directly or through a target set for it."""
    linked = Indicator.objects.filter(items=item)
    through_targets = Indicator.objects.filter(targets__item=item)
    return (linked | through_targets).distinct().order_by("code")


def assess_agenda(agenda: Agenda, as_of: dt.date | None = None) -> list[ItemAssessment]:
    """The roll-up for each top-level item (pillar) of the agenda."""
    roots = agenda.items.filter(parent__isnull=True).order_by("order", "code")
    return [assess_item(root, as_of) for root in roots]


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
