"""Readers for Statistics Netherlands (CBS) StatLine files.

- `cbs-csv`: a StatLine CSV export, `;`-separated (dataset exports) or
  `,`-separated (table downloads, region names instead of codes), fields quoted,
  numbers padded with spaces, `.` for "not available", region codes padded
  to six characters (`PV30  `), periods such as `1995JJ00`, `2011KW01` or,
  in the English export, `2021*` for a provisional year.
- `cbs-odata-json`: one page of an OData v3 `UntypedDataSet` or
  `TypedDataSet` response (`{"value": [{...}, ...]}`), the API `cbsodata`
  reads. Pages are separate files: a spec reads one page.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

from koers.sources.series import (
    Location,
    PointCollector,
    SeriesSpec,
    StatPoint,
    load_json,
    open_text,
    require_fields,
)

# "." not available, "x" secret; an empty cell cannot occur on logical grounds.
CBS_MISSING = frozenset({"", ".", "x"})

_PERIOD_MARK = re.compile(r"^(?P<period>[^*]+?)\s*(?P<mark>\*{1,2})?$")


def read_csv(path: Path, spec: SeriesSpec) -> list[StatPoint]:
    """Read a StatLine CSV export."""
    collector = PointCollector(path, spec, CBS_MISSING)
    geo, period, value = _columns(spec)
    with open_text(path) as handle:
        reader = csv.DictReader(handle, delimiter=_delimiter(handle))
        require_fields(
            list(reader.fieldnames or []), [geo, period, value, *spec.filters], collector
        )
        for row in reader:
            where = Location(line=reader.line_num, field=value)
            if _complete(row, where, collector) and _wanted(row, geo, collector):
                _add(collector, row, (geo, period, value), where)
    return collector.sorted_points()


def _delimiter(handle: TextIO) -> str:
    # StatLine writes `;` in its dataset exports and `,` in its table downloads.
    header = handle.readline()
    handle.seek(0)
    return ";" if header.count(";") >= header.count(",") else ","


def read_odata_json(path: Path, spec: SeriesSpec) -> list[StatPoint]:
    """Read one page of a CBS OData v3 data set response."""
    collector = PointCollector(path, spec, CBS_MISSING)
    geo, period, value = _columns(spec)
    rows = load_json(path).get("value")
    if not isinstance(rows, list):
        raise collector.error("expected a list under 'value'", Location(field="value"))
    for number, row in enumerate(rows):
        where = Location(record=f"value[{number}]", field=value)
        record = _odata_record(row, [geo, period, value, *spec.filters], where, collector)
        if _wanted(record, geo, collector):
            _add(collector, record, (geo, period, value), where)
    return collector.sorted_points()


def _columns(spec: SeriesSpec) -> tuple[str, str, str]:
    # SeriesSpec.from_mapping makes sure a CBS spec names its value column.
    return spec.column("geo", "RegioS"), spec.column("period", "Perioden"), spec.column("value", "")


def _complete(row: Mapping[str | None, Any], where: Location, collector: PointCollector) -> bool:
    if None in row or any(cell is None for cell in row.values()):
        raise collector.error("the row does not have as many fields as the header", where)
    return True


def _wanted(row: Mapping[str, str], geo: str, collector: PointCollector) -> bool:
    filters = collector.spec.filters
    if any(row[name].strip() != value for name, value in filters.items()):
        return False
    return collector.wants(row[geo])


def _add(
    collector: PointCollector,
    row: Mapping[str, str],
    columns: tuple[str, str, str],
    where: Location,
) -> None:
    geo, period, value = columns
    match = _PERIOD_MARK.match(row[period].strip())
    if match is None:
        at = Location(line=where.line, field=period, record=where.record)
        raise collector.error(f"{row[period]!r} is not a period", at)
    mark = match.group("mark")
    flags = (mark,) if mark else ()
    collector.add(row[geo], match.group("period"), row[value], flags, where, period)


def _odata_record(
    row: object, names: list[str], where: Location, collector: PointCollector
) -> dict[str, str]:
    if not isinstance(row, dict):
        raise collector.error("expected an object", where)
    record: dict[str, str] = {}
    for name in names:
        if name not in row:
            raise collector.error("missing", Location(record=where.record, field=name))
        record[name] = _odata_text(row[name], Location(record=where.record, field=name), collector)
    return record


def _odata_text(cell: object, where: Location, collector: PointCollector) -> str:
    # Untyped data sets hold padded strings, typed ones numbers or null.
    if cell is None:
        return ""
    if isinstance(cell, bool) or not isinstance(cell, str | int | float):
        raise collector.error(f"{cell!r} is neither text nor a number", where)
    return cell if isinstance(cell, str) else repr(cell)
