"""Human-readable text for explanations and roll-ups, in Dutch or English.

Rendering happens on demand (`Explanation.text`, `Aggregate.text` in
English; `render_explanation(e, "nl")` for any language in `phrases.py`), so
the engine does not pay for sentences nobody reads. The site, the report and
the API call the same two functions with the reader's language.
"""

from __future__ import annotations

from koers.assessment.phrases import EN, Phrases, phrases, translate_note
from koers.assessment.types import Aggregate, Band, Explanation, Point

# The English tables stay importable under their old names.
METHOD_LABELS = EN.methods
REASONS = EN.reasons
RULES = EN.rules

LINEAR_METHODS = frozenset({"linear_cumulative", "linear_rank", "linear_level"})


def render_explanation(explanation: Explanation, language: str = "en") -> str:
    """Sentences: method and status, why, points used, rates, notes."""
    words = phrases(language)
    label = words.methods.get(explanation.method, explanation.method)
    parts = [f"{label}: {status_name(explanation.status, words)}.", _why(explanation, words)]
    if explanation.points_used:
        parts.append(words.points_used.format(points=_points(explanation.points_used, words)))
    parts += [_target(explanation, words), _limit(explanation, words), _rates(explanation, words)]
    parts += [words.note.format(note=translate_note(n, words)) for n in explanation.notes]
    return " ".join(p for p in parts if p)


def status_name(status: str, words: Phrases) -> str:
    """The status in words; English shows the key with spaces."""
    return words.statuses.get(status, status.replace("_", " "))


def _num(value: float, spec: str, words: Phrases) -> str:
    return format(value, spec).replace(".", words.decimal)


def _why(explanation: Explanation, words: Phrases) -> str:
    if explanation.reason != "band" or explanation.value is None:
        return words.reasons.get(explanation.reason, explanation.reason)
    value = explanation.value
    interval = _band_text(value, explanation.bands, words)
    return words.band.format(value=_num(value, ".4g", words), interval=interval)


def _band_text(value: float, bands: tuple[Band, ...], words: Phrases) -> str:
    upper: Band | None = None
    for band in bands:
        if value > band.lower or (band.inclusive and value == band.lower):
            return _interval(band, upper, words)
        upper = band
    if upper is None:
        return words.below_every
    return words.below.format(threshold=_num(upper.lower, ".4g", words))


def _interval(band: Band, upper: Band | None, words: Phrases) -> str:
    low = f"{'≥' if band.inclusive else '>'} {_num(band.lower, '.4g', words)}"
    if upper is None:
        return low
    joiner = " en " if words.decimal == "," else " and "
    return f"{low}{joiner}{'<' if upper.inclusive else '≤'} {_num(upper.lower, '.4g', words)}"


def _points(points: tuple[Point, ...], words: Phrases) -> str:
    return "; ".join(f"{p.year:g}: {_num(p.value, '.6g', words)}" for p in points)


def _target(explanation: Explanation, words: Phrases) -> str:
    target, year = explanation.fact("target"), explanation.fact("target_year")
    if target is None:
        return ""
    shown = _num(target, ".6g", words)
    if year is None:
        return words.target.format(target=shown)
    return words.target_by.format(target=shown, year=f"{year:g}")


def _limit(explanation: Explanation, words: Phrases) -> str:
    limit, coefficient = explanation.fact("limit"), explanation.fact("coefficient")
    if limit is None or coefficient is None or explanation.fact("target") is not None:
        return ""
    return words.limit.format(
        limit=_num(limit, ".6g", words), coefficient=_num(coefficient, ".4g", words)
    )


def _rates(explanation: Explanation, words: Phrases) -> str:
    needed, pace = explanation.fact("needed_rate"), explanation.fact("current_pace")
    linear = explanation.method in LINEAR_METHODS
    parts = []
    if needed is not None:
        parts.append(words.needed.format(rate=_rate(needed, linear, words)))
    if pace is not None:
        parts.append(words.pace.format(rate=_rate(pace, linear, words)))
    return ("; ".join(parts) + ".").capitalize() if parts else ""


def _rate(rate: float, linear: bool, words: Phrases) -> str:
    # Linear paths move in units (or ranks) a year, growth methods in percent a year.
    if linear:
        return _num(rate, "+.4g", words)
    return f"{_num(rate * 100, '+.2f', words)} %"


def render_aggregate(aggregate: Aggregate, language: str = "en") -> str:
    """Sentences: status, the rule, the mean, the children left out."""
    words = phrases(language)
    rule = words.rules.get(aggregate.rule, aggregate.rule)
    status = status_name(aggregate.status, words)
    text = words.aggregate.format(key=aggregate.key, status=status, rule=rule)
    if aggregate.score is not None:
        score = _num(aggregate.score, ".3g", words)
        text += words.mean_score.format(score=score, count=len(aggregate.used))
    left_out = ", ".join(
        f"{key} ({words.statuses.get(status, status)})" for key, status in aggregate.excluded
    )
    return text + (words.left_out.format(items=left_out) if left_out else "")
