"""Django's admin, for administrators only, behind the same sign-in as the editors' area
(django-axes, and the second factor) and the same policy."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import admin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from koers.accounts.policy import Action, permits, require
from koers.web.beheer.access import verified


class KoersAdminSite(admin.AdminSite):
    site_header = "Koers"
    site_title = "Koers"

    def has_permission(self, request: HttpRequest) -> bool:
        return verified(request) and permits(request.user, Action.USE_ADMIN)

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        """No sign-in form of its own: the editors' area's, then back here."""
        if not request.user.is_authenticated:
            return _to(request, "beheer:login")
        if not verified(request):
            return _to(request, "beheer:two-factor")
        require(request.user, Action.USE_ADMIN)  # a 403, recorded, for everyone else
        return HttpResponseRedirect(reverse("admin:index"))


def _to(request: HttpRequest, name: str) -> HttpResponse:
    wanted = request.GET.get("next") or reverse("admin:index")
    return HttpResponseRedirect(f"{reverse(name)}?{urlencode({'next': wanted})}")
