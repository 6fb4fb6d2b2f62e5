"""Fixtures of the site's tests: the invented `proefagenda` (so nothing passes only
on the shipped data) and helpers to read pages."""

from __future__ import annotations

import re
from html import unescape

import pytest

from koers.agendas.models import Agenda
from koers.reporting.tests.conftest import FIXTURE


@pytest.fixture
def proefagenda(db: None) -> Agenda:
    """Three pillars, actions with sub-actions, two years of updates, money,
    governance with an overdue agreement, targets, and an action that ended."""
    from koers.sources.dataset import load_dataset

    load_dataset(FIXTURE)
    return Agenda.objects.get(code="proefagenda")


def text_of(html: bytes | str) -> str:
    """The page's visible words, tags removed and spaces collapsed."""
    content = html.decode() if isinstance(html, bytes) else html
    content = re.sub(r"<(script|style)\b.*?</\1>", " ", content, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", content)).split())
