"""Money, values and periods are written the Dutch way in Dutch and the English way in English."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from koers.readmodel.service import (
    format_date,
    format_money,
    format_period,
    format_rate,
    format_value,
)
from koers.reporting.periods import (
    PeriodFormatError,
    next_period,
    parse_report_period,
    previous_period,
)


@pytest.mark.parametrize(
    ("amount", "dutch", "english"),
    [
        (10_700_000, "EUR 10,7 mln", "EUR 10.7 million"),
        (Decimal("10700000.00"), "EUR 10,7 mln", "EUR 10.7 million"),
        (1_500_000_000, "EUR 1,5 mld", "EUR 1.5 billion"),
        (250_000, "EUR 250.000", "EUR 250,000"),
        (62_000, "EUR 62.000", "EUR 62,000"),
        (1_000_000, "EUR 1 mln", "EUR 1 million"),
        (912_950_000, "EUR 912,95 mln", "EUR 912.95 million"),
        (999_999_999, "EUR 1 mld", "EUR 1 billion"),
        (999_999, "EUR 1 mln", "EUR 1 million"),
        (12.5, "EUR 12,50", "EUR 12.50"),
        (0, "EUR 0", "EUR 0"),
        (-2_500_000, "EUR −2,5 mln", "EUR −2.5 million"),
    ],
)
def test_money_is_written_per_language(amount: float, dutch: str, english: str) -> None:
    assert format_money(amount, "nl") == dutch
    assert format_money(amount, "en") == english


def test_a_value_carries_its_unit_in_the_report_language() -> None:
    assert format_value(62000, "homes", "nl") == "62.000 woningen"
    assert format_value(62000, "homes", "en") == "62,000 homes"
    assert format_value(10.7, "EUR million", "nl") == "EUR 10,7 mln"
    assert format_value(2.4, "%", "nl") == "2,4%"
    assert format_value(6, "rank", "nl") == "positie 6"
    assert format_value(3, "% of GDP", "en") == "3% of GDP"
    assert format_value(5, "unheard-of unit", "nl") == "5 unheard-of unit"


def test_rates_say_per_year_with_a_sign() -> None:
    assert format_rate(0.0242, "fraction_per_year", "jobs", "nl") == "+2,4% per jaar"
    assert format_rate(5690, "units_per_year", "homes", "nl") == "+5.690 woningen per jaar"
    assert format_rate(-1, "ranks_per_year", "rank", "en") == "−1 ranks per year"
    assert format_rate(None, "units_per_year", "homes", "en") == "–"


def test_dates_and_periods_are_written_out() -> None:
    assert format_date(dt.date(2020, 6, 30), "nl") == "30 juni 2020"
    assert format_date(dt.date(2020, 6, 30), "en") == "30 June 2020"
    whole = (dt.date(2019, 7, 1), dt.date(2020, 6, 30))
    assert format_period(*whole, "nl") == "juli 2019 – juni 2020"
    assert format_period(dt.date(2019, 7, 15), dt.date(2020, 6, 30), "en") == (
        "15 July 2019 – 30 June 2020"
    )


def test_the_previous_and_next_period_keep_whole_months() -> None:
    start, end = dt.date(2019, 7, 1), dt.date(2020, 6, 30)
    assert previous_period(start, end) == (dt.date(2018, 7, 1), dt.date(2019, 6, 30))
    assert next_period(start, end) == (dt.date(2020, 7, 1), dt.date(2021, 6, 30))
    quarter = (dt.date(2020, 1, 1), dt.date(2020, 3, 31))
    assert previous_period(*quarter) == (dt.date(2019, 10, 1), dt.date(2019, 12, 31))
    days = (dt.date(2020, 1, 10), dt.date(2020, 1, 19))
    assert previous_period(*days) == (dt.date(2019, 12, 31), dt.date(2020, 1, 9))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2019-07-01-2020-06-30", "write START:END"),
        ("2019-07-01:2020-13-01", "two ISO dates"),
        ("2020-06-30:2019-07-01", "ends before it starts"),
        ("", "write START:END"),
    ],
)
def test_a_bad_period_says_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(PeriodFormatError, match=message):
        parse_report_period(text)
    assert parse_report_period("2019-07-01:2020-06-30") == (
        dt.date(2019, 7, 1),
        dt.date(2020, 6, 30),
    )


@pytest.mark.parametrize(
    ("level", "code", "title", "heading", "label"),
    [
        ("Prioritaire actie", "4a", "Fotonica", "Prioritaire actie 4a: Fotonica", "4a Fotonica"),
        ("Pijler", "T", "Talent", "Pijler T: Talent", "T Talent"),
        ("Opgave", "Opgave 7", "Wonen", "Opgave 7: Wonen", "Opgave 7 Wonen"),
        ("Project", "the-gate", "The Gate", "Project: The Gate", "The Gate"),
        ("Pijler", "pijler-1", "Waardeketens", "Pijler: Waardeketens", "Waardeketens"),
    ],
)
def test_item_codes_are_shown_only_when_a_reader_knows_them(
    level: str, code: str, title: str, heading: str, label: str
) -> None:
    from koers.readmodel.service import item_heading, item_label

    assert item_heading(level, code, title) == heading
    assert item_label(code, title) == label


def test_a_change_between_two_figures_is_signed_and_says_its_unit() -> None:
    from koers.readmodel.service import format_change

    assert format_change(1200, "homes", "nl") == "+1.200 woningen"
    assert format_change(-0.4, "%", "nl") == "−0,4 procentpunt"
    assert format_change(0.11, "% of GDP", "en") == "+0.11 percentage points"
    # A rank falls as the place improves: the words say which way it went.
    assert format_change(-2, "rank", "nl") == "2 posities hoger"
    assert format_change(1, "rank", "en") == "1 place down"
    assert format_change(0, "rank", "en") == "no change"
