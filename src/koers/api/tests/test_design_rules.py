"""The NL API Design Rules' core, checked on live answers of the API."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from rest_framework.test import APIClient

from koers.agendas.models import Agenda
from koers.api.service import document_text
from koers.api.tests.conftest import token_client
from koers.rounds.tests.world import World

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[4]


def test_every_answer_carries_the_api_version_even_a_404(proefagenda: Agenda) -> None:
    api = APIClient()
    for path in ("/api/v1/agendas", "/api/v1/agendas/nope", "/api/v1/openapi.json"):
        assert api.get(path)["API-Version"] == "1.0.0"


def test_a_trailing_slash_is_a_404_problem_not_a_redirect(proefagenda: Agenda) -> None:
    answer = APIClient().get("/api/v1/agendas/", HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 404
    assert answer["Content-Type"] == "application/problem+json"
    assert answer.json() == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "There is nothing at this address.",
        "instance": "/api/v1/agendas/",
    }


def test_an_unknown_code_is_a_404_problem_naming_it(proefagenda: Agenda) -> None:
    answer = APIClient().get("/api/v1/indicators/geen-indicator", HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 404
    assert answer["Content-Type"] == "application/problem+json"
    assert answer.json()["detail"] == "No indicator with code 'geen-indicator'."


def test_a_bad_query_parameter_is_a_400_with_invalid_params(proefagenda: Agenda) -> None:
    answer = APIClient().get(
        "/api/v1/observations?pageSize=0&periodFrom=gisteren&indicator=onbekend",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert answer.status_code == 400
    assert answer["Content-Type"] == "application/problem+json"
    body = answer.json()
    assert (body["status"], body["title"]) == (400, "Bad Request")
    assert sorted(p["name"] for p in body["invalidParams"]) == ["pageSize", "periodFrom"]


def test_an_unknown_filter_code_is_a_400_naming_the_parameter(proefagenda: Agenda) -> None:
    answer = APIClient().get("/api/v1/observations?indicator=onbekend", HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 400
    assert answer.json()["invalidParams"] == [
        {"name": "indicator", "code": "invalid", "reason": "Unknown code 'onbekend'."}
    ]


def test_reads_are_open_to_any_origin_and_writes_are_not(world: World) -> None:
    read = APIClient().get("/api/v1/indicators", HTTP_ORIGIN="https://monitor.example")
    assert read["Access-Control-Allow-Origin"] == "*"
    assert "API-Version" in read["Access-Control-Expose-Headers"]
    write = token_client(world.coordinator).post(
        "/api/v1/observations", {"observations": []}, format="json"
    )
    assert "Access-Control-Allow-Origin" not in write


def test_a_preflight_for_a_read_is_answered_without_a_view(proefagenda: Agenda) -> None:
    answer = APIClient().options(
        "/api/v1/agendas",
        HTTP_ORIGIN="https://monitor.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert answer.status_code == 204
    assert answer["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


def test_the_openapi_document_is_public_for_any_origin(proefagenda: Agenda) -> None:
    answer = APIClient().get("/api/v1/openapi.json")
    assert answer.status_code == 200
    assert answer["Access-Control-Allow-Origin"] == "*"
    assert answer.json()["servers"] == [
        {"url": "/api/v1", "description": "this Koers installation"}
    ]


def test_a_read_has_an_etag_and_a_matching_if_none_match_gets_304(proefagenda: Agenda) -> None:
    api = APIClient()
    first = api.get("/api/v1/agendas/proefagenda")
    etag = first["ETag"]
    again = api.get("/api/v1/agendas/proefagenda", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["API-Version"] == "1.0.0"
    assert again["ETag"] == etag
    other = api.get("/api/v1/agendas/proefagenda", HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200


def test_properties_are_camel_case(proefagenda: Agenda) -> None:
    body = APIClient().get("/api/v1/agendas/proefagenda/items/1").json()
    keys = set(body) | {k for role in body["roles"] for k in role}
    assert all(re.fullmatch(r"[a-z][a-zA-Z0-9]*", key) for key in keys), keys
    assert {"titleNl", "validFrom", "ownerStatus", "computedStatus"} <= keys


def test_the_docs_page_works_offline(proefagenda: Agenda) -> None:
    page = APIClient().get("/api/v1/docs")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "//cdn" not in html and "unpkg" not in html


def test_the_committed_openapi_document_is_the_codes() -> None:
    committed = (ROOT / "docs" / "api" / "openapi.json").read_text(encoding="utf-8")
    assert committed == document_text(), (
        "the API changed: python -m koers.api.openapi_doc > docs/api/openapi.json"
    )


def test_every_documented_success_names_the_version_header_and_errors_are_problems() -> None:
    document = json.loads(document_text())
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            for code, response in operation["responses"].items():
                if code[0] in "23":
                    assert "API-Version" in response["headers"], (path, method, code)
                else:
                    assert list(response["content"]) == ["application/problem+json"], (path, code)


def test_the_readme_documents_every_endpoint() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in json.loads(document_text())["paths"]:
        assert f"`/api/v1{path}" in readme, f"README does not document {path}"


def test_anonymous_reads_are_rate_limited_and_token_holders_are_not(
    world: World, settings: Any
) -> None:
    settings.KOERS_API_ANON_RATE = "3/minute"
    anonymous = APIClient()
    answers = [anonymous.get("/api/v1/agendas").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    limited = anonymous.get("/api/v1/agendas")
    assert limited["Content-Type"] == "application/problem+json"
    assert int(limited["Retry-After"]) > 0
    holder = token_client(world.reader)
    assert [holder.get("/api/v1/agendas").status_code for _ in range(5)] == [200] * 5


def test_a_nul_in_the_address_is_a_400_problem_with_the_version(proefagenda: Agenda) -> None:
    answer = APIClient().get("/api/v1/observations?indicator=a%00b", HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 400
    assert answer["Content-Type"] == "application/problem+json"
    assert answer["API-Version"] == "1.0.0"
    assert answer.json()["detail"] == "The address holds a NUL character."
