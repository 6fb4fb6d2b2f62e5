"""Report periods: parsing "START:END", and the periods before and after one.

Whole months stay whole months (July 2019 - June 2020 follows July 2018 -
June 2019); any other period moves by its length in days.
"""

from __future__ import annotations

import datetime as dt


class PeriodFormatError(ValueError):
    """A period that is not written START:END with ISO dates, or ends before it starts."""


# A report covers a stretch of the agenda's life: years outside this range are typing
# errors, and near the calendar's edges the periods before and after one do not exist.
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2199, 12, 31)


def validate_period(start: dt.date, end: dt.date) -> None:
    """Refuse a period that ends before it starts or leaves EARLIEST..LATEST.

    The one check every face (site, command line) applies before building a report."""
    for day in (start, end):
        if not EARLIEST <= day <= LATEST:
            raise PeriodFormatError(
                f"{day.isoformat()} is outside the range of report periods "
                f"({EARLIEST.isoformat()} to {LATEST.isoformat()})"
            )
    if end < start:
        raise PeriodFormatError(
            f"{start.isoformat()}:{end.isoformat()}: the period ends before it starts"
        )


def parse_report_period(text: str) -> tuple[dt.date, dt.date]:
    """ "2019-07-01:2020-06-30" as two dates."""
    parts = text.split(":")
    if len(parts) != 2:
        raise PeriodFormatError(
            f"{text!r} is not a period: write START:END, e.g. 2019-07-01:2020-06-30"
        )
    try:
        start, end = (dt.date.fromisoformat(part.strip()) for part in parts)
    except ValueError as exc:
        raise PeriodFormatError(f"{text!r} is not a period of two ISO dates: {exc}") from None
    validate_period(start, end)
    return start, end


def previous_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The period of the same length that ends the day before `start`."""
    return adjacent_period(start, end, -1)


def next_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The period of the same length that starts the day after `end`."""
    return adjacent_period(start, end, 1)


def adjacent_period(start: dt.date, end: dt.date, step: int) -> tuple[dt.date, dt.date]:
    """The period `step` lengths later (negative: earlier); whole months stay whole months."""
    months = _whole_months(start, end)
    if months is None:
        shift = (end - start + dt.timedelta(days=1)) * step
        return start + shift, end + shift
    first = _add_months(start, months * step)
    return first, _add_months(first, months) - dt.timedelta(days=1)


def _whole_months(start: dt.date, end: dt.date) -> int | None:
    if start.day != 1 or (end + dt.timedelta(days=1)).day != 1:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)
