"""The assessment explains itself in the page's language, on the site and in the report."""

from __future__ import annotations

import pytest
from django.test import Client

from koers.agendas.models import Agenda
from koers.assessment import service as assessment
from koers.assessment.phrases import NL, translate_note
from koers.reporting.render_html import render_html
from koers.reporting.report import build_report
from koers.reporting.tests.conftest import PERIOD
from koers.web.tests.conftest import text_of

pytestmark = pytest.mark.django_db

ENGLISH = (
    "Data points used",
    "Linear path for",
    "Note:",
    "per year",
    "progress value",
    "Mean score",
)


@pytest.mark.parametrize(
    "path",
    ["/indicatoren/proef-woningen/", "/indicatoren/proef-banen/", "/agenda/proefagenda/actie/4a/"],
)
def test_a_dutch_page_explains_in_dutch_without_an_english_island(
    client: Client, proefagenda: Agenda, path: str
) -> None:
    html = client.get(path).content.decode()
    assert ' lang="en"' not in html.replace(' lang="en">English', "")
    page = text_of(html)
    for english in ENGLISH:
        assert english not in page, f"{english!r} on {path}"


def test_the_indicator_page_explains_the_path_in_dutch_and_in_english(
    client: Client, proefagenda: Agenda
) -> None:
    dutch = text_of(client.get("/indicatoren/proef-woningen/").content)
    english = text_of(client.get("/en/indicatoren/proef-woningen/").content)
    assert "Lineair pad voor een cumulatief aantal: " in dutch and "Gebruikte gegevens:" in dutch
    assert "Linear path for a cumulative count: " in english and "Data points used:" in english


def test_the_dutch_report_explains_in_dutch(proefagenda: Agenda) -> None:
    report = build_report("proefagenda", *PERIOD, "nl")
    rows = [row for indicator in report.annex for row in indicator.assessments]
    assert rows and all(row.explanation_language == "nl" for row in rows)
    html = render_html(report)
    assert "Gebruikte gegevens:" in html and "Data points used" not in html
    english = render_html(build_report("proefagenda", *PERIOD, "en"))
    assert "Data points used:" in english and "Gebruikte gegevens" not in english


def test_every_note_of_every_target_has_a_dutch_sentence(proefagenda: Agenda) -> None:
    notes = [
        note
        for target in assessment.agenda_targets(proefagenda)
        for note in assessment.assess_target(target).result.explanation.notes
    ]
    assert notes  # the invented agenda has stale data and filled years
    assert [n for n in notes if translate_note(n, NL) == n] == []
