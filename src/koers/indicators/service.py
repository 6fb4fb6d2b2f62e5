"""The indicators app's public Python API: indicators, their figures and targets."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from koers.agendas.models import Agenda, Geography
from koers.indicators.models import Indicator, Observation, Target
from koers.indicators.periods import PeriodError, parse_period

__all__ = [
    "Indicator",
    "Observation",
    "PeriodError",
    "Target",
    "find_geography",
    "find_indicator",
    "indicators",
    "observations",
    "parse_period",
    "targets",
]


def indicators(agenda: Agenda | None = None) -> QuerySet[Indicator]:
    """Every indicator, or those measuring an item of `agenda` (directly or by a target)."""
    rows = Indicator.objects.all()
    if agenda is not None:
        linked = Indicator.objects.filter(items__agenda=agenda)
        via_targets = Indicator.objects.filter(targets__item__agenda=agenda)
        rows = (linked | via_targets).distinct()
    return rows.order_by("code")


def find_indicator(code: str) -> Indicator | None:
    return Indicator.objects.filter(code=code).first()


def find_geography(code: str) -> Geography | None:
    return Geography.objects.filter(code=code).first()


def observations(
    indicator: Indicator | None = None,
    geography: Geography | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    recorded_by: dt.date | None = None,
) -> QuerySet[Observation]:
    """The current figures (latest revision of each), oldest period first.

    `start`/`end` keep the periods lying within [start, end]; `recorded_by` keeps
    what Koers knew at the end of that day (a figure known on a day: its period
    ended and it was recorded by then)."""
    rows: QuerySet[Observation]
    if recorded_by is None:
        rows = Observation.objects.current()
    else:
        known = Observation.objects.filter(
            recorded_at__date__lte=recorded_by, period_end__lte=recorded_by
        )
        rows = _current_by(known, recorded_by)
    if indicator is not None:
        rows = rows.filter(indicator=indicator)
    if geography is not None:
        rows = rows.filter(geography=geography)
    if start is not None:
        rows = rows.filter(period_start__gte=start)
    if end is not None:
        rows = rows.filter(period_end__lte=end)
    return rows.select_related("indicator", "geography", "source").order_by(
        "indicator__code", "geography__code", "series", "period_start", "pk"
    )


def _current_by(rows: QuerySet[Observation], day: dt.date) -> QuerySet[Observation]:
    from django.db.models import Exists, OuterRef

    newer = Observation.objects.filter(
        indicator=OuterRef("indicator"),
        geography=OuterRef("geography"),
        series=OuterRef("series"),
        period=OuterRef("period"),
        recorded_at__gt=OuterRef("recorded_at"),
        recorded_at__date__lte=day,
    )
    return rows.exclude(Exists(newer))


def targets(indicator: Indicator | None = None, agenda: Agenda | None = None) -> QuerySet[Target]:
    rows = Target.objects.select_related("indicator", "geography", "item__agenda")
    if indicator is not None:
        rows = rows.filter(indicator=indicator)
    if agenda is not None:
        rows = rows.filter(item__agenda=agenda) | rows.filter(
            item__isnull=True, indicator__items__agenda=agenda
        )
        rows = rows.distinct()
    return rows.order_by("indicator__code", "geography__code", "target_period", "pk")
