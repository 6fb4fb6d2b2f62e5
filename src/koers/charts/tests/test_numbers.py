"""format_number: Dutch and English, rounding, signs, missing values."""

import pytest

from koers.charts import format_number, format_year
from koers.charts.numbers import auto_decimals


@pytest.mark.parametrize(
    ("value", "dutch", "english"),
    [
        (62000, "62.000", "62,000"),
        (10.7, "10,7", "10.7"),
        (0, "0", "0"),
        (999, "999", "999"),
        (1000, "1.000", "1,000"),
        (1234567.891, "1.234.567,89", "1,234,567.89"),
        (3_000_000_000, "3.000.000.000", "3,000,000,000"),
        (-1234.5, "−1.234,5", "−1,234.5"),
        (-0.25, "−0,25", "−0.25"),
        (0.0042, "0,0042", "0.0042"),
        (1.0, "1", "1"),
        (2.50, "2,5", "2.5"),
    ],
)
def test_default_decimals(value: float, dutch: str, english: str) -> None:
    assert format_number(value, "nl") == dutch
    assert format_number(value, "en") == english


@pytest.mark.parametrize(
    ("value", "decimals", "dutch", "english"),
    [
        (1.5, 2, "1,50", "1.50"),
        (62000, 1, "62.000,0", "62,000.0"),
        (10.75, 1, "10,8", "10.8"),
        (2.675, 2, "2,68", "2.68"),  # half up on the written value, not the binary one
        (0.125, 2, "0,13", "0.13"),
        (-2.5, 0, "−3", "−3"),  # half away from zero
        (1234.4, 0, "1.234", "1,234"),
        (999.96, 1, "1.000,0", "1,000.0"),  # rounding carries into a new group
        (7, -1, "7", "7"),  # negative decimals mean none
    ],
)
def test_fixed_decimals(value: float, decimals: int, dutch: str, english: str) -> None:
    assert format_number(value, "nl", decimals) == dutch
    assert format_number(value, "en", decimals) == english


@pytest.mark.parametrize("value", [-0.0, -0.001, -0.004])
def test_no_negative_zero(value: float) -> None:
    assert format_number(value, "nl", 2) == "0,00"
    assert format_number(value, "en", 0) == "0"


@pytest.mark.parametrize("value", [None, float("nan"), float("inf"), float("-inf")])
def test_missing_values_read_as_dash(value: float | None) -> None:
    assert format_number(value, "nl") == "–"
    assert format_number(value, "en", 2) == "–"


def test_minus_is_the_minus_sign_not_a_hyphen() -> None:
    assert format_number(-5, "en").startswith("\u2212")


@pytest.mark.parametrize(
    ("value", "decimals"),
    [(62000, 0), (10.7, 1), (10.75, 2), (10.754, 2), (0.5, 1), (0.0042, 4), (0.00001234, 6)],
)
def test_auto_decimals(value: float, decimals: int) -> None:
    assert auto_decimals(value) == decimals


def test_years_are_never_grouped() -> None:
    assert format_year(2030, "nl") == "2030"
    assert format_year(2030.0, "en") == "2030"
    assert format_year(2019.5, "nl") == "2019,5"
    assert format_year(2019.5, "en") == "2019.5"


def test_extreme_magnitudes_do_not_raise() -> None:
    assert format_number(1e20, "nl", 2) == "100.000.000.000.000.000.000,00"
    assert format_number(1e-205, "en") == "0"
    assert format_number(5, "nl", 1000) == "5," + "0" * 20
