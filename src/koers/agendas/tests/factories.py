"""factory_boy factories for the agenda domain, with traits for the usual states."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory

from koers.agendas import models


class SourceDocumentFactory(factory.django.DjangoModelFactory[models.SourceDocument]):
    class Meta:
        model = models.SourceDocument
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"doc-{n}")
    title = factory.Sequence(lambda n: f"Document {n}")
    publisher = "Ministerie van EZK"
    date = dt.date(2020, 6, 30)


class GeographyFactory(factory.django.DjangoModelFactory[models.Geography]):
    class Meta:
        model = models.Geography
        django_get_or_create = ("code",)

    code = "NL414"
    level = models.Geography.Level.NUTS3
    name_nl = "Zuidoost-Noord-Brabant"
    name_en = "South-East North Brabant"


class OrganisationFactory(factory.django.DjangoModelFactory[models.Organisation]):
    class Meta:
        model = models.Organisation

    code = factory.Sequence(lambda n: f"org-{n}")
    name_nl = factory.Sequence(lambda n: f"Organisatie {n}")
    name_en = factory.Sequence(lambda n: f"Organisation {n}")
    kind = models.Organisation.Kind.MINISTRY
    helix = models.Organisation.Helix.GOVERNMENT


class AgendaFactory(factory.django.DjangoModelFactory[models.Agenda]):
    class Meta:
        model = models.Agenda

    code = factory.Sequence(lambda n: f"agenda-{n}")
    title_nl = "Nationale Actieagenda"
    title_en = "National Action Agenda"
    start = dt.date(2018, 6, 25)


class LevelTypeFactory(factory.django.DjangoModelFactory[models.LevelType]):
    class Meta:
        model = models.LevelType

    agenda = factory.SubFactory(AgendaFactory)
    code = factory.Sequence(lambda n: f"level-{n}")
    name_nl = "Pijler"
    name_en = "Pillar"


class ItemFactory(factory.django.DjangoModelFactory[models.Item]):
    class Meta:
        model = models.Item

    agenda = factory.SubFactory(AgendaFactory)
    level = factory.SubFactory(LevelTypeFactory, agenda=factory.SelfAttribute("..agenda"))
    code = factory.Sequence(lambda n: f"{n}")
    title_nl = factory.Sequence(lambda n: f"Actie {n}")
    title_en = factory.Sequence(lambda n: f"Action {n}")


class StatusUpdateFactory(factory.django.DjangoModelFactory[models.StatusUpdate]):
    class Meta:
        model = models.StatusUpdate

    item = factory.SubFactory(ItemFactory)
    period_start = dt.date(2019, 7, 1)
    period_end = dt.date(2020, 6, 30)
    status = models.StatusUpdate.Status.ON_TRACK
    source = factory.SubFactory(SourceDocumentFactory)

    class Params:
        on_track = factory.Trait(
            status=models.StatusUpdate.Status.ON_TRACK, status_label_nl="Op koers"
        )
        delayed = factory.Trait(
            status=models.StatusUpdate.Status.DELAYED, status_label_nl="Vertraagd"
        )
        completed = factory.Trait(
            status=models.StatusUpdate.Status.COMPLETED, status_label_nl="Afgerond"
        )


def tree(agenda: models.Agenda, depth: int, **kwargs: Any) -> list[models.Item]:
    """A chain of `depth` nested items, root first."""
    items: list[models.Item] = []
    for level in range(depth):
        parent = items[-1] if items else None
        items.append(ItemFactory(agenda=agenda, parent=parent, code=f"c{level}", **kwargs))
    return items
