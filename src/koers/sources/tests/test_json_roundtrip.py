"""export -> import into an empty database -> export gives the very same bytes."""

from __future__ import annotations

import json

import pytest

from koers.sources import service
from koers.sources.entities import ENTITIES
from koers.sources.tests.sample import build_sample

pytestmark = pytest.mark.django_db


def _round_trip() -> tuple[bytes, bytes]:
    first = service.export_document()
    service.clear_all()
    assert service.is_empty()
    service.import_document(first)
    return first, service.export_document()


def test_the_sample_round_trips_byte_for_byte() -> None:
    build_sample()
    first, second = _round_trip()
    assert first == second
    counts = {e["name"]: len(e["rows"]) for e in json.loads(first)["entities"]}
    # every entity is present, so the round trip covers the whole model
    assert all(counts[entity.name] > 0 for entity in ENTITIES), counts


def test_the_export_is_deterministic_and_self_describing() -> None:
    build_sample()
    document = json.loads(service.export_document())
    assert (document["format"], document["version"]) == ("koers", 1)
    items = next(e for e in document["entities"] if e["name"] == "items")
    parent = next(f for f in items["fields"] if f["name"] == "parent")
    assert parent == {"name": "parent", "type": "key", "references": "items", "required": False}
    assert service.export_document() == service.export_document()


def test_values_keep_their_exact_form() -> None:
    build_sample()
    document = json.loads(service.export_document())
    rows = {e["name"]: e["rows"] for e in document["entities"]}
    assert rows["budget_lines"][0]["committed"] == "5350000.50"
    assert {r["value"] for r in rows["observations"]} == {4300.0, 4321.5, 0.1 + 0.2}
    revised = next(r for r in rows["observations"] if r["revised"])
    assert revised["recorded_at"] == "2021-03-01T12:30:00Z"
    assert rows["items"][1]["title_nl"] == "Internationaal talent “aantrekken”"


def test_the_brainport_dataset_round_trips_byte_for_byte() -> None:
    service.load_demo()
    first, second = _round_trip()
    assert first == second
    assert len(first) > 100_000
