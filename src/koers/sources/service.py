"""The sources app's public API: the shipped dataset, JSON export and import, statistics."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from koers.accounts.service import recorded_import
from koers.sources import jsonio, opensdg_io
from koers.sources.cbs_codes import CbsError, CbsTable
from koers.sources.cbs_codes import Selection as CbsSelection
from koers.sources.cbs_import import import_cbs
from koers.sources.cbs_odata import open_feed_table as open_cbs_feed_table
from koers.sources.cbs_odata import open_table as open_cbs_table
from koers.sources.cbs_odata import record_table as record_cbs_table
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
from koers.sources.store import StoreError
from koers.sources.table_import import TableImportError

__all__ = [
    "CONNECTOR_ERRORS",
    "CbsError",
    "CbsSelection",
    "CbsTable",
    "DemoResult",
    "EurostatError",
    "LiveApi",
    "PeerMeasure",
    "SheetError",
    "SheetRow",
    "commit_sheet",
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


def load_demo(folder: Path = BRAINPORT, name: str = "brainport") -> DemoResult:
    """Load the shipped dataset; idempotent.

    An empty database gets the dataset. A database holding this very version is
    left alone. A database holding an older version of the demo data is emptied
    and loaded again; one holding other data is refused, so no work is lost.
    """
    current = fingerprint(folder)
    record = DatasetLoad.objects.filter(name=name).first()
    if record is not None and record.fingerprint == current:
        return DemoResult("unchanged", {})
    if record is None and not is_empty():
        raise ValueError(
            "the database already holds data that did not come from the demo dataset; "
            "use an empty database (DATABASE_URL) for the demo"
        )
    # One audit record names the counts (recorded_import), not one per row.
    with recorded_import("dataset", name) as audited, transaction.atomic():
        action = "loaded" if record is None else "reloaded"
        if record is not None:
            clear_all()
        counts = load_dataset(folder)
        audited.report(counts)
        DatasetLoad.objects.update_or_create(name=name, defaults={"fingerprint": current})
    return DemoResult(action, counts)


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


def import_opensdg(folder: Path, geography: str = "NL") -> dict[str, int]:
    """`koers import opensdg`, recorded in the audit trail as one import."""
    with recorded_import("opensdg", str(folder)) as audited:
        counts = opensdg_io.import_opensdg(folder, geography=geography)
        audited.report(counts)
    return counts
