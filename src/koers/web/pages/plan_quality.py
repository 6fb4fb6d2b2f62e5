"""An agenda's plan quality: the rules a good plan meets, the score per pillar and the
gaps by item (koers.assessment decides; this page only shows)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from koers.agendas.models import Agenda
from koers.assessment.service import PLAN_QUALITY_CHECKS, PlanQuality, Tally, plan_quality
from koers.readmodel.service import formatting
from koers.web.pages.common import Page, agenda_crumbs
from koers.web.tables import Cell, Column, Link, Table


@dataclass
class PlanQualityPage(Page):
    agenda: Agenda | None = None
    score: float | None = None
    passed: int = 0
    applicable: int = 0
    rules: list[str] = field(default_factory=list)


def plan_quality_page(agenda: Agenda) -> PlanQualityPage:
    """The rules checked, the agenda's score, the score per pillar and every gap."""
    plan = plan_quality(agenda)
    whole = plan.tally
    return PlanQualityPage(
        title=_("Plan quality: %(agenda)s") % {"agenda": agenda.title},
        crumbs=agenda_crumbs(agenda),
        slug=f"{agenda.code}-plan-quality",
        agenda=agenda,
        score=rounded(whole.score),
        passed=whole.passed,
        applicable=whole.applicable,
        rules=[_(check.rule) for check in PLAN_QUALITY_CHECKS],
        tables=[_rules(plan), _pillars(plan), _gaps(agenda, plan)],
    )


def rounded(score: float | None) -> float | None:
    """A percentage as the reader sees it: one decimal."""
    return None if score is None else round(score, 1)


def _tally_cells(tally: Tally) -> list[Cell]:
    return [tally.passed, tally.applicable, rounded(tally.score)]


def _tally_columns() -> list[Column]:
    return [
        Column("passed", _("Checks passed"), numeric=True),
        Column("applicable", _("Checks that apply"), numeric=True),
        Column("score", _("Score (%)"), numeric=True),
    ]


def _rules(plan: PlanQuality) -> Table:
    rows = [[_(c.rule), *_tally_cells(plan.tally_of(c))] for c in PLAN_QUALITY_CHECKS]
    columns = [Column("rule", _("Rule")), *_tally_columns()]
    return Table("rules", _("Checks passed per rule"), columns, rows)


def _pillars(plan: PlanQuality) -> Table:
    rows = [[pillar.title, *_tally_cells(pillar.tally)] for pillar in plan.pillars]
    columns = [Column("pillar", _("Pillar")), *_tally_columns()]
    return Table("pillars", _("Score per pillar"), columns, rows)


def _gaps(agenda: Agenda, plan: PlanQuality) -> Table:
    rows: list[list[Cell]] = []
    for result, gap in plan.gaps:
        url = reverse("web:item", args=[agenda.code, result.item.code])
        label = formatting.item_label(result.item.code, result.item.title)
        rows.append(
            [
                Link(label, url),
                _(gap.check.name),
                gap.finding.subject or None,
                gap.finding.explained(gap.check, _),
            ]
        )
    columns = [
        Column("item", _("Item")),
        Column("check", _("Check")),
        Column("concerns", _("Concerns")),
        Column("missing", _("What is missing")),
    ]
    return Table("gaps", _("Gaps by item"), columns, rows)
