"""The rounds app's public API: open a round, work a task through review, publish.

Every step asks the policy first (`koers.accounts.policy`): the policy's table
says which role may take which step in which state, so the state machine and
the permissions are one table. `by` is the person acting (a user) or the
command line.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.accounts.policy import Action, Role, State, User, permits, require, works_on
from koers.accounts.service import AgendaSubject, people_with_role
from koers.accounts.subjects import OWNING_ROLES
from koers.agendas.models import Agenda, Item, StatusUpdate
from koers.agendas.models import Role as ItemRole
from koers.rounds import drafts
from koers.rounds.models import WAITING_FOR_OWNER, Round, Task
from koers.rounds.reminders import Reminder, remind

__all__ = [
    "DRAFT_FIELDS",
    "Progress",
    "Published",
    "Reminder",
    "Round",
    "RoundError",
    "Task",
    "approve",
    "comment",
    "drafts_for",
    "find_round",
    "open_round",
    "progress",
    "publish_round",
    "remind",
    "reopen",
    "return_task",
    "save_draft",
    "submit",
    "tasks_for",
]

DRAFT_FIELDS = (
    "status",
    "narrative_nl",
    "narrative_en",
    "highlights_nl",
    "highlights_en",
    "outlook_nl",
    "outlook_en",
    "milestones",
    "figures",
)

# Where each step takes a task; the policy's table says from which states it may be taken.
NEXT_STATE: Mapping[Action, State] = {
    Action.SUBMIT: State.SUBMITTED,
    Action.RETURN: State.RETURNED,
    Action.APPROVE: State.APPROVED,
    Action.REOPEN: State.RETURNED,
}
# Steps that mean nothing without a word of explanation.
NEEDS_NOTE = frozenset({Action.COMMENT, Action.RETURN, Action.REOPEN})


class RoundError(ValueError):
    """A step that cannot be taken; `errors` names the fields (or "__all__")."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = dict(errors)


def find_round(agenda: str, start: dt.date, end: dt.date) -> Round:
    found = Round.objects.filter(agenda__code=agenda, period_start=start, period_end=end).first()
    if found is None:
        raise RoundError(
            {"__all__": _("No round of %(agenda)s for that period.") % {"agenda": agenda}}
        )
    return found


def open_round(agenda: Agenda, start: dt.date, end: dt.date, deadline: dt.date, by: User) -> Round:
    """Open a round and give every item valid in the period that has an owner a task."""
    require(by, Action.OPEN_ROUND, AgendaSubject(agenda))
    new = Round(agenda=agenda, period_start=start, period_end=end, deadline=deadline)
    new.opened_by = by.get_username()
    try:
        new.full_clean(validate_constraints=False)
    except ValidationError as exc:
        raise RoundError({k: " ".join(v) for k, v in exc.message_dict.items()}) from None
    if _overlapping(agenda, start, end).exists():
        raise RoundError(
            {"period_start": _("A round of this agenda already covers part of that period.")}
        )
    with transaction.atomic():
        new.save()
        for item, organisation_id in _owned_items(agenda, start, end):
            _new_task(new, item, organisation_id)
    return new


def _overlapping(agenda: Agenda, start: dt.date, end: dt.date) -> QuerySet[Round]:
    return Round.objects.filter(agenda=agenda, period_start__lte=end, period_end__gte=start)


def _owned_items(agenda: Agenda, start: dt.date, end: dt.date) -> list[tuple[Item, int]]:
    """Items valid at some time in the period, each with its first owning organisation."""
    owners: dict[int, int] = {}
    roles = ItemRole.objects.filter(item__agenda=agenda, role__in=OWNING_ROLES)
    for item_id, organisation_id in roles.order_by("organisation__code").values_list(
        "item_id", "organisation_id"
    ):
        owners.setdefault(item_id, organisation_id)
    items = Item.objects.filter(pk__in=owners).select_related("agenda").order_by("order", "code")
    return [(item, owners[item.pk]) for item in items if _valid_during(item, start, end)]


def _valid_during(item: Item, start: dt.date, end: dt.date) -> bool:
    begins = item.valid_from or item.agenda.start
    return begins <= end and (item.valid_to is None or item.valid_to >= start)


def _new_task(round_: Round, item: Item, organisation_id: int) -> Task:
    owners = people_with_role(Role.OWNER, organisation_id, round_.agenda_id)
    latest = item.status_updates.order_by("-period_end", "-created_at").first()
    return Task.objects.create(
        round=round_,
        item=item,
        organisation_id=organisation_id,
        # A task goes to its owner by name when the organisation has exactly one.
        assignee=owners[0].user if len(owners) == 1 else None,
        status=latest.status if latest else "",
        milestones=drafts.milestone_entries(item),
    )


def save_draft(task: Task, by: User, draft: Mapping[str, Any]) -> Task:
    """Keep the draft's fields (see DRAFT_FIELDS); the task stays where it is."""
    _take(task, by, draft)
    return _saved(task, by, note="")


def _take(task: Task, by: User, draft: Mapping[str, Any]) -> None:
    require(by, Action.EDIT_DRAFT, task)
    for name in DRAFT_FIELDS:
        if name in draft:
            setattr(task, name, draft[name])


def submit(task: Task, by: User, draft: Mapping[str, Any] | None = None) -> Task:
    """Hand the draft in for review, with the last changes to it (`draft`) in the same
    write; it must have a status and a Dutch update."""
    if draft is not None:
        _take(task, by, draft)
    return _step(task, by, Action.SUBMIT, "")


def comment(task: Task, by: User, text: str) -> Task:
    return _step(task, by, Action.COMMENT, text)


def return_task(task: Task, by: User, text: str) -> Task:
    """Send a submitted task back to its owner with a comment."""
    return _step(task, by, Action.RETURN, text)


def approve(task: Task, by: User, text: str = "") -> Task:
    return _step(task, by, Action.APPROVE, text)


def reopen(task: Task, by: User, reason: str) -> Task:
    """Unlock a published task, with the reason, so its owner can change it."""
    return _step(task, by, Action.REOPEN, reason)


def _step(task: Task, by: User, action: Action, note: str) -> Task:
    require(by, action, task)
    if action in NEEDS_NOTE and not note.strip():
        raise RoundError({"note": _("Say why.")})
    if action == Action.SUBMIT and (errors := task.submission_errors()):
        raise RoundError(errors)
    task.state = NEXT_STATE.get(action, State(task.state))
    return _saved(task, by, note=note.strip())


def _saved(task: Task, by: User, note: str) -> Task:
    task.note = note
    task.changed_at = timezone.now()
    if getattr(by, "pk", None) is not None:
        task._history_user = by  # type: ignore[attr-defined]
    task.save()
    return task


@dataclass(frozen=True)
class Published:
    """What one publication wrote."""

    tasks: int
    counts: Mapping[str, int]


def publish_round(round_: Round, by: User, today: dt.date | None = None) -> Published:
    """Publish every approved task, atomically: its update becomes a status update of
    the round's period, its milestone dates and figures are applied, and the task is
    locked. Refused while any task still waits for its owner or its review."""
    require(by, Action.PUBLISH_ROUND, round_)
    tasks = list(round_.tasks.select_related("item", "organisation"))
    waiting = [t.item.code for t in tasks if t.state not in (State.APPROVED, State.PUBLISHED)]
    if waiting:
        raise RoundError(
            {"__all__": _("Not yet approved: %(items)s.") % {"items": ", ".join(waiting)}}
        )
    counts: Counter[str] = Counter()
    day = today or timezone.localdate()
    with transaction.atomic():
        approved = [t for t in tasks if t.state == State.APPROVED]
        for task in approved:
            counts.update(_publish(task, by, day))
        if round_.published_at is None:
            round_.published_at = timezone.now()
            round_.save()
    return Published(len(approved), dict(counts))


def _publish(task: Task, by: User, today: dt.date) -> Counter[str]:
    counts: Counter[str] = Counter(status_updates=1)
    _status_update(task).save()
    for milestone in drafts.changed_milestones(task.item, task.milestones):
        milestone.full_clean()
        milestone.save()
        counts["milestones"] += 1
    for figure in task.figures:
        if errors := drafts.figure_errors(figure):
            raise RoundError({"figures": f"{task.item.code}: " + "; ".join(errors.values())})
        drafts.observation(figure, today).save()
        counts["observations"] += 1
    task.state = State.PUBLISHED
    _saved(task, by, note="")
    return counts


def _status_update(task: Task) -> StatusUpdate:
    update = StatusUpdate(
        item=task.item,
        period_start=task.round.period_start,
        period_end=task.round.period_end,
        status=task.status,
        narrative_nl=task.narrative_nl,
        narrative_en=task.narrative_en,
        highlights_nl=drafts.lines(task.highlights_nl),
        highlights_en=drafts.lines(task.highlights_en),
        outlook_nl=drafts.lines(task.outlook_nl),
        outlook_en=drafts.lines(task.outlook_en),
        author=task.organisation,
    )
    update.full_clean()
    return update


def tasks_for(user: User, actions: Iterable[Action]) -> list[Task]:
    """The tasks of unpublished rounds (and reopened ones) on which `user` may take one of `actions`."""
    wanted = tuple(actions)
    candidates = (
        Task.objects.filter(Q(round__published_at__isnull=True) | ~Q(state=State.PUBLISHED))
        .select_related("round__agenda", "item", "organisation", "assignee")
        .order_by("round__deadline", "round__agenda__code", "item__order", "item__code")
    )
    return [task for task in candidates if any(permits(user, a, task) for a in wanted)]


def drafts_for(user: User) -> list[Task]:
    """The tasks `user` writes: of the items their organisation leads (not those a coordinator
    may stand in for)."""
    return [task for task in tasks_for(user, [Action.EDIT_DRAFT]) if works_on(user, task)]


@dataclass(frozen=True)
class Progress:
    """How far a round is: n of m tasks handed in (submitted, approved or published)."""

    round: Round
    submitted: int
    total: int
    late: int


HANDED_IN = frozenset({State.SUBMITTED, State.APPROVED, State.PUBLISHED})


def progress(round_: Round, today: dt.date | None = None) -> Progress:
    day = today or timezone.localdate()
    tasks = list(round_.tasks.all())
    handed_in = sum(1 for task in tasks if task.state in HANDED_IN)
    late = sum(1 for task in tasks if task.state in WAITING_FOR_OWNER and day > round_.deadline)
    return Progress(round_, handed_in, len(tasks), late)


def current_round(agenda: Agenda) -> Round | None:
    """The agenda's open round (the latest one when several are open)."""
    return agenda.rounds.filter(published_at__isnull=True).order_by("-period_start").first()
