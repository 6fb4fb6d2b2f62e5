"""Stale data: the latest observation against the publication schedule."""

from __future__ import annotations

from datetime import date

import pytest

from koers.assessment.staleness import assess_staleness, period_end, with_staleness
from koers.assessment.tests.helpers import run


@pytest.mark.parametrize(
    ("frequency", "latest", "last_current", "first_stale"),
    [
        ("annual", date(2023, 12, 31), date(2025, 12, 31), date(2026, 1, 1)),
        ("quarterly", date(2024, 3, 31), date(2024, 12, 31), date(2025, 1, 1)),
        ("monthly", date(2024, 1, 31), date(2024, 6, 2), date(2024, 6, 3)),
        ("irregular", date(2020, 12, 31), date(2025, 12, 31), date(2026, 1, 1)),
    ],
)
def test_data_turn_stale_one_period_plus_the_publication_lag_after_the_latest(
    frequency: str, latest: date, last_current: date, first_stale: date
) -> None:
    current = assess_staleness(latest, frequency, last_current)
    stale = assess_staleness(latest, frequency, first_stale)
    assert (current.stale, stale.stale) == (False, True)
    assert stale.reason.startswith("stale: latest observation")
    assert f"{frequency} data may be {stale.allowed_days} days old" in stale.reason


def test_an_as_of_date_before_the_observation_is_not_stale() -> None:
    staleness = assess_staleness(date(2024, 12, 31), "annual", date(2024, 1, 1))
    assert staleness.stale is False and "precedes" in staleness.reason


def test_an_unknown_frequency_is_not_judged() -> None:
    staleness = assess_staleness(date(2010, 12, 31), "fortnightly", date(2024, 1, 1))
    assert staleness.stale is None and "unknown frequency" in staleness.reason


def test_the_stale_flag_and_reason_go_on_the_result() -> None:
    result = run([(2015, 10.0), (2020, 12.0)], direction="positive")
    assert result.stale is None
    staleness = assess_staleness(period_end(2020), "annual", date(2024, 6, 1))
    flagged = with_staleness(result, staleness)
    assert flagged.stale is True and staleness.reason in flagged.explanation.notes
    assert (flagged.status, flagged.score) == (result.status, result.score)


def test_period_ends() -> None:
    assert period_end(2023) == date(2023, 12, 31)
    assert period_end(2024, "quarterly", 1) == date(2024, 3, 31)
    assert period_end(2024, "quarterly", 4) == date(2024, 12, 31)
    assert period_end(2024, "monthly", 2) == date(2024, 2, 29)
    assert period_end(2024, "monthly", 12) == date(2024, 12, 31)
