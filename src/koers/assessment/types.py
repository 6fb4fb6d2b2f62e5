"""Value types of the assessment engine: frozen dataclasses, no Django, no I/O.

An engine call takes a `Series` (and for the Open SDG method a `Config`) and
returns a `Result`; aggregations (indicator, agenda item, pillar) return an
`Aggregate`. Every result carries an `Explanation`: the structured record of
how the status came about, with `text` as its human-readable rendering.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Direction = Literal["increase", "decrease"]

RATE_RELATIVE = "fraction_per_year"
RATE_ABSOLUTE = "units_per_year"
RATE_RANKS = "ranks_per_year"


@dataclass(frozen=True, slots=True)
class Point:
    """One observation: the (first) year it describes and its value."""

    year: float
    value: float


@dataclass(frozen=True, slots=True)
class Series:
    """A time series with what policy wants from it.

    `direction` is the desired direction. `target`/`target_year` are the
    quantified aim (optional). `limit` is a natural maximum (increase) or
    minimum (decrease), used by the Open SDG method only without a target.
    """

    points: tuple[Point, ...]
    direction: Direction = "increase"
    target: float | None = None
    target_year: float | None = None
    limit: float | None = None
    key: str = ""


@dataclass(frozen=True, slots=True)
class Config:
    """One entry of Open SDG's `progress_calculation_options` (sdg-build 2.4.0).

    Defaults are sdg-build's: base year 2015, target year 2030, no target,
    direction "negative" (anything but "positive" means a decrease is
    desired). `group` holds nested entries whose scores are averaged first.
    `problems` lists option values that could not be read; a config with
    problems assesses as not_available instead of raising.
    """

    base_year: float = 2015
    target_year: float = 2030
    target: float | None = None
    direction: str = "negative"
    limit: float | None = None
    series: str | None = None
    unit: str | None = None
    disaggregation: tuple[tuple[str, str | None], ...] = ()
    progress_thresholds: tuple[tuple[str, float], ...] = ()
    group: tuple[Config, ...] = ()
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Band:
    """A row of a threshold table: values above `lower` (or equal to it when
    `inclusive`) get `status`, unless an earlier row already matched."""

    status: str
    lower: float
    inclusive: bool = True


@dataclass(frozen=True, slots=True)
class Explanation:
    """How a status came about.

    `reason` is a stable key for why this class was chosen ("band",
    "target_achieved", "limit_reached" or a not-available reason such as
    "single_year"); `facts` are the named intermediate numbers (CAGRs,
    ratio, coefficient, rates), kept as one names tuple shared by every
    result of a method and one values tuple; `notes` are the warnings a
    careful reader needs (zero replaced, base year moved forward, limit
    ignored).
    """

    method: str
    status: str
    reason: str
    points_used: tuple[Point, ...] = ()
    bands: tuple[Band, ...] = ()
    value: float | None = None
    fact_names: tuple[str, ...] = ()
    fact_values: tuple[float | None, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def facts(self) -> tuple[tuple[str, float | None], ...]:
        """The named intermediate numbers as (name, value) pairs."""
        return tuple(zip(self.fact_names, self.fact_values, strict=False))

    def fact(self, name: str) -> float | None:
        """The named intermediate number, or None when absent."""
        if name not in self.fact_names:
            return None
        index = self.fact_names.index(name)
        return self.fact_values[index] if index < len(self.fact_values) else None

    @property
    def text(self) -> str:
        """The explanation as sentences for people."""
        from koers.assessment.explain import render_explanation

        return render_explanation(self)


@dataclass(frozen=True, slots=True)
class Result:
    """The assessment of one series by one method.

    `score` is in [-5, 5] (None when not assessable); `needed_rate` is the
    change per year still needed from the latest point to reach the target,
    `current_pace` the change per year observed so far, both in `rate_unit`.
    `stale` is None until a staleness check is attached (see staleness.py).
    """

    method: str
    status: str
    score: float | None
    progress_value: float | None
    base: Point | None
    current: Point | None
    needed_rate: float | None
    current_pace: float | None
    explanation: Explanation
    key: str = ""
    target_achieved: bool = False
    rate_unit: str = RATE_RELATIVE
    stale: bool | None = None

    @property
    def text(self) -> str:
        """The explanation as sentences for people."""
        return self.explanation.text


@dataclass(frozen=True, slots=True)
class Aggregate:
    """A status combined from children (series, groups, indicators, items).

    `used` are the keys whose scores entered the mean, `excluded` the
    children left out with the reason, `rule` the documented rule that
    produced the status (see rollup.py).
    """

    key: str
    status: str
    score: float | None
    target_achieved: bool
    used: tuple[str, ...]
    excluded: tuple[tuple[str, str], ...]
    rule: str
    children: tuple[Result | Aggregate, ...] = ()

    @property
    def text(self) -> str:
        """The roll-up rule applied, as sentences for people."""
        from koers.assessment.explain import render_aggregate

        return render_aggregate(self)


@dataclass(frozen=True, slots=True)
class Staleness:
    """Whether the latest observation is older than its schedule allows."""

    stale: bool | None
    reason: str
    age_days: int
    allowed_days: int | None


Options = Mapping[str, object]
