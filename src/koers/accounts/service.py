"""The accounts app's public API: people and their roles, the policy, the audit trail."""

from __future__ import annotations

import datetime as dt
import getpass
import os
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import Q, QuerySet

from koers.accounts.audit import (
    Actor,
    acting,
    current_actor,
    record,
    record_import,
    recorded_import,
)
from koers.accounts.models import AuditEvent, Person, RoleAssignment
from koers.accounts.people import forget, person_of
from koers.accounts.policy import (
    ROLE_CODES,
    Action,
    Role,
    State,
    allowed_actions,
    needs_two_factor,
    permits,
    require,
)
from koers.accounts.subjects import AgendaSubject, IndicatorSubject, ItemSubject, leads
from koers.agendas.models import Agenda, Organisation

__all__ = [
    "AccountError",
    "Action",
    "Actor",
    "AgendaSubject",
    "AuditEvent",
    "IndicatorSubject",
    "ItemSubject",
    "Person",
    "Role",
    "State",
    "acting",
    "add_person",
    "allowed_actions",
    "audit_events",
    "audit_rows",
    "cli_actor",
    "current_actor",
    "leads",
    "needs_two_factor",
    "people_with_role",
    "permits",
    "person_of",
    "record",
    "record_import",
    "recorded_import",
    "require",
]


class AccountError(ValueError):
    """A person or role that cannot be added; the message says why."""


def add_person(
    email: str,
    name: str,
    organisation: str,
    role: str,
    agenda: str | None = None,
    password: str | None = None,
) -> Person:
    """Create the account (or find it by e-mail) and give it `role`, for `agenda` if named.

    The password passes Django's validators (12+ characters, not a common
    password); without one the account cannot sign in until a password is set.
    """
    email = email.strip().lower()
    org = _organisation(organisation)
    with transaction.atomic():
        user = _user(email, name, password)
        person, _ = Person.objects.get_or_create(
            user=user, defaults={"name": name, "organisation": org}
        )
        if person.organisation_id != org.pk:
            raise AccountError(f"{email} already works for {person.organisation.code}")
        _assign(person, role, agenda)
    forget(user)
    return person


def _organisation(code: str) -> Organisation:
    found = Organisation.objects.filter(code=code).first()
    if found is None:
        raise AccountError(f"no organisation with code {code!r}")
    return found


def _user(email: str, name: str, password: str | None) -> Any:
    model = get_user_model()
    user = model._default_manager.filter(username=email).first()
    if user is None:
        user = model(username=email, email=email, first_name=name[:150])
        _set_password(user, password)
        user.save()
    elif password:
        _set_password(user, password)
        user.save()
    return user


def _set_password(user: Any, password: str | None) -> None:
    if not password:
        user.set_unusable_password()
        return
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise AccountError("the password is refused: " + " ".join(exc.messages)) from None
    user.set_password(password)


def _assign(person: Person, role: str, agenda: str | None) -> RoleAssignment:
    if role not in ROLE_CODES:
        raise AccountError(f"unknown role {role!r} (choose {', '.join(Role)})")
    found = Agenda.objects.filter(code=agenda).first() if agenda else None
    if agenda and found is None:
        raise AccountError(f"no agenda with code {agenda!r}")
    assignment = RoleAssignment(person=person, role=role, agenda=found)
    try:
        assignment.full_clean(validate_unique=False)
    except ValidationError as exc:
        raise AccountError(" ".join(exc.messages)) from None
    existing = RoleAssignment.objects.filter(person=person, role=role, agenda=found).first()
    if existing is not None:
        return existing
    assignment.save()
    return assignment


def people_with_role(
    role: Role, organisation_id: int | None = None, agenda_id: int | None = None
) -> list[Person]:
    """The people holding `role` (for `agenda_id` or for every agenda), of one organisation."""
    rows = RoleAssignment.objects.filter(role=role).select_related("person__user")
    if organisation_id is not None:
        rows = rows.filter(person__organisation_id=organisation_id)
    if agenda_id is not None:
        rows = rows.filter(Q(agenda_id=agenda_id) | Q(agenda__isnull=True))
    people = {row.person_id: row.person for row in rows if row.person.user.is_active}
    return sorted(people.values(), key=lambda person: person.user.get_username())


def cli_actor() -> Actor:
    """The command line acts as the person `KOERS_ACTOR` names (an e-mail), else as the
    operating-system account; either way from "cli"."""
    email = os.environ.get("KOERS_ACTOR", "").strip().lower()
    try:
        person = Person.objects.select_related("organisation").filter(user__username=email).first()
    except DatabaseError:  # a database not migrated yet (`koers init`) has no people
        person = None
    if person is None:
        return Actor(email or f"{_login()}@cli", origin="cli", channel="cli")
    return Actor(email, person.name, person.organisation.code, origin="cli", channel="cli")


def cli_user() -> AbstractBaseUser | None:
    """The account `KOERS_ACTOR` names, whose roles then limit what the command may do."""
    email = os.environ.get("KOERS_ACTOR", "").strip().lower()
    if not email:
        return None
    model = get_user_model()
    user = model._default_manager.filter(username=email, is_active=True).first()
    if user is None:
        raise AccountError(f"KOERS_ACTOR={email!r} names no active account")
    return user


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def audit_events(since: dt.date | None = None, actor: str | None = None) -> QuerySet[AuditEvent]:
    """The audit trail, oldest first, from `since` (a day) and of one actor (an e-mail)."""
    events = AuditEvent.objects.all()
    if since is not None:
        events = events.filter(at__date__gte=since)
    if actor:
        events = events.filter(actor=actor.strip().lower())
    return events.order_by("at", "pk")


AUDIT_COLUMNS = (
    "at",
    "actor",
    "organisation",
    "origin",
    "action",
    "object_type",
    "object_id",
    "object",
    "changes",
    "detail",
    "outcome",
)


def audit_rows(events: Iterable[AuditEvent]) -> list[dict[str, Any]]:
    """The records as plain rows (the columns of `AUDIT_COLUMNS`) for tables and exports."""
    return [
        {
            "at": event.at.isoformat(timespec="seconds"),
            "actor": event.actor,
            "organisation": event.organisation,
            "origin": event.origin,
            "action": event.action,
            "object_type": event.object_type,
            "object_id": event.object_id,
            "object": event.object_repr,
            "changes": event.changes,
            "detail": event.detail,
            "outcome": event.outcome,
        }
        for event in events
    ]
