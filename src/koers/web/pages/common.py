"""What every page builder shares: the page's language, statuses, links and the
agenda scope the dashboard reads its data through.

The dashboard shows the same statuses, figures and money as the progress
report, so it builds on the report's `Scope` and labels rather than on a
second set of rules: a figure never reads differently on the site and in print.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from koers.agendas.models import Agenda, Item, Milestone, SourceDocument, StatusUpdate
from koers.assessment.service import assess_agenda, assess_item
from koers.readmodel.service import (
    Language,
    Scope,
    StatusLabel,
    formatting,
    index_assessments,
    latest_updates,
    source_ref,
    translator,
)
from koers.readmodel.service import labels as names
from koers.web.tables import Badge, Link, Table


def language() -> Language:
    """The language of the page being built (the URL prefix chose it)."""
    return "en" if (get_language() or "nl").startswith("en") else "nl"


def today() -> dt.date:
    return timezone.localdate()


@dataclass(frozen=True)
class Crumb:
    label: str
    url: str


@dataclass
class Page:
    """What every page has: a title, its way back up, and the tables it offers as files."""

    title: str
    crumbs: Sequence[Crumb] = ()
    tables: Sequence[Table] = ()
    slug: str = "koers"  # file names of the downloads start with it

    def table(self, name: str) -> Table | None:
        return next((table for table in self.tables if table.name == name), None)

    @property
    def by_name(self) -> dict[str, Table]:
        """The tables by name, for templates: `page.by_name.milestones`."""
        return {table.name: table for table in self.tables}


def status(table: Mapping[str, tuple[str, names.Tone]], code: str) -> StatusLabel:
    """A status code as a label in the page's language, with its tone."""
    label, tone = names.toned(table, code, translator(language()))
    return StatusLabel(code, label, tone)


def badge(label: StatusLabel) -> Badge:
    return Badge(label.code, label.label, label.tone)


def named(table: Mapping[str, str], code: str) -> str:
    return names.named(table, code, translator(language()))


def source_text(document: SourceDocument | None, section: str) -> str:
    """ "Document title, section" as the report cites a fact; "" without a source."""
    ref = source_ref(document, section, language())
    return ref.text if ref else ""


def item_url(item: Item) -> str:
    return reverse("web:item", args=[item.agenda.code, item.code])


def item_link(item: Item, text: str | None = None) -> Link:
    return Link(text or item_label(item), item_url(item))


def item_label(item: Item) -> str:
    """ "4a Fotonica" for a code a reader knows; the title alone for a slug."""
    return formatting.item_label(item.code, item.title)


def agenda_crumbs(agenda: Agenda, *extra: Crumb) -> tuple[Crumb, ...]:
    return (
        Crumb(_("Home"), reverse("web:home")),
        Crumb(agenda.title, reverse("web:agenda", args=[agenda.code])),
        *extra,
    )


@dataclass
class DashboardScope(Scope):
    """The agenda as it stood on one day (`start` = `end` = that day).

    The report's scope looks at a period; the dashboard looks at a day: the
    items valid on it, each with its latest status update up to that day, and
    every milestone whatever its date (the timeline shows the future too).
    """

    as_of: dt.date = field(default_factory=today)

    @cached_property
    def updates(self) -> dict[int, StatusUpdate]:
        return latest_updates(self.agenda, dt.date.min, self.end)

    @cached_property
    def milestones(self) -> dict[int, list[Milestone]]:
        found: dict[int, list[Milestone]] = {}
        rows = Milestone.objects.filter(item__agenda=self.agenda).select_related("item", "source")
        for milestone in rows.order_by("planned", "actual", "pk"):
            found.setdefault(milestone.item_id, []).append(milestone)
        return found


def dashboard_scope(
    agenda: Agenda, day: dt.date | None = None, item: Item | None = None
) -> DashboardScope:
    """The scope of `agenda` on `day` (default today), with the computed statuses of
    every item, or only of `item` and what lies below it when the page is about one item."""
    day = day or today()
    # Judged on the page's day (?datum=), as the report judges on its period's end.
    roots = [assess_item(item, day)] if item is not None else assess_agenda(agenda, day)
    return DashboardScope(agenda, day, day, language(), index_assessments(roots), as_of=day)
