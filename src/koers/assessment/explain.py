"""Human-readable text for explanations and roll-ups (English source strings).

Rendering happens on demand (`Explanation.text`, `Aggregate.text`), so the
engine does not pay for sentences nobody reads.
"""

from __future__ import annotations

from koers.assessment.types import Aggregate, Band, Explanation, Point

METHOD_LABELS = {
    "opensdg": "Open SDG / Statistics Canada method",
    "eurostat_short": "Eurostat short-term trend (5 years)",
    "eurostat_long": "Eurostat long-term trend (15 years)",
    "linear_cumulative": "Linear path for a cumulative count",
    "linear_rank": "Linear path for a rank",
    "linear_level": "Linear path for a level",
}

LINEAR_METHODS = frozenset({"linear_cumulative", "linear_rank", "linear_level"})

REASONS = {
    "target_achieved": "The latest value meets the target.",
    "limit_reached": "The base value sits at the natural limit and was held: full progress.",
    "moved_off_target": "The base value met the target exactly and the series has moved away.",
    "no_data": "There are no data for this series.",
    "reported_no_data": "The figures come from the reporting round; none has been reported yet.",
    "single_year": "Fewer than two years of data at least a year apart; at least two are needed.",
    "duplicate_years": "Two values describe the same year; the series is ambiguous.",
    "no_base_year": "There are no data in or after the base year.",
    "opposite_signs": "Base and latest value have opposite signs; growth is undefined. "
    "Transform the data (e.g. in a Progress column).",
    "undefined_growth": "The growth rate is undefined for these values.",
    "required_growth_undefined": "The growth needed to reach the target is undefined "
    "(target of the opposite sign, or target year equal to the base year).",
    "numeric_overflow": "The numbers are too large to compare.",
    "invalid_config": "The progress options could not be read.",
    "invalid_number": "A target, target year, limit or base year is not a finite number.",
    "no_headline": "No headline rows (all disaggregations empty); select a disaggregation.",
    "many_series": "The options select more than one series; narrow them down.",
    "short_window": "The data do not span the minimum years of this trend window.",
    "zero_base": "The base value is zero; a growth rate needs a non-zero start.",
    "no_target": "This method needs a target.",
    "no_target_year": "This method needs a target year.",
    "target_year_not_after_base": "The target year is not after the baseline year.",
    "negative_count": "A cumulative count cannot be negative.",
    "invalid_rank": "A rank is 1 or more.",
    "unknown_window": "Unknown trend window.",
    "unknown_kind": "Unknown kind of linear series.",
    "unknown_method": "Unknown assessment method.",
}

RULES = {
    "mean_of_scores": "status from the mean score of the children, each weighing the same",
    "all_targets_achieved": "every scored child achieved its target",
    "no_scored_children": "no child could be assessed",
    "manual": "status set by hand",
}


def render_explanation(explanation: Explanation) -> str:
    """Sentences: method and status, why, points used, rates, notes."""
    label = METHOD_LABELS.get(explanation.method, explanation.method)
    parts = [f"{label}: {explanation.status.replace('_', ' ')}.", _why(explanation)]
    if explanation.points_used:
        parts.append("Data points used: " + _points(explanation.points_used) + ".")
    parts += [_target(explanation), _limit(explanation), _rates(explanation)]
    parts += [f"Note: {note}." for note in explanation.notes]
    return " ".join(p for p in parts if p)


def _why(explanation: Explanation) -> str:
    if explanation.reason != "band" or explanation.value is None:
        return REASONS.get(explanation.reason, explanation.reason)
    value = explanation.value
    return f"The progress value {value:.4g} lies {_band_text(value, explanation.bands)}."


def _band_text(value: float, bands: tuple[Band, ...]) -> str:
    upper: Band | None = None
    for band in bands:
        if value > band.lower or (band.inclusive and value == band.lower):
            return _interval(band, upper)
        upper = band
    return f"below {upper.lower:.4g}" if upper else "below every threshold"


def _interval(band: Band, upper: Band | None) -> str:
    low = f"{'≥' if band.inclusive else '>'} {band.lower:.4g}"
    if upper is None:
        return low
    return f"{low} and {'<' if upper.inclusive else '≤'} {upper.lower:.4g}"


def _points(points: tuple[Point, ...]) -> str:
    return "; ".join(f"{p.year:g}: {p.value:.6g}" for p in points)


def _target(explanation: Explanation) -> str:
    target, year = explanation.fact("target"), explanation.fact("target_year")
    if target is None:
        return ""
    return f"Target {target:.6g}" + (f" by {year:g}." if year is not None else ".")


def _limit(explanation: Explanation) -> str:
    limit, coefficient = explanation.fact("limit"), explanation.fact("coefficient")
    if limit is None or coefficient is None or explanation.fact("target") is not None:
        return ""
    return f"Natural limit {limit:.6g}: thresholds scaled by C = {coefficient:.4g}."


def _rates(explanation: Explanation) -> str:
    needed, pace = explanation.fact("needed_rate"), explanation.fact("current_pace")
    fmt = _absolute if explanation.method in LINEAR_METHODS else _percent
    parts = []
    if needed is not None:
        parts.append(f"needed from the latest point {fmt(needed)} per year")
    if pace is not None:
        parts.append(f"pace so far {fmt(pace)} per year")
    return ("; ".join(parts) + ".").capitalize() if parts else ""


def _percent(rate: float) -> str:
    return f"{rate * 100:+.2f} %"


def _absolute(rate: float) -> str:
    return f"{rate:+.4g}"


def render_aggregate(aggregate: Aggregate) -> str:
    """Sentences: status, the rule, the mean, the children left out."""
    rule = RULES.get(aggregate.rule, aggregate.rule)
    text = f"{aggregate.key}: {aggregate.status.replace('_', ' ')} ({rule})."
    if aggregate.score is not None:
        text += f" Mean score {aggregate.score:.3g} of {len(aggregate.used)} children."
    left_out = ", ".join(f"{key} ({status})" for key, status in aggregate.excluded)
    return text + (f" Left out: {left_out}." if left_out else "")
