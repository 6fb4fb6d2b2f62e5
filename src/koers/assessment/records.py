"""Assessment results as plain records: the JSON of `koers assess` and the rows of its table."""

from __future__ import annotations

from typing import Any

from koers.assessment import explain
from koers.assessment.types import Aggregate, Point, Result


def point_record(point: Point | None) -> dict[str, float] | None:
    return None if point is None else {"year": point.year, "value": point.value}


def series_record(
    indicator: str, result: Result, series: str | None = None, language: str = "en"
) -> dict[str, Any]:
    """One assessed series (or target): what `koers assess --format json` prints for it,
    its explanation told in `language` ("nl" or "en")."""
    explanation = result.explanation
    return {
        "indicator": indicator,
        "series": series if series is not None else result.key,
        "method": result.method,
        "status": result.status,
        "score": result.score,
        "progress_value": result.progress_value,
        "base": point_record(result.base),
        "current": point_record(result.current),
        "needed_rate": result.needed_rate,
        "current_pace": result.current_pace,
        "rate_unit": result.rate_unit,
        "stale": result.stale,
        "target_achieved": result.target_achieved,
        "explanation": {
            "language": language,
            "text": explain.render_explanation(explanation, language),
            "reason": explanation.reason,
            "points_used": [point_record(p) for p in explanation.points_used],
            "thresholds": [
                {"status": b.status, "lower": b.lower, "inclusive": b.inclusive}
                for b in explanation.bands
            ],
            "facts": dict(explanation.facts),
            "notes": list(explanation.notes),
        },
    }


def indicator_record(indicator: str, aggregate: Aggregate, language: str = "en") -> dict[str, Any]:
    """The indicator-level result: `series` is null; its explanation told in `language`."""
    return {
        "indicator": indicator,
        "series": None,
        "method": "rollup",
        "status": aggregate.status,
        "score": aggregate.score,
        "progress_value": None,
        "base": None,
        "current": None,
        "target_achieved": aggregate.target_achieved,
        "explanation": {
            "language": language,
            "text": explain.render_aggregate(aggregate, language),
            "reason": aggregate.rule,
            "used": list(aggregate.used),
            "excluded": [{"key": k, "status": s} for k, s in aggregate.excluded],
        },
    }
