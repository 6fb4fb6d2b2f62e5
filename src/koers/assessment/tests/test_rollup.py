"""Roll-up to agenda items and pillars, and the owner-status check."""

from __future__ import annotations

from dataclasses import replace

import pytest

from koers.assessment import eurostat, linear
from koers.assessment.rollup import check_owner_status, rollup
from koers.assessment.tests.helpers import points, run
from koers.assessment.types import Result, Series


def _scored(score: float, key: str, achieved: bool = False) -> Result:
    """A real result, with the score and key a roll-up case needs."""
    result = run([(2015, 100.0), (2020, 100.0)], direction="positive")
    return replace(result, score=score, key=key, target_achieved=achieved)


def test_an_item_scores_the_mean_of_its_indicators_and_lists_what_it_left_out() -> None:
    missing = run([(2019, 41.0)])
    item = rollup("item", [_scored(4.0, "a"), _scored(-1.0, "b"), missing])
    assert (item.score, item.status, item.rule) == (1.5, "moderate_progress", "mean_of_scores")
    assert item.used == ("a", "b") and item.excluded == (("test", "not_available"),)
    assert "Left out: test (not_available)" in item.text


def test_an_item_without_assessable_indicators_is_not_available_with_the_reason() -> None:
    item = rollup("item", [run([(2019, 41.0)])])
    assert (item.status, item.score, item.rule) == ("not_available", None, "no_scored_children")
    assert "no child could be assessed" in item.text
    assert rollup("empty", []).status == "not_available"


def test_an_item_achieves_its_target_only_when_every_indicator_did() -> None:
    assert rollup("item", [_scored(5, "a", True), _scored(5, "b", True)]).status == (
        "target_achieved"
    )
    assert rollup("item", [_scored(5, "a", True), _scored(4, "b")]).status == (
        "substantial_progress"
    )


def test_items_weigh_the_same_in_their_pillar() -> None:
    many = rollup("many", [_scored(5, "a"), _scored(5, "b"), _scored(5, "c")])
    one = rollup("one", [_scored(-5, "d")])
    pillar = rollup("pillar", [many, one])
    assert (pillar.score, pillar.status) == (0.0, "moderate_progress")


def test_results_of_every_method_roll_up_together() -> None:
    homes = Series(points((2019, 0.0), (2024, 25000.0)), "increase", 62000.0, 2030.0)
    growth = Series(points((2019, 100.0), (2024, 110.0)), "increase")
    item = rollup(
        "item",
        [
            linear.assess_cumulative(homes),
            eurostat.assess(growth),
            run([(2015, 14.5), (2023, 10.4)], target=7.25),
        ],
    )
    assert len(item.used) == 3 and item.score is not None


@pytest.mark.parametrize(
    ("owner", "computed", "reason_required"),
    [
        ("on_track", "substantial_progress", False),
        ("completed", "target_achieved", False),
        ("on_track", "target_achieved", False),
        ("attention", "moderate_progress", False),
        ("delayed", "limited_progress", False),
        ("behind", "deterioration", False),
        ("on_track", "deterioration", True),
        ("completed", "substantial_progress", True),
        ("behind", "substantial_progress", True),
        ("stopped", "substantial_progress", True),
        ("stopped", "not_available", True),
        ("on_track", "not_available", False),
        ("on_track", "on_path", False),
        ("attention", "behind_path", False),
        ("delayed", "far_behind_path", False),
        ("on_track", "moving_away", True),
        ("on_track", "significant_progress", False),
        ("delayed", "insufficient_progress", False),
        ("fine", "substantial_progress", True),
    ],
)
def test_a_reason_is_required_when_the_owner_disagrees(
    owner: str, computed: str, reason_required: bool
) -> None:
    check = check_owner_status(owner, computed)
    assert check.reason_required is reason_required
    assert check.explanation


def test_the_owner_check_names_the_matching_statuses() -> None:
    check = check_owner_status("on_track", "deterioration")
    assert (check.agrees, check.matching) == (False, ("behind",))
    assert "differs from computed deterioration (matches: behind)" in check.explanation
