"""Fixtures of the API's tests: the invented `proefagenda`, a round world, API clients."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from koers.agendas.models import Agenda
from koers.api.tokens import add_token
from koers.reporting.tests.conftest import FIXTURE
from koers.rounds.tests.world import World, build_world


@pytest.fixture
def proefagenda(db: None) -> Agenda:
    from koers.sources.dataset import load_dataset

    load_dataset(FIXTURE)
    return Agenda.objects.get(code="proefagenda")


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture
def client() -> APIClient:
    return APIClient()


def token_client(user: Any) -> APIClient:
    """A client sending `user`'s new API token."""
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {add_token(user.get_username(), 'test')}")
    return api


@pytest.fixture(autouse=True)
def no_throttle_memory() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()
