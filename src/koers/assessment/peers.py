"""A region among its peers: rank, distance to the top N, and who the peers are.

Pure functions over one period's values ({region code: value}); no Django.
`order` says which way is better: "descending" (1 = the highest value, as for
patents per inhabitant) or "ascending" (1 = the lowest).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

ORDERS = ("descending", "ascending")


@dataclass(frozen=True, slots=True)
class Standing:
    """Where a region stands in one period.

    `rank` counts the regions better than it, plus one (ties share the best
    rank); `threshold` is the value of the region ranked `top`, and `gap` the
    change the region's value needs to reach it (0 when it is already there).
    """

    period: str
    rank: int
    of: int
    value: float
    top: int
    threshold: float
    gap: float


def better(a: float, b: float, order: str) -> bool:
    """Whether value a beats value b."""
    return a > b if order == "descending" else a < b


def ranked(values: Mapping[str, float], order: str) -> list[str]:
    """The codes best first; ties in code order, so the list is stable."""
    sign = -1.0 if order == "descending" else 1.0
    return sorted(values, key=lambda code: (sign * values[code], code))


def rank_of(values: Mapping[str, float], code: str, order: str) -> int | None:
    """The region's rank, or None when it has no value."""
    if code not in values:
        return None
    own = values[code]
    return 1 + sum(1 for v in values.values() if better(v, own, order))


def standing(
    period: str, values: Mapping[str, float], code: str, order: str, top: int
) -> Standing | None:
    """Rank and distance to the top `top` in one period; None without a value."""
    rank = rank_of(values, code, order)
    if rank is None or top < 1:
        return None
    best = ranked(values, order)
    threshold = values[best[min(top, len(best)) - 1]]
    own = values[code]
    # Already at or above the N-th value: nothing to close.
    gap = 0.0 if rank <= top else threshold - own
    return Standing(period, rank, len(values), own, top, threshold, gap)


def peers(
    values: Mapping[str, float], code: str, order: str, count: int, named: Collection[str]
) -> list[str]:
    """The peer rule: the `count` best regions, the named peers with a value, and the
    region itself, best first."""
    chosen = set(ranked(values, order)[:count]) | {c for c in named if c in values}
    if code in values:
        chosen.add(code)
    return [c for c in ranked(values, order) if c in chosen]
