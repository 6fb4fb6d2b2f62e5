"""The input of a chart: frozen dataclasses, no Django, no I/O.

Callers (the indicator service, the report builder) translate their own
models into these; the chart package knows nothing about Koers apps.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from koers.charts.numbers import Language

Role = Literal["region", "comparison", "target_path", "peer"]
Flag = Literal["provisional", "estimated", "revised"]
XY = tuple[float, float]
TILE_BELOW = 3


@dataclass(frozen=True, slots=True)
class ChartSeries:
    """One line: `points` are (year, value) pairs; `flags` align with `points`.

    `flags` is empty (no point flagged) or holds one tuple of flags per point.
    A flagged point is drawn as a hollow marker and named in the data table.
    """

    label: str
    points: tuple[XY, ...]
    role: Role = "region"
    flags: tuple[tuple[Flag, ...], ...] = ()

    def __post_init__(self) -> None:
        if self.flags and len(self.flags) != len(self.points):
            msg = (
                f"series {self.label!r}: {len(self.flags)} flag entries "
                f"for {len(self.points)} points"
            )
            raise ValueError(msg)

    def drawable(self) -> tuple[tuple[XY, tuple[Flag, ...]], ...]:
        """The finite points with their flags, in year order."""
        flags = self.flags or ((),) * len(self.points)
        pairs = zip(self.points, flags, strict=True)
        kept = [(xy, f) for xy, f in pairs if math.isfinite(xy[0]) and math.isfinite(xy[1])]
        return tuple(sorted(kept, key=lambda pair: pair[0][0]))


@dataclass(frozen=True, slots=True)
class TargetMarker:
    """The target: `value` by `year`; `label` names it ("Doel 2030")."""

    year: float
    value: float
    label: str = ""


@dataclass(frozen=True, slots=True)
class Chart:
    """Everything a chart shows, in one language.

    `required_path` is the straight line from the baseline to the target that
    the linear required-path method measures progress against.
    """

    title: str
    description: str = ""
    unit: str = ""
    series: tuple[ChartSeries, ...] = ()
    target: TargetMarker | None = None
    required_path: tuple[XY, XY] | None = None
    language: Language = "nl"

    def has_data(self) -> bool:
        """True when at least one series has a drawable point."""
        return any(s.drawable() for s in self.series)

    def is_tile(self) -> bool:
        """True when the first line has fewer than TILE_BELOW points: one or two figures
        say more as a tile (the figures in words) than as a line."""
        return self.has_data() and len(self.series[0].drawable()) < TILE_BELOW
