"""An indicator's assessment as a chart: shared by the report and the dashboard.

The chart shows the series the assessment judged (the target's geography,
or each geography of a trend), the other geographies with data beside it as
comparison (the national average) or peers, the target and, for the linear
method, the straight required path from the baseline to the target.
"""

from __future__ import annotations

import datetime as dt
from itertools import accumulate

from koers.agendas.models import Geography
from koers.assessment.service import (
    IndicatorAssessment,
    ObservedPoint,
    TargetAssessment,
    observed_points,
)
from koers.charts import Chart, ChartSeries, Flag, Role, TargetMarker
from koers.charts.numbers import format_year
from koers.indicators.models import Indicator, Target
from koers.indicators.periods import parse_period
from koers.readmodel.formatting import unit_label
from koers.readmodel.i18n import Language, in_language

MAX_SERIES = 5
COMPARABLE_RATIO = 5.0

_CUMULATIVE = {"nl": "cumulatief vanaf {year}", "en": "cumulative from {year}"}
_TARGET = {"nl": "Doel {year}", "en": "Target {year}"}


def indicator_chart(
    assessment: IndicatorAssessment, language: Language, until: dt.date | None = None
) -> Chart:
    """The chart of one assessed indicator in `language`.

    `until` leaves out figures for periods ending after that day (a report
    shows what was known by the end of its period); None shows everything.
    """
    indicator = assessment.indicator
    target = assessment.targets[0] if assessment.targets else None
    geographies = _geographies(assessment)
    drawn = [
        _series(indicator, geography, index, language, until, target)
        for index, geography in enumerate(geographies[:MAX_SERIES])
    ]
    series = tuple(s for s in drawn if s is drawn[0] or _comparable(drawn[0], s))
    return Chart(
        title=in_language(indicator, "name", language),
        unit=unit_label(indicator.unit, language),
        series=series,
        target=_target_marker(target, language),
        required_path=_required_path(target),
        language=language,
    )


def _geographies(assessment: IndicatorAssessment) -> list[Geography]:
    """The assessed geography first (a region before the country), then the others."""
    first = [t.target.geography for t in assessment.targets]
    first += sorted((t.geography for t in assessment.trends), key=_comparison_last)
    others = Geography.objects.filter(
        observations__indicator=assessment.indicator, observations__series=""
    ).distinct()
    return list(dict.fromkeys([*first, *sorted(others, key=_comparison_last)]))


def _comparable(main: ChartSeries, other: ChartSeries) -> bool:
    """Whether `other` shares an axis with `main` without flattening it.

    A national total is a hundred times a regional one: drawn together the
    region becomes a flat line at the bottom. Averages, shares and rates
    compare well; totals of different areas do not. Within a factor of
    COMPARABLE_RATIO of each other they share the axis.
    """
    mine = [abs(y) for _, y in main.points if y]
    theirs = [abs(y) for _, y in other.points if y]
    if not mine or not theirs:
        return bool(theirs)
    ratio = max(theirs) / max(mine)
    return 1 / COMPARABLE_RATIO <= ratio <= COMPARABLE_RATIO


def _comparison_last(geography: Geography) -> tuple[bool, str]:
    return geography.level == Geography.Level.COUNTRY, geography.code


def _role(geography: Geography, index: int) -> Role:
    if index == 0:
        return "region"
    return "comparison" if geography.level == Geography.Level.COUNTRY else "peer"


def _series(
    indicator: Indicator,
    geography: Geography,
    index: int,
    language: Language,
    until: dt.date | None,
    target: TargetAssessment | None,
) -> ChartSeries:
    points = [p for p in observed_points(indicator, geography) if _known_by(p, until)]
    label = in_language(geography, "name", language)
    if index == 0 and target is not None and _counts_flows(target):
        return _running_total(label, points, target, language)
    return ChartSeries(
        label=label,
        points=tuple((p.year, p.value) for p in points),
        role=_role(geography, index),
        flags=tuple(_flags(p) for p in points),
    )


def _known_by(point: ObservedPoint, until: dt.date | None) -> bool:
    return until is None or parse_period(point.period).end <= until


def _flags(point: ObservedPoint) -> tuple[Flag, ...]:
    marks: list[tuple[bool, Flag]] = [
        (point.provisional, "provisional"),
        (point.estimated, "estimated"),
        (point.revised, "revised"),
    ]
    return tuple(flag for on, flag in marks if on)


def _counts_flows(target: TargetAssessment) -> bool:
    # The assessment adds yearly flows up for such targets; the chart must show
    # the same running count, or the points would not meet the target line.
    indicator = target.target.indicator
    return target.target.kind == Target.Kind.CUMULATIVE and bool(
        indicator.assessment_options.get("cumulate")
    )


def _running_total(
    label: str, points: list[ObservedPoint], target: TargetAssessment, language: Language
) -> ChartSeries:
    baseline = target.target.baseline_period
    start = parse_period(baseline).midpoint_year if baseline else float("-inf")
    flows = [p for p in points if p.year > start]
    base = target.target.baseline_value or 0.0
    totals = list(accumulate((p.value for p in flows), initial=base))[1:]
    suffix = _CUMULATIVE[language].format(year=format_year(start, language)) if baseline else ""
    return ChartSeries(
        label=f"{label} ({suffix})" if suffix else label,
        points=tuple((p.year, total) for p, total in zip(flows, totals, strict=True)),
        role="region",
        flags=tuple(_flags(p) for p in flows),
    )


def _target_marker(target: TargetAssessment | None, language: Language) -> TargetMarker | None:
    if target is None:
        return None
    year = float(parse_period(target.target.target_period).end.year)
    label = _TARGET[language].format(year=format_year(year, language))
    return TargetMarker(year=year, value=target_level(target.target), label=label)


def _required_path(
    target: TargetAssessment | None,
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    if target is None or target.required_path is None:
        return None
    start, finish = target.required_path
    return (start.year, start.value), (finish.year, target_level(target.target))


def target_level(target: Target) -> float:
    """The value the target aims at on the indicator's own scale (see Target.target_level)."""
    return target.target_level
