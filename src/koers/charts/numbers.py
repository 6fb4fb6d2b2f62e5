"""Locale-aware number formatting for charts, the dashboard and the report.

Dutch writes 62.000 and 10,7; English writes 62,000 and 10.7. Rounding is
half away from zero on the decimal value as written (2.675 -> 2.68), not on
its binary approximation, so a figure reads the same everywhere it appears.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Final, Literal

Language = Literal["nl", "en"]

MISSING: Final = "–"
MINUS: Final = "−"  # U+2212: screen readers say "minus", not "hyphen"
MAX_AUTO_DECIMALS: Final = 2
MAX_SMALL_DECIMALS: Final = 6
MAX_DECIMALS: Final = 20

# (thousands separator, decimal separator) per language.
_SEPARATORS: Final[dict[str, tuple[str, str]]] = {"nl": (".", ","), "en": (",", ".")}


def format_number(value: float | None, language: Language, decimals: int | None = None) -> str:
    """Format `value` for `language` with thousands separators.

    With `decimals` the number shows exactly that many decimals ("1,50");
    without, it shows what it needs up to two decimals, trailing zeros dropped
    ("62.000", "10,7"), and two significant digits for values below one
    ("0,0042", at most six decimals). `decimals` is capped at 20. None, NaN
    and infinities read as an en dash.
    """
    if value is None or not math.isfinite(value):
        return MISSING
    places = auto_decimals(value) if decimals is None else min(max(decimals, 0), MAX_DECIMALS)
    rounded = _round(value, places)
    digits = _digits(abs(rounded), places, language)
    return f"{MINUS}{digits}" if rounded < 0 else digits


def auto_decimals(value: float) -> int:
    """The fewest decimals (at most two, more for small values) that show `value`."""
    magnitude = abs(value)
    # Below one, two significant digits carry the information; above, cents do.
    limit = MAX_AUTO_DECIMALS
    if 0 < magnitude < 1:
        limit = min(
            max(MAX_AUTO_DECIMALS, 1 - math.floor(math.log10(magnitude))), MAX_SMALL_DECIMALS
        )
    text = format(_round(value, limit), "f")
    return len(text.partition(".")[2].rstrip("0"))


def format_year(year: float, language: Language) -> str:
    """A year as written: "2030", or "2019,5" for a mid-year, never grouped."""
    if not math.isfinite(year):
        return MISSING
    if float(year).is_integer():
        return str(int(year))
    return format(_round(year, 1), "f").replace(".", _SEPARATORS[language][1])


def _round(value: float, places: int) -> Decimal:
    # repr() gives the shortest decimal that round-trips: the number as written.
    exact = Decimal(repr(float(value)))
    with localcontext() as context:
        # Room for the largest float (1.8e308) with all decimals: quantize must not overflow.
        context.prec = 400
        rounded = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return rounded if rounded != 0 else abs(rounded)


def _digits(magnitude: Decimal, places: int, language: Language) -> str:
    thousands, point = _SEPARATORS[language]
    whole, _, fraction = format(magnitude, f",.{places}f").partition(".")
    whole = whole.replace(",", thousands)
    return f"{whole}{point}{fraction}" if places else whole
