"""Import a statistics table as indicators and observations (`koers import cbs|eurostat`).

Each measure of the table becomes an indicator (the connector says how its
code is formed, e.g. `cbs-81955ned-nieuwbouw_2`), every other dimension than
geography and period is kept on the observation (and forms its series key),
and every non-empty value is stored with the source's own status. The whole
table is imported in one transaction: a bad value writes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice

from django.db import transaction

from koers.accounts.service import recorded_import
from koers.agendas.models import Geography, SourceDocument
from koers.indicators.models import Indicator
from koers.sources.indicator_meta import MetadataDifference, ProposedIndicator, reconcile
from koers.sources.series import normalise_period
from koers.sources.store import NewObservation, ObservationWriter, StoreResult, series_key
from koers.sources.tables import GeographySpec, Measure, StatTable, TableValue

CHUNK = 20_000
# Observation.source_section: where a value was read, cut to what the column holds (the
# full place stays in error messages).
SECTION_LENGTH = 300
# A source that states no unit (a CSV export without metadata) still gets a truthful one.
UNSTATED_UNIT = "not stated"


class TableImportError(ValueError):
    """A table that cannot be imported as asked; the message says why."""


@dataclass(frozen=True)
class TableSelection:
    """Which part of a table to import: measures and dimension codes (empty: all)."""

    measures: frozenset[str] = frozenset()
    filters: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def wants(self, value: TableValue) -> bool:
        if self.measures and value.measure not in self.measures:
            return False
        return all(value.dimensions.get(name) in codes for name, codes in self.filters.items())


@dataclass
class TableImportResult:
    indicators: list[str] = field(default_factory=list)
    stored: StoreResult = field(default_factory=StoreResult)
    differences: list[MetadataDifference] = field(default_factory=list)
    geographies_created: list[str] = field(default_factory=list)


def import_table(
    table: StatTable,
    *,
    indicator_code: Callable[[Measure], str],
    geographies: Callable[[str], GeographySpec | None],
    selection: TableSelection = TableSelection(),
    proposed: Callable[[Measure, str], ProposedIndicator] | None = None,
    update_metadata: bool = False,
) -> TableImportResult:
    """Store the selected values of `table`; atomic. `geographies` maps a source code to the
    Koers geography (None: the value is left out)."""
    _check_selection(table, selection)
    result = TableImportResult()
    propose = proposed or _default_proposal(table)
    # One audit record names the counts (and a failed import rolls back with it).
    kind = table.publisher.lower()
    with transaction.atomic(), recorded_import(kind, table.table_id) as audited:
        source = source_document(table)
        codes: dict[str, str] = {}
        for measure in table.measures:
            if not selection.measures or measure.code in selection.measures:
                code = indicator_code(measure)
                _, differences = reconcile(propose(measure, code), update_metadata=update_metadata)
                codes[measure.code] = code
                result.indicators.append(code)
                result.differences += differences
        places = _Places(geographies, result.geographies_created)
        rows = _rows(table.values(), selection, codes, places)
        # One writer for the whole table: one import record, chunks checked and sent in turn.
        writer = ObservationWriter(source=source, retrieved=table.retrieved)
        for chunk in _chunks(rows, CHUNK):
            writer.add(chunk)
        writer.finish()
        result.stored = writer.result
        audited.report({"observations": result.stored.written, "indicators": len(codes)})
    return result


def _check_selection(table: StatTable, selection: TableSelection) -> None:
    known = {m.code for m in table.measures}
    unknown = sorted(selection.measures - known)
    if unknown:
        raise TableImportError(
            f"{table.table_id} has no measure {unknown[0]!r}; it has {sorted(known)}"
        )
    dimensions = {d.code: d for d in table.dimensions}
    for name, wanted in selection.filters.items():
        dimension = dimensions.get(name)
        if dimension is None:
            raise TableImportError(
                f"{table.table_id} has no dimension {name!r}; it has {sorted(dimensions)}"
            )
        missing = sorted(wanted - set(dimension.labels)) if dimension.labels else []
        if missing:
            raise TableImportError(f"{table.table_id}: dimension {name} has no code {missing[0]!r}")


def _default_proposal(table: StatTable) -> Callable[[Measure, str], ProposedIndicator]:
    frequency = _frequency(table)

    def propose(measure: Measure, code: str) -> ProposedIndicator:
        # A source states the title in its own language; both names start from it.
        return ProposedIndicator(
            code=code,
            name_nl=measure.title,
            name_en=measure.title,
            unit=measure.unit or UNSTATED_UNIT,
            frequency=frequency,
            publisher=f"{table.publisher} ({table.table_id})",
        )

    return propose


# Koers period labels ("2019-Q3", "2019-06") and the frequency they say.
_FREQUENCIES = (
    (re.compile(r"^\d{4}-Q[1-4]$"), Indicator.Frequency.QUARTERLY),
    (re.compile(r"^\d{4}-\d{2}$"), Indicator.Frequency.MONTHLY),
)


def _frequency(table: StatTable) -> str:
    time = next((d for d in table.dimensions if d.role == "time"), None)
    labels = {_period_label(code) for code in time.labels} if time else set()
    for pattern, frequency in _FREQUENCIES:
        if labels and all(pattern.match(label) for label in labels):
            return frequency
    return Indicator.Frequency.ANNUAL


def _period_label(code: str) -> str:
    # Sources write periods their own way (2019KW03, 2019Q3, 2019M06, 2019-06).
    try:
        return normalise_period(code)
    except ValueError:
        return code


def source_document(table: StatTable) -> SourceDocument:
    """The document a table's values cite (one per publisher and table)."""
    code = f"{table.publisher}-{table.table_id}".lower().replace(" ", "-")[:100]
    source, created = SourceDocument.objects.get_or_create(
        code=code,
        defaults={
            "title": f"{table.publisher} {table.table_id}: {table.title}"[:500],
            "publisher": table.publisher,
            "reference": table.reference[:500],
            "retrieved": table.retrieved,
        },
    )
    if not created and table.retrieved and source.retrieved != table.retrieved:
        source.retrieved = table.retrieved
        source.save(update_fields=["retrieved"])
    return source


class _Places:
    """Koers geography codes for source codes, creating a missing geography once."""

    def __init__(self, specs: Callable[[str], GeographySpec | None], created: list[str]) -> None:
        self.specs = specs
        self.created = created
        self.known: dict[str, str | None] = {}

    def code(self, source_code: str) -> str | None:
        if source_code not in self.known:
            self.known[source_code] = self._resolve(source_code)
        return self.known[source_code]

    def _resolve(self, source_code: str) -> str | None:
        spec = self.specs(source_code)
        if spec is None:
            return None
        _, created = Geography.objects.get_or_create(
            code=spec.code,
            defaults={"level": spec.level, "name_nl": spec.name_nl, "name_en": spec.name_en},
        )
        if created:
            self.created.append(spec.code)
        return spec.code


def _rows(
    values: Iterable[TableValue],
    selection: TableSelection,
    codes: Mapping[str, str],
    places: _Places,
) -> Iterator[NewObservation]:
    for value in values:
        if not selection.wants(value) or value.measure not in codes:
            continue
        geography = places.code(value.geography)
        if geography is None:
            continue
        yield NewObservation(
            indicator=codes[value.measure],
            geography=geography,
            period=value.period,
            value=value.value,
            series=series_key(value.dimensions),
            dimensions=dict(value.dimensions),
            flags=value.flags,
            source_status=value.status,
            source_section=value.where[:SECTION_LENGTH],
            where=value.where,
        )


def _chunks(rows: Iterable[NewObservation], size: int) -> Iterator[list[NewObservation]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk
