"""Eurostat files read as single series, for the shipped dataset's history.yaml.

- `eurostat-tsv`: the bulk-download TSV (often gzip), a header such as
  `unit,geo\\time  2021  2020 ...`, cells like `42249.45 p` or `:`.
- `eurostat-sdmx-csv`: the data browser's SDMX-CSV "linear" export
  (`...,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG`).
- `eurostat-long-csv`: any one-row-per-observation CSV with a geography, a
  period and a value column (Nesta's EURITO files, Data Commons extracts).
- `eurostat-jsonstat`: a JSON-stat 2.0 response of the statistics API.

The files are parsed by `eurostat_formats`, the same parsers the Eurostat
connector uses; this module only narrows them to the series a spec names.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from koers.sources.eurostat_formats import (
    MISSING,
    Cell,
    CsvLayout,
    Wanted,
    csv_cells,
    jsonstat_cells,
    jsonstat_cube,
    tsv_cells,
)
from koers.sources.series import PointCollector, SeriesSpec, StatPoint, load_json

EUROSTAT_MISSING = MISSING


def read_tsv(path: Path, spec: SeriesSpec) -> list[StatPoint]:
    """Read a Eurostat bulk-download TSV (plain or gzip)."""
    geo = spec.column("geo", "geo")
    return _collect(path, spec, geo, tsv_cells(path, _wanted(spec, geo)))


def read_sdmx_csv(path: Path, spec: SeriesSpec) -> list[StatPoint]:
    """Read Eurostat's SDMX-CSV export (one observation a row, OBS_FLAG beside it)."""
    return _read_csv(path, spec, CsvLayout("TIME_PERIOD", "OBS_VALUE", flags=("OBS_FLAG",)), "geo")


def read_long_csv(path: Path, spec: SeriesSpec) -> list[StatPoint]:
    """Read a long CSV of Eurostat numbers; the value column defaults to the last one."""
    return _read_csv(path, spec, CsvLayout("year", ""), "region_id")


def read_jsonstat(path: Path, spec: SeriesSpec) -> list[StatPoint]:
    """Read a JSON-stat 2.0 dataset as Eurostat's statistics API returns it."""
    cube = jsonstat_cube(load_json(path), str(path))
    geo, time = spec.column("geo", "geo"), spec.column("period", "time")
    return _collect(path, spec, geo, jsonstat_cells(cube, time, _wanted(spec, geo)))


def _read_csv(
    path: Path, spec: SeriesSpec, defaults: CsvLayout, geo_default: str
) -> list[StatPoint]:
    geo = spec.column("geo", geo_default)
    layout = CsvLayout(
        period=spec.column("period", defaults.period),
        value=spec.column("value", defaults.value),
        keys=(geo, *spec.filters),
        flags=defaults.flags,
    )
    return _collect(path, spec, geo, csv_cells(path, layout, _wanted(spec, geo)))


def _wanted(spec: SeriesSpec, geo: str) -> Wanted:
    filters: Wanted = {name: {code} for name, code in spec.filters.items()}
    # {"*": "*"} keeps every geography (a feed that ranks them all): no narrowing on geo.
    return filters if "*" in spec.geographies else {geo: set(spec.geographies), **filters}


def _collect(path: Path, spec: SeriesSpec, geo: str, cells: Iterable[Cell]) -> list[StatPoint]:
    collector = PointCollector(path, spec, MISSING)
    for cell in cells:
        collector.add(
            cell.key[geo], cell.period, cell.value, cell.letters, cell.where, cell.period_field
        )
    return collector.sorted_points()
