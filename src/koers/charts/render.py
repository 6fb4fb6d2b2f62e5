"""`render_svg`: one standalone, accessible SVG per chart, byte-for-byte stable."""

from __future__ import annotations

import hashlib
import re
from typing import Final
from xml.sax.saxutils import escape

from koers.charts import legend
from koers.charts.axes import draw_axes, draw_unit
from koers.charts.layout import FONT_SIZE, X_LABELS, Frame, make_frame
from koers.charts.model import Chart, ChartSeries, TargetMarker
from koers.charts.numbers import Language, format_number, format_year
from koers.charts.plot import draw_required_path, draw_series, draw_target
from koers.charts.styles import BACKGROUND, MUTED_TEXT, TEXT
from koers.charts.svgdoc import element, text_element
from koers.charts.texts import text

SVG_NS: Final = "http://www.w3.org/2000/svg"
_ID_PATTERN: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*\Z")


def render_svg(
    chart: Chart,
    width: int = 640,
    height: int = 320,
    font_family: str = "DejaVu Sans",
    id_prefix: str | None = None,
) -> str:
    """Draw `chart` as a standalone SVG document (no scripts, no external files).

    The root has `role="img"` and is labelled by its `<title>` and `<desc>`.
    Ids start with `id_prefix`, by default derived from the chart's content,
    so two different charts on one page never share an id.
    """
    prefix = _prefix(chart, id_prefix)
    placed = legend.place(legend.entries(chart), max(width - 20.0, 40.0))
    frame = make_frame(chart, width, height, legend.height(placed))
    body = _body(chart, frame, placed, width, height)
    return _document(chart, prefix, body, (width, height), font_family)


def stable_id(chart: Chart) -> str:
    """An id derived from everything the chart shows: same chart, same id."""
    digest = hashlib.sha256(repr(chart).encode("utf-8")).hexdigest()
    return f"chart-{digest[:10]}"


def summary(chart: Chart) -> str:
    """A sentence per series (first and last value) and the target: the fallback `<desc>`."""
    sentences = [_series_sentence(s, chart.language) for s in chart.series if s.drawable()]
    if chart.target is not None:
        sentences.append(_target_sentence(chart, chart.target))
    return ". ".join(sentences) + "." if sentences else text("no_data", chart.language) + "."


def _series_sentence(series: ChartSeries, lang: Language) -> str:
    points = series.drawable()
    (x0, first), (x1, last) = points[0][0], points[-1][0]
    values = {"first": format_number(first, lang), "last": format_number(last, lang)}
    years = {"x0": format_year(x0, lang), "x1": format_year(x1, lang)}
    return text("summary_series", lang).format(label=series.label, **values, **years)


def _target_sentence(chart: Chart, target: TargetMarker) -> str:
    lang = chart.language
    words = {"value": format_number(target.value, lang), "year": format_year(target.year, lang)}
    return text("summary_target", lang).format(label=legend.target_label(chart), **words)


def _prefix(chart: Chart, id_prefix: str | None) -> str:
    if id_prefix is None:
        return stable_id(chart)
    if not _ID_PATTERN.match(id_prefix):
        msg = f"id_prefix {id_prefix!r} is not a valid XML id (letters, digits, _ . -)"
        raise ValueError(msg)
    return id_prefix


def _body(
    chart: Chart, frame: Frame | None, placed: tuple[legend.Placed, ...], width: int, height: int
) -> list[str]:
    background = element("rect", {"width": width, "height": height, "fill": BACKGROUND})
    if frame is None:
        return [background, _no_data(chart, width / 2, height / 2)]
    parts = [background, draw_axes(frame, chart), draw_unit(frame, chart)]
    parts += [
        draw_required_path(frame, chart),
        draw_series(frame, chart),
        draw_target(frame, chart),
    ]
    if not chart.has_data():
        parts.append(
            _no_data(chart, (frame.left + frame.right) / 2, (frame.top + frame.bottom) / 2)
        )
    parts.append(legend.draw(placed, 10.0, frame.bottom + X_LABELS + 4, width - 20.0))
    return parts


def _no_data(chart: Chart, x: float, y: float) -> str:
    attrs = {
        "x": x,
        "y": y,
        "text-anchor": "middle",
        "fill": MUTED_TEXT,
        "font-size": FONT_SIZE + 2,
    }
    return text_element(text("no_data", chart.language), attrs | {"class": "no-data"})


def _document(
    chart: Chart, prefix: str, body: list[str], size: tuple[int, int], font_family: str
) -> str:
    width, height = size
    root = {
        "xmlns": SVG_NS,
        "width": str(width),
        "height": str(height),
        "viewBox": f"0 0 {width} {height}",
        "role": "img",
        "aria-labelledby": f"{prefix}-title {prefix}-desc",
        "font-family": f"{font_family}, sans-serif",
        "font-size": FONT_SIZE,
        "fill": TEXT,
        "lang": chart.language,
    }
    title = element("title", {"id": f"{prefix}-title"}, [escape(chart.title)])
    desc = element("desc", {"id": f"{prefix}-desc"}, [escape(chart.description or summary(chart))])
    return element("svg", root, [title, desc, *body]) + "\n"
