"""Public pages. Views stay thin: they find the record, ask a page builder
(`koers.web.pages`) and render it, or send one of its tables as a file; the
result is kept until the data changes (`koers.web.cache`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from koers.agendas.models import Agenda, Item, Organisation
from koers.indicators.models import Decomposition, Indicator
from koers.web import tables
from koers.web.cache import cached
from koers.web.pages.agenda import agenda_page
from koers.web.pages.balance import balance_list, balance_page
from koers.web.pages.common import Page
from koers.web.pages.home import home_page
from koers.web.pages.indicators import indicator_list, indicator_page
from koers.web.pages.item import item_page
from koers.web.pages.lineage import lineage_page
from koers.web.pages.money import money_page
from koers.web.pages.organisations import organisation_page
from koers.web.pages.peers import peers_page
from koers.web.pages.plan_quality import plan_quality_page
from koers.web.pages.search import search_page
from koers.web.pages.timeline import timeline_page

# A page view returns its template and its page, built for this request.
PageView = Callable[..., tuple[str, Page]]


def show(view: PageView) -> Callable[..., HttpResponse]:
    def page_view(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        if view in ASKS_THE_READER and request.GET:
            # A form's answer (the what-if's levers): built for this reader, kept by no cache,
            # as search is; the page without a question is cached like every other.
            return _render(request, view, kwargs)
        return cached(request, lambda: _render(request, view, kwargs))

    page_view.__name__ = view.__name__
    return page_view


def download(view: PageView) -> Callable[..., HttpResponse]:
    def download_view(request: HttpRequest, table: str, fmt: str, **kwargs: Any) -> HttpResponse:
        if not tables.is_format(fmt):
            raise Http404(f"no download format {fmt!r} (choose csv, xlsx or json)")
        return cached(request, lambda: _file(request, view, kwargs, table, fmt))

    download_view.__name__ = f"{view.__name__}_download"
    return download_view


def _render(request: HttpRequest, view: PageView, kwargs: dict[str, Any]) -> HttpResponse:
    template, page = view(request, **kwargs)
    query = request.GET.urlencode()
    context = {
        "page": page,
        "download_base": f"{request.path}download/",
        "download_query": f"?{query}" if query else "",
    }
    return render(request, template, context)


def _file(
    request: HttpRequest, view: PageView, kwargs: dict[str, Any], table: str, fmt: str
) -> HttpResponse:
    _, page = view(request, **kwargs)
    found = page.table(table)
    if found is None:
        raise Http404(f"this page has no table {table!r}")
    assert tables.is_format(fmt)  # checked by download_view before the page was built
    return tables.download(found, fmt, stem=f"{page.slug}-{table}")


def home(request: HttpRequest) -> tuple[str, Page]:
    return "web/home.html", home_page()


def agenda(request: HttpRequest, agenda: str) -> tuple[str, Page]:
    found = get_object_or_404(Agenda, code=agenda)
    return "web/agenda.html", agenda_page(found, _day(request))


def _day(request: HttpRequest) -> dt.date | None:
    """`?datum=YYYY-MM-DD`; a missing or unreadable date means today."""
    try:
        return dt.date.fromisoformat(request.GET.get("datum", ""))
    except ValueError:
        return None


def item(request: HttpRequest, agenda: str, item: str) -> tuple[str, Page]:
    found = get_object_or_404(
        Item.objects.select_related("agenda", "level"), agenda__code=agenda, code=item
    )
    return "web/item.html", item_page(found)


def timeline(request: HttpRequest, agenda: str) -> tuple[str, Page]:
    return "web/timeline.html", timeline_page(get_object_or_404(Agenda, code=agenda))


def money(request: HttpRequest, agenda: str) -> tuple[str, Page]:
    return "web/money.html", money_page(get_object_or_404(Agenda, code=agenda))


def indicators(request: HttpRequest) -> tuple[str, Page]:
    return "web/indicators.html", indicator_list()


def indicator(request: HttpRequest, code: str) -> tuple[str, Page]:
    return "web/indicator.html", indicator_page(get_object_or_404(Indicator, code=code))


def lineage(request: HttpRequest, agenda: str) -> tuple[str, Page]:
    found = get_object_or_404(Agenda.objects.select_related("predecessor"), code=agenda)
    return "web/lineage.html", lineage_page(found)


def plan_quality(request: HttpRequest, agenda: str) -> tuple[str, Page]:
    return "web/plan_quality.html", plan_quality_page(get_object_or_404(Agenda, code=agenda))


def balances(request: HttpRequest) -> tuple[str, Page]:
    return "web/balances.html", balance_list()


def balance(request: HttpRequest, code: str) -> tuple[str, Page]:
    found = get_object_or_404(Decomposition.objects.select_related("geography"), code=code)
    return "web/balance.html", balance_page(found, request.GET.dict())


# Pages whose form asks the reader for values (any parameter), answered without the cache.
ASKS_THE_READER: frozenset[PageView] = frozenset({balance})


def peers(request: HttpRequest) -> tuple[str, Page]:
    return "web/peers.html", peers_page()


def organisation(request: HttpRequest, code: str) -> tuple[str, Page]:
    return "web/organisation.html", organisation_page(get_object_or_404(Organisation, code=code))


def search(request: HttpRequest) -> HttpResponse:
    page = search_page(request.GET.get("q", ""))
    return render(request, "web/search.html", {"page": page})


def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement that Dutch law asks of every government site."""
    return render(request, "web/accessibility.html")
