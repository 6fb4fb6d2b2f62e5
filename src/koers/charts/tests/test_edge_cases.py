"""Awkward input renders as a valid chart instead of raising."""

import pytest

from koers.charts import Chart, ChartSeries, TargetMarker, data_table, render_svg
from koers.charts.tests.samples import edge_cases
from koers.charts.tests.svgtree import SVG, groups, parse, point_count, texts

CASES = edge_cases()


@pytest.mark.parametrize("name", sorted(CASES))
def test_renders_as_xml_with_title_and_role(name: str) -> None:
    root = parse(CASES[name])
    assert root.get("role") == "img"
    assert root[0].tag == f"{SVG}title" and root[1].tag == f"{SVG}desc"
    assert render_svg(CASES[name]) == render_svg(CASES[name])
    data_table(CASES[name])


@pytest.mark.parametrize("name", sorted(CASES))
def test_everything_drawn_stays_inside_the_canvas(name: str) -> None:
    root = parse(CASES[name])
    for el in root.iter(f"{SVG}text"):
        assert 0 <= float(el.get("x") or 0) <= 640, (name, el.text)
        assert 0 <= float(el.get("y") or 0) <= 320, (name, el.text)
    for line in root.iter(f"{SVG}polyline"):
        for pair in (line.get("points") or "").split():
            x, y = map(float, pair.split(","))
            assert 0 <= x <= 640 and 0 <= y <= 320, name


@pytest.mark.parametrize("name", ["no series", "empty series", "not finite", "target only"])
def test_no_points_says_no_data(name: str) -> None:
    assert texts(parse(CASES[name]), "no-data") == ["Geen gegevens"]


def test_no_data_in_english() -> None:
    assert texts(parse(Chart(title="E", language="en")), "no-data") == ["No data"]


def test_one_point_draws_one_marker_centred() -> None:
    root = parse(CASES["one point"])
    series = groups(root, "series")[0]
    line = series.find(f"{SVG}polyline")
    assert line is not None and point_count(line) == 1
    assert texts(root, "x-tick") == ["2019", "2020", "2021"]


def test_all_equal_values_get_an_axis_from_zero() -> None:
    labels = texts(parse(CASES["all equal"]), "y-tick")
    assert labels[0] == "0" and 4 <= len(labels) <= 6


def test_negative_values_get_negative_ticks() -> None:
    labels = texts(parse(CASES["negative"]), "y-tick")
    assert labels[0].startswith("−") and "0" in labels


def test_billions_are_grouped() -> None:
    labels = texts(parse(CASES["billions"]), "y-tick")
    assert "10,000,000,000" in labels


def test_target_far_above_the_data_sets_the_axis() -> None:
    labels = texts(parse(CASES["target far above"]), "y-tick")
    assert labels[-1] == "250.000"


def test_a_target_without_series_is_still_drawn() -> None:
    assert groups(parse(CASES["target only"]), "target")


def test_misaligned_flags_are_refused() -> None:
    with pytest.raises(ValueError, match="2 flag entries for 1 points"):
        ChartSeries("R", ((2019, 1),), flags=((), ()))


def test_target_label_falls_back_to_target_word() -> None:
    chart = Chart(title="T", target=TargetMarker(2030, 5, ""), language="en")
    assert texts(parse(chart), "target-label") == ["Target: 5"]
