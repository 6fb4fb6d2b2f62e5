"""Axis ticks: nice values in the chart's language, whole non-overlapping years."""

import dataclasses
import itertools

from koers.charts import Chart, ChartSeries
from koers.charts.metrics import em_width
from koers.charts.tests.samples import fractions, homes
from koers.charts.tests.svgtree import SVG, parse, texts


def test_dutch_tick_labels_group_with_dots() -> None:
    assert texts(parse(homes("nl")), "y-tick") == ["0", "20.000", "40.000", "60.000", "80.000"]


def test_english_tick_labels_group_with_commas() -> None:
    assert texts(parse(homes("en")), "y-tick") == ["0", "20,000", "40,000", "60,000", "80,000"]


def test_decimal_ticks_use_the_language_separator() -> None:
    assert texts(parse(fractions("nl")), "y-tick") == ["0,0", "0,5", "1,0", "1,5", "2,0"]
    assert texts(parse(fractions("en")), "y-tick") == ["0.0", "0.5", "1.0", "1.5", "2.0"]


def test_four_to_six_y_ticks() -> None:
    assert 4 <= len(texts(parse(homes()), "y-tick")) <= 6


def test_year_ticks_are_whole_years_in_the_range() -> None:
    years = texts(parse(homes()), "x-tick")
    assert all(y.isdigit() for y in years)
    assert int(years[0]) >= 2016 and int(years[-1]) == 2030


def test_year_labels_do_not_overlap_even_when_narrow() -> None:
    chart = Chart(title="T", series=(ChartSeries("R", tuple((1990.0 + i, i) for i in range(41))),))
    for width in (240, 320, 640, 1200):
        root = parse(chart, width=width)
        labels = [t for t in root.iter(f"{SVG}text") if t.get("class") == "x-tick"]
        xs = [float(t.get("x") or 0) for t in labels]
        half = em_width("2030") * 12 / 2
        assert len(labels) >= 2
        assert all(b - a > 2 * half for a, b in itertools.pairwise(xs)), width


def test_fractional_years_get_whole_year_ticks() -> None:
    chart = Chart(title="T", series=(ChartSeries("R", ((2019.5, 10), (2021.5, 11))),))
    assert texts(parse(chart), "x-tick") == ["2019", "2020", "2021", "2022"]


def test_unit_is_written_above_the_axis() -> None:
    assert texts(parse(homes()), "unit") == ["woningen"]
    assert texts(parse(dataclasses.replace(homes(), unit="")), "unit") == []


def _horizontal_axis_lines(chart: Chart) -> int:
    lines = parse(chart).iter(f"{SVG}line")
    return sum(1 for x in lines if x.get("stroke") == "#595959" and x.get("y1") == x.get("y2"))


def test_zero_line_only_when_values_cross_zero() -> None:
    crossing = Chart(title="T", series=(ChartSeries("R", ((2019, -2), (2020, 3))),))
    positive = Chart(title="T", series=(ChartSeries("R", ((2019, 2), (2020, 3))),))
    assert _horizontal_axis_lines(crossing) == 2  # the x axis and the zero line
    assert _horizontal_axis_lines(positive) == 1
