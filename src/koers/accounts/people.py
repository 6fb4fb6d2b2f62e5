"""A user's grants as the policy reads them, read once per user object."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from koers.accounts.policy import NOBODY, CommandLine, Grant, Holder, Role

if TYPE_CHECKING:
    from koers.accounts.models import Person

_CACHE = "_koers_holder"


ADMINISTRATOR = Holder(None, (Grant(Role.ADMINISTRATOR, None),))


def holder_of(user: AbstractBaseUser | AnonymousUser | CommandLine) -> Holder:
    """The organisation and roles of a signed-in user; nobody for anyone else.

    A Django superuser (`koers manage createsuperuser`) counts as an
    administrator, so a fresh installation can be set up.
    """
    if isinstance(user, CommandLine):
        return ADMINISTRATOR
    if not user.is_authenticated or not user.is_active:
        return NOBODY
    cached: Holder | None = getattr(user, _CACHE, None)
    if cached is None:
        cached = _read(user)
        setattr(user, _CACHE, cached)
    return cached


def forget(user: AbstractBaseUser) -> None:
    """Read the roles again on the next question (after they changed)."""
    if hasattr(user, _CACHE):
        delattr(user, _CACHE)


def _read(user: AbstractBaseUser) -> Holder:
    from koers.accounts.models import Person

    person = Person.objects.filter(user_id=user.pk).first()
    grants = (
        tuple(Grant(Role(role), agenda) for role, agenda in _grants(person))
        if person is not None
        else ()
    )
    if getattr(user, "is_superuser", False):
        grants = (Grant(Role.ADMINISTRATOR, None), *grants)
    return Holder(person.organisation_id if person else None, grants)


def _grants(person: Person) -> list[tuple[str, int | None]]:
    from koers.accounts.models import RoleAssignment

    rows = RoleAssignment.objects.filter(person=person).order_by("role", "agenda_id")
    return list(rows.values_list("role", "agenda_id"))


def person_of(user: AbstractBaseUser | AnonymousUser | CommandLine) -> Person | None:
    """The person behind a signed-in account (None for a bare superuser or nobody)."""
    from koers.accounts.models import Person

    if isinstance(user, CommandLine) or not user.is_authenticated:
        return None
    return Person.objects.select_related("organisation").filter(user_id=user.pk).first()
