"""`koers assess --format json --lang nl`: the explanations in Dutch, on the invented
agenda; an unknown language is refused before anything is assessed."""

from __future__ import annotations

import json

import pytest

from koers.agendas.models import Agenda
from koers.cli.main import main
from koers.web.tests.conftest import proefagenda

pytestmark = pytest.mark.django_db
__all__ = ["proefagenda"]


def _records(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    assert main(["assess", "--agenda", "proefagenda", "--format", "json", *args]) == 0
    records: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return records


def test_the_explanations_are_told_in_the_language_asked(
    proefagenda: Agenda, capsys: pytest.CaptureFixture[str]
) -> None:
    dutch = _records(capsys, "--lang", "nl")
    english = _records(capsys)
    assert len(dutch) == len(english) > 0
    for nl, en in zip(dutch, english, strict=True):
        assert nl["status"] == en["status"]  # the language changes the words only
        nl_text = nl["explanation"]["text"]  # type: ignore[index]
        en_text = en["explanation"]["text"]  # type: ignore[index]
        assert nl["explanation"]["language"] == "nl"  # type: ignore[index]
        assert en["explanation"]["language"] == "en"  # type: ignore[index]
        assert nl_text and en_text and nl_text != en_text
    told = " ".join(r["explanation"]["text"] for r in dutch)  # type: ignore[index]
    assert " het " in told or " de " in told
    assert " the " not in told


def test_an_unknown_language_is_refused(
    proefagenda: Agenda, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["assess", "--format", "json", "--lang", "fr"])
    assert exit_.value.code == 2
    assert "invalid choice: 'fr'" in capsys.readouterr().err
