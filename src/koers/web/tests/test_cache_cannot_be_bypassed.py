"""Anonymous visitors cannot make the server work without bound (finding 2 of issue
14): unknown query parameters do not get around the page cache, a report is built
once per data version, and report builds are limited per client and at once."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from koers.agendas.models import Agenda, Item
from koers.agendas.tests.factories import StatusUpdateFactory
from koers.reporting import throttle
from koers.web.cache import page_query

pytestmark = pytest.mark.django_db


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_unknown_query_parameters_are_served_from_the_cache(
    client: Client, proefagenda: Agenda
) -> None:
    first = client.get("/indicatoren/?r=1")
    # One query: the data version. The page itself comes from the cache.
    assert _queries(client, "/indicatoren/?r=2") == 1
    assert _queries(client, "/indicatoren/?utm_source=x&r=3") == 1
    assert client.get("/indicatoren/?r=99").content == first.content
    assert b"r=1" not in first.content  # another visitor's query never ends up in a page


def test_a_parameter_the_page_reads_is_part_of_the_key(client: Client, proefagenda: Agenda) -> None:
    client.get("/agenda/proefagenda/?datum=2019-01-01")
    assert _queries(client, "/agenda/proefagenda/?datum=2019-01-01&r=1") == 1
    assert _queries(client, "/agenda/proefagenda/?datum=2020-01-01") > 1


def test_the_page_query_keeps_only_what_pages_read(rf: object) -> None:
    request = rf.get("/agenda/x/", {"r": "1", "datum": ["2019-01-01", "2020-01-01"]})
    assert page_query(request) == "datum=2019-01-01"


def _count_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    from koers.reporting import views

    builds: list[int] = []
    original: Callable[..., tuple[str, bytes]] = views._built

    def counting(*args: object) -> tuple[str, bytes]:
        builds.append(1)
        return original(*args)

    monkeypatch.setattr(views, "_built", counting)
    return builds


def test_a_report_is_built_once_per_data_version(
    client: Client, proefagenda: Agenda, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds = _count_builds(monkeypatch)
    url = "/rapport/proefagenda/2019-07-01/2020-06-30.html"
    first = client.get(url)
    assert client.get(url + "?r=1").content == first.content
    assert len(builds) == 1
    StatusUpdateFactory(item=Item.objects.get(agenda=proefagenda, code="6"), completed=True)
    assert client.get(url).status_code == 200
    assert len(builds) == 2


def test_one_client_may_start_a_few_report_builds_a_minute_then_429(
    client: Client, proefagenda: Agenda, settings: object
) -> None:
    settings.KOERS_REPORT_BUILDS_PER_MINUTE = 2
    urls = [f"/rapport/proefagenda/2019-07-01/2020-06-30.{fmt}" for fmt in ("html", "docx")]
    assert [client.get(url).status_code for url in urls] == [200, 200]
    refused = client.get("/rapport/proefagenda/2019-07-01/2020-06-30/notitie.html")
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    assert "Er worden rapportages gemaakt" in refused.content.decode()
    assert client.get(urls[0]).status_code == 200  # kept reports are still served
    other = Client(REMOTE_ADDR="192.0.2.9")
    assert other.get("/rapport/proefagenda/2019-07-01/2020-06-30/notitie.html").status_code == 200


def test_when_every_builder_is_busy_a_report_is_503_with_retry_after(
    client: Client, proefagenda: Agenda, settings: object
) -> None:
    settings.KOERS_REPORT_WAIT = 0.01
    held = [throttle._turns.acquire() for _ in range(throttle.WORKERS)]
    try:
        response = client.get("/rapport/proefagenda/2019-07-01/2020-06-30.html?lang=en")
    finally:
        for _ in held:
            throttle._turns.release()
    assert response.status_code == 503 and response["Retry-After"] == "10"
    assert "Reports are being built" in response.content.decode()
    assert threading.active_count() >= 1
