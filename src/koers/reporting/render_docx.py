"""The report and the cover note as Word documents (.docx), so staff can keep editing.

Same content and order as the HTML: Word heading styles mirror h1-h6 (the
cover title is "Title"), every table has a caption, charts are PNG pictures
with alt text followed by their numbers as a table.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject

from koers.charts import render_png
from koers.charts.png import svg_to_png
from koers.charts.render import summary
from koers.readmodel.service import (
    ActionSection,
    AnnexIndicator,
    FigureChart,
    MilestoneRow,
    Money,
    MoneyTotal,
    MunicipalMap,
    PillarSection,
    Report,
    SourceRef,
    StatusCount,
)
from koers.reporting.cover_note import CoverNote
from koers.reporting.docx_parts import (
    bullets,
    heading,
    labelled,
    new_document,
    page_break,
    paragraph,
    picture,
    table,
    to_bytes,
)


def render_docx(report: Report) -> bytes:
    """The report as a .docx document."""
    document = new_document(
        report.title, report.language, ", ".join(report.cover.partners), report.agenda_title
    )
    _cover(document, report)
    _summary(document, report)
    _key_figures(document, report)
    _structure(document, report)
    for pillar in report.pillars:
        _pillar(document, report, pillar)
    _finances(document, report)
    _outlook(document, report)
    _agreements(document, report)
    _changes(document, report)
    _annex(document, report)
    return to_bytes(document)


def _cover(document: DocumentObject, report: Report) -> None:
    L, cover = report.labels, report.cover
    heading(document, f"{cover.title} {cover.agenda_title}", 0)
    paragraph(document, f"{L.cover_period}: {cover.period_text}", "Subtitle")
    if cover.partners:
        paragraph(document, f"{L.cover_partners}:")
        bullets(document, cover.partners)
    paragraph(document, f"{L.cover_generated} {cover.generated_text}.")
    page_break(document)
    heading(document, L.foreword, 1)
    paragraph(document, report.foreword, "Quote")


def _counts(counts: tuple[StatusCount, ...]) -> list[list[str]]:
    return [[c.status.label, str(c.count)] for c in counts]


def _summary(document: DocumentObject, report: Report) -> None:
    L = report.labels
    heading(document, L.summary, 1)
    table(document, L.summary_owner, [L.status, L.count], _counts(report.owner_counts), (1,))
    table(document, L.summary_computed, [L.status, L.count], _counts(report.computed_counts), (1,))
    rows = [
        [p.heading, p.owner.label, p.computed.label, _counts_text(p.owner_counts)]
        for p in report.pillars
    ]
    header = [L.pillar, L.owner_status, L.computed_status, L.summary_owner]
    table(document, L.pillar_summary, header, rows)


def _counts_text(counts: tuple[StatusCount, ...]) -> str:
    return ", ".join(f"{c.count} {c.status.label}" for c in counts)


def _key_figures(document: DocumentObject, report: Report) -> None:
    L = report.labels
    page_break(document)
    heading(document, L.key_figures, 1)
    if report.key_figures:
        rows = [
            [
                f.indicator,
                f"{f.value_text} ({f.flags_text})" if f.flags_text else f.value_text,
                f.period,
                f.geography,
                f.source.text if f.source else "",
            ]
            for f in report.key_figures
        ]
        header = [L.indicator, L.value, L.period, L.geography, L.source]
        table(document, L.key_figures_caption, header, rows, (1,))
    else:
        paragraph(document, L.no_key_figures)
    heading(document, L.targets, 2)
    if report.targets:
        rows = [
            [
                f"{t.indicator} ({t.geography})",
                t.target_text,
                t.baseline_text,
                t.latest_text,
                t.status.label,
            ]
            for t in report.targets
        ]
        header = [L.indicator, L.target, L.baseline, L.latest, L.computed_status]
        table(document, L.targets_caption, header, rows)
    else:
        paragraph(document, L.no_targets)


def _structure(document: DocumentObject, report: Report) -> None:
    L, structure = report.labels, report.structure
    page_break(document)
    heading(document, L.structure, 1)
    paragraph(document, L.structure_intro)
    if structure.roles:
        rows = [
            [
                r.label,
                ", ".join(r.coordinators),
                ", ".join(r.leads),
                ", ".join(r.partners),
                ", ".join(r.financiers),
            ]
            for r in structure.roles
        ]
        header = [L.item, L.coordinator, L.lead, L.partners, L.financiers]
        table(document, L.roles_caption, header, rows)
    if structure.bodies:
        heading(document, L.governance, 2)
    for body in structure.bodies:
        heading(document, body.name, 3)
        if body.description:
            paragraph(document, body.description)
        if body.frequency:
            labelled(document, L.frequency, body.frequency)
        if body.members:
            labelled(document, L.members, ", ".join(body.members))
        labelled(document, L.meetings_in_period, "" if body.meetings else L.no_meetings)
        for meeting in body.meetings:
            bullets(document, [f"{meeting.date_text}: {meeting.title}"])
            bullets(document, meeting.agreements)


def _status_line(document: DocumentObject, report: Report, owner: str, computed: str) -> None:
    L = report.labels
    para = document.add_paragraph()
    para.add_run(f"{L.owner_status}: ").bold = True
    para.add_run(owner)
    para.add_run(f" · {L.computed_status}: ").bold = True
    para.add_run(computed)


def _pillar(document: DocumentObject, report: Report, pillar: PillarSection) -> None:
    L = report.labels
    page_break(document)
    heading(document, pillar.heading, 1)
    _status_line(document, report, pillar.owner.label, pillar.computed.label)
    if pillar.owner_counts:
        labelled(document, L.summary_owner, _counts_text(pillar.owner_counts))
    if pillar.money_total is not None:
        total = pillar.money_total
        labelled(
            document,
            L.money,
            f"{total.amount_text} ({L.committed.lower()} {total.committed_text}, "
            f"{L.realised.lower()} {total.realised_text})",
        )
    text = pillar.narrative or pillar.description
    if text:
        paragraph(document, text)
    _highlights(document, report, pillar.highlights)
    _milestones(document, report, pillar.milestones)
    _charts(document, report, pillar.charts)
    for action in pillar.actions:
        _action(document, report, action)


def _action(document: DocumentObject, report: Report, action: ActionSection) -> None:
    L = report.labels
    heading(document, action.heading, action.heading_level - 1)
    _status_line(document, report, action.owner.label, action.computed.label)
    if action.validity:
        paragraph(document, action.validity)
    if action.differs:
        paragraph(document, L.status_differs)
    if action.leads:
        labelled(document, L.lead, ", ".join(action.leads))
    text = action.narrative or action.description
    if text:
        paragraph(document, text)
    if action.owner.code == "none":
        paragraph(document, L.no_update)
    _highlights(document, report, action.highlights)
    _milestones(document, report, action.milestones)
    _charts(document, report, action.charts)
    _money(document, report, action.heading, action.money)
    for child in action.children:
        _action(document, report, child)


def _highlights(document: DocumentObject, report: Report, highlights: tuple[str, ...]) -> None:
    if highlights:
        paragraph(document, report.labels.highlights).runs[0].bold = True
        bullets(document, highlights)


def _milestones(
    document: DocumentObject, report: Report, milestones: tuple[MilestoneRow, ...]
) -> None:
    if not milestones:
        return
    L = report.labels
    rows = [
        [m.item_code, m.title, m.planned_text, m.actual_text, m.status.label] for m in milestones
    ]
    header = [L.item, L.milestones_caption, L.planned, L.actual, L.status]
    table(document, L.milestones_caption, header, rows)


def _charts(document: DocumentObject, report: Report, charts: tuple[FigureChart, ...]) -> None:
    L = report.labels
    for figure in charts:
        chart = figure.chart
        if not figure.tile:  # one or two figures: the table below says it all
            picture(document, render_png(chart), figure.title, chart.description or summary(chart))
        header = [L.year, *figure.columns]
        numeric = tuple(range(1, len(header)))
        table(document, f"{L.chart_data}: {figure.title}", header, figure.table, numeric)


def _money(document: DocumentObject, report: Report, heading_text: str, money: Money) -> None:
    if not money.rows:
        return
    L = report.labels
    rows = [
        [r.funder, r.instrument, r.amount_text, r.committed_text, r.realised_text]
        for r in money.rows
    ]
    total = money.total
    footer = None
    if total is not None and len(money.rows) > 1:
        footer = [total.label, "", total.amount_text, total.committed_text, total.realised_text]
    header = [L.funder, L.instrument, L.amount, L.committed, L.realised]
    table(document, f"{L.money_caption}: {heading_text}", header, rows, (2, 3, 4), footer)


def _total_row(total: MoneyTotal) -> list[str]:
    return [total.label, total.amount_text, total.committed_text, total.realised_text]


def _finances(document: DocumentObject, report: Report) -> None:
    L, finances = report.labels, report.finances
    page_break(document)
    heading(document, L.money_overview, 1)
    if finances.total is None:
        paragraph(document, L.no_money)
        return
    groups = (
        (L.money_by_funder, L.funder, finances.by_funder),
        (L.money_by_instrument, L.instrument, finances.by_instrument),
        (L.money_by_pillar, L.pillar, finances.by_pillar),
    )
    for caption, head, totals in groups:
        if totals:
            rows = [_total_row(t) for t in totals]
            header = [head, L.amount, L.committed, L.realised]
            footer = _total_row(finances.total)
            table(
                document, f"{L.money_overview}: {caption.lower()}", header, rows, (1, 2, 3), footer
            )


def _outlook(document: DocumentObject, report: Report) -> None:
    L = report.labels
    heading(document, L.outlook, 1)
    if not report.outlook:
        paragraph(document, L.no_outlook)
        return
    paragraph(document, L.outlook_intro)
    for entry in report.outlook:
        paragraph(document, entry.label).runs[0].bold = True
        bullets(document, entry.points)


def _agreements(document: DocumentObject, report: Report) -> None:
    L = report.labels
    heading(document, L.agreements, 1)
    if not report.agreements:
        paragraph(document, L.no_agreements)
        return
    rows = [
        [
            f"{a.text} ({a.meeting}{' · ' + a.items if a.items else ''})" if a.meeting else a.text,
            a.owner,
            a.due_text,
            f"{a.status.label.upper()}" if a.overdue else a.status.label,
        ]
        for a in report.agreements
    ]
    header = [L.agreement, L.owner, L.due, L.status]
    table(document, L.agreements_caption, header, rows)


def _changes(document: DocumentObject, report: Report) -> None:
    changes, L = report.changes, report.labels
    if changes is None:
        return
    page_break(document)
    heading(document, L.changes, 1)
    paragraph(document, f"{L.changes_previous}: {changes.previous_text}.")
    heading(document, L.status_moves, 2)
    if changes.status_moves:
        rows = [[m.label, m.before.label, m.after.label] for m in changes.status_moves]
        table(document, L.status_moves_caption, [L.item, L.before, L.after], rows)
    else:
        paragraph(document, L.no_changes if changes.previous_updates else L.no_previous_updates)
    for title, entries in (
        (L.new_items, changes.new_items),
        (L.ended_items, changes.ended_items),
        (L.merged_items, changes.merged_items),
    ):
        heading(document, title, 2)
        bullets(document, [f"{e.label}: {e.detail}" for e in entries])
        if not entries:
            paragraph(document, L.no_changes)
    for title, revisions in (
        (L.targets_revised, changes.target_revisions),
        (L.figures_revised, changes.figure_revisions),
    ):
        heading(document, title, 2)
        if revisions:
            rows = [[r.subject, r.before_text, r.after_text, r.when_text] for r in revisions]
            table(document, title, [L.indicator, L.before, L.after, L.date], rows)
        else:
            paragraph(document, L.no_changes)


def _annex(document: DocumentObject, report: Report) -> None:
    L = report.labels
    page_break(document)
    heading(document, L.annex, 1)
    paragraph(document, L.annex_intro)
    for indicator in report.annex:
        _annex_indicator(document, report, indicator)


def _annex_indicator(document: DocumentObject, report: Report, ind: AnnexIndicator) -> None:
    L = report.labels
    heading(document, ind.name, 2)
    if ind.description:
        paragraph(document, ind.description)
    facts = [(L.unit, ind.unit), (L.direction, ind.direction), (L.frequency, ind.frequency)]
    facts += [(L.publisher, ind.publisher), (L.measures, "; ".join(ind.measures))]
    for label, value in facts:
        if value:
            labelled(document, label, value)
    if ind.targets:
        rows = [
            [
                f"{t.target_text} ({t.kind})",
                t.geography,
                t.baseline_text,
                t.latest_text,
                t.status.label,
            ]
            for t in ind.targets
        ]
        header = [L.target, L.geography, L.baseline, L.latest, L.status]
        table(document, f"{L.targets}: {ind.name}", header, rows)
    if ind.assessments:
        rows = [
            [a.subject, a.method, a.status.label, a.needed_text, a.pace_text, a.staleness_text]
            for a in ind.assessments
        ]
        header = [L.target, L.method, L.status, L.needed_rate, L.current_pace, L.staleness]
        table(document, f"{L.assessment_caption}: {ind.name}", header, rows, (3, 4))
        for a in ind.assessments:
            note = f" {L.later_data}" if a.uses_later_data else ""
            labelled(document, f"{L.explanation} ({a.subject})", a.explanation + note)
    if ind.municipal is not None:
        _municipal(document, report, ind, ind.municipal)
    if ind.sources:
        paragraph(document, L.sources).runs[0].bold = True
        bullets(document, [_source_text(report, s) for s in ind.sources])


def _municipal(
    document: DocumentObject, report: Report, ind: AnnexIndicator, municipal: MunicipalMap
) -> None:
    """The tile map as a picture (its summary as alt text) and the same numbers as a table."""
    L = report.labels
    heading(document, L.by_municipality, 3)
    paragraph(document, ind.municipal_summary)
    title = f"{L.by_municipality}: {ind.name}"
    picture(document, svg_to_png(ind.municipal_svg), title, ind.municipal_summary)
    if municipal.not_on_the_map:
        names = ", ".join(f.name for f in municipal.not_on_the_map)
        paragraph(document, f"{L.not_on_the_map} {names}")
    rows = [[f.name, f.value_text] for f in municipal.figures]
    caption = f"{L.municipalities_caption}: {ind.name} ({municipal.period})"
    table(document, caption, [L.municipality, L.value], rows, (1,))


def _source_text(report: Report, source: SourceRef) -> str:
    text = source.text + (f" ({source.publisher})" if source.publisher else "")
    if source.retrieved_text:
        text += f"; {report.labels.retrieved.lower()} {source.retrieved_text}"
    return text


def render_cover_note_docx(note: CoverNote) -> bytes:
    """The cover note as a .docx document."""
    document = new_document(f"{note.title}: {note.subject}", note.language, "", note.subject)
    heading(document, note.title, 0)
    labelled(document, note.labels.note_subject, note.subject)
    for section in note.sections[1:]:
        heading(document, section.heading, 1)
        for text in section.paragraphs:
            paragraph(document, text)
        bullets(document, section.bullets)
        for text in section.closing:
            paragraph(document, text)
    return to_bytes(document)
