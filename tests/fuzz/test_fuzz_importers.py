"""Malformed files for every importer: each is refused with its declared error (naming
the file, row or field) or accepted; never another exception, never half-written."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.fuzz.conftest import CASES

from koers.indicators.models import Observation
from koers.sources import service
from koers.sources.dataset import DatasetError, load_dataset
from koers.sources.entities import ENTITIES
from koers.sources.jsonio import KoersImportError
from koers.sources.opensdg_format import OpenSdgFormatError
from koers.sources.tests.sample import build_sample

pytestmark = pytest.mark.django_db(transaction=False)

FAST = settings(
    max_examples=320,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["2019", "0000", "2015abc", "99999", "-1", "NL", "bna/1", "", "1e309"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
CELLS = st.text(max_size=12) | st.sampled_from(
    ["2015", "2015abc", "99999", "0000", "inf", "-Infinity", "NaN", "1e309", "", "1,5", "2014-15"]
)


def _row_counts() -> dict[str, int]:
    return {e.name: e.model._default_manager.count() for e in ENTITIES}


def _refused_or_whole(action: Callable[[], Any], refused: tuple[type[Exception], ...]) -> None:
    """`action` succeeds, or raises one of `refused` and leaves every table as it was."""
    before = _row_counts()
    try:
        action()
    except refused as exc:
        assert str(exc).strip(), "a refusal must say why"
        assert _row_counts() == before, f"half-written after: {exc}"


@pytest.fixture(scope="module")
def sample_document(django_db_setup: None, django_db_blocker: Any) -> dict[str, Any]:
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        build_sample()
        document: dict[str, Any] = json.loads(service.export_document())
        transaction.set_rollback(True)
    return document


@FAST
@given(data=st.data())
def test_json_documents_with_a_field_replaced(
    sample_document: dict[str, Any], data: st.DataObject
) -> None:
    document = json.loads(json.dumps(sample_document))
    sections = [e for e in document["entities"] if e["rows"]]
    section = data.draw(st.sampled_from(sections))
    row = data.draw(st.sampled_from(section["rows"]))
    field = data.draw(st.sampled_from([*row.keys(), "unknown_field"]))
    row[field] = data.draw(JSON_VALUES)
    text = json.dumps(document, allow_nan=True)
    CASES["json field"] += 1
    _refused_or_whole(
        lambda: service.import_document(text, origin="fuzz.json"), (KoersImportError,)
    )


@FAST
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_json_bytes(raw: bytes) -> None:
    CASES["json bytes"] += 1
    _refused_or_whole(lambda: service.import_document(raw, origin="fuzz.json"), (KoersImportError,))


@FAST
@given(
    rows=st.lists(st.tuples(CELLS, CELLS, CELLS), min_size=1, max_size=4),
    config=st.text(max_size=60),
)
def test_open_sdg_folders(rows: list[tuple[str, str, str]], config: str) -> None:
    CASES["opensdg"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "repo"
        (folder / "data").mkdir(parents=True)
        (folder / "indicator-config").mkdir()
        lines = [
            "Year,Series,Value",
            *(",".join(c.replace(",", ";").replace("\n", " ") for c in r) for r in rows),
        ]
        (folder / "data" / "indicator_1-1-1.csv").write_text("\n".join(lines), encoding="utf-8")
        (folder / "indicator-config" / "1-1-1.yml").write_text(config, encoding="utf-8")
        _refused_or_whole(lambda: service.import_opensdg(folder), (OpenSdgFormatError,))


@FAST
@given(
    text=st.text(max_size=300)
    | st.sampled_from(["a: &a [1]\nb: *a\n", "- [" * 50, "geographies: 5"])
)
def test_dataset_yaml(text: str) -> None:
    CASES["dataset yaml"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "fuzz.yaml").write_text(text, encoding="utf-8")
        _refused_or_whole(lambda: load_dataset(Path(tmp)), (DatasetError, KoersImportError))


@FAST
@given(rows=st.lists(st.lists(CELLS, min_size=1, max_size=6), min_size=0, max_size=4))
def test_sheet_uploads(rows: list[list[str]]) -> None:
    CASES["sheet"] += 1
    header = "indicator,geography,period,value,source,series"
    body = "\n".join(",".join(c.replace(",", ";").replace("\n", " ") for c in r) for r in rows)
    data = f"{header}\n{body}".encode()

    def upload() -> None:
        read = service.read_sheet("fuzz.csv", data)
        if not any(row.errors for row in read):
            service.commit_sheet("fuzz.csv", read)

    _refused_or_whole(upload, (service.SheetError,))


@FAST
@given(text=st.text(max_size=300), kind=st.sampled_from(["tsv", "csv", "json"]))
def test_eurostat_files(text: str, kind: str) -> None:
    CASES["eurostat file"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz.{kind}"
        path.write_text(text, encoding="utf-8")
        refused = (*service.CONNECTOR_ERRORS, OSError)
        _refused_or_whole(lambda: service.import_eurostat(path), refused)


@FAST
@given(text=st.text(max_size=300))
def test_cbs_csv_files(text: str) -> None:
    CASES["cbs csv"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.csv"
        path.write_text(text, encoding="utf-8")
        refused = (*service.CONNECTOR_ERRORS, OSError)
        _refused_or_whole(lambda: service.import_cbs(service.open_cbs_table(path)), refused)


def test_no_observation_was_left_behind() -> None:
    assert not Observation.objects.exists()
