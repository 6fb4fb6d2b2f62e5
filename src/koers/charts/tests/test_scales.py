"""Nice y ticks and whole-year x ticks."""

import itertools

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from koers.charts.scales import nice_ticks, step_decimals, value_extent, year_extent, year_ticks

finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)


@given(finite, finite)
def test_four_to_six_round_ticks_cover_the_data(a: float, b: float) -> None:
    # Indicator values are counts, money, shares: nothing below a millionth.
    assume(all(v == 0 or abs(v) >= 1e-6 for v in (a, b)))
    low, high = min(a, b), max(a, b)
    ticks = nice_ticks(low, high)
    slack = (high - low) * 1e-9
    assert 4 <= len(ticks.values) <= 6
    assert ticks.low <= low + slack and ticks.high >= high - slack
    gaps = [b - a for a, b in itertools.pairwise(ticks.values)]
    assert max(gaps) == pytest.approx(min(gaps), rel=1e-6)  # evenly spaced
    assert ticks.decimals <= 8


def test_ticks_for_a_value_a_billionth_below_zero_start_at_zero() -> None:
    assert nice_ticks(-1, 2_000_000_001).values == (0, 5e8, 1e9, 1.5e9, 2e9)


@pytest.mark.parametrize(
    ("low", "high", "expected", "decimals"),
    [
        (0, 62000, (0, 20000, 40000, 60000, 80000), 0),
        (48000, 62000, (45000, 50000, 55000, 60000, 65000), 0),
        (1.2, 1.7, (1.2, 1.3, 1.4, 1.5, 1.6, 1.7), 1),
        (0, 1.5, (0, 0.5, 1.0, 1.5), 1),
        (0, 3e9, (0, 1e9, 2e9, 3e9), 0),
        (0, 0.003, (0, 0.001, 0.002, 0.003), 3),
    ],
)
def test_known_ticks(low: float, high: float, expected: tuple[float, ...], decimals: int) -> None:
    ticks = nice_ticks(low, high)
    assert ticks.values == pytest.approx(expected)
    assert ticks.decimals == decimals


@pytest.mark.parametrize(("step", "decimals"), [(1, 0), (20000, 0), (2.5, 1), (0.25, 2), (0.5, 1)])
def test_step_decimals(step: float, decimals: int) -> None:
    assert step_decimals(step) == decimals


@pytest.mark.parametrize(
    ("values", "extent"),
    [
        ([48000, 62000], (48000, 62000)),  # zero would more than double the axis
        ([4100, 62000], (0, 62000)),  # near zero: start there
        ([-30, -35], (-35, -30)),
        ([-3, -60], (-60, 0)),
        ([5, 5], (0, 5)),
        ([-5, -5], (-5, 0)),
        ([0, 0], (0, 1)),
        ([], (0, 1)),
    ],
)
def test_value_extent(values: list[float], extent: tuple[float, float]) -> None:
    assert value_extent(values) == extent


def test_year_ticks_are_whole_years_that_fit() -> None:
    assert year_ticks(2015, 2030, max_labels=20) == tuple(range(2015, 2031))
    assert year_ticks(2015, 2030, max_labels=8) == tuple(range(2016, 2031, 2))
    assert year_ticks(1990, 2030, max_labels=6) == (1990, 2000, 2010, 2020, 2030)
    assert year_ticks(2019.5, 2019.7, max_labels=6) == ()


def test_year_extent_pads_a_single_year() -> None:
    assert year_extent([2020.0]) == (2019, 2021)
    assert year_extent([2019.5, 2021.5]) == (2019, 2022)
