"""`koers check --plan`: the plan quality of the invented `proefagenda` as text and JSON, in
English and Dutch; an unknown agenda exits 2; plain `koers check` is unchanged."""

from __future__ import annotations

import json

import pytest

from koers.agendas.models import Agenda
from koers.cli.main import main
from koers.reporting.tests.conftest import proefagenda

pytestmark = pytest.mark.django_db
__all__ = ["proefagenda"]


def test_the_text_lists_the_score_per_agenda_and_pillar_and_the_gaps(
    proefagenda: Agenda, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--plan", "proefagenda"]) == 0  # gaps are reported, not failed
    out = capsys.readouterr().out.splitlines()
    assert out[:6] == [
        "Plan quality: Test National Action Agenda (proefagenda)",
        "  Score: 65.0% (13 of 20 checks passed)",
        "  Per pillar:",
        "    T Talent: 66.7% (4 of 6 checks passed)",
        "    K Knowledge, innovation and enterprise: 75.0% (6 of 8 checks passed)",
        "    V Business climate: 50.0% (3 of 6 checks passed)",
    ]
    assert out[6] == "  Gaps by item (7):"
    assert (
        "    6 Developing the station area: Milestones (Cooperation agreement signed): "
        "The milestone has no planned date."
    ) in out


def test_json_gives_the_figures_and_every_gap(
    proefagenda: Agenda, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--plan", "proefagenda", "--format", "json"]) == 0
    (agenda,) = json.loads(capsys.readouterr().out)["agendas"]
    assert (agenda["passed"], agenda["applicable"], agenda["score"]) == (13, 20, 65.0)
    assert [(p["pillar"], p["score"]) for p in agenda["pillars"]] == [
        ("T", 66.7),
        ("K", 75.0),
        ("V", 50.0),
    ]
    owner = next(c for c in agenda["checks"] if c["check"] == "owner")
    assert (owner["passed"], owner["applicable"]) == (5, 11)
    assert len(agenda["gaps"]) == 7
    assert agenda["gaps"][0] == {
        "item": "2a",
        "title": "Learning and work service points",
        "pillar": "T",
        "check": "owner",
        "concerns": None,
        "missing": "No coordinator or lead is named.",
    }


def test_without_an_agenda_every_agenda_is_listed(
    proefagenda: Agenda, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--plan", "--format", "json"]) == 0
    codes = [a["agenda"] for a in json.loads(capsys.readouterr().out)["agendas"]]
    assert codes == list(Agenda.objects.order_by("start", "code").values_list("code", flat=True))
    assert "proefagenda" in codes


def test_an_unknown_agenda_exits_2_naming_the_known_ones(
    proefagenda: Agenda, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--plan", "nope"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no agenda with code 'nope'" in captured.err and "proefagenda" in captured.err


def test_the_dutch_output(proefagenda: Agenda, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--plan", "proefagenda", "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Plankwaliteit: Proefagenda Nationale Actie (proefagenda)\n")
    assert "  Score: 65,0% (13 van 20 toetsen gehaald)\n  Per pijler:\n" in out
    assert "    V Vestigingsklimaat: 50,0% (3 van 6 toetsen gehaald)" in out
    assert "Mijlpalen (Samenwerkingsovereenkomst getekend): De mijlpaal heeft geen geplande" in out
    for english in ("checks passed", "Per pillar", "Gaps by item", "No coordinator", "Owner"):
        assert english not in out


def test_plain_check_is_unchanged_and_refuses_the_plan_options(
    proefagenda: Agenda, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check"])
    assert "Plan quality" not in capsys.readouterr().out
    assert main(["check", "--format", "json"]) == 2
    assert "--format and --lang go with --plan" in capsys.readouterr().err
