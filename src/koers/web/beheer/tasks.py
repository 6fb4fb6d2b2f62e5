"""My tasks, and one task: the owner's form, the reviewer's verdict, the coordinator's reopening."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from koers.accounts.policy import STATE_LABELS, Action, State, allowed_actions, require
from koers.indicators.models import Indicator
from koers.rounds import service
from koers.rounds.models import Task
from koers.web.beheer.access import editor_view
from koers.web.beheer.forms import (
    FigureFormSet,
    MilestoneDatesForm,
    MilestoneDatesFormSet,
    NoteForm,
    ReopenForm,
    TaskForm,
)
from koers.web.tables import Badge


def state_badge(state: str) -> Badge:
    return Badge(f"task-{state}", str(STATE_LABELS[State(state)]))


@editor_view
def home(request: HttpRequest) -> HttpResponse:
    """What the signed-in person has to do: drafts to write, updates to review, rounds to run."""
    user = request.user
    context = {
        "to_write": service.drafts_for(user),
        "to_review": service.tasks_for(user, [Action.APPROVE]),
        "rounds": [
            service.progress(r)
            for r in service.Round.objects.filter(published_at__isnull=True).select_related(
                "agenda"
            )
            if Action.PUBLISH_ROUND in allowed_actions(user, r)
        ],
        "today": timezone.localdate(),
    }
    return render(request, "web/beheer/home.html", context)


@dataclass
class TaskForms:
    task: TaskForm
    milestones: Any
    figures: Any

    def valid(self) -> bool:
        return all([self.task.is_valid(), self.milestones.is_valid(), self.figures.is_valid()])

    def draft(self) -> dict[str, Any]:
        kept = [f.cleaned_data for f in self.figures.forms if f.cleaned_data]
        figures = [
            {k: v for k, v in f.items() if k != "DELETE"} for f in kept if not f.get("DELETE")
        ]
        return {
            **self.task.cleaned_data,
            "milestones": [MilestoneDatesForm.entry(f.cleaned_data) for f in self.milestones.forms],
            "figures": [dict(f, value=float(f["value"])) for f in figures],
        }


def _forms(task: Task, data: Any = None) -> TaskForms:
    indicators = list(Indicator.objects.filter(items=task.item).order_by("code")) or list(
        Indicator.objects.order_by("code")
    )
    initial = {name: getattr(task, name) for name in TaskForm.base_fields}
    return TaskForms(
        task=TaskForm(data, initial=initial, prefix="task"),
        milestones=MilestoneDatesFormSet(
            data, initial=task.milestones, prefix="m", form_kwargs={"item": task.item}
        ),
        figures=FigureFormSet(
            data, initial=task.figures, prefix="f", form_kwargs={"indicators": indicators}
        ),
    )


def _task(pk: int) -> Task:
    return get_object_or_404(
        Task.objects.select_related("round__agenda", "item__agenda", "organisation", "assignee"),
        pk=pk,
    )


@editor_view
def task_page(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(pk)
    require(request.user, Action.VIEW_DRAFT, task)
    actions = allowed_actions(request.user, task)
    forms = _forms(task, request.POST if _intent(request) in ("save", "submit") else None)
    note, reopen = NoteForm(prefix="review"), ReopenForm(prefix="reopen")
    errors: list[str] = []
    if request.method == "POST":
        result = _post(request, task, forms, actions)
        if isinstance(result, HttpResponse):
            return result
        note, reopen, errors = result
    return render(
        request, "web/beheer/task.html", _context(task, actions, forms, note, reopen, errors)
    )


def _intent(request: HttpRequest) -> str:
    return request.POST.get("intent", "") if request.method == "POST" else ""


# The button pressed, the action the policy checks, and what it does.
INTENTS: dict[str, Action] = {
    "save": Action.EDIT_DRAFT,
    "submit": Action.SUBMIT,
    "comment": Action.COMMENT,
    "return": Action.RETURN,
    "approve": Action.APPROVE,
    "reopen": Action.REOPEN,
}
# Lazy: the message is put in the language of the request that took the step.
DONE_MESSAGES = {
    "save": gettext_lazy("The draft is saved."),
    "submit": gettext_lazy("The update is submitted for review."),
    "comment": gettext_lazy("Your comment is added."),
    "return": gettext_lazy("The update is returned to its owner."),
    "approve": gettext_lazy("The update is approved."),
    "reopen": gettext_lazy("The task is reopened."),
}


def _post(request: HttpRequest, task: Task, forms: TaskForms, actions: frozenset[Action]) -> Any:
    intent = _intent(request)
    action = INTENTS.get(intent)
    if action is None:
        return HttpResponseRedirect(request.path)
    require(request.user, action, task)
    note = NoteForm(
        request.POST if intent in ("comment", "return", "approve") else None, prefix="review"
    )
    reopen = ReopenForm(request.POST if intent == "reopen" else None, prefix="reopen")
    try:
        with transaction.atomic():
            _apply(request, task, intent, forms, note, reopen)
    except service.RoundError as exc:
        _show(exc, forms, note, reopen)
        return note, reopen, [m for k, m in exc.errors.items() if k == "__all__"]
    except _Invalid:
        return note, reopen, []
    messages.success(request, str(DONE_MESSAGES[intent]))
    return HttpResponseRedirect(reverse("beheer:task", args=[task.pk]))


class _Invalid(Exception):
    """A form did not validate: nothing is written, the page shows the fields' messages."""


def _apply(
    request: HttpRequest,
    task: Task,
    intent: str,
    forms: TaskForms,
    note: NoteForm,
    reopen: ReopenForm,
) -> None:
    user = request.user
    if intent in ("save", "submit"):
        if not forms.valid():
            raise _Invalid
        if intent == "submit":  # the last changes and the submission are one write
            service.submit(task, user, forms.draft())
        else:
            service.save_draft(task, user, forms.draft())
        return
    form = reopen if intent == "reopen" else note
    if not form.is_valid():
        raise _Invalid
    text = str(form.cleaned_data.get("reason" if intent == "reopen" else "note", ""))
    steps: dict[str, Callable[[Task, Any, str], Task]] = {
        "comment": service.comment,
        "return": service.return_task,
        "approve": service.approve,
        "reopen": service.reopen,
    }
    steps[intent](task, user, text)


def _show(exc: service.RoundError, forms: TaskForms, note: NoteForm, reopen: ReopenForm) -> None:
    """Put a step's errors on the fields they are about."""
    for name, message in exc.errors.items():
        if name in forms.task.fields and forms.task.is_bound:
            forms.task.add_error(name, message)
        elif name == "note":
            target, field = (reopen, "reason") if reopen.is_bound else (note, "note")
            target.add_error(field, message)


def _context(
    task: Task,
    actions: frozenset[Action],
    forms: TaskForms,
    note: NoteForm,
    reopen: ReopenForm,
    errors: list[str],
) -> dict[str, Any]:
    return {
        "task": task,
        "actions": {str(a) for a in actions},
        "state": state_badge(task.state),
        "late": task.is_late(timezone.localdate()),
        "forms": forms,
        "milestone_rows": [(f, f.title) for f in forms.milestones.forms],
        "note_form": note,
        "reopen_form": reopen,
        "errors": errors,
        "previous": task.item.status_updates.order_by("-period_end", "-created_at").first(),
        "history": _history(task),
    }


@dataclass(frozen=True)
class Step:
    when: Any
    who: str
    state: Badge
    note: str


def _history(task: Task) -> list[Step]:
    """Each recorded change of the task's state, or with a comment, newest first."""
    steps: list[Step] = []
    previous: tuple[str, str] | None = None
    records = task.history.order_by("history_date", "history_id").select_related("history_user")
    for record in records:
        key = (record.state, record.note)
        if key != previous:
            who = record.history_user.get_username() if record.history_user else "cli"
            steps.append(Step(record.history_date, who, state_badge(record.state), record.note))
        previous = key
    return list(reversed(steps))
