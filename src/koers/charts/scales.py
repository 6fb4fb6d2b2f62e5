"""Axis domains and "nice" tick values: pure arithmetic, no drawing."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

MIN_TICKS: Final = 4
MAX_TICKS: Final = 6
_MANTISSAS: Final = (1.0, 2.0, 2.5, 5.0)
_YEAR_STEPS: Final = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
_EPSILON: Final = 1e-9


@dataclass(frozen=True, slots=True)
class Ticks:
    """Tick values with the decimals their labels need."""

    values: tuple[float, ...]
    decimals: int

    @property
    def low(self) -> float:
        return self.values[0]

    @property
    def high(self) -> float:
        return self.values[-1]


@dataclass(frozen=True, slots=True)
class LinearScale:
    """Maps a data interval onto a pixel interval (which may run backwards)."""

    domain: tuple[float, float]
    pixels: tuple[float, float]

    def __call__(self, value: float) -> float:
        d0, d1 = self.domain
        p0, p1 = self.pixels
        if d1 == d0:
            return (p0 + p1) / 2
        return p0 + (value - d0) / (d1 - d0) * (p1 - p0)


def value_extent(values: Iterable[float]) -> tuple[float, float]:
    """The interval the y-axis must show: the data, and zero when it is near.

    Zero is included when that at most doubles the axis: a count that starts
    at zero reads honestly, while 300,000 to 320,000 jobs stays legible.
    """
    found = sorted(values)
    if not found:
        return 0.0, 1.0
    low, high = found[0], found[-1]
    if low == high:
        # A flat line: anchor it to zero so it is not drawn as a mid-air value.
        return (min(low, 0.0), max(high, 0.0)) if low else (0.0, 1.0)
    if low > 0 and low <= high - low:
        return 0.0, high
    if high < 0 and -high <= high - low:
        return low, 0.0
    return low, high


def nice_ticks(low: float, high: float) -> Ticks:
    """Four to six round tick values (steps 1, 2, 2.5 or 5 x 10^k) covering the interval."""
    low, high = _widen_degenerate(min(low, high), max(low, high))
    steps = _steps_around(high - low)
    candidates = [(step, _ticks_for_step(low, high, step)) for step in steps]
    usable = [(step, ticks) for step, ticks in candidates if len(ticks) >= 2]
    fitting = [pair for pair in usable if MIN_TICKS <= len(pair[1]) <= MAX_TICKS]
    step, ticks = min(fitting or usable, key=lambda pair: _tick_score(low, high, *pair))
    return Ticks(values=tuple(ticks), decimals=step_decimals(step))


def _tick_score(low: float, high: float, step: float, ticks: list[float]) -> float:
    # Lower is better: little empty axis, steps of 1/2/5 over 2.5, about five ticks.
    waste = 1 - (high - low) / (ticks[-1] - ticks[0])
    quarter = 0.1 if _mantissa(step) == 2.5 else 0.0
    return waste + quarter + 0.05 * abs(len(ticks) - 5)


def _widen_degenerate(low: float, high: float) -> tuple[float, float]:
    # An interval below float resolution has no ticks of its own: give it room.
    if high - low > 1e-9 * max(abs(low), abs(high)):
        return low, high
    middle = (low + high) / 2
    pad = abs(middle) * 0.05 or 1.0
    return middle - pad, middle + pad


def step_decimals(step: float) -> int:
    """Decimals a label needs to tell ticks `step` apart (2.5 -> 1, 0.25 -> 2)."""
    exponent = Decimal(repr(float(step))).normalize().as_tuple().exponent
    return max(-int(exponent), 0)


def year_ticks(low: float, high: float, max_labels: int) -> tuple[int, ...]:
    """Whole years between `low` and `high`, spaced so at most `max_labels` fit."""
    first, last = math.ceil(low - _EPSILON), math.floor(high + _EPSILON)
    if last < first:
        return ()
    for step in _YEAR_STEPS:
        start = math.ceil(first / step) * step
        ticks = tuple(range(start, last + 1, step))
        if len(ticks) <= max(max_labels, 1):
            return ticks
    return (first,)


def year_extent(years: Sequence[float]) -> tuple[float, float]:
    """The x interval: whole years around the data, three years for a single one."""
    if not years:
        return 0.0, 1.0
    low, high = math.floor(min(years)), math.ceil(max(years))
    return (low - 1.0, high + 1.0) if low == high else (float(low), float(high))


def _steps_around(span: float) -> list[float]:
    exponent = math.floor(math.log10(span / 5))
    # Built in decimal so 2.5e-6 is exactly that and not 2.4999999999999998e-06.
    return [
        float(Decimal(repr(m)).scaleb(k))
        for k in range(exponent - 1, exponent + 2)
        for m in _MANTISSAS
    ]


def _mantissa(step: float) -> float:
    return step / 10.0 ** math.floor(math.log10(step))


def _ticks_for_step(low: float, high: float, step: float) -> list[float]:
    # A value a billionth of the axis past a tick is on it (float noise, or -1 on 0..3e9).
    slack = (high - low) * _EPSILON
    first = math.floor((low + slack) / step)
    last = math.ceil((high - slack) / step)
    places = step_decimals(step) + 1
    return [round(i * step, places) for i in range(first, last + 1)]
