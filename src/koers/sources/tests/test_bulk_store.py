"""The bulk path for observations (issue 15): the same rows, revisions and records as row by row,
one history record per import, and nothing written when row 150,000 is bad."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction

from koers.accounts.models import AuditEvent
from koers.accounts.service import Actor, acting
from koers.agendas.models import Geography, SourceDocument
from koers.indicators.models import Indicator, Observation
from koers.sources import service
from koers.sources.indicator_meta import ProposedIndicator, reconcile
from koers.sources.models import ObservationImport
from koers.sources.opensdg_format import OpenSdgFormatError
from koers.sources.store import (
    NewObservation,
    ObservationWriter,
    StoreError,
    store_observations,
)

pytestmark = pytest.mark.django_db(transaction=False)

FIRST = dt.datetime(2026, 1, 5, 10, 0, tzinfo=dt.UTC)
SECOND = dt.datetime(2026, 2, 5, 10, 0, tzinfo=dt.UTC)


def _setup() -> SourceDocument:
    for code in ("homes", "jobs"):
        reconcile(ProposedIndicator(code=code, name_nl=code, name_en=code, unit="count"))
    for code in ("NL", "GM0772"):
        Geography.objects.create(code=code, level="country", name_nl=code, name_en=code)
    return SourceDocument.objects.create(code="cbs", title="CBS", reference="r")


def _first() -> list[NewObservation]:
    rows = [
        NewObservation(
            indicator=code,
            geography=geo,
            period=period,
            value=float(n),
            series="Sex=F" if n % 2 else "",
            dimensions={"Sex": "F"} if n % 2 else {},
            progress=n / 2 if n % 3 == 0 else None,
            flags=("provisional",) if n % 5 == 0 else (),
            source_status="Voorlopig" if n % 5 == 0 else "",
            note_en="note" if n == 7 else "",
            source_section=f"row {n}",
        )
        for n, (code, geo, period) in enumerate(
            (c, g, p)
            for c in ("homes", "jobs")
            for g in ("NL", "GM0772")
            for p in ("2019", "2020-Q1", "2020-03")
        )
    ]
    return rows


def _second(first: list[NewObservation]) -> list[NewObservation]:
    # One value changed, one flag dropped, one Progress changed, the rest repeated.
    changed = []
    for n, row in enumerate(first):
        if n == 1:
            row = NewObservation(**{**_fields(row), "value": 99.0})
        elif n == 5:
            row = NewObservation(**{**_fields(row), "flags": (), "source_status": ""})
        elif n == 6:
            row = NewObservation(**{**_fields(row), "progress": 42.0})
        changed.append(row)
    return changed


def _fields(row: NewObservation) -> dict[str, Any]:
    return {name: getattr(row, name) for name in NewObservation.__slots__}


def _state() -> dict[str, Any]:
    document = json.loads(service.export_document())
    observations = next(e for e in document["entities"] if e["name"] == "observations")
    return {
        "observations": observations["rows"],
        "history": Observation.history.count(),
        "imports": list(
            ObservationImport.objects.values_list(
                "recorded_at", "source__code", "actor", "added", "revised", "unchanged"
            )
        ),
        "rows": [i.rows().count() for i in ObservationImport.objects.order_by("recorded_at")],
    }


def _run(bulk: bool) -> tuple[dict[str, Any], list[tuple[int, int, int]]]:
    source = _setup()
    first = _first()
    results = []
    with acting(lambda: Actor("analyst@example.org")):
        for rows, moment in ((first, FIRST), (_second(first), SECOND)):
            stored = store_observations(rows, source=source, recorded_at=moment, bulk=bulk)
            results.append((stored.added, stored.revised, stored.unchanged))
    return _state(), results


def test_the_bulk_path_writes_exactly_what_the_row_by_row_path_writes() -> None:
    bulk, bulk_counts = _run(bulk=True)
    service.clear_all()
    ObservationImport.objects.all().delete()
    Observation.history.all().delete()
    row_by_row, row_counts = _run(bulk=False)
    assert bulk_counts == row_counts == [(12, 0, 0), (0, 3, 9)]
    assert bulk == row_by_row
    assert len(bulk["observations"]) == 15
    assert bulk["history"] == 0  # one import record instead of a history row per value
    assert [i[1:] for i in bulk["imports"]] == [
        ("cbs", "analyst@example.org", 12, 0, 0),
        ("cbs", "analyst@example.org", 0, 3, 9),
    ]


def test_an_import_record_finds_the_rows_it_wrote_again() -> None:
    source = _setup()
    store_observations(_first(), source=source, recorded_at=FIRST)
    store_observations(_second(_first()), source=source, recorded_at=SECOND)
    first, second = ObservationImport.objects.order_by("recorded_at")
    assert first.rows().count() == 12
    assert sorted(second.rows().values_list("revised", flat=True)) == [True, True, True]


def test_an_opensdg_import_is_one_audit_event_and_one_import_record(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "indicator_1-1-1.csv").write_text("Year,Sex,Value\n2015,,1\n2015,F,2\n")
    with acting(lambda: Actor("analyst@example.org")):
        service.import_opensdg(folder)
    assert AuditEvent.objects.filter(action="import").count() == 1
    record = ObservationImport.objects.select_related("source").get()
    assert record.source is not None
    assert (record.actor, record.added, record.source.code) == (
        "analyst@example.org",
        2,
        "opensdg-repo",
    )
    assert Observation.history.count() == 0


def _big_file(folder: Path, bad_line: int, bad_value: str) -> Path:
    path = folder / "data" / "indicator_1-1-1.csv"
    path.parent.mkdir(parents=True)
    with path.open("w", encoding="utf-8") as out:
        out.write("Year,Region,Value\n")
        for line in range(2, bad_line + 10):
            region, year = divmod(line, 50)
            value = bad_value if line == bad_line else str(line)
            out.write(f"{1950 + year},R{region},{value}\n")
    return folder


@pytest.mark.parametrize(
    ("bad", "error", "message"),
    [
        ("lots", OpenSdgFormatError, "'lots' is not a number"),
        ("inf", OpenSdgFormatError, "'inf' is not a finite number"),
    ],
)
def test_an_error_in_row_150000_writes_nothing_though_earlier_chunks_were_sent(
    tmp_path: Path, bad: str, error: type[Exception], message: str
) -> None:
    folder = _big_file(tmp_path / "repo", 150_000, bad)
    with pytest.raises(error) as caught:
        service.import_opensdg(folder)
    assert "indicator_1-1-1.csv, row 150000" in str(caught.value)
    assert message in str(caught.value)
    assert not Observation.objects.exists()
    assert not Indicator.objects.exists()
    assert not ObservationImport.objects.exists()


def test_an_error_from_the_store_after_chunks_were_written_writes_nothing() -> None:
    source = _setup()
    rows = [
        NewObservation("homes", "NL", str(1000 + n % 1000), float(n), series=f"s={n // 1000}")
        for n in range(150_000)
    ]
    rows[-1] = NewObservation("homes", "XX", "2019", 1.0, where="file.csv, row 150000")
    expected = r"file\.csv, row 150000: unknown geography 'XX'"
    with pytest.raises(StoreError, match=expected), transaction.atomic():
        writer = ObservationWriter(source=source)
        for start in range(0, len(rows), 20_000):
            writer.add(rows[start : start + 20_000])
    assert not Observation.objects.exists()
