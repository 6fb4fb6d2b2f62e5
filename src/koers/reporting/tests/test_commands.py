"""`koers report` writes the files, and says clearly what is wrong when it cannot."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from koers.agendas.models import Agenda
from koers.reporting.commands import report_command

pytestmark = pytest.mark.django_db

PERIOD_TEXT = "2019-07-01:2020-06-30"


def _run(*args: object, cover_note: bool = False) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = report_command(*args, cover_note=cover_note, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_it_writes_the_report_and_the_cover_note(proefagenda: Agenda, tmp_path: Path) -> None:
    target = tmp_path / "rapport.html"
    code, out, err = _run("proefagenda", PERIOD_TEXT, "html", "nl", target, cover_note=True)
    assert (code, err) == (0, "")
    note = tmp_path / "rapport-begeleidende-notitie.html"
    assert f"wrote {target}" in out and f"wrote {note}" in out
    assert "Voortgangsrapportage" in target.read_text(encoding="utf-8")
    assert "Kernboodschap" in note.read_text(encoding="utf-8")


@pytest.mark.slow
def test_it_writes_docx(proefagenda: Agenda, tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    code, _, _ = _run("proefagenda", PERIOD_TEXT, "docx", "en", target, cover_note=True)
    assert code == 0
    assert target.read_bytes()[:2] == b"PK"
    assert (tmp_path / "report-cover-note.docx").read_bytes()[:2] == b"PK"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("proefagenda", "2019-07-01/2020-06-30", "pdf", "nl"), 2, "write START:END"),
        (("proefagenda", "2020-06-30:2019-07-01", "pdf", "nl"), 2, "ends before it starts"),
        (("proefagenda", PERIOD_TEXT, "odt", "nl"), 2, "unknown format 'odt'"),
        (("proefagenda", PERIOD_TEXT, "pdf", "de"), 2, "unknown language 'de'"),
        (("nope", PERIOD_TEXT, "pdf", "nl"), 1, "no agenda with code 'nope'"),
        (("proefagenda", "2031-01-01:2031-12-31", "pdf", "nl"), 1, "nothing to report"),
    ],
)
def test_bad_input_gets_a_clear_message_and_writes_nothing(
    proefagenda: Agenda, tmp_path: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    target = tmp_path / "out.pdf"
    result, out, err = _run(*args, target)
    assert result == code
    assert err.startswith("koers report: ") and message in err
    assert out == "" and not target.exists()


def test_an_unwritable_path_is_reported(proefagenda: Agenda, tmp_path: Path) -> None:
    code, _, err = _run("proefagenda", PERIOD_TEXT, "html", "nl", tmp_path / "missing" / "r.html")
    assert code == 1 and "cannot write" in err
