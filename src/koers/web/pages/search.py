"""Search across agenda items, indicators and organisations, in both languages.

Every word of the query must occur (case-insensitive) in one of the record's
fields, so "talent behoud" finds an action on keeping talent. Dutch and English
fields are searched whatever the page's language: a visitor may know the
Dutch name of an action while reading the English site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_
from typing import TypeVar

from django.db.models import Model, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from koers.agendas.models import Item, Organisation
from koers.indicators.models import Indicator
from koers.web.pages.common import Crumb, Page, item_label, item_url
from koers.web.pages.indicators import indicator_url
from koers.web.pages.organisations import organisation_url

MAX_RESULTS = 50
MAX_QUERY = 200

ITEM_FIELDS = ("code", "title_nl", "title_en", "description_nl", "description_en")
INDICATOR_FIELDS = ("code", "name_nl", "name_en", "description_nl", "description_en")
ORGANISATION_FIELDS = ("code", "name_nl", "name_en")


@dataclass(frozen=True)
class Hit:
    text: str
    url: str
    context: str


@dataclass(frozen=True)
class Group:
    heading: str
    hits: tuple[Hit, ...]


@dataclass
class SearchPage(Page):
    query: str = ""
    groups: list[Group] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(len(group.hits) for group in self.groups)


def search_page(query: str) -> SearchPage:
    words = query.strip()[:MAX_QUERY].split()
    groups = [_items(words), _indicators(words), _organisations(words)] if words else []
    return SearchPage(
        title=_("Search"),
        crumbs=(Crumb(_("Home"), reverse("web:home")),),
        slug="search",
        query=query.strip()[:MAX_QUERY],
        groups=[group for group in groups if group.hits],
    )


M = TypeVar("M", bound=Model)


def matching(rows: QuerySet[M], fields: tuple[str, ...], words: list[str]) -> QuerySet[M]:
    """The rows where every word occurs in at least one of `fields`."""
    per_word = [reduce(or_, (Q(**{f"{f}__icontains": word}) for f in fields)) for word in words]
    return rows.filter(reduce(and_, per_word))


def _items(words: list[str]) -> Group:
    rows = matching(Item.objects.select_related("agenda", "level"), ITEM_FIELDS, words)
    hits = tuple(
        Hit(item_label(item), item_url(item), f"{item.level.name}, {item.agenda.title}")
        for item in rows.order_by("agenda__start", "order", "code")[:MAX_RESULTS]
    )
    return Group(_("Agenda items"), hits)


def _indicators(words: list[str]) -> Group:
    rows = matching(Indicator.objects.all(), INDICATOR_FIELDS, words)
    hits = tuple(
        Hit(i.name, indicator_url(i), i.publisher) for i in rows.order_by("code")[:MAX_RESULTS]
    )
    return Group(_("Indicators"), hits)


def _organisations(words: list[str]) -> Group:
    rows = matching(Organisation.objects.all(), ORGANISATION_FIELDS, words)
    hits = tuple(
        Hit(o.name, organisation_url(o), str(o.get_kind_display()))
        for o in rows.order_by("code")[:MAX_RESULTS]
    )
    return Group(_("Organisations"), hits)
