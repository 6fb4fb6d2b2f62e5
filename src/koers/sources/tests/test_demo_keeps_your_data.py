"""`koers demo` (run by `make run` every time) never deletes what it did not load
(finding 1 of issue 14): a changed demo is reloaded only over its own untouched
rows; anything added or changed on top makes it refuse and explain."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from koers.agendas.models import Agenda, Organisation
from koers.cli.main import main
from koers.indicators.models import Indicator
from koers.sources import service
from koers.sources.models import DatasetLoad

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).resolve().parents[2] / "reporting" / "tests" / "fixtures" / "proefagenda"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A small demo dataset of our own, loaded once, in a folder the test may change."""
    folder = tmp_path / "demo"
    shutil.copytree(FIXTURE, folder)
    assert service.load_demo(folder, name="proef").action == "loaded"
    return folder


def _ship_a_new_version(folder: Path) -> None:
    path = folder / "proefagenda.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# a new version\n", encoding="utf-8")


def _add_an_indicator_of_our_own() -> None:
    Indicator.objects.create(
        code="eigen-indicator",
        name_nl="Eigen indicator",
        name_en="Own indicator",
        unit="count",
    )


def test_a_new_demo_version_is_refused_when_figures_were_added_on_top(demo: Path) -> None:
    _add_an_indicator_of_our_own()
    _ship_a_new_version(demo)
    with pytest.raises(service.DemoRefused, match="deletes only what it loaded itself"):
        service.load_demo(demo, name="proef")
    assert Indicator.objects.filter(code="eigen-indicator").exists()
    assert Agenda.objects.filter(code="proefagenda").exists()


def test_a_new_demo_version_is_refused_when_a_demo_row_was_edited(demo: Path) -> None:
    organisation = Organisation.objects.order_by("pk").first()
    assert organisation is not None
    Organisation.objects.filter(pk=organisation.pk).update(name_nl="Hernoemd")
    _ship_a_new_version(demo)
    with pytest.raises(service.DemoRefused):
        service.load_demo(demo, name="proef")
    assert Organisation.objects.get(pk=organisation.pk).name_nl == "Hernoemd"


def test_a_new_demo_version_over_untouched_demo_rows_is_reloaded(demo: Path) -> None:
    _ship_a_new_version(demo)
    assert service.load_demo(demo, name="proef").action == "reloaded"
    assert Agenda.objects.filter(code="proefagenda").count() == 1
    assert service.load_demo(demo, name="proef").action == "unchanged"


def test_data_of_another_origin_is_refused_not_raised_as_a_traceback(tmp_path: Path) -> None:
    _add_an_indicator_of_our_own()
    with pytest.raises(service.DemoRefused, match="did not come from the demo"):
        service.load_demo(FIXTURE, name="proef")


def test_reset_replaces_everything_with_the_demo(demo: Path) -> None:
    _add_an_indicator_of_our_own()
    assert service.reset_demo(demo, name="proef").action == "reset"
    assert not Indicator.objects.filter(code="eigen-indicator").exists()
    assert Agenda.objects.filter(code="proefagenda").count() == 1
    assert DatasetLoad.objects.filter(name="proef#rows").exists()


def test_demo_reset_without_a_terminal_or_yes_deletes_nothing(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_an_indicator_of_our_own()
    assert main(["demo", "--reset"]) == 1
    err = capsys.readouterr().err
    assert "add --yes" in err and "nothing was deleted" in err
    assert Indicator.objects.filter(code="eigen-indicator").exists()


def test_demo_reset_asks_and_a_no_deletes_nothing(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_an_indicator_of_our_own()
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    assert main(["demo", "--reset"]) == 1
    assert Indicator.objects.filter(code="eigen-indicator").exists()


def test_plain_demo_on_foreign_data_exits_1_with_the_reason(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The database holds the small demo, not the Brainport one: `koers demo` refuses.
    assert main(["demo"]) == 1
    assert "did not come from the demo dataset" in capsys.readouterr().err
    assert Agenda.objects.filter(code="proefagenda").exists()
