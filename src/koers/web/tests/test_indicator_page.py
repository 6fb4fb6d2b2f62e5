"""The indicator pages: a chart with the same numbers as a table, every figure
with its source and flags, revisions kept, targets and the explained assessment."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from koers.agendas.models import Agenda, Geography
from koers.indicators.models import Indicator, Observation

from .conftest import text_of

pytestmark = pytest.mark.django_db


def test_the_chart_and_its_numbers(client: Client, proefagenda: Agenda) -> None:
    html = client.get("/indicatoren/proef-banen/").content.decode()
    assert "<svg" in html and 'role="img"' in html
    page = text_of(html)
    assert "462.000" in page and "voorlopig" in page  # the provisional 2019 figure
    assert "Statistiekbureau Proef" in page


def test_the_assessment_gives_status_method_pace_and_need(
    client: Client, proefagenda: Agenda
) -> None:
    page = text_of(client.get("/en/indicatoren/proef-woningen/").content)
    assert "Linear path for a cumulative count" in page
    assert "far behind the required path" in page or "behind the required path" in page
    assert "Still needed" in page and "homes per year" in page


def test_a_revised_figure_keeps_the_earlier_value_readable(
    client: Client, proefagenda: Agenda
) -> None:
    indicator = Indicator.objects.get(code="proef-woningen")
    Observation.objects.create(
        indicator=indicator,
        geography=Geography.objects.get(code="PROEF-REG"),
        period="2020",
        value=5250,
        revised=True,
        recorded_at=dt.datetime(2030, 1, 1, tzinfo=dt.UTC),
    )
    page = text_of(client.get("/en/indicatoren/proef-woningen/").content)
    assert "5,250" in page and "revised" in page
    assert "Earlier values, replaced by a revision" in page and "5,100" in page


def test_the_list_has_every_indicator_with_its_status(client: Client, proefagenda: Agenda) -> None:
    page = text_of(client.get("/en/indicatoren/").content)
    names = (
        "Jobs in the region",
        "Homes completed",
        "Investment in research",
        "Position in the European innovation ranking",
    )
    assert all(name in page for name in names)
    assert "4 indicators measure the agendas." in page


def test_an_unknown_indicator_is_not_found(client: Client, proefagenda: Agenda) -> None:
    assert client.get("/indicatoren/nope/").status_code == 404
