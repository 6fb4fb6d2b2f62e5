"""Errors as RFC 9457 problem details (`application/problem+json`), as the design rules ask.

A 400 names every refused field in `invalidParams` (`name` is the field's path
in the request: `observations[2].value`, or a query parameter's name).
"""

from __future__ import annotations

from collections.abc import Iterator
from http import HTTPStatus
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import set_rollback

PROBLEM = "application/problem+json"


def problem_body(
    status: int, detail: str, instance: str = "", invalid: list[dict[str, str]] | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    if invalid:
        body["invalidParams"] = invalid
    return body


def problem_response(request: HttpRequest, status: int, detail: str) -> JsonResponse:
    """A problem for a response made outside the API's views (an unknown address, a crash)."""
    return JsonResponse(
        problem_body(status, detail, request.path), status=status, content_type=PROBLEM
    )


def invalid_params(detail: Any, prefix: str = "") -> Iterator[dict[str, str]]:
    """DRF's nested error detail as flat `invalidParams` entries."""
    if isinstance(detail, dict):
        for name, inner in detail.items():
            yield from invalid_params(inner, _path(prefix, name))
    elif isinstance(detail, list) and detail and not all(_leaf(d) for d in detail):
        for index, inner in enumerate(detail):
            if inner:
                yield from invalid_params(inner, f"{prefix}[{index}]")
    elif isinstance(detail, list):
        for message in detail:
            yield _entry(prefix, message)
    else:
        yield _entry(prefix, detail)


def _path(prefix: str, name: Any) -> str:
    if isinstance(name, int):  # a row of a list: DRF keys a list's errors by index
        return f"{prefix}[{name}]"
    field = "" if name == "non_field_errors" else str(name)
    return f"{prefix}.{field}" if prefix and field else (prefix or field)


def _leaf(value: Any) -> bool:
    return isinstance(value, str)


def _entry(name: str, message: Any) -> dict[str, str]:
    code = getattr(message, "code", "invalid") or "invalid"
    return {"name": name or "body", "code": str(code), "reason": str(message)}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's errors, Django's 404 and refusals as problem details."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(str(exc) or None)
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    if not isinstance(exc, exceptions.APIException):
        return None
    request = context.get("request")
    path = request.path if request is not None else ""
    invalid = None
    if isinstance(exc, exceptions.ValidationError):
        invalid = list(invalid_params(exc.detail))
        detail = _("The request has invalid parameters; invalidParams names each.")
    else:
        detail = str(exc.detail)
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header  # type: ignore[attr-defined]
    wait = getattr(exc, "wait", None)
    if isinstance(exc, exceptions.Throttled) and wait is not None:
        headers["Retry-After"] = str(int(wait) + 1)
    set_rollback()
    body = problem_body(exc.status_code, detail, path, invalid)
    return Response(body, status=exc.status_code, headers=headers, content_type=PROBLEM)
