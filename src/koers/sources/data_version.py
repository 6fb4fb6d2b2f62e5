"""The data version: a fingerprint of every row the pages and reports can show.

Changes to the models with history (items, links, targets, milestones, budgets,
agreements, observations) show in their history tables' latest date; added rows
of the other models show in their highest id. Pages and reports are kept under
it (`koers.web.cache`, `koers.reporting.views`).
"""

from __future__ import annotations

from django.apps import apps
from django.db import connection
from django.db.models import Model

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
