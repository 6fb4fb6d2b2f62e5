"""The public pages only read: other methods get 405, HEAD has no body; every response
has a Content-Security-Policy and a Permissions-Policy (finding 7 of issue 14)."""

from __future__ import annotations

import pytest
from django.test import Client

from koers.agendas.models import Agenda

pytestmark = pytest.mark.django_db

PUBLIC = [
    "/",
    "/en/",
    "/indicatoren/",
    "/agenda/proefagenda/",
    "/zoeken/?q=talent",
    "/rapport/proefagenda/2019-07-01/2020-06-30.html",
    "/bestaat-niet/",
]


@pytest.mark.parametrize("url", PUBLIC)
@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_writing_to_a_public_page_is_405(proefagenda: Agenda, url: str, method: str) -> None:
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


@pytest.mark.parametrize("url", PUBLIC[:4])
def test_head_has_headers_and_no_body(proefagenda: Agenda, client: Client, url: str) -> None:
    got = client.get(url)
    head = client.head(url)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head["Content-Length"] == str(len(got.content))


def test_every_response_has_csp_and_permissions_policy(proefagenda: Agenda, client: Client) -> None:
    for url in ("/", "/indicatoren/", "/bestaat-niet/"):
        response = client.get(url)
        assert "default-src 'self'" in response["Content-Security-Policy"]
        assert "script-src 'self'" in response["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
        assert "camera=()" in response["Permissions-Policy"]


def test_the_editors_area_still_takes_its_forms(client: Client, db: None) -> None:
    response = client.post("/beheer/inloggen/", {"username": "x", "password": "y"})
    assert response.status_code != 405


@pytest.mark.parametrize("url", ["/indicatoren/%00/", "/zoeken/?q=a%00b", "/agenda/x/?%00=1"])
def test_a_nul_character_is_a_400_not_a_database_error(client: Client, db: None, url: str) -> None:
    assert client.get(url).status_code == 400
