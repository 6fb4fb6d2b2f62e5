"""Who gets into the editors' area, and what its responses may not do."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from koers.accounts.service import needs_two_factor

View = Callable[..., HttpResponse]


def verified(request: HttpRequest) -> bool:
    """Signed in, and with a second factor where the person's roles ask for one."""
    user = request.user
    if not user.is_authenticated:
        return False
    return not needs_two_factor(user) or bool(getattr(user, "is_verified", lambda: False)())


def editor_view(view: View) -> View:
    """Only for signed-in (and, where needed, two-factor verified) people; never cached."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return _to(request, "beheer:login")
        if not verified(request):
            return _to(request, "beheer:two-factor")
        return private(view(request, *args, **kwargs))

    return guarded


def private(response: HttpResponse) -> HttpResponse:
    """A signed-in page is for this person only: no shared or browser cache keeps it."""
    response["Cache-Control"] = "no-store, private"
    return response


def _to(request: HttpRequest, name: str) -> HttpResponse:
    query = urlencode({"next": request.get_full_path()})
    return HttpResponseRedirect(f"{reverse(name)}?{query}")
