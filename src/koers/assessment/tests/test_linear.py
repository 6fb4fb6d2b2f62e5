"""Linear required path: cumulative counts ("62,000 homes by 2030") and ranks ("top 6")."""

from __future__ import annotations

import pytest

from koers.assessment import linear
from koers.assessment.types import RATE_ABSOLUTE, RATE_RANKS, Direction, Point, Series

HOMES_BASELINE = Point(2019, 0.0)


def _homes(*pairs: tuple[float, float], target_year: float = 2030) -> Series:
    points = (HOMES_BASELINE, *(Point(y, v) for y, v in pairs))
    return Series(points, "increase", 62000.0, target_year, key="homes")


def test_homes_behind_the_straight_path() -> None:
    result = linear.assess_cumulative(_homes((2020, 4000), (2022, 14000), (2024, 25000)))
    required = 62000 * 5 / 11
    assert result.explanation.fact("path_value") == pytest.approx(required)
    assert result.progress_value == pytest.approx(25000 / required)
    assert (result.method, result.status) == ("linear_cumulative", "behind_path")
    assert result.score == pytest.approx(7.1429 * 25000 / required - 4.2857)


@pytest.mark.parametrize(
    ("built", "status"),
    [
        (30000, "on_path"),
        (25000, "behind_path"),
        (10000, "far_behind_path"),
        (62000, "target_achieved"),
    ],
)
def test_the_path_classes(built: float, status: str) -> None:
    assert linear.assess_cumulative(_homes((2024, built))).status == status


def test_a_falling_count_is_moving_away() -> None:
    series = Series((Point(2019, 1000), Point(2024, 500)), "increase", 62000, 2030)
    result = linear.assess_cumulative(series)
    ratio = -500 / (61000 * 5 / 11)
    assert result.progress_value == pytest.approx(ratio)
    assert result.status == "moving_away"
    assert result.score == pytest.approx(4.1667 * ratio - 2.5)


def test_the_rate_needed_against_the_pace_in_homes_per_year() -> None:
    result = linear.assess_cumulative(_homes((2024, 25000)))
    assert result.rate_unit == RATE_ABSOLUTE
    assert result.needed_rate == pytest.approx((62000 - 25000) / 6)
    assert result.current_pace == pytest.approx(5000)


def test_past_the_target_year_the_whole_change_is_required() -> None:
    result = linear.assess_cumulative(_homes((2032, 50000)))
    assert result.progress_value == pytest.approx(50000 / 62000)
    assert result.needed_rate is None


def test_an_explicit_baseline_starts_the_path() -> None:
    series = Series((Point(2024, 25000),), "increase", 62000, 2030)
    result = linear.assess_cumulative(series, baseline=HOMES_BASELINE)
    assert result.base == HOMES_BASELINE and result.status == "behind_path"


def test_a_base_year_picks_the_baseline_point() -> None:
    series = _homes((2021, 8000), (2024, 25000))
    result = linear.assess(series, kind="cumulative", base_year=2021)
    assert result.base == Point(2021, 8000)


def _rank(*pairs: tuple[float, float], direction: Direction = "decrease") -> Series:
    points = tuple(Point(y, v) for y, v in pairs)
    return Series(points, direction, 6.0, 2030.0)


def test_back_in_the_top_6_behind_the_path() -> None:
    result = linear.assess_rank(_rank((2019, 11), (2024, 9)))
    required = (6 - 11) * 5 / 11
    assert result.progress_value == pytest.approx(-(9 - 11) / abs(required))
    assert (result.method, result.status, result.rate_unit) == (
        "linear_rank",
        "behind_path",
        RATE_RANKS,
    )
    assert result.needed_rate == pytest.approx((6 - 9) / 6)


def test_a_rank_in_the_top_6_is_target_achieved() -> None:
    result = linear.assess_rank(_rank((2019, 11), (2024, 6)))
    assert (result.status, result.score, result.needed_rate) == ("target_achieved", 5, 0.0)


def test_a_worse_rank_is_moving_away() -> None:
    assert linear.assess_rank(_rank((2019, 11), (2024, 12))).status == "moving_away"


def test_a_rank_is_always_better_when_lower() -> None:
    result = linear.assess_rank(_rank((2019, 11), (2024, 9), direction="increase"))
    assert result.status == "behind_path"
    assert any("better when lower" in note for note in result.explanation.notes)


@pytest.mark.parametrize(
    ("series", "kind", "reason"),
    [
        (Series((Point(2019, 0), Point(2024, 5)), "increase"), "cumulative", "no_target"),
        (Series((Point(2019, 0), Point(2024, 5)), "increase", 10), "cumulative", "no_target_year"),
        (Series((Point(2019, 0),), "increase", 10, 2030), "cumulative", "single_year"),
        (
            Series((Point(2019, 0), Point(2024, 5)), "increase", 10, 2019),
            "cumulative",
            "target_year_not_after_base",
        ),
        (
            Series((Point(2019, -3), Point(2024, 5)), "increase", 10, 2030),
            "cumulative",
            "negative_count",
        ),
        (Series((Point(2019, 0), Point(2024, 5)), "decrease", 1, 2030), "rank", "invalid_rank"),
        (Series((), "increase", 10, 2030), "cumulative", "no_data"),
        (Series((Point(2019, 0), Point(2024, 5)), "increase", 10, 2030), "weird", "unknown_kind"),
    ],
)
def test_what_the_linear_path_cannot_assess(series: Series, kind: str, reason: str) -> None:
    result = linear.assess(series, kind=kind)
    assert (result.status, result.explanation.reason) == ("not_available", reason)
    assert result.explanation.text
