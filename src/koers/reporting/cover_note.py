"""The cover note that goes with the report (as the province's statenmededeling does):
subject, occasion, competence, key message, consequences and follow-up, filled
from the same `Report`, so note and report cannot tell different stories."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_noop

from koers.readmodel.service import (
    ActionSection,
    Labels,
    Report,
    StatusCount,
    format_period,
    translator,
)
from koers.reporting.periods import next_period
from koers.reporting.report import status_counts_text

ATTENTION_CODES = frozenset({"delayed", "behind", "attention"})


@dataclass(frozen=True)
class NoteSection:
    heading: str
    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()


@dataclass(frozen=True)
class CoverNote:
    language: str
    title: str
    subject: str
    agenda_code: str
    period_text: str
    labels: Labels
    sections: tuple[NoteSection, ...]


def build_cover_note(report: Report) -> CoverNote:
    """The cover note of `report`, in the report's language."""
    subject = f"{report.cover.title} {report.agenda_title}, {report.period_text}"
    L = report.labels
    sections = (
        NoteSection(L.note_subject, (subject,)),
        _occasion(report),
        _competence(report),
        _key_message(report),
        _consequences(report),
        _follow_up(report),
        NoteSection(L.note_annex, (f"1. {subject}",)),
    )
    return CoverNote(
        report.language, L.cover_note, subject, report.agenda_code, report.period_text, L, sections
    )


def _occasion(report: Report) -> NoteSection:
    t = translator(report.language)
    text = t(
        gettext_noop(
            "The partners of the {agenda} report every year on the progress of the agenda. "
            "This note accompanies the progress report over {period}, generated from the "
            "shared monitoring data."
        )
    ).format(agenda=report.agenda_title, period=report.period_text)
    paragraphs = [text]
    if report.changes is not None:
        previous = t(gettext_noop("The previous report covered {period}.")).format(
            period=report.changes.previous_text
        )
        paragraphs.append(previous)
    return NoteSection(report.labels.note_occasion, tuple(paragraphs))


def _competence(report: Report) -> NoteSection:
    t = translator(report.language)
    paragraphs = []
    if report.cover.partners:
        paragraphs.append(
            t(gettext_noop("The execution is coordinated by {partners}.")).format(
                partners=_joined(report, report.cover.partners)
            )
        )
    bodies = [body.name for body in report.structure.bodies]
    if bodies:
        paragraphs.append(
            t(gettext_noop("Governance bodies: {bodies}.")).format(
                bodies=_joined(report, tuple(bodies))
            )
        )
    paragraphs.append(t(gettext_noop("The progress report is offered for information.")))
    return NoteSection(report.labels.note_competence, tuple(paragraphs))


def _key_message(report: Report) -> NoteSection:
    t = translator(report.language)
    actions = report.all_actions()
    paragraphs = [
        t(gettext_noop("Of the {count} actions, the owners report: {statuses}.")).format(
            count=len(actions), statuses=status_counts_text(report.owner_counts)
        )
    ]
    if report.targets:
        paragraphs.append(
            t(gettext_noop("Of the {count} targets, the assessment finds: {statuses}.")).format(
                count=len(report.targets), statuses=_target_counts(report)
            )
        )
    bullets = tuple(
        t(gettext_noop("{pillar}: owners {owner}; computed {computed}; actions: {counts}.")).format(
            pillar=pillar.title,
            owner=pillar.owner.label,
            computed=pillar.computed.label,
            counts=status_counts_text(pillar.owner_counts) or "–",
        )
        for pillar in report.pillars
    )
    return NoteSection(report.labels.note_key_message, tuple(paragraphs), bullets)


def _target_counts(report: Report) -> str:
    counted: dict[str, StatusCount] = {}
    for row in report.targets:
        previous = counted.get(row.status.code)
        counted[row.status.code] = StatusCount(row.status, (previous.count if previous else 0) + 1)
    return status_counts_text(tuple(counted.values()))


def _consequences(report: Report) -> NoteSection:
    t = translator(report.language)
    paragraphs = []
    total = report.finances.total
    if total is not None:
        paragraphs.append(
            t(
                gettext_noop(
                    "The budget lines of the agenda total {amount}, of which {committed} is "
                    "committed and {realised} realised."
                )
            ).format(
                amount=total.amount_text,
                committed=total.committed_text,
                realised=total.realised_text,
            )
        )
    attention = [a for a in report.all_actions() if a.owner.code in ATTENTION_CODES]
    overdue = [a for a in report.agreements if a.overdue]
    bullets = tuple(_action_line(a) for a in attention)
    bullets += tuple(
        t(gettext_noop("Overdue agreement: {text} ({owner}, due {due})")).format(
            text=a.text, owner=a.owner or "–", due=a.due_text
        )
        for a in overdue
    )
    if bullets:
        paragraphs.append(t(gettext_noop("Points that need attention:")))
    else:
        paragraphs.append(t(gettext_noop("No action is delayed and no agreement is overdue.")))
    return NoteSection(report.labels.note_consequences, tuple(paragraphs), bullets)


def _action_line(action: ActionSection) -> str:
    return f"{action.heading} ({action.owner.label})"


def _follow_up(report: Report) -> NoteSection:
    t = translator(report.language)
    bullets = tuple(f"{entry.label}: {point}" for entry in report.outlook for point in entry.points)
    bullets += tuple(
        t(gettext_noop("Open agreement: {text} ({owner}, due {due})")).format(
            text=a.text, owner=a.owner or "–", due=a.due_text or "–"
        )
        for a in report.agreements
        if a.status.code == "open"
    )
    intro = t(gettext_noop("Priorities for the next period and open agreements:"))
    closing = t(gettext_noop("The partners report again over {period}.")).format(
        period=_next_period(report)
    )
    paragraphs = (intro,) if bullets else ()
    return NoteSection(report.labels.note_follow_up, paragraphs, bullets, (closing,))


def _next_period(report: Report) -> str:
    start, end = next_period(report.start, report.end)
    return format_period(start, end, report.language)


def _joined(report: Report, names: tuple[str, ...]) -> str:
    if len(names) < 2:
        return "".join(names)
    word = " en " if report.language == "nl" else " and "
    return ", ".join(names[:-1]) + word + names[-1]
