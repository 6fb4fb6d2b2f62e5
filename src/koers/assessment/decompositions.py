"""Read a declared decomposition (indicators.Decomposition) into the terms of
koers.assessment.balance: each figure from its latest observation, or, without one,
from the target set for the period (then it is a lever the what-if can move)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from koers.assessment.balance import (
    Balance,
    ShareCheck,
    SumCheck,
    Term,
    check_share,
    check_sum,
)
from koers.indicators.models import Decomposition, Indicator, Observation, Target

SPEC_KEYS = frozenset({"sums", "shares", "demand", "supply"})


@dataclass(frozen=True)
class Figure:
    """Where a term's value comes from, for the page: indicator, area and kind."""

    indicator: Indicator | None
    geography: str
    source: str  # "observation", "target" or "missing"


@dataclass(frozen=True)
class DecompositionView:
    decomposition: Decomposition
    figures: Mapping[str, Figure]  # term key -> where its value comes from
    sums: tuple[SumCheck, ...]
    shares: tuple[ShareCheck, ...]
    balance: Balance | None


def spec_problems(spec: Any) -> list[str]:
    """What is wrong with a decomposition's spec (empty when it is well formed)."""
    if not isinstance(spec, dict):
        return ["the parts and wholes must be a mapping"]
    problems = [f"unknown key {k!r}" for k in sorted(set(spec) - SPEC_KEYS)]
    for index, entry in enumerate(spec.get("sums") or []):
        if not isinstance(entry, dict) or set(entry) != {"whole", "parts"}:
            problems.append(f"sums[{index}] needs whole and parts")
    for index, entry in enumerate(spec.get("shares") or []):
        if not isinstance(entry, dict) or set(entry) != {"share", "part", "whole"}:
            problems.append(f"shares[{index}] needs share, part and whole")
    if bool(spec.get("demand")) != bool(spec.get("supply")):
        problems.append("a balance needs both demand and supply")
    return problems


def view(decomposition: Decomposition) -> DecompositionView:
    """The decomposition's figures, its checks and its balance."""
    reader = _Reader(decomposition)
    spec = decomposition.spec
    sums = tuple(
        check_sum(reader.term(s["whole"]), [reader.term(p) for p in s["parts"]])
        for s in spec.get("sums") or []
    )
    shares = tuple(
        check_share(reader.term(s["share"]), reader.term(s["part"]), reader.term(s["whole"]))
        for s in spec.get("shares") or []
    )
    balance = None
    if spec.get("demand") and spec.get("supply"):
        balance = Balance(
            tuple(reader.term(t) for t in spec["demand"]),
            tuple(reader.term(t) for t in spec["supply"]),
        )
    return DecompositionView(decomposition, reader.figures, sums, shares, balance)


class _Reader:
    def __init__(self, decomposition: Decomposition) -> None:
        self.decomposition = decomposition
        self.figures: dict[str, Figure] = {}

    def term(self, entry: Any) -> Term:
        code, geography = _entry(entry, self.decomposition.geography.code)
        key = code if geography == self.decomposition.geography.code else f"{code}@{geography}"
        indicator = Indicator.objects.filter(code=code).first()
        value, source = self._value(indicator, geography)
        self.figures[key] = Figure(indicator, geography, source)
        return Term(key, value, lever=source == "target")

    def _value(self, indicator: Indicator | None, geography: str) -> tuple[float | None, str]:
        if indicator is None:
            return None, "missing"
        period = self.decomposition.period
        observed = (
            Observation.objects.current()
            .filter(indicator=indicator, geography__code=geography, period=period, series="")
            .first()
        )
        if observed is not None:
            return observed.value, "observation"
        target = Target.objects.filter(
            indicator=indicator, geography__code=geography, target_period=period
        ).first()
        if target is not None:
            return target.target_value, "target"
        return None, "missing"


def _entry(entry: Any, default_geography: str) -> tuple[str, str]:
    # A term is an indicator code, or {indicator, geography} for a figure of another area.
    if isinstance(entry, dict):
        return str(entry.get("indicator", "")), str(entry.get("geography", default_geography))
    return str(entry), default_geography
