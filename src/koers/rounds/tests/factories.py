"""factory_boy factories for rounds and tasks, with traits for the task's states."""

from __future__ import annotations

import datetime as dt

import factory

from koers.accounts.policy import State
from koers.agendas.tests.factories import AgendaFactory, ItemFactory, OrganisationFactory
from koers.rounds import models


class RoundFactory(factory.django.DjangoModelFactory[models.Round]):
    class Meta:
        model = models.Round

    agenda = factory.SubFactory(AgendaFactory)
    period_start = dt.date(2020, 7, 1)
    period_end = dt.date(2021, 6, 30)
    deadline = dt.date(2021, 5, 31)


class TaskFactory(factory.django.DjangoModelFactory[models.Task]):
    class Meta:
        model = models.Task

    round = factory.SubFactory(RoundFactory)
    item = factory.SubFactory(ItemFactory, agenda=factory.SelfAttribute("..round.agenda"))
    organisation = factory.SubFactory(OrganisationFactory)
    state = State.OPEN

    class Params:
        submitted = factory.Trait(
            state=State.SUBMITTED, status="on_track", narrative_nl="Het loopt volgens plan."
        )
        returned = factory.Trait(state=State.RETURNED, note="Graag cijfers toevoegen.")
        approved = factory.Trait(
            state=State.APPROVED, status="on_track", narrative_nl="Het loopt volgens plan."
        )
        published = factory.Trait(state=State.PUBLISHED, status="on_track")
