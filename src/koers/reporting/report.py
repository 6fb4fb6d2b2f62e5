"""`build_report`: the progress report of an agenda over a period, as one typed value.

The report follows the structure of the BNA progress report 2019-2020: cover,
foreword, a summary, key figures, the execution structure, per pillar a
summary and every priority action with its status, the money, the outlook,
the agreements, what changed since the previous report, and an annex with
every indicator, target, assessment and source. Statuses come in two kinds
side by side: the owner's own judgement (from the period's status update)
and the status computed from the indicators (`koers.assessment`).

Time: the period's updates are those whose period ends inside it; figures
are those whose period ended by the report's end date; the assessment is as
of that date and says when it also uses later figures.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from koers.agendas.models import Agenda, StatusUpdate
from koers.assessment.service import assess_agenda
from koers.indicators.models import Observation
from koers.readmodel.service import (
    ActionSection,
    AgreementRow,
    AnnexIndicator,
    BadPeriodError,
    Changes,
    Cover,
    EmptyPeriodError,
    KeyFigure,
    PillarSection,
    Report,
    ReportError,
    Scope,
    StatusCount,
    TargetRow,
    UnknownAgendaError,
    active,
    agenda_indicators,
    build_figures,
    build_items,
    build_money,
    build_structure,
    check_language,
    format_date,
    format_period,
    index_assessments,
    milestones_in,
)
from koers.readmodel.service import labels as names
from koers.reporting.changes import build_changes
from koers.reporting.periods import PeriodFormatError, validate_period

__all__ = [
    "ActionSection",
    "AgreementRow",
    "AnnexIndicator",
    "Changes",
    "EmptyPeriodError",
    "KeyFigure",
    "PillarSection",
    "Report",
    "ReportError",
    "TargetRow",
    "UnknownAgendaError",
    "build_report",
    "find_agenda",
    "index_assessments",
]


def build_report(agenda_code: str, start: dt.date, end: dt.date, language: str) -> Report:
    """The progress report of agenda `agenda_code` over [start, end] in `language` (nl, en).

    Raises UnknownAgendaError, EmptyPeriodError (nothing to report in the
    period) or BadPeriodError (see `periods.validate_period`).
    """
    lang = check_language(language)
    try:
        validate_period(start, end)
    except PeriodFormatError as exc:
        raise BadPeriodError(str(exc)) from None
    agenda = find_agenda(agenda_code)
    check_not_empty(agenda, start, end)
    with active(lang):
        assessed = index_assessments(assess_agenda(agenda, as_of=end))
        scope = Scope(agenda, start, end, lang, assessed)
        return _assemble(scope)


def find_agenda(code: str) -> Agenda:
    agenda = Agenda.objects.filter(code=code).first()
    if agenda is None:
        known = ", ".join(Agenda.objects.order_by("code").values_list("code", flat=True))
        raise UnknownAgendaError(f"no agenda with code {code!r} (known: {known or 'none'})")
    return agenda


def check_not_empty(agenda: Agenda, start: dt.date, end: dt.date) -> None:
    """Raise EmptyPeriodError when the period lies outside the agenda's life, or holds
    no update, milestone or figure."""
    if end < agenda.start or (agenda.end is not None and start > agenda.end):
        runs = f"from {agenda.start}" + (f" to {agenda.end}" if agenda.end else "")
        raise EmptyPeriodError(
            agenda.code,
            start,
            end,
            f"nothing to report for agenda {agenda.code!r} ({agenda.title_en}) from {start} "
            f"to {end}: the agenda runs {runs}",
        )
    updates = StatusUpdate.objects.filter(item__agenda=agenda, period_end__range=(start, end))
    observations = Observation.objects.filter(
        indicator__in=agenda_indicators(agenda), period_end__range=(start, end)
    )
    if updates.exists() or milestones_in(agenda, start, end).exists() or observations.exists():
        return
    raise EmptyPeriodError(
        agenda.code,
        start,
        end,
        f"nothing to report for agenda {agenda.code!r} ({agenda.title_en}) from {start} to "
        f"{end}: no status update ends in that period, no milestone is planned or reached "
        f"in it, and none of its indicators has a figure for a period ending in it",
    )


def _assemble(scope: Scope) -> Report:
    lines = build_money.budget_lines(scope)
    pillars = build_items.build_pillars(scope, lines)
    assessed = build_figures.indicator_assessments(scope)
    actions = [a for p in pillars for a in build_items.flatten(p.actions)]
    labels = scope.labels
    return Report(
        language=scope.language,
        agenda_code=scope.agenda.code,
        agenda_title=scope.agenda.title,
        start=scope.start,
        end=scope.end,
        period_text=format_period(scope.start, scope.end, scope.language),
        labels=labels,
        cover=_cover(scope),
        foreword=labels.foreword_placeholder,
        owner_counts=build_items.count_statuses(
            scope, names.OWNER_STATUS, (a.owner for a in actions)
        ),
        computed_counts=build_items.count_statuses(
            scope, names.COMPUTED_STATUS, (a.computed for a in actions)
        ),
        key_figures=build_figures.key_figures(scope),
        targets=build_figures.target_rows(scope, assessed),
        structure=build_structure.structure(scope),
        pillars=pillars,
        finances=build_money.finances(scope, lines),
        outlook=build_structure.outlook(scope),
        agreements=build_structure.agreements(scope),
        changes=build_changes(scope),
        annex=build_figures.annex(scope, assessed),
    )


def _cover(scope: Scope) -> Cover:
    return Cover(
        title=scope.labels.report_title,
        agenda_title=scope.agenda.title,
        period_text=format_period(scope.start, scope.end, scope.language),
        partners=build_structure.partners(scope),
        generated_text=format_date(timezone.localdate(), scope.language),
    )


def status_counts_text(counts: tuple[StatusCount, ...]) -> str:
    """ "7 op koers, 2 aandacht nodig": the counts as one phrase."""
    return ", ".join(f"{c.count} {c.status.label}" for c in counts)
