"""The sources app's public API: the shipped dataset, JSON export and import, statistics."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps as django_apps
from django.db import transaction
from django.db.models import Count, Max, Model

from koers.accounts.service import recorded_import
from koers.sources import jsonio, opensdg_io
from koers.sources.cbs_codes import CbsError, CbsTable
from koers.sources.cbs_codes import Selection as CbsSelection
from koers.sources.cbs_import import import_cbs
from koers.sources.cbs_odata import open_feed_table as open_cbs_feed_table
from koers.sources.cbs_odata import open_table as open_cbs_table
from koers.sources.cbs_odata import record_table as record_cbs_table
from koers.sources.data_version import data_version
from koers.sources.dataset import BRAINPORT, fingerprint, load_dataset
from koers.sources.entities import ENTITIES
from koers.sources.eurostat_api import (
    EurostatError,
    LiveApi,
    open_feed_table,
    open_table,
    record_table,
    recording_name,
)
from koers.sources.eurostat_import import import_eurostat
from koers.sources.jsonio import export_document
from koers.sources.models import DatasetLoad
from koers.sources.opensdg_io import export_opensdg
from koers.sources.peers import PeerMeasure, names, peer_measures, peer_regions
from koers.sources.series import StatisticsFormatError
from koers.sources.sheet import SheetError, SheetRow, commit_sheet, read_sheet
from koers.sources.store import NewObservation, StoreError, StoreResult, store_observations
from koers.sources.table_import import TableImportError

__all__ = [
    "CONNECTOR_ERRORS",
    "CbsError",
    "CbsSelection",
    "CbsTable",
    "DemoRefused",
    "DemoResult",
    "EurostatError",
    "LiveApi",
    "NewObservation",
    "PeerMeasure",
    "SheetError",
    "SheetRow",
    "StoreError",
    "StoreResult",
    "commit_sheet",
    "data_version",
    "export_document",
    "export_opensdg",
    "import_cbs",
    "import_document",
    "import_eurostat",
    "import_opensdg",
    "is_empty",
    "load_demo",
    "names",
    "open_cbs_feed_table",
    "open_cbs_table",
    "open_eurostat_feed",
    "open_eurostat_table",
    "peer_measures",
    "peer_regions",
    "read_sheet",
    "record_cbs_table",
    "record_eurostat",
    "recording_name",
    "reset_demo",
    "store_observations",
]

# The Eurostat connector under the names the CLI and the feeds call.
open_eurostat_table = open_table
open_eurostat_feed = open_feed_table
record_eurostat = record_table
# What a connector refuses with, naming the file or URL, row and field; nothing is written
# when one is raised.
CONNECTOR_ERRORS: tuple[type[Exception], ...] = (
    CbsError,
    EurostatError,
    StatisticsFormatError,
    TableImportError,
    StoreError,
)


@dataclass(frozen=True)
class DemoResult:
    action: str  # "loaded", "reloaded" or "unchanged"
    counts: dict[str, int]


def is_empty() -> bool:
    """True when the database holds no entity at all."""
    return not any(entity.model._default_manager.exists() for entity in ENTITIES)


class DemoRefused(Exception):
    """`koers demo` would delete what it did not load; the message says what to do."""


# The second DatasetLoad row of a dataset: a fingerprint of the rows as the demo left them.
ROWS_SUFFIX = "#rows"
# Models outside the export that deleting the demo would take with it (by cascade) or
# that people add on top of it; their counts and highest ids join the rows' fingerprint.
_KEPT_APPS = ("agendas", "indicators", "accounts", "rounds", "sources")
_NOT_DATA = {"AuditEvent", "DatasetLoad"}


def load_demo(folder: Path = BRAINPORT, name: str = "brainport") -> DemoResult:
    """Load the shipped dataset; idempotent, and never deletes what it did not load.

    An empty database gets the dataset. A database holding this very version is
    left alone. A database holding an older version of the demo data, exactly as
    the demo left it, is emptied and loaded again. Anything else (figures
    imported on top, edits, reporting rounds, people, or data of another origin)
    is refused with DemoRefused, so no work is lost; `reset_demo` replaces all.
    """
    current = fingerprint(folder)
    record = DatasetLoad.objects.filter(name=name).first()
    if record is not None and record.fingerprint == current:
        return DemoResult("unchanged", {})
    if record is None and not is_empty():
        raise DemoRefused(
            "the database already holds data that did not come from the demo dataset; "
            "koers demo leaves it alone. Use an empty database (DATABASE_URL) for the demo, "
            "or `koers demo --reset` to delete everything and load the demo"
        )
    if record is not None and not _untouched_since_load(name):
        raise DemoRefused(
            "the shipped demo dataset changed, but this database also holds data added or "
            "changed after the demo was loaded (imports, edits, rounds, people); koers demo "
            "deletes only what it loaded itself, so it changed nothing. Export your data first "
            "(koers export -o FILE), then `koers demo --reset` deletes everything and loads "
            "the new demo"
        )
    return _load(folder, name, current, "loaded" if record is None else "reloaded")


def reset_demo(folder: Path = BRAINPORT, name: str = "brainport") -> DemoResult:
    """Delete every entity, whatever its origin, and load the shipped dataset (`demo --reset`)."""
    return _load(folder, name, fingerprint(folder), "reset")


def _load(folder: Path, name: str, current: str, action: str) -> DemoResult:
    # One audit record names the counts (recorded_import), not one per row.
    with recorded_import("dataset", name) as audited, transaction.atomic():
        if action != "loaded":
            _clear_on_top()
            clear_all()
        counts = load_dataset(folder)
        audited.report(counts)
        DatasetLoad.objects.update_or_create(name=name, defaults={"fingerprint": current})
        DatasetLoad.objects.update_or_create(
            name=name + ROWS_SUFFIX, defaults={"fingerprint": rows_fingerprint()}
        )
    return DemoResult(action, counts)


def _untouched_since_load(name: str) -> bool:
    kept = DatasetLoad.objects.filter(name=name + ROWS_SUFFIX).first()
    return kept is not None and kept.fingerprint == rows_fingerprint()


def rows_fingerprint() -> str:
    """A fingerprint of every row people can add or change: the full export, and the
    count and highest id of each model the export leaves out."""
    digest = hashlib.sha256(export_document())
    for model in _other_models():
        found = model._default_manager.aggregate(n=Count("pk"), top=Max("pk"))
        digest.update(f"{model._meta.label}:{found['n']}:{found['top']};".encode())
    return digest.hexdigest()


def _other_models() -> list[type[Model]]:
    exported = {entity.model for entity in ENTITIES}
    return [
        model
        for label in _KEPT_APPS
        for model in django_apps.get_app_config(label).get_models()
        if model not in exported
        and model.__name__ not in _NOT_DATA
        and not model.__name__.startswith("Historical")
    ]


def _clear_on_top() -> None:
    """What `--reset` deletes beside the exported entities, first, as they point at
    them: reporting rounds with their tasks, and people with their roles (their
    sign-in accounts stay, without an organisation)."""
    for model in _other_models():
        if model._meta.app_label in ("rounds", "accounts"):
            model._default_manager.all().delete()


def clear_all() -> None:
    """Delete every entity, dependants first."""
    for entity in reversed(ENTITIES):
        for field in entity.m2m_fields():
            field.remote_field.through.objects.all().delete()  # type: ignore[union-attr]
        model = entity.model
        for name in entity.self_references():
            model._default_manager.update(**{name: None})
        model._default_manager.all().delete()


def import_document(data: bytes | str, *, origin: str = "<document>") -> dict[str, int]:
    """`koers import json`, recorded in the audit trail as one import."""
    with recorded_import("json", origin) as audited:
        counts = jsonio.import_document(data, origin=origin)
        audited.report(counts)
    return counts


def import_opensdg(
    folder: Path,
    geography: str = "NL",
    *,
    update_metadata: bool = False,
    skip_invalid: bool = False,
    progress: Callable[[int], None] | None = None,
) -> opensdg_io.OpenSdgImportResult:
    """`koers import opensdg`, recorded in the audit trail as one import."""
    with recorded_import("opensdg", str(folder)) as audited:
        result = opensdg_io.import_opensdg(
            folder,
            geography=geography,
            update_metadata=update_metadata,
            skip_invalid=skip_invalid,
            progress=progress,
        )
        audited.report(result.counts)
    return result
