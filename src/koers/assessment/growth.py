"""Growth arithmetic that never raises: CAGR, linear pace, point cleaning."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TypeGuard

from koers.assessment.types import Point


def cagr(value: float, base: float, year: float, base_year: float) -> float | None:
    """Compound annual growth rate from (base_year, base) to (year, value).

    Same operations as sdg-build's `growth_calculation`, so results agree to
    the last bit; None where the rate is undefined instead of an exception.
    """
    span = year - base_year
    # A zero span or base has no rate; a negative ratio would give a complex root.
    if span == 0 or base == 0:
        return None
    ratio = value / base
    if not ratio >= 0 or (ratio == 0 and span < 0):
        return None
    return _power(ratio, 1 / span) - 1


def _power(base: float, exponent: float) -> float:
    # Float `**` raises on overflow where every other operation gives inf.
    try:
        powered: float = base**exponent
    except OverflowError:
        return math.inf
    return powered


def linear_pace(value: float, base: float, year: float, base_year: float) -> float | None:
    """Average change per year from (base_year, base) to (year, value)."""
    span = year - base_year
    return None if span == 0 else (value - base) / span


def scan(points: Iterable[Point], base_year: float) -> tuple[Point | None, Point | None, bool]:
    """(base, current, duplicate years) over the finite points, in one pass.

    The base is the point of `base_year`, else the earliest later one (the
    base-year fallback); the current point is the latest.
    """
    base = current = None
    years: set[float] = set()
    isfinite = math.isfinite
    for point in points:
        # sdg-build drops missing values; NaN and inf are missing here.
        if not (isfinite(point.value) and isfinite(point.year)):
            continue
        if point.year in years:
            return None, None, True
        years.add(point.year)
        if current is None or point.year > current.year:
            current = point
        if point.year >= base_year and (base is None or point.year < base.year):
            base = point
    return base, current, False


def finite_points(points: Iterable[Point]) -> list[Point]:
    """The points with a finite year and value (sdg-build drops NA values)."""
    return [p for p in points if math.isfinite(p.value) and math.isfinite(p.year)]


def has_duplicate_years(points: list[Point]) -> bool:
    """True when two points describe the same year (sdg-build refuses those)."""
    return len({p.year for p in points}) != len(points)


def latest(points: list[Point]) -> Point:
    """The point with the highest year (the 'current' point)."""
    return max(points, key=_year)


def first_at_or_after(points: list[Point], year: float) -> Point | None:
    """The point of `year`, else the earliest later one (base-year fallback)."""
    later = [p for p in points if p.year >= year]
    return min(later, key=_year) if later else None


def _year(point: Point) -> float:
    return point.year


def is_number(value: object) -> TypeGuard[float]:
    """True for a real, finite number (bool excluded)."""
    if type(value) is float:  # the common case, checked first for speed
        return math.isfinite(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too large for a float
        return False
