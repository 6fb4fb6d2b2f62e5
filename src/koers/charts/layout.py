"""Where the plot area sits and how data maps onto it."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from koers.charts.model import XY, Chart
from koers.charts.numbers import format_number, format_year
from koers.charts.scales import (
    LinearScale,
    Ticks,
    nice_ticks,
    value_extent,
    year_extent,
    year_ticks,
)
from koers.charts.svgdoc import text_width

FONT_SIZE: Final = 12.0
TOP: Final = 30.0  # room for the unit above the plot
RIGHT: Final = 18.0
X_LABELS: Final = 24.0  # below the plot: tick marks and year labels
INNER_PAD: Final = 14.0  # keeps edge markers and the target star inside the plot
MIN_PLOT: Final = 20.0


@dataclass(frozen=True, slots=True)
class Frame:
    """The plot rectangle in pixels, its scales and ticks."""

    left: float
    top: float
    right: float
    bottom: float
    x: LinearScale
    y: LinearScale
    y_ticks: Ticks
    x_ticks: tuple[int, ...]


def all_points(chart: Chart) -> Iterator[XY]:
    """Every finite (year, value) the chart draws: series, target, required path."""
    for series in chart.series:
        yield from (xy for xy, _ in series.drawable())
    extra: list[XY] = list(chart.required_path or ())
    if chart.target is not None:
        extra.append((chart.target.year, chart.target.value))
    yield from (xy for xy in extra if math.isfinite(xy[0]) and math.isfinite(xy[1]))


def make_frame(chart: Chart, width: float, height: float, legend_height: float) -> Frame | None:
    """The frame for `chart`, or None when there is nothing to draw."""
    points = list(all_points(chart))
    if not points:
        return None
    ticks = nice_ticks(*value_extent(y for _, y in points))
    left = _left_margin(ticks, chart)
    bottom = max(height - X_LABELS - legend_height, TOP + MIN_PLOT)
    right = max(width - RIGHT, left + MIN_PLOT)
    years = year_extent([x for x, _ in points])
    x_scale = LinearScale(years, (left + INNER_PAD, right - INNER_PAD))
    label_room = text_width("2030", FONT_SIZE) + 14
    x_ticks = year_ticks(*years, max_labels=int((right - left) // label_room))
    y_scale = LinearScale((ticks.low, ticks.high), (bottom, TOP))
    return Frame(left, TOP, right, bottom, x_scale, y_scale, ticks, x_ticks)


def tick_label(value: float, ticks: Ticks, chart: Chart) -> str:
    """A y tick label in the chart's language."""
    return format_number(value, chart.language, ticks.decimals)


def year_label(year: int, chart: Chart) -> str:
    """An x tick label: the year, never grouped as a number."""
    return format_year(year, chart.language)


def _left_margin(ticks: Ticks, chart: Chart) -> float:
    widest = max(text_width(tick_label(v, ticks, chart), FONT_SIZE) for v in ticks.values)
    return 10.0 + widest + 8.0
