"""An agenda's lineage: what became of every action of its predecessor, with the
targets before and after (koers.agendas.lineage decides the fate)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from koers.agendas.lineage import Facts, Fate, fate, merged, reasons, successors
from koers.agendas.models import Agenda, Item
from koers.indicators.models import Target
from koers.readmodel.service import Presenting, target_text
from koers.web.pages.common import Page, agenda_crumbs, item_link
from koers.web.pages.figures import indicator_scope
from koers.web.tables import Badge, Cell, Column, Links, Table

FATE_LABELS = {
    Fate.WITH_PARENT: (gettext_noop("carried on with its parent"), "good"),
    Fate.CONTINUED: (gettext_noop("continued"), "good"),
    Fate.RETARGETED: (gettext_noop("re-targeted"), "warn"),
    Fate.SPLIT: (gettext_noop("split"), "warn"),
    Fate.MERGED: (gettext_noop("merged"), "warn"),
    Fate.DROPPED: (gettext_noop("no successor named"), "bad"),
}


@dataclass
class LineagePage(Page):
    agenda: Agenda | None = None
    predecessor: Agenda | None = None
    summary: list[tuple[str, int]] = field(default_factory=list)


def lineage_page(agenda: Agenda) -> LineagePage:
    """Every item of the predecessor with its fate, successors, reasons and targets."""
    old = agenda.predecessor
    page = LineagePage(
        title=_("Lineage: %(agenda)s") % {"agenda": agenda.title},
        crumbs=agenda_crumbs(agenda),
        slug=f"{agenda.code}-lineage",
        agenda=agenda,
        predecessor=old,
    )
    if old is None:
        return page
    rows, counts = _rows(old, agenda)
    page.summary = [(_(FATE_LABELS[f][0]), counts[f]) for f in Fate if counts[f]]
    columns = [
        Column("code", _("Action of the predecessor")),
        Column("fate", _("What became of it")),
        Column("successors", _("Carried on by")),
        Column("reason", _("Why")),
        Column("targets_before", _("Targets before")),
        Column("targets_after", _("Targets after")),
    ]
    caption = _("What became of the actions of %(agenda)s") % {"agenda": old.title}
    page.tables = [Table("lineage", caption, columns, rows)]
    return page


def _rows(old: Agenda, new: Agenda) -> tuple[list[list[Cell]], Counter[Fate]]:
    carried = successors(old, new)
    why = reasons(old, new)
    merged_items = merged(old, new)
    shared = Counter(s.pk for items in carried.values() for s in items)
    scope = indicator_scope()
    rows: list[list[Cell]] = []
    counts: Counter[Fate] = Counter()
    actions = _actions(old)
    by_pk = {item.pk: item for item in old.items.all()}
    for item in actions:
        after_items = carried[item.pk]
        before = _targets(scope, [item])
        after = _targets(scope, after_items)
        facts = Facts(
            successors=len(after_items),
            shared=max((shared[s.pk] for s in after_items), default=0),
            targets_changed=bool(after_items) and before != after and bool(after),
            merged_link=item.pk in merged_items,
            parent_carried=any(carried.get(a.pk) for a in _ancestors(item, by_pk)),
        )
        found = fate(facts)
        counts[found] += 1
        label, tone = FATE_LABELS[found]
        rows.append(
            [
                item_link(item),
                Badge(str(found), _(label), tone),
                Links(tuple(item_link(s) for s in after_items)) if after_items else None,
                " ".join(filter(None, (why.get((item.pk, s.pk), "") for s in after_items))) or None,
                "; ".join(before) or None,
                "; ".join(after) or None,
            ]
        )
    return rows, counts


def _actions(agenda: Agenda) -> list[Item]:
    """The items below the top level (pillars frame the actions), in tree order."""
    items = list(agenda.items.select_related("agenda").order_by("order", "code"))
    by_pk = {item.pk: item for item in items}

    def path(item: Item) -> list[tuple[int, str]]:
        parent = by_pk.get(item.parent_id) if item.parent_id else None
        return [*(path(parent) if parent else []), (item.order, item.code)]

    nested = [i for i in items if i.parent_id is not None]
    return sorted(nested or items, key=path)


def _ancestors(item: Item, by_pk: dict[int, Item]) -> list[Item]:
    found = []
    while item.parent_id is not None and item.parent_id in by_pk:
        item = by_pk[item.parent_id]
        found.append(item)
    return found


def _targets(scope: Presenting, items: list[Item]) -> list[str]:
    found = Target.objects.filter(item__in=items).select_related("indicator", "geography")
    return sorted(f"{t.indicator.name}: {target_text(scope, t)}" for t in found)
