"""Tables shown on a page and offered for download as CSV, XLSX and JSON.

A page builds its tables once; the template renders them and the download
view serialises the very same rows, so a downloaded number always equals the
number on the page. Cells hold plain values (str, int, float, Decimal, date,
None); the page formats them for reading, the downloads keep them raw.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, TypeGuard

from django.http import HttpResponse
from openpyxl import Workbook


@dataclass(frozen=True)
class Link:
    """A cell that links somewhere on the page; downloads carry its text."""

    text: str
    url: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Badge:
    """A status cell: a badge on the page (`code` picks its look), its label in downloads."""

    code: str
    label: str
    tone: str = "none"

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class Links:
    """Several links in one cell ("carried on by 3a; 3b"); downloads carry their texts."""

    links: tuple[Link, ...]

    def __str__(self) -> str:
        return "; ".join(link.text for link in self.links)


Cell = str | int | float | Decimal | dt.date | Link | Links | Badge | None
DownloadFormat = Literal["csv", "xlsx", "json"]
FORMATS: tuple[DownloadFormat, ...] = ("csv", "xlsx", "json")
CONTENT_TYPES: dict[DownloadFormat, str] = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


@dataclass(frozen=True)
class Column:
    key: str  # machine name: the CSV header and the JSON field
    label: str  # translated heading shown on the page
    numeric: bool = False  # right-aligned on the page, a number in the spreadsheet


@dataclass(frozen=True)
class Table:
    name: str  # slug, used in the download's file name and URL
    caption: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Cell]]
    notes: Sequence[str] = field(default_factory=tuple)

    @property
    def numeric_positions(self) -> list[int]:
        return [index for index, column in enumerate(self.columns) if column.numeric]

    def records(self) -> list[dict[str, Cell]]:
        keys = [column.key for column in self.columns]
        return [dict(zip(keys, row, strict=True)) for row in self.rows]


def is_format(value: str) -> TypeGuard[DownloadFormat]:
    return value in FORMATS


def _plain(cell: Cell) -> str | int | float | None:
    # JSON and CSV carry dates as ISO text and decimals as numbers.
    if isinstance(cell, dt.date):
        return cell.isoformat()
    if isinstance(cell, Decimal):
        return int(cell) if cell == cell.to_integral_value() else float(cell)
    if isinstance(cell, Link | Links | Badge):
        return str(cell)
    return cell


def to_csv(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([column.key for column in table.columns])
    for row in table.rows:
        writer.writerow(["" if cell is None else _plain(cell) for cell in row])
    # A BOM so that Excel opens the UTF-8 text (é, €) correctly.
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def to_json(table: Table) -> bytes:
    document = {
        "table": table.name,
        "caption": table.caption,
        "columns": [{"key": c.key, "label": c.label} for c in table.columns],
        "rows": [{k: _plain(v) for k, v in record.items()} for record in table.records()],
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def to_xlsx(table: Table) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = table.name[:31]  # Excel's limit on sheet names
    sheet.append([column.label for column in table.columns])
    for row in table.rows:
        sheet.append([_plain(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


SERIALISERS = {"csv": to_csv, "json": to_json, "xlsx": to_xlsx}


def download(table: Table, fmt: DownloadFormat, stem: str | None = None) -> HttpResponse:
    """The table as a file attachment, named after the table (or `stem`)."""
    response = HttpResponse(SERIALISERS[fmt](table), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{stem or table.name}.{fmt}"'
    return response


def find(tables: Sequence[Table], name: str) -> Table | None:
    return next((table for table in tables if table.name == name), None)
