"""The agenda at a glance on the shipped Brainport data: the 2030 agenda's targets as
tiles, every unit named in Dutch on the Dutch pages."""

from __future__ import annotations

import pytest
from django.db.models import Q
from django.test import Client

from koers.indicators.models import Indicator, Target
from koers.readmodel.service import unit_label
from koers.reporting.tests.conftest import brainport
from koers.web.tests.conftest import text_of
from koers.web.tests.test_glance import tiles_of as _tiles

pytestmark = [pytest.mark.django_db, pytest.mark.slow, pytest.mark.usefixtures("brainport")]
__all__ = ["brainport"]


def test_every_target_of_the_2030_agenda_has_a_tile(client: Client) -> None:
    tiles = _tiles(client.get("/en/agenda/brainport2030/").content.decode())
    # Its targets: those of its items, and those without an item of its items' indicators.
    targets = Target.objects.filter(
        Q(item__agenda__code="brainport2030")
        | Q(item__isnull=True, indicator__items__agenda__code="brainport2030")
    )
    assert len(tiles) == targets.distinct().count() == 18
    homes = [t for t in tiles if "Target: 62,000 homes by 2030" in t]
    assert len(homes) == 1 and "far behind the required path" in homes[0]
    waiting = [t for t in tiles if "No figures yet" in t]
    # Targets still waiting for a first figure come after those with figures.
    assert waiting and tiles[-len(waiting) :] == waiting


def test_every_unit_of_the_shipped_data_has_a_dutch_name() -> None:
    units = set(Indicator.objects.values_list("unit", flat=True))
    # A unit the table does not know is shown as it is: in English on a Dutch page.
    untranslated = {u for u in units if unit_label(u, "nl") == u and u.isalpha()}
    assert untranslated <= {"fieldlabs", "EUR"}, untranslated


def test_the_dutch_tiles_use_dutch_units(client: Client) -> None:
    page = text_of(client.get("/agenda/bna/").content)
    assert "30 deelnemers (2020-06)" in page and "participants" not in page
