"""The money of an agenda: totals per funder, instrument and pillar, committed
against realised, and every budget line with its source.

Totals come from the report's money builder over the agenda's whole life, so
the site and the report add up the same lines in the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from koers.agendas.models import Agenda, BudgetLine
from koers.readmodel.service import MoneyTotal, Scope, budget_lines, finances
from koers.web.pages.common import Page, agenda_crumbs, item_link, language, source_text
from koers.web.pages.item import budget_cells, budget_columns
from koers.web.tables import Cell, Column, Table


@dataclass
class MoneyPage(Page):
    agenda: Agenda | None = None
    total: MoneyTotal | None = None
    line_count: int = 0


def money_page(agenda: Agenda) -> MoneyPage:
    scope = Scope(agenda, agenda.start, agenda.end or dt.date.max, language())
    lines = budget_lines(scope)
    overview = finances(scope, lines)
    every = [line for item_lines in lines.values() for line in item_lines]
    tables = [
        _totals_table("by-funder", _("Per funder"), _("Funder"), overview.by_funder),
        _totals_table(
            "by-instrument", _("Per instrument"), _("Instrument"), overview.by_instrument
        ),
        _totals_table("by-pillar", _("Per pillar"), _("Pillar"), overview.by_pillar),
        _lines_table(every),
    ]
    return MoneyPage(
        title=_("Money: {agenda}").format(agenda=agenda.title),
        crumbs=agenda_crumbs(agenda),
        tables=[table for table in tables if table.rows],
        slug=f"{agenda.code}-money",
        agenda=agenda,
        total=overview.total,
        line_count=len(every),
    )


def _totals_table(name: str, caption: str, label: str, totals: tuple[MoneyTotal, ...]) -> Table:
    columns = [
        Column("group", label),
        Column("amount_eur", _("Amount (EUR)"), numeric=True),
        Column("committed_eur", _("Committed (EUR)"), numeric=True),
        Column("realised_eur", _("Realised (EUR)"), numeric=True),
        # xgettext:no-python-format
        Column("realised_share", _("Realised (% of amount)"), numeric=True),
    ]
    rows: list[list[Cell]] = [
        [t.label, t.amount, t.committed, t.realised, _share(t.realised, t.amount)] for t in totals
    ]
    return Table(name, caption, columns, rows)


def _share(part: Decimal, whole: Decimal) -> float | None:
    return round(float(100 * part / whole), 1) if whole else None


def _lines_table(lines: list[BudgetLine]) -> Table:
    columns = [Column("item", _("Item")), *budget_columns(), Column("source", _("Source"))]
    rows: list[list[Cell]] = [
        [
            item_link(line.item),
            *budget_cells(line),
            source_text(line.source, line.source_section) or None,
        ]
        for line in sorted(lines, key=lambda line: (line.item.order, line.item.code, line.pk))
    ]
    return Table("budget-lines", _("Every budget line"), columns, rows)
