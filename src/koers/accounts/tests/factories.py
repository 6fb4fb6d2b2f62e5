"""factory_boy factories for people and their roles."""

from __future__ import annotations

from typing import Any

import factory
from django.contrib.auth import get_user_model

from koers.accounts import models
from koers.accounts.policy import Role
from koers.agendas.models import Agenda, Organisation
from koers.agendas.tests.factories import OrganisationFactory

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"person{n}@example.org")
    email = factory.SelfAttribute("username")
    password = factory.django.Password(PASSWORD)


class PersonFactory(factory.django.DjangoModelFactory[models.Person]):
    class Meta:
        model = models.Person

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Person {n}")
    organisation = factory.SubFactory(OrganisationFactory)


def person(
    role: Role | None,
    organisation: Organisation | None = None,
    agenda: Agenda | None = None,
    **kwargs: Any,
) -> Any:
    """A signed-up user holding `role` (for `agenda` if given), of `organisation`."""
    someone = PersonFactory(organisation=organisation or OrganisationFactory(), **kwargs)
    if role is not None:
        models.RoleAssignment.objects.create(person=someone, role=role, agenda=agenda)
    return someone.user
