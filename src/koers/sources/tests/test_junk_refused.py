"""Junk is refused with a message naming file, row and field; nothing is written
(finding 6 of issue 14): infinite numbers, duplicate keys, alias bombs, cycles in
trees, years that are not years, and an Open SDG folder without indicators."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from koers.agendas.models import Geography, Organisation, SourceDocument
from koers.sources import safe_yaml, service
from koers.sources.dataset import DatasetError, load_dataset
from koers.sources.jsonio import KoersImportError
from koers.sources.opensdg_format import OpenSdgFormatError
from koers.sources.tests.sample import build_sample

pytestmark = pytest.mark.django_db

BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{before}'] * 9)}]\n"
    for before, name in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.fixture
def document() -> dict[str, Any]:
    build_sample()
    data = json.loads(service.export_document())
    service.clear_all()
    return data


def _rows(document: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return next(e["rows"] for e in document["entities"] if e["name"] == name)


def _refused(text: str, *expected: str) -> None:
    with pytest.raises(KoersImportError) as error:
        service.import_document(text, origin="junk.json")
    for part in ("junk.json", *expected):
        assert part in str(error.value)
    assert service.is_empty(), "a refused import must leave nothing behind"


@pytest.mark.parametrize("constant", ["Infinity", "-Infinity", "NaN"])
def test_infinity_and_nan_are_refused(document: dict[str, Any], constant: str) -> None:
    # A value found nowhere else, replaced with its key (a bare "1.5" also turns up inside
    # the export's timestamps, as in 01:33:41.590455).
    _rows(document, "observations")[0]["value"] = 271828.182
    text = json.dumps(document).replace('"value": 271828.182', f'"value": {constant}', 1)
    assert constant in text
    _refused(text, f"{constant.lstrip('-')} is not a number")


def test_a_duplicate_key_is_refused(document: dict[str, Any]) -> None:
    text = json.dumps(document).replace('"format": "koers"', '"format": "koers", "format": "x"')
    _refused(text, "the key 'format' appears twice")


def test_json_nested_thousands_deep_is_refused_not_a_recursion_error() -> None:
    _refused('{"format": "koers", "entities": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested")


@pytest.mark.parametrize(
    ("entity", "field", "value", "message"),
    [
        ("milestones", "planned", 20190715, "20190715 is not a valid DateField value"),
        ("milestones", "planned", ["2019-07-15"], "is not a valid DateField value"),
        ("observations", "value", True, "True is true or false"),
        ("observations", "value", 10**400, "is not a valid FloatField value"),
        ("observations", "dimensions", [1], "must be an object"),
        ("observations", "period", "2015abc", "'2015abc' is not a period"),
        ("observations", "period", "99999", "'99999' is not a period"),
        ("observations", "period", "0000", "year 0 is out of range"),
    ],
)
def test_a_value_of_the_wrong_kind_is_named(
    document: dict[str, Any], entity: str, field: str, value: object, message: str
) -> None:
    _rows(document, entity)[0][field] = value
    _refused(json.dumps(document), f"'{entity}' row 1", message)


def test_a_missing_required_text_is_named_not_an_integrity_error(
    document: dict[str, Any],
) -> None:
    del _rows(document, "indicators")[0]["name_nl"]
    _refused(json.dumps(document), "'indicators' row 1", "'name_nl'")


def test_a_geography_that_is_its_own_parent_is_refused(document: dict[str, Any]) -> None:
    row = _rows(document, "geographies")[0]
    row["parent"] = row["code"]
    _refused(json.dumps(document), "'parent'", "cannot lie within itself")


def test_a_cycle_of_geographies_is_refused(document: dict[str, Any]) -> None:
    first, second = _rows(document, "geographies")[:2]
    first["parent"], second["parent"] = second["code"], first["code"]
    _refused(json.dumps(document), "'parent'", "cannot lie within itself")


def test_an_item_that_is_its_own_parent_is_refused(document: dict[str, Any]) -> None:
    row = _rows(document, "items")[0]
    row["parent"] = f"{row['agenda']}/{row['code']}"
    _refused(json.dumps(document), "'parent'", "cycle")


def test_a_loop_of_organisations_above_one_ends(document: dict[str, Any]) -> None:
    Organisation.objects.create(code="a", name_nl="A", name_en="A", kind="other")
    b = Organisation.objects.create(code="b", name_nl="B", name_en="B", kind="other")
    c = Organisation.objects.create(code="c", name_nl="C", name_en="C", kind="other")
    Organisation.objects.filter(pk=b.pk).update(parent=c)
    Organisation.objects.filter(pk=c.pk).update(parent=b)
    looped = Organisation.objects.get(pk=b.pk)
    below = Organisation(code="d", name_nl="D", name_en="D", kind="other", parent=looped)
    with pytest.raises(Exception, match="own ancestor"):
        below.clean()


def test_a_yaml_alias_bomb_is_refused_quickly() -> None:
    with pytest.raises(safe_yaml.YamlLimitError, match="alias bomb"):
        safe_yaml.load(BOMB)
    assert safe_yaml.load("x: &n {a: 1}\ny: *n") == {"x": {"a": 1}, "y": {"a": 1}}


def test_a_dataset_file_with_an_alias_bomb_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bomb.yaml").write_text(BOMB, encoding="utf-8")
    with pytest.raises(DatasetError, match=r"bomb\.yaml: not valid YAML: .*alias bomb"):
        load_dataset(tmp_path)
    assert service.is_empty()


def _opensdg(tmp_path: Path, csv: str, config: str = "reporting_status: complete\n") -> Path:
    folder = tmp_path / "repo"
    (folder / "data").mkdir(parents=True)
    (folder / "indicator-config").mkdir()
    (folder / "data" / "indicator_1-1-1.csv").write_text(csv, encoding="utf-8")
    (folder / "indicator-config" / "1-1-1.yml").write_text(config, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("year", "value", "message"),
    [
        ("2015abc", "1", "year '2015abc' is not a year"),
        ("99999", "1", "year '99999' is not a year"),
        ("2015", "inf", "'inf' is not a finite number"),
        ("2015", "-Infinity", "'-Infinity' is not a finite number"),
    ],
)
def test_open_sdg_junk_is_named_with_its_row(
    tmp_path: Path, year: str, value: str, message: str
) -> None:
    folder = _opensdg(tmp_path, f"Year,Value\n2014,1\n{year},{value}\n")
    with pytest.raises(OpenSdgFormatError) as error:
        service.import_opensdg(folder)
    assert message in str(error.value) and "indicator_1-1-1.csv" in str(error.value)
    assert service.is_empty()


def test_open_sdg_accepts_year_spans(tmp_path: Path) -> None:
    folder = _opensdg(tmp_path, "Year,Value\n2014-15,1\n2016/2017,2\n")
    assert service.import_opensdg(folder).counts["observations"] == 2


def test_open_sdg_config_with_an_alias_bomb_is_refused(tmp_path: Path) -> None:
    folder = _opensdg(tmp_path, "Year,Value\n2015,1\n", config=BOMB)
    with pytest.raises(OpenSdgFormatError, match="alias bomb"):
        service.import_opensdg(folder)


def test_an_empty_data_folder_records_no_source(tmp_path: Path) -> None:
    (tmp_path / "repo" / "data").mkdir(parents=True)
    with pytest.raises(OpenSdgFormatError, match="holds no indicator"):
        service.import_opensdg(tmp_path / "repo")
    assert not SourceDocument.objects.exists()
    assert not Geography.objects.exists()


def test_a_too_long_geography_is_named_before_the_database_sees_it(tmp_path: Path) -> None:
    folder = _opensdg(tmp_path, "Year,Value\n2015,1\n")
    with pytest.raises(OpenSdgFormatError, match="a geography code has 1 to 20 characters"):
        service.import_opensdg(folder, geography="X" * 300)


def test_a_too_long_geocode_is_named_at_its_row(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "indicator_1-1-1.csv").write_text(
        "Year,GeoCode,Value\n2015,NL,1\n2016," + "X" * 300 + ",2\n", encoding="utf-8"
    )
    with pytest.raises(OpenSdgFormatError, match=r"row 3.*GeoCode|GeoCode.*row 3") as caught:
        service.import_opensdg(folder)
    assert "a geography code has 1 to 20 characters" in str(caught.value)
    assert service.is_empty()
