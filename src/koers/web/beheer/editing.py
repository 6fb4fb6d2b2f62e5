"""Pages that edit the agenda and its indicators. Each asks the policy, validates the
whole form (the models' rules), and writes in one transaction or not at all."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from koers.accounts.policy import Action, Subject, permits, require
from koers.accounts.service import AgendaSubject, IndicatorSubject, ItemSubject
from koers.agendas.models import Agenda, Agreement, Item
from koers.indicators.models import Indicator
from koers.web.beheer import editforms
from koers.web.beheer.access import editor_view


@dataclass(frozen=True)
class Section:
    """One edit page of an item: its address, title, the action it needs, and its form."""

    slug: str
    title: str
    action: Action
    formset: Any


def item_sections() -> list[Section]:
    return [
        Section("rollen", _("Roles"), Action.EDIT_STRUCTURE, editforms.RoleFormSet),
        Section("mijlpalen", _("Milestones"), Action.EDIT_ITEM, editforms.MilestoneFormSet),
        Section("geld", _("Budget lines"), Action.EDIT_ITEM, editforms.BudgetLineFormSet),
    ]


@editor_view
def agendas_page(request: HttpRequest) -> HttpResponse:
    return render(
        request, "web/beheer/agendas.html", {"agendas": Agenda.objects.order_by("start", "code")}
    )


@editor_view
def agenda_page(request: HttpRequest, agenda: str) -> HttpResponse:
    found = get_object_or_404(Agenda, code=agenda)
    items = found.items.select_related("level", "parent").order_by("order", "code")
    rows = [(item, permits(request.user, Action.EDIT_ITEM, ItemSubject(item))) for item in items]
    structure = permits(request.user, Action.EDIT_STRUCTURE, AgendaSubject(found))
    agreements = Agreement.objects.filter(items__agenda=found).distinct().order_by("due", "code")
    context = {"agenda": found, "rows": rows, "structure": structure, "agreements": agreements}
    return render(request, "web/beheer/agenda.html", context)


def _item(agenda: str, item: str) -> Item:
    return get_object_or_404(
        Item.objects.select_related("agenda", "level"), agenda__code=agenda, code=item
    )


@editor_view
def item_page(request: HttpRequest, agenda: str, item: str) -> HttpResponse:
    """An item's words (owner) or also its place in the tree (coordinator)."""
    found = _item(agenda, item)
    subject = ItemSubject(found)
    require(request.user, Action.EDIT_ITEM, subject)
    if permits(request.user, Action.EDIT_STRUCTURE, subject):
        form: Any = editforms.ItemForm(request.POST or None, instance=found, agenda=found.agenda)
    else:
        form = editforms.ItemTextForm(request.POST or None, instance=found)
    if request.method == "POST" and _saved(request, [form]):
        return HttpResponseRedirect(reverse("beheer:item", args=[agenda, found.code]))
    sections = [s for s in item_sections() if permits(request.user, s.action, subject)]
    context = {
        "item": found,
        "agenda": found.agenda,
        "form": form,
        "sections": sections,
        "title": found.title,
    }
    return render(request, "web/beheer/item.html", context)


@editor_view
def new_item_page(request: HttpRequest, agenda: str) -> HttpResponse:
    found = get_object_or_404(Agenda, code=agenda)
    require(request.user, Action.EDIT_STRUCTURE, AgendaSubject(found))
    form = editforms.ItemForm(request.POST or None, instance=Item(agenda=found), agenda=found)
    if request.method == "POST" and _saved(request, [form]):
        return HttpResponseRedirect(reverse("beheer:item", args=[agenda, form.instance.code]))
    return render(
        request, "web/beheer/item.html", {"form": form, "agenda": found, "title": _("New item")}
    )


@editor_view
def item_section_page(request: HttpRequest, agenda: str, item: str, section: str) -> HttpResponse:
    found = _item(agenda, item)
    chosen = next((s for s in item_sections() if s.slug == section), None)
    if chosen is None:
        from django.http import Http404

        raise Http404(section)
    require(request.user, chosen.action, ItemSubject(found))
    formset = chosen.formset(request.POST or None, instance=found, prefix=section)
    if request.method == "POST" and _saved(request, [formset]):
        return HttpResponseRedirect(request.path)
    context = {
        "item": found,
        "formset": formset,
        "title": chosen.title,
        "back": reverse("beheer:item", args=[agenda, item]),
    }
    return render(request, "web/beheer/formset.html", context)


@editor_view
def agreement_page(request: HttpRequest, code: str) -> HttpResponse:
    found = get_object_or_404(Agreement, code=code)
    agendas = {item.agenda for item in found.items.select_related("agenda")}
    subject = AgendaSubject(next(iter(agendas))) if len(agendas) == 1 else None
    _require(request, Action.EDIT_STRUCTURE, subject)
    form = editforms.AgreementForm(request.POST or None, instance=found)
    if request.method == "POST" and _saved(request, [form]):
        return HttpResponseRedirect(request.path)
    return render(
        request,
        "web/beheer/edit.html",
        {"form": form, "title": _("Agreement %(code)s") % {"code": code}},
    )


def _require(request: HttpRequest, action: Action, subject: Subject | None) -> None:
    if subject is None:
        require(request.user, action)
    else:
        require(request.user, action, subject)


@editor_view
def indicators_page(request: HttpRequest) -> HttpResponse:
    return render(
        request, "web/beheer/indicators.html", {"indicators": Indicator.objects.order_by("code")}
    )


@editor_view
def indicator_page(request: HttpRequest, code: str) -> HttpResponse:
    """The definition and the targets of an indicator, on one page, saved together."""
    found = get_object_or_404(Indicator, code=code)
    require(request.user, Action.EDIT_STRUCTURE, IndicatorSubject(found))
    form = editforms.IndicatorForm(request.POST or None, instance=found, prefix="indicator")
    targets = editforms.TargetFormSet(request.POST or None, instance=found, prefix="targets")
    if request.method == "POST" and _saved(request, [form, targets]):
        return HttpResponseRedirect(request.path)
    context = {"indicator": found, "form": form, "formset": targets, "title": found.name}
    return render(request, "web/beheer/indicator.html", context)


@editor_view
def observation_page(request: HttpRequest, code: str) -> HttpResponse:
    """Add one figure to an indicator (a correction is a new figure, the old one stays)."""
    found = get_object_or_404(Indicator, code=code)
    require(request.user, Action.ADD_FIGURES, IndicatorSubject(found))
    form = editforms.ObservationForm(request.POST or None, instance=_observation(found))
    if request.method == "POST" and _saved(request, [form]):
        return HttpResponseRedirect(reverse("beheer:indicator", args=[code]))
    recent = found.observations.select_related("geography").order_by("-recorded_at", "-pk")[:20]
    context = {"indicator": found, "form": form, "recent": recent, "title": _("New figure")}
    return render(request, "web/beheer/observation.html", context)


def _observation(indicator: Indicator) -> Any:
    from koers.indicators.models import Observation

    return Observation(indicator=indicator)


def _saved(request: HttpRequest, forms: list[Any]) -> bool:
    """Save every form in one transaction when all are valid; say so. Nothing otherwise."""
    if not all([form.is_valid() for form in forms]):
        return False
    with transaction.atomic():
        for form in forms:
            form.save()
    messages.success(request, _("Saved."))
    return True
