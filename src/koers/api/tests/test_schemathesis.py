"""Property-based tests of the whole API with schemathesis, in-process (WSGI), bounded.

Every operation of the OpenAPI document gets `EXAMPLES` generated requests (an
administrator's token sent along, so writes are exercised too): no answer may
be a 5xx, and every answer must conform to the document (status code, content
type, headers, body schema). With 25 operations that is a few thousand cases,
in about a minute and a half.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis import checks

from koers.accounts.policy import Role
from koers.accounts.tests.factories import person
from koers.agendas.models import Agenda, Organisation
from koers.api.tokens import add_token

EXAMPLES = 100
CASES: Counter[str] = Counter()
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
]

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def one_connection() -> Iterator[None]:
    """The WSGI handler closes the database connection after each request; the test's
    transaction lives on it, so keep it open, as Django's test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def admin_token(proefagenda: Agenda, settings: Any, one_connection: None) -> Iterator[str]:
    settings.KOERS_API_ANON_RATE = "1000000/minute"
    organisation = Organisation.objects.get(code="proef-ministerie")
    user = person(Role.ADMINISTRATOR, organisation, user__username="fuzz@example.org")
    yield add_token(user.get_username(), "schemathesis")


@pytest.mark.slow
@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_the_api_never_fails_and_answers_as_documented(case: Any, admin_token: str) -> None:
    CASES[case.operation.label] += 1
    case.call_and_validate(headers={"Authorization": f"Bearer {admin_token}"}, checks=CHECKS)
