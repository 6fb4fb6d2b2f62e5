"""One parser per Eurostat file format, shared by the series readers and the connector.

Each parser streams a file's non-empty values as `Cell`s: the codes of every
dimension but time, the period and the value as written, and the status
letters as Eurostat wrote them. The series readers (`eurostat.py`, for the
shipped dataset's history.yaml) and the connector (`eurostat_api.py`) differ
only in what they do with a cell.

- bulk TSV, old style (`unit,geo\\time`, years descending) and SDMX-TSV
  (`freq,unit,geo\\TIME_PERIOD`): one row a series, cells like `42249.45 p`
  or `:`; plain or gzip; read row by row.
- CSV, one row a value: Eurostat's SDMX-CSV export (`...,TIME_PERIOD,
  OBS_VALUE,OBS_FLAG`) and long tables such as Nesta's or a JSON-stat response
  flattened by someone else; read row by row.
- JSON-stat 2.0, as the statistics API returns it (held in memory: a response
  is one query's worth).

`Wanted` (dimension -> codes) is applied before a row's cells are split, so
filtering a large bulk file costs little; a dimension the file does not have
is refused on its header line. No Django here.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from koers.sources.series import Location, StatisticsFormatError, flag_letters, open_text, place

Wanted = Mapping[str, Collection[str]]

# ":" is Eurostat's "not available"; an empty cell says the same in a CSV.
MISSING = frozenset({":", ""})


@dataclass(frozen=True, slots=True)
class Cell:
    """One non-empty value of a file, before anyone interprets it."""

    key: Mapping[str, str]  # every dimension but time -> its code
    period: str  # as written: "2019", "2019-Q3", "2019M06"
    value: str  # as written
    status: str  # the flags as written: "p", "bep", "" ...
    where: Location
    period_field: str | None = None  # the period's own column, where it has one

    @property
    def letters(self) -> tuple[str, ...]:
        # The status was checked to be flag letters when the cell was made.
        return tuple(letter for letter in self.status if letter != "|")


def wants(key: Mapping[str, str], wanted: Wanted) -> bool:
    """Whether a series key passes the filters."""
    return all(key.get(name) in codes for name, codes in wanted.items())


def checked_status(origin: Path | str, text: str, where: Location) -> str:
    """The status text, refused when it is not flag letters (a shifted column, a typo)."""
    status = text.strip()
    if status and flag_letters(status) is None:
        raise error(origin, f"{status!r}: flags must be letters", where)
    return status


def error(origin: Path | str, message: str, where: Location) -> StatisticsFormatError:
    return StatisticsFormatError(
        origin, message, line=where.line, field=where.field, record=where.record
    )


def describe(origin: Path | str, where: Location) -> str:
    """A cell's place as messages write it: "file, line 12, field '2019'"."""
    return place(str(origin), where.line, where.record, where.field)


# --- bulk TSV -----------------------------------------------------------------


@dataclass(frozen=True)
class TsvHeader:
    first: str  # "unit,geo\\time", for messages about the header
    dimensions: tuple[str, ...]
    time: str  # "time" (old style) or "TIME_PERIOD" (SDMX-TSV)
    periods: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TsvRow:
    key: Mapping[str, str]
    line: int
    cells: Sequence[str]


def tsv_header(path: Path) -> TsvHeader:
    """The header line of a bulk TSV."""
    with open_text(path) as handle:
        return _tsv_header(path, next(csv.reader(handle, delimiter="\t"), None))


def tsv_rows(path: Path, wanted: Wanted) -> Iterator[TsvRow]:
    """Every well-formed series row whose key passes `wanted`; a malformed row is refused."""
    with open_text(path) as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = _tsv_header(path, next(reader, None))
        require(path, header.dimensions, wanted, Location(line=1, field=header.first))
        for row in reader:
            if not row:
                continue  # a blank line, e.g. at the end of the file
            tsv_row = _tsv_row(path, header, row, reader.line_num)
            if wants(tsv_row.key, wanted):
                yield tsv_row


def tsv_cells(path: Path, wanted: Wanted) -> Iterator[Cell]:
    """Every non-empty value of the wanted rows of a bulk TSV."""
    periods = tsv_header(path).periods
    for row in tsv_rows(path, wanted):
        for period, text in zip(periods, row.cells, strict=True):
            # A cell is "<value>[ <flags>]": "42249.45 p", ": ", ":", "12 bep", ": c".
            value, _, status = text.strip().partition(" ")
            if value not in MISSING:
                where = Location(line=row.line, field=period)
                yield Cell(row.key, period, value, checked_status(path, status, where), where)


def _tsv_header(path: Path, header: list[str] | None) -> TsvHeader:
    if not header:
        raise error(path, "the file is empty", Location(line=1))
    first = header[0]
    names, backslash, time = first.partition("\\")
    if not backslash:
        raise error(path, "expected dimensions like 'unit,geo\\time'", Location(1, first))
    dimensions = tuple(name.strip() for name in names.split(","))
    return TsvHeader(first, dimensions, time.strip(), tuple(cell.strip() for cell in header[1:]))


def _tsv_row(path: Path, header: TsvHeader, row: list[str], line: int) -> TsvRow:
    codes = row[0].split(",")
    if len(codes) != len(header.dimensions):
        raise error(
            path,
            f"expected {len(header.dimensions)} comma-separated codes, got {row[:1]}",
            Location(line, header.first),
        )
    if len(row) - 1 != len(header.periods):
        raise error(
            path,
            f"expected {len(header.periods)} cells, got {len(row) - 1}",
            Location(line, row[0]),
        )
    key = dict(zip(header.dimensions, (code.strip() for code in codes), strict=True))
    return TsvRow(key, line, row[1:])


def require(origin: Path | str, names: Collection[str], wanted: Wanted, where: Location) -> None:
    """Refuse a filter on a dimension the file does not have."""
    for name in wanted:
        if name not in names:
            raise error(origin, f"no dimension {name!r}; the file has {list(names)}", where)


# --- CSV, one row a value -------------------------------------------------------


@dataclass(frozen=True)
class CsvLayout:
    """Which columns of a one-row-a-value CSV hold what."""

    period: str
    value: str  # "" means the last column
    keys: tuple[str, ...] = ()  # the dimension columns; empty: every column not named here
    flags: tuple[str, ...] = ()  # flag columns; the first one the header has is read
    skip: frozenset[str] = frozenset()  # columns that are neither dimension nor value


@dataclass(frozen=True)
class CsvColumns:
    """A layout resolved against a header: positions of each column."""

    names: tuple[str, ...]
    keys: tuple[tuple[str, int], ...]
    period: int
    value: int
    flag: int | None

    @property
    def value_name(self) -> str:
        return self.names[self.value]


def csv_columns(path: Path, header: Sequence[str], layout: CsvLayout, wanted: Wanted) -> CsvColumns:
    """Resolve `layout` against the header, refusing columns it lacks."""
    if not header:
        raise error(path, "the file is empty", Location(line=1))
    value = layout.value or header[-1]
    named = {layout.period, value, *layout.flags, *layout.skip}
    keys = layout.keys or tuple(name for name in header if name not in named)
    for name in (layout.period, value, *keys, *wanted):
        if name not in header:
            raise error(
                path, f"no column {name!r}; the header has {list(header)}", Location(1, name)
            )
    flag = next((header.index(name) for name in layout.flags if name in header), None)
    return CsvColumns(
        names=tuple(header),
        keys=tuple((name, header.index(name)) for name in keys),
        period=header.index(layout.period),
        value=header.index(value),
        flag=flag,
    )


def csv_header(path: Path) -> list[str]:
    with open_text(path) as handle:
        return next(csv.reader(handle), [])


def csv_cells(path: Path, layout: CsvLayout, wanted: Wanted) -> Iterator[Cell]:
    """Every non-empty value of the wanted rows of a one-row-a-value CSV."""
    with open_text(path) as handle:
        reader = csv.reader(handle)
        columns = csv_columns(path, next(reader, []), layout, wanted)
        for row in reader:
            if row:
                cell = _csv_cell(path, columns, row, reader.line_num)
                if cell is not None and wants(cell.key, wanted):
                    yield cell


def _csv_cell(path: Path, columns: CsvColumns, row: list[str], line: int) -> Cell | None:
    where = Location(line=line, field=columns.value_name)
    if len(row) != len(columns.names):
        raise error(path, "the row does not have as many fields as the header", Location(line))
    value = row[columns.value].strip()
    if value in MISSING:
        return None
    key = {name: row[index].strip() for name, index in columns.keys}
    status = ""
    if columns.flag is not None:
        flag_at = Location(line=line, field=columns.names[columns.flag])
        status = checked_status(path, row[columns.flag], flag_at)
    return Cell(key, row[columns.period], value, status, where, columns.names[columns.period])


# --- JSON-stat 2.0 ----------------------------------------------------------------


@dataclass(frozen=True)
class CubeDimension:
    name: str
    title: str
    codes: tuple[str, ...]
    labels: Mapping[str, str]


@dataclass(frozen=True)
class JsonStatCube:
    """A JSON-stat 2.0 dataset: its dimensions in order, values and statuses by position."""

    origin: str  # the file or URL it came from, for messages
    label: str
    dataset: str  # Eurostat's extension.id, e.g. "NAMA_10R_3GDP"
    dimensions: tuple[CubeDimension, ...]
    values: Mapping[int, object]
    status: Callable[[int], str] = field(repr=False)

    @property
    def names(self) -> list[str]:
        return [dimension.name for dimension in self.dimensions]


def jsonstat_cube(data: Mapping[str, Any], origin: str) -> JsonStatCube:
    """Check and index a parsed JSON-stat 2.0 dataset."""
    _refuse_api_error(data, origin)
    dimensions = _jsonstat_dimensions(data, origin)
    size = math.prod(len(dimension.codes) for dimension in dimensions)
    values = _jsonstat_table(data.get("value"), "value", origin)
    if isinstance(data.get("value"), list) and len(values) != size:
        raise error(
            origin,
            f"'size' gives {size} cells, 'value' has {len(values)}",
            Location(field="value"),
        )
    outside = next((position for position in values if not 0 <= position < size), None)
    if outside is not None:
        raise error(
            origin,
            f"position {outside} lies outside the cube of {size} cells",
            Location(field="value"),
        )
    extension = data.get("extension") if isinstance(data.get("extension"), dict) else {}
    return JsonStatCube(
        origin=origin,
        label=str(data.get("label") or ""),
        dataset=str((extension or {}).get("id") or ""),
        dimensions=tuple(dimensions),
        values=values,
        status=_jsonstat_status(data.get("status"), origin),
    )


def jsonstat_cells(cube: JsonStatCube, time: str, wanted: Wanted) -> Iterator[Cell]:
    """Every non-null value of the cube whose key passes `wanted`."""
    names = cube.names
    require(cube.origin, names, {time: (), **wanted}, Location(field="id"))
    for position, number in sorted(cube.values.items()):
        if number is None:
            continue
        key = _jsonstat_codes(position, cube.dimensions)
        if not wants(key, wanted):
            continue
        where = Location(record=f"value[{position}]", field="value")
        text = _jsonstat_number(cube.origin, number, where)
        status = checked_status(cube.origin, cube.status(position), where)
        period = key.pop(time)
        yield Cell(key, period, text, status, where, f"dimension.{time}")


def _refuse_api_error(data: Mapping[str, Any], origin: str) -> None:
    # The API answers a bad query with {"error": {"status": 400, "label": "..."}}.
    problem = data.get("error")
    if problem is not None and "id" not in data:
        label = problem.get("label") if isinstance(problem, dict) else problem
        raise error(origin, f"Eurostat answered with an error: {label}", Location(field="error"))


def _jsonstat_dimensions(data: Mapping[str, Any], origin: str) -> list[CubeDimension]:
    ids, sizes = data.get("id"), data.get("size")
    if not isinstance(ids, list) or not isinstance(sizes, list) or len(ids) != len(sizes):
        raise error(origin, "'id' and 'size' must be lists of one length", Location(field="id"))
    dimensions = []
    for name, size in zip(ids, sizes, strict=True):
        dimension = _jsonstat_dimension(data, str(name), origin)
        if len(dimension.codes) != size:
            raise error(
                origin,
                f"dimension {name!r} has {len(dimension.codes)} categories, 'size' says {size}",
                Location(field=f"dimension.{name}.category.index"),
            )
        dimensions.append(dimension)
    return dimensions


def _jsonstat_dimension(data: Mapping[str, Any], name: str, origin: str) -> CubeDimension:
    where = Location(field=f"dimension.{name}.category.index")
    try:
        entry = data["dimension"][name]
        category = entry["category"]
        index = category.get("index")
    except (KeyError, TypeError, AttributeError):
        raise error(origin, "missing", where) from None
    if isinstance(index, list):
        codes = [str(code) for code in index]
    elif isinstance(index, dict):
        codes = [str(code) for code, _ in sorted(index.items(), key=lambda item: int(item[1]))]
    else:
        raise error(origin, "expected a list or an object", where)
    labels = category.get("label") if isinstance(category.get("label"), dict) else {}
    return CubeDimension(
        name=name,
        title=str(entry.get("label") or name),
        codes=tuple(codes),
        labels={code: str(labels.get(code) or code) for code in codes},
    )


def _jsonstat_table(values: object, name: str, origin: str) -> dict[int, object]:
    # JSON-stat allows a dense list or a sparse {"17": ...} object.
    if isinstance(values, list):
        return dict(enumerate(values))
    if isinstance(values, dict):
        try:
            return {int(key): item for key, item in values.items()}
        except ValueError:
            raise error(origin, "keys must be positions", Location(field=name)) from None
    raise error(origin, "expected a list or an object", Location(field=name))


def _jsonstat_status(raw: object, origin: str) -> Callable[[int], str]:
    # Status may also be absent, or one string for every cell.
    if raw is None:
        return lambda position: ""
    if isinstance(raw, str):
        return lambda position: raw
    table = _jsonstat_table(raw, "status", origin)
    return lambda position: str(table.get(position) or "")


def _jsonstat_codes(position: int, dimensions: Sequence[CubeDimension]) -> dict[str, str]:
    # Row-major order: the last dimension varies fastest.
    codes: dict[str, str] = {}
    remainder = position
    for dimension in reversed(dimensions):
        remainder, index = divmod(remainder, len(dimension.codes))
        codes[dimension.name] = dimension.codes[index]
    return {dimension.name: codes[dimension.name] for dimension in dimensions}


def _jsonstat_number(origin: str, number: object, where: Location) -> str:
    if isinstance(number, bool) or not isinstance(number, int | float):
        raise error(origin, f"{number!r} is not a number", where)
    return repr(number)
