"""The money of the report: budget lines per item, totals per funder, instrument and pillar."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal

from koers.agendas.models import BudgetLine, Item
from koers.charts.numbers import MISSING
from koers.readmodel import labels as names
from koers.readmodel.formatting import format_money
from koers.readmodel.i18n import in_language
from koers.readmodel.scope import Scope
from koers.readmodel.types import FinanceOverview, Money, MoneyRow, MoneyTotal

ZERO = Decimal(0)


def budget_lines(scope: Scope) -> dict[int, list[BudgetLine]]:
    """The budget lines of the report's items that run in the period (or name no period)."""
    rows = BudgetLine.objects.filter(item__in=scope.items).select_related("funder", "item")
    found: dict[int, list[BudgetLine]] = defaultdict(list)
    for line in rows.order_by("item_id", "period_start", "pk"):
        if _runs_in(line, scope.start, scope.end):
            found[line.item_id].append(line)
    return found


def _runs_in(line: BudgetLine, start: dt.date, end: dt.date) -> bool:
    begins_in_time = line.period_start is None or line.period_start <= end
    return begins_in_time and (line.period_end is None or line.period_end >= start)


def item_money(scope: Scope, lines: list[BudgetLine]) -> Money:
    """An item's own budget lines with their total."""
    rows = tuple(_row(scope, line) for line in lines)
    return Money(rows, money_total(scope, scope.labels.total, lines) if lines else None)


def _row(scope: Scope, line: BudgetLine) -> MoneyRow:
    lang = scope.language
    return MoneyRow(
        item_code=line.item.code,
        funder=_funder(scope, line),
        instrument=names.named(names.INSTRUMENT, line.instrument, scope.t),
        amount=line.amount,
        committed=line.committed,
        realised=line.realised,
        amount_text=format_money(line.amount, lang),
        committed_text=_optional_money(line.committed, scope),
        realised_text=_optional_money(line.realised, scope),
        note=in_language(line, "note", lang),
    )


def _funder(scope: Scope, line: BudgetLine) -> str:
    if line.funder is None:
        return scope.labels.unknown_funder
    return in_language(line.funder, "name", scope.language)


def _optional_money(value: Decimal | None, scope: Scope) -> str:
    return MISSING if value is None else format_money(value, scope.language)


def money_total(scope: Scope, label: str, lines: Iterable[BudgetLine]) -> MoneyTotal:
    lines = list(lines)
    committed = [line.committed for line in lines if line.committed is not None]
    realised = [line.realised for line in lines if line.realised is not None]
    amount = sum((line.amount for line in lines), ZERO)
    return MoneyTotal(
        label=label,
        amount=amount,
        committed=sum(committed, ZERO),
        realised=sum(realised, ZERO),
        amount_text=format_money(amount, scope.language),
        committed_text=format_money(sum(committed, ZERO), scope.language) if committed else MISSING,
        realised_text=format_money(sum(realised, ZERO), scope.language) if realised else MISSING,
    )


def subtree_lines(scope: Scope, item: Item, lines: dict[int, list[BudgetLine]]) -> list[BudgetLine]:
    """The budget lines of `item` and everything below it."""
    found = list(lines.get(item.pk, []))
    for child in scope.children.get(item.pk, []):
        found += subtree_lines(scope, child, lines)
    return found


def finances(scope: Scope, lines: dict[int, list[BudgetLine]]) -> FinanceOverview:
    """Totals per funder, per instrument and per pillar, and the grand total."""
    every = [line for item_lines in lines.values() for line in item_lines]
    if not every:
        return FinanceOverview((), (), (), None)
    by_pillar = tuple(
        money_total(scope, pillar.title, pillar_lines)
        for pillar in scope.pillars
        if (pillar_lines := subtree_lines(scope, pillar, lines))
    )
    return FinanceOverview(
        by_funder=_grouped(scope, every, lambda line: _funder(scope, line)),
        by_instrument=_grouped(
            scope, every, lambda line: names.named(names.INSTRUMENT, line.instrument, scope.t)
        ),
        by_pillar=by_pillar,
        total=money_total(scope, scope.labels.total, every),
    )


def _grouped(
    scope: Scope, lines: list[BudgetLine], key: Callable[[BudgetLine], str]
) -> tuple[MoneyTotal, ...]:
    groups: dict[str, list[BudgetLine]] = defaultdict(list)
    for line in lines:
        groups[key(line)].append(line)
    totals = [money_total(scope, label, group) for label, group in groups.items()]
    return tuple(sorted(totals, key=lambda total: (-total.amount, total.label)))
