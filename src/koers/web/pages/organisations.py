"""The page of one organisation: what it does in the agendas, what it funds and owes."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from koers.agendas.models import Agreement, BudgetLine, Organisation, Role
from koers.readmodel.service import labels as names
from koers.web.pages.common import Crumb, Page, item_link, named
from koers.web.pages.item import budget_cells, budget_columns
from koers.web.pages.timeline import agreement_columns, agreement_row
from koers.web.tables import Cell, Column, Link, Table


@dataclass
class OrganisationPage(Page):
    organisation: Organisation | None = None
    facts: list[tuple[str, str]] = field(default_factory=list)
    departments: list[Link] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)


def organisation_url(organisation: Organisation) -> str:
    return reverse("web:organisation", args=[organisation.code])


def organisation_page(organisation: Organisation) -> OrganisationPage:
    tables = [_roles_table(organisation), _funding_table(organisation), _agreements(organisation)]
    return OrganisationPage(
        title=organisation.name,
        crumbs=(Crumb(_("Home"), reverse("web:home")),),
        tables=[table for table in tables if table.rows],
        slug=organisation.code,
        organisation=organisation,
        facts=_facts(organisation),
        departments=[
            Link(d.name, organisation_url(d)) for d in organisation.departments.order_by("code")
        ],
        bodies=[body.name for body in organisation.governance_bodies.order_by("code")],
    )


def _facts(organisation: Organisation) -> list[tuple[str, str]]:
    facts = [
        (_("Kind"), str(organisation.get_kind_display())),
        (_("Triple helix"), str(organisation.get_helix_display())),
    ]
    if organisation.geography is not None:
        facts.append((_("Area"), organisation.geography.name))
    return facts


def _roles_table(organisation: Organisation) -> Table:
    columns = [Column("agenda", _("Agenda")), Column("item", _("Item")), Column("role", _("Role"))]
    roles = Role.objects.filter(organisation=organisation).select_related("item__agenda")
    rows: list[list[Cell]] = [
        [role.item.agenda.title, item_link(role.item), named(names.ROLE, role.role)]
        for role in roles.order_by("item__agenda__start", "item__order", "item__code", "role")
    ]
    return Table("roles", _("Roles in the agendas"), columns, rows)


def _funding_table(organisation: Organisation) -> Table:
    columns = [Column("item", _("Item")), *budget_columns()[1:]]
    lines = BudgetLine.objects.filter(funder=organisation).select_related("item__agenda")
    rows: list[list[Cell]] = [
        [item_link(line.item), *budget_cells(line)[1:]]  # the funder is this organisation
        for line in lines.order_by("item__agenda__start", "item__order", "pk")
    ]
    return Table("funding", _("Money it provides"), columns, rows)


def _agreements(organisation: Organisation) -> Table:
    agreements = Agreement.objects.filter(owner=organisation).select_related("owner", "meeting")
    rows = [agreement_row(a) for a in agreements.prefetch_related("items").order_by("due", "code")]
    return Table("agreements", _("Agreements it owns"), agreement_columns(), rows)
