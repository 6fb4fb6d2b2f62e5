"""Periods as statistics name them: a year, a quarter, a month, or a date range."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})$")


class PeriodError(ValueError):
    pass


@dataclass(frozen=True)
class Period:
    label: str
    start: dt.date
    end: dt.date

    @property
    def midpoint_year(self) -> float:
        """The period's place on a year axis (2019 for the year 2019), for growth rates."""
        days = (self.end - self.start).days
        middle = self.start + dt.timedelta(days=days / 2)
        if (
            self.start.month == 1
            and self.start.day == 1
            and self.end == dt.date(self.start.year, 12, 31)
        ):
            return float(self.start.year)
        return middle.year + (middle.timetuple().tm_yday - 1) / 365.25


def parse_period(label: str) -> Period:
    """Parse "2019", "2019-Q3", "2019-06" or "2019-07-01/2020-06-30"."""
    label = label.strip()
    try:
        return _parse(label)
    except PeriodError:
        raise
    except ValueError as exc:  # year 0000, quarter 5: dates the calendar has not
        raise PeriodError(f"{label!r} is not a period: {exc}") from None


def _parse(label: str) -> Period:
    if m := _YEAR.match(label):
        year = int(m[1])
        return Period(label, dt.date(year, 1, 1), dt.date(year, 12, 31))
    if m := _QUARTER.match(label):
        year, quarter = int(m[1]), int(m[2])
        first_month = 3 * quarter - 2
        return Period(label, dt.date(year, first_month, 1), _month_end(year, first_month + 2))
    if m := _MONTH.match(label):
        year, month = int(m[1]), int(m[2])
        return Period(label, dt.date(year, month, 1), _month_end(year, month))
    if m := _RANGE.match(label):
        try:
            start, end = dt.date.fromisoformat(m[1]), dt.date.fromisoformat(m[2])
        except ValueError as exc:
            raise PeriodError(f"{label!r}: {exc}") from None
        if end < start:
            raise PeriodError(f"{label!r}: the period ends before it starts")
        return Period(label, start, end)
    raise PeriodError(
        f"{label!r} is not a period (use 2019, 2019-Q3, 2019-06 or 2019-07-01/2020-06-30)"
    )


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])
