"""Upload a sheet of figures: a preview with every row's messages, then one atomic commit."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from koers.accounts.policy import Action, require
from koers.sources.service import SheetError, SheetRow, commit_sheet, read_sheet
from koers.sources.sheet import OPTIONAL, REQUIRED
from koers.web.beheer.access import editor_view
from koers.web.beheer.forms import EditorForm

# The checked rows wait in the person's session between the preview and the commit.
SESSION_KEY = "koers_sheet"


class SheetForm(EditorForm):
    sheet = forms.FileField(
        label=gettext_lazy("Sheet of figures (CSV or Excel .xlsx)"),
        help_text=gettext_lazy(
            "Columns: indicator, geography, period, value; optional: series, provisional, "
            "estimated, note_nl, note_en. At most 5 MB."
        ),
    )

    def clean_sheet(self) -> Any:
        upload = self.cleaned_data["sheet"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        return upload


@editor_view
def upload_page(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.ADD_FIGURES)
    intent = request.POST.get("intent") if request.method == "POST" else None
    if intent == "commit":
        return _commit(request)
    form = SheetForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form, "columns": REQUIRED + OPTIONAL}
    if intent == "preview" and form.is_valid():
        context |= _preview(request, form)
    return render(request, "web/beheer/upload.html", context)


def _preview(request: HttpRequest, form: SheetForm) -> dict[str, Any]:
    upload = form.cleaned_data["sheet"]
    try:
        rows = read_sheet(upload.name, upload.read())
    except SheetError as exc:
        form.add_error("sheet", str(exc))
        return {}
    bad = [row for row in rows if row.errors]
    if not bad:
        request.session[SESSION_KEY] = {"name": upload.name, "rows": [asdict(r) for r in rows]}
    return {"rows": rows, "bad": len(bad), "name": upload.name}


def _commit(request: HttpRequest) -> HttpResponse:
    kept = request.session.pop(SESSION_KEY, None)
    if not kept:
        messages.error(request, _("Upload the sheet again: its preview has expired."))
        return HttpResponseRedirect(request.path)
    rows = [SheetRow(**row) for row in kept["rows"]]
    try:
        count = commit_sheet(kept["name"], rows)
    except SheetError as exc:
        messages.error(request, str(exc))
        return HttpResponseRedirect(request.path)
    messages.success(
        request, _("%(n)d figure(s) added from %(name)s.") % {"n": count, "name": kept["name"]}
    )
    return HttpResponseRedirect(request.path)
