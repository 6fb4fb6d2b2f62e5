"""The design rules that hold for every response under /api/, whatever view made it.

- `API-Version` on every response;
- CORS: any origin may read (GET, HEAD, OPTIONS); writes carry no CORS headers,
  so a browser on another site cannot send a person's token along;
- ETag on successful reads, and 304 Not Modified for a matching If-None-Match;
- the language of messages from Accept-Language (Dutch by default);
- a 404 or 500 from outside the API's views (an unknown address, a trailing
  slash) is still a problem+json, never an HTML page or a redirect.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import translation
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.translation import gettext as _

from koers.api.problems import PROBLEM, problem_response

PREFIX = settings.KOERS_API_PREFIX
READS = frozenset({"GET", "HEAD", "OPTIONS"})
ALLOW_HEADERS = "Accept, Accept-Language, If-None-Match, Content-Type, Authorization"
EXPOSE_HEADERS = "API-Version, ETag, Link, Retry-After"


def _has_nul(request: HttpRequest) -> bool:
    return "\x00" in request.path_info or any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in request.GET.lists()
    )


def api_version() -> str:
    return str(settings.SPECTACULAR_SETTINGS["VERSION"])


class ApiMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        # The API has no language prefix in its addresses: Accept-Language decides (default nl).
        request.LANGUAGE_CODE = translation.get_language_from_request(request)
        translation.activate(request.LANGUAGE_CODE)
        if _has_nul(request):
            # No code, date or filter holds a NUL; PostgreSQL refuses it in any text.
            response: HttpResponseBase = problem_response(
                request, 400, _("The address holds a NUL character.")
            )
        elif request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            response = HttpResponse(status=204)
        else:
            response = self._as_problem(request, self.get_response(request))
            response = self._conditional(request, response)
        response["API-Version"] = api_version()
        if request.method in READS:
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = ALLOW_HEADERS
            response["Access-Control-Expose-Headers"] = EXPOSE_HEADERS
        return response

    def _as_problem(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        status = response.status_code
        if status < 400 or response.get("Content-Type", "").startswith(PROBLEM):
            return response
        # Django's own pages (an unknown address, a server error) speak the API's language too.
        detail = (
            _("There is nothing at this address.") if status == 404 else _("The request failed.")
        )
        return problem_response(request, status, detail)

    def _conditional(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if not isinstance(response, HttpResponse) or response.streaming:
            return response
        set_response_etag(response)
        response["Vary"] = "Accept, Accept-Language, Authorization"
        return (
            get_conditional_response(request, etag=response["ETag"], response=response) or response
        )
