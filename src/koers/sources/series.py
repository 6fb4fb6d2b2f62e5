"""Plain records and parsing helpers shared by the statistics readers.

No Django here: the readers turn a statistics file into `StatPoint`s that
the importer (or a test) can compare and store.
"""

from __future__ import annotations

import datetime
import gzip
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any, TextIO

FORMATS = (
    "eurostat-tsv",
    "eurostat-sdmx-csv",
    "eurostat-long-csv",
    "eurostat-jsonstat",
    "cbs-csv",
    "cbs-odata-json",
)

# Koers's flag vocabulary, in the order flags are listed on a point.
FLAG_VOCABULARY = ("provisional", "estimated", "revised", "break")

# Eurostat observation status letters that have a Koers meaning. The others
# (c confidential, d definition differs, u low reliability, z not applicable,
# f forecast, n not significant) are kept only in `source_flags`.
EUROSTAT_FLAGS: Mapping[str, tuple[str, ...]] = {
    "p": ("provisional",),
    "e": ("estimated",),
    "s": ("estimated",),  # "Eurostat estimate", the phased-out twin of e
    "r": ("revised",),
    "b": ("break",),
}

# CBS marks periods: * voorlopig (provisional), ** nader voorlopig (a
# provisional figure that has been revised once). Its APIs spell the status out
# ("Voorlopig", "Nader voorlopig"); words are looked up in lower case without spaces.
CBS_FLAGS: Mapping[str, tuple[str, ...]] = {
    "*": ("provisional",),
    "**": ("provisional", "revised"),
    "voorlopig": ("provisional",),
    "nadervoorlopig": ("provisional", "revised"),
}

SPEC_KEYS = frozenset(
    {"indicator", "file", "format", "filters", "geographies", "columns", "scale", "decimals"}
    | {"source"}
)
SPEC_REQUIRED = frozenset({"indicator", "file", "format", "geographies", "source"})
SOURCE_KEYS = frozenset({"title", "publisher", "reference", "retrieved"})
COLUMN_KEYS = frozenset({"geo", "period", "value"})
# Formats whose value field has no sensible default: the spec must name it.
VALUE_COLUMN_REQUIRED = frozenset({"cbs-csv", "cbs-odata-json"})

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class StatisticsFormatError(ValueError):
    """A statistics file does not read as its declared format.

    Names the file, the line (or the record, for JSON) and the field, so a
    person can open the file at the right spot.
    """

    def __init__(
        self,
        path: Path | str,
        message: str,
        *,
        line: int | None = None,
        field: str | None = None,
        record: str | None = None,
    ) -> None:
        self.path = Path(path)
        # A live response is named by its URL, which Path would mangle ("https:/...").
        self.origin = str(path)
        self.line = line
        self.field = field
        self.record = record
        self.reason = message
        super().__init__(self._describe())

    def _describe(self) -> str:
        return f"{place(self.origin, self.line, self.record, self.field)}: {self.reason}"


def place(origin: str, line: int | None, record: str | None, field: str | None) -> str:
    """Where in a file something is, as messages write it: "f.tsv, line 12, field '2019'"."""
    parts = [origin]
    if line is not None:
        parts.append(f"line {line}")
    if record is not None:
        parts.append(f"record {record}")
    if field is not None:
        parts.append(f"field {field!r}")
    return ", ".join(parts)


class SeriesSpecError(ValueError):
    """A `reference_series` entry is not valid; the message says where."""


@dataclass(frozen=True)
class StatPoint:
    """One observation: a Koers geography code, a period, a value and flags."""

    geography: str
    period: str  # "2019", "2019-Q3" or "2019-06"
    value: float
    flags: tuple[str, ...]  # Koers vocabulary, see FLAG_VOCABULARY
    source_flags: tuple[str, ...] = ()  # the flags as the file wrote them


@dataclass(frozen=True)
class SeriesSource:
    """Where a series comes from, as the dataset's `source` entries say it."""

    title: str
    publisher: str
    reference: str
    retrieved: datetime.date | None = None


@dataclass(frozen=True)
class SeriesSpec:
    """One `reference_series` entry of a dataset's history.yaml."""

    indicator: str
    file: str  # relative to the dataset's reference/ folder
    format: str
    geographies: dict[str, str]  # source code -> Koers code; others are skipped
    source: SeriesSource
    filters: dict[str, str] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)  # geo / period / value
    scale: Decimal = Decimal(1)  # e.g. 1000 for a "x 1 000" column
    decimals: int | None = None  # round to this many decimals after scaling

    @classmethod
    def from_mapping(cls, data: object, where: str) -> SeriesSpec:
        """Build a spec from parsed YAML; `where` names the file and entry index."""
        mapping = _mapping(data, where)
        _check_keys(mapping, SPEC_KEYS, SPEC_REQUIRED, where)
        spec_format = _text(mapping["format"], f"{where}.format")
        if spec_format not in FORMATS:
            raise SeriesSpecError(f"{where}.format: {spec_format!r} is not one of {FORMATS}")
        columns = _text_mapping(mapping.get("columns", {}), f"{where}.columns")
        _check_columns(columns, spec_format, f"{where}.columns")
        return cls(
            indicator=_slug(mapping["indicator"], f"{where}.indicator"),
            file=_relative_file(mapping["file"], f"{where}.file"),
            format=spec_format,
            geographies=_geographies(mapping["geographies"], f"{where}.geographies"),
            source=_source(mapping["source"], f"{where}.source"),
            filters=_text_mapping(mapping.get("filters", {}), f"{where}.filters"),
            columns=columns,
            scale=_scale(mapping.get("scale", 1), f"{where}.scale"),
            decimals=_decimals(mapping.get("decimals"), f"{where}.decimals"),
        )

    def column(self, role: str, default: str) -> str:
        """The source field playing `role` (geo, period, value) in this series."""
        return self.columns.get(role, default)


@dataclass(frozen=True)
class Location:
    """Where in a file a value was read, for error messages."""

    line: int | None = None
    field: str | None = None
    record: str | None = None


@dataclass
class PointCollector:
    """Turns raw cells into points: maps geographies, skips gaps, refuses duplicates."""

    path: Path
    spec: SeriesSpec
    missing: frozenset[str]
    points: list[StatPoint] = field(default_factory=list)
    _seen: dict[tuple[str, str], Location] = field(default_factory=dict)

    def wants(self, source_geography: str) -> bool:
        """Whether the spec maps this source geography code."""
        return self._koers_code(source_geography) is not None

    def _koers_code(self, source_geography: str) -> str | None:
        # {"*": "*"} keeps every geography under its own code (a feed that ranks them all).
        code = source_geography.strip()
        if "*" in self.spec.geographies:
            return code
        return self.spec.geographies.get(code)

    def add(
        self,
        source_geography: str,
        period: str,
        value: str,
        source_flags: tuple[str, ...],
        where: Location,
        period_field: str | None = None,
    ) -> None:
        """Add one cell; a missing value is skipped, never read as zero.

        `where` points at the value; `period_field` names the period's own
        column when it has one, for an error about the period.
        """
        geography = self._koers_code(source_geography)
        if geography is None or value.strip() in self.missing:
            return
        period_at = Location(where.line, period_field or where.field, where.record)
        point = StatPoint(
            geography=geography,
            period=self._period(period, period_at),
            value=self._value(value, where),
            flags=normalise_flags(source_flags, self._flag_table()),
            source_flags=source_flags,
        )
        self._remember(point, where)
        self.points.append(point)

    def sorted_points(self) -> list[StatPoint]:
        """The points by geography, then period."""
        return sorted(self.points, key=lambda point: (point.geography, point.period))

    def error(self, message: str, where: Location) -> StatisticsFormatError:
        """An error pointing at `where` in this collector's file."""
        return StatisticsFormatError(
            self.path, message, line=where.line, field=where.field, record=where.record
        )

    def _flag_table(self) -> Mapping[str, tuple[str, ...]]:
        return CBS_FLAGS if self.spec.format.startswith("cbs-") else EUROSTAT_FLAGS

    def _period(self, text: str, where: Location) -> str:
        try:
            return normalise_period(text)
        except ValueError as exc:
            raise self.error(str(exc), where) from None

    def _value(self, text: str, where: Location) -> float:
        try:
            number = decimal_value(text)
        except ValueError as exc:
            raise self.error(str(exc), where) from None
        scaled = number * self.spec.scale
        if self.spec.decimals is not None:
            # Undo float noise a converter left (64599.99999999999 persons).
            exponent = Decimal(1).scaleb(-self.spec.decimals)
            scaled = scaled.quantize(exponent, rounding=ROUND_HALF_UP)
        return float(scaled)

    def _remember(self, point: StatPoint, where: Location) -> None:
        # Two rows for one geography and period mean the filters are too loose.
        key = (point.geography, point.period)
        earlier = self._seen.get(key)
        if earlier is not None:
            first = (
                f"line {earlier.line}" if earlier.line is not None else f"record {earlier.record}"
            )
            raise self.error(
                f"second value for {key[0]} {key[1]} (first at {first}); "
                "narrow the series with filters",
                where,
            )
        self._seen[key] = where


_PERIOD_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(\d{4})(?:JJ00)?$"), "{0}"),  # 2019, CBS 2019JJ00
    (re.compile(r"^(\d{4})(?:-?Q|KW0)([1-4])$"), "{0}-Q{1}"),  # 2019Q3, 2019-Q3, CBS 2019KW03
    (re.compile(r"^(\d{4})(?:M|-|MM)(0[1-9]|1[0-2])$"), "{0}-{1}"),  # 2019M06, 2019-06, 2019MM06
)


@lru_cache(maxsize=4096)  # a table repeats a few dozen periods over millions of values
def normalise_period(text: str) -> str:
    """Write a source period as Koers does: "2019", "2019-Q3" or "2019-06"."""
    stripped = text.strip()
    for pattern, template in _PERIOD_PATTERNS:
        match = pattern.match(stripped)
        if match:
            return template.format(*match.groups())
    raise ValueError(f"{stripped!r} is not a year, quarter or month")


def decimal_value(text: str) -> Decimal:
    """A statistics cell as a number; ValueError for text, NaN or infinity."""
    stripped = text.strip()
    try:
        number = Decimal(stripped)
    except InvalidOperation:
        raise ValueError(f"{stripped!r} is not a number") from None
    if not number.is_finite():
        raise ValueError(f"{stripped!r} is not a finite number")
    return number


def normalise_flags(
    source_flags: Iterable[str], table: Mapping[str, tuple[str, ...]]
) -> tuple[str, ...]:
    """Koers's flags for the source's flags, in vocabulary order, without repeats."""
    found = {flag for source in source_flags for flag in table.get(source.lower(), ())}
    return tuple(flag for flag in FLAG_VOCABULARY if flag in found)


_FLAG_TEXT = re.compile(r"^[A-Za-z|]*$")


def flag_letters(text: str) -> tuple[str, ...] | None:
    """The letters of a Eurostat flag string ("bep", "|C"); None if it is not one."""
    stripped = text.strip()
    if not _FLAG_TEXT.match(stripped):
        return None
    return tuple(letter for letter in stripped if letter != "|")


@contextmanager
def open_text(path: Path) -> Iterator[TextIO]:
    """Open a text file for the csv module, gunzipping it when it is gzip."""
    with path.open("rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    if gzipped:
        with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as text:
            yield text
    else:
        with path.open(encoding="utf-8-sig", newline="") as text:
            yield text


def _mapping(data: object, where: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise SeriesSpecError(f"{where}: expected a mapping, got {type(data).__name__}")
    return data


def _check_keys(
    mapping: Mapping[str, Any], allowed: frozenset[str], required: frozenset[str], where: str
) -> None:
    unknown = sorted(set(mapping) - allowed)
    if unknown:
        raise SeriesSpecError(f"{where}: unknown key(s) {unknown}; allowed: {sorted(allowed)}")
    absent = sorted(required - set(mapping))
    if absent:
        raise SeriesSpecError(f"{where}: missing key(s) {absent}")


def _text(value: object, where: str) -> str:
    # YAML reads codes like 3 or 2010 as numbers; a code is text either way.
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise SeriesSpecError(f"{where}: expected text, got {value!r}")
    text = str(value).strip()
    if not text:
        raise SeriesSpecError(f"{where}: must not be empty")
    return text


def _slug(value: object, where: str) -> str:
    text = _text(value, where)
    if not _SLUG.match(text):
        raise SeriesSpecError(f"{where}: {text!r} is not a lower-case slug")
    return text


def _relative_file(value: object, where: str) -> str:
    text = _text(value, where)
    path = PurePosixPath(text)
    if path.is_absolute() or ".." in path.parts or "\\" in text:
        raise SeriesSpecError(f"{where}: {text!r} must be a relative path inside reference/")
    return text


def _text_mapping(value: object, where: str) -> dict[str, str]:
    mapping = _mapping(value, where)
    return {
        _text(key, f"{where} key"): _text(item, f"{where}.{key}") for key, item in mapping.items()
    }


def _geographies(value: object, where: str) -> dict[str, str]:
    geographies = _text_mapping(value, where)
    if not geographies:
        raise SeriesSpecError(f"{where}: map at least one source code to a Koers geography")
    return geographies


def _check_columns(columns: Mapping[str, str], spec_format: str, where: str) -> None:
    unknown = sorted(set(columns) - COLUMN_KEYS)
    if unknown:
        raise SeriesSpecError(f"{where}: unknown role(s) {unknown}; allowed: {sorted(COLUMN_KEYS)}")
    if spec_format in VALUE_COLUMN_REQUIRED and "value" not in columns:
        raise SeriesSpecError(f"{where}: format {spec_format} needs columns.value")


def _scale(value: object, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise SeriesSpecError(f"{where}: expected a number, got {value!r}")
    try:
        scale = Decimal(str(value))
    except InvalidOperation:
        raise SeriesSpecError(f"{where}: {value!r} is not a number") from None
    if not scale.is_finite() or scale <= 0:
        raise SeriesSpecError(f"{where}: must be a positive number")
    return scale


def _decimals(value: object, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 12:
        raise SeriesSpecError(f"{where}: expected a whole number from 0 to 12, got {value!r}")
    return value


def _source(value: object, where: str) -> SeriesSource:
    mapping = _mapping(value, where)
    _check_keys(mapping, SOURCE_KEYS, SOURCE_KEYS - {"retrieved"}, where)
    return SeriesSource(
        title=_text(mapping["title"], f"{where}.title"),
        publisher=_text(mapping["publisher"], f"{where}.publisher"),
        reference=_relative_file(mapping["reference"], f"{where}.reference"),
        retrieved=_date(mapping.get("retrieved"), f"{where}.retrieved"),
    )


def _date(value: object, where: str) -> datetime.date | None:
    if value is None or (
        isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
    ):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise SeriesSpecError(f"{where}: expected an ISO date (2023-10-04) or null, got {value!r}")


def require_fields(header: Sequence[str], names: Iterable[str], collector: PointCollector) -> None:
    """Fail on line 1 when the header lacks a field the spec names."""
    for name in names:
        if name not in header:
            raise collector.error(
                f"no column {name!r}; the header has {list(header)}", Location(line=1, field=name)
            )


def load_json(path: Path) -> dict[str, Any]:
    """Parse a JSON file whose top level is an object, naming the line of a syntax error."""
    try:
        with open_text(path) as handle:
            data = json.load(handle)
    except json.JSONDecodeError as exc:
        raise StatisticsFormatError(
            path, exc.msg, line=exc.lineno, field=f"column {exc.colno}"
        ) from None
    if not isinstance(data, dict):
        raise StatisticsFormatError(path, "expected a JSON object at the top level", line=1)
    return data
