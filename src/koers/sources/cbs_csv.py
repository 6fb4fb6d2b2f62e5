"""StatLine CSV exports as tables (no Django).

Two kinds, told apart by their header:

- code-based: the CSV of a v3 data set (`UntypedDataSet`, `TypedDataSet`): `ID` the
  row number, dimension columns holding codes (`RegioS` = `GM0772  `, `Perioden` =
  `2019JJ00`), one column per measure named by its key (`Nieuwbouw_2`); `;`-separated,
  often every field quoted and numbers padded; `.` or an empty cell for no figure.
  The reference holds 70072ned, 37259ned and 81955NED exports of this kind.
- label-based: StatLine's table download, headers and regions as labels ("Regio's",
  "Perioden", "Nieuwbouw"; in English "Regions", "Periods", "GDP (market prices)
  (million euros)"), a provisional year marked `2021*`, and a closing line such as
  `Bron: CBS`. The region and period columns are found by name and every other column
  is a measure: its code a slug of its header, its unit the header's last parenthesis.
  Region names become codes through `cbs_regions.csv`; an unknown name is refused.

Either kind may be separated by `;` or `,` (whichever the header line uses). The table
id comes from the file name (`70072ned_UntypedDataSet_...csv`) or is given.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from koers.sources.cbs_codes import (
    EVERYTHING,
    CbsError,
    CbsTable,
    Selection,
    Where,
    region_names,
)
from koers.sources.cbs_wide import (
    GEO_NAMES,
    ROW_ID,
    TIME_NAMES,
    TOPIC_KEY,
    Record,
    RegionReader,
    WideLayout,
    WideReader,
    code_layout,
    dimensions,
    named_layout,
    plain_region,
    scan,
)
from koers.sources.tables import Measure

_TABLE_ID = re.compile(r"^(\d{2,5}[A-Za-z]{2,5})(?=[_.\- ]|$)")
_UNIT = re.compile(r"\(([^()]*)\)\s*$")
# StatLine closes a download with a line naming the source; it is not a row of figures.
_CLOSING = ("Bron:", "Source:")


def table_id_from_name(path: Path) -> str | None:
    """The CBS table id a file name starts with (`37259ned_UntypedDataSet_...`), if any."""
    match = _TABLE_ID.match(path.name)
    return match.group(1) if match else None


def open_csv(
    path: Path, *, table_id: str | None = None, selection: Selection = EVERYTHING
) -> CbsTable:
    """A StatLine CSV export as a table; values are read from the file when asked for."""
    table = table_id or table_id_from_name(path)
    if not table:
        raise CbsError(
            str(path), "no CBS table id in the file name; name the table (--table 81955NED)"
        )
    export = _Export.open(path)
    layout, region, measures = export.layout()
    found = scan(export.records(), layout, region)
    layout, kept = _figures_only(layout, measures, found.text_measures(), region, path)
    table_dimensions = dimensions(layout, found, {})
    selection.check(str(path), kept, table_dimensions)
    reader = WideReader(layout, selection, region)
    return CbsTable(
        publisher="CBS",
        table_id=table,
        title=f"StatLine export {path.name}",
        reference=str(path),
        retrieved=None,
        measures=tuple(m for m in kept if selection.wants_measure(m.code)),
        dimensions=table_dimensions,
        read_values=lambda: reader.values(export.records()),
        left_out=found.text_measures(),
    )


def _figures_only(
    layout: WideLayout,
    measures: list[Measure],
    text: tuple[str, ...],
    region: RegionReader,
    path: Path,
) -> tuple[WideLayout, list[Measure]]:
    """The layout and measures without the columns of text (a code export's names)."""
    if text and region is named_region:
        # A labelled column of words is a dimension Koers cannot tell from a measure.
        raise CbsError(
            str(path),
            "holds text, not figures: a label-based export may have only a region and a "
            "period dimension (export the data set with codes instead)",
            field=text[0],
        )
    columns = {c: m for c, m in layout.measures.items() if c not in text}
    return replace(layout, measures=columns), [m for m in measures if m.code in columns.values()]


@dataclass(frozen=True)
class _Export:
    path: Path
    delimiter: str
    header: tuple[str, ...]

    @classmethod
    def open(cls, path: Path) -> _Export:
        first = _lines(path, 1)
        if not first:
            raise CbsError(str(path), "the file is empty", line=1)
        delimiter = ";" if ";" in first[0] else ","
        header = next(csv.reader(first, delimiter=delimiter))
        return cls(path, delimiter, tuple(cell.strip() for cell in header))

    def layout(self) -> tuple[WideLayout, RegionReader, list[Measure]]:
        where = Where(str(self.path), line=1)
        if ROW_ID in self.header or any(TOPIC_KEY.search(c) for c in self.header):
            layout = code_layout(self.header, where)
            return layout, plain_region, [Measure(c, c) for c in layout.measures]
        dimension_columns = [c for c in self.header if c in GEO_NAMES or c in TIME_NAMES]
        measure_columns = [c for c in self.header if c not in dimension_columns]
        measures = [_labelled_measure(c) for c in measure_columns]
        columns = {c: m.code for c, m in zip(measure_columns, measures, strict=True)}
        return named_layout(dimension_columns, columns, where), named_region, measures

    def records(self) -> Iterator[Record]:
        try:
            yield from self._records()
        except UnicodeDecodeError as exc:
            raise CbsError(str(self.path), f"not UTF-8 text ({exc.reason})") from None
        except csv.Error as exc:
            raise CbsError(str(self.path), f"not a readable CSV file ({exc})") from None

    def _records(self) -> Iterator[Record]:
        with self.path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, delimiter=self.delimiter)
            next(reader, None)
            for row in reader:
                where = Where(str(self.path), line=reader.line_num)
                if _closing(row):
                    return
                if any(cell.strip() for cell in row):
                    yield self._cells(row, where), where

    def _cells(self, row: list[str], where: Where) -> dict[str, object]:
        if len(row) != len(self.header):
            raise where.error(f"the row has {len(row)} fields, the header {len(self.header)}")
        return dict(zip(self.header, row, strict=True))


def _lines(path: Path, count: int) -> list[str]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [line for _, line in zip(range(count), handle, strict=False)]
    except UnicodeDecodeError as exc:
        raise CbsError(str(path), f"not UTF-8 text ({exc.reason})", line=1) from None


def _closing(row: list[str]) -> bool:
    return bool(row) and row[0].strip().startswith(_CLOSING) and not any(c.strip() for c in row[1:])


def _labelled_measure(header: str) -> Measure:
    unit = _UNIT.search(header)
    code = re.sub(r"[^a-z0-9]+", "-", header.lower()).strip("-") or "value"
    return Measure(code, header, unit.group(1).strip() if unit else "")


def named_region(cell: str, where: Where, column: str) -> str:
    """A label-based region cell: the CBS code of the name it holds."""
    code = region_names().get(cell.strip())
    if code is None:
        raise where.error(
            f"unknown region name {cell.strip()!r} (Koers knows the names in cbs_regions.csv)",
            column,
        )
    return code
