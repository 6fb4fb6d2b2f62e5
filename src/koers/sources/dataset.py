"""Load a dataset folder of YAML files (see datasets/brainport/FORMAT.md).

The YAML is turned into the rows of Koers's JSON format and handed to the same
atomic importer as `koers import json`, so a dataset obeys exactly the rules of
any other import. Structural mistakes are reported here, naming the file and
the entry; value mistakes are reported by the importer with the same names.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from koers.sources import safe_yaml
from koers.sources.dataset_schema import ENTRY_KEYS, check_keys
from koers.sources.jsonio import import_sections

DATASETS_DIR = Path(__file__).resolve().parents[1] / "datasets"
BRAINPORT = DATASETS_DIR / "brainport"


class DatasetError(ValueError):
    """A dataset file that cannot be loaded; the message names the file and the entry."""


class Rows:
    """Rows per entity, each with the place in the dataset it came from."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.origins: dict[str, list[str]] = {}
        self.defined: dict[tuple[str, str], str] = {}

    def add(self, entity: str, row: dict[str, Any], where: str) -> None:
        if entity == "observations":
            self._once_per_period(row, where)
        key = row.get("code")
        if isinstance(key, str):
            scoped = (entity, f"{row['agenda']}/{key}" if entity in {"items", "levels"} else key)
            if scoped in self.defined:
                raise DatasetError(
                    f"{where}: {entity} code {key!r} is already defined in {self.defined[scoped]}"
                )
            self.defined[scoped] = where
        self.rows.setdefault(entity, []).append(row)
        self.origins.setdefault(entity, []).append(where)

    def _once_per_period(self, row: dict[str, Any], where: str) -> None:
        # A second value for the same period would silently read as a revision of the first.
        key = (
            "observation",
            "/".join(str(row[k]) for k in ("indicator", "geography", "series", "period")),
        )
        if key in self.defined:
            raise DatasetError(
                f"{where}: {row['indicator']} for {row['geography']} {row['period']} "
                f"is already given in {self.defined[key]}"
            )
        self.defined[key] = where


def fingerprint(folder: Path = BRAINPORT) -> str:
    """A hash of the dataset's files, to tell whether a database holds this version."""
    digest = hashlib.sha256()
    for path in sorted(_files(folder)):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _files(folder: Path) -> Iterator[Path]:
    yield from sorted(folder.glob("*.yaml"))


def read_dataset(folder: Path = BRAINPORT) -> Rows:
    """Parse and structurally check every YAML file of the dataset into import rows."""
    from koers.sources.dataset_rows import RowBuilder

    builder = RowBuilder(Rows(), folder)
    for path in _files(folder):
        builder.add_file(path.name, _parse(path))
    return builder.rows


def load_dataset(folder: Path = BRAINPORT) -> dict[str, int]:
    """Load the dataset into the database in one transaction; returns rows per entity.

    The dataset's feeds are refreshed from the files under its `reference/`
    folder in the same transaction, and the region sums and ratios derived.
    """
    from koers.sources.feeds import FeedError, refresh_feeds

    rows = read_dataset(folder)
    with transaction.atomic():
        counts = import_sections(rows.rows, origin=str(folder), row_origins=rows.origins)
        names = [row["name"] for row in rows.rows.get("feeds", [])]
        if names:
            try:
                refreshed = refresh_feeds(names, offline=folder / "reference", strict=True)
            except FeedError as exc:
                raise DatasetError(f"{folder.name}: {exc}") from None
            stored = sum(o.stored.written for o in refreshed.outcomes)
            counts["observations"] += stored + refreshed.derived.stored.written
    return counts


def _parse(path: Path) -> dict[str, Any]:
    try:
        data = safe_yaml.load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DatasetError(f"{path.name}: not valid YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DatasetError(f"{path.name}: the file must hold a mapping of sections")
    unknown = set(data) - set(ENTRY_KEYS) - {"agendas", "links", "governance", "feeds"}
    if unknown:
        raise DatasetError(f"{path.name}: unknown section {sorted(unknown)[0]!r}")
    for section, entries in data.items():
        shape = dict if section == "governance" else list
        if entries is not None and not isinstance(entries, shape):
            kind = "a mapping" if shape is dict else "a list of entries"
            raise DatasetError(f"{path.name}: section {section!r} must be {kind}")
    return data


def as_date(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


__all__ = ["BRAINPORT", "DatasetError", "check_keys", "fingerprint", "load_dataset", "read_dataset"]
