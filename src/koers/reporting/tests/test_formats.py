"""Each format carries the same content: every pillar, every action with its status,
the key figures and the money, written the way the language writes numbers."""

from __future__ import annotations

import datetime as dt
import io
import re
from html import unescape
from pathlib import Path

import docx
import pytest

from koers.agendas.models import Agenda
from koers.readmodel.service import Language
from koers.reporting.render_docx import render_docx
from koers.reporting.render_html import render_html
from koers.reporting.render_pdf import render_pdf
from koers.reporting.report import build_report
from koers.reporting.tests.conftest import (
    PERIOD,
    docx_text,
    pdf_info,
    pdf_pages_as_png,
    pdf_text,
    squash,
)
from koers.reporting.tests.expected import (
    budget_amounts,
    key_figure_candidates,
    pillar_and_action_titles,
    status_labels,
)

pytestmark = pytest.mark.django_db


def assert_complete(
    text: str, agenda: Agenda, language: Language, period: tuple[dt.date, dt.date] = PERIOD
) -> None:
    """`text` (a whole rendered report) names everything the data says it must."""
    for title in pillar_and_action_titles(agenda, *period, language):
        assert _without_dashes(title) in _without_dashes(text), title
    for label in status_labels(agenda, *period, language):
        assert label in text, label
    for name, values in key_figure_candidates(agenda, period[1], language).items():
        assert squash(name) in text, name
        assert any(value in text for value in values), (name, values)
    for amount in budget_amounts(agenda, language):
        assert amount in text, amount


def _without_dashes(text: str) -> str:
    # pdftotext takes a hyphen at the end of a line for a word break and drops it
    # ("Eindhoven Central -|Eindhoven Airport"), so titles are compared without dashes.
    return squash(text.replace("-", " ").replace("‐", " "))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_html_is_complete_and_semantic(proefagenda: Agenda, language: Language) -> None:
    html = render_html(build_report("proefagenda", *PERIOD, language))
    assert f'<html lang="{language}">' in html
    assert html.count("<h1") == 1
    assert "<caption>" in html and '<th scope="col"' in html and '<th scope="row"' in html
    # inline SVG charts, each with its data table; one or two figures make a tile instead
    assert html.count('role="img"') >= 1 and html.count('class="tile"') >= 2
    assert_complete(visible_text(html), proefagenda, language)


def visible_text(html: str) -> str:
    """The text a reader sees: tags and chart drawings removed, entities decoded."""
    body = html.split("<body>", 1)[1]
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<svg.*?</svg>", " ", body, flags=re.S))
    return squash(unescape(text))


@pytest.mark.slow
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_pdf_is_complete_tagged_and_renders(
    proefagenda: Agenda, language: Language, tmp_path: Path
) -> None:
    report = build_report("proefagenda", *PERIOD, language)
    pdf = render_pdf(report)
    info = pdf_info(pdf, tmp_path)
    assert "Tagged:          yes" in info
    assert 'pdfuaid:part="1"' in info  # PDF/UA-1
    assert f"Title:           {report.title}" in info
    assert "Page size:       595.276 x 841.89 pts (A4)" in info
    text = pdf_text(pdf, tmp_path)
    assert_complete(text, proefagenda, language)
    assert len(pdf_pages_as_png(pdf, tmp_path)) >= 10


@pytest.mark.slow
def test_dutch_pdf_writes_dutch_numbers(proefagenda: Agenda, tmp_path: Path) -> None:
    text = pdf_text(render_pdf(build_report("proefagenda", *PERIOD, "nl")), tmp_path)
    assert "62.000 woningen in 2030" in text
    assert "EUR 10,7 mln" in text and "EUR 1,5 mld" in text and "EUR 250.000" in text
    assert "Kerncijfers" in text and "Bijlage: indicatoren, doelen en beoordeling" in text


@pytest.mark.slow
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_docx_is_complete_with_word_headings_tables_and_charts(
    proefagenda: Agenda, language: Language
) -> None:
    content = render_docx(build_report("proefagenda", *PERIOD, language))
    assert_complete(docx_text(content), proefagenda, language)
    document = docx.Document(io.BytesIO(content))
    styles = {p.style.name for p in document.paragraphs if p.style is not None}
    assert {"Title", "Heading 1", "Heading 2", "Heading 3"} <= styles
    assert len(document.inline_shapes) >= 1  # the charts; tiles stay tables
    assert document.core_properties.language == ("nl-NL" if language == "nl" else "en-GB")
    assert (
        "Proefagenda" in document.core_properties.title or "Test" in document.core_properties.title
    )
