"""Figures of the report: the key figures, the targets and the annex of indicators."""

from __future__ import annotations

from collections import Counter

from django.utils.translation import gettext_noop

from koers.agendas.models import Geography
from koers.assessment.service import (
    IndicatorAssessment,
    ObservedPoint,
    TargetAssessment,
    TrendAssessment,
    agenda_targets,
    assess_indicator,
    explanation_text,
)
from koers.assessment.types import Staleness
from koers.charts.numbers import format_number
from koers.indicators.models import Indicator, Observation, Target
from koers.indicators.periods import parse_period
from koers.readmodel import labels as names
from koers.readmodel.build_maps import municipal_map, municipal_summary, municipal_svg
from koers.readmodel.charts import target_level
from koers.readmodel.formatting import format_rate, format_value, item_label, unit_label
from koers.readmodel.i18n import in_language
from koers.readmodel.scope import Presenting, Scope, source_ref
from koers.readmodel.types import (
    AnnexIndicator,
    AssessmentRow,
    KeyFigure,
    SourceRef,
    TargetRow,
)


def indicator_assessments(scope: Scope) -> dict[int, IndicatorAssessment]:
    """Each agenda indicator's assessment: reused from the item roll-up where it was made."""
    found = {
        ia.indicator.pk: ia
        for assessment in scope.assessments.values()
        for ia in assessment.indicators
    }
    for indicator in scope.indicators:
        if indicator.pk not in found:
            found[indicator.pk] = assess_indicator(indicator, as_of=scope.end)
    return found


def key_figures(scope: Scope) -> tuple[KeyFigure, ...]:
    """The latest figure of every agenda indicator known by the end of the period."""
    figures = (key_figure(scope, indicator) for indicator in scope.indicators)
    return tuple(figure for figure in figures if figure is not None)


def key_figure(scope: Presenting, indicator: Indicator) -> KeyFigure | None:
    geography = main_geography(scope, indicator)
    if geography is None:
        return None
    latest = (
        Observation.objects.current()
        .filter(indicator=indicator, geography=geography, series="", period_end__lte=scope.end)
        .select_related("source")
        .order_by("-period_end", "-recorded_at")
        .first()
    )
    if latest is None:
        return None
    lang = scope.language
    return KeyFigure(
        indicator_code=indicator.code,
        indicator=in_language(indicator, "name", lang),
        value=latest.value,
        value_text=format_value(latest.value, indicator.unit, lang),
        period=latest.period,
        geography=in_language(geography, "name", lang),
        flags_text=flags_text(scope, latest.provisional, latest.estimated, latest.revised),
        source=source_ref(latest.source, latest.source_section, lang, latest.retrieved),
    )


def main_geography(scope: Presenting, indicator: Indicator) -> Geography | None:
    """The target's geography, else the one with the most headline figures (regions first)."""
    target = indicator.targets.select_related("geography").first()
    if target is not None:
        return target.geography
    counted = Counter(
        Observation.objects.filter(
            indicator=indicator, series="", period_end__lte=scope.end
        ).values_list("geography_id", flat=True)
    )
    if not counted:
        return None
    geographies = Geography.objects.in_bulk(list(counted))
    return max(
        geographies.values(),
        key=lambda g: (g.level != Geography.Level.COUNTRY, counted[g.pk], g.code),
    )


def flags_text(scope: Presenting, provisional: bool, estimated: bool, revised: bool) -> str:
    on = [("provisional", provisional), ("estimated", estimated), ("revised", revised)]
    return ", ".join(names.named(names.FLAG, flag, scope.t) for flag, is_on in on if is_on)


def target_rows(scope: Scope, assessed: dict[int, IndicatorAssessment]) -> tuple[TargetRow, ...]:
    """Every target of the agenda with its computed status."""
    by_target = {ta.target.pk: ta for ia in assessed.values() for ta in ia.targets}
    return tuple(
        _target_row(scope, target, by_target.get(target.pk))
        for target in agenda_targets(scope.agenda)
    )


def _target_row(scope: Scope, target: Target, assessed: TargetAssessment | None) -> TargetRow:
    lang, unit = scope.language, target.indicator.unit
    latest = _latest_known(scope, assessed.points) if assessed else None
    status = assessed.result.status if assessed else "not_available"
    where = proxy_note(scope, assessed)
    return TargetRow(
        indicator_code=target.indicator.code,
        indicator=in_language(target.indicator, "name", lang),
        geography=in_language(target.geography, "name", lang),
        kind=names.named(names.TARGET_KIND, target.kind, scope.t),
        baseline_text=baseline_text(scope, target),
        target_text=target_text(scope, target),
        latest_text=f"{format_value(latest.value, unit, lang)} ({latest.period}{where})"
        if latest
        else "–",
        status=scope.status_label(names.COMPUTED_STATUS, status),
        item_code=target.item.code if target.item else "",
    )


def proxy_note(scope: Presenting, assessed: TargetAssessment | None) -> str:
    """ "; measured in Zuidoost-Noord-Brabant (NL414), the declared proxy" or nothing."""
    if assessed is None or assessed.proxy is None:
        return ""
    stand_in = assessed.proxy.stand_in
    area = f"{in_language(stand_in, 'name', scope.language)} ({stand_in.code})"
    return "; " + scope.t(gettext_noop("measured in {area}, the declared proxy")).format(area=area)


def _latest_known(scope: Presenting, points: tuple[ObservedPoint, ...]) -> ObservedPoint | None:
    known = [p for p in points if parse_period(p.period).end <= scope.end]
    return known[-1] if known else None


def target_text(scope: Presenting, target: Target) -> str:
    """ "62.000 woningen in 2030", "+20% t.o.v. 2019 in 2030", "65% in 2032"."""
    lang, value = scope.language, target.target_value
    if target.kind == Target.Kind.CHANGE:
        sign = "+" if value > 0 else ""
        amount = scope.t(gettext_noop("{change} compared with {period}")).format(
            change=f"{sign}{format_number(value, lang)}%", period=target.baseline_period
        )
        if target.baseline_value is not None:
            amount += f" ({format_value(target_level(target), target.indicator.unit, lang)})"
    elif target.kind == Target.Kind.SHARE:
        amount = f"{format_number(value, lang)}%"
    else:
        amount = format_value(value, target.indicator.unit, lang)
    year = parse_period(target.target_period).label
    return scope.t(gettext_noop("{value} by {year}")).format(value=amount, year=year)


def baseline_text(scope: Presenting, target: Target) -> str:
    if target.baseline_value is None:
        return "–"
    unit = "%" if target.kind == Target.Kind.SHARE else target.indicator.unit
    value = format_value(target.baseline_value, unit, scope.language)
    return f"{value} ({target.baseline_period})"


def annex(scope: Scope, assessed: dict[int, IndicatorAssessment]) -> tuple[AnnexIndicator, ...]:
    targets = target_rows(scope, assessed)
    return tuple(
        _annex_indicator(scope, indicator, assessed[indicator.pk], targets)
        for indicator in scope.indicators
        if indicator.pk in assessed
    )


def _annex_indicator(
    scope: Scope,
    indicator: Indicator,
    assessed: IndicatorAssessment,
    targets: tuple[TargetRow, ...],
) -> AnnexIndicator:
    lang = scope.language
    municipal = municipal_map(indicator, scope)
    rows = [target_assessment_row(scope, ta) for ta in assessed.targets]
    rows += [trend_assessment_row(scope, tr) for tr in assessed.trends]
    return AnnexIndicator(
        code=indicator.code,
        name=in_language(indicator, "name", lang),
        description=in_language(indicator, "description", lang),
        unit=unit_label(indicator.unit, lang),
        direction=names.named(names.DIRECTION, indicator.direction, scope.t),
        frequency=names.named(names.FREQUENCY, indicator.frequency, scope.t),
        publisher=indicator.publisher,
        measures=tuple(
            item_label(item.code, in_language(item, "title", lang))
            for item in indicator.items.filter(agenda=scope.agenda).order_by("order", "code")
        ),
        targets=tuple(t for t in targets if t.indicator_code == indicator.code),
        assessments=tuple(rows),
        sources=_sources(scope, indicator),
        municipal=municipal,
        municipal_svg=municipal_svg(scope, indicator, municipal) if municipal else "",
        municipal_summary=municipal_summary(scope, municipal) if municipal else "",
    )


def target_assessment_row(scope: Presenting, assessed: TargetAssessment) -> AssessmentRow:
    target = assessed.target
    subject = (
        f"{target_text(scope, target)}, {in_language(target.geography, 'name', scope.language)}"
        f"{proxy_note(scope, assessed)}"
    )
    return _assessment_row(scope, subject, target.indicator.unit, assessed)


def trend_assessment_row(scope: Presenting, assessed: TrendAssessment) -> AssessmentRow:
    area = in_language(assessed.geography, "name", scope.language)
    subject = scope.t(gettext_noop("trend in {area}")).format(area=area)
    return _assessment_row(scope, subject, assessed.indicator.unit, assessed)


def _assessment_row(
    scope: Presenting, subject: str, unit: str, assessed: TargetAssessment | TrendAssessment
) -> AssessmentRow:
    result, lang = assessed.result, scope.language
    return AssessmentRow(
        subject=subject,
        method=names.named(names.METHOD, result.method, scope.t),
        status=scope.status_label(names.COMPUTED_STATUS, result.status),
        explanation=explanation_text(result, lang),
        explanation_language=lang,
        needed_text=format_rate(result.needed_rate, result.rate_unit, unit, lang),
        pace_text=format_rate(result.current_pace, result.rate_unit, unit, lang),
        staleness_text=_staleness_text(scope, assessed.staleness),
        uses_later_data=any(parse_period(p.period).end > scope.end for p in assessed.points),
    )


def _staleness_text(scope: Presenting, staleness: Staleness | None) -> str:
    labels = scope.labels
    if staleness is None or staleness.stale is None:
        return labels.stale_unknown
    word = labels.stale_yes if staleness.stale else labels.stale_no
    if staleness.age_days < 0:
        # The latest figure describes a period after the report's end date.
        return word
    days = format_number(staleness.age_days, scope.language)
    return f"{word} ({scope.t(gettext_noop('{days} days old')).format(days=days)})"


def _sources(scope: Scope, indicator: Indicator) -> tuple[SourceRef, ...]:
    """Where the indicator's figures (up to the period end) and targets come from."""
    observations = (
        Observation.objects.current()
        .filter(indicator=indicator, period_end__lte=scope.end, source__isnull=False)
        .select_related("source")
        .order_by("source__code", "source_section")
    )
    refs = [
        source_ref(o.source, o.source_section, scope.language, o.retrieved) for o in observations
    ]
    refs += [
        source_ref(t.source, t.source_section, scope.language)
        for t in indicator.targets.select_related("source")
    ]
    return tuple(dict.fromkeys(ref for ref in refs if ref is not None))
