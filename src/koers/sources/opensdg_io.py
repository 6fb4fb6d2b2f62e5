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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from koers.agendas.models import Geography, SourceDocument
from koers.indicators.models import Indicator, Observation
from koers.indicators.periods import PeriodError, parse_period
from koers.sources.opensdg_format import (
    OpenSdgFormatError,
    OpenSdgIndicator,
    OpenSdgRow,
    indicator_ids,
    read_indicator,
    write_indicator,
)


def series_key(fields: dict[str, str | None] | Any) -> str:
    """The series key of a row: its non-empty disaggregation values, in column order."""
    return "|".join(f"{k}={v}" for k, v in fields.items() if v not in (None, ""))


def import_opensdg(folder: Path, geography: str = "NL") -> dict[str, int]:
    """Read every indicator in `folder`, then write them in one transaction.

    Nothing is written when any file is malformed (OpenSdgFormatError names the
    file, row and column). Importing the same data again adds nothing; a changed
    value is added as a revision, and the earlier value stays readable.
    """
    if not (folder / "data").is_dir() and not (folder / "meta").is_dir():
        raise OpenSdgFormatError(
            folder, "not an Open SDG data repository (no data/ or meta/ folder)"
        )
    _check_geography_code(folder, geography)
    indicators = [read_indicator(folder, i) for i in indicator_ids(folder)]
    if not indicators:
        # Else an empty data/ folder would still record the repository as a source.
        raise OpenSdgFormatError(
            folder, "holds no indicator (no data/indicator_*.csv or meta/*.md files)"
        )
    for indicator in indicators:
        _check_rows(indicator)
    with transaction.atomic():
        place = _geography(geography)
        source = _source(folder)
        counts = {"indicators": 0, "observations": 0}
        for indicator in indicators:
            counts["indicators"] += 1
            counts["observations"] += _store(indicator, place, source)
    return counts


def _check_geography_code(folder: Path, code: str) -> None:
    longest = Geography._meta.get_field("code").max_length or 20
    if not code.strip() or len(code) > longest:
        raise OpenSdgFormatError(
            folder, f"--geography {code[:40]!r}: a geography code has 1 to {longest} characters"
        )


def _check_rows(indicator: OpenSdgIndicator) -> None:
    seen: dict[tuple[str, str], int] = {}
    for row in _valued_rows(indicator):
        key = (series_key(row.fields), _period(indicator, row))
        if key in seen:
            path = indicator.data.path if indicator.data else Path(indicator.indicator_id)
            message = f"the same series and year as row {seen[key]}"
            raise OpenSdgFormatError(path, message, row=row.line, column="Year")
        seen[key] = row.line


def _valued_rows(indicator: OpenSdgIndicator) -> Iterator[OpenSdgRow]:
    if indicator.data is not None:
        yield from (row for row in indicator.data.rows if row.value is not None)


def _period(indicator: OpenSdgIndicator, row: OpenSdgRow) -> str:
    try:
        return parse_period(row.year_text).label
    except PeriodError:
        if float(row.year).is_integer():
            return str(int(row.year))
        path = indicator.data.path if indicator.data else Path(indicator.indicator_id)
        raise OpenSdgFormatError(
            path, f"{row.year_text!r} is not a year", row=row.line, column="Year"
        ) from None


def _geography(code: str) -> Geography:
    found: Geography | None = Geography.objects.filter(code=code).first()
    if found is not None:
        return found
    return Geography.objects.create(
        code=code, level=Geography.Level.COUNTRY, name_nl=code, name_en=code
    )


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


def _store(data: OpenSdgIndicator, place: Geography, source: SourceDocument) -> int:
    indicator = _indicator(data)
    known = {
        (o.series, o.period): o.value
        for o in Observation.objects.current().filter(indicator=indicator, geography=place)
    }
    new = []
    for row in _valued_rows(data):
        key, period = series_key(row.fields), _period(data, row)
        if known.get((key, period)) == row.value:
            continue  # already recorded with this value
        new.append(
            _observation(indicator, place, source, row, key, period, revised=(key, period) in known)
        )
    for obs in new:
        obs.full_clean(exclude=["indicator", "geography", "source"])
    bulk_create_with_history(new, Observation, batch_size=2000)
    return len(new)


def _observation(
    indicator: Indicator,
    place: Geography,
    source: SourceDocument,
    row: OpenSdgRow,
    key: str,
    period: str,
    revised: bool,
) -> Observation:
    bounds = parse_period(period)
    return Observation(
        indicator=indicator,
        geography=place,
        series=key,
        dimensions=dict(row.fields),
        period=period,
        period_start=bounds.start,
        period_end=bounds.end,
        value=float(row.value or 0.0),  # rows without a value were skipped
        revised=revised,
        source=source,
        source_section=f"{Path(source.reference).name}/data, row {row.line}",
    )


def _indicator(data: OpenSdgIndicator) -> Indicator:
    meta = data.meta
    name = str(meta.get("indicator_name") or meta.get("graph_title") or data.indicator_id)
    options = {
        "auto": data.progress.auto,
        "options": [dict(o) for o in data.progress.options],
        "manual_status": data.progress.manual_status,
        "progress_column": bool(data.data and data.data.has_progress),
    }
    indicator, _ = Indicator.objects.update_or_create(
        code=data.indicator_id,
        defaults={
            "name_nl": name[:300],
            "name_en": name[:300],
            "unit": str(meta.get("computation_units") or meta.get("unit") or "")[:100],
            "direction": _direction(data),
            "frequency": Indicator.Frequency.ANNUAL,
            "publisher": str(meta.get("source_organisation_1") or "")[:300],
            "assessment_options": {"opensdg": options},
        },
    )
    return indicator


def _direction(data: OpenSdgIndicator) -> str:
    first = data.progress.options[0] if data.progress.options else {}
    # sdg-build: anything but "positive" means a decrease is desired.
    return "increase" if first.get("direction") == "positive" else "decrease"


# --- export ---------------------------------------------------------------------------------


def export_opensdg(folder: Path) -> int:
    """Write every Koers indicator with data as an Open SDG indicator; returns how many."""
    count = 0
    for indicator in Indicator.objects.order_by("code"):
        rows = _records(indicator)
        if rows:
            write_indicator(folder, _file_id(indicator.code), rows, _config(indicator))
            count += 1
    return count


def _file_id(code: str) -> str:
    return code.replace("/", "-").replace(".", "-")


def _records(indicator: Indicator) -> list[dict[str, object]]:
    observations = (
        Observation.objects.current().filter(indicator=indicator).select_related("geography")
    )
    records = []
    for obs in observations.order_by("geography__code", "series", "period_start"):
        dims = dict(obs.dimensions) or _dims_from_key(obs.series)
        if not indicator.assessment_options.get("opensdg"):
            dims = {"GeoCode": obs.geography.code, **dims}
        records.append({"Year": obs.period, **dims, "Value": obs.value})
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
