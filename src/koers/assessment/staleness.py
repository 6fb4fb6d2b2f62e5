"""Whether an indicator's latest observation is stale.

`latest` is the last day of the period the latest value describes (for a
yearly figure 31 December of its year; see `period_end`). The next value is
due one period later and normally appears within the publication lag; data
are stale when the as-of date is past both. Irregular series have no
schedule: they are stale after five years, one survey or census cycle.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from koers.assessment.types import Result, Staleness


@dataclass(frozen=True, slots=True)
class Schedule:
    """How often a series is published and how late a release may be."""

    period_days: int
    lag_days: int
    why: str

    @property
    def allowed_days(self) -> int:
        return self.period_days + self.lag_days


SCHEDULES = {
    "annual": Schedule(366, 365, "a yearly figure is due a year later, published within a year"),
    "quarterly": Schedule(
        92, 183, "a quarterly figure is due a quarter later, published within two quarters"
    ),
    "monthly": Schedule(
        31, 92, "a monthly figure is due a month later, published within three months"
    ),
    "irregular": Schedule(
        0,
        1826,
        "without a schedule, data older than five years (a survey or census cycle) are stale",
    ),
}


def assess_staleness(latest: date, frequency: str, as_of: date) -> Staleness:
    """Whether `latest` is too old on `as_of` for a series of `frequency`."""
    age = (as_of - latest).days
    schedule = SCHEDULES.get(frequency)
    if schedule is None:
        return Staleness(
            None, f"unknown frequency {frequency!r}: staleness not assessed", age, None
        )
    # An as-of date before the observation cannot make it old.
    if age < 0:
        return Staleness(
            False, "the as-of date precedes the latest observation", age, schedule.allowed_days
        )
    stale = age > schedule.allowed_days
    verdict = "stale" if stale else "current"
    reason = (
        f"{verdict}: latest observation {latest.isoformat()} is {age} days old on "
        f"{as_of.isoformat()}; {frequency} data may be {schedule.allowed_days} days old "
        f"({schedule.why})"
    )
    return Staleness(stale, reason, age, schedule.allowed_days)


def period_end(year: int, frequency: str = "annual", period: int = 1) -> date:
    """The last day of a year, quarter (period 1-4) or month (1-12)."""
    if frequency == "quarterly":
        return _month_end(year, min(max(period, 1), 4) * 3)
    if frequency == "monthly":
        return _month_end(year, min(max(period, 1), 12))
    return date(year, 12, 31)


def _month_end(year: int, month: int) -> date:
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(first_of_next.toordinal() - 1)


def with_staleness(result: Result, staleness: Staleness) -> Result:
    """The result with its stale flag set and the reason among its notes."""
    notes = (*result.explanation.notes, staleness.reason)
    return replace(
        result, stale=staleness.stale, explanation=replace(result.explanation, notes=notes)
    )
