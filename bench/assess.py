"""Benchmark the assessment engine on synthetic series against bare numpy.

    .venv/bin/python bench/assess.py [number of series, default 100000]

Builds N synthetic annual series (2015-2024; a third with a target, a third
with a natural limit, directions mixed), assesses each with the default
(Open SDG) method, and times the same observed CAGRs computed by numpy on
whole arrays in the same run. Prints both times and their ratio, plus a
plain-Python CAGR loop for scale, and checks that the CAGRs agree.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import numpy as np

from koers.assessment import opensdg
from koers.assessment.types import Point, Series

YEARS = np.arange(2015, 2025, dtype=float)
T = TypeVar("T")


def synthetic_values(n: int, seed: int = 2030) -> np.ndarray:
    """An (n, years) array of positive values growing at random rates."""
    rng = np.random.default_rng(seed)
    base = rng.uniform(1.0, 100.0, size=(n, 1))
    growth = rng.normal(0.01, 0.03, size=(n, 1))
    noise = rng.normal(1.0, 0.01, size=(n, len(YEARS)))
    values: np.ndarray = base * (1 + growth) ** (YEARS - YEARS[0]) * noise
    return values


def build_series(values: np.ndarray) -> list[Series]:
    """Engine inputs for every row (not timed)."""
    series = []
    for index, row in enumerate(values.tolist()):
        points = tuple(Point(year, value) for year, value in zip(YEARS.tolist(), row, strict=True))
        kind = index % 3
        series.append(
            Series(
                points=points,
                direction="increase" if index % 2 else "decrease",
                target=row[0] * 1.3 if kind == 0 else None,
                target_year=2030.0,
                limit=150.0 if kind == 1 else None,
                key=f"s{index}",
            )
        )
    return series


def best_of(repeats: int, run: Callable[[], T]) -> tuple[float, T]:
    """The fastest of `repeats` timings in seconds, and the last output.

    The previous output is released before the clock starts, so freeing it
    is not timed.
    """
    timings: list[float] = []
    output: T | None = None
    for _ in range(repeats):
        output = None
        start = time.perf_counter()
        output = run()
        timings.append(time.perf_counter() - start)
    assert output is not None
    return min(timings), output


def numpy_cagr(values: np.ndarray) -> np.ndarray:
    span = YEARS[-1] - YEARS[0]
    result: np.ndarray = (values[:, -1] / values[:, 0]) ** (1 / span) - 1
    return result


def python_cagr(values: list[list[float]]) -> list[float]:
    span = 2024.0 - 2015.0
    return [(row[-1] / row[0]) ** (1 / span) - 1 for row in values]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    values = synthetic_values(n)
    series = build_series(values)
    engine_s, results = best_of(3, lambda: [opensdg.assess(s) for s in series])
    numpy_s, _ = best_of(20, lambda: numpy_cagr(values))
    rows = values.tolist()
    python_s, _ = best_of(3, lambda: python_cagr(rows))

    observed = np.array([r.explanation.fact("cagr_observed") for r in results], dtype=float)
    agree = bool(np.allclose(observed, numpy_cagr(values), rtol=1e-9, atol=1e-15))
    statuses: dict[str, int] = {}
    for r in results:
        statuses[r.status] = statuses.get(r.status, 0) + 1

    print(f"series:             {n:,}")
    print(f"engine (opensdg):   {engine_s:.3f} s  ({engine_s / n * 1e6:.2f} µs per series)")
    print(f"numpy CAGR (array): {numpy_s * 1e3:.3f} ms")
    print(f"ratio engine/numpy: {engine_s / numpy_s:,.0f}x")
    print(
        f"plain-Python CAGR:  {python_s * 1e3:.1f} ms  (engine/plain-Python {engine_s / python_s:.1f}x)"
    )
    print(f"CAGRs agree with numpy (rtol 1e-9, atol 1e-15): {agree}")
    print("statuses:", ", ".join(f"{k} {v:,}" for k, v in sorted(statuses.items())))


if __name__ == "__main__":
    main()
