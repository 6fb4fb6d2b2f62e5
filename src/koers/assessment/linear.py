"""Linear required path, for cumulative counts and rank targets.

A growth rate means nothing for "62,000 homes by 2030, counted from 2019"
(the count starts at zero) or for "back in the top 6" (a rank). Here the
target is reached on a straight line instead: from the baseline (t0, y0) to
the target level T in the target year tT. At the latest point (ti, yi)

    path(ti)  = y0 + (T - y0) · min(1, (ti - t0) / (tT - t0))
    R         = d · (yi - y0) / |path(ti) - y0|     (actual / required change)

with d = +1 when an increase is desired, -1 for a decrease (ranks: lower is
better, always). The cut-offs are the 95 / 60 / 0 % of the ratio methods, a
design choice (progress-methods.md §7), and the score uses the same ratio
curve, so linear results roll up with the others.

Statuses of this module:

- target_achieved: the latest value is at or beyond the target;
- on_path: R ≥ 0.95, at or ahead of the path;
- behind_path: 0.60 ≤ R < 0.95;
- far_behind_path: 0 ≤ R < 0.60;
- moving_away: R < 0, the series moved against the desired direction
  (also when the baseline sat on the target and the series left it);
- not_available: no target or target year, fewer than two years, the target
  year not after the baseline, negative counts, ranks below 1.

Rates are absolute: units (or rank places) per year, needed from the latest
point to reach the target against the average change since the baseline.
"""

from __future__ import annotations

from dataclasses import dataclass

from koers.assessment import rules
from koers.assessment.growth import (
    finite_points,
    first_at_or_after,
    has_duplicate_years,
    is_number,
    latest,
    linear_pace,
)
from koers.assessment.opensdg import is_target_met, unavailable
from koers.assessment.types import (
    RATE_ABSOLUTE,
    RATE_RANKS,
    Band,
    Explanation,
    Point,
    Result,
    Series,
)

ON_PATH = "on_path"
BEHIND_PATH = "behind_path"
FAR_BEHIND_PATH = "far_behind_path"
MOVING_AWAY = "moving_away"

PATH_BANDS = (Band(ON_PATH, 0.95), Band(BEHIND_PATH, 0.60), Band(FAR_BEHIND_PATH, 0.0))
FACTS = (
    "direction",
    "target",
    "target_year",
    "path_value",
    "required_change",
    "actual_change",
    "needed_rate",
    "current_pace",
)


@dataclass(frozen=True, slots=True)
class Kind:
    """What the series counts, and the values it may take."""

    method: str
    minimum: float
    invalid_reason: str
    rate_unit: str
    lower_is_better: bool


KINDS = {
    "cumulative": Kind("linear_cumulative", 0.0, "negative_count", RATE_ABSOLUTE, False),
    "rank": Kind("linear_rank", 1.0, "invalid_rank", RATE_RANKS, True),
    "level": Kind("linear_level", -float("inf"), "invalid_value", RATE_ABSOLUTE, False),
}


def assess_cumulative(series: Series, baseline: Point | None = None) -> Result:
    """A cumulative count against its straight path (e.g. homes built since 2019)."""
    return assess(series, kind="cumulative", baseline=baseline)


def assess_rank(series: Series, baseline: Point | None = None) -> Result:
    """A rank (1 = best) against its straight path (e.g. 'back in the top 6')."""
    return assess(series, kind="rank", baseline=baseline)


def assess(
    series: Series,
    *,
    kind: str = "cumulative",
    baseline: Point | None = None,
    base_year: float | None = None,
) -> Result:
    """Assess one series against a linear path (never raises).

    The baseline is `baseline` when given, else the point of `base_year` (or
    the next later one), else the first point.
    """
    spec = KINDS.get(kind)
    if spec is None:
        return unavailable(series, "unknown_kind", method=f"linear_{kind}")
    problem = _input_problem(series, spec, baseline)
    if problem:
        return unavailable(series, problem, method=spec.method)
    points = finite_points(series.points)
    base = _baseline(points, baseline, base_year)
    if base is None:
        return unavailable(series, "no_base_year", method=spec.method)
    current = latest(points)
    if current.year <= base.year:
        return unavailable(series, "single_year", current=current, method=spec.method)
    return _Path(series, spec, base, current).result()


def _input_problem(series: Series, spec: Kind, baseline: Point | None) -> str:
    # Ordered checks: the first failing one names the reason.
    points = finite_points(series.points)
    extra = (baseline.year, baseline.value) if baseline else ()
    numbers = (series.target, series.target_year, *extra)
    checks = (
        (series.target is None, "no_target"),
        (series.target_year is None, "no_target_year"),
        (not all(is_number(n) for n in numbers), "invalid_number"),
        (not points, "no_data"),
        (has_duplicate_years(points), "duplicate_years"),
        (
            any(p.value < spec.minimum for p in [*points, *([baseline] if baseline else [])]),
            spec.invalid_reason,
        ),
    )
    return next((reason for failed, reason in checks if failed), "")


def _baseline(points: list[Point], baseline: Point | None, base_year: float | None) -> Point | None:
    if baseline is not None:
        return baseline
    if not points:
        return None
    return first_at_or_after(
        points, min(p.year for p in points) if base_year is None else base_year
    )


@dataclass(slots=True)
class _Path:
    series: Series
    spec: Kind
    base: Point
    current: Point

    @property
    def target(self) -> float:
        return self.series.target or 0.0

    @property
    def target_year(self) -> float:
        return self.series.target_year or 0.0

    @property
    def direction(self) -> int:
        # Ranks are always better when lower, whatever the series says.
        if self.spec.lower_is_better:
            return -1
        return 1 if self.series.direction == "increase" else -1

    def result(self) -> Result:
        if self.target_year <= self.base.year:
            return unavailable(
                self.series,
                "target_year_not_after_base",
                current=self.current,
                method=self.spec.method,
            )
        if is_target_met(self.current.value, self.target, self.direction):
            return self._result(rules.TARGET_ACHIEVED, "target_achieved", None, rules.SCORE_MAX)
        required = self.required_change()
        if required == 0:
            # The baseline sat on the target and the series has left it.
            return self._result(MOVING_AWAY, "moved_off_target", None, rules.SCORE_MIN)
        ratio = self.direction * (self.current.value - self.base.value) / abs(required)
        if ratio != ratio:
            # inf/inf from values beyond float range cannot be compared.
            return unavailable(
                self.series, "numeric_overflow", current=self.current, method=self.spec.method
            )
        status = rules.classify(ratio, PATH_BANDS, MOVING_AWAY)
        return self._result(status, "band", ratio, rules.score(ratio, rules.DEFAULT_RATIO_SEGMENTS))

    def elapsed(self) -> float:
        # Past the target year the whole change is required.
        span = self.target_year - self.base.year
        return min(1.0, (self.current.year - self.base.year) / span)

    def required_change(self) -> float:
        return (self.target - self.base.value) * self.elapsed()

    def needed(self, achieved: bool) -> float | None:
        if achieved:
            return 0.0
        if self.current.year >= self.target_year:
            return None
        return linear_pace(self.target, self.current.value, self.target_year, self.current.year)

    def _result(self, status: str, reason: str, ratio: float | None, score: float) -> Result:
        achieved = status == rules.TARGET_ACHIEVED
        needed = self.needed(achieved)
        pace = linear_pace(self.current.value, self.base.value, self.current.year, self.base.year)
        return Result(
            method=self.spec.method,
            status=status,
            score=score,
            progress_value=ratio,
            base=self.base,
            current=self.current,
            needed_rate=needed,
            current_pace=pace,
            explanation=self._explanation(status, reason, ratio, needed, pace),
            key=self.series.key,
            target_achieved=achieved,
            rate_unit=self.spec.rate_unit,
        )

    def _explanation(
        self,
        status: str,
        reason: str,
        ratio: float | None,
        needed: float | None,
        pace: float | None,
    ) -> Explanation:
        path_value = self.base.value + self.required_change()
        return Explanation(
            method=self.spec.method,
            status=status,
            reason=reason,
            points_used=(self.base, self.current),
            bands=PATH_BANDS,
            value=ratio,
            fact_names=FACTS,
            fact_values=(
                self.direction,
                self.target,
                self.target_year,
                path_value,
                self.required_change(),
                self.current.value - self.base.value,
                needed,
                pace,
            ),
            notes=self._notes(),
        )

    def _notes(self) -> tuple[str, ...]:
        if self.spec.lower_is_better and self.series.direction == "increase":
            return ("a rank is better when lower; the direction 'increase' was ignored",)
        return ()
