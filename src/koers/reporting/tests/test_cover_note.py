"""The cover note: the six parts of the province's note, filled from the report's data."""

from __future__ import annotations

from pathlib import Path

import pytest

from koers.agendas.models import Agenda
from koers.reporting.cover_note import build_cover_note
from koers.reporting.render_pdf import render_cover_note_pdf
from koers.reporting.report import build_report
from koers.reporting.tests.conftest import PERIOD, pdf_text

pytestmark = pytest.mark.django_db


def test_the_note_has_the_six_parts_in_order(proefagenda: Agenda) -> None:
    note = build_cover_note(build_report("proefagenda", *PERIOD, "nl"))
    assert [s.heading for s in note.sections] == [
        "Onderwerp",
        "Aanleiding",
        "Bevoegdheid",
        "Kernboodschap",
        "Consequenties",
        "Vervolg",
        "Bijlage",
    ]
    assert note.subject == "Voortgangsrapportage Proefagenda Nationale Actie, juli 2019 – juni 2020"


def test_the_key_message_counts_the_actions_per_status(proefagenda: Agenda) -> None:
    report = build_report("proefagenda", *PERIOD, "en")
    key = build_cover_note(report).sections[3]
    assert key.paragraphs[0] == (
        f"Of the {len(report.all_actions())} actions, the owners report: "
        "6 on track, 1 attention needed, 2 delayed, 1 completed, 1 no update."
    )
    assert key.bullets[0].startswith("Talent: owners on track (most actions)")


def test_consequences_and_follow_up_come_from_money_agreements_and_outlook(
    proefagenda: Agenda,
) -> None:
    note = build_cover_note(build_report("proefagenda", *PERIOD, "nl"))
    consequences, follow_up = note.sections[4], note.sections[5]
    assert "EUR 1,51 mld" in consequences.paragraphs[0]
    assert any(b.startswith("Verlopen afspraak: De busverbinding") for b in consequences.bullets)
    assert "5 Opschalen publiek-private samenwerking: Derde ronde projecten starten." in (
        follow_up.bullets
    )
    assert any(b.startswith("Openstaande afspraak: De regio stelt") for b in follow_up.bullets)
    assert follow_up.closing == ("De partners rapporteren opnieuw over juli 2020 – juni 2021.",)


@pytest.mark.slow
def test_the_note_prints(proefagenda: Agenda, tmp_path: Path) -> None:
    note = build_cover_note(build_report("proefagenda", *PERIOD, "nl"))
    text = pdf_text(render_cover_note_pdf(note), tmp_path)
    for heading in ("Aanleiding", "Bevoegdheid", "Kernboodschap", "Consequenties", "Vervolg"):
        assert heading in text
