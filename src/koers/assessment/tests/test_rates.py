"""The rate still needed per year to reach a target, against the pace so far."""

from __future__ import annotations

import pytest

from koers.assessment import eurostat, opensdg
from koers.assessment.tests.helpers import points, run
from koers.assessment.types import RATE_RELATIVE, Series


def test_poverty_needs_a_faster_fall_than_its_pace() -> None:
    # CIF 1-1-1: 14.5 (2015) to 10.4 (2023), target 7.25 by 2030.
    result = run([(2015, 14.5), (2023, 10.4)], target=7.25)
    assert result.rate_unit == RATE_RELATIVE
    assert result.needed_rate == pytest.approx((7.25 / 10.4) ** (1 / 7) - 1)
    assert result.current_pace == pytest.approx((10.4 / 14.5) ** (1 / 8) - 1)
    assert result.needed_rate is not None and result.current_pace is not None
    assert result.needed_rate < result.current_pace < 0
    assert "Needed from the latest point -5.02 % per year; pace so far -4.07 % per year" in (
        result.text
    )


def test_nothing_more_is_needed_once_the_target_is_met() -> None:
    result = run([(2015, 8.1), (2024, 6.8)], target=8, target_year=2025)
    assert result.needed_rate == 0.0
    assert result.current_pace == pytest.approx((6.8 / 8.1) ** (1 / 9) - 1)


def test_no_rate_is_needed_after_the_target_year() -> None:
    result = run([(2015, 10.0), (2024, 11.0)], target=20, target_year=2022, direction="positive")
    assert result.needed_rate is None and result.current_pace is not None


def test_without_a_target_only_the_pace_is_known() -> None:
    result = run([(2015, 10.0), (2020, 11.0)], direction="positive")
    assert result.needed_rate is None
    assert result.current_pace == pytest.approx(1.1**0.2 - 1)


def test_a_negative_series_needs_a_growth_rate_of_its_magnitude() -> None:
    result = run([(2015, -10.0), (2020, -8.0)], target=-5, direction="positive")
    assert result.needed_rate == pytest.approx((5 / 8) ** (1 / 10) - 1)


def test_the_eurostat_profile_reports_the_same_rates() -> None:
    series = Series(points((2019, 100.0), (2024, 105.0)), "increase", 120.0, 2030.0)
    result = eurostat.assess(series)
    assert result.needed_rate == pytest.approx((120 / 105) ** (1 / 6) - 1)
    assert result.current_pace == pytest.approx(1.05**0.2 - 1)


def test_a_result_without_data_has_no_rates() -> None:
    result = opensdg.assess(Series((), "increase", 5.0, 2030.0))
    assert (result.needed_rate, result.current_pace) == (None, None)
