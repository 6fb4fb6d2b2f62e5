from __future__ import annotations

import factory

from koers.agendas.tests.factories import GeographyFactory, SourceDocumentFactory
from koers.indicators import models


class IndicatorFactory(factory.django.DjangoModelFactory[models.Indicator]):
    class Meta:
        model = models.Indicator

    code = factory.Sequence(lambda n: f"indicator-{n}")
    name_nl = "Opgeleverde woningen"
    name_en = "Homes completed"
    unit = "homes"
    direction = models.Indicator.Direction.INCREASE
    frequency = models.Indicator.Frequency.ANNUAL


class ObservationFactory(factory.django.DjangoModelFactory[models.Observation]):
    class Meta:
        model = models.Observation

    indicator = factory.SubFactory(IndicatorFactory)
    geography = factory.SubFactory(GeographyFactory)
    period = "2019"
    value = 100.0
    source = factory.SubFactory(SourceDocumentFactory)

    class Params:
        provisional_value = factory.Trait(provisional=True)


class TargetFactory(factory.django.DjangoModelFactory[models.Target]):
    class Meta:
        model = models.Target

    indicator = factory.SubFactory(IndicatorFactory)
    geography = factory.SubFactory(GeographyFactory)
    kind = models.Target.Kind.LEVEL
    target_period = "2030"
    target_value = 151800.0
    source = factory.SubFactory(SourceDocumentFactory)

    class Params:
        cumulative = factory.Trait(
            kind=models.Target.Kind.CUMULATIVE,
            baseline_period="2020",
            baseline_value=0.0,
            target_value=62000.0,
        )
