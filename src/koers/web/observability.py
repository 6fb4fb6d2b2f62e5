"""Errors somebody sees: JSON-lines logs on standard error, each with a request id.

`RequestIdMiddleware` gives every request an id (a sane `X-Request-ID` from the
proxy, or a new one), sends it back in the response header and keeps it in a
context variable; `RequestIdFilter` puts it on every log record made while the
request runs, and `JsonFormatter` writes each record as one JSON object per
line, with the traceback as a field, so a log collector keeps it whole.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from django.http import HttpRequest, HttpResponse

REQUEST_ID: contextvars.ContextVar[str] = contextvars.ContextVar("koers_request_id", default="")
HEADER = "X-Request-ID"
# What a proxy may hand us as an id: short and plain, so it cannot forge log lines.
_SANE = re.compile(r"[A-Za-z0-9._-]{8,64}\Z")
_FIELDS = ("status_code", "method", "path")


class RequestIdMiddleware:
    """First in the chain, so every later log line of the request carries the id."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        offered = request.headers.get(HEADER, "")
        request_id = offered if _SANE.match(offered) else uuid.uuid4().hex
        # Django logs 4xx after the middleware returned (BaseHandler.get_response): the
        # formatter then finds the id on the request.
        request.koers_request_id = request_id  # type: ignore[attr-defined]
        token = REQUEST_ID.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            REQUEST_ID.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, and what
    Django adds to request errors (status, method, path), plus the traceback."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or REQUEST_ID.get(),
        }
        request = getattr(record, "request", None)
        if not entry["request_id"] and request is not None:
            entry["request_id"] = getattr(request, "koers_request_id", "")
        if request is not None and hasattr(request, "method"):
            entry["method"], entry["path"] = request.method, request.path
        if hasattr(record, "status_code"):
            entry["status_code"] = record.status_code
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
