"""What changed since the previous report: status moves, new and dropped actions,
merges, revised targets and revised figures.

The previous period has the same length and ends the day before this one
starts (whole months stay whole months: July 2019 - June 2020 follows July
2018 - June 2019). There was a previous report when the agenda ran that whole
period or when an update was reported over it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q
from django.utils import timezone

from koers.agendas.models import Item, ItemLink
from koers.assessment.service import agenda_targets
from koers.indicators.models import Observation, Target
from koers.readmodel.service import (
    Changes,
    ItemChange,
    Revision,
    Scope,
    StatusMove,
    agenda_indicators,
    format_period,
    format_value,
    in_language,
    item_label,
    latest_updates,
    target_text,
)
from koers.readmodel.service import labels as names
from koers.reporting.periods import previous_period

MERGE_KINDS = (ItemLink.Kind.MERGED_INTO, ItemLink.Kind.SPLIT_FROM, ItemLink.Kind.SUCCEEDS)


def build_changes(scope: Scope) -> Changes | None:
    """The changes against the previous period; None when there was none."""
    before_start, before_end = previous_period(scope.start, scope.end)
    if not _previous_exists(scope, before_start, before_end):
        return None
    return Changes(
        previous_text=format_period(before_start, before_end, scope.language),
        previous_updates=len(latest_updates(scope.agenda, before_start, before_end)),
        status_moves=_status_moves(scope, before_start, before_end),
        new_items=tuple(_new_items(scope)),
        ended_items=tuple(_ended_items(scope)),
        merged_items=tuple(_merged_items(scope)),
        target_revisions=tuple(_target_revisions(scope)),
        figure_revisions=tuple(_figure_revisions(scope)),
    )


def _previous_exists(scope: Scope, before_start: dt.date, before_end: dt.date) -> bool:
    """The agenda ran the whole previous period, or something was reported over it."""
    if scope.agenda.start <= before_start:
        return True
    return bool(latest_updates(scope.agenda, before_start, before_end))


def _status_moves(
    scope: Scope, before_start: dt.date, before_end: dt.date
) -> tuple[StatusMove, ...]:
    before = latest_updates(scope.agenda, before_start, before_end)
    moves = []
    for item in scope.tree_order():
        old, new = before.get(item.pk), scope.updates.get(item.pk)
        if old is not None and new is not None and old.status != new.status:
            was = scope.status_label(names.OWNER_STATUS, old.status)
            now = scope.status_label(names.OWNER_STATUS, new.status)
            moves.append(StatusMove(item.code, item.title, was, now))
    return tuple(moves)


def _new_items(scope: Scope) -> list[ItemChange]:
    return [
        ItemChange(item.code, item.title, f"{scope.labels.new_since} {scope.date(item.valid_from)}")
        for item in scope.tree_order()
        if item.valid_from is not None and scope.start <= item.valid_from <= scope.end
    ]


def _ended_items(scope: Scope) -> list[ItemChange]:
    return [
        ItemChange(item.code, item.title, f"{scope.labels.valid_until} {scope.date(item.valid_to)}")
        for item in scope.tree_order()
        if item.valid_to is not None and scope.start <= item.valid_to < scope.end
    ]


def _merged_items(scope: Scope) -> list[ItemChange]:
    """Links that merge, split or replace an item that started or ended in the period,
    or that were recorded in the period."""
    begin, finish = _moment_range(scope)
    recorded = ItemLink.history.filter(history_date__range=(begin, finish)).values_list("id")
    changed = [i.pk for i in scope.items if _starts_or_ends_in(scope, i)]
    links = (
        ItemLink.objects.filter(kind__in=MERGE_KINDS)
        .filter(Q(from_item__agenda=scope.agenda) | Q(to_item__agenda=scope.agenda))
        .filter(Q(from_item__in=changed) | Q(to_item__in=changed) | Q(pk__in=recorded))
        .select_related("from_item", "to_item__agenda")
        .order_by("from_item__order", "from_item__code")
    )
    return [_link_change(scope, link) for link in links]


def _starts_or_ends_in(scope: Scope, item: Item) -> bool:
    return any(
        day is not None and scope.start <= day <= scope.end
        for day in (item.valid_from, item.valid_to)
    )


def _link_change(scope: Scope, link: ItemLink) -> ItemChange:
    target = link.to_item
    kind = names.named(names.LINK_KIND, link.kind, scope.t)
    detail = f"{kind} {item_label(target.code, in_language(target, 'title', scope.language))}"
    if target.agenda_id != scope.agenda.pk:
        detail += f" ({in_language(target.agenda, 'title', scope.language)})"
    reason = in_language(link, "reason", scope.language)
    source = link.from_item
    return ItemChange(source.code, source.title, f"{detail}: {reason}" if reason else detail)


def _moment_range(scope: Scope) -> tuple[dt.datetime, dt.datetime]:
    zone = timezone.get_current_timezone()
    begin = dt.datetime.combine(scope.start, dt.time.min, tzinfo=zone)
    finish = dt.datetime.combine(scope.end, dt.time.max, tzinfo=zone)
    return begin, finish


def _target_revisions(scope: Scope) -> list[Revision]:
    """Targets of the agenda changed (history records of kind "~") in the period."""
    begin, finish = _moment_range(scope)
    ids = [target.pk for target in agenda_targets(scope.agenda)]
    records = Target.history.filter(
        id__in=ids, history_type="~", history_date__range=(begin, finish)
    ).order_by("history_date")
    return [_target_revision(scope, record) for record in records]


def _target_revision(scope: Scope, record: Any) -> Revision:
    previous = record.prev_record
    after: Target = record.instance
    before_text = target_text(scope, previous.instance) if previous is not None else "–"
    lang = scope.language
    subject = f"{in_language(after.indicator, 'name', lang)}, {in_language(after.geography, 'name', lang)}"
    when = scope.date(timezone.localtime(record.history_date).date())
    return Revision(subject, before_text, target_text(scope, after), when)


def _figure_revisions(scope: Scope) -> list[Revision]:
    """Figures recorded in the period that replace an earlier value or are marked revised."""
    begin, finish = _moment_range(scope)
    rows = (
        Observation.objects.filter(
            indicator__in=agenda_indicators(scope.agenda), recorded_at__range=(begin, finish)
        )
        .select_related("indicator", "geography")
        .order_by("indicator__code", "period_start", "recorded_at")
    )
    revisions = (_figure_revision(scope, row) for row in rows)
    return [revision for revision in revisions if revision is not None]


def _figure_revision(scope: Scope, row: Observation) -> Revision | None:
    earlier = (
        Observation.objects.filter(
            indicator=row.indicator,
            geography=row.geography,
            series=row.series,
            period=row.period,
            recorded_at__lt=row.recorded_at,
        )
        .order_by("-recorded_at")
        .first()
    )
    if earlier is None and not row.revised:
        return None
    lang, unit = scope.language, row.indicator.unit
    subject = ", ".join(
        [
            in_language(row.indicator, "name", lang),
            in_language(row.geography, "name", lang),
            row.period,
        ]
    )
    before = format_value(earlier.value, unit, lang) if earlier is not None else "–"
    when = scope.date(timezone.localtime(row.recorded_at).date())
    return Revision(subject, before, format_value(row.value, unit, lang), when)
