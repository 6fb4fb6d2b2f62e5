"""Each edge case of progress-methods.md §3 (sdg-build 2.4.0), one test each.

Expected numbers marked CIF are published Statistics Canada results
(shared/reference/progress-statcan-cif, sdg-build 2.4.0 output); the others
follow from the formulas in the methods note.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from koers.assessment import linear, opensdg, rules
from koers.assessment.opensdg import limit_coefficient
from koers.assessment.opensdg_indicator import (
    assess_indicator,
    config_from_options,
    configs_from_options,
    select_points,
)
from koers.assessment.tests.helpers import Row, points, run
from koers.assessment.types import Config, Point, Series
from koers.sources.opensdg_format import read_data, write_data
from koers.testing import reference_dir


def _is_negative_zero(value: float | None) -> bool:
    return value is not None and value == 0 and math.copysign(1, value) == -1


# §3.2 data selection and edge rules ---------------------------------------------------


def test_year_ranges_use_their_first_four_characters(tmp_path: Path) -> None:
    path = tmp_path / "indicator_x.csv"
    path.write_text('Year,Value\n"2014/2015",8\n2015-16,8.1\n2017,8.2\n', encoding="utf-8")
    assert [r.year for r in read_data(path).rows] == [2014, 2015, 2017]


def test_year_ranges_in_the_cif_file_give_the_published_base() -> None:
    # CIF 3-4-1 has "2014/2015" years; the published base is 8.1 for 2015.
    data = read_data(reference_dir() / "progress-statcan-cif/data/indicator_3-4-1.csv")
    by_year = {r.year: r.value for r in data.rows if not any(r.fields.values())}
    assert by_year[2015] == 8.1


def test_headline_rows_are_used_without_a_disaggregation() -> None:
    rows = [
        Row(2015, 10, fields={"Geography": None}),
        Row(2015, 99, fields={"Geography": "X"}),
        Row(2020, 12, fields={"Geography": None}),
        Row(2020, 1, fields={"Geography": "X"}),
    ]
    selected, problem, _ = select_points(rows, Config())
    assert problem == "" and selected == points((2015, 10), (2020, 12))


def test_a_disaggregation_selects_its_rows() -> None:
    rows = [Row(2015, 10, fields={"Geography": None}), Row(2015, 99, fields={"Geography": "X"})]
    config = config_from_options({"disaggregation": [{"field": "Geography", "value": "X"}]})
    assert select_points(rows, config)[0] == points((2015, 99))


def test_a_value_not_in_the_data_filters_nothing_and_leaves_many_series() -> None:
    rows = [Row(2015, 10, fields={"Geography": "A"}), Row(2015, 99, fields={"Geography": "X"})]
    config = config_from_options({"disaggregation": [{"field": "Geography", "value": "Z"}]})
    selected, problem, notes = select_points(rows, config)
    assert (selected, problem) == ((), "many_series")
    assert any("'Z' not found" in note for note in notes)


def test_no_headline_is_not_available() -> None:
    rows = [Row(2015, 10, fields={"Geography": "A"}), Row(2016, 11, fields={"Geography": "A"})]
    aggregate = assess_indicator(rows, (Config(),), "x")
    assert aggregate.status == rules.NOT_AVAILABLE
    assert aggregate.excluded == (("x", rules.NOT_AVAILABLE),)
    assert aggregate.children[0].explanation.reason == "no_headline"  # type: ignore[union-attr]


def test_a_progress_column_replaces_value(tmp_path: Path) -> None:
    path = tmp_path / "indicator_x.csv"
    write_data(
        path,
        [
            {"Year": 2015, "Value": 0.5, "Progress": 2.0},
            {"Year": 2020, "Value": 2.0, "Progress": 0.5},
        ],
    )
    data = read_data(path)
    assert data.has_progress
    assert select_points(data.rows, Config(), progress_column=True)[0] == points(
        (2015, 2.0), (2020, 0.5)
    )


def test_missing_values_are_dropped() -> None:
    result = run(
        [(2015, 10.0), (2018, math.nan), (2020, 12.0), (2022, math.inf)], direction="positive"
    )
    assert result.explanation.points_used == points((2015, 10.0), (2020, 12.0))


def test_duplicate_years_are_not_available() -> None:
    # sdg-build stops the build here; the engine reports it instead.
    result = run([(2015, 10.0), (2015, 11.0), (2020, 12.0)])
    assert (result.status, result.explanation.reason) == ("not_available", "duplicate_years")


def test_the_current_point_is_the_latest_year_whatever_the_order() -> None:
    result = run([(2020, 12.0), (2015, 10.0), (2018, 11.0)], direction="positive")
    assert result.current == Point(2020, 12.0) and result.base == Point(2015, 10.0)


def test_a_missing_base_year_moves_to_the_next_later_year() -> None:
    result = run([(2012, 5.0), (2016, 10.0), (2020, 12.0)], direction="positive")
    assert result.base == Point(2016, 10.0)
    assert "no data for base year 2015; used 2016" in result.explanation.notes


def test_no_data_in_or_after_the_base_year_is_not_available() -> None:
    result = run([(2010, 5.0), (2012, 6.0)])
    assert result.explanation.reason == "no_base_year" and result.score is None


def test_a_negative_series_flips_the_desired_direction() -> None:
    # From -10 to -5 is an increase: progress when an increase is desired.
    up = run([(2015, -10.0), (2020, -5.0)], direction="positive")
    down = run([(2015, -10.0), (2020, -5.0)], direction="negative")
    assert up.explanation.fact("sign") == -1
    assert up.progress_value == pytest.approx(1 - 0.5**0.2)
    assert (up.status, down.status) == ("substantial_progress", "deterioration")


def test_a_zero_base_value_is_replaced_by_0_001() -> None:
    result = run([(2015, 0.0), (2020, 5.0)], direction="positive")
    assert result.base == Point(2015, 0.001)
    assert result.progress_value == pytest.approx((5 / 0.001) ** 0.2 - 1)
    assert any("base value 0 replaced by 0.001" in n for n in result.explanation.notes)


def test_a_zero_target_is_replaced_by_0_001() -> None:
    result = run([(2015, 10.0), (2020, 5.0)], target=0, direction="negative")
    required = (0.001 / 10) ** (1 / 15) - 1
    assert result.explanation.fact("target") == 0.001
    assert result.progress_value == pytest.approx(-(0.5**0.2 - 1) / abs(required))


def test_opposite_signs_are_not_available() -> None:
    result = run([(2015, -5.0), (2020, 3.0)], direction="positive")
    assert (result.status, result.explanation.reason) == ("not_available", "opposite_signs")


def test_a_single_year_is_not_available() -> None:
    # CIF 5-2-1: 12.1 in 2018 only, target 11.495 by 2026.
    result = run([(2018, 12.1)], target=11.495, target_year=2026, direction="negative")
    assert (result.status, result.score, result.progress_value) == ("not_available", None, None)
    assert result.explanation.reason == "single_year"


def test_a_single_year_that_meets_the_target_is_target_achieved() -> None:
    # sdg-build checks the target before (and regardless of) the progress value.
    result = run([(2019, 9.0)], target=10, direction="negative")
    assert (result.status, result.score, result.progress_value) == ("target_achieved", 5.0, None)


# §3.3 method 2, a quantitative target -----------------------------------------------


def test_a_met_target_overrides_the_ratio_which_is_still_reported() -> None:
    # CIF 3-4-1: R = 15.5 while the target is met.
    result = run([(2015, 8.1), (2024, 6.8)], target=8, target_year=2025, direction="negative")
    assert result.progress_value == pytest.approx(15.505871214397729, rel=1e-9)
    assert (result.status, result.score, result.target_achieved) == ("target_achieved", 5, True)


def test_a_base_that_already_meets_the_target_and_stays_is_target_achieved() -> None:
    # Extra vector (Auto-Progress-Calculation-Test/Data): PV = -0.0, score 5.
    result = run([(2015, 2.0), (2016, 2.0)], target=7.25, direction="negative")
    assert _is_negative_zero(result.progress_value)
    assert (result.status, result.score) == ("target_achieved", 5)


def test_a_base_beyond_the_target_uses_the_absolute_required_growth() -> None:
    # CIF 14-2-1: 68.55 (2015) was above 55, then fell to 46.73 (2023).
    result = run(
        [(2015, 68.5534591194968), (2023, 46.7336683417085)],
        target=55.0,
        target_year=2026,
        direction="positive",
    )
    observed, required = (
        result.explanation.fact("cagr_observed"),
        result.explanation.fact("cagr_required"),
    )
    assert observed is not None and required is not None and observed / required > 0
    assert result.progress_value == pytest.approx(-2.3587220377696703, rel=1e-9)
    assert (result.status, result.score) == ("deterioration", -5)


def test_a_base_equal_to_the_met_target_is_target_achieved() -> None:
    result = run([(2015, 50.0), (2020, 55.0)], target=50, direction="positive")
    assert (result.status, result.score, result.progress_value) == ("target_achieved", 5, None)


def test_a_base_equal_to_the_target_then_missed_is_deterioration() -> None:
    # CAGR_T = 0: our rule (not exercised by the reference), deterioration at -5.
    result = run([(2015, 50.0), (2020, 45.0)], target=50, direction="positive")
    assert (result.status, result.score, result.progress_value) == ("deterioration", -5, None)
    assert result.explanation.reason == "moved_off_target"


def test_a_limit_is_ignored_when_there_is_a_target() -> None:
    plain = run([(2015, 10.0), (2020, 12.0)], target=20, direction="positive")
    limited = run([(2015, 10.0), (2020, 12.0)], target=20, direction="positive", limit=13)
    assert limited.progress_value == plain.progress_value and limited.score == plain.score
    assert "limit 13 ignored because a target is given" in limited.explanation.notes


def test_the_ratio_classes_include_their_lower_bounds() -> None:
    bands = rules.DEFAULT_TARGET_BANDS
    below = math.nextafter
    assert rules.classify(0.95, bands, "deterioration") == "substantial_progress"
    assert rules.classify(below(0.95, 0), bands, "deterioration") == "moderate_progress"
    assert rules.classify(0.6, bands, "deterioration") == "moderate_progress"
    assert rules.classify(0.0, bands, "deterioration") == "limited_progress"
    assert rules.classify(below(0.0, -1), bands, "deterioration") == "deterioration"


def test_a_ratio_just_over_0_95_is_substantial() -> None:
    # CIF 12-1-1: 0.37 (2015) to 9.53 (2025), target 60 by 2030.
    result = run([(2015, 0.37), (2025, 9.53)], target=60, direction="positive")
    assert result.progress_value == pytest.approx(0.9504069883014249, rel=1e-9)
    assert result.status == "substantial_progress"
    assert result.score == pytest.approx(2.502962076738248, rel=1e-9)


# §3.4 method 1, no target -------------------------------------------------------------


def test_the_growth_classes_include_their_lower_bounds() -> None:
    bands = rules.DEFAULT_GROWTH_BANDS
    assert rules.classify(0.015, bands, "deterioration") == "substantial_progress"
    assert rules.classify(0.005, bands, "deterioration") == "moderate_progress"
    assert rules.classify(0.0049, bands, "deterioration") == "limited_progress"
    assert rules.classify(-1e-12, bands, "deterioration") == "deterioration"


def test_negative_zero_progress_is_limited_progress() -> None:
    # CIF 12-4-1: 1.43 in 2015 and in 2022, a decrease desired: PV = -0.0.
    result = run([(2015, 1.43), (2022, 1.43)], direction="negative")
    assert _is_negative_zero(result.progress_value)
    assert (result.status, result.score) == ("limited_progress", -2.5)


# §3.5 natural-limit scaling ----------------------------------------------------------


def test_the_limit_coefficient_has_three_regimes() -> None:
    a = rules.LIMIT_EXPONENT
    assert limit_coefficient(200, 100) == limit_coefficient(250, 100) == 1
    assert limit_coefficient(50, 100) == pytest.approx(1 - 0.5**a)
    assert limit_coefficient(150, 100) == pytest.approx(1 - 0.5**a)
    assert limit_coefficient(100, 100) == 0
    assert limit_coefficient(0, 0) == 1
    assert limit_coefficient(-50, -100) == limit_coefficient(50, 100)


def test_a_base_near_the_limit_shrinks_the_thresholds() -> None:
    # CIF 9-4-1: 97.4 (2015) to 99.7 (2022), limit 100: C = 0.11, 0.33 %/year is on track.
    result = run([(2015, 97.4), (2022, 99.7)], direction="positive", limit=100)
    assert result.explanation.fact("coefficient") == pytest.approx(0.11, abs=0.005)
    assert result.progress_value == pytest.approx(0.003339774133456208, rel=1e-9)
    assert (result.status, result.score) == ("substantial_progress", 5)


def test_a_base_at_the_limit_that_holds_it_is_substantial() -> None:
    result = run([(2015, 100.0), (2020, 100.0)], direction="positive", limit=100)
    assert result.explanation.fact("coefficient") == 0
    assert (result.status, result.score, result.explanation.reason) == (
        "substantial_progress",
        5,
        "limit_reached",
    )


def test_falling_from_the_limit_is_scored_unscaled() -> None:
    result = run([(2015, 100.0), (2020, 99.0)], direction="positive", limit=100)
    value = 0.99**0.2 - 1
    assert result.status == "deterioration"
    assert result.score == pytest.approx(125 * value - 2.5)


def test_a_base_beyond_the_limit_is_noted() -> None:
    result = run([(2015, 120.0), (2020, 125.0)], direction="positive", limit=100)
    assert "base value 120 is beyond the limit 100" in result.explanation.notes


# §3.6 scores and aggregation ---------------------------------------------------------


def test_the_growth_score_curve() -> None:
    curve = rules.DEFAULT_GROWTH_SEGMENTS
    expected = {
        0.03: 5,
        0.02: 5,
        0.015: 2.5,
        0.005: 0,
        0.0: -2.5,
        -0.01: -3.75,
        -0.02: -5,
        -0.5: -5,
    }
    assert {v: pytest.approx(rules.score(v, curve)) for v in expected} == expected


def test_the_ratio_score_curve_uses_sdg_builds_rounded_constants() -> None:
    curve = rules.DEFAULT_RATIO_SEGMENTS
    assert rules.score(1.3, curve) == 5
    assert rules.score(0.6, curve) == pytest.approx(0.00004)
    assert rules.score(0.5999, curve) == pytest.approx(4.1667 * 0.5999 - 2.5)
    assert rules.score(-0.6, curve) == -5
    assert rules.score(0.95, curve) == pytest.approx(7.1429 * 0.95 - 4.2857)


def test_the_direction_defaults_to_negative() -> None:
    # sdg-build: anything that is not exactly "positive" means a decrease is desired.
    assert config_from_options({}).direction == "negative"
    for options in ({}, {"direction": "Positive"}, {"direction": None}):
        config = config_from_options(options)
        assert opensdg.series_from_config((), config).direction == "decrease"


def test_the_base_year_defaults_to_2015_and_the_target_year_to_2030() -> None:
    result = run([(2010, 1.0), (2015, 10.0), (2020, 12.0)], target=20, direction="positive")
    assert result.base == Point(2015, 10.0)
    assert result.explanation.fact("cagr_required") == pytest.approx(2 ** (1 / 15) - 1)


def _disease_rows() -> list[Row]:
    values = {"A": (10.0, 12.0), "B": (10.0, 8.0), "C": (10.0, 10.5)}
    return [
        Row(year, pair[i], fields={"Disease": name})
        for name, pair in values.items()
        for i, year in enumerate((2015.0, 2020.0))
    ]


def _entry(name: str) -> dict[str, object]:
    return {"direction": "positive", "disaggregation": [{"field": "Disease", "value": name}]}


def test_the_indicator_score_is_the_mean_of_its_series_scores() -> None:
    entries = configs_from_options([_entry("A"), _entry("B"), _entry("C")])
    aggregate = assess_indicator(_disease_rows(), entries, "x")
    scores = [c.score for c in aggregate.children if c.score is not None]
    assert aggregate.score == pytest.approx(sum(scores) / 3)


def test_a_group_is_averaged_before_the_indicator_mean() -> None:
    entries = configs_from_options([_entry("A"), {"group": [_entry("B"), _entry("C")]}])
    aggregate = assess_indicator(_disease_rows(), entries, "x")
    single = {
        c.key: c.score
        for c in assess_indicator(
            _disease_rows(), configs_from_options([_entry(n) for n in "ABC"]), "x"
        ).children
    }
    a, b, c = (single[f"x / {n}"] for n in "ABC")
    assert a is not None and b is not None and c is not None
    assert aggregate.score == pytest.approx((a + (b + c) / 2) / 2)
    assert aggregate.score != pytest.approx((a + b + c) / 3)


def test_an_indicator_is_target_achieved_only_when_every_scored_series_is() -> None:
    rows = _disease_rows()
    met = [{**_entry("A"), "target": 11}, {**_entry("C"), "target": 10.2}]
    assert assess_indicator(rows, configs_from_options(met), "x").status == "target_achieved"
    mixed = [{**_entry("A"), "target": 11}, {**_entry("C"), "target": 20}]
    assert assess_indicator(rows, configs_from_options(mixed), "x").status != "target_achieved"


def test_an_indicator_without_a_scored_series_is_not_available() -> None:
    rows = [Row(2019, 41.0)]
    aggregate = assess_indicator(rows, configs_from_options([{"limit": 100}]), "16-7-1")
    assert (aggregate.status, aggregate.score) == ("not_available", None)
    assert aggregate.excluded == (("16-7-1", "not_available"),)


def test_the_indicator_status_comes_from_the_mean_score() -> None:
    cases = {
        5: "substantial_progress",
        2.5: "substantial_progress",
        2.4999: "moderate_progress",
        0: "moderate_progress",
        -0.0001: "limited_progress",
        -2.5: "limited_progress",
        -2.5001: "deterioration",
        -5: "deterioration",
    }
    assert {s: rules.status_from_score(s, False) for s in cases} == cases
    assert rules.status_from_score(None, False) == "not_available"


def test_unreadable_options_are_not_available_with_the_reason() -> None:
    result = run([(2015, 10.0), (2020, 12.0)], target="abc")
    assert (result.status, result.explanation.reason) == ("not_available", "invalid_config")
    assert "target: 'abc' is not a number" in result.explanation.notes


def test_custom_progress_thresholds_replace_the_defaults() -> None:
    pairs = [(2015, 100.0), (2020, 100 * 1.016**5)]
    assert run(pairs, direction="positive").status == "substantial_progress"
    stricter = run(pairs, direction="positive", progress_thresholds={"high": 0.02})
    assert stricter.status == "moderate_progress"


# §7 cumulative counts and the worked examples ----------------------------------------


def test_a_cumulative_count_from_zero_needs_the_linear_path() -> None:
    # 62,000 homes by 2030 from 2019; 25,000 built by 2024 is behind the path.
    homes = Series(points((2019, 0.0), (2024, 25000.0)), "increase", 62000.0, 2030.0)
    nonsense = opensdg.assess(homes, Config(base_year=2019))
    sensible = linear.assess_cumulative(homes)
    assert nonsense.status == "substantial_progress" and (nonsense.progress_value or 0) > 5
    assert sensible.status == "behind_path"


@pytest.mark.parametrize(
    ("pairs", "target", "target_year", "ratio", "status"),
    [
        ([(2019, 138000.0), (2024, 141000.0)], 151800, 2032, 0.586, "limited_progress"),
        ([(2015, 2.2), (2023, 2.5)], 3.0, 2030, 0.771, "moderate_progress"),
        ([(2019, 50.0), (2024, 52.0)], 65, 2030, 0.326, "limited_progress"),
    ],
    ids=["productivity", "r-and-d", "stay-rate"],
)
def test_the_worked_examples_of_the_methods_note(
    pairs: list[tuple[float, float]],
    target: float,
    target_year: float,
    ratio: float,
    status: str,
) -> None:
    result = run(
        pairs, target=target, target_year=target_year, direction="positive", base_year=pairs[0][0]
    )
    assert result.progress_value == pytest.approx(ratio, abs=5e-4)
    assert result.status == status
