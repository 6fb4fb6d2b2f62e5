"""E-mail reminders to the owners who still have to act, before and after the deadline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from koers.accounts import audit
from koers.accounts.policy import Action, Role, User, require
from koers.accounts.service import people_with_role
from koers.rounds.models import WAITING_FOR_OWNER, Round, Task

# (kind, first day, last day) relative to the deadline: a week ahead the owners are
# reminded that it comes, after it that they are late; earlier, nobody is bothered.
WINDOWS = (
    ("due", 0, 7),
    ("late", -10_000, -1),
)


def kind_of(deadline: dt.date, today: dt.date) -> str | None:
    """Which reminder is due on `today` for a round with this deadline, if any."""
    days = (deadline - today).days
    return next((kind for kind, first, last in WINDOWS if first <= days <= last), None)


@dataclass(frozen=True)
class Reminder:
    """One message: to whom, about which tasks, and which kind."""

    to: str
    kind: str
    items: tuple[str, ...]


def remind(round_: Round, by: User, today: dt.date | None = None) -> list[Reminder]:
    """Send each person who has to act on a task of the round one message listing those
    tasks; nothing when no reminder is due today (see WINDOWS)."""
    require(by, Action.REMIND, round_)
    day = today or timezone.localdate()
    kind = kind_of(round_.deadline, day)
    if kind is None:
        return []
    reminders = [Reminder(to, kind, items) for to, items in _waiting(round_).items()]
    for reminder in reminders:
        _send(round_, reminder)
    audit.record("remind", round_, f"{kind}: {len(reminders)} message(s)")
    return reminders


def _waiting(round_: Round) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    tasks = round_.tasks.filter(state__in=WAITING_FOR_OWNER).select_related("item", "assignee")
    for task in tasks.order_by("item__order", "item__code"):
        for address in _recipients(task):
            found.setdefault(address, []).append(task.item.code)
    return {address: tuple(items) for address, items in sorted(found.items())}


def _recipients(task: Task) -> list[str]:
    if task.assignee is not None and task.assignee.email:
        return [task.assignee.email]
    owners = people_with_role(Role.OWNER, task.organisation_id, task.round.agenda_id)
    return [person.user.email for person in owners if person.user.email]


def _send(round_: Round, reminder: Reminder) -> None:
    # Who reads it is not known to speak Dutch or English: the message carries both.
    context = {"round": round_, "reminder": reminder}
    bodies = []
    for language in ("nl", "en"):
        with translation.override(language):
            bodies.append(render_to_string("rounds/reminder.txt", context))
    with translation.override("nl"):
        subject = render_to_string("rounds/reminder_subject.txt", context).strip()
    send_mail(subject, "\n\n".join(bodies), settings.DEFAULT_FROM_EMAIL, [reminder.to])
