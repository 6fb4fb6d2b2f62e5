"""The download views send the file with its media type and name; an empty period is a 404."""

from __future__ import annotations

import io

import docx
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from koers.agendas.models import Agenda

pytestmark = [pytest.mark.django_db, pytest.mark.urls("koers.reporting.tests.urls")]


@pytest.mark.slow
def test_the_report_downloads_as_pdf(client: Client, proefagenda: Agenda) -> None:
    response = client.get("/rapport/proefagenda/2019-07-01/2020-06-30.pdf?lang=en")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'inline; filename="progress-report-proefagenda-2019-07-01-2020-06-30.pdf"'
    )
    assert response.content.startswith(b"%PDF-")


def test_the_url_reverses(proefagenda: Agenda) -> None:
    with translation.override("nl"):  # Dutch addresses have no language prefix
        url = reverse(
            "reporting:report",
            kwargs={"agenda": "bna", "start": "2019-07-01", "end": "2020-06-30", "fmt": "html"},
        )
    assert url == "/rapport/bna/2019-07-01/2020-06-30.html"


def test_the_html_report_is_dutch_by_default(client: Client, proefagenda: Agenda) -> None:
    response = client.get("/rapport/proefagenda/2019-07-01/2020-06-30.html")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert '<html lang="nl">' in response.content.decode()


def test_the_cover_note_downloads_as_word(client: Client, proefagenda: Agenda) -> None:
    response = client.get("/rapport/proefagenda/2019-07-01/2020-06-30/notitie.docx?lang=nl")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="begeleidende-notitie-proefagenda-2019-07-01-2020-06-30.docx"'
    )
    headings = [p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs]
    for heading in ("Aanleiding", "Bevoegdheid", "Kernboodschap", "Consequenties", "Vervolg"):
        assert heading in headings


def test_an_empty_period_is_a_404_that_says_why(client: Client, proefagenda: Agenda) -> None:
    response = client.get("/rapport/proefagenda/2031-01-01/2031-12-31.pdf?lang=nl")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Geen rapportage voor deze periode" in page
    assert "nothing to report" not in page  # no English island on a Dutch page
    english = client.get("/rapport/proefagenda/2031-01-01/2031-12-31.pdf?lang=en")
    assert "nothing to report for agenda &#x27;proefagenda&#x27;" in english.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/rapport/nope/2019-07-01/2020-06-30.pdf",
        "/rapport/proefagenda/2019-02-30/2020-06-30.pdf",
        "/rapport/proefagenda/2019-07-01/2020-06-30.odt",
    ],
)
def test_bad_addresses_are_404(client: Client, proefagenda: Agenda, url: str) -> None:
    assert client.get(url).status_code == 404
