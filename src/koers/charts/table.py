"""The numbers behind a chart as rows, for the table beside it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from koers.charts.legend import target_label
from koers.charts.model import Chart, ChartSeries, Flag, Role
from koers.charts.numbers import auto_decimals, format_number, format_year
from koers.charts.texts import flags_text, text

RowRole = Role | Literal["target", "required_path"]


@dataclass(frozen=True, slots=True)
class DataRow:
    """One drawn number: its year, its line, the value raw and as written."""

    year: float
    year_text: str
    series: str
    role: RowRole
    value: float
    value_text: str
    flags: tuple[Flag, ...] = ()
    flags_text: str = ""


def data_table(chart: Chart) -> list[DataRow]:
    """Every number the chart draws, series by series in year order, then
    the required path and the target. Values in one series share their decimals."""
    rows = [row for series in chart.series for row in _series_rows(series, chart)]
    rows += _required_path_rows(chart)
    rows += _target_rows(chart)
    return rows


def _series_rows(series: ChartSeries, chart: Chart) -> list[DataRow]:
    lang = chart.language
    points = series.drawable()
    # One precision per series, so 10,70 and 11,25 line up in a column.
    decimals = max((auto_decimals(y) for (_, y), _ in points), default=0)
    return [
        DataRow(
            year=float(x),
            year_text=format_year(x, lang),
            series=series.label,
            role=series.role,
            value=float(y),
            value_text=format_number(y, lang, decimals),
            flags=flags,
            flags_text=flags_text(flags, lang),
        )
        for (x, y), flags in points
    ]


def _required_path_rows(chart: Chart) -> list[DataRow]:
    if chart.required_path is None:
        return []
    label = text("required_path", chart.language)
    return [_plain_row(chart, label, "required_path", x, y) for x, y in chart.required_path]


def _target_rows(chart: Chart) -> list[DataRow]:
    target = chart.target
    if target is None:
        return []
    return [_plain_row(chart, target_label(chart), "target", target.year, target.value)]


def _plain_row(chart: Chart, label: str, role: RowRole, x: float, y: float) -> DataRow:
    lang = chart.language
    return DataRow(float(x), format_year(x, lang), label, role, float(y), format_number(y, lang))
