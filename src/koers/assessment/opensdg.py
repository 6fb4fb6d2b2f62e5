"""The Open SDG / Statistics Canada progress method, as sdg-build 2.4.0 runs it.

Reference: sdg-build `sdg/ProgressMeasure.py` (`SeriesProgress`), documented
in open-sdg `docs/progress-methodology.md`; reproduced against the published
`indicator_calculation_components.yml` of Statistics Canada's CIF.

Per series, with base point (t0, y0), latest point (ti, yi), d = +1 when an
increase is desired else -1, s = -1 when y0 < 0 else +1:

- without a target (method 1): PV = s·d·CAGR(y0→yi), classes at 1.5 %·C,
  0.5 %·C and 0, where C scales the thresholds down near a natural `limit`;
- with a target T in year tT (method 2): PV = s·d·CAGR(y0→yi) / |CAGR(y0→T)|,
  classes at 0.95, 0.60 and 0; a met target overrides the class and scores 5.

Departures from sdg-build, all where sdg-build would raise or divide by zero:
duplicate years, missing base data, a target of the opposite sign and
unreadable options give not_available with a reason; y0 == T with the target
not met gives deterioration with score -5 (sdg-build would divide by zero).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from koers.assessment import rules
from koers.assessment.growth import cagr, is_number, scan
from koers.assessment.types import Band, Config, Explanation, Point, Result, Series

METHOD = "opensdg"
POSITIVE = "positive"
# sdg-build replaces a zero base value or target by this (with a warning).
ZERO_REPLACEMENT = 0.001
DEFAULT_CONFIG = Config()
FACTS = (
    "direction",
    "sign",
    "target",
    "target_year",
    "limit",
    "coefficient",
    "cagr_observed",
    "cagr_required",
    "needed_rate",
    "current_pace",
)


@dataclass(slots=True)
class _Run:
    """The inputs of one series after sdg-build's preparation steps."""

    series: Series
    base: Point
    current: Point
    base_value: float
    target: float | None
    target_year: float
    direction: int
    sign: int
    thresholds: tuple[float, float, float]
    coefficient: float
    notes: list[str]
    observed: float | None = None
    required: float | None = None


def series_from_config(points: Sequence[Point], config: Config, key: str = "") -> Series:
    """The Series an Open SDG options entry describes ('positive' or else decrease)."""
    return Series(
        points=tuple(points),
        direction="increase" if config.direction == POSITIVE else "decrease",
        target=config.target,
        target_year=config.target_year,
        limit=config.limit,
        key=key,
    )


def assess(series: Series, config: Config = DEFAULT_CONFIG) -> Result:
    """Assess one series with the Open SDG 2.4.0 method (never raises)."""
    problem = _input_problem(series, config)
    if problem:
        return unavailable(series, problem, notes=config.problems)
    base, current, duplicates = scan(series.points, config.base_year)
    if duplicates or current is None:
        return unavailable(series, "duplicate_years" if duplicates else "no_data")
    if base is None:
        return unavailable(series, "no_base_year", current=current)
    return _assess_run(_prepare(series, config, base, current))


def _input_problem(series: Series, config: Config) -> str:
    # Options that could not be read, or non-finite numbers, cannot be assessed.
    if config.problems:
        return "invalid_config"
    for number in (series.target, series.target_year, series.limit, config.base_year):
        if number is not None and not is_number(number):
            return "invalid_number"
    return ""


def _prepare(series: Series, config: Config, base: Point, current: Point) -> _Run:
    notes: list[str] = []
    target = _replace_zero(series.target, "target", notes)
    thresholds = _thresholds(config, target is None)
    run = _Run(
        series=series,
        base=base,
        current=current,
        base_value=base.value,
        target=target,
        target_year=config.target_year if series.target_year is None else series.target_year,
        direction=1 if series.direction == "increase" else -1,
        # For an all-negative series the desired direction flips.
        sign=-1 if base.value < 0 else 1,
        thresholds=thresholds,
        coefficient=1.0,
        notes=notes,
    )
    _apply_limit(run)
    _note_base_year(run, config.base_year)
    # sdg-build sets thresholds and C from the base before replacing a zero.
    run.base_value = _nonzero(base.value, "base value", notes)
    return run


def _replace_zero(value: float | None, name: str, notes: list[str]) -> float | None:
    return None if value is None else _nonzero(value, name, notes)


def _nonzero(value: float, name: str, notes: list[str]) -> float:
    # A zero base or target has no growth rate; sdg-build uses 0.001 instead.
    if value == 0:
        notes.append(f"{name} 0 replaced by {ZERO_REPLACEMENT}; choose a sensible value")
        return ZERO_REPLACEMENT
    return value


def _thresholds(config: Config, growth: bool) -> tuple[float, float, float]:
    # (high, med, low): sdg-build's defaults, updated by `progress_thresholds`.
    if not config.progress_thresholds:
        return rules.GROWTH_DEFAULTS if growth else rules.TARGET_DEFAULTS
    defaults = rules.GROWTH_THRESHOLDS if growth else rules.TARGET_THRESHOLDS
    merged = {**defaults, **dict(config.progress_thresholds)}
    return merged["high"], merged["med"], merged["low"]


def _note_base_year(run: _Run, wanted: float) -> None:
    # The next later year stands in for a missing base year.
    if run.base.year != wanted:
        run.notes.append(f"no data for base year {wanted:g}; used {run.base.year:g}")


def _apply_limit(run: _Run) -> None:
    limit = run.series.limit
    if limit is None:
        return
    if run.target is not None:
        # A target already fixes the ambition; a limit only scales method 1.
        run.notes.append(f"limit {limit:g} ignored because a target is given")
        return
    _note_limit_side(run, limit)
    c = run.coefficient = limit_coefficient(run.base.value, limit)
    # Near a limit less growth is possible: every threshold shrinks by C (zero stays zero).
    high, med, low = run.thresholds
    run.thresholds = (high * c, med * c, low * c)


def _note_limit_side(run: _Run, limit: float) -> None:
    beyond = run.base.value > limit if run.direction == 1 else run.base.value < limit
    if beyond:
        run.notes.append(f"base value {run.base.value:g} is beyond the limit {limit:g}")


def limit_coefficient(base: float, limit: float) -> float:
    """StatCan's C: 1 far from the limit, falling to 0 at it (exponent 4.44)."""
    distance, bound = abs(base), abs(limit)
    # Checked first so that a zero base and zero limit give C = 1.
    if distance >= 2 * bound:
        return 1.0
    near = distance if distance <= bound else 2 * bound - distance
    scaled: float = (near / bound) ** rules.LIMIT_EXPONENT
    return 1 - scaled


def _assess_run(run: _Run) -> Result:
    achieved = is_target_met(run.current.value, run.target, run.direction)
    value, reason = _progress_value(run)
    status, reason = _status(run, value, reason, achieved)
    needed, pace = _rates(run, achieved)
    return Result(
        method=METHOD,
        status=status,
        score=_score(run, value, status, achieved),
        progress_value=value,
        base=run.base if run.base_value == run.base.value else Point(run.base.year, run.base_value),
        current=run.current,
        needed_rate=needed,
        current_pace=pace,
        explanation=_explanation(run, status, reason, value, needed, pace),
        key=run.series.key,
        target_achieved=achieved,
    )


def is_target_met(value: float, target: float | None, direction: int) -> bool:
    """sdg-build's `is_target_achieved`: at or beyond the target."""
    if target is None:
        return False
    return value >= target if direction == 1 else value <= target


def _progress_value(run: _Run) -> tuple[float | None, str]:
    base, current = run.base_value, run.current.value
    # A change of sign has no growth rate; transform the data instead.
    if (base > 0 > current) or (base < 0 < current):
        return None, "opposite_signs"
    # sdg-build needs two years of data at least one year apart.
    if run.current.year - run.base.year < 1:
        return None, "single_year"
    run.observed = cagr(current, base, run.current.year, run.base.year)
    if run.observed is None:
        return None, "undefined_growth"
    if run.target is None:
        return _finite(run.sign * run.direction * run.observed)
    return _ratio(run, run.target, run.observed)


def _ratio(run: _Run, target: float, observed: float) -> tuple[float | None, str]:
    run.required = cagr(target, run.base_value, run.target_year, run.base.year)
    if run.required is None:
        return None, "required_growth_undefined"
    # Base equal to the target: no growth was required (see module docstring).
    if run.required == 0:
        return None, "no_required_growth"
    # |CAGR_T| keeps the sign right when the base is already past the target.
    return _finite(run.sign * run.direction * observed / abs(run.required))


def _finite(value: float) -> tuple[float | None, str]:
    # inf/inf from overflowing growth is not a number we can classify.
    return (None, "numeric_overflow") if value != value else (value, "band")


def _status(run: _Run, value: float | None, reason: str, achieved: bool) -> tuple[str, str]:
    # A met target overrides the class, even without a progress value.
    if achieved:
        return rules.TARGET_ACHIEVED, "target_achieved"
    if reason == "no_required_growth":
        return rules.DETERIORATION, "moved_off_target"
    if value is None:
        return rules.NOT_AVAILABLE, reason
    if run.target is None and run.coefficient == 0 and value >= run.thresholds[2]:
        return rules.SUBSTANTIAL, "limit_reached"
    return rules.classify(value, _bands(run), rules.DETERIORATION), "band"


def _bands(run: _Run) -> tuple[Band, ...]:
    return rules.statcan_bands(*run.thresholds)


def _score(run: _Run, value: float | None, status: str, achieved: bool) -> float | None:
    if achieved:
        return rules.SCORE_MAX
    if value is None:
        # Off a target the base had met: as far from on track as it gets.
        return rules.SCORE_MIN if status == rules.DETERIORATION else None
    high, med, low = run.thresholds
    if run.target is not None:
        return rules.score(value, rules.ratio_segments(med))
    # Base at the natural limit and holding it: full score.
    if run.coefficient == 0 and value >= low:
        return rules.SCORE_MAX
    return rules.score(value, rules.growth_segments(high, med, low), run.coefficient)


def _rates(run: _Run, achieved: bool) -> tuple[float | None, float | None]:
    pace = run.observed
    if run.target is None:
        return None, pace
    # Nothing more is needed once the target is met.
    if achieved:
        return 0.0, pace
    if run.current.year >= run.target_year:
        return None, pace
    return cagr(run.target, run.current.value, run.target_year, run.current.year), pace


def _explanation(
    run: _Run,
    status: str,
    reason: str,
    value: float | None,
    needed: float | None,
    pace: float | None,
) -> Explanation:
    return Explanation(
        method=METHOD,
        status=status,
        reason=reason,
        points_used=(run.base, run.current),
        bands=_bands(run),
        value=value,
        fact_names=FACTS,
        fact_values=(
            run.direction,
            run.sign,
            run.target,
            run.target_year if run.target is not None else None,
            run.series.limit,
            run.coefficient,
            run.observed,
            run.required,
            needed,
            pace,
        ),
        notes=tuple(run.notes),
    )


def unavailable(
    series: Series,
    reason: str,
    *,
    current: Point | None = None,
    notes: tuple[str, ...] = (),
    method: str = METHOD,
) -> Result:
    """A not_available result that says why."""
    return Result(
        method=method,
        status=rules.NOT_AVAILABLE,
        score=None,
        progress_value=None,
        base=None,
        current=current,
        needed_rate=None,
        current_pace=None,
        explanation=Explanation(method, rules.NOT_AVAILABLE, reason, notes=notes),
        key=series.key,
    )


def with_notes(result: Result, notes: Sequence[str]) -> Result:
    """The result with extra notes (e.g. from data selection) in its explanation."""
    if not notes:
        return result
    explanation = replace(result.explanation, notes=(*notes, *result.explanation.notes))
    return replace(result, explanation=explanation)
