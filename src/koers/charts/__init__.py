"""Charts from plain data: accessible SVG for the dashboard and the report,
PNG for Word, the same numbers as a table. No Django, no Koers app imports."""

from koers.charts.model import Chart, ChartSeries, Flag, Role, TargetMarker
from koers.charts.numbers import Language, format_number, format_year
from koers.charts.png import ChartRenderError, render_png, svg_to_png
from koers.charts.render import render_svg, stable_id
from koers.charts.table import DataRow, data_table

__all__ = [
    "Chart",
    "ChartRenderError",
    "ChartSeries",
    "DataRow",
    "Flag",
    "Language",
    "Role",
    "TargetMarker",
    "data_table",
    "format_number",
    "format_year",
    "render_png",
    "render_svg",
    "stable_id",
    "svg_to_png",
]
