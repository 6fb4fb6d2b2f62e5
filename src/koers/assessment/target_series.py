"""The series a target is assessed on, and how it was put together.

Two rules live here, both stated in the result's notes so no reader is misled:

- **Proxy.** A target whose own geography has fewer than two periods of data is
  assessed on the geography's declared proxy (`Geography.proxy`, e.g. NUTS-3
  NL414 for the Metropoolregio Eindhoven) when that has more. A proxy keeps the
  target's ambition, not its number: a level or change target is carried over
  as the same relative change from the proxy's own baseline value, a share as
  the same distance in percentage points; counts and ranks are never carried
  over (a region's count is not its proxy's).
- **Counting flows.** A cumulative target on yearly flows ("62,000 homes by
  2030") counts the flows since the baseline. A year between the baseline and
  the latest figure that has no figure yet is counted at the mean of the years
  observed since the baseline, never as zero: a missing year must not read as
  a year without homes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from itertools import accumulate
from statistics import fmean

from koers.agendas.models import Geography
from koers.assessment.types import Point
from koers.indicators.models import Observation, Target
from koers.indicators.periods import parse_period

# How a target is carried over to a proxy's series, by the target's kind.
PROXY_SCALING: Mapping[str, str | None] = {
    Target.Kind.LEVEL: "ratio",  # the same relative change from the proxy's baseline
    Target.Kind.CHANGE: "ratio",  # a change target is relative already
    Target.Kind.SHARE: "points",  # the same distance in percentage points
    Target.Kind.CUMULATIVE: None,  # a count of the proxy is not a count of the region
    Target.Kind.RANK: None,  # nor is its rank
}

_YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class ObservedPoint:
    """An observation as the assessment used it, with its provenance."""

    period: str
    year: float
    value: float
    provisional: bool
    estimated: bool
    revised: bool
    source: str
    retrieved: dt.date | None
    derivation: str = ""

    @property
    def point(self) -> Point:
        return Point(self.year, self.value)


@dataclass(frozen=True)
class ProxyUse:
    """A target assessed on another geography's figures, and the target as carried over."""

    stand_in: Geography
    baseline: Point | None
    target_level: float
    note: str


@dataclass(frozen=True)
class TargetSeries:
    """What a target's method sees: the figures, the baseline, the level to reach."""

    points: tuple[ObservedPoint, ...]  # as recorded (the target's own or its proxy's)
    values: tuple[Point, ...]  # as the method reads them (flows counted up)
    baseline: Point | None
    target_level: float
    proxy: ProxyUse | None
    notes: tuple[str, ...]


# Points read once for a whole roll-up (`points_read_once`): indicator ids it covers, and
# every current point of theirs by (indicator, geography, series).
_read_once: ContextVar[
    tuple[frozenset[int], Mapping[tuple[int, int, str], list[ObservedPoint]]]
] = ContextVar("koers_points_read_once")


@contextmanager
def points_read_once(indicator_ids: Iterable[int]) -> Iterator[None]:
    """Inside, `observed_points` of these indicators comes from one query made here."""
    ids = frozenset(indicator_ids)
    rows = (
        Observation.objects.current()
        .filter(indicator_id__in=ids)
        .select_related("source")
        .order_by("period_start", "period_end")
    )
    found: dict[tuple[int, int, str], list[ObservedPoint]] = defaultdict(list)
    for row in rows:
        found[(row.indicator_id, row.geography_id, row.series)].append(_observed(row))
    token = _read_once.set((ids, found))
    try:
        yield
    finally:
        _read_once.reset(token)


def observed_points(indicator_id: int, geography_id: int, series: str = "") -> list[ObservedPoint]:
    """The current (latest recorded) observations of one series, oldest period first."""
    covered, known = _read_once.get((frozenset(), {}))
    if indicator_id in covered:
        return list(known.get((indicator_id, geography_id, series), []))
    rows = (
        Observation.objects.current()
        .filter(indicator_id=indicator_id, geography_id=geography_id, series=series)
        .select_related("source")
        .order_by("period_start", "period_end")
    )
    return [_observed(row) for row in rows]


def _observed(row: Observation) -> ObservedPoint:
    source = row.source.title if row.source else ""
    return ObservedPoint(
        row.period,
        parse_period(row.period).midpoint_year,
        row.value,
        row.provisional,
        row.estimated,
        row.revised,
        source,
        row.retrieved,
        row.derivation,
    )


def target_series(target: Target) -> TargetSeries:
    """The series `target` is assessed on (see the module's two rules)."""
    points, proxy = _points(target)
    baseline = proxy.baseline if proxy else target_baseline(target)
    level = proxy.target_level if proxy else target.target_level
    values, notes = _as_counted(target, points, baseline)
    notes = ((proxy.note,) if proxy else ()) + notes
    return TargetSeries(tuple(points), tuple(values), baseline, level, proxy, notes)


def target_baseline(target: Target) -> Point | None:
    if target.baseline_value is None or not target.baseline_period:
        return None
    return Point(parse_period(target.baseline_period).midpoint_year, target.baseline_value)


def _points(target: Target) -> tuple[list[ObservedPoint], ProxyUse | None]:
    own = observed_points(target.indicator_id, target.geography_id)
    stand_in = target.geography.proxy
    if stand_in is None or _periods(own) >= 2 or PROXY_SCALING.get(target.kind) is None:
        return own, None
    theirs = observed_points(target.indicator_id, stand_in.pk)
    if _periods(theirs) <= _periods(own):
        return own, None
    proxy = carry_over(target, stand_in, theirs)
    return (theirs, proxy) if proxy is not None else (own, None)


def _periods(points: Sequence[ObservedPoint]) -> int:
    return len({p.period for p in points})


def carry_over(
    target: Target, stand_in: Geography, points: Sequence[ObservedPoint]
) -> ProxyUse | None:
    """The target carried over to the proxy's figures; None when it cannot be."""
    scaling = PROXY_SCALING.get(target.kind)
    baseline = target_baseline(target)
    where = f"{stand_in.code} ({stand_in.name_en}), the declared proxy for {target.geography.code}"
    if baseline is None:
        note = f"assessed on {where}; the target {target.target_level:.6g} is compared as stated"
        return ProxyUse(stand_in, None, target.target_level, note)
    at_base = next((p for p in points if p.period == target.baseline_period), None)
    if at_base is None or scaling is None or (scaling == "ratio" and baseline.value == 0):
        return None  # nothing to carry the ambition over from
    level = _scaled(scaling, target.target_level, baseline.value, at_base.value)
    note = (
        f"assessed on {where}; the target {target.target_level:.6g} from "
        f"{baseline.value:.6g} in {target.baseline_period} is carried over to {level:.6g} "
        f"from the proxy's {at_base.value:.6g}"
    )
    return ProxyUse(stand_in, Point(baseline.year, at_base.value), level, note)


def _scaled(scaling: str, target: float, base: float, proxy_base: float) -> float:
    if scaling == "ratio":
        return proxy_base * target / base
    return proxy_base + (target - base)


def _as_counted(
    target: Target, points: Sequence[ObservedPoint], baseline: Point | None
) -> tuple[list[Point], tuple[str, ...]]:
    """Yearly flows become a running count when the indicator says its values are flows."""
    counts_flows = target.kind == Target.Kind.CUMULATIVE and bool(
        target.indicator.assessment_options.get("cumulate")
    )
    if not counts_flows:
        return [p.point for p in points], ()
    start = baseline.year if baseline else float("-inf")
    flows = [p for p in points if p.year > start]
    filled, notes = _fill_years(flows, baseline)
    totals = accumulate((p.value for p in filled), initial=baseline.value if baseline else 0.0)
    return [Point(p.year, total) for p, total in zip(filled, list(totals)[1:], strict=True)], notes


def _fill_years(
    flows: list[ObservedPoint], baseline: Point | None
) -> tuple[list[Point], tuple[str, ...]]:
    points = [p.point for p in flows]
    if not flows or not all(_YEAR.match(p.period) for p in flows):
        return points, ()  # only whole years are filled
    first = int(baseline.year) + 1 if baseline else int(flows[0].year)
    seen = {int(p.year) for p in flows}
    missing = [year for year in range(first, int(flows[-1].year)) if year not in seen]
    if not missing:
        return points, ()
    pace = fmean(p.value for p in flows)
    filled = sorted([*points, *(Point(float(year), pace) for year in missing)], key=_year)
    years = ", ".join(str(year) for year in missing)
    note = (
        f"no figure yet for {years}: counted at the mean of the {len(flows)} observed "
        f"year(s) since the baseline ({pace:.6g} a year), not as zero"
    )
    return filled, (note,)


def _year(point: Point) -> float:
    return point.year
