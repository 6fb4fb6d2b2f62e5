"""Eurostat's EU SDG monitoring profile (short-term and long-term trends).

Sources: Eurostat, "Sustainable development in the European Union -
Monitoring report", annex on methodology; thresholds without a target as
coded in sdg-build PR #318 (commit 749d6d3). See progress-methods.md §2.

- Window: the short-term trend starts 5 years before the latest year, the
  long-term one 15 years before. A missing start year moves to the next year
  with data, provided the window still spans 3 (short) or 10 (long) years.
- With a target: RoG = CAGR(actual) / CAGR(required from the window start to
  the target), classes 95 % / 60 % / 0 %; a met target counts as
  significant progress. We compute d·CAGR_a / |CAGR_r| (with the sign factor
  for negative series); that equals Eurostat's ratio whenever the target lies
  in the desired direction from the start, and keeps the sign right when the
  start was already beyond the target (where the plain ratio flips).
- Without a target: g = CAGR, negated when a decrease is desired; classes
  > 1 %, > 0 %, ≥ -1 %, below (boundaries as in 749d6d3).
- Scores for roll-up: the StatCan curves Eurostat's cut-offs share, i.e.
  the ratio curve with a target and 250·g (±2 %/year → ±5) without.
- Eurostat has no natural-limit scaling; a `limit` is ignored with a note.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from koers.assessment import rules
from koers.assessment.growth import (
    cagr,
    finite_points,
    first_at_or_after,
    has_duplicate_years,
    is_number,
    latest,
)
from koers.assessment.opensdg import is_target_met, unavailable
from koers.assessment.rules import Segment
from koers.assessment.types import Band, Explanation, Point, Result, Series

SIGNIFICANT = "significant_progress"
MODERATE = "moderate_progress"
INSUFFICIENT = "insufficient_progress"
MOVEMENT_AWAY = "movement_away"
MODERATE_AWAY = "moderate_movement_away"
SIGNIFICANT_AWAY = "significant_movement_away"

DEFAULT_TARGET_YEAR = 2030.0

# Ratio of actual to required growth, Eurostat case A.
TARGET_BANDS = (Band(SIGNIFICANT, 0.95), Band(MODERATE, 0.60), Band(INSUFFICIENT, 0.0))
# Growth per year without a target, Eurostat case B (upper bounds inclusive).
GROWTH_BANDS = (
    Band(SIGNIFICANT, 0.01, inclusive=False),
    Band(MODERATE, 0.0, inclusive=False),
    Band(MODERATE_AWAY, -0.01),
)
GROWTH_SEGMENTS = (Segment(-math.inf, 250.0, 0.0),)
FACTS = ("window_years", "cagr_observed", "cagr_required", "needed_rate", "current_pace")


@dataclass(frozen=True, slots=True)
class Window:
    """A trend window: how far back it starts and the span it must keep."""

    method: str
    years: float
    min_span: float


WINDOWS = {
    "short": Window("eurostat_short", 5, 3),
    "long": Window("eurostat_long", 15, 10),
}


def assess_short(series: Series) -> Result:
    """Eurostat's short-term (5-year) trend."""
    return assess(series, "short")


def assess_long(series: Series) -> Result:
    """Eurostat's long-term (15-year) trend."""
    return assess(series, "long")


def assess(series: Series, window: str = "short") -> Result:
    """Assess one series with the Eurostat profile (never raises)."""
    spec = WINDOWS.get(window)
    if spec is None:
        return unavailable(series, "unknown_window", method=f"eurostat_{window}")
    numbers = (series.target, series.target_year)
    if any(n is not None and not is_number(n) for n in numbers):
        return unavailable(series, "invalid_number", method=spec.method)
    points = finite_points(series.points)
    if not points or has_duplicate_years(points):
        reason = "duplicate_years" if points else "no_data"
        return unavailable(series, reason, method=spec.method)
    current = latest(points)
    base = first_at_or_after(points, current.year - spec.years)
    # Too short a window says nothing about the trend.
    if base is None or current.year - base.year < spec.min_span:
        return unavailable(series, "short_window", current=current, method=spec.method)
    return _assess_window(series, spec, base, current)


def _assess_window(series: Series, spec: Window, base: Point, current: Point) -> Result:
    # A zero base or a change of sign has no growth rate (no 0.001 stand-in here).
    if base.value == 0 or (base.value > 0 > current.value) or (base.value < 0 < current.value):
        reason = "zero_base" if base.value == 0 else "opposite_signs"
        return unavailable(series, reason, current=current, method=spec.method)
    observed = cagr(current.value, base.value, current.year, base.year)
    if observed is None:
        return unavailable(series, "undefined_growth", current=current, method=spec.method)
    facts = _Facts(series, spec, base, current, observed)
    if series.target is None:
        return facts.without_target()
    return facts.with_target(series.target)


@dataclass(slots=True)
class _Facts:
    series: Series
    spec: Window
    base: Point
    current: Point
    observed: float

    @property
    def direction(self) -> int:
        return 1 if self.series.direction == "increase" else -1

    @property
    def factor(self) -> int:
        # Desired direction, flipped for an all-negative series.
        return -self.direction if self.base.value < 0 else self.direction

    def without_target(self) -> Result:
        growth = self.factor * self.observed
        if growth != growth:
            return self._overflow()
        status = rules.classify(growth, GROWTH_BANDS, SIGNIFICANT_AWAY)
        score = rules.score(growth, GROWTH_SEGMENTS)
        return self._result(status, "band", growth, score, GROWTH_BANDS)

    def with_target(self, target: float) -> Result:
        target_year = self.series.target_year
        target_year = DEFAULT_TARGET_YEAR if target_year is None else target_year
        required = cagr(target, self.base.value, target_year, self.base.year)
        rates = (required, _needed(self.current, target, target_year))
        if is_target_met(self.current.value, target, self.direction):
            # Eurostat shows a met target as significant progress.
            return self._result(
                SIGNIFICANT,
                "target_achieved",
                None,
                rules.SCORE_MAX,
                TARGET_BANDS,
                (required, 0.0),
                achieved=True,
            )
        if required is None or required == 0:
            return self._without_ratio(required, rates)
        ratio = self.factor * self.observed / abs(required)
        if ratio != ratio:
            return self._overflow()
        status = rules.classify(ratio, TARGET_BANDS, MOVEMENT_AWAY)
        score = rules.score(ratio, rules.DEFAULT_RATIO_SEGMENTS)
        return self._result(status, "band", ratio, score, TARGET_BANDS, rates)

    def _overflow(self) -> Result:
        # inf/inf from overflowing growth is not a number we can classify.
        return unavailable(
            self.series, "numeric_overflow", current=self.current, method=self.spec.method
        )

    def _without_ratio(
        self, required: float | None, rates: tuple[float | None, float | None]
    ) -> Result:
        # Base equal to the target and now off it: moving away; else undefined.
        if required == 0:
            return self._result(
                MOVEMENT_AWAY, "moved_off_target", None, rules.SCORE_MIN, TARGET_BANDS, rates
            )
        return self._result(
            rules.NOT_AVAILABLE, "required_growth_undefined", None, None, TARGET_BANDS, rates
        )

    def _result(
        self,
        status: str,
        reason: str,
        value: float | None,
        score: float | None,
        bands: tuple[Band, ...],
        rates: tuple[float | None, float | None] = (None, None),
        *,
        achieved: bool = False,
    ) -> Result:
        required, needed = rates
        explanation = Explanation(
            method=self.spec.method,
            status=status,
            reason=reason,
            points_used=(self.base, self.current),
            bands=bands,
            value=value,
            fact_names=FACTS,
            fact_values=(self.spec.years, self.observed, required, needed, self.observed),
            notes=self._notes(),
        )
        return Result(
            self.spec.method,
            status,
            score,
            value,
            self.base,
            self.current,
            needed,
            self.observed,
            explanation,
            self.series.key,
            achieved,
        )

    def _notes(self) -> tuple[str, ...]:
        if self.series.limit is None:
            return ()
        return ("limit ignored: Eurostat has no natural-limit scaling",)


def _needed(current: Point, target: float, target_year: float) -> float | None:
    # The growth per year still needed from the latest point; none once the year is past.
    if current.year >= target_year:
        return None
    return cagr(target, current.value, target_year, current.year)
