"""Store observations from any source: one path for importers, feeds and derivations.

Observations are append-only. A value that is already recorded as it is adds
nothing; a changed value (or a changed status at the source, or a changed
Progress value) adds a revision and keeps the earlier row readable. Every
row is checked in memory first (codes known, period readable, value finite),
so a batch with one bad row writes nothing and the error names the row.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from koers.agendas.models import Geography, SourceDocument
from koers.indicators.models import Indicator, Observation
from koers.indicators.periods import PeriodError, parse_period

FLAGS = ("provisional", "estimated", "revised")
BATCH_SIZE = 2000


class StoreError(ValueError):
    """A row that cannot be stored; the message names where it came from."""


def series_key(dimensions: Mapping[str, str | None]) -> str:
    """The series of a value: its non-empty dimension values, in the source's order."""
    return "|".join(f"{k}={v}" for k, v in dimensions.items() if v not in (None, ""))


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


def store_observations(
    rows: Iterable[NewObservation],
    *,
    source: SourceDocument | None,
    retrieved: dt.date | None = None,
    recorded_at: dt.datetime | None = None,
) -> StoreResult:
    """Store `rows` atomically: all of them, or nothing when one is bad (StoreError)."""
    batch = list(rows)
    indicators, geographies = _codes(batch)
    _check(batch, indicators, geographies)
    result = StoreResult()
    moment = recorded_at or timezone.now()
    with transaction.atomic():
        known = _current(batch, indicators, geographies)
        new: list[Observation] = []
        for row in _last_per_key(batch):
            before = known.get(row.key)
            if before is not None and before == _fingerprint(row):
                result.unchanged += 1
                continue
            if before is None:
                result.added += 1
            else:
                result.revised += 1
            obs = _observation(row, indicators, geographies, source, retrieved, moment)
            obs.revised = before is not None or "revised" in row.flags
            new.append(obs)
        bulk_create_with_history(new, Observation, batch_size=BATCH_SIZE)
    return result


def _codes(batch: list[NewObservation]) -> tuple[dict[str, Indicator], dict[str, Geography]]:
    indicators = Indicator.objects.in_bulk({row.indicator for row in batch}, field_name="code")
    geographies = Geography.objects.in_bulk({row.geography for row in batch}, field_name="code")
    return indicators, geographies


def _check(
    batch: list[NewObservation],
    indicators: Mapping[str, Indicator],
    geographies: Mapping[str, Geography],
) -> None:
    for number, row in enumerate(batch, 1):
        where = row.where or f"row {number}"
        if row.indicator not in indicators:
            raise StoreError(f"{where}: unknown indicator {row.indicator!r}")
        if row.geography not in geographies:
            raise StoreError(f"{where}: unknown geography {row.geography!r}")
        try:
            parse_period(row.period)
        except PeriodError as exc:
            raise StoreError(f"{where}: {exc}") from None
        for name, number_ in (("value", row.value), ("progress", row.progress)):
            if number_ is not None and not math.isfinite(number_):
                raise StoreError(f"{where}: the {name} {number_!r} is not a finite number")
        if len(row.series) > Observation._meta.get_field("series").max_length:  # type: ignore[operator]
            raise StoreError(f"{where}: the series key is longer than the database allows")


def _last_per_key(batch: list[NewObservation]) -> list[NewObservation]:
    # A batch names each value once; should a source repeat one, its last word counts.
    return list({row.key: row for row in batch}.values())


def _current(
    batch: list[NewObservation],
    indicators: Mapping[str, Indicator],
    geographies: Mapping[str, Geography],
) -> dict[tuple[str, str, str, str], _Fingerprint]:
    wanted = {row.key for row in batch}
    pairs = {(row.indicator, row.geography) for row in batch}
    found: dict[tuple[str, str, str, str], _Fingerprint] = {}
    for code, geography in pairs:
        rows = Observation.objects.current().filter(
            indicator=indicators[code], geography=geographies[geography]
        )
        for obs in rows.only(
            "series", "period", "value", "progress", "provisional", "estimated", "source_status"
        ):
            key = (code, geography, obs.series, obs.period)
            if key in wanted:
                found[key] = (
                    obs.value,
                    obs.progress,
                    obs.provisional,
                    obs.estimated,
                    obs.source_status,
                )
    return found


def _fingerprint(row: NewObservation) -> _Fingerprint:
    flags = set(row.flags)
    return (
        row.value,
        row.progress,
        "provisional" in flags,
        "estimated" in flags,
        row.source_status,
    )


def _observation(
    row: NewObservation,
    indicators: Mapping[str, Indicator],
    geographies: Mapping[str, Geography],
    source: SourceDocument | None,
    retrieved: dt.date | None,
    moment: dt.datetime,
) -> Observation:
    period = parse_period(row.period)
    flags = set(row.flags)
    return Observation(
        indicator=indicators[row.indicator],
        geography=geographies[row.geography],
        series=row.series,
        dimensions=dict(row.dimensions),
        period=period.label,
        period_start=period.start,
        period_end=period.end,
        value=row.value,
        progress=row.progress,
        provisional="provisional" in flags,
        estimated="estimated" in flags,
        source_status=row.source_status,
        derivation=row.derivation,
        note_nl=row.note_nl,
        note_en=row.note_en,
        source=source,
        source_section=row.source_section,
        retrieved=retrieved,
        recorded_at=moment,
    )
