"""A statistics table as every connector hands it over (no Django).

The CBS and Eurostat connectors read a table (live, or from recorded
responses) into a `StatTable`: its measures, its dimensions with their codes,
and its values, one `TableValue` per non-empty cell with the source's own
status kept. What Koers does with a table (which measures become which
indicators, which geography codes map to which Koers geographies) is decided
elsewhere: by `koers import cbs|eurostat` and by the dataset's feeds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Measure:
    """What a table measures: a CBS measure code, a Eurostat unit × indicator."""

    code: str
    title: str
    unit: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class Dimension:
    """A dimension of a table and the labels of its codes."""

    code: str
    title: str
    role: str = "other"  # "geo", "time" or "other"
    labels: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class GeographySpec:
    """The Koers geography a source's geography code stands for, to create when missing."""

    code: str
    level: str  # a Geography.Level value
    name_nl: str
    name_en: str


@dataclass(frozen=True, slots=True)
class TableValue:
    """One non-empty cell: the measure, the geography and period, the value, its status.

    `geography` is the source's code with padding removed (GM0772, NL414);
    `period` is a Koers period label ("2019", "2019-Q3", "2019-06"); `flags`
    are Koers flags (provisional, estimated, revised, break); `status` is the
    source's own word for the value ("Voorlopig", "p", "e b").
    """

    measure: str
    geography: str
    period: str
    value: float
    dimensions: Mapping[str, str] = field(default_factory=dict)
    flags: tuple[str, ...] = ()
    status: str = ""
    where: str = ""  # the file and record it was read from, for messages


@dataclass(frozen=True)
class StatTable:
    """A table's description and a way to walk its values once or more."""

    publisher: str  # "CBS" or "Eurostat"
    table_id: str
    title: str
    reference: str  # the address the values were (or would be) fetched from
    retrieved: dt.date | None
    measures: tuple[Measure, ...]
    dimensions: tuple[Dimension, ...]
    read_values: Callable[[], Iterator[TableValue]] = field(repr=False, compare=False)

    def values(self) -> Iterator[TableValue]:
        """Every non-empty value, read afresh (recordings are streamed, not kept in memory)."""
        return self.read_values()

    def measure(self, code: str) -> Measure | None:
        return next((m for m in self.measures if m.code == code), None)
