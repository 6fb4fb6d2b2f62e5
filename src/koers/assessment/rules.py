"""Threshold tables and the two functions that read them.

Every status rule of the engine is a row in a table here: `classify` turns a
number into a status with a `Band` table, `score` turns it into a -5..+5
score with a `Segment` table. Methods build their tables from these
constants; nothing else compares a value with a threshold. Tables built from
thresholds are cached: most series share the defaults.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from koers.assessment.types import Band
from koers.assessment.vocabulary import Status

NOT_AVAILABLE = Status.NOT_AVAILABLE
TARGET_ACHIEVED = Status.TARGET_ACHIEVED
SUBSTANTIAL = Status.SUBSTANTIAL_PROGRESS
MODERATE = Status.MODERATE_PROGRESS
LIMITED = Status.LIMITED_PROGRESS
DETERIORATION = Status.DETERIORATION

# sdg-build 2.4.0 defaults (`get_progress_thresholds`): growth ratio with a
# target, growth rate per year without one.
TARGET_THRESHOLDS = {"high": 0.95, "med": 0.6, "low": 0.0}
GROWTH_THRESHOLDS = {"high": 0.015, "med": 0.005, "low": 0.0}


# The same as (high, med, low) triples, read from the tables above: stored once.
def _triple(table: dict[str, float]) -> tuple[float, float, float]:
    return table["high"], table["med"], table["low"]


TARGET_DEFAULTS = _triple(TARGET_THRESHOLDS)
GROWTH_DEFAULTS = _triple(GROWTH_THRESHOLDS)

# Natural-limit exponent `a` of the StatCan scaling factor C (methodology §3.5).
LIMIT_EXPONENT = 4.44

# Indicator, group and roll-up status from a mean score
# (sdg-build `get_progress_status_from_score`).
SCORE_BANDS = (
    Band(SUBSTANTIAL, 2.5),
    Band(MODERATE, 0.0),
    Band(LIMITED, -2.5),
)
SCORE_FLOOR = DETERIORATION

SCORE_MIN = -5.0
SCORE_MAX = 5.0


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a score curve: from `lower` upwards the score is
    slope * value / C + intercept (C only when `scaled`), clamped to ±5."""

    lower: float
    slope: float
    intercept: float
    scaled: bool = False


@lru_cache(maxsize=1024)
def statcan_bands(high: float, med: float, low: float) -> tuple[Band, ...]:
    """The four StatCan classes; below `low` is deterioration."""
    return (Band(SUBSTANTIAL, high), Band(MODERATE, med), Band(LIMITED, low))


@lru_cache(maxsize=1024)
def growth_segments(high: float, med: float, low: float) -> tuple[Segment, ...]:
    """sdg-build's method-1 score curve: ±2 %/year maps to ±5, 0 to -2.5."""
    return (
        Segment(high, 500.0, -5.0, scaled=True),
        Segment(med, 250.0, -1.25, scaled=True),
        Segment(low, 500.0, -2.5, scaled=True),
        # Moving away is not forgiven near a limit: the negative part is unscaled.
        Segment(-math.inf, 125.0, -2.5),
    )


@lru_cache(maxsize=64)
def ratio_segments(med: float) -> tuple[Segment, ...]:
    """sdg-build's method-2 curve (its rounded constants): 0.6→0, 1.3→5, -0.6→-5."""
    return (Segment(med, 7.1429, -4.2857), Segment(-math.inf, 4.1667, -2.5))


DEFAULT_TARGET_BANDS = statcan_bands(**TARGET_THRESHOLDS)
DEFAULT_GROWTH_BANDS = statcan_bands(**GROWTH_THRESHOLDS)
DEFAULT_RATIO_SEGMENTS = ratio_segments(TARGET_THRESHOLDS["med"])
DEFAULT_GROWTH_SEGMENTS = growth_segments(**GROWTH_THRESHOLDS)


def classify(value: float, bands: tuple[Band, ...], floor: str) -> str:
    """The status of the first band `value` reaches; `floor` below them all."""
    if math.isnan(value):
        return NOT_AVAILABLE
    for band in bands:
        if value > band.lower or (band.inclusive and value == band.lower):
            return band.status
    return floor


def score(value: float, segments: tuple[Segment, ...], coefficient: float = 1.0) -> float:
    """The -5..+5 score of `value` on a piecewise-linear curve."""
    for segment in segments:
        if value >= segment.lower:
            divisor = coefficient if segment.scaled else 1.0
            return clamp(segment.slope * value / divisor + segment.intercept)
    return SCORE_MIN


def clamp(value: float) -> float:
    """Bound a score to [-5, 5]."""
    return SCORE_MIN if value < SCORE_MIN else SCORE_MAX if value > SCORE_MAX else value


def status_from_score(mean: float | None, all_achieved: bool) -> str:
    """Aggregate status: target_achieved only when every scored child is."""
    if all_achieved:
        return TARGET_ACHIEVED
    if mean is None:
        return NOT_AVAILABLE
    return classify(mean, SCORE_BANDS, SCORE_FLOOR)
