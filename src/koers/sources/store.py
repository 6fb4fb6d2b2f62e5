"""Store observations from any source: one path for importers, feeds and derivations.

Observations are append-only. A value that is already recorded as it is adds
nothing; a changed value (or a changed status at the source, or a changed
Progress value) adds a revision and keeps the earlier row readable. Every
row is checked in memory first (codes known, period readable, value finite),
so a batch with one bad row writes nothing and the error names the row.

The write is in bulk (`ObservationWriter`): rows as plain tuples in one
`executemany` per batch, `COPY` on PostgreSQL, and one `ObservationImport`
record per import in place of a history row per value. `bulk=False` keeps the
row-by-row ORM path as the reference the tests compare it with.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from koers.agendas.models import Geography, SourceDocument
from koers.indicators.models import Indicator, Observation
from koers.indicators.periods import Period, PeriodError, parse_period

FLAGS = ("provisional", "estimated", "revised")
BATCH_SIZE = 20_000


class StoreError(ValueError):
    """A row that cannot be stored; the message names where it came from."""


SERIES_KEY_LENGTH = 300  # Observation.series
_DIGEST_LENGTH = 64


def series_key(dimensions: Mapping[str, str | None]) -> str:
    """The series of a value: its non-empty dimension values, in the source's order.

    A key longer than the column holds keeps its start and ends in a digest of the
    whole, so it stays unique; the dimensions themselves are stored in full beside it.
    """
    key = "|".join(f"{k}={v}" for k, v in dimensions.items() if v not in (None, ""))
    if len(key) <= SERIES_KEY_LENGTH:
        return key
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    return f"{key[: SERIES_KEY_LENGTH - _DIGEST_LENGTH - 1]}#{digest}"


@dataclass(frozen=True, slots=True)
class NewObservation:
    """One value to store, by codes. `where` says where it was read, for errors."""

    indicator: str
    geography: str
    period: str
    value: float
    series: str = ""
    dimensions: Mapping[str, str | None] = field(default_factory=dict)
    progress: float | None = None
    flags: tuple[str, ...] = ()  # provisional, estimated (revised is decided here)
    source_status: str = ""
    derivation: str = ""
    note_nl: str = ""
    note_en: str = ""
    source_section: str = ""
    where: str = ""

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.indicator, self.geography, self.series, self.period)


@dataclass
class StoreResult:
    added: int = 0
    revised: int = 0
    unchanged: int = 0

    @property
    def written(self) -> int:
        return self.added + self.revised

    def __iadd__(self, other: StoreResult) -> StoreResult:
        self.added += other.added
        self.revised += other.revised
        self.unchanged += other.unchanged
        return self


# What makes a stored row the same as a new one: a difference in any of these is a revision.
_Fingerprint = tuple[float, float | None, bool, bool, str]
_Known = dict[tuple[str, str], _Fingerprint]  # (series, period) -> the current row's fingerprint

# The columns the bulk path writes, in order (Observation's fields but its id).
COLUMNS = (
    "indicator_id",
    "geography_id",
    "series",
    "dimensions",
    "period",
    "period_start",
    "period_end",
    "value",
    "progress",
    "provisional",
    "estimated",
    "revised",
    "source_status",
    "derivation",
    "note_nl",
    "note_en",
    "retrieved",
    "recorded_at",
    "source_id",
    "source_section",
)


def store_observations(
    rows: Iterable[NewObservation],
    *,
    source: SourceDocument | None,
    retrieved: dt.date | None = None,
    recorded_at: dt.datetime | None = None,
    bulk: bool = True,
) -> StoreResult:
    """Store `rows` atomically: all of them, or nothing when one is bad (StoreError).

    `bulk=False` writes row by row through the ORM: the reference the bulk path must
    equal (same rows, revisions and import record), kept for tests and comparisons.
    """
    with transaction.atomic():
        writer = ObservationWriter(
            source=source, retrieved=retrieved, recorded_at=recorded_at, bulk=bulk
        )
        writer.add(rows)
        writer.finish()
    return writer.result


class ObservationWriter:
    """Writes the observations of one import, chunk by chunk, inside the caller's transaction.

    Each chunk is checked in memory first; then the new and revised values are
    inserted in bulk (one `executemany`, COPY on PostgreSQL). No history row is
    written per observation: `finish` writes one `ObservationImport` record that
    names who, when, the source and the counts, and finds the rows again (they
    share its `recorded_at`). Memory stays bounded by the chunk and by the current
    values of the indicators still open (`release` drops one).
    """

    def __init__(
        self,
        *,
        source: SourceDocument | None,
        retrieved: dt.date | None = None,
        recorded_at: dt.datetime | None = None,
        bulk: bool = True,
    ) -> None:
        self.source, self.retrieved, self.bulk = source, retrieved, bulk
        self.moment = recorded_at or timezone.now()
        self.result = StoreResult()
        self._indicators: dict[str, Indicator] = {}
        self._geographies: dict[str, Geography] = {}
        self._known: dict[tuple[str, str], _Known] = {}
        self._periods: dict[str, tuple[Any, Any, Any]] = {}

    def add(self, rows: Iterable[NewObservation]) -> StoreResult:
        """Check and write one chunk; returns what this chunk did."""
        batch = _last_per_key(list(rows))
        self._resolve(batch)
        _check(batch, self._indicators, self._geographies)
        chunk = StoreResult()
        new: list[tuple[NewObservation, bool]] = []
        for row in batch:
            known = self._current(row.indicator, row.geography)
            before = known.get((row.series, row.period))
            fingerprint = _fingerprint(row)
            if before == fingerprint:
                chunk.unchanged += 1
                continue
            if before is None:
                chunk.added += 1
            else:
                chunk.revised += 1
            known[(row.series, row.period)] = fingerprint
            new.append((row, before is not None or "revised" in row.flags))
        self._write(new)
        self.result += chunk
        return chunk

    def release(self, indicator: str) -> None:
        """Forget the current values of `indicator` (no more rows of it will come)."""
        for pair in [p for p in self._known if p[0] == indicator]:
            del self._known[pair]

    def forget(self, indicators: Iterable[str] = (), geographies: Iterable[str] = ()) -> None:
        """Look these codes up again (their rows were rolled back to a savepoint)."""
        for code in indicators:
            self._indicators.pop(code, None)
            self.release(code)
        for code in geographies:
            self._geographies.pop(code, None)
            for pair in [p for p in self._known if p[1] == code]:
                del self._known[pair]

    def finish(self) -> None:
        """Write the import's one history record (nothing when nothing was written)."""
        if self.result.written:
            record_batch(self.moment, self.source, self.result)

    def _resolve(self, batch: list[NewObservation]) -> None:
        wanted = {r.indicator for r in batch} - self._indicators.keys()
        if wanted:
            self._indicators |= Indicator.objects.in_bulk(wanted, field_name="code")
        wanted = {r.geography for r in batch} - self._geographies.keys()
        if wanted:
            self._geographies |= Geography.objects.in_bulk(wanted, field_name="code")

    def _current(self, indicator: str, geography: str) -> _Known:
        known = self._known.get((indicator, geography))
        if known is None:
            known = _current_values(self._indicators[indicator], self._geographies[geography])
            self._known[(indicator, geography)] = known
        return known

    def _write(self, new: list[tuple[NewObservation, bool]]) -> None:
        if not new:
            return
        if not self.bulk:
            for row, revised in new:
                obs = self._observation(row, revised)
                obs.skip_history_when_saving = True  # type: ignore[attr-defined]
                obs.save()
            return
        values = [self._values(row, revised) for row, revised in new]
        insert_rows(values)

    def _observation(self, row: NewObservation, revised: bool) -> Observation:
        period = period_of(row.period)
        flags = set(row.flags)
        obs = Observation(
            indicator=self._indicators[row.indicator],
            geography=self._geographies[row.geography],
            series=row.series,
            dimensions=dict(row.dimensions),
            period=period.label,
            period_start=period.start,
            period_end=period.end,
            value=row.value,
            progress=row.progress,
            provisional="provisional" in flags,
            estimated="estimated" in flags,
            revised=revised,
            source_status=row.source_status,
            derivation=row.derivation,
            note_nl=row.note_nl,
            note_en=row.note_en,
            source=self.source,
            source_section=row.source_section,
            retrieved=self.retrieved,
            recorded_at=self.moment,
        )
        return obs

    def _values(self, row: NewObservation, revised: bool) -> tuple[Any, ...]:
        # Values as the database takes them; what repeats (periods, dimensions) is
        # converted once.
        flags = row.flags
        return (
            self._indicators[row.indicator].pk,
            self._geographies[row.geography].pk,
            row.series,
            _json(tuple(row.dimensions.items())),
            *self._period_cells(row.period),
            row.value,
            row.progress,
            "provisional" in flags,
            "estimated" in flags,
            revised,
            row.source_status,
            row.derivation,
            row.note_nl,
            row.note_en,
            *self._constants,
            row.source_section,
        )

    @cached_property
    def _constants(self) -> tuple[Any, ...]:
        retrieved: Any = self.retrieved
        moment: Any = self.moment
        source = self.source
        if connection.vendor != "postgresql":
            retrieved = connection.ops.adapt_datefield_value(retrieved)
            moment = connection.ops.adapt_datetimefield_value(moment)
        return (retrieved, moment, source.pk if source is not None else None)

    def _period_cells(self, label: str) -> tuple[Any, Any, Any]:
        cells = self._periods.get(label)
        if cells is None:
            period = period_of(label)
            start: Any = period.start
            end: Any = period.end
            if connection.vendor != "postgresql":
                start = connection.ops.adapt_datefield_value(start)
                end = connection.ops.adapt_datefield_value(end)
            cells = self._periods[label] = (period.label, start, end)
        return cells


@lru_cache(maxsize=65536)  # a source repeats a few hundred series over many rows
def _json(dimensions: tuple[tuple[str, str | None], ...]) -> str:
    return json.dumps(dict(dimensions), ensure_ascii=False)


@lru_cache(maxsize=65536)  # a file repeats a few dozen periods over many rows
def period_of(label: str) -> Period:
    return parse_period(label)


def insert_rows(values: list[tuple[Any, ...]]) -> None:
    """Insert observation rows (in COLUMNS order) in bulk: COPY on PostgreSQL, else one
    `executemany` per batch of parameters."""
    table = Observation._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            names = ", ".join(COLUMNS)
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(COLUMNS))
        sql = f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES ({marks})"
        for start in range(0, len(values), BATCH_SIZE):
            cursor.executemany(sql, values[start : start + BATCH_SIZE])


def record_batch(moment: dt.datetime, source: SourceDocument | None, result: StoreResult) -> None:
    """The one history record of an import: who, when, from which source, how many rows."""
    from koers.accounts.service import current_actor
    from koers.sources.models import ObservationImport

    actor = current_actor()
    ObservationImport.objects.create(
        recorded_at=moment,
        source=source,
        actor=actor.email if actor is not None else "",
        added=result.added,
        revised=result.revised,
        unchanged=result.unchanged,
    )


def _check(
    batch: list[NewObservation],
    indicators: Mapping[str, Indicator],
    geographies: Mapping[str, Geography],
) -> None:
    longest = Observation._meta.get_field("series").max_length or SERIES_KEY_LENGTH
    isfinite = math.isfinite
    for number, row in enumerate(batch, 1):
        where = row.where or f"row {number}"
        if row.indicator not in indicators:
            raise StoreError(f"{where}: unknown indicator {row.indicator!r}")
        if row.geography not in geographies:
            raise StoreError(f"{where}: unknown geography {row.geography!r}")
        try:
            period_of(row.period)
        except PeriodError as exc:
            raise StoreError(f"{where}: {exc}") from None
        if not isfinite(row.value) or (row.progress is not None and not isfinite(row.progress)):
            name, bad = (
                ("value", row.value) if not isfinite(row.value) else ("progress", row.progress)
            )
            raise StoreError(f"{where}: the {name} {bad!r} is not a finite number")
        if len(row.series) > longest:
            raise StoreError(f"{where}: the series key is longer than the database allows")


def _last_per_key(batch: list[NewObservation]) -> list[NewObservation]:
    # A batch names each value once; should a source repeat one, its last word counts.
    return list({row.key: row for row in batch}.values())


def _current_values(indicator: Indicator, geography: Geography) -> _Known:
    # Observations are append-only: the latest recorded row of a key is its current value.
    rows = (
        Observation.objects.filter(indicator=indicator, geography=geography)
        .order_by("recorded_at", "pk")
        .values_list(
            "series", "period", "value", "progress", "provisional", "estimated", "source_status"
        )
    )
    return {(s, p): (v, g, pr, e, st) for s, p, v, g, pr, e, st in rows.iterator(chunk_size=10000)}


def _fingerprint(row: NewObservation) -> _Fingerprint:
    flags = row.flags
    return (
        row.value,
        row.progress,
        "provisional" in flags,
        "estimated" in flags,
        row.source_status,
    )
