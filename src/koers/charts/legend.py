"""The legend: text and line samples in the SVG, flowing into rows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from koers.charts.markers import marker
from koers.charts.model import Chart
from koers.charts.styles import (
    AXIS,
    REQUIRED_PATH_STYLE,
    TARGET_STYLE,
    TEXT,
    LineStyle,
    style_for,
)
from koers.charts.svgdoc import element, fit_text, text_element, text_width
from koers.charts.texts import text

LEGEND_SIZE: Final = 12.0
ROW_HEIGHT: Final = 20.0
SAMPLE: Final = 28.0  # width of the line sample before each label
GAP: Final = 18.0


@dataclass(frozen=True, slots=True)
class Entry:
    """One legend item: a label and how its sample is drawn."""

    label: str
    style: LineStyle
    line: bool = True
    marker: bool = True
    hollow: bool = False


@dataclass(frozen=True, slots=True)
class Placed:
    """An entry with its top-left corner relative to the legend's origin."""

    entry: Entry
    x: float
    y: float


def series_styles(chart: Chart) -> tuple[LineStyle, ...]:
    """The style of each series: roles share a look, repeats vary shape and colour."""
    seen: Counter[str] = Counter()
    styles = []
    for series in chart.series:
        styles.append(style_for(series.role, seen[series.role]))
        seen[series.role] += 1
    return tuple(styles)


def target_label(chart: Chart) -> str:
    """The target's own label, or "Doel"/"Target"."""
    target = chart.target
    return (target.label if target and target.label else "") or text("target", chart.language)


def entries(chart: Chart) -> tuple[Entry, ...]:
    """Every legend item of `chart`, in drawing order."""
    lang = chart.language
    found = [
        Entry(s.label, style) for s, style in zip(chart.series, series_styles(chart), strict=True)
    ]
    if chart.required_path is not None:
        found.append(Entry(text("required_path", lang), REQUIRED_PATH_STYLE, marker=False))
    if chart.target is not None:
        found.append(Entry(target_label(chart), TARGET_STYLE, line=False))
    if any(flags for s in chart.series for _, flags in s.drawable()):
        hollow_style = LineStyle(AXIS, 1.5, "", "circle")
        found.append(Entry(text("hollow", lang), hollow_style, line=False, hollow=True))
    return tuple(found)


def place(items: tuple[Entry, ...], width: float) -> tuple[Placed, ...]:
    """Flow `items` into rows no wider than `width`."""
    placed: list[Placed] = []
    x = y = 0.0
    for item in items:
        span = _entry_width(item, width)
        if x > 0 and x + span > width:
            x, y = 0.0, y + ROW_HEIGHT
        placed.append(Placed(item, x, y))
        x += span + GAP
    return tuple(placed)


def height(placed: tuple[Placed, ...]) -> float:
    """The height the placed legend needs (zero without entries)."""
    return placed[-1].y + ROW_HEIGHT + 6.0 if placed else 0.0


def draw(placed: tuple[Placed, ...], left: float, top: float, width: float) -> str:
    """The legend as an SVG group at (left, top)."""
    parts = [_draw_entry(p, left + p.x, top + p.y, width) for p in placed]
    return element("g", {"class": "legend"}, parts)


def _entry_width(item: Entry, width: float) -> float:
    return min(SAMPLE + 6 + text_width(item.label, LEGEND_SIZE), width)


def _draw_entry(placed: Placed, x: float, y: float, width: float) -> str:
    entry = placed.entry
    middle = y + ROW_HEIGHT / 2
    label = fit_text(entry.label, width - SAMPLE - 6, LEGEND_SIZE)
    parts = list(_sample(entry, x, middle))
    attrs = {"x": x + SAMPLE + 6, "y": middle + LEGEND_SIZE * 0.35, "fill": TEXT}
    parts.append(text_element(label, attrs))
    return element("g", {"class": "legend-item"}, parts)


def _sample(entry: Entry, x: float, y: float) -> Iterator[str]:
    style = entry.style
    if entry.line:
        attrs: dict[str, str | float] = {"x1": x, "y1": y, "x2": x + SAMPLE, "y2": y}
        attrs |= {"stroke": style.colour, "stroke-width": style.width}
        yield element("line", attrs | ({"stroke-dasharray": style.dash} if style.dash else {}))
    if entry.marker:
        yield marker(style.shape, x + SAMPLE / 2, y, style.colour, entry.hollow)
