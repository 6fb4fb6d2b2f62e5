"""Public pages. Views stay thin: they ask a service and render."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from koers.agendas import service as agendas


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"agendas": agendas.agenda_summaries()})


def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement that Dutch law asks of every government site."""
    return render(request, "web/accessibility.html")
