"""Parts of a whole: sums that must add up, shares that must match, a balance and its gap,
and the what-if that moves a lever. Pure functions; no Django.

A `Term` is one figure of a decomposition: an observation or, as a `lever`, a target
the agenda set. Sums and shares are checked, never corrected: the difference is
shown, since a published plan whose parts do not add up is itself a finding.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class Term:
    key: str
    value: float | None
    lever: bool = False  # a target that can move; other terms are forecasts or facts


@dataclass(frozen=True, slots=True)
class SumCheck:
    whole: Term
    parts: tuple[Term, ...]
    total: float | None  # the parts added up; None when one is missing
    difference: float | None  # whole minus the parts

    @property
    def adds_up(self) -> bool | None:
        # Figures are rounded in the documents: a rounding's worth is no gap.
        return None if self.difference is None else abs(self.difference) < 0.5


@dataclass(frozen=True, slots=True)
class ShareCheck:
    share: Term  # a percentage
    part: Term
    whole: Term
    computed: float | None  # 100 * part / whole
    difference: float | None  # the stated share minus the computed one, in points


@dataclass(frozen=True, slots=True)
class Balance:
    demand: tuple[Term, ...]
    supply: tuple[Term, ...]

    @property
    def demand_total(self) -> float:
        return _total(self.demand)

    @property
    def supply_total(self) -> float:
        return _total(self.supply)

    @property
    def gap(self) -> float:
        """What demand asks beyond what supply gives; negative is a surplus."""
        return self.demand_total - self.supply_total

    @property
    def levers(self) -> tuple[Term, ...]:
        return tuple(t for t in (*self.demand, *self.supply) if t.lever)


@dataclass(frozen=True, slots=True)
class Move:
    """How far one lever would have to move to close the gap: alone, or sharing the gap
    with the other levers in proportion to their size."""

    term: Term
    alone: float | None  # the value this lever needs if it closes the gap by itself
    shared: float | None  # its value when every lever grows by the same factor


def _total(terms: Sequence[Term]) -> float:
    return sum(t.value for t in terms if t.value is not None)


def check_sum(whole: Term, parts: Sequence[Term]) -> SumCheck:
    """The parts added up against the whole."""
    if whole.value is None or any(p.value is None for p in parts):
        return SumCheck(whole, tuple(parts), None, None)
    total = _total(parts)
    return SumCheck(whole, tuple(parts), total, whole.value - total)


def check_share(share: Term, part: Term, whole: Term) -> ShareCheck:
    """The stated share against part / whole."""
    if share.value is None or part.value is None or not whole.value:
        return ShareCheck(share, part, whole, None, None)
    computed = 100 * part.value / whole.value
    return ShareCheck(share, part, whole, computed, share.value - computed)


def what_if(balance: Balance, changes: Mapping[str, float]) -> Balance:
    """The balance with levers set to new values; other keys are ignored."""

    def moved(term: Term) -> Term:
        return (
            replace(term, value=changes[term.key]) if term.lever and term.key in changes else term
        )

    return Balance(tuple(map(moved, balance.demand)), tuple(map(moved, balance.supply)))


def moves(balance: Balance) -> list[Move]:
    """For each lever, the value that would close the gap (none when there is no gap)."""
    gap = balance.gap
    if gap <= 0:
        return []
    supply_levers = [t for t in balance.supply if t.lever and t.value is not None]
    pool = sum(t.value for t in supply_levers if t.value is not None)
    factor = (pool + gap) / pool if pool > 0 else None
    found = []
    for term in balance.levers:
        if term.value is None:
            continue
        # A demand lever closes the gap by falling, a supply lever by rising.
        alone = term.value - gap if term in balance.demand else term.value + gap
        shared = term.value * factor if factor is not None and term in supply_levers else None
        found.append(Move(term, alone, shared))
    return found
