"""A small agenda with every role filled, shared by the rounds, audit and editors' tests.

Two actions, each led by its own organisation; a milestone on the first; an
indicator and a geography for figures; one person per role.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from koers.accounts.policy import Role
from koers.accounts.tests.factories import person
from koers.agendas import models as agendas
from koers.agendas.tests.factories import (
    AgendaFactory,
    GeographyFactory,
    ItemFactory,
    LevelTypeFactory,
    OrganisationFactory,
)
from koers.indicators.tests.factories import IndicatorFactory

PERIOD = (dt.date(2020, 7, 1), dt.date(2021, 6, 30))
DEADLINE = dt.date(2021, 5, 31)


@dataclass
class World:
    agenda: agendas.Agenda
    other_agenda: agendas.Agenda
    action: agendas.Item  # led by `lead`
    other_action: agendas.Item  # led by `other_lead`
    lead: agendas.Organisation
    other_lead: agendas.Organisation
    milestone: agendas.Milestone
    administrator: Any
    coordinator: Any
    owner: Any
    contributor: Any
    reviewer: Any
    reader: Any
    other_owner: Any
    other_coordinator: Any


def build_world() -> World:
    agenda = AgendaFactory(code="proef", title_nl="Proefagenda", title_en="Trial agenda")
    other = AgendaFactory(code="ander", title_nl="Andere agenda", title_en="Other agenda")
    level = LevelTypeFactory(agenda=agenda, code="actie", name_nl="Actie", name_en="Action")
    lead = OrganisationFactory(code="trekker", name_nl="Trekker", name_en="Lead")
    other_lead = OrganisationFactory(code="andere-trekker")
    ezk = OrganisationFactory(code="ezk", name_nl="Ministerie van EZK", name_en="Ministry of EZK")
    action = ItemFactory(
        agenda=agenda, level=level, code="1", title_nl="Fotonica", title_en="Photonics"
    )
    other_action = ItemFactory(
        agenda=agenda, level=level, code="2", title_nl="Talent", title_en="Talent"
    )
    agendas.Role.objects.create(item=action, organisation=lead, role=agendas.Role.Kind.LEAD)
    agendas.Role.objects.create(
        item=other_action, organisation=other_lead, role=agendas.Role.Kind.LEAD
    )
    milestone = agendas.Milestone.objects.create(
        item=action,
        title_nl="Proeffabriek open",
        title_en="Pilot plant open",
        planned=dt.date(2021, 3, 1),
        status=agendas.Milestone.Status.PLANNED,
    )
    indicator = IndicatorFactory(code="banen", name_nl="Banen", name_en="Jobs", unit="jobs")
    indicator.items.add(action)
    GeographyFactory(code="NL414")
    return World(
        agenda=agenda,
        other_agenda=other,
        action=action,
        other_action=other_action,
        lead=lead,
        other_lead=other_lead,
        milestone=milestone,
        administrator=person(
            Role.ADMINISTRATOR, ezk, user__username="admin@example.org", name="Ada Admin"
        ),
        coordinator=person(
            Role.COORDINATOR,
            ezk,
            agenda,
            user__username="coordinator@example.org",
            name="Cor Coördinator",
        ),
        owner=person(Role.OWNER, lead, user__username="owner@example.org", name="Olga Owner"),
        contributor=person(
            Role.CONTRIBUTOR,
            lead,
            user__username="contributor@example.org",
            name="Carl Contributor",
        ),
        reviewer=person(
            Role.REVIEWER, ezk, agenda, user__username="reviewer@example.org", name="Rita Reviewer"
        ),
        reader=person(
            Role.READER, ezk, agenda, user__username="reader@example.org", name="Rob Reader"
        ),
        other_owner=person(
            Role.OWNER, other_lead, user__username="other@example.org", name="Otto Other"
        ),
        other_coordinator=person(
            Role.COORDINATOR, ezk, other, user__username="elsewhere@example.org", name="Els Elders"
        ),
    )
