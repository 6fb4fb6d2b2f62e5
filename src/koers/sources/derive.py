"""Figures Koers computes from others: region sums and ratios. Every rule is here.

- **Sums.** A region (the Metropoolregio Eindhoven) is the sum of its member
  municipalities, for indicators that add up (`Indicator.additive`: counts and
  amounts). The members of a period are those whose membership overlaps it
  (municipalities merge, memberships have validity dates). When one of them
  has no value for the period, the region gets no value for it: a sum short of
  a member would read as a fall. The refusal is reported instead.
- **Ratios.** An indicator with `derivation = {"kind": "ratio", "numerator":
  CODE, "denominator": CODE, "factor": NUMBER, "denominator_geography": CODE?}`
  is numerator / denominator × factor, per geography and period, computed from
  the two series, never averaged from ratios; with `denominator_geography` the
  denominator is read there (a region's share of the national total).

Derived values are stored like any other (append-only: a changed input adds a
revision of the derived value), marked with their derivation and a note that
names the inputs; a derived value is provisional when an input is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from koers.agendas.models import Geography, GeographyMembership, SourceDocument
from koers.indicators.models import Derivation, Indicator, Observation
from koers.indicators.periods import parse_period
from koers.sources.store import NewObservation, StoreResult, store_observations

RATIO_KEYS = frozenset({"kind", "numerator", "denominator", "factor", "denominator_geography"})


class DerivationError(ValueError):
    """An indicator's derivation that cannot be computed as declared."""


@dataclass(frozen=True)
class Refusal:
    """A derived value Koers did not compute, and why."""

    indicator: str
    geography: str
    period: str
    reason: str

    def __str__(self) -> str:
        return f"{self.indicator} {self.geography} {self.period}: {self.reason}"


@dataclass
class DeriveResult:
    stored: StoreResult = field(default_factory=StoreResult)
    refusals: list[Refusal] = field(default_factory=list)


@dataclass(frozen=True)
class _Value:
    value: float
    provisional: bool
    source: SourceDocument | None


# (series, period) -> value, for one indicator at one geography.
_Series = dict[tuple[str, str], _Value]


def derive_all() -> DeriveResult:
    """Every region sum, then every ratio (ratios may divide region sums)."""
    result = DeriveResult()
    with transaction.atomic():
        for indicator in Indicator.objects.filter(additive=True).order_by("code"):
            _merge(result, derive_sums(indicator))
        for indicator in _ratio_order():
            _merge(result, derive_ratio(indicator))
    return result


def _merge(total: DeriveResult, part: DeriveResult) -> None:
    total.stored += part.stored
    total.refusals += part.refusals


# --- sums ---------------------------------------------------------------------------------


def derive_sums(indicator: Indicator) -> DeriveResult:
    """The region sums of one additive indicator, for every region with members."""
    result = DeriveResult()
    memberships = _memberships()
    if not memberships:
        return result
    values = _values(indicator, {m.member_id for ms in memberships.values() for m in ms})
    for region, members in sorted(memberships.items(), key=lambda item: item[0].code):
        rows, refusals = _region_sums(indicator, region, members, values)
        result.refusals += refusals
        for source, group in _by_source(rows).items():
            result.stored += store_observations(group, source=source)
    return result


def _memberships() -> dict[Geography, list[GeographyMembership]]:
    found: dict[Geography, list[GeographyMembership]] = defaultdict(list)
    for membership in GeographyMembership.objects.select_related("region", "member"):
        found[membership.region].append(membership)
    return dict(found)


def _values(indicator: Indicator, geography_ids: set[int]) -> dict[int, _Series]:
    rows = (
        Observation.objects.current()
        .filter(indicator=indicator, geography_id__in=geography_ids)
        .select_related("source")
    )
    found: dict[int, _Series] = defaultdict(dict)
    for obs in rows:
        found[obs.geography_id][(obs.series, obs.period)] = _Value(
            obs.value, obs.provisional, obs.source
        )
    return found


def _region_sums(
    indicator: Indicator,
    region: Geography,
    members: list[GeographyMembership],
    values: Mapping[int, _Series],
) -> tuple[list[tuple[NewObservation, SourceDocument | None]], list[Refusal]]:
    measured = _measured(indicator, region.pk)
    keys = sorted({key for m in members for key in values.get(m.member_id, {})} - measured)
    rows: list[tuple[NewObservation, SourceDocument | None]] = []
    refusals: list[Refusal] = []
    for series, period in keys:
        bounds = parse_period(period)
        present = [m for m in members if m.overlaps(bounds.start, bounds.end)]
        missing = [m.member.code for m in present if (series, period) not in values[m.member_id]]
        if missing:
            reason = f"no value for {', '.join(missing)} ({len(missing)} of {len(present)})"
            refusals.append(Refusal(indicator.code, region.code, period, reason))
            continue
        parts = [values[m.member_id][(series, period)] for m in present]
        rows.append(_sum_row(indicator, region, series, period, present, parts))
    return rows, refusals


def _measured(indicator: Indicator, geography_id: int) -> set[tuple[str, str]]:
    rows = Observation.objects.current().filter(
        indicator=indicator, geography_id=geography_id, derivation=Derivation.MEASURED
    )
    return set(rows.values_list("series", "period"))


def _sum_row(
    indicator: Indicator,
    region: Geography,
    series: str,
    period: str,
    members: list[GeographyMembership],
    parts: list[_Value],
) -> tuple[NewObservation, SourceDocument | None]:
    codes = ", ".join(sorted(m.member.code for m in members))
    sources = {p.source for p in parts}
    row = NewObservation(
        indicator=indicator.code,
        geography=region.code,
        period=period,
        value=sum(p.value for p in parts),
        series=series,
        flags=("provisional",) if any(p.provisional for p in parts) else (),
        derivation=Derivation.SUM,
        note_nl=f"Som van {len(members)} leden van {region.code}: {codes}.",
        note_en=f"Sum of the {len(members)} members of {region.code}: {codes}.",
        source_section=f"sum of {len(members)} member geographies",
    )
    return row, sources.pop() if len(sources) == 1 else None


def _by_source(
    rows: Iterable[tuple[NewObservation, SourceDocument | None]],
) -> dict[SourceDocument | None, list[NewObservation]]:
    groups: dict[SourceDocument | None, list[NewObservation]] = defaultdict(list)
    for row, source in rows:
        groups[source].append(row)
    return groups


# --- ratios -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RatioSpec:
    numerator: str
    denominator: str
    factor: float
    denominator_geography: str | None


def ratio_spec(indicator: Indicator) -> RatioSpec | None:
    """The indicator's ratio definition, checked; None for a measured indicator."""
    spec: Any = indicator.derivation
    if not spec:
        return None
    where = f"indicator {indicator.code}, derivation"
    if not isinstance(spec, dict) or spec.get("kind") != "ratio":
        raise DerivationError(f'{where}: the only kind Koers computes is "ratio"')
    unknown = sorted(set(spec) - RATIO_KEYS)
    if unknown:
        raise DerivationError(f"{where}: unknown key {unknown[0]!r}")
    for key in ("numerator", "denominator"):
        if not isinstance(spec.get(key), str):
            raise DerivationError(f"{where}: {key} must name an indicator code")
    factor = spec.get("factor", 1)
    if isinstance(factor, bool) or not isinstance(factor, int | float) or factor <= 0:
        raise DerivationError(f"{where}: factor must be a positive number")
    geography = spec.get("denominator_geography")
    return RatioSpec(spec["numerator"], spec["denominator"], float(factor), geography)


def _ratio_order() -> Iterator[Indicator]:
    """Ratio indicators, each after the ratios it divides (a cycle is an error)."""
    derived = {i.code: i for i in Indicator.objects.exclude(derivation={}).order_by("code")}
    done: set[str] = set()

    def visit(code: str, path: tuple[str, ...]) -> Iterator[Indicator]:
        if code in path:
            raise DerivationError(f"derivations form a cycle: {' -> '.join((*path, code))}")
        if code in done or code not in derived:
            return
        spec = ratio_spec(derived[code])
        assert spec is not None
        for part in (spec.numerator, spec.denominator):
            yield from visit(part, (*path, code))
        done.add(code)
        yield derived[code]

    for code in derived:
        yield from visit(code, ())


def derive_ratio(indicator: Indicator) -> DeriveResult:
    """numerator / denominator × factor for every geography and period both have."""
    spec = ratio_spec(indicator)
    result = DeriveResult()
    if spec is None:
        return result
    numerator, denominator = (
        _indicator(spec.numerator, indicator),
        _indicator(spec.denominator, indicator),
    )
    above = _denominator_geography(spec, indicator)
    tops = _headline(denominator, above.pk) if above else {}
    rows: list[tuple[NewObservation, SourceDocument | None]] = []
    for geography, values in _headlines(numerator).items():
        if above is not None and geography.pk == above.pk:
            continue  # the whole's share of itself says nothing
        bottoms = tops if above else _headline(denominator, geography.pk)
        measured = {p for s, p in _measured(indicator, geography.pk) if not s}
        for period, top in sorted(values.items()):
            if period in measured:
                continue
            bottom = bottoms.get(period)
            row = _ratio_row(indicator, spec, geography, period, top, bottom, result)
            if row is not None:
                rows.append((row, top.source))
    for source, group in _by_source(rows).items():
        result.stored += store_observations(group, source=source)
    return result


def _indicator(code: str, of: Indicator) -> Indicator:
    found = Indicator.objects.filter(code=code).first()
    if found is None:
        raise DerivationError(f"indicator {of.code}, derivation: unknown indicator {code!r}")
    return found


def _denominator_geography(spec: RatioSpec, indicator: Indicator) -> Geography | None:
    if spec.denominator_geography is None:
        return None
    found = Geography.objects.filter(code=spec.denominator_geography).first()
    if found is None:
        raise DerivationError(
            f"indicator {indicator.code}, derivation: unknown geography "
            f"{spec.denominator_geography!r}"
        )
    return found


def _headlines(indicator: Indicator) -> dict[Geography, dict[str, _Value]]:
    rows = (
        Observation.objects.current()
        .filter(indicator=indicator, series="")
        .select_related("geography", "source")
    )
    found: dict[Geography, dict[str, _Value]] = defaultdict(dict)
    for obs in rows:
        found[obs.geography][obs.period] = _Value(obs.value, obs.provisional, obs.source)
    return found


def _headline(indicator: Indicator, geography_id: int) -> dict[str, _Value]:
    rows = Observation.objects.current().filter(
        indicator=indicator, series="", geography_id=geography_id
    )
    return {o.period: _Value(o.value, o.provisional, None) for o in rows}


def _ratio_row(
    indicator: Indicator,
    spec: RatioSpec,
    geography: Geography,
    period: str,
    top: _Value,
    bottom: _Value | None,
    result: DeriveResult,
) -> NewObservation | None:
    if bottom is None:
        return None  # no denominator for this period: nothing to divide, nothing to report
    if bottom.value == 0:
        reason = f"{spec.denominator} is zero"
        result.refusals.append(Refusal(indicator.code, geography.code, period, reason))
        return None
    where = f" in {spec.denominator_geography}" if spec.denominator_geography else ""
    return NewObservation(
        indicator=indicator.code,
        geography=geography.code,
        period=period,
        value=top.value / bottom.value * spec.factor,
        flags=("provisional",) if top.provisional or bottom.provisional else (),
        derivation=Derivation.RATIO,
        note_nl=f"Berekend: {spec.numerator} / {spec.denominator}{where} × {spec.factor:g}.",
        note_en=f"Computed: {spec.numerator} / {spec.denominator}{where} × {spec.factor:g}.",
        source_section=f"{spec.numerator} / {spec.denominator}{where}",
    )
