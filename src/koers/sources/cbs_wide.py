"""Wide CBS rows: one row per combination of dimension codes, one column per measure.

StatLine's CSV exports and the OData v3 data sets (`TypedDataSet`, `UntypedDataSet`)
are wide; `cbs_csv` and `cbs_v3` read their rows here into `TableValue`s. A file is
read twice: once to learn the codes of each dimension and which measure columns
hold text (a text measure, such as 70072ned's region names, is left out: Koers keeps
numbers), and once more for the values, so no table is kept in memory.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from koers.sources.cbs_codes import (
    NATIONAL,
    CbsPeriod,
    Selection,
    Where,
    read_number,
    read_period,
    status_flags,
)
from koers.sources.tables import Dimension, TableValue

Cells = Mapping[str, object]
Record = tuple[Cells, Where]
# A geography cell's CBS code: the cell itself, or the code of the name it holds.
RegionReader = Callable[[str, Where, str], str]

ROW_ID = "ID"  # the v3 row number, kept in CSV exports of v3 data sets
TOPIC_KEY = re.compile(r"_\d+$")  # v3 topic keys end in their position: Nieuwbouw_2
TIME_NAMES = ("Perioden", "Periods")
GEO_NAMES = ("RegioS", "Regio's", "Regions")


@dataclass(frozen=True)
class WideLayout:
    """Which columns are the period, the region, other dimensions and measures."""

    time: str
    geo: str | None
    others: tuple[str, ...]
    measures: Mapping[str, str]  # column -> measure code

    @property
    def dimensions(self) -> tuple[str, ...]:
        return (*((self.geo,) if self.geo else ()), self.time, *self.others)


def code_layout(columns: Sequence[str], where: Where) -> WideLayout:
    """The layout of a code-based export or a v3 data set, read from its column names."""
    measures = [c for c in columns if TOPIC_KEY.search(c)]
    dimensions = [c for c in columns if c != ROW_ID and c not in measures]
    return named_layout(dimensions, {m: m for m in measures}, where)


def named_layout(
    dimensions: Sequence[str], measures: Mapping[str, str], where: Where
) -> WideLayout:
    """Period and region columns by their StatLine names; the rest are other dimensions."""
    time = next((d for d in dimensions if d in TIME_NAMES), None)
    if time is None:
        raise where.error(f"no period column (one of {list(TIME_NAMES)}) among {list(dimensions)}")
    geo = next((d for d in dimensions if d in GEO_NAMES), None)
    others = tuple(d for d in dimensions if d not in (time, geo))
    return WideLayout(time, geo, others, measures)


def plain_region(cell: str, where: Where, column: str) -> str:
    """A code-based region cell: the code, without v3's padding (`PV30  `)."""
    return cell.strip()


@dataclass
class Scan:
    """What a first reading found: each dimension's codes, and the measures with text."""

    codes: dict[str, dict[str, str]] = field(default_factory=dict)  # dimension -> code -> label
    numeric: set[str] = field(default_factory=set)
    text: set[str] = field(default_factory=set)

    def text_measures(self) -> tuple[str, ...]:
        """Columns with text and no number at all; a column mixing both is an error later."""
        return tuple(sorted(self.text - self.numeric))


def scan(records: Iterable[Record], layout: WideLayout, region: RegionReader) -> Scan:
    found = Scan(codes={name: {} for name in layout.dimensions})
    for cells, where in records:
        for name, (code, label) in _codes(cells, layout, region, where).items():
            found.codes[name].setdefault(code, label)
        for column in layout.measures:
            _classify(cells.get(column), column, found)
    return found


def _classify(cell: object, column: str, found: Scan) -> None:
    try:
        number = read_number(cell)
    except ValueError:
        found.text.add(column)
        return
    if number is not None:
        found.numeric.add(column)


def dimensions(layout: WideLayout, found: Scan, titles: Mapping[str, str]) -> tuple[Dimension, ...]:
    """The table's dimensions, with the codes the scan found (titles: column -> title)."""
    roles = {layout.time: "time", **({layout.geo: "geo"} if layout.geo else {})}
    return tuple(
        Dimension(name, titles.get(name, name), roles.get(name, "other"), found.codes[name])
        for name in layout.dimensions
    )


@dataclass(frozen=True)
class WideReader:
    """Reads wide rows into values: the selected measures, non-empty cells only."""

    layout: WideLayout
    selection: Selection
    region: RegionReader = plain_region
    statuses: Mapping[str, str] = field(default_factory=dict)  # period code -> status word

    def values(self, records: Iterable[Record]) -> Iterator[TableValue]:
        for cells, where in records:
            yield from self._row(cells, where)

    def _row(self, cells: Cells, where: Where) -> Iterator[TableValue]:
        found = _codes(cells, self.layout, self.region, where)
        codes = {name: code for name, (code, _) in found.items()}
        if not self.selection.wants(codes):
            return
        period = read_period(found[self.layout.time][1])
        # A table without regions describes the Netherlands as a whole.
        geography = codes[self.layout.geo] if self.layout.geo else NATIONAL
        others = {name: codes[name] for name in self.layout.others}
        status = self.statuses.get(period.code, "") or period.mark
        for column, measure in self.layout.measures.items():
            number = (
                self._number(cells, column, where)
                if self.selection.wants_measure(measure)
                else None
            )
            if number is not None:
                yield TableValue(
                    measure,
                    geography,
                    period.label,
                    number,
                    others,
                    status_flags(status),
                    status,
                    str(where),
                )

    def _number(self, cells: Cells, column: str, where: Where) -> float | None:
        if column not in cells:
            raise where.error("missing", column)
        try:
            return read_number(cells[column])
        except ValueError as exc:
            raise where.error(str(exc), column) from None


def _codes(
    cells: Cells, layout: WideLayout, region: RegionReader, where: Where
) -> dict[str, tuple[str, str]]:
    """Each dimension's code in this row, with the label it shows (a name, a period)."""
    found: dict[str, tuple[str, str]] = {}
    for name in layout.dimensions:
        cell = cells.get(name)
        if not isinstance(cell, str) or not cell.strip():
            raise where.error("no code in this dimension's cell", name)
        found[name] = _code(cell, name, layout, region, where)
    return found


def _code(
    cell: str, name: str, layout: WideLayout, region: RegionReader, where: Where
) -> tuple[str, str]:
    if name == layout.geo:
        # A code cell has no label of its own; a name cell is the label of its code.
        code = region(cell, where, name)
        return code, ("" if code == cell.strip() else cell.strip())
    if name == layout.time:
        period = _period(cell, name, where)
        return period.code, cell.strip()
    return cell.strip(), cell.strip()


def _period(cell: str, name: str, where: Where) -> CbsPeriod:
    try:
        return read_period(cell)
    except ValueError as exc:
        raise where.error(str(exc), name) from None
