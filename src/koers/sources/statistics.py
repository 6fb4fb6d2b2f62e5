"""Read Eurostat and CBS statistics files into plain `StatPoint` records.

The public entry point is `read_series(path, spec)`; a dataset lists its
file feeds in `history.yaml` under `feeds:`, which `load_file_feeds` turns
into `SeriesSpec`s. No Django import: the
importer that stores the points lives elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from koers.sources import cbs, eurostat, safe_yaml
from koers.sources.series import (
    FLAG_VOCABULARY,
    FORMATS,
    SPEC_KEYS,
    SeriesSource,
    SeriesSpec,
    SeriesSpecError,
    StatisticsFormatError,
    StatPoint,
)

__all__ = [
    "FLAG_VOCABULARY",
    "FORMATS",
    "SeriesSource",
    "SeriesSpec",
    "SeriesSpecError",
    "StatPoint",
    "StatisticsFormatError",
    "load_file_feeds",
    "read_series",
]

Reader = Callable[[Path, SeriesSpec], list[StatPoint]]

READERS: Mapping[str, Reader] = {
    "eurostat-tsv": eurostat.read_tsv,
    "eurostat-sdmx-csv": eurostat.read_sdmx_csv,
    "eurostat-long-csv": eurostat.read_long_csv,
    "eurostat-jsonstat": eurostat.read_jsonstat,
    "cbs-csv": cbs.read_csv,
    "cbs-odata-json": cbs.read_odata_json,
}


def read_series(path: Path, spec: SeriesSpec) -> list[StatPoint]:
    """Read the series `spec` describes from the file at `path`.

    Returns the points sorted by geography and period, with geography codes
    mapped to Koers codes and flags in Koers's vocabulary. Missing values are
    left out. Raises `StatisticsFormatError` (file, line or record, field)
    when the file does not read as `spec.format`.
    """
    reader = READERS.get(spec.format)
    if reader is None:
        raise StatisticsFormatError(path, f"no reader for format {spec.format!r}")
    try:
        return reader(path, spec)
    except UnicodeDecodeError as exc:
        raise StatisticsFormatError(path, f"not UTF-8 text ({exc.reason})") from None
    except (OSError, EOFError) as exc:
        # EOFError: a gzip file cut short.
        raise StatisticsFormatError(path, f"cannot read the file ({exc})") from None


def load_file_feeds(path: Path) -> list[SeriesSpec]:
    """The file feeds (`feeds:` entries with connector file) of a dataset YAML file."""
    data = safe_yaml.load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise SeriesSpecError(f"{path.name}: expected a mapping at the top level")
    entries = data.get("feeds", [])
    if not isinstance(entries, list):
        raise SeriesSpecError(f"{path.name}: feeds must be a list")
    return [
        SeriesSpec.from_mapping(
            {k: v for k, v in entry.items() if k in SPEC_KEYS}, f"{path.name}: feeds[{index}]"
        )
        for index, entry in enumerate(entries)
        if isinstance(entry, dict) and entry.get("connector", "file") == "file"
    ]
