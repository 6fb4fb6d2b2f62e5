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

from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

MAX_AGE = 300
APPS = ("agendas", "indicators", "sources")


def data_version() -> str:
    """A fingerprint of every row the pages can show (see the module's docstring),
    read in one query of one sub-select per table."""
    quote = connection.ops.quote_name
    selects = []
    for model in _models():
        history = getattr(model, "history", None)
        if history is not None:
            table = quote(history.model._meta.db_table)
            selects.append(f"(SELECT MAX({quote('history_date')}) FROM {table})")
        pk = quote(model._meta.pk.column)
        selects.append(f"(SELECT MAX({pk}) FROM {quote(model._meta.db_table)})")
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(selects))
        row = cursor.fetchone()
    return "|".join(str(part) for part in row)


def _models() -> list[type[Model]]:
    found = []
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            if not model.__name__.startswith("Historical"):
                found.append(model)
    return found


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


def _kept(response: HttpResponse) -> dict[str, Any]:
    return {"content": response.content, "headers": dict(response.headers)}


def _response(kept: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(kept["content"])
    for name, value in kept["headers"].items():
        response[name] = value
    return response
