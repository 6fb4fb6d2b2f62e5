"""Signing in: e-mail and password (django-axes counts the failures), then, for
administrators and coordinators, a TOTP code from an authenticator app
(django-otp); the first time, the app is set up with a QR code."""

from __future__ import annotations

import base64
from typing import Any

import segno
from django import forms
from django.contrib.auth import logout
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from koers.accounts.service import record
from koers.web.beheer.access import private, verified
from koers.web.beheer.forms import EditorForm


class SignInForm(EditorForm, AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def clean_username(self) -> str:
        return str(self.cleaned_data["username"]).strip().lower()


class SignInView(LoginView):
    form_class = SignInForm
    template_name = "web/beheer/sign_in.html"
    redirect_authenticated_user = False

    def get_success_url(self) -> str:
        if not verified(self.request):
            return _with_next(resolve_url("beheer:two-factor"), self.get_redirect_url())
        return super().get_success_url()

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().dispatch(request, *args, **kwargs)
        response["Cache-Control"] = "no-store, private"
        return response  # type: ignore[return-value]


sign_in = SignInView.as_view()


def _with_next(url: str, next_url: str) -> str:
    return f"{url}?next={next_url}" if next_url else url


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return HttpResponseRedirect(resolve_url("web:home"))


class TokenForm(EditorForm):
    token = forms.RegexField(
        label=_("Six-digit code from your authenticator app"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Enter the six digits the app shows.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


@sensitive_post_parameters("token")
def two_factor(request: HttpRequest) -> HttpResponse:
    """Ask for the code; set the app up first when the person has none yet."""
    if not request.user.is_authenticated:
        return HttpResponseRedirect(resolve_url("beheer:login"))
    if verified(request):
        return HttpResponseRedirect(_next(request))
    device = _device(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            _confirm(device)
            otp_login(request, device)
            return HttpResponseRedirect(_next(request))
        form.add_error("token", _("This code is not right (or no longer valid). Try the next one."))
        record("two_factor", request.user, refused=True)
    context = {"form": form, "setting_up": not device.confirmed, "next": _next(request)}
    if not device.confirmed:
        context |= _setup(device)
    return private(render(request, "web/beheer/two_factor.html", context))


def _device(user: Any) -> TOTPDevice:
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if confirmed is not None:
        return confirmed
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "authenticator"}
    )
    return device


def _confirm(device: TOTPDevice) -> None:
    if not device.confirmed:
        device.confirmed = True
        device.save()


def _setup(device: TOTPDevice) -> dict[str, Any]:
    """The QR code (SVG) and the same secret as text, for typing it in instead."""
    secret = base64.b32encode(bytes.fromhex(device.key)).decode("ascii").rstrip("=")
    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(scale=4, dark="#000", light="#fff", omitsize=False)
    return {"qr_svg": svg, "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))}


def _next(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(wanted, {request.get_host()}, request.is_secure()):
        return wanted
    return resolve_url("beheer:home")


def locked_out(
    request: HttpRequest, response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """django-axes answers a locked-out client with this page (status 429)."""
    record("locked_out", None, str((credentials or {}).get("username", "")), refused=True)
    return private(render(request, "web/beheer/locked_out.html", status=429))
