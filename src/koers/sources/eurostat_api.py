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

No Django here: `eurostat_shapes` reads the sources, `eurostat_import` stores a table.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from koers.sources import eurostat_live
from koers.sources.eurostat_formats import (
    Cell,
    describe,
    error,
)
from koers.sources.eurostat_live import LIVE, EurostatError, LiveApi
from koers.sources.eurostat_shapes import Shape, read_index, recorded_shape, response_shape
from koers.sources.series import (
    EUROSTAT_FLAGS,
    Location,
    decimal_value,
    normalise_flags,
    normalise_period,
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
        return _table(recorded_shape(path), options)
    code = str(source)
    if not eurostat_live.is_dataset_code(code):
        raise EurostatError(f"{code}: no such file or folder, and not a Eurostat dataset code")
    response = eurostat_live.fetch(
        code, options.filters, sdmx_key=sdmx_key, api=api, timeout=timeout
    )
    shape = response_shape(response.body, response.url, response.kind, code)
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
    recorded = read_index(folder).get("filters", {})
    if {name: sorted(codes) for name, codes in recorded.items()} != wanted:
        raise EurostatError(f"{folder}/index.json: recorded with filters {recorded}, not {wanted}")
    return open_table(folder, filters=wanted, measure_dimensions=measure_dimensions)


def indicator_code(table: StatTable, measure: Measure) -> str:
    """`eurostat-<dataset>-<measure>`, lower case: eurostat-nama_10r_3gdp-mio_eur."""
    return f"eurostat-{table.table_id.lower()}-{measure.code.lower()}"


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
    if shape.geo not in shape.names:
        raise EurostatError(
            f"{shape.origin}: no geography dimension {shape.geo!r}; it has {shape.names}"
        )
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
