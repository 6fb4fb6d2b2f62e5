"""Small builders shared by the assessment tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from koers.assessment import opensdg
from koers.assessment.opensdg_indicator import config_from_options
from koers.assessment.types import Point, Result


@dataclass(frozen=True)
class Row:
    """A data row as `opensdg_indicator` reads it."""

    year: float
    value: float | None
    progress: float | None = None
    fields: Mapping[str, str | None] = field(default_factory=dict)


def points(*pairs: tuple[float, float]) -> tuple[Point, ...]:
    return tuple(Point(year, value) for year, value in pairs)


def run(pairs: Sequence[tuple[float, float]], **options: object) -> Result:
    """Assess (year, value) pairs with Open SDG options given as keywords."""
    config = config_from_options(options)
    series = opensdg.series_from_config(points(*pairs), config, "test")
    return opensdg.assess(series, config)
