"""The decomposition pages on invented data: sums checked, the balance, the what-if form."""

from __future__ import annotations

import pytest
from django.test import Client

from koers.agendas.models import Geography, SourceDocument
from koers.indicators.models import Decomposition, Indicator, Observation, Target
from koers.web.tests.conftest import text_of

pytestmark = pytest.mark.django_db


def _indicator(code: str) -> Indicator:
    return Indicator.objects.create(
        code=code, name_nl=f"{code} nl", name_en=code, unit="people", frequency="annual"
    )


@pytest.fixture
def plan() -> Decomposition:
    area = Geography.objects.create(code="XA", level="region", name_nl="Gebied", name_en="Area")
    source = SourceDocument.objects.create(code="plan-doc", title="The plan")
    for code, value in (("need", 100.0), ("old", 30.0), ("new", 60.0), ("have", 20.0)):
        Observation.objects.create(
            indicator=_indicator(code), geography=area, period="2030", value=value, source=source
        )
    for code, value in (("train", 30.0), ("hire", 20.0)):
        Target.objects.create(
            indicator=_indicator(code),
            geography=area,
            kind="cumulative",
            baseline_period="2020",
            baseline_value=0,
            target_period="2030",
            target_value=value,
            source=source,
        )
    return Decomposition.objects.create(
        code="people-2030",
        name_nl="Mensen 2030",
        name_en="People 2030",
        geography=area,
        period="2030",
        unit="people",
        spec={
            "sums": [{"whole": "need", "parts": ["old", "new"]}],
            "demand": ["need"],
            "supply": ["have", "train", "hire"],
        },
        source=source,
    )


def test_the_parts_are_checked_and_the_gap_shown(client: Client, plan: Decomposition) -> None:
    page = text_of(client.get("/en/balansen/people-2030/").content)
    assert "need old + new 100 90 10 no" in page  # 30 + 60 falls 10 short of 100
    assert "Needed 100 people; covered 70: a gap of 30 people." in page
    # train alone would have to reach 60; all levers growing alike: 30 -> 48, 20 -> 32
    assert "train 30 60 48" in page and "hire 20 50 32" in page


def test_the_what_if_moves_a_lever_and_says_which_targets_must_move(
    client: Client, plan: Decomposition
) -> None:
    page = text_of(client.get("/en/balansen/people-2030/?lever-0=50&lever-1=20").content)
    assert "The balance after your changes" in page
    assert "Needed 100 people; covered 90: a gap of 10 people." in page
    assert "train 50 60" in page  # 10 more on the new value closes it


def test_closing_the_gap_leaves_no_target_to_move(client: Client, plan: Decomposition) -> None:
    page = text_of(client.get("/en/balansen/people-2030/?lever-0=60&lever-1=20").content)
    assert "covered 100: the balance closes." in page and "None: the balance closes." in page


def test_a_bad_value_is_named_and_changes_nothing(client: Client, plan: Decomposition) -> None:
    html = client.get("/en/balansen/people-2030/?lever-0=-5&lever-1=abc").content.decode()
    page = text_of(html)
    assert "Some values could not be used" in page
    assert "greater than or equal to 0" in page and "Enter a number." in page
    assert 'aria-describedby="id_lever-0_error"' in html
    assert "The balance after your changes" not in page


def test_the_dutch_pages_are_dutch(client: Client, plan: Decomposition) -> None:
    page = text_of(client.get("/balansen/people-2030/?lever-0=50").content)
    assert "Nodig 100 people; gedekt 90: een tekort van 10 people." in page
    assert "Wat als een doel verschuift?" in page
    listing = text_of(client.get("/balansen/").content)
    assert "Mensen 2030" in listing
