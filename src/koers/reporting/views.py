"""Downloads of the report and its cover note. Thin: parse, ask the builder, send the file."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import get_language

from koers.readmodel.service import (
    BadPeriodError,
    EmptyPeriodError,
    Language,
    ReportError,
    is_language,
    labels_for,
)
from koers.reporting import throttle
from koers.reporting.outputs import (
    CONTENT_TYPES,
    Format,
    filename,
    is_format,
    note_bytes,
    report_bytes,
)
from koers.reporting.render_html import render_template
from koers.reporting.report import build_report
from koers.sources.service import data_version


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
    parts = f"{agenda}:{start}:{end}:{fmt}:{cover_note}:{language}:{data_version()}"
    key = "koers-report:" + hashlib.sha256(parts.encode("utf-8")).hexdigest()
    try:
        name, content = throttle.kept_or_built(
            key, _client(request), lambda: _built(agenda, start, end, fmt, language, cover_note)
        )
    except EmptyPeriodError as exc:
        return _not_found(language, str(exc))
    except BadPeriodError as exc:
        return _bad_period(language, str(exc))
    except ReportError as exc:
        raise Http404(str(exc)) from exc
    except throttle.Busy as busy:
        return _busy(language, busy)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    disposition = "attachment" if fmt == "docx" else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    response["Content-Language"] = language
    return response


def _built(
    agenda: str, start: dt.date, end: dt.date, fmt: Format, language: Language, cover_note: bool
) -> tuple[str, bytes]:
    """The file name and bytes of the report (or its note): the seconds of work."""
    report = build_report(agenda, start, end, language)
    content = note_bytes(report, fmt) if cover_note else report_bytes(report, fmt)
    return filename(report, fmt, cover_note), content


def _client(request: HttpRequest) -> str:
    # The address the request came from; behind a proxy that is the proxy, unless the
    # proxy is trusted to set REMOTE_ADDR (gunicorn --forwarded-allow-ips).
    return str(request.META.get("REMOTE_ADDR", "unknown"))


def _busy(language: Language, busy: throttle.Busy) -> HttpResponse:
    labels = labels_for(language)
    status = 429 if busy.too_many else 503
    response = _explained(language, labels.busy_title, labels.busy_text, "", status)
    response["Retry-After"] = str(busy.retry_after)
    return response


def _language(request: HttpRequest) -> Language:
    """`?lang=` when given and known; else the request's language; else Dutch."""
    asked = request.GET.get("lang") or (get_language() or "nl")[:2]
    return asked if is_language(asked) else "nl"


def _not_found(language: Language, message: str) -> HttpResponse:
    """A 404 page that says what is missing, in the report's language."""
    labels = labels_for(language)
    return _explained(language, labels.empty_title, labels.empty_text, message, 404)


def _bad_period(language: Language, message: str) -> HttpResponse:
    """A 400 page: the address asks for a period no report can cover."""
    labels = labels_for(language)
    return _explained(language, labels.bad_period_title, labels.bad_period_text, message, 400)


def _explained(
    language: Language, title: str, text: str, message: str, status: int
) -> HttpResponse:
    context = {"language": language, "title": title, "text": text, "message": message}
    html = render_template("reporting/empty_period.html", context)
    return HttpResponse(html, status=status, content_type="text/html; charset=utf-8")
