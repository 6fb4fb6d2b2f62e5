"""Open SDG indicators: options, data selection and series-to-indicator scores.

Follows sdg-build 2.4.0: `progress_calculation_options` is a list of entries,
one per series (`series`/`unit`/`disaggregation` select the rows; without a
`disaggregation` the headline rows, those with every disaggregation column
empty, are used). An entry `{group: [...]}` nests entries whose scores are
averaged first; the indicator score is the mean of the series and group
scores, its status comes from that mean (see rollup.py), and it is
target_achieved only when every scored series achieved its target.

Rows come from any reader (see `koers.sources.opensdg_format`) as objects
with `year`, `value`, `progress` and `fields`: every Series, Units and
disaggregation column by name, None where the cell is empty. Columns that
Open SDG never treats as disaggregations (GeoCode, observation attributes)
must already be left out of `fields`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Protocol

from koers.assessment import opensdg, rules
from koers.assessment.growth import is_number
from koers.assessment.rollup import rollup
from koers.assessment.types import Aggregate, Config, Point, Result

SERIES_COLUMN = "Series"
UNIT_COLUMN = "Units"
_THRESHOLD_KEYS = ("high", "med", "low")


class Row(Protocol):
    """One data row as the selection needs it."""

    @property
    def year(self) -> float: ...

    @property
    def value(self) -> float | None: ...

    @property
    def progress(self) -> float | None: ...

    @property
    def fields(self) -> Mapping[str, str | None]: ...


def config_from_options(options: Mapping[str, object]) -> Config:
    """A Config from one options entry; unreadable values become `problems`."""
    if "group" in options:
        return _group(options["group"])
    problems: list[str] = []
    return Config(
        base_year=_number(options, "base_year", 2015, problems),
        target_year=_number(options, "target_year", 2030, problems),
        target=_optional_number(options, "target", problems),
        direction=str(options.get("direction") or "negative"),
        limit=_optional_number(options, "limit", problems),
        series=_optional_text(options.get("series")),
        unit=_optional_text(options.get("unit")),
        disaggregation=_disaggregation(options.get("disaggregation"), problems),
        progress_thresholds=_progress_thresholds(options.get("progress_thresholds"), problems),
        problems=tuple(problems),
    )


def configs_from_options(entries: object) -> tuple[Config, ...]:
    """All entries; none at all means one default entry, as in sdg-build."""
    if not entries:
        return (Config(),)
    if not isinstance(entries, list):
        return (Config(problems=("progress_calculation_options is not a list",)),)
    return tuple(_entry(e) for e in entries)


def _entry(entry: object) -> Config:
    if isinstance(entry, Mapping):
        return config_from_options(entry)
    return Config(problems=(f"options entry {entry!r} is not a mapping",))


def _group(members: object) -> Config:
    if not isinstance(members, list) or not members:
        return Config(problems=("group is not a non-empty list",))
    return Config(group=tuple(_entry(m) for m in members))


def _number(options: Mapping[str, object], name: str, default: float, problems: list[str]) -> float:
    value = _optional_number(options, name, problems)
    return default if value is None else value


def _optional_number(options: Mapping[str, object], name: str, problems: list[str]) -> float | None:
    value = options.get(name)
    if value is None:
        return None
    number = _to_number(value)
    if number is None:
        problems.append(f"{name}: {value!r} is not a number")
    return number


def _to_number(value: object) -> float | None:
    # YAML authors sometimes quote numbers; accept those, refuse the rest.
    if isinstance(value, str):
        value = _parse_float(value)
    return float(value) if is_number(value) else None


def _parse_float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _optional_text(value: object) -> str | None:
    return None if value is None else str(value)


def _disaggregation(value: object, problems: list[str]) -> tuple[tuple[str, str | None], ...]:
    if value is None:
        return ()
    pairs = value if isinstance(value, list) else [value]
    if not all(isinstance(p, Mapping) and "field" in p for p in pairs):
        problems.append("disaggregation: each item needs a field and a value")
        return ()
    return tuple((str(p["field"]), _optional_text(p.get("value"))) for p in pairs)


def _progress_thresholds(value: object, problems: list[str]) -> tuple[tuple[str, float], ...]:
    if not value:
        return ()
    if not isinstance(value, Mapping):
        problems.append("progress_thresholds is not a mapping")
        return ()
    read = tuple((str(k), _to_number(v)) for k, v in value.items() if k in _THRESHOLD_KEYS)
    if any(number is None for _, number in read):
        problems.append("progress_thresholds: high, med and low must be numbers")
        return ()
    return tuple((k, n) for k, n in read if n is not None)


def series_tag(indicator_id: str, config: Config) -> str:
    """sdg-build's series tag: id, series, unit, disaggregation values."""
    parts = [indicator_id]
    parts += [p for p in (config.series, config.unit) if p is not None]
    parts += [str(value) for _, value in config.disaggregation]
    return " / ".join(parts)


def select_points(
    rows: Sequence[Row], config: Config, *, progress_column: bool = False
) -> tuple[tuple[Point, ...], str, tuple[str, ...]]:
    """The points of the series `config` selects, a problem key ("" when none)
    and notes, following sdg-build's `filter_data`."""
    notes: list[str] = []
    kept = list(rows)
    for column, wanted in _filters(config):
        kept = _filter_column(kept, column, wanted, notes)
    problem = "" if config.disaggregation else _headline_problem(kept)
    if not config.disaggregation:
        kept = [r for r in kept if _is_headline(r)]
    problem = problem or _many_series_problem(kept, notes)
    if problem:
        return (), problem, tuple(notes)
    return _points(kept, progress_column), "", tuple(notes)


def _filters(config: Config) -> Iterator[tuple[str, str | None]]:
    # sdg-build filters by unit, then series, then each disaggregation.
    if config.unit is not None:
        yield UNIT_COLUMN, config.unit
    if config.series is not None:
        yield SERIES_COLUMN, config.series
    yield from config.disaggregation


def _filter_column(rows: list[Row], column: str, wanted: str | None, notes: list[str]) -> list[Row]:
    # Like sdg-build, a column or value that is not there filters nothing.
    if not rows or column not in rows[0].fields:
        notes.append(f"column {column!r} not found; not filtered")
        return rows
    matched = [r for r in rows if wanted is not None and r.fields.get(column) == wanted]
    if not matched:
        notes.append(f"{wanted!r} not found in column {column!r}; not filtered")
        return rows
    return matched


def _is_headline(row: Row) -> bool:
    exempt = (SERIES_COLUMN, UNIT_COLUMN)
    return all(v is None for k, v in row.fields.items() if k not in exempt)


def _headline_problem(rows: list[Row]) -> str:
    # Rows but no headline among them: sdg-build stops with an error.
    return "no_headline" if rows and not any(_is_headline(r) for r in rows) else ""


def _many_series_problem(rows: list[Row], notes: list[str]) -> str:
    for column in rows[0].fields if rows else ():
        labels = {r.fields.get(column) for r in rows}
        # More than one label left means the options did not pick one series.
        if len(labels) > 1:
            notes.append(f"several series remain in column {column!r}")
            return "many_series"
    return ""


def _points(rows: list[Row], progress_column: bool) -> tuple[Point, ...]:
    # The Progress column, when present, replaces Value for every row.
    values = ((r.year, r.progress if progress_column else r.value) for r in rows)
    return tuple(Point(year, v) for year, v in values if v is not None and v == v)


def assess_entry(
    rows: Sequence[Row], config: Config, indicator_id: str, *, progress_column: bool = False
) -> Result | Aggregate:
    """One options entry: a series result, or for a group its aggregate."""
    if config.group:
        members = [
            assess_entry(rows, c, indicator_id, progress_column=progress_column)
            for c in config.group
        ]
        return rollup("group: " + " | ".join(m.key for m in members), members)
    key = series_tag(indicator_id, config)
    points, problem, notes = select_points(rows, config, progress_column=progress_column)
    series = opensdg.series_from_config(points, config, key)
    if problem:
        return opensdg.unavailable(series, problem, notes=notes)
    return opensdg.with_notes(opensdg.assess(series, config), notes)


def assess_indicator(
    rows: Sequence[Row],
    entries: Sequence[Config],
    indicator_id: str,
    *,
    progress_column: bool = False,
) -> Aggregate:
    """The indicator's score and status from its options entries."""
    children = [
        assess_entry(rows, c, indicator_id, progress_column=progress_column)
        for c in entries or (Config(),)
    ]
    return rollup(indicator_id, children)


def manual_status(indicator_id: str, status: str | None) -> Aggregate:
    """An indicator whose progress is set by hand (auto calculation off)."""
    return Aggregate(indicator_id, status or rules.NOT_AVAILABLE, None, False, (), (), "manual")


def series_results(aggregate: Aggregate) -> list[Result]:
    """Every series result inside an indicator aggregate, groups flattened."""
    found: list[Result] = []
    for child in aggregate.children:
        found += series_results(child) if isinstance(child, Aggregate) else [child]
    return found


__all__ = [
    "Row",
    "assess_entry",
    "assess_indicator",
    "config_from_options",
    "configs_from_options",
    "manual_status",
    "select_points",
    "series_results",
    "series_tag",
]
