"""The tiles' small trend line: shape only, drawn as decoration."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from koers.charts.sparkline import HEIGHT, PAD, WIDTH, render_sparkline


def _points(svg: str) -> list[tuple[float, float]]:
    found = re.search(r'<polyline points="([^"]+)"', svg)
    assert found is not None
    pairs = [pair.split(",") for pair in found.group(1).split()]
    return [(float(x), float(y)) for x, y in pairs]


def test_fewer_than_two_points_draw_nothing() -> None:
    assert render_sparkline([]) == ""
    assert render_sparkline([(2020, 5.0)]) == ""


def test_the_line_runs_left_to_right_with_the_highest_value_on_top() -> None:
    svg = render_sparkline([(2021, 3.0), (2019, 1.0), (2020, 5.0)])
    drawn = _points(svg)
    assert [x for x, _ in drawn] == sorted(x for x, _ in drawn)
    assert drawn[0] == (PAD, HEIGHT - PAD) and drawn[1][1] == PAD
    assert 'aria-hidden="true"' in svg and "<title" not in svg


def test_the_target_is_a_dashed_level_inside_the_scale() -> None:
    svg = render_sparkline([(2019, 10.0), (2020, 20.0)], target=40.0)
    level = re.search(r'<line x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)"', svg)
    assert level is not None and float(level.group(1)) == PAD
    assert max(y for _, y in _points(svg)) == HEIGHT - PAD


def test_a_flat_series_sits_in_the_middle() -> None:
    drawn = _points(render_sparkline([(2019, 7.0), (2020, 7.0)]))
    assert {y for _, y in drawn} == {HEIGHT / 2}


@given(
    st.lists(
        st.tuples(
            st.integers(1990, 2040), st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False)
        ),
        min_size=2,
        max_size=30,
        unique_by=lambda p: p[0],
    )
)
def test_every_point_lies_inside_the_box(points: list[tuple[int, float]]) -> None:
    drawn = _points(render_sparkline([(float(x), y) for x, y in points]))
    assert len(drawn) == len(points)
    assert all(0 <= x <= WIDTH and 0 <= y <= HEIGHT for x, y in drawn)
