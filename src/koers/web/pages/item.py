"""The page of one agenda item (a pillar, an action, a project): what it is, who
does it, where it stands by its owner and by the figures, its milestones, money,
indicators, links to other agendas and its reporting history."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from koers.agendas.models import Agreement, BudgetLine, Item, ItemLink, Milestone, StatusUpdate
from koers.assessment.service import ItemAssessment, explanation_text
from koers.readmodel.service import MoneyTotal, StatusLabel, format_date, format_period, item_money
from koers.readmodel.service import labels as names
from koers.web.pages.common import (
    Crumb,
    DashboardScope,
    Page,
    agenda_crumbs,
    badge,
    dashboard_scope,
    item_label,
    item_link,
    language,
    named,
    source_text,
    status,
    today,
)
from koers.web.pages.figures import indicator_rows
from koers.web.tables import Badge, Cell, Column, Link, Table


@dataclass(frozen=True)
class Update:
    """The owner's latest account of the item."""

    period_text: str
    status: StatusLabel
    narrative: str
    highlights: tuple[str, ...]
    outlook: tuple[str, ...]
    author: str
    recorded_text: str


@dataclass
class ItemPage(Page):
    item: Item | None = None
    label: str = ""
    level: str = ""
    description: str = ""
    validity_text: str = ""
    source_text: str = ""
    owner: StatusLabel | None = None
    computed: StatusLabel | None = None
    computed_text: str = ""
    differs: bool = False
    update: Update | None = None
    money_total: MoneyTotal | None = None
    links: list[tuple[str, Link, str]] = field(default_factory=list)


def item_page(item: Item) -> ItemPage:
    scope = dashboard_scope(item.agenda, item=item)
    assessment = scope.assessments.get(item.pk)
    update = scope.updates.get(item.pk)
    owner, computed = scope.owner_status(item), scope.computed_status(item)
    lines = _budget_lines(item)
    money = item_money(scope, lines)
    return ItemPage(
        title=item_label(item),
        crumbs=agenda_crumbs(item.agenda, *_ancestor_crumbs(item)),
        tables=_tables(scope, item, assessment, lines),
        slug=f"{item.agenda.code}-{item.code}",
        item=item,
        label=item_label(item),
        level=item.level.name,
        description=item.description,
        validity_text=_validity(item),
        source_text=_source_text(item),
        owner=owner,
        computed=computed,
        computed_text=explanation_text(assessment.computed, language()) if assessment else "",
        differs=bool(update and assessment and assessment.reason_required),
        update=_update(scope, update) if update else None,
        money_total=money.total,
        links=_links(item),
    )


def _ancestor_crumbs(item: Item) -> list[Crumb]:
    return [Crumb(item_label(a), item_link(a).url) for a in reversed(item.ancestors())]


def _validity(item: Item) -> str:
    lang = language()
    start = item.valid_from or item.agenda.start
    if item.valid_to is None:
        return _("from {start}").format(start=format_date(start, lang))
    return format_period(start, item.valid_to, lang)


def _source_text(item: Item) -> str:
    return source_text(item.source, item.source_section)


def _update(scope: DashboardScope, update: StatusUpdate) -> Update:
    lang = language()
    return Update(
        period_text=format_period(update.period_start, update.period_end, lang),
        status=scope.update_status(update),
        narrative=update.narrative,
        highlights=tuple(update.highlights),
        outlook=tuple(update.outlook),
        author=update.author.name if update.author else "",
        recorded_text=format_date(update.created_at.date(), lang),
    )


def _links(item: Item) -> list[tuple[str, Link, str]]:
    """Typed links to and from items of any agenda, read from this item's side."""
    found = []
    outgoing = ItemLink.objects.filter(from_item=item).select_related("to_item__agenda")
    for link in outgoing:
        found.append((named(names.LINK_KIND, link.kind), _far(link.to_item), link.reason))
    incoming = ItemLink.objects.filter(to_item=item).select_related("from_item__agenda")
    for link in incoming:
        kind = _("{kind} this item, from").format(kind=named(names.LINK_KIND, link.kind))
        found.append((kind, _far(link.from_item), link.reason))
    return found


def _far(other: Item) -> Link:
    """An item of perhaps another agenda: its label with the agenda's title."""
    return item_link(other, f"{item_label(other)} ({other.agenda.title})")


def _budget_lines(item: Item) -> list[BudgetLine]:
    return list(
        BudgetLine.objects.filter(item=item)
        .select_related("funder", "item")
        .order_by("period_start", "pk")
    )


def _tables(
    scope: DashboardScope,
    item: Item,
    assessment: ItemAssessment | None,
    lines: list[BudgetLine],
) -> list[Table]:
    tables = [
        _children_table(scope, item),
        _roles_table(item),
        _milestones_table(scope, item),
        _budget_table(lines),
        indicator_rows(scope, assessment, "indicators", _("Indicators measuring this item")),
        _agreements_table(item),
        _history_table(scope, item),
    ]
    return [table for table in tables if table.rows]


def _children_table(scope: DashboardScope, item: Item) -> Table:
    columns = [
        Column("item", _("Item")),
        Column("level", _("Level")),
        Column("owner_status", _("Status (owner)")),
        Column("computed_status", _("Status (computed)")),
    ]
    rows: list[list[Cell]] = [
        [
            item_link(child),
            child.level.name,
            badge(scope.owner_status(child)),
            badge(scope.computed_status(child)),
        ]
        for child in item.children.select_related("level", "agenda").order_by("order", "code")
    ]
    return Table("children", _("Parts of this item"), columns, rows)


def _roles_table(item: Item) -> Table:
    columns = [Column("organisation", _("Organisation")), Column("role", _("Role"))]
    roles = item.roles.select_related("organisation").order_by("role", "organisation__code")
    rows: list[list[Cell]] = [
        [
            Link(r.organisation.name, reverse("web:organisation", args=[r.organisation.code])),
            named(names.ROLE, r.role),
        ]
        for r in roles
    ]
    return Table("roles", _("Who does what"), columns, rows)


def milestone_columns() -> list[Column]:
    return [
        Column("milestone", _("Milestone")),
        Column("planned", _("Planned")),
        Column("actual", _("Reached")),
        Column("status", _("Status")),
    ]


def milestone_status(milestone: Milestone) -> str:
    """`overdue` for a milestone still planned after its date (the model's rule, which the
    report applies at its period's end); else its own status."""
    return milestone.shown_status(today())


def _milestones_table(scope: DashboardScope, item: Item) -> Table:
    rows: list[list[Cell]] = [
        [m.title, m.planned, m.actual, _milestone_badge(m)]
        for m in scope.milestones.get(item.pk, [])
    ]
    return Table("milestones", _("Milestones"), milestone_columns(), rows)


def _milestone_badge(milestone: Milestone) -> Badge:
    return badge(status(names.MILESTONE_STATUS, milestone_status(milestone)))


def _budget_table(lines: list[BudgetLine]) -> Table:
    rows = [budget_cells(line) for line in lines]
    return Table("budget", _("Budget lines"), budget_columns(), rows)


def budget_cells(line: BudgetLine) -> list[Cell]:
    """A budget line in the order of `budget_columns`."""
    return [
        line.funder.name if line.funder else _("unknown funder"),
        named(names.INSTRUMENT, line.instrument),
        line.amount,
        line.committed,
        line.realised,
        line.period_start,
        line.period_end,
        line.note or None,
    ]


def budget_columns() -> list[Column]:
    return [
        Column("funder", _("Funder")),
        Column("instrument", _("Instrument")),
        Column("amount_eur", _("Amount (EUR)"), numeric=True),
        Column("committed_eur", _("Committed (EUR)"), numeric=True),
        Column("realised_eur", _("Realised (EUR)"), numeric=True),
        Column("start", _("From")),
        Column("end", _("Until")),
        Column("note", _("Note")),
    ]


def _agreements_table(item: Item) -> Table:
    from koers.web.pages.timeline import agreement_columns, agreement_row

    agreements = Agreement.objects.filter(items=item).select_related("owner", "meeting__body")
    rows = [agreement_row(a) for a in agreements.order_by("due", "code")]
    return Table("agreements", _("Agreements about this item"), agreement_columns(), rows)


def _history_table(scope: DashboardScope, item: Item) -> Table:
    columns = [
        Column("period", _("Period")),
        Column("status", _("Status (owner)")),
        Column("author", _("Reported by")),
    ]
    lang = language()
    rows: list[list[Cell]] = [
        [
            format_period(u.period_start, u.period_end, lang),
            badge(scope.update_status(u)),
            u.author.name if u.author else None,
        ]
        for u in item.status_updates.select_related("author").order_by("-period_end", "-created_at")
    ]
    return Table("updates", _("Status updates"), columns, rows)
