"""Reporting rounds: open one, follow its progress (who is late), remind, publish."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.accounts.policy import Action, allowed_actions, permits, require
from koers.accounts.service import AgendaSubject
from koers.agendas.models import Agenda
from koers.rounds import service
from koers.web.beheer.access import editor_view
from koers.web.beheer.forms import OpenRoundForm
from koers.web.beheer.tasks import state_badge


def _openable(request: HttpRequest) -> list[tuple[str, str]]:
    agendas = Agenda.objects.order_by("start", "code")
    return [
        (a.code, a.title)
        for a in agendas
        if permits(request.user, Action.OPEN_ROUND, AgendaSubject(a))
    ]


@editor_view
def rounds_page(request: HttpRequest) -> HttpResponse:
    """Every round the person may follow, and the form to open one."""
    choices = _openable(request)
    form = OpenRoundForm(request.POST or None, agendas=choices)
    if request.method == "POST":
        if not choices:
            require(request.user, Action.OPEN_ROUND)  # refused, and recorded as such
        if form.is_valid():
            opened = _open(request, form)
            if opened is not None:
                return HttpResponseRedirect(reverse("beheer:round", args=[opened.pk]))
    visible = [
        service.progress(r)
        for r in service.Round.objects.select_related("agenda").order_by(
            "-period_start", "agenda__code"
        )
        if Action.VIEW_DRAFT in allowed_actions(request.user, r)
    ]
    return render(
        request,
        "web/beheer/rounds.html",
        {"form": form, "rounds": visible, "can_open": bool(choices)},
    )


def _open(request: HttpRequest, form: OpenRoundForm) -> service.Round | None:
    data = form.cleaned_data
    agenda = Agenda.objects.get(code=data["agenda"])
    try:
        opened = service.open_round(
            agenda, data["period_start"], data["period_end"], data["deadline"], request.user
        )
    except service.RoundError as exc:
        for name, message in exc.errors.items():
            form.add_error(name if name in form.fields else None, message)
        return None
    messages.success(request, _("The round is open: %(n)d task(s).") % {"n": opened.tasks.count()})
    return opened


@editor_view
def round_page(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(service.Round.objects.select_related("agenda"), pk=pk)
    require(request.user, Action.VIEW_DRAFT, found)
    errors: list[str] = []
    if request.method == "POST":
        outcome = _act(request, found)
        if outcome is None:
            return HttpResponseRedirect(request.path)
        errors = [outcome]
    today = timezone.localdate()
    tasks = found.tasks.select_related("item", "organisation", "assignee").order_by(
        "item__order", "item__code"
    )
    rows = [(t, state_badge(t.state), t.is_late(today)) for t in tasks]
    context = {
        "round": found,
        "progress": service.progress(found, today),
        "rows": rows,
        "actions": {str(a) for a in allowed_actions(request.user, found)},
        "errors": errors,
    }
    return render(request, "web/beheer/round.html", context)


def _act(request: HttpRequest, found: service.Round) -> str | None:
    """Publish or remind, as the button says; the error to show, or None when done."""
    intent = request.POST.get("intent")
    try:
        if intent == "publish":
            published = service.publish_round(found, request.user)
            messages.success(request, _("Published: %(n)d update(s).") % {"n": published.tasks})
        elif intent == "remind":
            sent = service.remind(found, request.user)
            messages.success(request, _("%(n)d reminder(s) sent.") % {"n": len(sent)})
    except service.RoundError as exc:
        return str(exc)
    return None
