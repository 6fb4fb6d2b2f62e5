"""The assessment engine's front door: pick a method by name, assess a series.

Methods (each documented in its own module):

- "opensdg" (default): Open SDG / Statistics Canada, sdg-build 2.4.0
  (opensdg.py; indicators and `group:` options in opensdg_indicator.py);
- "eurostat_short", "eurostat_long": Eurostat's 5- and 15-year trends
  (eurostat.py);
- "linear_cumulative", "linear_rank", "linear_level": a straight required
  path for counts, ranks and levels (linear.py).

Every method returns a `Result` and never raises: inputs it cannot assess
give status not_available with the reason in `result.explanation`.
Roll-up and the owner-status check are in rollup.py, staleness in
staleness.py.
"""

from __future__ import annotations

from collections.abc import Callable

from koers.assessment import eurostat, linear, opensdg
from koers.assessment.types import Result, Series

DEFAULT_METHOD = "opensdg"

METHODS: dict[str, Callable[[Series], Result]] = {
    "opensdg": opensdg.assess,
    "eurostat_short": eurostat.assess_short,
    "eurostat_long": eurostat.assess_long,
    "linear_cumulative": linear.assess_cumulative,
    "linear_rank": linear.assess_rank,
    "linear_level": lambda series: linear.assess(series, kind="level"),
}


def assess(series: Series, method: str = DEFAULT_METHOD) -> Result:
    """Assess `series` with the named method (unknown names: not_available)."""
    run = METHODS.get(method)
    if run is None:
        return opensdg.unavailable(series, "unknown_method", method=method)
    return run(series)
