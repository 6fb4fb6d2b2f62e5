"""Readers for Eurostat's file formats.

- `eurostat-tsv`: the bulk-download TSV (often gzip), a header such as
  `unit,geo\\time  2021  2020 ...`, cells like `42249.45 p` or `:`.
- `eurostat-sdmx-csv`: the data browser's SDMX-CSV "linear" export
  (`...,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG`).
- `eurostat-long-csv`: any one-row-per-observation CSV with a geography, a
  period and a value column (Nesta's EURITO files, Data Commons extracts).
- `eurostat-jsonstat`: a JSON-stat 2.0 response of the statistics API.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from koers.sources.series import (
    Location,
    PointCollector,
    SeriesSpec,
    StatisticsFormatError,
    StatPoint,
    flag_letters,
    load_json,
    open_text,
    require_fields,
)

EUROSTAT_MISSING = frozenset({":", ""})


# --- bulk TSV ---------------------------------------------------------------


def read_tsv(path: Path, spec: SeriesSpec) -> list[StatPoint]:
    """Read a Eurostat bulk-download TSV (plain or gzip)."""
    collector = PointCollector(path, spec, EUROSTAT_MISSING)
    with open_text(path) as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None:
            raise StatisticsFormatError(path, "the file is empty", line=1)
        dimensions, periods = _tsv_header(header, collector)
        geo_index, wanted = _tsv_positions(dimensions, header[0], collector)
        for row in reader:
            if not row:
                continue  # a blank line, e.g. at the end of the file
            keys = _tsv_keys(row, len(dimensions), Location(reader.line_num, header[0]), collector)
            if all(keys[index] == value for index, value in wanted):
                _tsv_cells(row, keys[geo_index], periods, reader.line_num, collector)
    return collector.sorted_points()


def _tsv_header(header: list[str], collector: PointCollector) -> tuple[list[str], list[str]]:
    first = header[0]
    if "\\" not in first:
        raise collector.error(
            "expected dimensions like 'unit,geo\\time'", Location(line=1, field=first)
        )
    dimensions = first.split("\\", 1)[0].split(",")
    return dimensions, [cell.strip() for cell in header[1:]]


def _tsv_positions(
    dimensions: list[str], first: str, collector: PointCollector
) -> tuple[int, list[tuple[int, str]]]:
    spec = collector.spec
    names = [spec.column("geo", "geo"), *spec.filters]
    for name in names:
        if name not in dimensions:
            raise collector.error(
                f"no dimension {name!r}; the file has {dimensions}", Location(line=1, field=first)
            )
    wanted = [(dimensions.index(name), value) for name, value in spec.filters.items()]
    return dimensions.index(names[0]), wanted


def _tsv_keys(row: list[str], count: int, where: Location, collector: PointCollector) -> list[str]:
    keys = row[0].split(",")
    if len(keys) != count:
        raise collector.error(f"expected {count} comma-separated codes, got {row[:1]}", where)
    return [key.strip() for key in keys]


def _tsv_cells(
    row: list[str], geography: str, periods: list[str], line: int, collector: PointCollector
) -> None:
    if not collector.wants(geography):
        return
    cells = row[1:]
    if len(cells) != len(periods):
        raise collector.error(
            f"expected {len(periods)} cells, got {len(cells)}", Location(line=line, field=row[0])
        )
    for period, cell in zip(periods, cells, strict=True):
        where = Location(line=line, field=period)
        value, flags = _split_cell(cell, where, collector)
        collector.add(geography, period, value, flags, where)


def _split_cell(
    cell: str, where: Location, collector: PointCollector
) -> tuple[str, tuple[str, ...]]:
    # A cell is "<value>[ <flags>]": "42249.45 p", ": ", ":", "12 bep", ": c".
    value, _, flag_text = cell.strip().partition(" ")
    flags = flag_letters(flag_text)
    if flags is None:
        raise collector.error(f"{cell.strip()!r} has flags that are not letters", where)
    return value, flags


# --- CSV (SDMX-CSV linear and long tables) ------------------------------------


def read_sdmx_csv(path: Path, spec: SeriesSpec) -> list[StatPoint]:
    """Read Eurostat's SDMX-CSV export (one observation a row, OBS_FLAG beside it)."""
    return _read_csv_rows(path, spec, ("geo", "TIME_PERIOD", "OBS_VALUE"), flag_field="OBS_FLAG")


def read_long_csv(path: Path, spec: SeriesSpec) -> list[StatPoint]:
    """Read a long CSV of Eurostat numbers; the value column defaults to the last one."""
    return _read_csv_rows(path, spec, ("region_id", "year", ""), flag_field=None)


def _read_csv_rows(
    path: Path, spec: SeriesSpec, defaults: tuple[str, str, str], flag_field: str | None
) -> list[StatPoint]:
    collector = PointCollector(path, spec, EUROSTAT_MISSING)
    with open_text(path) as handle:
        reader = csv.DictReader(handle)
        header = list(reader.fieldnames or [])
        geo, period, value = _csv_columns(header, spec, defaults, collector)
        flags_present = flag_field is not None and flag_field in header
        for row in reader:
            if not _csv_row_wanted(row, geo, reader.line_num, collector):
                continue
            where = Location(line=reader.line_num, field=value)
            flags = _csv_flags(row, flag_field if flags_present else None, where, collector)
            collector.add(row[geo], row[period], row[value], flags, where, period)
    return collector.sorted_points()


def _csv_columns(
    header: list[str], spec: SeriesSpec, defaults: tuple[str, str, str], collector: PointCollector
) -> tuple[str, str, str]:
    if not header:
        raise collector.error("the file is empty", Location(line=1))
    geo = spec.column("geo", defaults[0])
    period = spec.column("period", defaults[1])
    value = spec.column("value", defaults[2] or header[-1])
    require_fields(header, [geo, period, value, *spec.filters], collector)
    return geo, period, value


def _csv_row_wanted(
    row: Mapping[str, str | None], geo: str, line: int, collector: PointCollector
) -> bool:
    if None in row or any(cell is None for cell in row.values()):
        raise collector.error(
            "the row does not have as many fields as the header", Location(line=line)
        )
    filters = collector.spec.filters
    if any((row[name] or "").strip() != value for name, value in filters.items()):
        return False
    return collector.wants(row[geo] or "")


def _csv_flags(
    row: Mapping[str, str], flag_field: str | None, where: Location, collector: PointCollector
) -> tuple[str, ...]:
    if flag_field is None:
        return ()
    flags = flag_letters(row[flag_field])
    if flags is None:
        raise collector.error(
            f"{row[flag_field]!r} is not a flag", Location(line=where.line, field=flag_field)
        )
    return flags


# --- JSON-stat 2.0 ------------------------------------------------------------


def read_jsonstat(path: Path, spec: SeriesSpec) -> list[StatPoint]:
    """Read a JSON-stat 2.0 dataset as Eurostat's statistics API returns it."""
    collector = PointCollector(path, spec, frozenset())
    data = load_json(path)
    dimensions = _jsonstat_dimensions(data, collector)
    geo, period = spec.column("geo", "geo"), spec.column("period", "time")
    names = [name for name, _ in dimensions]
    for name in [geo, period, *spec.filters]:
        if name not in names:
            raise collector.error(f"no dimension {name!r}; it has {names}", Location(field="id"))
    status_of = _jsonstat_status(data.get("status"), collector)
    for position, number in _jsonstat_table(data.get("value"), "value", collector).items():
        where = Location(record=f"value[{position}]", field="value")
        codes = _jsonstat_codes(position, dimensions, where, collector)
        if number is None or any(codes[name] != value for name, value in spec.filters.items()):
            continue
        value_text = _jsonstat_number(number, where, collector)
        flags = _jsonstat_flags(status_of(position), where, collector)
        collector.add(codes[geo], codes[period], value_text, flags, where, f"dimension.{period}")
    return collector.sorted_points()


def _jsonstat_dimensions(
    data: Mapping[str, Any], collector: PointCollector
) -> list[tuple[str, list[str]]]:
    ids, sizes = data.get("id"), data.get("size")
    if not isinstance(ids, list) or not isinstance(sizes, list) or len(ids) != len(sizes):
        raise collector.error("'id' and 'size' must be lists of one length", Location(field="id"))
    dimensions = []
    for name, size in zip(ids, sizes, strict=True):
        codes = _jsonstat_categories(data, str(name), collector)
        if len(codes) != size:
            raise collector.error(
                f"dimension {name!r} has {len(codes)} categories, size says {size}",
                Location(field=f"dimension.{name}.category.index"),
            )
        dimensions.append((str(name), codes))
    return dimensions


def _jsonstat_categories(
    data: Mapping[str, Any], name: str, collector: PointCollector
) -> list[str]:
    where = Location(field=f"dimension.{name}.category.index")
    try:
        index = data["dimension"][name]["category"]["index"]
    except (KeyError, TypeError):
        raise collector.error("missing", where) from None
    if isinstance(index, list):
        return [str(code) for code in index]
    if isinstance(index, dict):
        return [str(code) for code, _ in sorted(index.items(), key=lambda item: int(item[1]))]
    raise collector.error("expected a list or an object", where)


def _jsonstat_table(values: object, name: str, collector: PointCollector) -> dict[int, object]:
    # JSON-stat allows a dense list or a sparse {"17": ...} object.
    if isinstance(values, list):
        return dict(enumerate(values))
    if isinstance(values, dict):
        try:
            return {int(key): item for key, item in values.items()}
        except ValueError:
            raise collector.error("keys must be positions", Location(field=name)) from None
    raise collector.error("expected a list or an object", Location(field=name))


def _jsonstat_status(raw: object, collector: PointCollector) -> Callable[[int], str]:
    # Status may also be absent, or one string for every cell.
    if raw is None:
        return lambda position: ""
    if isinstance(raw, str):
        return lambda position: raw
    table = _jsonstat_table(raw, "status", collector)
    return lambda position: str(table.get(position) or "")


def _jsonstat_flags(text: str, where: Location, collector: PointCollector) -> tuple[str, ...]:
    flags = flag_letters(text)
    if flags is None:
        raise collector.error(f"status {text!r} is not a flag", where)
    return flags


def _jsonstat_codes(
    position: int,
    dimensions: list[tuple[str, list[str]]],
    where: Location,
    collector: PointCollector,
) -> dict[str, str]:
    codes: dict[str, str] = {}
    remainder = position
    for name, categories in reversed(dimensions):
        remainder, index = divmod(remainder, len(categories))
        codes[name] = categories[index]
    if remainder or position < 0:
        raise collector.error("position lies outside the cube", where)
    return codes


def _jsonstat_number(number: object, where: Location, collector: PointCollector) -> str:
    if isinstance(number, bool) or not isinstance(number, int | float):
        raise collector.error(f"{number!r} is not a number", where)
    return repr(number)
