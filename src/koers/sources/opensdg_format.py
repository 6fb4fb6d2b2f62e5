"""Read and write the Open SDG data format (no Django).

An Open SDG data repository holds, per indicator `<id>` (e.g. `1-1-1`):

- `data/indicator_<id>.csv`: `Year`, `Value` and any other columns. `Series`
  and `Units` name the series and unit; the columns Open SDG never treats as
  disaggregations (`GeoCode`, observation status and attributes such as
  `COMMENT_OBS`, see `NON_DISAGGREGATION_COLUMNS`) go to `attributes`; every
  other column is a disaggregation. An optional `Progress` column replaces
  `Value` in the progress calculation. Empty cells (and pandas' missing
  markers such as `NA`) are None.
- `meta/<id>.md`: metadata as YAML front matter between `---` lines;
- `indicator-config/<id>.yml`: indicator configuration as plain YAML.

Both metadata files may carry `auto_progress_calculation`,
`progress_calculation_options` and a manual `progress_status`; the reader
checks them and keeps the options as plain dicts. Any bad input raises
`OpenSdgFormatError`, which names the file, the row (line) and the column
(or the option key).
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import yaml

from koers.sources import safe_yaml

YEAR = "Year"
VALUE = "Value"
PROGRESS = "Progress"
SERIES = "Series"
UNITS = "Units"

# sdg-build's Open SDG defaults (`open_sdg_indicator_options_defaults`).
NON_DISAGGREGATION_COLUMNS = frozenset(
    {
        "GeoCode",
        "Observation status",
        "Unit multiplier",
        "Unit measure",
        "UNIT_MEASURE",
        "SERIES",
        "COMMENT_TS",
        "DATA_LAST_UPDATE",
        "COMMENT_OBS",
        "SOURCE_DETAIL",
    }
)
# Observation attributes may come per language (COMMENT_OBS_EN, ...).
ATTRIBUTE_PREFIXES = ("COMMENT_OBS", "SOURCE_DETAIL")
# pandas' default missing-value markers, which sdg-build reads with.
MISSING = frozenset(
    {
        "",
        "#N/A",
        "#N/A N/A",
        "#NA",
        "-1.#IND",
        "-1.#QNAN",
        "-NaN",
        "-nan",
        "1.#IND",
        "1.#QNAN",
        "<NA>",
        "N/A",
        "NA",
        "NULL",
        "NaN",
        "None",
        "n/a",
        "nan",
        "null",
    }
)
NUMBER_OPTIONS = ("base_year", "target", "target_year", "limit")
DIRECTIONS = ("positive", "negative")
# A year, maybe with a span ("2015-16", "2014/2015"), a month ("2019-03"), a quarter
# ("2000 Q1", "2015-Q1") or, as Koers writes its own periods, a day or a range of days.
_YEAR = re.compile(
    r"(\d{4})(?:\.0)?"
    r"(?:\s*[-/]\s*\d{2,4}|\s*-?\s*Q[1-4]|-\d{2}-\d{2}(?:/\d{4}-\d{2}-\d{2})?)?\Z",
    re.IGNORECASE,
)
FIRST_YEAR, LAST_YEAR = 1800, 2200
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*$", re.S | re.M)


class OpenSdgFormatError(ValueError):
    """Bad Open SDG input, with the file, row (line) and column or key."""

    def __init__(
        self, path: Path | str, message: str, *, row: int | None = None, column: str | None = None
    ) -> None:
        self.path, self.row, self.column, self.reason = Path(path), row, column, message
        where = "".join((f", row {row}" if row else "", f", column {column!r}" if column else ""))
        super().__init__(f"{path}{where}: {message}")


@dataclass(frozen=True, slots=True)
class OpenSdgRow:
    """One data row. `line` is its line in the file (the header is line 1)."""

    line: int
    year_text: str
    year: float
    value: float | None
    progress: float | None
    fields: Mapping[str, str | None]
    attributes: Mapping[str, str | None]

    @property
    def series_key(self) -> tuple[tuple[str, str], ...]:
        """The non-empty Series, Units and disaggregation values."""
        return tuple((k, v) for k, v in self.fields.items() if v is not None)


@dataclass(frozen=True, slots=True)
class OpenSdgData:
    """The rows of one `indicator_<id>.csv`."""

    path: Path
    columns: tuple[str, ...]
    rows: tuple[OpenSdgRow, ...]

    @property
    def has_progress(self) -> bool:
        """True when a Progress column replaces Value for progress."""
        return PROGRESS in self.columns

    @property
    def disaggregation_columns(self) -> tuple[str, ...]:
        return tuple(c for c in self.columns if _kind(c) == "field" and c not in (SERIES, UNITS))

    def series_keys(self) -> list[tuple[tuple[str, str], ...]]:
        """The distinct series keys, in the order they first appear."""
        return list(dict.fromkeys(row.series_key for row in self.rows))


@dataclass(frozen=True, slots=True)
class ProgressSettings:
    """The progress part of an indicator's metadata, checked."""

    auto: bool
    options: tuple[Mapping[str, object], ...]
    manual_status: str | None


@dataclass(frozen=True, slots=True)
class OpenSdgIndicator:
    """Data, merged metadata (meta then indicator-config) and progress settings."""

    indicator_id: str
    data: OpenSdgData | None
    meta: Mapping[str, object]
    progress: ProgressSettings


# Reading data ------------------------------------------------------------------------


def read_data(path: Path | str) -> OpenSdgData:
    """Read `data/indicator_<id>.csv`."""
    path = Path(path)
    with _open(path) as handle:
        header, rows = stream_data(path, handle)
        return OpenSdgData(path, header, tuple(rows))


@contextmanager
def open_data(path: Path | str) -> Iterator[tuple[tuple[str, ...], Iterator[OpenSdgRow]]]:
    """The header and the rows of a data file, read as they are used (memory stays flat
    however long the file is)."""
    path = Path(path)
    with _open(path) as handle:
        yield stream_data(path, handle)


def stream_data(path: Path, handle: TextIO) -> tuple[tuple[str, ...], Iterator[OpenSdgRow]]:
    lines = _csv_lines(path, handle)
    header = _header(path, next(lines, (1, [])))
    reader = _RowReader(path, header)
    return tuple(header), (reader.read(line, cells) for line, cells in lines if cells)


@contextmanager
def _open(path: Path) -> Iterator[TextIO]:
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise OpenSdgFormatError(path, f"cannot read the file: {error}") from error
    with handle:
        yield handle


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise OpenSdgFormatError(path, f"cannot read the file: {error}") from error


def _csv_lines(path: Path, handle: TextIO) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(handle)
    try:
        for cells in reader:
            yield reader.line_num, cells
    except csv.Error as error:
        raise OpenSdgFormatError(path, f"malformed CSV: {error}", row=reader.line_num) from error
    except UnicodeDecodeError as error:
        raise OpenSdgFormatError(path, f"cannot read the file: {error}") from error


def _header(path: Path, first: tuple[int, list[str]]) -> list[str]:
    header = [c.strip() for c in first[1]]
    for required in (YEAR, VALUE):
        if required not in header:
            raise OpenSdgFormatError(path, "missing column", row=1, column=required)
    duplicates = sorted({c for c in header if header.count(c) > 1})
    if duplicates:
        raise OpenSdgFormatError(path, "duplicate column", row=1, column=duplicates[0])
    return header


class _RowReader:
    """Reads the rows of one file; the role of each column is worked out once."""

    def __init__(self, path: Path, header: list[str]) -> None:
        self.path, self.header, self.width = path, header, len(header)
        self.year, self.value = header.index(YEAR), header.index(VALUE)
        self.progress = header.index(PROGRESS) if PROGRESS in header else None
        self.fields = [(i, c) for i, c in enumerate(header) if _kind(c) == "field"]
        self.attributes = [(i, c) for i, c in enumerate(header) if _kind(c) == "attribute"]

    def read(self, line: int, cells: list[str]) -> OpenSdgRow:
        if len(cells) != self.width:
            column = self.header[len(cells)] if len(cells) < self.width else f"#{len(cells)}"
            raise OpenSdgFormatError(
                self.path,
                f"{len(cells)} cells where the header has {self.width}",
                row=line,
                column=column,
            )
        path, year_text = self.path, cells[self.year].strip()
        progress = "" if self.progress is None else cells[self.progress]
        return OpenSdgRow(
            line=line,
            year_text=year_text,
            year=_year(path, line, year_text),
            value=_number(path, line, VALUE, cells[self.value]),
            progress=_number(path, line, PROGRESS, progress),
            # _text inlined: this runs for every cell of every row.
            fields={
                c: None if (v := cells[i]) in MISSING or v.strip() in MISSING else v
                for i, c in self.fields
            },
            attributes={c: _text(cells[i]) for i, c in self.attributes},
        )


def _kind(column: str) -> str:
    if column in (YEAR, VALUE, PROGRESS):
        return "core"
    if column in NON_DISAGGREGATION_COLUMNS or column.startswith(ATTRIBUTE_PREFIXES):
        return "attribute"
    return "field"


def _year(path: Path, line: int, text: str) -> float:
    # Open SDG takes the first four characters of "2015-16" or "2014/2015"; anything
    # else after the year ("2015abc") or a fifth digit ("99999") is a typing error.
    match = _YEAR.match(text.strip())
    if match is None or not FIRST_YEAR <= int(match[1]) <= LAST_YEAR:
        raise OpenSdgFormatError(
            path,
            f"year {text!r} is not a year ({FIRST_YEAR} to {LAST_YEAR}; also a span like "
            "2015-16, a quarter like 2015 Q1 or a month like 2019-03)",
            row=line,
            column=YEAR,
        )
    return float(int(match[1]))


def _number(path: Path, line: int, column: str, text: str) -> float | None:
    if text in MISSING or text.strip() in MISSING:
        return None
    try:
        number = float(text)
    except ValueError:
        raise OpenSdgFormatError(
            path, f"{text.strip()!r} is not a number", row=line, column=column
        ) from None
    if math.isinf(number):  # NaN is missing (pandas); infinity is no measurement
        raise OpenSdgFormatError(
            path, f"{text.strip()!r} is not a finite number", row=line, column=column
        )
    return number


def _text(text: str) -> str | None:
    return None if text in MISSING or text.strip() in MISSING else text


# Reading metadata --------------------------------------------------------------------


def read_meta(path: Path | str) -> dict[str, object]:
    """The YAML front matter of `meta/<id>.md`."""
    path = Path(path)
    match = _FRONT_MATTER.match(_read_text(path))
    if match is None:
        raise OpenSdgFormatError(path, "no YAML front matter between '---' lines", row=1)
    return _yaml_mapping(path, match.group(1), first_line=2)


def read_config(path: Path | str) -> dict[str, object]:
    """The YAML of `indicator-config/<id>.yml`."""
    path = Path(path)
    return _yaml_mapping(path, _read_text(path), first_line=1)


def _yaml_mapping(path: Path, text: str, first_line: int) -> dict[str, object]:
    try:
        data = safe_yaml.load(text)  # a safe loader with limits (CSafeLoader when built)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        row = mark.line + first_line if mark is not None else None
        raise OpenSdgFormatError(path, f"invalid YAML: {error}", row=row) from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise OpenSdgFormatError(path, "the YAML is not a mapping", row=first_line)
    return {str(k): v for k, v in data.items()}


def progress_settings(meta: Mapping[str, object], path: Path | str) -> ProgressSettings:
    """Check and return the progress settings of merged metadata from `path`."""
    auto = meta.get("auto_progress_calculation", False)
    if not isinstance(auto, bool):
        raise _option_error(path, "auto_progress_calculation", "must be true or false")
    status = meta.get("progress_status")
    options = meta.get("progress_calculation_options") or []
    if not isinstance(options, list):
        raise _option_error(path, "progress_calculation_options", "must be a list")
    for index, entry in enumerate(options):
        _check_entry(path, f"progress_calculation_options[{index}]", entry)
    return ProgressSettings(auto, tuple(options), None if status is None else str(status))


def _check_entry(path: Path | str, where: str, entry: object) -> None:
    if not isinstance(entry, dict):
        raise _option_error(path, where, "must be a mapping")
    if "group" in entry:
        _check_group(path, f"{where}.group", entry["group"])
        return
    for key in NUMBER_OPTIONS:
        if entry.get(key) is not None and not _is_number(entry[key]):
            raise _option_error(path, f"{where}.{key}", f"{entry[key]!r} is not a number")
    if entry.get("direction") not in (None, *DIRECTIONS):
        raise _option_error(path, f"{where}.direction", "must be positive or negative")
    _check_disaggregation(path, f"{where}.disaggregation", entry.get("disaggregation"))
    _check_thresholds(path, f"{where}.progress_thresholds", entry.get("progress_thresholds"))


def _check_group(path: Path | str, where: str, members: object) -> None:
    if not isinstance(members, list) or not members:
        raise _option_error(path, where, "must be a non-empty list")
    for index, member in enumerate(members):
        _check_entry(path, f"{where}[{index}]", member)


def _check_disaggregation(path: Path | str, where: str, value: object) -> None:
    if value is None:
        return
    if not isinstance(value, list) or not all(
        isinstance(d, dict) and "field" in d and "value" in d for d in value
    ):
        raise _option_error(path, where, "must be a list of {field, value}")


def _check_thresholds(path: Path | str, where: str, value: object) -> None:
    if value is None:
        return
    if not isinstance(value, dict) or not all(_is_number(v) for v in value.values()):
        raise _option_error(path, where, "must map high, med and low to numbers")


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _option_error(path: Path | str, key: str, message: str) -> OpenSdgFormatError:
    return OpenSdgFormatError(path, message, row=_key_line(path, key), column=key)


def _key_line(path: Path | str, key: str) -> int | None:
    # The line of the option's top-level key, for the error message.
    top = key.split(".")[0].split("[")[0]
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((n for n, line in enumerate(lines, 1) if line.startswith(f"{top}:")), None)


# Whole indicators --------------------------------------------------------------------


def indicator_ids(folder: Path | str) -> list[str]:
    """The indicator ids with a data file, metadata or config in `folder`."""
    folder = Path(folder)
    found = {p.stem.removeprefix("indicator_") for p in folder.glob("data/indicator_*.csv")}
    found |= {p.stem for p in folder.glob("meta/*.md")}
    found |= {p.stem for p in folder.glob("indicator-config/*.yml")}
    return sorted(found, key=_id_order)


def _id_order(indicator_id: str) -> list[tuple[int, str]]:
    return [(int(p), "") if p.isdigit() else (10**9, p) for p in indicator_id.split("-")]


def read_indicator(
    folder: Path | str, indicator_id: str, *, with_data: bool = True
) -> OpenSdgIndicator:
    """Data, metadata and progress settings of one indicator in a repository folder
    (without the data rows when not `with_data`: read them with `open_data`)."""
    folder = Path(folder)
    data_path = folder / "data" / f"indicator_{indicator_id}.csv"
    sources = [
        (p, reader)
        for p, reader in (
            (folder / "meta" / f"{indicator_id}.md", read_meta),
            (folder / "indicator-config" / f"{indicator_id}.yml", read_config),
        )
        if p.exists()
    ]
    meta: dict[str, object] = {}
    progress_path: Path = data_path
    for path, reader in sources:
        part = reader(path)
        meta.update(part)
        progress_path = path if _has_progress_keys(part) else progress_path
    data = read_data(data_path) if with_data and data_path.exists() else None
    return OpenSdgIndicator(indicator_id, data, meta, progress_settings(meta, progress_path))


def _has_progress_keys(meta: Mapping[str, object]) -> bool:
    keys = ("auto_progress_calculation", "progress_calculation_options", "progress_status")
    return any(k in meta for k in keys)


# Writing -----------------------------------------------------------------------------


def write_data(
    path: Path | str, records: Sequence[Mapping[str, object]], columns: Sequence[str] | None = None
) -> None:
    """Write records ({"Year": 2020, "Geography": "Canada", "Value": 1.5}) as an
    Open SDG CSV: Year first, then the other columns, Progress and Value last."""
    path = Path(path)
    header = list(columns) if columns is not None else _columns(records)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for index, record in enumerate(records):
        writer.writerow([_cell(path, index + 2, c, record.get(c)) for c in header])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(out.getvalue(), encoding="utf-8")


def _columns(records: Sequence[Mapping[str, object]]) -> list[str]:
    seen = dict.fromkeys(k for r in records for k in r)
    middle = [c for c in seen if c not in (YEAR, VALUE, PROGRESS)]
    return [YEAR, *middle, *([PROGRESS] if PROGRESS in seen else []), VALUE]


def _cell(path: Path, row: int, column: str, value: object) -> str:
    if column == YEAR and value is None:
        raise OpenSdgFormatError(path, "a record has no Year", row=row, column=column)
    if column in (VALUE, PROGRESS) and value is not None and not _is_number(value):
        raise OpenSdgFormatError(path, f"{value!r} is not a finite number", row=row, column=column)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and column == YEAR:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def write_config(path: Path | str, config: Mapping[str, object]) -> None:
    """Write an `indicator-config/<id>.yml`, refusing progress options the
    reader would refuse."""
    path = Path(path)
    progress_settings(config, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(dict(config), sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")


def write_indicator(
    folder: Path | str,
    indicator_id: str,
    records: Sequence[Mapping[str, object]],
    config: Mapping[str, object],
) -> None:
    """Write the data CSV and indicator config of one indicator."""
    folder = Path(folder)
    write_data(folder / "data" / f"indicator_{indicator_id}.csv", records)
    write_config(folder / "indicator-config" / f"{indicator_id}.yml", config)
