"""The OpenAPI document: generated from the views, then brought in line with the NL API
Design Rules in one place (`design_rules`), and served at /api/v1/openapi.json."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from koers.api.problems import PROBLEM

SUCCESS = ("200", "201", "204", "304")
WRITES = ("post", "put", "patch", "delete")
VERSION_HEADER = {"$ref": "#/components/headers/API-Version"}
PROBLEM_CONTENT = {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}}
PROBLEMS = {
    "400": "Bad request: `invalidParams` names each refused field or parameter.",
    "401": "No valid API token was sent.",
    "403": "The person's roles do not allow this (the refusal is in the audit trail).",
    "404": "Nothing at this address, or an unknown code.",
    "406": "The client does not accept JSON.",
    "422": "The Idempotency-Key was used before with another body.",
    "429": "Too many requests without a token; see Retry-After.",
}


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "koers.api.auth.TokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A person's API token (`koers token add`); needed for writes only.",
        }


def design_rules(result: dict[str, Any], generator: Any, request: Any, public: bool) -> Any:
    """drf-spectacular post-processing: version header on every success, problem+json errors,
    tokens asked for writes only."""
    components = result.setdefault("components", {})
    components.setdefault("schemas", {}).update(_problem_schemas())
    components["headers"] = {
        "API-Version": {
            "description": "The full version of the API that answered.",
            "schema": {"type": "string", "example": result["info"]["version"]},
            "required": True,
        }
    }
    for methods in result["paths"].values():
        for method, operation in methods.items():
            _operation(method, operation)
    return result


def _operation(method: str, operation: dict[str, Any]) -> None:
    responses = operation["responses"]
    if method == "get":
        responses["304"] = {"description": "Not modified: the If-None-Match ETag still holds."}
    for code, response in responses.items():
        if code in SUCCESS:
            response.setdefault("headers", {})["API-Version"] = VERSION_HEADER
    for code in _problem_codes(method, operation):
        responses[code] = {"description": PROBLEMS[code], "content": PROBLEM_CONTENT}
    if method in WRITES:
        operation["security"] = [{"apiToken": []}]
    else:
        operation["security"] = [{}, {"apiToken": []}]


def _problem_codes(method: str, operation: dict[str, Any]) -> list[str]:
    codes = ["400", "404", "406"]
    if method in WRITES:
        codes += ["401", "403"]
        if any(p.get("name") == "Idempotency-Key" for p in operation.get("parameters", [])):
            codes.append("422")
    else:
        codes.append("429")
    return codes


def _problem_schemas() -> dict[str, Any]:
    return {
        "Problem": {
            "type": "object",
            "description": "An error as RFC 9457 problem details.",
            "required": ["type", "title", "status", "detail"],
            "properties": {
                "type": {"type": "string", "description": "about:blank"},
                "title": {"type": "string", "description": "The HTTP status's phrase."},
                "status": {"type": "integer", "description": "The HTTP status code."},
                "detail": {"type": "string", "description": "What went wrong, for people."},
                "instance": {"type": "string", "description": "The path asked for."},
                "invalidParams": {
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/InvalidParam"},
                },
            },
        },
        "InvalidParam": {
            "type": "object",
            "required": ["name", "code", "reason"],
            "properties": {
                "name": {"type": "string", "description": "observations[2].value, pageSize, ..."},
                "code": {"type": "string"},
                "reason": {"type": "string"},
            },
        },
    }


@cache
def document() -> dict[str, Any]:
    """The OpenAPI document of this code (made once per process)."""
    schema = SchemaGenerator(urlconf="koers.urls").get_schema(request=None, public=True)
    # A round trip through JSON: plain types only, as it is served and committed.
    return dict(json.loads(json.dumps(schema, sort_keys=False, default=str)))


def document_text() -> str:
    return json.dumps(document(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


class OpenApiDocument(APIView):
    """GET /api/v1/openapi.json: the API's description, public, for any origin."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes: list[Any] = []

    @extend_schema(exclude=True)
    def get(self, request: Request) -> Response:
        return Response(document())
