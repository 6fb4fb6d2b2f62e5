"""Open SDG data repositories in and out of Koers (`koers import opensdg`, `koers export --format opensdg`).

An Open SDG repository has `data/indicator_<id>.csv` (Year, disaggregation
columns, Value) and metadata in `meta/<id>.md` front matter or
`indicator-config/<id>.yml`, where `auto_progress_calculation` and
`progress_calculation_options` steer the progress measure. Koers keeps every
row as an observation (its disaggregation in `dimensions`, its non-empty values
as the `series` key) and the progress settings in the indicator's
`assessment_options["opensdg"]`, so the assessment reproduces Open SDG's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.db import transaction

from koers.agendas.models import Geography, SourceDocument
from koers.indicators.models import Indicator, Observation
from koers.indicators.periods import PeriodError, parse_period
from koers.sources import store
from koers.sources.indicator_meta import MetadataDifference, ProposedIndicator, reconcile
from koers.sources.opensdg_format import (
    PROGRESS,
    OpenSdgFormatError,
    OpenSdgIndicator,
    OpenSdgRow,
    indicator_ids,
    open_data,
    read_indicator,
    write_indicator,
)
from koers.sources.store import NewObservation, StoreResult

GEOCODE = "GeoCode"
UNIT_NOT_STATED = "not stated"  # an indicator needs a unit; many Open SDG files give none
# Open SDG writes quarters as "2000 Q1", "2000-Q1" or "2000Q1"; Koers as "2000-Q1".
_QUARTER = re.compile(r"^(\d{4})\s*-?\s*Q([1-4])$", re.IGNORECASE)


def series_key(fields: dict[str, str | None] | Any) -> str:
    """The series key of a row: its non-empty disaggregation values, in column order."""
    return store.series_key(fields)


@dataclass
class OpenSdgImportResult:
    """What `koers import opensdg` did: indicators, rows, differences and skipped files."""

    indicators: list[str] = field(default_factory=list)
    stored: StoreResult = field(default_factory=StoreResult)
    differences: list[MetadataDifference] = field(default_factory=list)
    skipped: list[OpenSdgFormatError] = field(default_factory=list)
    geographies_created: list[str] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {"indicators": len(self.indicators), "observations": self.stored.written}


def import_opensdg(
    folder: Path,
    geography: str = "NL",
    *,
    update_metadata: bool = False,
    skip_invalid: bool = False,
    progress: Callable[[int], None] | None = None,
) -> OpenSdgImportResult:
    """Read every indicator in `folder` and write it, all in one transaction.

    Nothing is written when any file is malformed (OpenSdgFormatError names the
    file, row and column), unless `skip_invalid`: then the valid indicators are
    written and every skipped file is listed with its reason. Importing the
    same data again adds nothing; a changed value (or Progress value) is added
    as a revision, and the earlier value stays readable. A row's `GeoCode`
    names its geography; rows without one describe `geography`. Files are read
    in chunks, so memory stays flat however large the repository; `progress` is
    told the number of rows read after each chunk.
    """
    if not (folder / "data").is_dir() and not (folder / "meta").is_dir():
        raise OpenSdgFormatError(
            folder, "not an Open SDG data repository (no data/ or meta/ folder)"
        )
    _check_geography_code(folder, geography)
    if not indicator_ids(folder):
        # Else an empty data/ folder would still record the repository as a source.
        raise OpenSdgFormatError(
            folder, "holds no indicator (no data/indicator_*.csv or meta/*.md files)"
        )
    result = OpenSdgImportResult()
    with transaction.atomic():
        importer = _Importer(folder, geography, update_metadata, result, progress)
        for indicator_id in indicator_ids(folder):
            before = importer.mark()
            try:
                with transaction.atomic():  # a skipped file leaves nothing behind
                    importer.indicator(indicator_id)
            except OpenSdgFormatError as error:
                if not skip_invalid:
                    raise
                importer.undo(before, indicator_id)
                result.skipped.append(error)
        importer.writer.finish()
        result.stored = importer.writer.result
    return result


def _longest_code() -> int:
    return Geography._meta.get_field("code").max_length or 20


def _fits_geography_code(code: str) -> bool:
    return bool(code.strip()) and len(code) <= _longest_code()


def _check_geography_code(folder: Path, code: str) -> None:
    if not _fits_geography_code(code):
        raise OpenSdgFormatError(
            folder,
            f"--geography {code[:40]!r}: a geography code has 1 to {_longest_code()} characters",
        )


class _Importer:
    """Streams one repository into the store, indicator by indicator, chunk by chunk."""

    def __init__(
        self,
        folder: Path,
        geography: str,
        update_metadata: bool,
        result: OpenSdgImportResult,
        progress: Callable[[int], None] | None,
    ) -> None:
        self.folder, self.geography, self.update_metadata = folder, geography, update_metadata
        self.result, self.progress, self.read = result, progress, 0
        self.source = _source(folder)
        self.writer = store.ObservationWriter(source=self.source)
        self.places: set[str] = set(Geography.objects.values_list("code", flat=True))

    def mark(self) -> tuple[StoreResult, int, int, frozenset[str]]:
        """What the import has done so far, to `undo` back to when a file is skipped."""
        stored = self.writer.result
        counts = StoreResult(stored.added, stored.revised, stored.unchanged)
        result = self.result
        return (
            counts,
            len(result.differences),
            len(result.geographies_created),
            frozenset(self.places),
        )

    def undo(self, mark: tuple[StoreResult, int, int, frozenset[str]], indicator: str) -> None:
        """Forget a skipped file's counts, differences and geographies (rolled back)."""
        stored, differences, created, places = mark
        self.writer.result = stored
        self.writer.forget([indicator], self.places - places)
        del self.result.differences[differences:]
        del self.result.geographies_created[created:]
        self.places = set(places)

    def indicator(self, indicator_id: str) -> None:
        data = read_indicator(self.folder, indicator_id, with_data=False)
        path = self.folder / "data" / f"indicator_{indicator_id}.csv"
        repeated: list[NewObservation] = []
        has_progress = False
        code = _indicator(data, self.update_metadata, self.result)
        if path.exists():
            with open_data(path) as (columns, rows):
                has_progress = PROGRESS in columns
                repeated = self._rows(data, path, rows)
        _save_options(code, _options(data, has_progress, repeated))
        self.writer.release(code)
        self.result.indicators.append(code)

    def _rows(
        self, data: OpenSdgIndicator, path: Path, rows: Iterator[OpenSdgRow]
    ) -> list[NewObservation]:
        seen: set[tuple[str, str, str]] = set()
        repeated: list[NewObservation] = []
        where = f"{Path(self.source.reference).name}/data, row "
        for chunk in _chunks(r for r in rows if r.value is not None):
            first = []
            for row in chunk:
                new = _new_observation(data.indicator_id, path, row, self.geography, where)
                key = (new.geography, new.series, new.period)
                if key in seen:
                    repeated.append(new)  # sdg-build sees it; the store keeps the first
                    continue
                seen.add(key)
                first.append(new)
            self._places({r.geography for r in first})
            self.writer.add(first)
            self.read += len(chunk)
            if self.progress is not None:
                self.progress(self.read)
        return repeated

    def _places(self, codes: set[str]) -> None:
        missing = codes - self.places
        if missing:
            self.result.geographies_created += _geographies(missing)
            self.places |= missing


CHUNK = 20_000


def _chunks(rows: Iterable[OpenSdgRow]) -> Iterator[list[OpenSdgRow]]:
    chunk: list[OpenSdgRow] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@lru_cache(maxsize=4096)  # a file repeats a few dozen periods over many rows
def opensdg_period(text: str, year: float) -> str:
    """A Year cell as a Koers period: "2019", "2000 Q1" -> "2000-Q1", "2019-03"; a fiscal
    year such as "2015-16" counts as its first year, as Open SDG reads it."""
    quarter = _QUARTER.match(text.strip())
    if quarter:
        return f"{quarter[1]}-Q{quarter[2]}"
    try:
        return parse_period(text).label
    except PeriodError:
        if float(year).is_integer():
            return str(int(year))
        raise


def _new_observation(
    indicator: str, path: Path, row: OpenSdgRow, geography: str, where: str
) -> NewObservation:
    try:
        period = opensdg_period(row.year_text, row.year)
    except PeriodError:
        raise OpenSdgFormatError(
            path, f"{row.year_text!r} is not a year", row=row.line, column="Year"
        ) from None
    place = str(row.attributes.get(GEOCODE) or geography)
    if place != geography and not _fits_geography_code(place):
        raise OpenSdgFormatError(
            path,
            f"{place[:40]!r}: a geography code has 1 to {_longest_code()} characters",
            row=row.line,
            column=GEOCODE,
        )
    return NewObservation(
        indicator=indicator,
        geography=place,
        period=period,
        value=float(row.value or 0.0),  # rows without a value were left out
        series=_series_key(tuple(row.fields.items())),
        dimensions=row.fields,
        progress=row.progress,
        source_section=f"{where}{row.line}",
        where=f"{path}, row {row.line}",
    )


@lru_cache(maxsize=4096)  # a file repeats a few hundred series over many rows
def _series_key(fields: tuple[tuple[str, str | None], ...]) -> str:
    return store.series_key(dict(fields))


def _geographies(codes: set[str]) -> list[str]:
    known = set(Geography.objects.filter(code__in=codes).values_list("code", flat=True))
    created = sorted(codes - known)
    for code in created:
        Geography.objects.create(
            code=code, level=Geography.Level.COUNTRY, name_nl=code, name_en=code
        )
    return created


def _source(folder: Path) -> SourceDocument:
    code = f"opensdg-{folder.resolve().name}"[:100].lower()
    source, _ = SourceDocument.objects.get_or_create(
        code=code,
        defaults={
            "title": f"Open SDG data repository {folder.name}",
            "reference": str(folder),
            "retrieved": dt.date.today(),
        },
    )
    return source


def _indicator(data: OpenSdgIndicator, update_metadata: bool, result: OpenSdgImportResult) -> str:
    meta = data.meta
    name = str(meta.get("indicator_name") or meta.get("graph_title") or data.indicator_id)
    proposed = ProposedIndicator(
        code=data.indicator_id,
        name_nl=name,
        name_en=name,
        unit=_unit(data),
        direction=_direction(data),
        publisher=str(meta.get("source_organisation_1") or ""),
    )
    indicator, differences = reconcile(proposed, update_metadata=update_metadata)
    result.differences += differences
    return indicator.code


def _save_options(code: str, options: dict[str, Any]) -> None:
    indicator = Indicator.objects.get(code=code)
    if indicator.assessment_options.get("opensdg") != options:
        # The source's own progress settings: not curated, so they follow the source.
        indicator.assessment_options = {**indicator.assessment_options, "opensdg": options}
        indicator.save(update_fields=["assessment_options"])


def _unit(data: OpenSdgIndicator) -> str:
    stated = str(data.meta.get("computation_units") or data.meta.get("unit") or "")
    if stated or Indicator.objects.filter(code=data.indicator_id).exists():
        return stated  # nothing stated is no difference from what is stored
    return UNIT_NOT_STATED


def _options(
    data: OpenSdgIndicator, has_progress: bool, repeated: list[NewObservation]
) -> dict[str, Any]:
    return {
        "auto": data.progress.auto,
        "options": [dict(o) for o in data.progress.options],
        "manual_status": data.progress.manual_status,
        "progress_column": has_progress,
        # Rows that repeat a series and year: kept so the assessment sees what sdg-build
        # sees (a selected series with two values for a year is not assessable).
        "duplicates": [
            {
                "geography": row.geography,
                "dimensions": dict(row.dimensions),
                "period": row.period,
                "value": row.value,
                "progress": row.progress,
                "where": row.source_section,
            }
            for row in repeated
        ],
    }


def _direction(data: OpenSdgIndicator) -> str:
    first = data.progress.options[0] if data.progress.options else {}
    # sdg-build: anything but "positive" means a decrease is desired.
    return "increase" if first.get("direction") == "positive" else "decrease"


# --- export ---------------------------------------------------------------------------------


def export_opensdg(folder: Path, progress: Callable[[int, int], None] | None = None) -> int:
    """Write every Koers indicator with data as an Open SDG indicator; returns how many.

    One indicator is in memory at a time; `progress` is told (done, total) after each."""
    count = 0
    indicators = list(Indicator.objects.order_by("code"))
    for number, indicator in enumerate(indicators, 1):
        rows = _records(indicator)
        if rows:
            write_indicator(folder, _file_id(indicator.code), rows, _config(indicator))
            count += 1
        if progress is not None:
            progress(number, len(indicators))
    return count


def _file_id(code: str) -> str:
    return code.replace("/", "-").replace(".", "-")


def _records(indicator: Indicator) -> list[dict[str, object]]:
    observations = Observation.objects.current().filter(indicator=indicator)
    with_progress = observations.filter(progress__isnull=False).exists()
    current = observations.order_by("geography__code", "series", "period_start").values_list(
        "period", "geography__code", "dimensions", "series", "progress", "value"
    )
    records = []
    # Plain values, not model instances: an indicator may hold many thousands of rows.
    for period, place, dimensions, series, progress, value in current.iterator(10_000):
        # GeoCode (never a disaggregation for Open SDG) names the geography, so an
        # export reads back into the same places whatever --geography says.
        record: dict[str, object] = {"Year": period, GEOCODE: place}
        record |= dimensions or _dims_from_key(series)
        if with_progress:
            record["Progress"] = progress
        records.append(record | {"Value": value})
    return _complete(records)


def _dims_from_key(key: str) -> dict[str, object]:
    pairs = (part.split("=", 1) for part in key.split("|")) if key else ()
    return {name: value for name, value in pairs}


def _complete(records: list[dict[str, object]]) -> list[dict[str, object]]:
    # Every row has every column, so the CSV is rectangular; a missing one is empty.
    columns = list(dict.fromkeys(k for r in records for k in r))
    return [{c: r.get(c) for c in columns} for r in records]


def _config(indicator: Indicator) -> dict[str, object]:
    saved = indicator.assessment_options.get("opensdg") or {}
    config: dict[str, object] = {
        "indicator_name": indicator.name_en,
        "computation_units": indicator.unit,
    }
    config["auto_progress_calculation"] = bool(saved.get("auto", True))
    options = saved.get("options") or [_default_options(indicator)]
    config["progress_calculation_options"] = options
    if saved.get("manual_status"):
        config["progress_status"] = saved["manual_status"]
    return config


def _default_options(indicator: Indicator) -> dict[str, object]:
    direction = "positive" if indicator.direction == Indicator.Direction.INCREASE else "negative"
    options: dict[str, object] = {"direction": direction}
    target = indicator.targets.order_by("target_period").first()
    if target is not None and target.kind in ("level", "share"):
        options |= {
            "target": target.target_level,
            "target_year": parse_period(target.target_period).end.year,
        }
        if target.baseline_period:
            options["base_year"] = parse_period(target.baseline_period).start.year
    return options
