"""Rank, distance to the top N and the peer rule, as pure functions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.assessment.peers import peers, rank_of, ranked, standing

VALUES = {"NL41": 7.0, "DE11": 9.0, "DE21": 8.0, "FR10": 3.0, "SE11": 8.0}


def test_the_rank_counts_the_better_regions_and_ties_share_the_best_rank() -> None:
    assert rank_of(VALUES, "DE11", "descending") == 1
    assert rank_of(VALUES, "DE21", "descending") == rank_of(VALUES, "SE11", "descending") == 2
    assert rank_of(VALUES, "NL41", "descending") == 4
    assert rank_of(VALUES, "NL41", "ascending") == 2
    assert rank_of(VALUES, "XX99", "descending") is None


def test_the_gap_is_what_it_takes_to_reach_the_nth_value() -> None:
    found = standing("2012", VALUES, "NL41", "descending", 3)
    assert found is not None
    assert (found.rank, found.of, found.threshold, found.gap) == (4, 5, 8.0, 1.0)
    inside = standing("2012", VALUES, "DE21", "descending", 3)
    assert inside is not None and inside.gap == 0.0


def test_the_peers_are_the_top_n_the_named_and_the_region_best_first() -> None:
    assert peers(VALUES, "NL41", "descending", 2, ["FR10", "XX99"]) == [
        "DE11",
        "DE21",
        "NL41",
        "FR10",
    ]


values = st.dictionaries(
    st.text("ABCDEFGH", min_size=2, max_size=4),
    st.floats(-1e6, 1e6, allow_nan=False),
    min_size=1,
    max_size=30,
)


@given(values, st.integers(1, 10), st.sampled_from(["descending", "ascending"]))
def test_a_region_ranked_within_the_top_n_needs_no_change_and_others_need_some(
    found: dict[str, float], top: int, order: str
) -> None:
    for code in found:
        result = standing("p", found, code, order, top)
        assert result is not None and 1 <= result.rank <= len(found)
        if result.rank <= top:
            assert result.gap == 0.0
        else:
            assert (result.gap > 0) == (order == "descending")
            # gap = threshold - value in floating point: adding it back is exact only up to
            # the rounding of the larger of the two (a value of 1e6, a threshold of 3e-5).
            scale = max(abs(result.value), abs(result.threshold), 1.0)
            assert result.value + result.gap == pytest.approx(result.threshold, abs=1e-12 * scale)


@given(values, st.sampled_from(["descending", "ascending"]))
def test_the_ranked_list_agrees_with_every_rank(found: dict[str, float], order: str) -> None:
    order_list = ranked(found, order)
    ranks = [rank_of(found, code, order) for code in order_list]
    assert ranks == sorted(r for r in ranks if r is not None)
