"""Grid lines, axis lines and tick labels."""

from __future__ import annotations

from collections.abc import Iterator

from koers.charts.layout import FONT_SIZE, Frame, tick_label, year_label
from koers.charts.model import Chart
from koers.charts.styles import AXIS, GRID, MUTED_TEXT
from koers.charts.svgdoc import element, text_element


def draw_axes(frame: Frame, chart: Chart) -> str:
    """The y grid with labels, the zero line, the x axis with year labels."""
    parts = [*_y_axis(frame, chart), *_zero_line(frame), *_x_axis(frame, chart)]
    return element("g", {"class": "axes"}, parts)


def draw_unit(frame: Frame, chart: Chart) -> str:
    """The unit above the y axis, when the chart has one."""
    if not chart.unit:
        return ""
    attrs = {"x": 10, "y": frame.top - 12, "fill": MUTED_TEXT, "class": "unit"}
    return text_element(chart.unit, attrs)


def _y_axis(frame: Frame, chart: Chart) -> Iterator[str]:
    for value in frame.y_ticks.values:
        y = frame.y(value)
        yield element(
            "line", {"x1": frame.left, "y1": y, "x2": frame.right, "y2": y, "stroke": GRID}
        )
        label = tick_label(value, frame.y_ticks, chart)
        attrs = {"x": frame.left - 8, "y": y + FONT_SIZE * 0.35, "text-anchor": "end"}
        yield text_element(label, attrs | {"fill": MUTED_TEXT, "class": "y-tick"})


def _zero_line(frame: Frame) -> Iterator[str]:
    # Zero inside the axis is where a value changes sign: mark it.
    if frame.y_ticks.low < 0 < frame.y_ticks.high:
        y = frame.y(0.0)
        yield element(
            "line", {"x1": frame.left, "y1": y, "x2": frame.right, "y2": y, "stroke": AXIS}
        )


def _x_axis(frame: Frame, chart: Chart) -> Iterator[str]:
    base = frame.bottom
    yield element(
        "line", {"x1": frame.left, "y1": base, "x2": frame.right, "y2": base, "stroke": AXIS}
    )
    for year in frame.x_ticks:
        x = frame.x(year)
        yield element("line", {"x1": x, "y1": base, "x2": x, "y2": base + 5, "stroke": AXIS})
        attrs = {"x": x, "y": base + 7 + FONT_SIZE, "text-anchor": "middle", "fill": MUTED_TEXT}
        yield text_element(year_label(year, chart), attrs | {"class": "x-tick"})
