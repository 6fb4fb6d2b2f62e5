"""Response rules of the public site that no single view should have to remember.

- The public pages only read: any method but GET and HEAD gets 405 (with `Allow`)
  before CSRF or a view sees it; the editors' area, the admin, the language switch
  and the API (`WRITABLE_PREFIXES`) keep their forms.
- A HEAD response has no body, whatever the server in front does.
- An address with a NUL character (in the path or the query) is a 400 (the API
  answers its own, as a problem+json).
- Every response says which browser features the site never uses (Permissions-Policy).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed

READ_METHODS = ("GET", "HEAD")
# Features no Koers page uses: a page (or anything injected in it) may not ask for them.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
)


class PublicSiteMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _has_nul(request) and not request.path_info.startswith(settings.KOERS_API_PREFIX):
            # No code, date or search holds a NUL; PostgreSQL refuses it in any text.
            response: HttpResponse = HttpResponseBadRequest("NUL character in the address")
        elif request.method not in READ_METHODS and not _writable(request.path_info):
            response = HttpResponseNotAllowed(READ_METHODS)
        else:
            response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.method == "HEAD" and not response.streaming:
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response


def _has_nul(request: HttpRequest) -> bool:
    if "\x00" in request.path_info:
        return True
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in request.GET.lists()
    )


def _writable(path: str) -> bool:
    languages = tuple(f"/{code}/" for code, _ in settings.LANGUAGES)
    for prefix in languages:
        if path.startswith(prefix):
            path = path[len(prefix) - 1 :]
            break
    return path.startswith(tuple(settings.KOERS_WRITABLE_PREFIXES))
