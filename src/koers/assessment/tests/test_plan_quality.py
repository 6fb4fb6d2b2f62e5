"""The plan-quality checks on small invented facts: each passes and fails, what does not
apply is not counted, and the roll-up per pillar and agenda adds up."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from koers.assessment.plan_quality import (
    AMOUNT,
    BASELINE_VALUE,
    BASELINE_YEAR,
    CHECKS,
    CHECKS_BY_CODE,
    FIGURES,
    OWNER,
    PLANNED_DATE,
    SOURCE,
    AgendaFacts,
    ItemFacts,
    MilestoneFacts,
    Tally,
    TargetFacts,
    assess_item,
    assess_plan,
)

GOOD_TARGET = TargetFacts("jobs (MRE, 2030)", 100.0, "2019", sourced=True, observed=True)


def findings(check: str, item: ItemFacts, action: bool = True) -> list[tuple[str, tuple[str, ...]]]:
    found = assess_item(item, "p", action).findings
    return [(f.subject, f.missing) for c, f in found if c.code == check]


def test_the_table_holds_the_five_checks_each_with_its_texts() -> None:
    assert [c.code for c in CHECKS] == ["owner", "baseline", "figures", "money", "milestones"]
    assert all(c.rule.endswith(".") and c.missing.endswith(".") for c in CHECKS)


def test_an_action_with_a_lead_passes_the_owner_check_and_one_without_fails() -> None:
    assert findings("owner", ItemFacts("1", "A", "p", owners=("Province",))) == [("", ())]
    assert findings("owner", ItemFacts("1", "A", "p")) == [("", (OWNER,))]


def test_a_pillar_needs_no_owner() -> None:
    assert findings("owner", ItemFacts("p", "Pillar"), action=False) == []


def test_a_complete_baseline_passes() -> None:
    assert findings("baseline", ItemFacts("1", "A", targets=(GOOD_TARGET,))) == [
        ("jobs (MRE, 2030)", ())
    ]


def test_a_baseline_without_value_year_or_source_names_each_missing_part() -> None:
    bare = TargetFacts("homes", None, "", sourced=False, observed=True)
    undated = TargetFacts("jobs", 5.0, "Q3", sourced=True, observed=True)
    item = ItemFacts("1", "A", targets=(bare, undated))
    assert findings("baseline", item) == [
        ("homes", (BASELINE_VALUE, BASELINE_YEAR, SOURCE)),
        ("jobs", (BASELINE_YEAR,)),
    ]


def test_a_month_is_a_baseline_with_its_year() -> None:
    target = TargetFacts("x", 21.0, "2019-09", sourced=True, observed=False)
    assert findings("baseline", ItemFacts("1", "A", targets=(target,))) == [("x", ())]


def test_a_target_without_figures_fails_the_figures_check() -> None:
    blind = TargetFacts("x", 1.0, "2019", sourced=True, observed=False)
    item = ItemFacts("1", "A", targets=(GOOD_TARGET, blind))
    assert findings("figures", item) == [("jobs (MRE, 2030)", ()), ("x", (FIGURES,))]


def test_a_financier_without_an_amount_is_a_money_gap() -> None:
    item = ItemFacts("1", "A", financiers=("Province", "EU"))
    assert findings("money", item) == [("Province, EU", (AMOUNT,))]


def test_a_budget_with_an_amount_passes_and_a_zero_one_does_not() -> None:
    assert findings("money", ItemFacts("1", "A", amounts=(Decimal("10.5"),))) == [("", ())]
    assert findings("money", ItemFacts("1", "A", amounts=(Decimal(0),))) == [("", (AMOUNT,))]


def test_no_money_promised_means_no_money_check() -> None:
    assert findings("money", ItemFacts("1", "A", owners=("x",))) == []


def test_milestones_need_a_planned_date_unless_cancelled() -> None:
    item = ItemFacts(
        "1",
        "A",
        milestones=(
            MilestoneFacts("start", planned=True),
            MilestoneFacts("opened", planned=False),
            MilestoneFacts("dropped", planned=False, cancelled=True),
        ),
    )
    assert findings("milestones", item) == [("start", ()), ("opened", (PLANNED_DATE,))]


def test_an_item_without_targets_money_or_milestones_counts_only_its_owner() -> None:
    result = assess_item(ItemFacts("1", "A", "p"), "p", action=True)
    assert result.tally == Tally(0, 1)
    assert [gap.check.code for gap in result.gaps] == ["owner"]


AGENDA = AgendaFacts(
    "test",
    "Test agenda",
    (
        ItemFacts("p1", "Pillar one"),
        ItemFacts("1", "One", "p1", owners=("A",), targets=(GOOD_TARGET,)),
        ItemFacts("1a", "One a", "1", milestones=(MilestoneFacts("m", planned=False),)),
        ItemFacts("p2", "Pillar two"),
        ItemFacts("2", "Two", "p2", financiers=("EU",), amounts=(Decimal(5),), owners=("B",)),
        ItemFacts("p3", "Pillar three, empty"),
    ),
)


def test_the_pillars_add_up_their_items_checks_and_the_agenda_its_pillars() -> None:
    plan = assess_plan(AGENDA)
    # p1: owner of 1 (pass), baseline and figures of 1 (pass), owner of 1a (fail), milestone (fail)
    # p2: owner of 2 (pass), money of 2 (pass); p3: nothing applies.
    assert [(p.code, p.tally) for p in plan.pillars] == [
        ("p1", Tally(3, 5)),
        ("p2", Tally(2, 2)),
        ("p3", Tally(0, 0)),
    ]
    assert plan.tally == Tally(5, 7)
    assert plan.pillars[0].tally.score == 60.0
    assert plan.pillars[2].tally.score is None
    assert round(plan.tally.score or 0, 2) == 71.43
    assert plan.tally_of(CHECKS_BY_CODE["owner"]) == Tally(2, 3)
    assert [(i.item.code, g.check.code) for i, g in plan.gaps] == [
        ("1a", "owner"),
        ("1a", "milestones"),
    ]


def test_in_a_flat_agenda_every_item_is_an_action() -> None:
    flat = AgendaFacts("flat", "Flat", (ItemFacts("a", "A"), ItemFacts("b", "B", owners=("x",))))
    plan = assess_plan(flat)
    assert plan.tally == Tally(1, 2)
    assert [p.code for p in plan.pillars] == ["a", "b"]


targets = st.builds(
    TargetFacts,
    st.text(max_size=5),
    st.none() | st.floats(allow_nan=False),
    st.sampled_from(["", "2019", "2019-09", "Q1"]),
    st.booleans(),
    st.booleans(),
)
items = st.builds(
    ItemFacts,
    st.text(min_size=1, max_size=3),
    st.text(max_size=5),
    st.none() | st.text(min_size=1, max_size=3),
    st.lists(st.text(max_size=3), max_size=2).map(tuple),
    st.lists(st.text(max_size=3), max_size=2).map(tuple),
    st.lists(st.decimals(min_value=0, max_value=10**9, places=2), max_size=2).map(tuple),
    st.lists(targets, max_size=3).map(tuple),
    st.lists(
        st.builds(MilestoneFacts, st.text(max_size=3), st.booleans(), st.booleans()), max_size=3
    ).map(tuple),
)


@given(st.lists(items, max_size=8).map(tuple))
def test_every_score_lies_between_0_and_100_and_nothing_passes_more_than_applies(
    found: tuple[ItemFacts, ...],
) -> None:
    plan = assess_plan(AgendaFacts("a", "A", found))
    tallies = [plan.tally, *(p.tally for p in plan.pillars), *(i.tally for i in plan.items)]
    for tally in tallies:
        assert 0 <= tally.passed <= tally.applicable
        assert tally.score is None or 0 <= tally.score <= 100
    assert plan.tally.applicable - plan.tally.passed == len(plan.gaps)
    assert plan.tally == sum((p.tally for p in plan.pillars), Tally())
