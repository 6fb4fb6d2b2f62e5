"""Eurostat sources as `Shape`s: what a file, recording or response holds, before any choice.

A shape names the dataset, its geography and time dimensions, every other
dimension with the codes met, the series keys met, and a way to stream its
cells under filters. Opening one reads a bulk file's series keys once (not
its values); `eurostat_api` turns a shape into a `StatTable`. No Django here.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from koers.sources.eurostat_formats import (
    Cell,
    CsvLayout,
    CubeDimension,
    Wanted,
    csv_cells,
    csv_columns,
    csv_header,
    jsonstat_cells,
    jsonstat_cube,
    tsv_cells,
    tsv_header,
    tsv_rows,
    wants,
)
from koers.sources.eurostat_live import EurostatError
from koers.sources.eurostat_sdmx import TIME as SDMX_TIME
from koers.sources.eurostat_sdmx import SdmxData, read_sdmx_ml
from koers.sources.series import load_json, open_text

# One-row-a-value CSVs Koers knows, tried in order: the first whose geography and
# period columns the header has is used.
SDMX_CSV_ATTRIBUTES = frozenset(
    {"DATAFLOW", "LAST UPDATE", "STRUCTURE", "STRUCTURE_ID", "ACTION", "CONF_STATUS"}
)


@dataclass(frozen=True)
class CsvKind:
    geo: str
    layout: CsvLayout


CSV_KINDS = (
    # Eurostat's SDMX-CSV (data browser "linear" export, SDMX API format=SDMX-CSV)
    CsvKind(
        "geo",
        CsvLayout(
            "TIME_PERIOD",
            "OBS_VALUE",
            flags=("OBS_FLAG", "OBS_STATUS"),
            skip=SDMX_CSV_ATTRIBUTES | {"OBS_STATUS"},
        ),
    ),
    # a JSON-stat response flattened to one row a value (FIMPlank's extracts)
    CsvKind("geo", CsvLayout("time", "value")),
    # Nesta's EURITO files: NUTS attributes beside the code, the value column named
    # after the indicator
    CsvKind(
        "region_id",
        CsvLayout("year", "", skip=frozenset({"region_type", "region_year_spec", "region_level"})),
    ),
)


@dataclass(frozen=True)
class Shape:
    """What a source holds before filters and measures are chosen."""

    origin: str  # the file or URL, for messages
    dataset: str
    title: str
    geo: str
    time: str
    dimensions: tuple[CubeDimension, ...]  # every dimension but time, with the codes seen
    periods: tuple[str, ...]
    series: frozenset[tuple[str, ...]]  # the keys seen, geography left out, in dimension order
    value_column: str  # the measure of a table without measure dimensions
    cells: Callable[[Wanted], Iterator[Cell]] = field(repr=False)
    reference: str = ""
    retrieved: dt.date | None = None

    @property
    def names(self) -> list[str]:
        return [dimension.name for dimension in self.dimensions]

    @property
    def key_names(self) -> list[str]:
        return [name for name in self.names if name != self.geo]


def recorded_shape(path: Path) -> Shape:
    if path.is_dir():
        return _folder_shape(path)
    kind = _sniff(path)
    return SHAPERS[kind](path)


def _folder_shape(folder: Path) -> Shape:
    index = read_index(folder)
    files = index.get("files")
    if not isinstance(files, list) or len(files) != 1 or not isinstance(files[0], dict):
        raise EurostatError(f"{folder}/index.json: 'files' must list the one recorded response")
    name = str(files[0].get("path", ""))
    data = folder / name
    if not name or Path(name).is_absolute() or ".." in Path(name).parts or not data.is_file():
        raise EurostatError(f"{folder}/index.json: files[0].path {name!r} is not a file beside it")
    shape = SHAPERS[_sniff(data)](data)
    return replace(
        shape,
        dataset=str(index.get("datasetId") or shape.dataset),
        reference=str(index.get("source") or shape.reference),
        retrieved=_date(index.get("retrieved"), folder),
    )


def read_index(folder: Path) -> dict[str, Any]:
    path = folder / "index.json"
    if not path.is_file():
        raise EurostatError(f"{folder}: not a recording (no index.json)")
    return load_json(path)


def _date(value: object, folder: Path) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise EurostatError(f"{folder}/index.json: retrieved {value!r} is not a date") from None


def _sniff(path: Path) -> str:
    with open_text(path) as handle:
        first = handle.readline(4096)
    stripped = first.lstrip()
    if stripped.startswith("{"):
        return "jsonstat"
    if stripped.startswith("<"):
        return "sdmx"
    return "tsv" if "\t" in first and "\\" in first.split("\t", 1)[0] else "csv"


def response_shape(body: bytes, url: str, kind: str, dataset: str) -> Shape:
    if kind == "sdmx":
        return _sdmx_shape(read_sdmx_ml(body, url), dataset)
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise EurostatError(f"{url}: the answer is not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise EurostatError(f"{url}: the answer is not a JSON-stat dataset")
    return _cube_shape(data, url, dataset)


def _jsonstat_file_shape(path: Path) -> Shape:
    return _cube_shape(load_json(path), str(path), dataset=_stem(path))


def _cube_shape(data: Mapping[str, Any], origin: str, dataset: str) -> Shape:
    cube = jsonstat_cube(data, origin)
    time = "time" if "time" in cube.names else cube.names[-1]
    dimensions = tuple(d for d in cube.dimensions if d.name != time)
    scan = _Scan([d.name for d in dimensions], "geo")
    for cell in jsonstat_cells(cube, time, {}):
        scan.add(cell)
    periods = next(d.codes for d in cube.dimensions if d.name == time)
    return Shape(
        origin=origin,
        dataset=(cube.dataset or dataset).lower(),
        title=cube.label or cube.dataset or dataset,
        geo="geo",
        time=time,
        dimensions=dimensions,
        periods=periods,
        series=frozenset(scan.series),
        value_column=cube.dataset.lower() or dataset,
        cells=lambda wanted: jsonstat_cells(cube, time, wanted),
    )


def _tsv_shape(path: Path) -> Shape:
    header = tsv_header(path)
    scan = _Scan(list(header.dimensions), "geo")
    for row in tsv_rows(path, {}):
        scan.add_key(row.key)
    return _scanned_shape(
        str(path),
        _stem(path),
        scan,
        geo="geo",
        time=header.time,
        periods=header.periods,
        cells=lambda wanted: tsv_cells(path, wanted),
    )


def _csv_shape(path: Path) -> Shape:
    header = csv_header(path)
    kind = next(
        (k for k in CSV_KINDS if k.geo in header and k.layout.period in header), CSV_KINDS[-1]
    )
    columns = csv_columns(path, header, kind.layout, {})
    scan = _Scan([name for name, _ in columns.keys], kind.geo)
    for cell in csv_cells(path, kind.layout, {}):
        scan.add(cell)
    shape = _scanned_shape(
        str(path),
        _dataflow(path) or _stem(path),
        scan,
        geo=kind.geo,
        time=kind.layout.period,
        periods=tuple(scan.periods),
        cells=lambda wanted: csv_cells(path, kind.layout, wanted),
    )
    return replace(shape, value_column=columns.value_name)


def _dataflow(path: Path) -> str:
    # SDMX-CSV names its flow on every row: "ESTAT:NAMA_10R_3GDP(1.0)".
    with open_text(path) as handle:
        row = next(csv.DictReader(handle), None) or {}
    match = re.match(r"^(?:[^:]+:)?([A-Za-z0-9_$]+)", row.get("DATAFLOW") or "")
    return match.group(1).lower() if match else ""


def _sdmx_file_shape(path: Path) -> Shape:
    return _sdmx_shape(read_sdmx_ml(path, str(path)), _stem(path))


def _sdmx_shape(data: SdmxData, dataset: str) -> Shape:
    scan = _Scan(list(data.dimensions), "geo")
    for cell in data.cells:
        scan.add(cell)
    return _scanned_shape(
        data.origin,
        (data.dataset or dataset).lower(),
        scan,
        geo="geo",
        time=SDMX_TIME,
        periods=tuple(scan.periods),
        cells=lambda wanted: (cell for cell in data.cells if wants(cell.key, wanted)),
    )


def _scanned_shape(
    origin: str,
    dataset: str,
    scan: _Scan,
    *,
    geo: str,
    time: str,
    periods: Sequence[str],
    cells: Callable[[Wanted], Iterator[Cell]],
) -> Shape:
    return Shape(
        origin=origin,
        dataset=dataset,
        title=dataset,
        geo=geo,
        time=time,
        dimensions=scan.dimensions(),
        periods=tuple(periods),
        series=frozenset(scan.series),
        value_column=dataset,
        cells=cells,
    )


def _stem(path: Path) -> str:
    # nama_10r_3gdp.tsv.gz -> nama_10r_3gdp
    return path.name.split(".", 1)[0].lower()


SHAPERS: Mapping[str, Callable[[Path], Shape]] = {
    "jsonstat": _jsonstat_file_shape,
    "sdmx": _sdmx_file_shape,
    "tsv": _tsv_shape,
    "csv": _csv_shape,
}


class _Scan:
    """The codes of each dimension, the periods and the series keys a pass over a source met."""

    def __init__(self, names: list[str], geo: str) -> None:
        self.names = names
        self.key_names = [name for name in names if name != geo]
        self.codes: dict[str, dict[str, None]] = {name: {} for name in names}
        self.periods: dict[str, None] = {}
        self.series: set[tuple[str, ...]] = set()

    def add(self, cell: Cell) -> None:
        self.add_key(cell.key)
        self.periods[cell.period] = None

    def add_key(self, key: Mapping[str, str]) -> None:
        for name in self.names:
            self.codes[name][key[name]] = None
        self.series.add(tuple(key[name] for name in self.key_names))

    def dimensions(self) -> tuple[CubeDimension, ...]:
        return tuple(
            CubeDimension(name, name, tuple(codes), {code: code for code in codes})
            for name, codes in self.codes.items()
        )
