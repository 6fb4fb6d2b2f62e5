"""Recorded CBS OData v3 responses (the API `cbsodata` reads), read into a StatTable.

v3 (`https://opendata.cbs.nl/ODataFeed/odata/<table>/...?$format=json`) answers with
`{"value": [...], "odata.nextLink": "<next page>"}`:

- `TableInfos`: one row with the table's `Identifier` and `Title`;
- `DataProperties`: the columns of the data set: dimensions (`Type` `Dimension`,
  `TimeDimension`, `GeoDimension`, `GeoDetail`, with their `Key`) and measures
  (`Type` `Topic`: `Key`, `Title`, `Unit`, `Datatype`, `ParentID` of its
  `TopicGroup`); a `String` topic holds text and is left out;
- one list per dimension (`/Perioden`, `/RegioS`, ...): `Key`, `Title`, and for
  periods `Status` (`Definitief`, `Voorlopig`, `Nader voorlopig`);
- `TypedDataSet` (numbers, null for an empty cell) or `UntypedDataSet` (text padded
  with spaces, `.` for an empty cell): one row per combination of dimension codes,
  one column per measure, codes padded to a fixed width (`PV30  `).

A recording may lack the metadata (the reference has only the data pages of
83599NED); the columns are then read by their names, as in a CSV export (`cbs_wide`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from koers.sources.cbs_codes import CbsError, CbsTable, Selection, Where
from koers.sources.cbs_recording import Manifest, read_json
from koers.sources.cbs_wide import (
    Record,
    WideLayout,
    WideReader,
    code_layout,
    dimensions,
    plain_region,
    scan,
)
from koers.sources.tables import Dimension, Measure

ROLES = {"TimeDimension": "time", "GeoDimension": "geo", "GeoDetail": "geo", "Dimension": "other"}
TEXT_TYPES = frozenset({"String"})
NEXT_LINK = "odata.nextLink"


@dataclass(frozen=True)
class _Properties:
    """What DataProperties says: the layout, the measures, the text measures, the titles."""

    layout: WideLayout
    measures: tuple[Measure, ...]
    text: tuple[str, ...]
    titles: Mapping[str, str]


def open_v3(manifest: Manifest, selection: Selection) -> CbsTable:
    """A v3 recording as a table; its pages are read when the values are asked for."""
    pages = _Pages(manifest)
    properties = _properties(manifest) if manifest.has("data-properties") else _inferred(pages)
    found = scan(pages.records(), properties.layout, plain_region)
    text = tuple(sorted({*properties.text, *found.text_measures()}))
    layout = replace(
        properties.layout,
        measures={c: m for c, m in properties.layout.measures.items() if c not in text},
    )
    table_dimensions = _labelled(dimensions(layout, found, properties.titles), manifest)
    measures = [m for m in properties.measures if m.code not in text]
    selection.check(manifest.where, measures, table_dimensions)
    reader = WideReader(layout, selection, statuses=_statuses(manifest, layout.time))
    return CbsTable(
        publisher="CBS",
        table_id=manifest.table_id,
        title=_title(manifest),
        reference=manifest.source,
        retrieved=manifest.retrieved,
        measures=tuple(m for m in measures if selection.wants_measure(m.code)),
        dimensions=table_dimensions,
        read_values=lambda: reader.values(pages.records()),
        left_out=text,
    )


@dataclass(frozen=True)
class _Pages:
    manifest: Manifest

    def records(self) -> Iterator[Record]:
        paths = self.manifest.page_paths()
        for number, path in enumerate(paths, 1):
            rows = _rows(read_json(path), str(path))
            if number == len(paths) and NEXT_LINK in rows:
                # A recording that stops while the API had more would import too little.
                raise CbsError(
                    str(path), "the API had a next page, the recording lists none", field=NEXT_LINK
                )
            for index, row in enumerate(rows["value"]):
                where = Where(str(path), record=f"value[{index}]")
                if not isinstance(row, dict):
                    raise where.error("expected a row object")
                yield row, where

    def first_row(self) -> tuple[Mapping[str, object], Where]:
        for row, where in self.records():
            return row, where
        raise CbsError(self.manifest.where, "the recorded data set has no rows", field="dataPages")


def _rows(data: object, where: str) -> dict[str, Any]:
    if not isinstance(data, dict) or not isinstance(data.get("value"), list):
        raise CbsError(where, "expected a list of rows under 'value'", field="value")
    return data


def _properties(manifest: Manifest) -> _Properties:
    rows = _list(manifest, "data-properties")
    groups = {row.get("ID"): row for row in rows if row.get("Type") == "TopicGroup"}
    dims = [row for row in rows if row.get("Type") in ROLES]
    topics = [row for row in rows if row.get("Type") == "Topic"]
    roles = {str(row["Key"]): ROLES[str(row["Type"])] for row in dims}
    time = next((key for key, role in roles.items() if role == "time"), None)
    if time is None:
        raise CbsError(str(manifest.path("data-properties")), "no TimeDimension", field="Type")
    layout = WideLayout(
        time=time,
        geo=next((key for key, role in roles.items() if role == "geo"), None),
        others=tuple(key for key, role in roles.items() if role == "other"),
        measures={str(row["Key"]): str(row["Key"]) for row in topics},
    )
    return _Properties(
        layout=layout,
        measures=tuple(_measure(row, groups) for row in topics),
        text=tuple(str(row["Key"]) for row in topics if row.get("Datatype") in TEXT_TYPES),
        titles={str(row["Key"]): str(row.get("Title") or row["Key"]) for row in dims},
    )


def _measure(row: Mapping[str, Any], groups: Mapping[object, Mapping[str, Any]]) -> Measure:
    # Topics repeat titles under different groups ("Totaal"): the group names it.
    path = [str(row.get("Title") or row["Key"])]
    parent = groups.get(row.get("ParentID"))
    while parent is not None and len(path) < len(groups) + 1:
        path.insert(0, str(parent.get("Title") or ""))
        parent = groups.get(parent.get("ParentID"))
    title = ": ".join(part for part in path if part)
    return Measure(
        str(row["Key"]),
        title,
        str(row.get("Unit") or "").strip(),
        str(row.get("Description") or ""),
    )


def _inferred(pages: _Pages) -> _Properties:
    row, where = pages.first_row()
    layout = code_layout(list(row), where)
    return _Properties(layout, tuple(Measure(c, c) for c in layout.measures), (), {})


def _list(manifest: Manifest, key: str) -> list[dict[str, Any]]:
    data, where = manifest.document(key)
    rows = data.get("value") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise CbsError(where, "expected a list under 'value'", field="value")
    for number, row in enumerate(rows):
        if not isinstance(row, dict) or not isinstance(row.get("Key", ""), str):
            raise CbsError(
                where, "expected an object with a text Key", record=f"value[{number}]", field="Key"
            )
    return rows


def _labelled(found: Sequence[Dimension], manifest: Manifest) -> tuple[Dimension, ...]:
    """The dimensions with the titles of their codes, where the recording has them."""
    labelled = []
    for dimension in found:
        key = f"codes-{dimension.code}"
        titles = (
            {str(r["Key"]).strip(): str(r.get("Title") or "") for r in _list(manifest, key)}
            if manifest.has(key)
            else {}
        )
        labels = {code: titles.get(code, label) for code, label in dimension.labels.items()}
        labelled.append(replace(dimension, labels=labels))
    return tuple(labelled)


def _statuses(manifest: Manifest, time: str) -> dict[str, str]:
    key = f"codes-{time}"
    if not manifest.has(key):
        return {}
    return {str(row["Key"]).strip(): str(row.get("Status") or "") for row in _list(manifest, key)}


def _title(manifest: Manifest) -> str:
    if not manifest.has("table-infos"):
        return manifest.table_id
    rows = _list(manifest, "table-infos")
    return str(rows[0].get("Title") or manifest.table_id) if rows else manifest.table_id
