"""What a rendered report must contain, read from the database (never hard-coded lists)."""

from __future__ import annotations

import datetime as dt

from koers.agendas.models import Agenda, BudgetLine, Item, StatusUpdate
from koers.indicators.models import Observation
from koers.readmodel.service import (
    OWNER_STATUS,
    Language,
    agenda_indicators,
    format_money,
    format_value,
    latest_updates,
    overlaps,
    translator,
)


def pillar_and_action_titles(
    agenda: Agenda, start: dt.date, end: dt.date, lang: Language
) -> list[str]:
    """The title of every pillar and action valid in the period, in `lang`."""
    items = Item.objects.filter(agenda=agenda).select_related("agenda")
    valid = {i.pk for i in items if overlaps(i, start, end)}
    return [
        getattr(i, f"title_{lang}") or i.title_nl
        for i in items
        if i.pk in valid and (i.parent_id is None or i.parent_id in valid)
    ]


def status_labels(agenda: Agenda, start: dt.date, end: dt.date, lang: Language) -> list[str]:
    """The owner's status label of every update in the period, as the owner wrote it."""
    updates = latest_updates(agenda, start, end).values()
    return [_label(update, lang) for update in updates]


def _label(update: StatusUpdate, lang: Language) -> str:
    own = getattr(update, f"status_label_{lang}")
    if own:
        return str(own)
    return translator(lang)(OWNER_STATUS[update.status][0])


def key_figure_candidates(agenda: Agenda, end: dt.date, lang: Language) -> dict[str, set[str]]:
    """Per indicator name, its latest value (period ended by `end`) in each area, formatted
    as the report writes it; the report shows one of them as the key figure."""
    found: dict[str, set[str]] = {}
    for indicator in agenda_indicators(agenda):
        rows = Observation.objects.current().filter(
            indicator=indicator, series="", period_end__lte=end
        )
        latest: dict[int, Observation] = {}
        for row in rows.order_by("period_end"):
            latest[row.geography_id] = row
        if latest:
            name = getattr(indicator, f"name_{lang}") or indicator.name_nl
            found[name] = {format_value(o.value, indicator.unit, lang) for o in latest.values()}
    return found


def budget_amounts(agenda: Agenda, lang: Language) -> set[str]:
    """Every budget line amount of the agenda, formatted as money."""
    lines = BudgetLine.objects.filter(item__agenda=agenda)
    return {format_money(line.amount, lang) for line in lines}
