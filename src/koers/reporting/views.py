"""Downloads of the report and its cover note. Thin: parse, ask the builder, send the file."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import get_language

from koers.readmodel.service import EmptyPeriodError, Language, ReportError, is_language, labels_for
from koers.reporting.outputs import CONTENT_TYPES, filename, is_format, note_bytes, report_bytes
from koers.reporting.render_html import render_template
from koers.reporting.report import build_report


def report_download(
    request: HttpRequest, agenda: str, start: dt.date, end: dt.date, fmt: str
) -> HttpResponse:
    """The progress report of `agenda` over [start, end] as html, pdf or docx (`?lang=nl|en`)."""
    return _download(request, agenda, start, end, fmt, cover_note=False)


def cover_note_download(
    request: HttpRequest, agenda: str, start: dt.date, end: dt.date, fmt: str
) -> HttpResponse:
    """The cover note that goes with that report."""
    return _download(request, agenda, start, end, fmt, cover_note=True)


def _download(
    request: HttpRequest, agenda: str, start: dt.date, end: dt.date, fmt: str, cover_note: bool
) -> HttpResponse:
    if not is_format(fmt):
        raise Http404(f"unknown format {fmt!r}")
    language = _language(request)
    try:
        report = build_report(agenda, start, end, language)
    except EmptyPeriodError as exc:
        return _not_found(language, str(exc))
    except ReportError as exc:
        raise Http404(str(exc)) from exc
    content = note_bytes(report, fmt) if cover_note else report_bytes(report, fmt)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    disposition = "attachment" if fmt == "docx" else "inline"
    response["Content-Disposition"] = (
        f'{disposition}; filename="{filename(report, fmt, cover_note)}"'
    )
    response["Content-Language"] = language
    return response


def _language(request: HttpRequest) -> Language:
    """`?lang=` when given and known; else the request's language; else Dutch."""
    asked = request.GET.get("lang") or (get_language() or "nl")[:2]
    return asked if is_language(asked) else "nl"


def _not_found(language: Language, message: str) -> HttpResponse:
    """A 404 page that says what is missing, in the report's language."""
    context = {"language": language, "L": labels_for(language), "message": message}
    html = render_template("reporting/empty_period.html", context)
    return HttpResponse(html, status=404, content_type="text/html; charset=utf-8")
