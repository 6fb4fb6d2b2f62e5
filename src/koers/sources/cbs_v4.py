"""CBS OData v4 tables (`https://datasets.cbs.nl/odata/v1/CBS/<table>`), read into a StatTable.

What the API returns, and what this module relies on (see `cbs_odata` for the sources):

- `Properties`, a single object: `Identifier`, `Title`, `Modified`, `ObservationCount`...
- `Dimensions`: `{"value": [{"Identifier": "RegioS", "Title": "Regio's", "Kind":
  "GeoDimension"}, ...]}`; `Kind` is `TimeDimension`, `GeoDimension` or `Dimension`.
  Some tables publish their regions as a plain `Dimension` named `RegioS`; a table
  without a `GeoDimension` takes that one as its regions.
- `MeasureCodes`: `{"value": [{"Identifier": "M001534", "Title": ..., "Unit": "aantal",
  "Decimals": 0, "DataType": "Long", ...}]}`; a `String` measure holds text and is left
  out (Koers keeps numbers).
- `<Dimension>Codes` for every dimension: `Identifier`, `Title`; `PeriodenCodes` also
  `Status` (`Definitief`, `Voorlopig`, `Nader voorlopig`), which flags every value of
  the period.
- `Observations`, in pages of `{"value": [...], "@odata.nextLink": "<next page>"}`:
  one cell per row, `{"Id": 0, "Measure": "M001534", "ValueAttribute": "None",
  "Value": 399.0, "StringValue": null, "RegioS": "GM0772", "Perioden": "2015JJ00"}`.
  Empty cells are left out by the API unless they carry a `ValueAttribute` (such as
  `Impossible`); a row without a `Value` is such a cell and adds nothing. A
  `ValueAttribute` other than `None` is kept in the value's status.

A table without a region dimension describes the Netherlands (`NL01`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from koers.sources.cbs_codes import (
    NATIONAL,
    CbsError,
    CbsPeriod,
    CbsTable,
    Selection,
    Where,
    read_period,
    status_flags,
)
from koers.sources.cbs_recording import Manifest, read_json
from koers.sources.tables import Dimension, Measure, TableValue

Page = tuple[object, str]  # a parsed page and where it came from (file or URL)
ROLES = {"TimeDimension": "time", "GeoDimension": "geo", "GeoDetailDimension": "geo"}
NO_ATTRIBUTE = "None"
TEXT_TYPES = frozenset({"String", "Text"})


def codes_key(dimension: str) -> str:
    """The manifest key of a dimension's codes (the `<Dimension>Codes` endpoint)."""
    return f"codes-{dimension}"


class V4Source(Protocol):
    """Where a v4 table's responses come from: the live API or a recording."""

    def document(self, key: str) -> tuple[object, str]: ...

    def pages(self, selection: Selection) -> Iterator[Page]: ...


@dataclass(frozen=True)
class RecordedV4:
    """A folder of recorded v4 responses (`cbs_recording`)."""

    manifest: Manifest

    def document(self, key: str) -> tuple[object, str]:
        return self.manifest.document(key)

    def pages(self, selection: Selection) -> Iterator[Page]:
        paths = self.manifest.page_paths()
        for number, path in enumerate(paths, 1):
            data = read_json(path)
            if number == len(paths) and isinstance(data, dict) and "@odata.nextLink" in data:
                # A recording that stops while the API had more would import too little.
                raise CbsError(
                    str(path),
                    "the API had a next page, the recording lists none",
                    field="@odata.nextLink",
                )
            yield data, str(path)


@dataclass(frozen=True)
class V4Layout:
    """How to read an observation: the dimensions' roles, codes and period statuses."""

    time: str
    geo: str | None
    others: tuple[str, ...]
    codes: Mapping[str, frozenset[str]]
    measures: frozenset[str]
    text: frozenset[str]
    statuses: Mapping[str, str]


def open_v4(
    source: V4Source,
    selection: Selection,
    *,
    table_id: str,
    reference: str,
    retrieved: dt.date | None,
) -> CbsTable:
    """The table's metadata now, its values page by page when asked for."""
    properties, where = source.document("properties")
    if not isinstance(properties, dict):
        raise CbsError(where, "expected the Properties object")
    dimensions, statuses = _dimensions(source)
    measures, text = _measures(source)
    selection.check(str(reference), measures, dimensions)
    layout = _layout(dimensions, measures, text, statuses)
    return CbsTable(
        publisher="CBS",
        table_id=table_id,
        title=str(properties.get("Title") or table_id),
        reference=reference,
        retrieved=retrieved,
        measures=tuple(m for m in measures if selection.wants_measure(m.code)),
        dimensions=dimensions,
        read_values=lambda: _values(source.pages(selection), layout, selection),
        left_out=tuple(sorted(text)),
    )


def _dimensions(source: V4Source) -> tuple[tuple[Dimension, ...], dict[str, str]]:
    """The dimensions with their codes' titles, and the status of each period."""
    rows, where = _entity_set(source, "dimensions")
    roles = {row["Identifier"]: ROLES.get(str(row.get("Kind", "")), "other") for row in rows}
    if "geo" not in roles.values() and roles.get("RegioS") == "other":
        roles["RegioS"] = "geo"  # a table that publishes its regions as a plain dimension
    found, statuses = [], {}
    for row in rows:
        name = row["Identifier"]
        codes, _ = _entity_set(source, codes_key(name))
        labels = {code["Identifier"]: str(code.get("Title") or "") for code in codes}
        found.append(Dimension(name, str(row.get("Title") or name), roles[name], labels))
        if roles[name] == "time":
            statuses = {code["Identifier"]: str(code.get("Status") or "") for code in codes}
    if not any(d.role == "time" for d in found):
        raise CbsError(where, "the table has no TimeDimension", field="Kind")
    return tuple(found), statuses


def _measures(source: V4Source) -> tuple[list[Measure], set[str]]:
    rows, _ = _entity_set(source, "measure-codes")
    text = {row["Identifier"] for row in rows if row.get("DataType") in TEXT_TYPES}
    measures = [
        Measure(
            row["Identifier"],
            str(row.get("Title") or row["Identifier"]),
            str(row.get("Unit") or ""),
            str(row.get("Description") or ""),
        )
        for row in rows
        if row["Identifier"] not in text
    ]
    return measures, text


def _layout(
    dimensions: Sequence[Dimension],
    measures: Sequence[Measure],
    text: set[str],
    statuses: Mapping[str, str],
) -> V4Layout:
    return V4Layout(
        time=next(d.code for d in dimensions if d.role == "time"),
        geo=next((d.code for d in dimensions if d.role == "geo"), None),
        others=tuple(d.code for d in dimensions if d.role == "other"),
        codes={d.code: frozenset(d.labels) for d in dimensions},
        measures=frozenset(m.code for m in measures),
        text=frozenset(text),
        statuses=statuses,
    )


def _entity_set(source: V4Source, key: str) -> tuple[list[dict[str, Any]], str]:
    """An entity set's rows, each with a text `Identifier`."""
    data, where = source.document(key)
    rows = data.get("value") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise CbsError(where, "expected a list under 'value'", field="value")
    for number, row in enumerate(rows):
        if not isinstance(row, dict) or not isinstance(row.get("Identifier"), str):
            raise CbsError(
                where,
                "expected an object with a text Identifier",
                record=f"value[{number}]",
                field="Identifier",
            )
    return rows, where


def _values(pages: Iterator[Page], layout: V4Layout, selection: Selection) -> Iterator[TableValue]:
    for data, source in pages:
        rows = data.get("value") if isinstance(data, dict) else None
        if not isinstance(rows, list):
            raise CbsError(source, "expected a list of observations under 'value'", field="value")
        for number, row in enumerate(rows):
            value = _observation(row, layout, selection, Where(source, record=f"value[{number}]"))
            if value is not None:
                yield value


def _observation(
    row: object, layout: V4Layout, selection: Selection, where: Where
) -> TableValue | None:
    if not isinstance(row, dict):
        raise where.error("expected an observation object")
    measure = _measure(row, layout, where)
    codes = {name: _code(row, name, layout, where) for name in layout.codes}
    if measure is None or not selection.wants_measure(measure) or not selection.wants(codes):
        return None
    number = _number(row.get("Value"), where)
    if number is None:
        return None  # an empty cell with a reason (ValueAttribute), or text
    period = _period(codes[layout.time], layout.time, where)
    status = layout.statuses.get(period.code, "")
    attribute = row.get("ValueAttribute")
    extra = attribute if isinstance(attribute, str) and attribute != NO_ATTRIBUTE else ""
    return TableValue(
        measure=measure,
        geography=codes[layout.geo] if layout.geo else NATIONAL,
        period=period.label,
        value=number,
        dimensions={name: codes[name] for name in layout.others},
        flags=status_flags(status),
        status=", ".join(part for part in (status, extra) if part),
        where=str(where),
    )


def _measure(row: Mapping[str, object], layout: V4Layout, where: Where) -> str | None:
    measure = row.get("Measure")
    if not isinstance(measure, str):
        raise where.error("expected a measure code", "Measure")
    if measure in layout.text:
        return None
    if measure not in layout.measures:
        raise where.error(f"{measure!r} is not in MeasureCodes", "Measure")
    return measure


def _code(row: Mapping[str, object], name: str, layout: V4Layout, where: Where) -> str:
    code = row.get(name)
    if not isinstance(code, str):
        raise where.error("expected a code", name)
    if code not in layout.codes[name]:
        raise where.error(f"{code!r} is not in {name}Codes", name)
    return code


def _number(value: object, where: Where) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise where.error(f"{value!r} is not a number", "Value")
    return float(value)


def _period(code: str, name: str, where: Where) -> CbsPeriod:
    try:
        return read_period(code)
    except ValueError as exc:
        raise where.error(str(exc), name) from None
