"""Finished pages kept until the data behind them changes.

A page of the dashboard reads hundreds of rows and assesses every indicator
it shows, while the data changes only when someone imports or edits it. So a
rendered page (or download) is kept under its address, its language and a
*data version*: a fingerprint that changes whenever rows are added, changed
or deleted. Changes to the models with history (items, links, targets,
milestones, budgets, agreements, observations) show in their history tables'
latest date; added rows of the other models show in their highest id. An edit
in place of a model without history (an indicator's name, an organisation's)
is the one change the fingerprint misses: pages also expire after
`MAX_AGE` seconds, so such an edit shows within that time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone
from django.utils.translation import get_language

from koers.sources.service import data_version

__all__ = ["PAGE_PARAMETERS", "cached", "data_version", "page_query"]

MAX_AGE = 300
# The query parameters the cached pages and downloads read (the agenda's `?datum=`).
# Every other parameter is dropped before the page is built, so `?r=1`, `?r=2`, ... are
# one page in the cache, not a way around it.
PAGE_PARAMETERS = ("datum",)


def cached(request: HttpRequest, build: Callable[[], HttpResponse]) -> HttpResponse:
    """The response for this address, language and data version; built once.

    Never for a signed-in person: their pages may show what is not public (a
    round's progress), so they are built for them alone and no cache keeps them.
    """
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        response = build()
        response["Cache-Control"] = "no-store, private"
        return response
    _keep_only_page_parameters(request)
    # Today is part of the key: what is overdue, and the day a page shows by default, move.
    day = timezone.localdate().isoformat()
    parts = f"{get_language()}:{request.get_full_path()}:{day}:{data_version()}"
    key = "koers-page:" + hashlib.sha256(parts.encode("utf-8")).hexdigest()
    kept: dict[str, Any] | None = cache.get(key)
    if kept is not None:
        return _response(kept)
    response = build()
    if response.status_code == 200:
        cache.set(key, _kept(response), MAX_AGE)
    return response


def page_query(request: HttpRequest) -> str:
    """The part of the query string a page reads, in a fixed order."""
    kept = QueryDict(mutable=True)
    for name in PAGE_PARAMETERS:
        values = request.GET.getlist(name)
        if values:
            kept.setlist(name, values[:1])
    return kept.urlencode()


def _keep_only_page_parameters(request: HttpRequest) -> None:
    # The page (its language links, its download links) then sees what the key holds.
    query = page_query(request)
    request.META["QUERY_STRING"] = query
    request.GET = QueryDict(query)


def _kept(response: HttpResponse) -> dict[str, Any]:
    return {"content": response.content, "headers": dict(response.headers)}


def _response(kept: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(kept["content"])
    for name, value in kept["headers"].items():
        response[name] = value
    return response
