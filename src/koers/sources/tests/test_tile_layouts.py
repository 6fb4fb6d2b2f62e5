"""A region's tile layout loads when every square is a member's own, and is refused,
naming the file, the geography and the field, with nothing written, when it is not."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from koers.agendas.models import Geography
from koers.agendas.tiles import not_on_the_map
from koers.sources import service
from koers.sources.dataset import BRAINPORT, DatasetError, load_dataset, read_dataset
from koers.sources.jsonio import KoersImportError, import_document

pytestmark = pytest.mark.django_db

MUNICIPALITIES = ["GM0001", "GM0002", "GM0003"]


def _write(folder: Path, layout: object) -> Path:
    geographies: list[dict[str, Any]] = [
        {"code": code, "level": "municipality", "name_nl": code, "name_en": code}
        for code in MUNICIPALITIES
    ]
    geographies.append(
        {
            "code": "REG",
            "level": "region",
            "name_nl": "Regio",
            "name_en": "Region",
            "members": MUNICIPALITIES,
            "tile_layout": layout,
        }
    )
    folder.mkdir(exist_ok=True)
    text = yaml.safe_dump({"geographies": geographies}, allow_unicode=True)
    (folder / "geographies.yaml").write_text(text, encoding="utf-8")
    return folder


def test_a_valid_layout_loads_and_a_member_without_a_square_is_allowed(tmp_path: Path) -> None:
    load_dataset(_write(tmp_path / "set", {"GM0001": [0, 0], "GM0002": [1, 0]}))
    region = Geography.objects.get(code="REG")
    assert region.tile_layout == {"GM0001": [0, 0], "GM0002": [1, 0]}
    assert not_on_the_map(region.tile_layout, MUNICIPALITIES) == ["GM0003"]


def test_the_brainport_region_has_a_square_for_each_of_its_21_municipalities() -> None:
    rows = read_dataset()
    mre = next(row for row in rows.rows["geographies"] if row["code"] == "MRE")
    members = [r["member"] for r in rows.rows["geography_memberships"] if r["region"] == "MRE"]
    assert len(members) == 21
    assert sorted(mre["tile_layout"]) == sorted(members)
    assert mre["tile_layout"]["GM0772"] == [3, 1]  # Eindhoven in the middle
    assert mre["tile_layout"]["GM0794"] == [5, 1]  # Helmond east of it


@pytest.mark.parametrize(
    ("layout", "reason"),
    [
        ({"GM0001": [0, 0], "GM0002": [0, 0]}, "GM0001 and GM0002 are both on square [0, 0]"),
        ({"GM0001": [0, 0], "GM9999": [1, 0]}, "GM9999 is not a member of the region"),
        ({"GM0001": [-1, 0]}, "GM0001 has [-1, 0]; a square is [column, row]"),
        ({"GM0001": [0]}, "GM0001 has [0]; a square is [column, row]"),
        ({"GM0001": [0, 1, 2]}, "GM0001 has [0, 1, 2]"),
        ({"GM0001": ["a", 0]}, "GM0001 has ['a', 0]"),
        ({"GM0001": [1.5, 0]}, "GM0001 has [1.5, 0]"),
        ({"GM0001": [True, 0]}, "GM0001 has [True, 0]"),
        ({"GM0001": "0,0"}, "GM0001 has '0,0'"),
        ([[0, 0]], "must be a mapping of member codes"),
    ],
)
def test_a_bad_layout_is_refused_naming_file_geography_and_field(
    tmp_path: Path, layout: object, reason: str
) -> None:
    with pytest.raises(DatasetError) as error:
        load_dataset(_write(tmp_path / "set", layout))
    message = str(error.value)
    assert message.startswith("geographies.yaml: geographies[3] (REG), field 'tile_layout': ")
    assert reason in message
    assert service.is_empty()


def test_two_brainport_municipalities_on_one_square_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "brainport"
    shutil.copytree(BRAINPORT, folder)
    path = folder / "geographies.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    mre = next(g for g in data["geographies"] if g["code"] == "MRE")
    mre["tile_layout"]["GM0794"] = [3, 1]  # Helmond onto Eindhoven's square
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DatasetError) as error:
        load_dataset(folder)
    assert "geographies.yaml: geographies[" in str(error.value)
    assert "(MRE), field 'tile_layout': GM0772 and GM0794 are both on square [3, 1]" in str(
        error.value
    )
    assert service.is_empty()


def _document(layout: object) -> str:
    geographies: list[dict[str, object]] = [
        {"code": code, "level": "municipality", "name_nl": code, "name_en": code}
        for code in MUNICIPALITIES
    ]
    geographies.append(
        {"code": "REG", "level": "region", "name_nl": "R", "name_en": "R", "tile_layout": layout}
    )
    memberships = [{"region": "REG", "member": code} for code in MUNICIPALITIES[:2]]
    entities = [
        {"name": "geographies", "rows": geographies},
        {"name": "geography_memberships", "rows": memberships},
    ]
    return json.dumps({"format": "koers", "version": 1, "entities": entities})


def test_a_json_import_refuses_a_square_for_a_non_member_and_writes_nothing() -> None:
    # GM0003 is a municipality, but not a member of REG in this document.
    with pytest.raises(KoersImportError) as error:
        import_document(_document({"GM0001": [0, 0], "GM0003": [1, 0]}), origin="export.json")
    assert str(error.value) == (
        "export.json: entity 'geographies' row 4 (REG), field 'tile_layout': "
        "GM0003 is not a member of the region"
    )
    assert service.is_empty()


def test_a_json_import_refuses_a_bad_square_naming_the_field() -> None:
    with pytest.raises(KoersImportError) as error:
        import_document(_document({"GM0001": [0, "x"]}), origin="export.json")
    assert "export.json: entity 'geographies' row 4 (REG), field 'tile_layout': " in str(
        error.value
    )
    assert "GM0001 has [0, 'x']" in str(error.value)
    assert service.is_empty()


def test_a_json_import_keeps_a_valid_layout() -> None:
    import_document(_document({"GM0001": [0, 0], "GM0002": [0, 1]}))
    assert Geography.objects.get(code="REG").tile_layout == {"GM0001": [0, 0], "GM0002": [0, 1]}
