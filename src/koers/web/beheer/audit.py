"""The audit trail for administrators and coordinators, filtered and exportable."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from koers.accounts.policy import Action, require
from koers.accounts.service import AUDIT_COLUMNS, audit_events, audit_rows
from koers.web import tables
from koers.web.beheer.access import editor_view, private
from koers.web.beheer.forms import AuditFilterForm

# How many records the page shows; the downloads hold every record that matches.
PAGE_ROWS = 500


def _table(rows: list[dict[str, object]]) -> tables.Table:
    labels = {
        "at": _("When"),
        "actor": _("Who"),
        "organisation": _("Organisation"),
        "origin": _("From where"),
        "action": _("Action"),
        "object_type": _("Object type"),
        "object_id": _("Object id"),
        "object": _("Object"),
        "changes": _("Changes"),
        "detail": _("Detail"),
        "outcome": _("Outcome"),
    }
    columns = [tables.Column(key, str(labels[key])) for key in AUDIT_COLUMNS]
    cells = [[_cell(row[key]) for key in AUDIT_COLUMNS] for row in rows]
    return tables.Table("audit", _("Audit trail"), columns, cells)


def _cell(value: object) -> tables.Cell:
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False) if value else ""
    return str(value)


@editor_view
def audit_page(request: HttpRequest, fmt: str = "") -> HttpResponse:
    require(request.user, Action.READ_AUDIT)
    form = AuditFilterForm(request.GET or None)
    since, actor = None, None
    if form.is_valid():
        since, actor = form.cleaned_data["since"], form.cleaned_data["actor"]
    events = audit_events(since, actor or None).order_by("-at", "-pk")
    if tables.is_format(fmt):
        return private(tables.download(_table(audit_rows(events)), fmt, stem="koers-audit"))
    shown = list(events[:PAGE_ROWS])
    query = request.GET.urlencode()
    context = {
        "form": form,
        "table": _table(audit_rows(shown)),
        "count": events.count(),
        "limit": PAGE_ROWS,
        "download_base": request.path,
        "download_query": f"?{query}" if query else "",
    }
    return render(request, "web/beheer/audit.html", context)
