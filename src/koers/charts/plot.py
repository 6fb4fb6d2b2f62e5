"""The data layer: series lines and markers, the required path, the target."""

from __future__ import annotations

from collections.abc import Iterator

from koers.charts.layout import FONT_SIZE, Frame
from koers.charts.legend import series_styles, target_label
from koers.charts.markers import marker
from koers.charts.model import Chart, ChartSeries
from koers.charts.numbers import format_number
from koers.charts.styles import BACKGROUND, REQUIRED_PATH_STYLE, TARGET, LineStyle
from koers.charts.svgdoc import element, points_attr, text_element, text_width


def draw_series(frame: Frame, chart: Chart) -> str:
    """Every series as a polyline with its markers, in the chart's order."""
    styles = series_styles(chart)
    groups = [_one_series(frame, s, st) for s, st in zip(chart.series, styles, strict=True)]
    return "".join(groups)


def draw_required_path(frame: Frame, chart: Chart) -> str:
    """The dashed straight line from the baseline to the target."""
    if chart.required_path is None:
        return ""
    style = REQUIRED_PATH_STYLE
    pixels = [(frame.x(x), frame.y(y)) for x, y in chart.required_path]
    attrs = {"points": points_attr(pixels), "class": "required-path", **_stroke(style)}
    return element("polyline", attrs)


def draw_target(frame: Frame, chart: Chart) -> str:
    """The target as a star with its label and value beside it."""
    target = chart.target
    if target is None:
        return ""
    x, y = frame.x(target.year), frame.y(target.value)
    label = f"{target_label(chart)}: {format_number(target.value, chart.language)}"
    parts = [marker("star", x, y, TARGET), *_target_label(frame, label, x, y)]
    return element("g", {"class": "target"}, parts)


def _one_series(frame: Frame, series: ChartSeries, style: LineStyle) -> str:
    drawable = series.drawable()
    pixels = [(frame.x(x), frame.y(y)) for (x, y), _ in drawable]
    parts = []
    if pixels:
        line = {"points": points_attr(pixels), "class": "line", **_stroke(style)}
        parts.append(element("polyline", line | {"stroke-linejoin": "round"}))
    for (px, py), (_, flags) in zip(pixels, drawable, strict=True):
        parts.append(marker(style.shape, px, py, style.colour, hollow=bool(flags)))
    return element("g", {"class": f"series series-{series.role}"}, parts)


def _stroke(style: LineStyle) -> dict[str, str | float]:
    attrs: dict[str, str | float] = {"fill": "none", "stroke": style.colour}
    attrs["stroke-width"] = style.width
    return attrs | ({"stroke-dasharray": style.dash} if style.dash else {})


def _target_label(frame: Frame, label: str, x: float, y: float) -> Iterator[str]:
    width = text_width(label, FONT_SIZE)
    # Left of the star, where the plot has room; right of it near the left edge.
    left_side = x - 14 - width >= frame.left
    start = x - 14 - width if left_side else x + 14
    top = min(max(y - FONT_SIZE * 0.8, 2.0), frame.bottom - FONT_SIZE * 1.4)
    box = {"x": start - 3, "y": top, "width": width + 6, "height": FONT_SIZE * 1.4}
    yield element("rect", box | {"fill": BACKGROUND, "fill-opacity": 0.85})
    attrs = {"x": start, "y": top + FONT_SIZE * 1.05, "fill": TARGET, "class": "target-label"}
    yield text_element(label, attrs)
