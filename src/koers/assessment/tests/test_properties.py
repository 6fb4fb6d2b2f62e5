"""Properties that must hold for every input (hypothesis).

- More progress never lowers the score (all methods; scores compared with a
  1e-9 slack for float rounding where two curve pieces meet).
- Flipping the direction and mirroring the series (values, target and limit
  negated) gives the same result: the sign factor makes the methods
  symmetric. A zero base or target is excluded for Open SDG, because
  sdg-build replaces it by +0.001 whatever the side.
- Without a target or limit, flipping the direction alone negates the
  progress value.
- No input makes the engine raise, and every status and score is valid.
"""

from __future__ import annotations

import math
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from koers.assessment import eurostat, linear, methods, opensdg, rules
from koers.assessment.opensdg_indicator import assess_indicator, configs_from_options
from koers.assessment.rollup import check_owner_status, rollup
from koers.assessment.staleness import assess_staleness
from koers.assessment.tests.helpers import Row
from koers.assessment.types import Config, Direction, Point, Result, Series

STATUSES = {
    "target_achieved",
    "substantial_progress",
    "moderate_progress",
    "limited_progress",
    "deterioration",
    "not_available",
    "significant_progress",
    "insufficient_progress",
    "movement_away",
    "moderate_movement_away",
    "significant_movement_away",
    "on_path",
    "behind_path",
    "far_behind_path",
    "moving_away",
}
SLACK = 1e-9

positive = st.floats(min_value=0.01, max_value=1e6)
nonzero = positive.flatmap(lambda v: st.sampled_from([v, -v]))
directions: st.SearchStrategy[Direction] = st.sampled_from(["increase", "decrease"])
any_float = st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from([0.0, -0.0, 1e308])
maybe_float = st.none() | any_float


def _at_least(better: Result, worse: Result) -> bool:
    assert better.score is not None and worse.score is not None
    return better.score >= worse.score - SLACK


def _ordered(a: float, b: float, direction: Direction) -> tuple[float, float]:
    """(less progress, more progress) for the desired direction."""
    low, high = sorted((a, b))
    return (low, high) if direction == "increase" else (high, low)


@st.composite
def two_outcomes(draw: st.DrawFn) -> tuple[Series, Series]:
    """The same positive series twice, the second with a better latest value."""
    direction = draw(directions)
    worse, better = _ordered(draw(positive), draw(positive), direction)
    year = draw(st.integers(2016, 2035))
    base = draw(positive)
    target = draw(st.none() | positive)
    target_year = draw(st.integers(2016, 2040)) if target is not None else None
    limit = None if target is not None else draw(st.none() | positive)

    def outcome(latest: float) -> Series:
        return Series(
            (Point(2015, base), Point(year, latest)), direction, target, target_year, limit
        )

    return outcome(worse), outcome(better)


@given(two_outcomes())
@settings(max_examples=400, deadline=None)
def test_more_progress_never_lowers_the_open_sdg_score(pair: tuple[Series, Series]) -> None:
    worse, better = pair
    assert _at_least(opensdg.assess(better), opensdg.assess(worse))


@given(two_outcomes())
@settings(max_examples=300, deadline=None)
def test_more_progress_never_lowers_the_eurostat_score(pair: tuple[Series, Series]) -> None:
    worse, better = (Series(s.points, s.direction, s.target, s.target_year) for s in pair)
    shorter = (eurostat.assess(better), eurostat.assess(worse))
    if shorter[0].score is None:
        assert shorter[1].score is None  # too short a window for both
        return
    assert _at_least(*shorter)


@given(two_outcomes(), positive)
@settings(max_examples=300, deadline=None)
def test_more_progress_never_lowers_the_linear_score(
    pair: tuple[Series, Series], target: float
) -> None:
    worse, better = (Series(s.points, s.direction, s.target or target, 2040) for s in pair)
    assert _at_least(linear.assess(better, kind="level"), linear.assess(worse, kind="level"))


def _mirror(series: Series) -> Series:
    def flip(value: float | None) -> float | None:
        return None if value is None else -value

    direction: Direction = "decrease" if series.direction == "increase" else "increase"
    points = tuple(Point(p.year, -p.value) for p in series.points)
    return Series(
        points, direction, flip(series.target), series.target_year, flip(series.limit), series.key
    )


@st.composite
def mirrorable(draw: st.DrawFn) -> Series:
    """A series with a non-zero base and target, values of one sign."""
    sign = draw(st.sampled_from([1.0, -1.0]))
    years = draw(st.lists(st.integers(2005, 2030), min_size=1, max_size=8, unique=True))
    values = [sign * draw(positive) for _ in years]
    target = draw(st.none() | nonzero)
    return Series(
        tuple(Point(y, v) for y, v in zip(years, values, strict=True)),
        draw(directions),
        target,
        draw(st.integers(2016, 2040)),
        draw(st.none() | nonzero) if target is None else None,
    )


def _same_outcome(a: Result, b: Result) -> bool:
    return (a.status, a.score, a.progress_value, a.target_achieved) == (
        b.status,
        b.score,
        b.progress_value,
        b.target_achieved,
    )


@given(mirrorable())
@settings(max_examples=400, deadline=None)
def test_flipping_direction_and_mirroring_the_series_mirrors_the_result(series: Series) -> None:
    for method in ("opensdg", "eurostat_short", "eurostat_long", "linear_level"):
        assert _same_outcome(
            methods.assess(series, method), methods.assess(_mirror(series), method)
        ), method


@given(mirrorable())
@settings(max_examples=200, deadline=None)
def test_flipping_only_the_direction_negates_the_growth(series: Series) -> None:
    plain = Series(series.points, series.direction)
    flipped = Series(series.points, "decrease" if series.direction == "increase" else "increase")
    a, b = opensdg.assess(plain), opensdg.assess(flipped)
    assert (a.progress_value is None) == (b.progress_value is None)
    if a.progress_value is not None and b.progress_value is not None:
        assert a.progress_value == -b.progress_value


def _valid(result: Result) -> bool:
    score_ok = result.score is None or (
        not math.isnan(result.score) and rules.SCORE_MIN <= result.score <= rules.SCORE_MAX
    )
    return result.status in STATUSES and score_ok and isinstance(result.text, str)


any_points = st.lists(st.builds(Point, any_float, any_float), max_size=8)
any_series = st.builds(
    Series,
    any_points.map(tuple),
    st.sampled_from(["increase", "decrease", "sideways"]),
    maybe_float,
    maybe_float,
    maybe_float,
    st.text(max_size=5),
)
any_options = st.dictionaries(
    st.sampled_from(
        [
            "base_year",
            "target",
            "target_year",
            "direction",
            "limit",
            "series",
            "unit",
            "disaggregation",
            "progress_thresholds",
            "group",
        ]
    ),
    st.none()
    | any_float
    | st.text(max_size=4)
    | st.integers()
    | st.booleans()
    | st.lists(
        st.dictionaries(
            st.sampled_from(["field", "value", "high"]), st.text(max_size=3) | any_float, max_size=2
        ),
        max_size=2,
    ),
    max_size=6,
)


@given(any_series, any_options)
@settings(max_examples=500, deadline=None)
def test_no_series_or_options_make_the_engine_raise(
    series: Series, options: dict[str, object]
) -> None:
    config = configs_from_options([options])[0]
    results = [methods.assess(series, m) for m in methods.METHODS]
    results.append(opensdg.assess(series, config))
    results.append(linear.assess(series, baseline=series.points[0] if series.points else None))
    results.append(methods.assess(series, "no such method"))
    assert all(_valid(r) for r in results)
    assert isinstance(rollup("x", results).text, str)


any_rows = st.lists(
    st.builds(
        Row,
        any_float,
        maybe_float,
        maybe_float,
        st.dictionaries(
            st.sampled_from(["Series", "Units", "Geography"]),
            st.none() | st.sampled_from(["A", "B"]),
            max_size=3,
        ),
    ),
    max_size=8,
)


@given(any_rows, st.lists(any_options, max_size=3), st.booleans())
@settings(max_examples=300, deadline=None)
def test_no_rows_or_options_make_the_indicator_assessment_raise(
    rows: list[Row], entries: list[dict[str, object]], progress: bool
) -> None:
    aggregate = assess_indicator(rows, configs_from_options(entries), "x", progress_column=progress)
    assert aggregate.status in STATUSES and isinstance(aggregate.text, str)


@given(
    st.dates(),
    st.text(max_size=10) | st.sampled_from(["annual", "monthly"]),
    st.dates(),
    st.text(max_size=10),
    st.text(max_size=20),
)
def test_no_dates_or_statuses_make_staleness_or_the_owner_check_raise(
    latest: date, frequency: str, as_of: date, owner: str, computed: str
) -> None:
    staleness = assess_staleness(latest, frequency, as_of)
    assert staleness.stale in (True, False, None) and staleness.reason
    assert check_owner_status(owner, computed).reason_required in (True, False)


def test_config_defaults_assess_without_options() -> None:
    # The empty options list means one default entry, as in sdg-build.
    assert configs_from_options(None) == (Config(),)
