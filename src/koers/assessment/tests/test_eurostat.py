"""Eurostat profile: 5- and 15-year windows, ±1 % classes, ratio classes with a target."""

from __future__ import annotations

import pytest

from koers.assessment import eurostat, rules
from koers.assessment.types import Direction, Point, Series


def _growing(rate: float, years: range, direction: Direction = "increase", **kw: float) -> Series:
    points = tuple(Point(y, 100 * (1 + rate) ** (y - years[0])) for y in years)
    return Series(points, direction, kw.get("target"), kw.get("target_year"), kw.get("limit"))


def test_the_short_trend_starts_five_years_before_the_latest() -> None:
    result = eurostat.assess(_growing(0.02, range(2005, 2025)), "short")
    assert result.method == "eurostat_short"
    assert result.base is not None and result.current is not None
    assert (result.base.year, result.current.year) == (2019, 2024)
    assert result.progress_value == pytest.approx(0.02)
    assert (result.status, result.score) == ("significant_progress", 5)


def test_the_long_trend_starts_fifteen_years_before_the_latest() -> None:
    result = eurostat.assess(_growing(0.005, range(2005, 2025)), "long")
    assert result.base is not None and result.base.year == 2009
    assert result.status == "moderate_progress"
    assert result.score == pytest.approx(250 * 0.005)


def test_a_missing_start_year_moves_forward_while_three_years_remain() -> None:
    kept = Series((Point(2015, 100), Point(2021, 101), Point(2024, 104)), "increase")
    assert eurostat.assess(kept).base == Point(2021, 101)
    lost = Series((Point(2015, 100), Point(2022, 101), Point(2024, 104)), "increase")
    result = eurostat.assess(lost)
    assert (result.status, result.explanation.reason) == ("not_available", "short_window")


def test_the_long_trend_needs_ten_years() -> None:
    result = eurostat.assess(_growing(0.02, range(2016, 2025)), "long")
    assert result.explanation.reason == "short_window"
    assert eurostat.assess(_growing(0.02, range(2014, 2025)), "long").base == Point(2014, 100.0)


def test_the_classes_without_a_target_follow_sdg_build_749d6d3() -> None:
    bands, floor = eurostat.GROWTH_BANDS, eurostat.SIGNIFICANT_AWAY
    cases = {
        0.0100001: "significant_progress",
        0.01: "moderate_progress",
        1e-12: "moderate_progress",
        0.0: "moderate_movement_away",
        -0.01: "moderate_movement_away",
        -0.0100001: "significant_movement_away",
    }
    assert {g: rules.classify(g, bands, floor) for g in cases} == cases


def test_a_desired_decrease_negates_the_growth() -> None:
    result = eurostat.assess(_growing(-0.02, range(2015, 2025), "decrease"))
    assert result.progress_value == pytest.approx(0.02)
    assert result.status == "significant_progress"


def test_the_ratio_classes_with_a_target() -> None:
    # The productivity example of the methods note: RoG 0.586 is insufficient.
    series = Series((Point(2019, 138000), Point(2024, 141000)), "increase", 151800, 2032)
    result = eurostat.assess(series)
    assert result.progress_value == pytest.approx(0.586, abs=5e-4)
    assert result.status == "insufficient_progress"
    bands = eurostat.TARGET_BANDS
    cases = {
        0.95: "significant_progress",
        0.6: "moderate_progress",
        0.0: "insufficient_progress",
        -0.01: "movement_away",
    }
    assert {r: rules.classify(r, bands, eurostat.MOVEMENT_AWAY) for r in cases} == cases


def test_the_required_growth_runs_from_the_window_start() -> None:
    series = _growing(0.01, range(2010, 2025), target=200, target_year=2030)
    result = eurostat.assess(series)
    assert result.base is not None
    required = (200 / result.base.value) ** (1 / (2030 - 2019)) - 1
    assert result.explanation.fact("cagr_required") == pytest.approx(required)


def test_a_met_target_counts_as_significant_progress() -> None:
    result = eurostat.assess(_growing(0.02, range(2015, 2025), target=110))
    assert (result.status, result.score, result.target_achieved) == (
        "significant_progress",
        5,
        True,
    )


def test_a_start_beyond_the_target_then_below_it_is_movement_away() -> None:
    series = Series((Point(2019, 68.5), Point(2023, 46.7)), "increase", 55, 2026)
    assert eurostat.assess(series).status == "movement_away"


def test_a_zero_start_is_not_available_without_a_stand_in() -> None:
    result = eurostat.assess(Series((Point(2019, 0), Point(2024, 5)), "increase"))
    assert result.explanation.reason == "zero_base"


def test_a_limit_is_ignored_with_a_note() -> None:
    result = eurostat.assess(_growing(0.02, range(2015, 2025), limit=100))
    assert any("no natural-limit scaling" in n for n in result.explanation.notes)


def test_an_unknown_window_is_not_available() -> None:
    result = eurostat.assess(_growing(0.02, range(2015, 2025)), "medium")
    assert result.explanation.reason == "unknown_window"
