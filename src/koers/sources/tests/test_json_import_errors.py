"""A bad document is refused with a message naming entity, row and field; nothing is written."""

from __future__ import annotations

import json
from typing import Any

import pytest

from koers.agendas.models import Agenda, Item
from koers.sources import service
from koers.sources.jsonio import KoersImportError
from koers.sources.tests.sample import build_sample

pytestmark = pytest.mark.django_db


@pytest.fixture
def document() -> dict[str, Any]:
    build_sample()
    data = json.loads(service.export_document())
    service.clear_all()
    return data


def _rows(document: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return next(e["rows"] for e in document["entities"] if e["name"] == name)


def _refused(document: dict[str, Any], *expected: str) -> None:
    with pytest.raises(KoersImportError) as error:
        service.import_document(json.dumps(document), origin="broken.json")
    for text in expected:
        assert text in str(error.value)
    assert service.is_empty(), "a refused import must leave nothing behind"


def test_an_unknown_reference_is_named(document: dict[str, Any]) -> None:
    _rows(document, "items")[-1]["parent"] = "bna/99"
    _refused(document, "broken.json", "'items'", "'parent'", "unknown items 'bna/99'")


def test_an_unknown_field_is_named(document: dict[str, Any]) -> None:
    _rows(document, "organisations")[0]["colour"] = "red"
    _refused(document, "'organisations'", "(ezk)", "'colour'", "unknown field")


def test_an_invalid_choice_is_named(document: dict[str, Any]) -> None:
    _rows(document, "budget_lines")[0]["instrument"] = "gift"
    _refused(document, "'budget_lines'", "'instrument'")


def test_a_malformed_date_is_named(document: dict[str, Any]) -> None:
    _rows(document, "agendas")[0]["start"] = "25-06-2018"
    _refused(document, "'agendas'", "'start'")


def test_an_inconsistent_target_is_named(document: dict[str, Any]) -> None:
    _rows(document, "targets")[0]["target_value"] = -5
    _refused(document, "'targets'", "'target_value'")


def test_a_cycle_in_the_tree_is_refused(document: dict[str, Any]) -> None:
    items = _rows(document, "items")
    pillar = next(r for r in items if r["code"] == "P-talent")
    pillar["parent"] = "bna/1"
    _refused(document, "'items'", "cycle")


def test_a_duplicate_code_is_refused(document: dict[str, Any]) -> None:
    _rows(document, "sources").append(dict(_rows(document, "sources")[0]))
    _refused(document, "'sources'", "'code'")


def test_a_late_error_rolls_back_everything_before_it(document: dict[str, Any]) -> None:
    _rows(document, "targets")[0]["kind"] = "wish"
    _refused(document, "'targets'", "'kind'")
    assert not Agenda.objects.exists() and not Item.objects.exists()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"format": "other"}', "not a Koers document"),
        ('{"format": "koers", "version": 7}', "version 7"),
        (
            '{"format": "koers", "version": 1, "entities": [{"name": "spells", "rows": []}]}',
            "unknown entity",
        ),
        (
            '{"format": "koers", "version": 1, "entities": [{"name": "items", "rows": {}}]}',
            "must be a list",
        ),
        (
            '{"format": "koers", "version": 1, "entities": [{"name": "sources", "rows": [1]}]}',
            "must be an object",
        ),
    ],
)
def test_a_malformed_document_is_refused(raw: str, message: str) -> None:
    with pytest.raises(KoersImportError, match=message):
        service.import_document(raw)
    assert service.is_empty()
