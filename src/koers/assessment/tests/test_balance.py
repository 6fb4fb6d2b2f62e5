"""Sums, shares, the balance and the what-if as pure functions, with property tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.assessment.balance import Balance, Term, check_share, check_sum, moves, what_if

# The Brainport talent balance for 2032 (Strategische Agenda 2030, Talent).
DEMAND = (Term("openings", 71200),)
SUPPLY = (
    Term("graduates", 17500),
    Term("extra-graduates", 12000, lever=True),
    Term("side-entrants", 8000, lever=True),
    Term("retained", 9000, lever=True),
    Term("productivity", 5000, lever=True),
)
TALENT = Balance(DEMAND, SUPPLY)


def test_the_demand_adds_up_from_replacement_and_growth() -> None:
    found = check_sum(Term("openings", 71200), [Term("replace", 18500), Term("growth", 52700)])
    assert (found.total, found.difference, found.adds_up) == (71200, 0, True)
    off = check_sum(Term("openings", 71200), [Term("replace", 18500), Term("growth", 50000)])
    assert (off.difference, off.adds_up) == (2700, False)
    missing = check_sum(Term("openings", 71200), [Term("replace", None)])
    assert missing.adds_up is None


def test_a_share_is_checked_against_part_and_whole() -> None:
    found = check_share(Term("share", 50), Term("region", 3300), Term("country", 6500))
    assert found.computed == pytest.approx(50.769, abs=1e-3)
    assert found.difference == pytest.approx(-0.769, abs=1e-3)
    assert check_share(Term("share", 50), Term("region", 3300), Term("country", 0)).computed is None


def test_the_talent_balance_leaves_a_gap_the_levers_do_not_close() -> None:
    assert (TALENT.demand_total, TALENT.supply_total, TALENT.gap) == (71200, 51500, 19700)
    fewer = what_if(TALENT, {"side-entrants": 4000, "graduates": 0})  # graduates: no lever
    assert fewer.gap == 23700
    closing = {m.term.key: m for m in moves(TALENT)}
    assert closing["extra-graduates"].alone == 31700
    assert closing["side-entrants"].shared == pytest.approx(8000 * 53700 / 34000)


terms = st.lists(st.tuples(st.integers(0, 10**6), st.booleans()), min_size=1, max_size=6).map(
    lambda pairs: tuple(Term(f"t{i}", float(v), lever) for i, (v, lever) in enumerate(pairs))
)


@given(terms, terms)
def test_the_gap_is_demand_minus_supply_and_no_change_changes_nothing(
    demand: tuple[Term, ...], supply: tuple[Term, ...]
) -> None:
    supply = tuple(Term("s" + t.key, t.value, t.lever) for t in supply)
    found = Balance(demand, supply)
    assert found.gap == sum(t.value or 0 for t in demand) - sum(t.value or 0 for t in supply)
    assert what_if(found, {}) == found


@given(terms, terms, st.integers(-1000, 1000))
def test_raising_a_supply_lever_by_x_narrows_the_gap_by_x(
    demand: tuple[Term, ...], supply: tuple[Term, ...], x: int
) -> None:
    supply = tuple(Term("s" + t.key, t.value, True) for t in supply)
    found = Balance(demand, supply)
    first = supply[0]
    moved = what_if(found, {first.key: (first.value or 0) + x})
    assert moved.gap == pytest.approx(found.gap - x)


@given(terms, terms)
def test_every_move_closes_the_gap(demand: tuple[Term, ...], supply: tuple[Term, ...]) -> None:
    supply = tuple(Term("s" + t.key, t.value, t.lever) for t in supply)
    found = Balance(demand, supply)
    for move in moves(found):
        assert what_if(found, {move.term.key: move.alone or 0}).gap == pytest.approx(0, abs=1e-6)
    shared = {m.term.key: m.shared for m in moves(found) if m.shared is not None}
    if shared:
        assert what_if(found, shared).gap == pytest.approx(0, abs=1e-6)
