"""Fixtures every test shares (src/koers and tests/)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def english_messages() -> Iterator[None]:
    """Code outside a request speaks English (the source language) unless a test picks
    another; a request still takes its language from its URL, Dutch by default."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    """Every test starts without pages kept by an earlier one."""
    cache.clear()
    yield
    cache.clear()
