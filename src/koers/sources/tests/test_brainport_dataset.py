"""The shipped Brainport dataset: it loads, and it keeps the promises a monitor needs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from koers.agendas.models import Agenda, BudgetLine, Item, Milestone, StatusUpdate
from koers.indicators.models import Observation, Target
from koers.sources import service
from koers.sources.dataset import BRAINPORT, DatasetError, load_dataset, read_dataset

pytestmark = pytest.mark.django_db

AGENDAS = {"bna", "regiodeal", "brainport2030", "htsm2020"}


@pytest.fixture
def loaded() -> None:
    service.load_demo()


def test_all_four_agendas_load(loaded: None) -> None:
    assert set(Agenda.objects.values_list("code", flat=True)) >= AGENDAS
    for agenda in Agenda.objects.all():
        assert agenda.items.exists(), f"agenda {agenda.code} has no items"


def test_every_fact_cites_its_source(loaded: None) -> None:
    for model in (Observation, Target, Milestone, BudgetLine, StatusUpdate):
        assert model._default_manager.exists(), model
        unsourced = model._default_manager.filter(source__isnull=True)
        assert not unsourced.exists(), f"{model.__name__} without source: {list(unsourced[:3])}"


def test_every_item_has_a_dutch_and_an_english_title(loaded: None) -> None:
    missing = [i.natural_key() for i in Item.objects.all() if not (i.title_nl and i.title_en)]
    assert missing == []


def test_the_dataset_passes_koers_check(loaded: None) -> None:
    from koers.sources.checks import run_checks

    assert run_checks() == []


def test_loading_twice_changes_nothing(loaded: None) -> None:
    before = service.export_document()
    assert service.load_demo().action == "unchanged"
    assert service.export_document() == before


def test_codes_are_unique_across_files() -> None:
    rows = read_dataset()
    for entity in ("sources", "organisations", "indicators", "geographies", "agendas"):
        codes = [row["code"] for row in rows.rows.get(entity, [])]
        assert len(codes) == len(set(codes)), entity
    items = [f"{row['agenda']}/{row['code']}" for row in rows.rows["items"]]
    assert len(items) == len(set(items))


@pytest.fixture
def broken_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "brainport"
    shutil.copytree(BRAINPORT, folder)
    return folder


def _edit(folder: Path, name: str, change: object) -> None:
    path = folder / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _first_item(data: dict[str, object]) -> dict[str, object]:
    return data["agendas"][0]["items"][0]  # type: ignore[index]


@pytest.mark.parametrize(
    ("name", "change", "expected"),
    [
        (
            "organisations.yaml",
            lambda d: d["organisations"][0].pop("kind"),
            ["organisations.yaml", "organisations[0]", "'kind'"],
        ),
        (
            "organisations.yaml",
            lambda d: d["organisations"][1].update(kind="guild"),
            ["organisations.yaml", "organisations[1]", "'kind'"],
        ),
        (
            "indicators.yaml",
            lambda d: d["indicators"][0].update(colour="red"),
            ["indicators.yaml", "indicators[0]", "unknown field 'colour'"],
        ),
        (
            "geographies.yaml",
            lambda d: d["geographies"].append(dict(d["geographies"][0])),
            ["geographies.yaml", "already defined"],
        ),
        (
            "htsm2020.yaml",
            lambda d: _first_item(d).update(level="galaxy"),
            ["htsm2020.yaml", "item", "'level'"],
        ),
        (
            "htsm2020.yaml",
            lambda d: _first_item(d).pop("title_en"),
            ["htsm2020.yaml", "'title_en'"],
        ),
    ],
)
def test_a_broken_copy_is_rejected_naming_file_and_entry(
    broken_copy: Path, name: str, change: object, expected: list[str]
) -> None:
    _edit(broken_copy, name, change)
    with pytest.raises((DatasetError, ValueError)) as error:
        load_dataset(broken_copy)
    for text in expected:
        assert text in str(error.value), str(error.value)
    assert service.is_empty()


def test_invalid_yaml_is_named(broken_copy: Path) -> None:
    (broken_copy / "sources.yaml").write_text("sources: [unclosed", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"sources\.yaml: not valid YAML"):
        load_dataset(broken_copy)


def test_a_second_value_for_the_same_period_is_rejected(broken_copy: Path) -> None:
    def duplicate(data: dict[str, list[dict[str, object]]]) -> None:
        data["observations"] = [
            {
                "indicator": "gdp",
                "geography": "NL414",
                "period": "1950",
                "value": v,
                "source": {"document": "seed-000", "section": "x"},
            }
            for v in (1.0, 2.0)
        ]

    _edit(broken_copy, "indicators.yaml", duplicate)
    with pytest.raises(DatasetError, match=r"already given in indicators\.yaml: observations"):
        load_dataset(broken_copy)
