"""A sheet of figures (CSV or Excel) as observations: read, check every row, then write all
of it in one transaction or nothing.

The sheet has a header row naming its columns: `indicator`, `geography`,
`period`, `value` (required) and `series`, `provisional`, `estimated`,
`note_nl`, `note_en` (optional). Each row is checked on its own (known codes,
a readable period, a finite number, flags as yes/no) and against the rows
before it (no figure twice); the preview shows each row with its messages.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from koers.accounts.service import recorded_import
from koers.agendas.models import Geography
from koers.indicators.models import Indicator, Observation
from koers.indicators.periods import PeriodError, parse_period

REQUIRED = ("indicator", "geography", "period", "value")
OPTIONAL = ("series", "provisional", "estimated", "note_nl", "note_en")
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
# Flags as people write them in a sheet, in either language.
FLAGS = {"": False, "0": False, "no": False, "nee": False, "false": False, "onwaar": False}
FLAGS |= {"1": True, "yes": True, "ja": True, "true": True, "waar": True, "x": True}


class SheetError(ValueError):
    """The sheet as a whole cannot be read (format, size, header)."""


@dataclass
class SheetRow:
    number: int  # the row's number in the sheet, the header being row 1
    values: dict[str, Any]
    errors: dict[str, str] = field(default_factory=dict)


def read_sheet(name: str, data: bytes) -> list[SheetRow]:
    """Every data row of the sheet, each checked; raises SheetError when it cannot be read."""
    if len(data) > MAX_BYTES:
        raise SheetError(_("The file is larger than 5 MB."))
    raw = list(_xlsx(data) if name.lower().endswith(".xlsx") else _csv(data))
    if not raw:
        raise SheetError(_("The file is empty."))
    header = [str(cell or "").strip().lower() for cell in raw[0]]
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise SheetError(
            _("The header row lacks the column(s): %(columns)s.") % {"columns": ", ".join(missing)}
        )
    if len(raw) - 1 > MAX_ROWS:
        raise SheetError(_("The sheet has more than %(n)d rows.") % {"n": MAX_ROWS})
    rows = [
        _row(number, header, cells) for number, cells in enumerate(raw[1:], start=2) if any(cells)
    ]
    _check(rows)
    return rows


def _csv(data: bytes) -> Iterator[list[Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SheetError(_("The CSV file is not UTF-8 text.")) from None
    # Dutch spreadsheets write CSV with semicolons.
    delimiter = (
        ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    )
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as exc:
        raise SheetError(_("The CSV file cannot be read: %(error)s") % {"error": exc}) from None


def _xlsx(data: bytes) -> Iterator[list[Any]]:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is no workbook
        raise SheetError(
            _("The file is not an Excel workbook (.xlsx): %(error)s") % {"error": exc}
        ) from None
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(values_only=True):
        yield list(row)


def _row(number: int, header: list[str], cells: list[Any]) -> SheetRow:
    values = {
        name: cells[i] if i < len(cells) else None
        for i, name in enumerate(header)
        if name in REQUIRED + OPTIONAL
    }
    row = SheetRow(number, {name: _text(values.get(name)) for name in REQUIRED + OPTIONAL})
    row.values["value"] = values.get("value")
    return row


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel gives 2020 as 2020.0
    return str(value).strip()


def _check(rows: list[SheetRow]) -> None:
    indicators = set(Indicator.objects.values_list("code", flat=True))
    geographies = set(Geography.objects.values_list("code", flat=True))
    seen: dict[tuple[str, ...], int] = {}
    for row in rows:
        row.errors = _errors(row.values, indicators, geographies)
        key = tuple(row.values[name] for name in ("indicator", "geography", "series", "period"))
        if key in seen and "period" not in row.errors:
            row.errors["period"] = _("The same figure as row %(row)d.") % {"row": seen[key]}
        seen.setdefault(key, row.number)


def _errors(values: dict[str, Any], indicators: set[str], geographies: set[str]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if values["indicator"] not in indicators:
        errors["indicator"] = _("Unknown indicator %(code)r.") % {"code": values["indicator"]}
    if values["geography"] not in geographies:
        errors["geography"] = _("Unknown geography %(code)r.") % {"code": values["geography"]}
    try:
        parse_period(values["period"])
    except PeriodError as exc:
        errors["period"] = str(exc)
    number = _number(values["value"])
    if number is None:
        errors["value"] = _("Not a number: %(value)r.") % {"value": values["value"]}
    else:
        values["value"] = number
    for name in ("provisional", "estimated"):
        if str(values[name]).lower() not in FLAGS:
            errors[name] = _("Write yes or no.")
    return errors


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        text = str(value or "").strip().replace(" ", "")
        if "," in text:  # 1.234,5 as the Dutch write it
            text = text.replace(".", "").replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            return None
    return number if math.isfinite(number) else None


def commit_sheet(name: str, rows: list[SheetRow]) -> int:
    """Write the rows as observations, all or none; checks them again first (codes may
    have changed since the preview). Returns how many were written."""
    _check(rows)
    if any(row.errors for row in rows):
        raise SheetError(_("The sheet has rows with errors; nothing was written."))
    today = timezone.localdate()
    indicators = {i.code: i for i in Indicator.objects.all()}
    geographies = {g.code: g for g in Geography.objects.all()}
    with recorded_import("sheet", name) as audited, transaction.atomic():
        for row in rows:
            _observation(row.values, indicators, geographies, today).save()
        audited.report({"observations": len(rows)})
    return len(rows)


def _observation(
    values: dict[str, Any], indicators: dict[str, Any], geographies: dict[str, Any], today: Any
) -> Observation:
    return Observation(
        indicator=indicators[values["indicator"]],
        geography=geographies[values["geography"]],
        series=values["series"],
        period=values["period"],
        value=float(values["value"]),
        provisional=FLAGS[str(values["provisional"]).lower()],
        estimated=FLAGS[str(values["estimated"]).lower()],
        note_nl=values["note_nl"],
        note_en=values["note_en"],
        retrieved=today,
    )
