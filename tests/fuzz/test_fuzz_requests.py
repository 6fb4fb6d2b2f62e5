"""Generated requests for every public address: odd codes, dates at the calendar's edge,
junk query strings, other methods. None may answer 5xx or show a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.fuzz.conftest import CASES

pytestmark = pytest.mark.django_db

MANY = settings(
    max_examples=2900,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)

AGENDAS = st.sampled_from(["proefagenda", "bna", "x", "-", "a" * 300])
CODES = st.sampled_from(["1", "6", "T", "proef-banen", "proef-regio", "%00", "..", "ü"]) | st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="/?#%"), min_size=1, max_size=20
)
DATES = st.sampled_from(
    [
        "0001-01-01",
        "9999-12-31",
        "2019-07-01",
        "2020-06-30",
        "2019-02-29",
        "2020-02-29",
        "1899-12-31",
    ]
) | st.dates().map(lambda d: d.isoformat())
FORMATS = st.sampled_from(["html", "pdf", "docx"])
TABLES = st.sampled_from(["items", "figures", "x"])
DOWNLOADS = st.sampled_from(["csv", "xlsx", "json", "odt"])


@st.composite
def addresses(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 11))
    prefix = draw(st.sampled_from(["", "/en"]))
    a, c = draw(AGENDAS), draw(CODES)
    paths = [
        "/",
        "/indicatoren/",
        f"/indicatoren/{c}/",
        f"/organisatie/{c}/",
        f"/agenda/{a}/",
        f"/agenda/{a}/mijlpalen/",
        f"/agenda/{a}/geld/",
        f"/agenda/{a}/actie/{c}/",
        "/zoeken/",
        "/toegankelijkheid/",
        f"/rapport/{a}/{draw(DATES)}/{draw(DATES)}.{draw(FORMATS)}",
        f"/agenda/{a}/download/{draw(TABLES)}.{draw(DOWNLOADS)}",
    ]
    return prefix + paths[kind]


QUERY = st.dictionaries(
    st.sampled_from(["datum", "q", "lang", "r", "page", "utm_source"]),
    st.text(max_size=30) | DATES | st.sampled_from(["en", "nl", "de", "", "9999-99-99"]),
    max_size=3,
)


@pytest.fixture(scope="module")
def site(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    from django.db import transaction

    from koers.reporting.tests.conftest import FIXTURE
    from koers.sources.dataset import load_dataset

    with django_db_blocker.unblock(), transaction.atomic():
        load_dataset(FIXTURE)
        yield
        transaction.set_rollback(True)


@MANY
@given(
    address=addresses(), query=QUERY, method=st.sampled_from(["get", "get", "get", "head", "post"])
)
def test_no_public_address_answers_5xx(
    site: None, address: str, query: dict[str, str], method: str
) -> None:
    CASES["requests"] += 1
    client = Client()
    response = getattr(client, method)(address, query if method != "post" else None)
    assert response.status_code < 500, (address, query, response.status_code)
    if method != "head" and response.get("Content-Type", "").startswith("text/"):
        assert b"Traceback" not in response.content


def test_the_suite_ran_at_least_5000_cases() -> None:
    # Runs after the other fuzz tests of this folder (file order): the floor.
    total = sum(CASES.values())
    print(f"\nfuzz cases: {total} ({dict(CASES)})")
    if len(CASES) == 8:  # the whole suite ran in this process (not split by xdist)
        assert total >= 5000
