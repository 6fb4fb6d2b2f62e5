"""Statistics Canada's Open SDG repository through Koers's database: import, assess, compare.

The reference results were published by Open SDG's own build (sdg-build 2.4.0);
`series_vectors.csv` and `indicator_vectors.csv` flatten them. Every series and
indicator whose data file is in the repository must match: progress value to a
relative 1e-9, score and status exactly.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path
from typing import Any

import pytest

from koers.assessment.commands import assessment_records
from koers.indicators.models import Indicator, Observation
from koers.sources import service
from koers.sources.opensdg_format import OpenSdgFormatError
from koers.testing import reference_dir

pytestmark = pytest.mark.django_db


def _expected(name: str) -> list[dict[str, str]]:
    with (reference_dir() / "progress-statcan-cif" / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _close(actual: float | None, expected: str) -> bool:
    if expected == "":
        return actual is None
    return actual is not None and math.isclose(actual, float(expected), rel_tol=1e-9, abs_tol=1e-12)


def _same_tag(ours: str, published: str) -> bool:
    """Published tags cut long labels to 40 characters and "..."; compare those by prefix."""
    mine, theirs = ours.split(" / "), published.split(" / ")
    return len(mine) == len(theirs) and all(
        a == b or (b.endswith("...") and a.startswith(b[:-3]))
        for a, b in zip(mine, theirs, strict=True)
    )


def _find(
    ours: dict[tuple[str, str], dict[str, Any]], indicator: str, tag: str
) -> dict[str, Any] | None:
    exact = ours.get((indicator, tag))
    if exact is not None:
        return exact
    found = [r for (i, t), r in ours.items() if i == indicator and _same_tag(t, tag)]
    return found[0] if len(found) == 1 else None


@pytest.fixture
def records() -> list[dict[str, Any]]:
    service.import_opensdg(reference_dir() / "progress-statcan-cif", geography="CA")
    return assessment_records(list(Indicator.objects.order_by("code")), method=None)


def test_every_series_matches_the_published_progress(records: list[dict[str, Any]]) -> None:
    imported = set(Indicator.objects.values_list("code", flat=True))
    expected = [row for row in _expected("series_vectors.csv") if row["indicator"] in imported]
    ours = {(r["indicator"], r["series"]): r for r in records if r["series"] is not None}
    mismatches = []
    for row in expected:
        got = _find(ours, row["indicator"], row["series_tag"])
        same = got is not None and (
            _close(got["progress_value"], row["expected_progress_value"])
            and _close(got["score"], row["expected_score"])
            and got["status"] == row["expected_status"]
        )
        if not same:
            mismatches.append((row["series_tag"], row["expected_status"], got and got["status"]))
    assert mismatches == [], f"{len(mismatches)} of {len(expected)} series differ: {mismatches[:5]}"
    assert len(expected) >= 50, f"only {len(expected)} reference series were compared"


def test_every_indicator_matches_the_published_status(records: list[dict[str, Any]]) -> None:
    imported = set(Indicator.objects.values_list("code", flat=True))
    expected = [row for row in _expected("indicator_vectors.csv") if row["indicator"] in imported]
    ours = {r["indicator"]: r for r in records if r["series"] is None}
    wrong = [
        (row["indicator"], row["expected_indicator_status"], ours[row["indicator"]]["status"])
        for row in expected
        if not (
            _close(ours[row["indicator"]]["score"], row["expected_indicator_score"])
            and ours[row["indicator"]]["status"] == row["expected_indicator_status"]
        )
    ]
    assert wrong == [], f"{len(wrong)} of {len(expected)} indicators differ: {wrong[:5]}"
    assert len(expected) == len(imported) == 22


def test_importing_again_adds_nothing_and_a_changed_value_is_a_revision(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "repo"
    for part, name in (("data", "indicator_1-1-1.csv"), ("meta", "1-1-1.md")):
        (folder / part).mkdir(parents=True, exist_ok=True)
        shutil.copy(reference_dir() / "progress-statcan-cif" / part / name, folder / part / name)
    first = service.import_opensdg(folder, geography="CA").counts
    assert service.import_opensdg(folder, geography="CA").counts["observations"] == 0
    data = folder / "data" / "indicator_1-1-1.csv"
    lines = data.read_text(encoding="utf-8").splitlines()
    header, row = lines[0].split(","), lines[1].split(",")
    row[header.index('"Value"') if '"Value"' in header else header.index("Value")] = "99.5"
    data.write_text("\n".join([lines[0], ",".join(row), *lines[2:]]) + "\n", encoding="utf-8")
    assert service.import_opensdg(folder, geography="CA").counts["observations"] == 1
    revised = Observation.objects.get(indicator__code="1-1-1", revised=True)
    assert revised.value == 99.5
    assert (
        Observation.objects.filter(
            indicator__code="1-1-1", period=revised.period, series=revised.series
        ).count()
        == 2
    )
    assert first == {"indicators": 1, "observations": Observation.objects.count() - 1}


def test_a_malformed_file_is_refused_naming_file_row_and_column(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "indicator_1-1-1.csv").write_text("Year,Sex,Value\n2015,,14.5\n2016,,lots\n")
    with pytest.raises(OpenSdgFormatError) as error:
        service.import_opensdg(folder)
    message = str(error.value)
    assert "indicator_1-1-1.csv" in message and "row 3" in message and "'Value'" in message
    assert not Observation.objects.exists() and not Indicator.objects.exists()


def test_koers_indicators_export_to_open_sdg_and_read_back(tmp_path: Path) -> None:
    service.import_opensdg(reference_dir() / "progress-statcan-cif", geography="CA")
    before = assessment_records(list(Indicator.objects.order_by("code")), method=None)
    count = service.export_opensdg(tmp_path / "out")
    assert count == 22
    service.clear_all()
    service.import_opensdg(tmp_path / "out", geography="CA")
    after = assessment_records(list(Indicator.objects.order_by("code")), method=None)
    assert [(r["indicator"], r["series"], r["status"], r["score"]) for r in after] == [
        (r["indicator"], r["series"], r["status"], r["score"]) for r in before
    ]
