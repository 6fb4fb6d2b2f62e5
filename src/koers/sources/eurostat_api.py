"""The Eurostat connector: a dataset, live or recorded, as a `StatTable`.

    open_table(source, *, filters=None, measure_dimensions=None, dataset=None,
               sdmx_key=None, api=LIVE, timeout=60.0) -> StatTable

`source` is either
- a dataset code (`nama_10r_3gdp`): the table is fetched live from the
  statistics API as JSON-stat 2.0 with `filters` as query parameters
  (`?geo=NL41&geo=NL414&unit=MIO_EUR`), or from the SDMX 2.1 API when
  `sdmx_key` is given (`.../data/nama_10r_3gdp/A.MIO_EUR.NL41+NL414`);
- a recording folder written by `record_table` (`koers record eurostat`):
  an `index.json` (`datasetId`, `source` URL, `retrieved`, `filters`,
  `files`) and the response exactly as Eurostat sent it;
- a single file: JSON-stat, SDMX-ML, a bulk TSV (old style or SDMX-TSV,
  plain or gzip) or a one-row-a-value CSV (Eurostat's SDMX-CSV, Nesta's long
  CSVs, a JSON-stat response flattened to `...,geo,time,value`).

Bulk TSV and CSV files are streamed: `values()` reads the file row by row
each time it is called, and opening the table reads only the series keys.

What is measured: by default each code of the `unit` dimension is a measure
(`MIO_EUR`); `measure_dimensions=("na_item", "unit")` makes each combination
one (`B1GQ.CP_MEUR`). A table without the measure dimensions (Nesta's files
have no unit column) has one measure, named after its value column. Every
other dimension but geography, time and `freq` (which the period label
already says: "2019", "2019-Q3", "2019-06") is kept on each value. Filters
narrow any dimension, time included; a dimension or code the table does not
have is refused (`EurostatError`) before any value is read.

Feeds (one dataset + filters -> one Koers series, refreshed now and then)
use `open_feed_table(dataset, filters=..., offline=DIR)`: live by default,
and with `offline` the recording `DIR / recording_name(dataset, filters)`
that `record_table(dataset, DIR / recording_name(...), filters=...)` wrote,
so `koers feeds refresh --offline DIR` replays recorded responses and reads
exactly the values a live refresh would have read.

No Django here; `eurostat_import` stores a table.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from koers.sources import eurostat_live
from koers.sources.eurostat_formats import (
    Cell,
    CsvLayout,
    CubeDimension,
    Wanted,
    csv_cells,
    csv_columns,
    csv_header,
    describe,
    error,
    jsonstat_cells,
    jsonstat_cube,
    tsv_cells,
    tsv_header,
    tsv_rows,
    wants,
)
from koers.sources.eurostat_live import LIVE, EurostatError, LiveApi
from koers.sources.eurostat_sdmx import TIME as SDMX_TIME
from koers.sources.eurostat_sdmx import SdmxData, read_sdmx_ml
from koers.sources.series import (
    EUROSTAT_FLAGS,
    Location,
    decimal_value,
    load_json,
    normalise_flags,
    normalise_period,
    open_text,
)
from koers.sources.tables import Dimension, Measure, StatTable, TableValue

__all__ = [
    "LIVE",
    "EurostatError",
    "LiveApi",
    "indicator_code",
    "open_feed_table",
    "open_table",
    "record_table",
    "recording_name",
]

PUBLISHER = "Eurostat"
DEFAULT_MEASURES = ("unit",)
# The period label already says the frequency; a freq dimension adds nothing.
FOLDED = frozenset({"freq"})
Filters = Mapping[str, Collection[str]]

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


@dataclass(frozen=True)
class Options:
    filters: Filters
    measure_dimensions: Sequence[str] | None
    dataset: str | None


# --- the entry points -----------------------------------------------------------


def open_table(
    source: str | Path,
    *,
    filters: Filters | None = None,
    measure_dimensions: Sequence[str] | None = None,
    dataset: str | None = None,
    sdmx_key: str | None = None,
    api: LiveApi = LIVE,
    timeout: float = 60.0,
) -> StatTable:
    """A Eurostat table from a dataset code (live), a recording folder or a file."""
    options = Options(dict(filters or {}), measure_dimensions, dataset)
    path = Path(source)
    if path.exists():
        return _table(_recorded_shape(path), options)
    code = str(source)
    if not eurostat_live.is_dataset_code(code):
        raise EurostatError(f"{code}: no such file or folder, and not a Eurostat dataset code")
    response = eurostat_live.fetch(
        code, options.filters, sdmx_key=sdmx_key, api=api, timeout=timeout
    )
    shape = _response_shape(response.body, response.url, response.kind, code)
    return _table(replace(shape, reference=response.url, retrieved=dt.date.today()), options)


def record_table(
    dataset: str,
    folder: Path,
    *,
    filters: Filters | None = None,
    sdmx_key: str | None = None,
    api: LiveApi = LIVE,
    timeout: float = 60.0,
) -> Path:
    """Fetch a table live and write the response, as sent, with an index.json; the folder."""
    return eurostat_live.record(
        dataset, folder, dict(filters or {}), sdmx_key=sdmx_key, api=api, timeout=timeout
    )


def recording_name(dataset: str, filters: Filters | None = None) -> str:
    """The folder name a feed's recording has: the dataset and its filters, sorted."""
    parts = [dataset.lower()]
    for name, codes in sorted((filters or {}).items()):
        parts.append(f"{name}-{'+'.join(sorted(codes))}")
    return re.sub(r"[^A-Za-z0-9_.+-]", "_", "__".join(parts))


def open_feed_table(
    dataset: str,
    *,
    filters: Filters | None = None,
    offline: Path | None = None,
    measure_dimensions: Sequence[str] | None = None,
    api: LiveApi = LIVE,
    timeout: float = 60.0,
) -> StatTable:
    """A feed's table: live, or from its recording under `offline` (made with the same filters)."""
    wanted = {name: sorted(codes) for name, codes in (filters or {}).items()}
    if offline is None:
        return open_table(
            dataset, filters=wanted, measure_dimensions=measure_dimensions, api=api, timeout=timeout
        )
    folder = offline / recording_name(dataset, wanted)
    if not (folder / "index.json").is_file():
        raise EurostatError(f"{folder}: no recording of {dataset} with filters {wanted}")
    recorded = _index(folder).get("filters", {})
    if {name: sorted(codes) for name, codes in recorded.items()} != wanted:
        raise EurostatError(f"{folder}/index.json: recorded with filters {recorded}, not {wanted}")
    return open_table(folder, filters=wanted, measure_dimensions=measure_dimensions)


def indicator_code(table: StatTable, measure: Measure) -> str:
    """`eurostat-<dataset>-<measure>`, lower case: eurostat-nama_10r_3gdp-mio_eur."""
    return f"eurostat-{table.table_id.lower()}-{measure.code.lower()}"


# --- sources to shapes -------------------------------------------------------------


def _recorded_shape(path: Path) -> Shape:
    if path.is_dir():
        return _folder_shape(path)
    kind = _sniff(path)
    return SHAPERS[kind](path)


def _folder_shape(folder: Path) -> Shape:
    index = _index(folder)
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


def _index(folder: Path) -> dict[str, Any]:
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


def _response_shape(body: bytes, url: str, kind: str, dataset: str) -> Shape:
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


# --- shapes to tables ----------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """How a shape's cells become values: which dimensions measure, which are kept."""

    shape: Shape
    measures: tuple[str, ...]  # measure dimensions, in the order asked
    kept: tuple[str, ...]  # observation dimensions
    filters: Filters


def _table(shape: Shape, options: Options) -> StatTable:
    _check_filters(shape, options.filters)
    shape = replace(shape, dataset=(options.dataset or shape.dataset).lower())
    plan = _plan(shape, options)
    return StatTable(
        publisher=PUBLISHER,
        table_id=shape.dataset,
        title=shape.title,
        reference=shape.reference or shape.origin,
        retrieved=shape.retrieved,
        measures=_measures(plan),
        dimensions=_dimensions(shape),
        read_values=lambda: _values(plan),
    )


def _check_filters(shape: Shape, filters: Filters) -> None:
    known = {d.name: d.codes for d in shape.dimensions} | {shape.time: shape.periods}
    for name, codes in filters.items():
        if name not in known:
            raise EurostatError(f"{shape.origin}: no dimension {name!r}; it has {sorted(known)}")
        missing = sorted(set(codes) - set(known[name]))
        if missing:
            have = ", ".join(known[name][:12]) + (" ..." if len(known[name]) > 12 else "")
            raise EurostatError(
                f"{shape.origin}: dimension {name} has no code {missing[0]!r}; it has {have}"
            )


def _plan(shape: Shape, options: Options) -> Plan:
    names = shape.key_names
    asked = options.measure_dimensions
    if asked is not None:
        absent = [name for name in asked if name not in names]
        if absent:
            raise EurostatError(
                f"{shape.origin}: no dimension {absent[0]!r} to measure by; it has {names}"
            )
    measures = tuple(asked if asked is not None else [n for n in DEFAULT_MEASURES if n in names])
    kept = tuple(n for n in names if n not in measures and n not in FOLDED)
    return Plan(shape, measures, kept, options.filters)


def _measures(plan: Plan) -> tuple[Measure, ...]:
    shape = plan.shape
    if not plan.measures:
        return (Measure(shape.value_column or shape.dataset, shape.title),)
    labels = {d.name: d.labels for d in shape.dimensions}
    positions = [shape.key_names.index(name) for name in plan.measures]
    combos = sorted({tuple(key[p] for p in positions) for key in _series(plan)})
    return tuple(
        _measure(plan, dict(zip(plan.measures, combo, strict=True)), labels) for combo in combos
    )


def _series(plan: Plan) -> Iterator[tuple[str, ...]]:
    names = plan.shape.key_names
    for key in plan.shape.series:
        if all(key[names.index(n)] in codes for n, codes in plan.filters.items() if n in names):
            yield key


def _measure(
    plan: Plan, codes: Mapping[str, str], labels: Mapping[str, Mapping[str, str]]
) -> Measure:
    words = [labels[name].get(code, code) for name, code in codes.items()]
    unit = labels["unit"].get(codes["unit"], codes["unit"]) if "unit" in codes else ""
    return Measure(
        code=".".join(codes.values()),
        title=f"{plan.shape.title}: {', '.join(words)}",
        unit=unit,
    )


def _dimensions(shape: Shape) -> tuple[Dimension, ...]:
    others = tuple(
        Dimension(d.name, d.title, "geo" if d.name == shape.geo else "other", d.labels)
        for d in shape.dimensions
    )
    time = Dimension(shape.time, shape.time, "time", {p: p for p in shape.periods})
    return (*others, time)


def _values(plan: Plan) -> Iterator[TableValue]:
    shape = plan.shape
    periods = plan.filters.get(shape.time)
    wanted = {name: codes for name, codes in plan.filters.items() if name != shape.time}
    for cell in shape.cells(wanted):
        if periods is None or cell.period in periods:
            yield _table_value(plan, cell)


def _table_value(plan: Plan, cell: Cell) -> TableValue:
    shape = plan.shape
    try:
        period = normalise_period(cell.period)
    except ValueError as exc:
        at = Location(cell.where.line, cell.period_field or cell.where.field, cell.where.record)
        raise error(shape.origin, str(exc), at) from None
    try:
        value = float(decimal_value(cell.value))
    except ValueError as exc:
        raise error(shape.origin, str(exc), cell.where) from None
    measure = ".".join(cell.key[name] for name in plan.measures) or (
        shape.value_column or shape.dataset
    )
    return TableValue(
        measure=measure,
        geography=cell.key[shape.geo],
        period=period,
        value=value,
        dimensions={name: cell.key[name] for name in plan.kept},
        flags=normalise_flags(cell.letters, EUROSTAT_FLAGS),
        status=cell.status,
        where=describe(shape.origin, cell.where),
    )
