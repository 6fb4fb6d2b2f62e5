"""What CBS codes mean in Koers: periods, statuses, regions and numbers (no Django).

- Periods: CBS writes `2019JJ00` (a year), `2019KW03` (a quarter) and `2019MM06` (a
  month); Koers writes `2019`, `2019-Q3`, `2019-06` (`series.normalise_period` is the
  one rule for every reader). A StatLine export marks a provisional year `2021*`
  and a revised provisional one `2021**`.
- Statuses: a period is `Definitief`, `Voorlopig` or `Nader voorlopig` (v3
  `Perioden.Status`, v4 `PeriodenCodes.Status`). Koers flags: provisional, and
  provisional + revised for nader voorlopig (`series.CBS_FLAGS`).
- Regions: `NL01` the Netherlands (Koers `NL`); `PV20`-`PV31` the twelve provinces,
  which are the NUTS-2 regions `NL11`-`NL42` (NUTS 2021) in Koers; `LD` landsdelen,
  `CR` COROP regions and `GM` municipalities keep their CBS code. A missing
  geography is created at the level its prefix names.
- Names: label-based StatLine exports name regions ("Eindhoven", "Noord-Brabant
  (PV)"); `cbs_regions.csv` maps the names of the Netherlands, the provinces and the
  municipalities of 2012-2024 to their codes (its header says where they come from).
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from koers.sources.cbs import CBS_MISSING
from koers.sources.series import CBS_FLAGS, normalise_period
from koers.sources.tables import Dimension, GeographySpec, Measure, StatTable

NATIONAL = "NL01"
NAME_LENGTH = 200  # Geography.name_nl and name_en
REGION_NAMES = Path(__file__).with_name("cbs_regions.csv")


class CbsError(ValueError):
    """A CBS source that cannot be read as asked; names the file or URL, record and field."""

    def __init__(
        self,
        source: str,
        reason: str,
        *,
        line: int | None = None,
        record: str | None = None,
        field: str | None = None,
    ) -> None:
        self.source = source
        self.reason = reason
        parts = [source]
        if line is not None:
            parts.append(f"line {line}")
        if record is not None:
            parts.append(f"record {record}")
        if field is not None:
            parts.append(f"field {field!r}")
        super().__init__(f"{', '.join(parts)}: {reason}")


@dataclass(frozen=True)
class Where:
    """A place in a source (a file or a URL, and a line or a record), for messages."""

    source: str
    line: int | None = None
    record: str | None = None

    def error(self, reason: str, field: str | None = None) -> CbsError:
        return CbsError(self.source, reason, line=self.line, record=self.record, field=field)

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.source}, line {self.line}"
        if self.record is not None:
            return f"{self.source}, record {self.record}"
        return self.source


@dataclass(frozen=True)
class CbsTable(StatTable):
    """A CBS table as read, and the measures it left out: text, where Koers keeps numbers."""

    left_out: tuple[str, ...] = ()


# --- periods and statuses -----------------------------------------------------------

_MARKED = re.compile(r"^(?P<code>[^*]+?)\s*(?P<mark>\*{1,2})?$")


@dataclass(frozen=True)
class CbsPeriod:
    code: str  # as the source wrote it, without a mark: "2019KW03", "2021"
    label: str  # as Koers writes it: "2019-Q3", "2021"
    mark: str = ""  # a StatLine export's "*" or "**"


def read_period(text: str) -> CbsPeriod:
    """A CBS period code or an export's period cell; ValueError when it is neither."""
    match = _MARKED.match(text.strip())
    if match is None:
        raise ValueError(f"{text.strip()!r} is not a period")
    code = match.group("code")
    return CbsPeriod(code, normalise_period(code), match.group("mark") or "")


def status_flags(status: str) -> tuple[str, ...]:
    """Koers flags for a CBS status word or mark ("Nader voorlopig", "NaderVoorlopig", "**")."""
    return CBS_FLAGS.get(status.lower().replace(" ", ""), ())


# --- numbers ------------------------------------------------------------------------


def read_number(cell: object) -> float | None:
    """A cell's number; None for an empty cell (".", "x", "", null). ValueError otherwise."""
    if cell is None:
        return None
    if isinstance(cell, bool) or not isinstance(cell, str | int | float):
        raise ValueError(f"{cell!r} is not a number")
    if isinstance(cell, int | float):
        return _finite(float(cell), cell)
    text = cell.strip()
    if text in CBS_MISSING:
        return None
    try:
        return _finite(float(Decimal(text)), text)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a number") from None


def _finite(number: float, shown: object) -> float:
    if not math.isfinite(number):
        raise ValueError(f"{shown!r} is not a finite number")
    return number


# --- regions ------------------------------------------------------------------------


@dataclass(frozen=True)
class Province:
    nuts: str  # NUTS 2021
    name_nl: str
    name_en: str


# Checked against Eurostat (tests): the geo codes of nama_10r_3gdp, and the population on
# 1 January 2018 that CBS 70072ned gives per province and Eurostat per NUTS-2 region.
PROVINCES: Mapping[str, Province] = {
    "PV20": Province("NL11", "Groningen", "Groningen"),
    "PV21": Province("NL12", "Fryslân", "Friesland"),
    "PV22": Province("NL13", "Drenthe", "Drenthe"),
    "PV23": Province("NL21", "Overijssel", "Overijssel"),
    "PV24": Province("NL23", "Flevoland", "Flevoland"),
    "PV25": Province("NL22", "Gelderland", "Gelderland"),
    "PV26": Province("NL31", "Utrecht", "Utrecht"),
    "PV27": Province("NL32", "Noord-Holland", "North Holland"),
    "PV28": Province("NL33", "Zuid-Holland", "South Holland"),
    "PV29": Province("NL34", "Zeeland", "Zeeland"),
    "PV30": Province("NL41", "Noord-Brabant", "North Brabant"),
    "PV31": Province("NL42", "Limburg", "Limburg"),
}

# The Koers level a CBS region code's prefix stands for (Geography.Level values): a
# landsdeel is a NUTS-1 region, a COROP region a NUTS-3 region. Others (wijken,
# buurten, ...) have no level of their own in Koers: "region".
LEVELS: Mapping[str, str] = {
    "NL": "country",
    "LD": "nuts1",
    "PV": "nuts2",
    "CR": "nuts3",
    "GM": "municipality",
}


def geography_spec(code: str, label: str = "") -> GeographySpec:
    """The Koers geography for a CBS region code; `label` names one Koers lacks."""
    if code == NATIONAL:
        return GeographySpec("NL", "country", "Nederland", "The Netherlands")
    province = PROVINCES.get(code)
    if province is not None:
        return GeographySpec(province.nuts, "nuts2", province.name_nl, province.name_en)
    name = (label.strip() or region_titles().get(code, code))[:NAME_LENGTH]
    return GeographySpec(code, LEVELS.get(code[:2], "region"), name, name)


@cache
def region_names() -> Mapping[str, str]:
    """StatLine's region names and their codes (`cbs_regions.csv`)."""
    with REGION_NAMES.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return {row["name"]: row["code"] for row in csv.DictReader(lines, delimiter=";")}


@cache
def region_titles() -> Mapping[str, str]:
    """The name of each code in `cbs_regions.csv` (the first, should it have two)."""
    titles: dict[str, str] = {}
    for name, code in region_names().items():
        titles.setdefault(code, name)
    return titles


# --- selections ---------------------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """The measures and dimension codes to read (empty: all); codes as the source writes
    them, region and period codes included (`RegioS=GM0772`, `Perioden=2020JJ00`)."""

    measures: frozenset[str] = frozenset()
    filters: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def parse(cls, measures: Iterable[str] = (), filters: Iterable[str] = ()) -> Selection:
        """From command-line words: measure codes and `DIM=CODE` filters (repeat: or)."""
        wanted: dict[str, set[str]] = {}
        for text in filters:
            name, equals, code = text.partition("=")
            if not equals or not name.strip() or not code.strip():
                raise ValueError(f"filter {text!r}: write it as DIMENSION=CODE")
            wanted.setdefault(name.strip(), set()).add(code.strip())
        return cls(frozenset(measures), {k: frozenset(v) for k, v in wanted.items()})

    def wants_measure(self, code: str) -> bool:
        return not self.measures or code in self.measures

    def wants(self, codes: Mapping[str, str]) -> bool:
        """Whether a record with these dimension codes is selected."""
        return all(codes.get(name) in wanted for name, wanted in self.filters.items())

    def check(
        self, source: str, measures: Sequence[Measure], dimensions: Sequence[Dimension]
    ) -> None:
        """Refuse a measure, dimension or code the table does not have (before any value)."""
        known = sorted(m.code for m in measures)
        unknown = sorted(self.measures - set(known))
        if unknown:
            raise CbsError(source, f"the table has no measure {unknown[0]!r}; it has {known}")
        by_code = {d.code: d for d in dimensions}
        for name, wanted in sorted(self.filters.items()):
            dimension = by_code.get(name)
            if dimension is None:
                names = sorted(by_code)
                raise CbsError(source, f"the table has no dimension {name!r}; it has {names}")
            missing = sorted(wanted - set(dimension.labels))
            if missing:
                raise CbsError(source, f"dimension {name} has no code {missing[0]!r}")

    def as_json(self) -> dict[str, object]:
        """How a recording states what it holds (index.json)."""
        return {
            "measures": sorted(self.measures),
            "filters": {name: sorted(codes) for name, codes in sorted(self.filters.items())},
        }


EVERYTHING = Selection()
