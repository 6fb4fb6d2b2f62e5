"""The default method reproduces Statistics Canada's published progress results.

Source: sdg-data-canada-odd-donnees/cif-data-donnees-cic @bb7a432b (Canadian
Indicator Framework), whose CI ran sdg-build 2.4.0 and committed
`indicator_calculation_components.yml`; the raw `data/` and `meta/` files are
from the same commit. Copied to shared/reference/progress-statcan-cif/ (see
its PROVENANCE.txt). `series_vectors.csv` / `indicator_vectors.csv` flatten
the published YAML for all 86 indicators.

Every comparison is total: each published series and indicator must be
matched, and the match counts are part of the assertion messages.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from pathlib import Path

import yaml

from koers.assessment import opensdg
from koers.assessment.opensdg_indicator import (
    assess_indicator,
    configs_from_options,
    series_results,
)
from koers.assessment.rollup import rollup
from koers.assessment.types import Aggregate, Config, Point, Result
from koers.sources.opensdg_format import indicator_ids, read_indicator
from koers.testing import reference_dir

Published = dict[str, object]


def _folder() -> Path:
    return reference_dir() / "progress-statcan-cif"


def _same(ours: float | None, theirs: object) -> bool:
    """Equal within 1e-9 relative; None only equals None; a zero keeps its sign."""
    if ours is None or theirs is None:
        return ours is None and theirs is None
    assert isinstance(theirs, int | float)
    if theirs == 0:
        return ours == 0 and math.copysign(1, ours) == math.copysign(1, theirs)
    return math.isclose(ours, theirs, rel_tol=1e-9, abs_tol=0.0)


def _tags_match(ours: str, theirs: str) -> bool:
    # The published YAML cuts long disaggregation labels to "...".
    a, b = ours.split(" / "), theirs.split(" / ")
    return len(a) == len(b) and all(
        x == y or (y.endswith("...") and x.startswith(y[:-3])) for x, y in zip(a, b, strict=True)
    )


def _series_differences(result: Result, published: Published) -> list[str]:
    # A series without data publishes its configured base year but no base value.
    has_base = published["base_value"] is not None
    checks = (
        ("progress_value", result.progress_value, published["progress_value"]),
        ("score", result.score, published["score"]),
        (
            "base_year",
            result.base.year if result.base else None,
            published["base_year"] if has_base else None,
        ),
        ("base_value", result.base.value if result.base else None, published["base_value"]),
        (
            "current_value",
            result.current.value if result.current else None,
            published["current_value"],
        ),
    )
    found = [
        f"{name} {ours!r} != {theirs!r}" for name, ours, theirs in checks if not _same(ours, theirs)
    ]
    if result.status != published["status"]:
        found.append(f"status {result.status} != {published['status']}")
    return found


def _indicator_differences(aggregate: Aggregate, published: Published) -> list[str]:
    found = []
    if not _same(aggregate.score, published["score"]):
        found.append(f"score {aggregate.score!r} != {published['score']!r}")
    if aggregate.status != published["progress_status"]:
        found.append(f"status {aggregate.status} != {published['progress_status']}")
    return found


def _compare_indicator(
    indicator_id: str, aggregate: Aggregate, published: dict[str, Published]
) -> tuple[int, int, list[str]]:
    """(series compared, series matched, problems) for one indicator."""
    expected = {k: v for k, v in published.items() if isinstance(v, dict)}
    ours = series_results(aggregate)
    problems, matched, claimed = [], 0, set()
    for result in ours:
        tag = next((t for t in expected if _tags_match(result.key, t)), None)
        if tag is None:
            problems.append(f"{result.key}: not published")
            continue
        claimed.add(tag)
        differences = _series_differences(result, expected[tag])
        matched += not differences
        problems += [f"{result.key}: {d}" for d in differences]
    problems += [f"{tag}: published but not produced" for tag in expected if tag not in claimed]
    return len(expected), matched, problems


def test_every_series_and_indicator_is_reproduced_from_the_raw_files() -> None:
    folder = _folder()
    published = yaml.safe_load((folder / "indicator_calculation_components.yml").read_text())
    series_total = series_matched = indicators_matched = 0
    problems: list[str] = []
    ids = indicator_ids(folder)
    for indicator_id in ids:
        indicator = read_indicator(folder, indicator_id)
        assert indicator.data is not None and indicator.progress.auto
        aggregate = assess_indicator(
            indicator.data.rows,
            configs_from_options(list(indicator.progress.options)),
            indicator_id,
            progress_column=indicator.data.has_progress,
        )
        total, matched, found = _compare_indicator(indicator_id, aggregate, published[indicator_id])
        series_total, series_matched = series_total + total, series_matched + matched
        differences = _indicator_differences(aggregate, published[indicator_id])
        indicators_matched += not differences
        problems += found + [f"{indicator_id}: {d}" for d in differences]
    report = (
        f"raw files: series matched {series_matched}/{series_total}, "
        f"indicators matched {indicators_matched}/{len(ids)}"
    )
    print(report)
    assert len(ids) == 22 and series_total == 54, report
    assert not problems, report + "\n" + "\n".join(problems)
    assert series_matched == series_total and indicators_matched == len(ids), report


def _number(text: str) -> float | None:
    return None if text == "" else float(text)


def _vector_result(row: dict[str, str]) -> Result:
    """Assess one published series from its base and current points."""
    points = []
    if row["base_value"]:
        points.append(Point(float(row["base_year"]), float(row["base_value"])))
    if row["current_value"] and row["current_year"] != row["base_year"]:
        points.append(Point(float(row["current_year"]), float(row["current_value"])))
    config = Config(
        base_year=float(row["base_year"]),
        target_year=float(row["target_year"]),
        target=_number(row["target"]),
        direction="positive" if row["direction"] == "1" else "negative",
        limit=_number(row["limit"]),
    )
    return opensdg.assess(opensdg.series_from_config(points, config, row["series_tag"]), config)


def _vector_differences(result: Result, row: dict[str, str]) -> list[str]:
    published: Published = {
        "progress_value": _number(row["expected_progress_value"]),
        "score": _number(row["expected_score"]),
        "status": row["expected_status"],
        "base_value": _number(row["base_value"]),
        "base_year": _number(row["base_year"]),
        "current_value": _number(row["current_value"]),
    }
    return _series_differences(result, published)


def test_every_published_vector_of_all_86_indicators_is_reproduced() -> None:
    folder = _folder()
    by_indicator: dict[str, list[Result]] = defaultdict(list)
    problems: list[str] = []
    with (folder / "series_vectors.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    series_matched = 0
    for row in rows:
        result = _vector_result(row)
        by_indicator[row["indicator"]].append(result)
        differences = _vector_differences(result, row)
        series_matched += not differences
        problems += [f"{row['series_tag']}: {d}" for d in differences]
    with (folder / "indicator_vectors.csv").open(encoding="utf-8") as handle:
        indicators = list(csv.DictReader(handle))
    computed = [i for i in indicators if i["indicator"] in by_indicator]
    manual = [i["indicator"] for i in indicators if i["indicator"] not in by_indicator]
    indicators_matched = 0
    for row in computed:
        aggregate = rollup(row["indicator"], by_indicator[row["indicator"]])
        published = {
            "score": _number(row["expected_indicator_score"]),
            "progress_status": row["expected_indicator_status"],
        }
        differences = _indicator_differences(aggregate, published)
        indicators_matched += not differences
        problems += [f"{row['indicator']}: {d}" for d in differences]
    report = (
        f"vectors: series matched {series_matched}/{len(rows)}; computed indicators "
        f"matched {indicators_matched}/{len(computed)}; manual statuses, not computed "
        f"by sdg-build: {', '.join(manual)}"
    )
    print(report)
    assert len(rows) == 132 and len(computed) + len(manual) == len(indicators) == 86, report
    assert not problems, report + "\n" + "\n".join(problems)
    assert series_matched == len(rows) and indicators_matched == len(computed), report


def test_manual_statuses_are_exactly_the_indicators_without_series() -> None:
    # Indicators with the automatic calculation off publish no series at all.
    folder = _folder()
    published = yaml.safe_load((folder / "indicator_calculation_components.yml").read_text())
    manual = {k for k, v in published.items() if not any(isinstance(s, dict) for s in v.values())}
    assert manual == {"13-1-1", "15-6-1", "6-4-1", "7-1-1"}
    assert {published[k]["score"] for k in manual} == {None}
