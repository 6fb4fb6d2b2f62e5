"""Numbers, money, dates and units as the report writes them, per language.

Built on `koers.charts.numbers.format_number`, so a figure reads the same in a
chart, its data table, the dashboard and the report (Dutch 62.000 and 10,7;
English 62,000 and 10.7).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from typing import Final

from koers.charts.numbers import MINUS, format_number
from koers.readmodel.i18n import Language

Amount = Decimal | float | int

# (threshold, Dutch word, English word): amounts from a million are written in words.
_MONEY_SCALES: Final = ((1e9, "mld", "billion"), (1e6, "mln", "million"))
_MONEY_DECIMALS: Final = 2

_MONTHS: Final[dict[Language, tuple[str, ...]]] = {
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}

# The units the datasets use (free text, in English) in Dutch; others are written as given.
_UNITS_NL: Final[dict[str, str]] = {
    "jobs": "banen",
    "homes": "woningen",
    "persons": "personen",
    "persons per year": "personen per jaar",
    "companies": "bedrijven",
    "applications": "aanvragen",
    "applications per million inhabitants": "aanvragen per miljoen inwoners",
    "workplaces": "werkplekken",
    "units": "eenheden",
    "count": "aantal",
    "rank": "positie",
    "% of GDP": "% van het bbp",
    "EUR per inhabitant": "EUR per inwoner",
    "EUR per worker": "EUR per werkende",
    "EUR per EUR": "EUR per EUR",
    "EUR million": "EUR mln",
    "jobs per job": "banen per baan",
    "FTE": "fte",
    "cars": "auto's",
    "fieldlabs": "fieldlabs",
    "notifications": "meldingen",
    "organisations": "organisaties",
    "participants": "deelnemers",
    "places": "plaatsen",
    "projects": "projecten",
    "schools": "scholen",
    "students": "studenten",
    "visitors": "bezoekers",
}


# "4a", "B1", "10c", "T": numbering as a document writes it. Slugs such as
# "pijler-1" or "the-gate" are keys for the data, not for readers.
_SHORT_CODE: Final = re.compile(r"[A-Za-z]{0,2}\d{0,3}[a-z]?")


def reader_code(code: str) -> str:
    """The item code when a reader would recognise it ("4a", "Opgave 7"); else ""."""
    if " " in code.strip() or (len(code) <= 4 and _SHORT_CODE.fullmatch(code)):
        return code.strip()
    return ""


def item_heading(level: str, code: str, title: str) -> str:
    """ "Prioritaire actie 4a: Fotonica", "Opgave 7: ...", or "Project: PhotonDelta" for a slug."""
    shown = reader_code(code)
    if " " in shown:
        return f"{shown}: {title}"
    if shown:
        return f"{level} {shown}: {title}".strip()
    return f"{level}: {title}" if level else title


def item_label(code: str, title: str) -> str:
    """ "4a Fotonica" in tables and lists; the title alone when the code is a slug."""
    shown = reader_code(code)
    return f"{shown} {title}" if shown else title


def format_money(amount: Amount, language: Language) -> str:
    """ "EUR 10,7 mln" / "EUR 10.7 million", "EUR 1,5 mld" / "EUR 1.5 billion";
    amounts under a million in full: "EUR 250.000"."""
    value = float(amount)
    if not math.isfinite(value):
        return format_number(None, language)
    sign = MINUS if value < 0 else ""
    return f"EUR {sign}{_money_digits(abs(value), language)}"


def _money_digits(value: float, language: Language) -> str:
    for threshold, dutch, english in _MONEY_SCALES:
        scaled = value / threshold
        # 999,999,999 rounds to 1.000 mln: write it as 1 mld instead.
        if round(scaled, _MONEY_DECIMALS) >= 1:
            word = dutch if language == "nl" else english
            return f"{format_number(scaled, language)} {word}"
    decimals = 0 if value >= 1000 or value.is_integer() else 2
    return format_number(value, language, decimals)


def unit_label(unit: str, language: Language) -> str:
    """The unit as the report writes it in `language`."""
    return _UNITS_NL.get(unit, unit) if language == "nl" else unit


def format_value(value: float, unit: str, language: Language) -> str:
    """A value with its unit: "62.000 woningen", "EUR 10,7 mln", "2,4%", "positie 6"."""
    if unit == "EUR":
        return format_money(value, language)
    if unit == "EUR million":
        return format_money(value * 1e6, language)
    number = format_number(value, language)
    if unit.startswith("%"):
        return f"{number}{unit_label(unit, language)}"
    if unit == "rank":
        return f"{unit_label(unit, language)} {number}"
    return f"{number} {unit_label(unit, language)}".strip()


def format_change(change: float, unit: str, language: Language) -> str:
    """A difference between two figures, signed: "+1.200 woningen", "−0,4 procentpunt", "2 posities hoger"."""
    if unit == "rank":
        # A lower rank number is a better place; say which way it moved in words.
        places = format_number(abs(change), language)
        if change == 0:
            return "geen verschuiving" if language == "nl" else "no change"
        if language == "nl":
            return f"{places} {'posities' if abs(change) != 1 else 'positie'} " + (
                "hoger" if change < 0 else "lager"
            )
        return f"{places} {'places' if abs(change) != 1 else 'place'} " + (
            "up" if change < 0 else "down"
        )
    sign = "+" if change > 0 else ""
    if unit.startswith("%"):
        # The difference of two percentages is in percentage points, not per cent.
        points = "procentpunt" if language == "nl" else "percentage points"
        return f"{sign}{format_number(change, language)} {points}"
    return f"{sign}{format_value(change, unit, language)}"


def format_rate(rate: float | None, rate_unit: str, unit: str, language: Language) -> str:
    """A change per year: "+2,3% per jaar", "+6.200 woningen per jaar", "−0,5 posities per jaar"."""
    if rate is None or not math.isfinite(rate):
        return format_number(None, language)
    per_year = "per jaar" if language == "nl" else "per year"
    sign = "+" if rate > 0 else ""
    if rate_unit == "fraction_per_year":
        return f"{sign}{format_number(rate * 100, language, 1)}% {per_year}"
    if rate_unit == "ranks_per_year":
        ranks = "posities" if language == "nl" else "ranks"
        return f"{sign}{format_number(rate, language)} {ranks} {per_year}"
    if unit in ("EUR", "EUR million"):
        money = format_value(abs(rate), unit, language)
        return f"{'+' if rate > 0 else MINUS if rate < 0 else ''}{money} {per_year}"
    return f"{sign}{format_number(rate, language)} {unit_label(unit, language)} {per_year}"


def format_date(day: dt.date | None, language: Language) -> str:
    """ "30 juni 2020" / "30 June 2020"; an en dash for no date."""
    if day is None:
        return format_number(None, language)
    return f"{day.day} {_MONTHS[language][day.month - 1]} {day.year}"


def format_month(day: dt.date, language: Language) -> str:
    return f"{_MONTHS[language][day.month - 1]} {day.year}"


def format_period(start: dt.date, end: dt.date, language: Language) -> str:
    """ "juli 2019 – juni 2020" for whole months, else "1 juli 2019 – 15 juni 2020"."""
    whole_months = start.day == 1 and (end + dt.timedelta(days=1)).day == 1
    if whole_months:
        return f"{format_month(start, language)} – {format_month(end, language)}"
    return f"{format_date(start, language)} – {format_date(end, language)}"
