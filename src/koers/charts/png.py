"""`render_png`: the same chart as a bitmap, for Word documents."""

from __future__ import annotations

from koers.charts.model import Chart
from koers.charts.render import render_svg


class ChartRenderError(RuntimeError):
    """The SVG could not be turned into a PNG."""


def render_png(
    chart: Chart,
    width: int = 640,
    height: int = 320,
    scale: float = 2,
    font_family: str = "DejaVu Sans",
) -> bytes:
    """Draw `chart` as PNG bytes, `width * scale` by `height * scale` pixels.

    Converts `render_svg` with vl-convert (resvg inside, offline). Text uses
    the system font `font_family`; on Debian install `fonts-dejavu-core`.
    """
    svg = render_svg(chart, width, height, font_family)
    return svg_to_png(svg, scale)


def svg_to_png(svg: str, scale: float = 2) -> bytes:
    """Convert an SVG string to PNG bytes, raising `ChartRenderError` on failure."""
    try:
        import vl_convert
    except ImportError as error:
        msg = "PNG charts need the vl-convert-python package (pip install vl-convert-python)"
        raise ChartRenderError(msg) from error
    try:
        return vl_convert.svg_to_png(svg, scale=scale)
    except Exception as error:  # vl-convert raises bare RuntimeErrors with a Rust backtrace
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ChartRenderError(f"could not convert the chart SVG to PNG: {first_line}") from error
