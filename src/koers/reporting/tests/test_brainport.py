"""The reports of the shipped Brainport dataset.

The BNA's second progress report (July 2019 - June 2020) is the model of this
app: every format in Dutch and English must name every pillar, every priority
action with its status, the key figures and the money, written the Dutch way.
The other shipped agendas are reported on as they are.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from koers.agendas.models import Agenda, StatusUpdate
from koers.readmodel.service import EmptyPeriodError, Language
from koers.reporting.outputs import report_bytes
from koers.reporting.render_html import render_html
from koers.reporting.report import build_report
from koers.reporting.tests.conftest import docx_text, pdf_pages_as_png, pdf_text
from koers.reporting.tests.test_formats import assert_complete

BNA_PERIOD = (dt.date(2019, 7, 1), dt.date(2020, 6, 30))

pytestmark = [pytest.mark.django_db, pytest.mark.slow, pytest.mark.usefixtures("brainport")]


@pytest.fixture
def bna() -> Agenda:
    agenda = Agenda.objects.get(code="bna")
    updates = StatusUpdate.objects.filter(item__agenda=agenda, period_end__range=BNA_PERIOD)
    assert updates.count() >= 10, "the BNA reports on every priority action"
    return agenda


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_bna_pdf_names_every_pillar_action_status_and_figure(
    bna: Agenda, language: Language, tmp_path: Path
) -> None:
    pdf = report_bytes(build_report("bna", *BNA_PERIOD, language), "pdf")
    assert_complete(pdf_text(pdf, tmp_path), bna, language, BNA_PERIOD)
    assert len(pdf_pages_as_png(pdf, tmp_path)) >= 10


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_bna_docx_names_every_pillar_action_status_and_figure(
    bna: Agenda, language: Language
) -> None:
    content = report_bytes(build_report("bna", *BNA_PERIOD, language), "docx")
    assert_complete(docx_text(content), bna, language, BNA_PERIOD)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_bna_html_is_complete(bna: Agenda, language: Language) -> None:
    from koers.reporting.tests.test_formats import visible_text

    html = render_html(build_report("bna", *BNA_PERIOD, language))
    assert_complete(visible_text(html), bna, language, BNA_PERIOD)


def test_the_bna_has_ten_priority_actions_reported(bna: Agenda) -> None:
    report = build_report("bna", *BNA_PERIOD, "nl")
    priority = [a for p in report.pillars for a in p.actions]
    assert len({a.code.rstrip("abcdefgh") for a in priority}) >= 10
    assert report.changes is not None or bna.start > dt.date(2018, 7, 1)


@pytest.mark.parametrize(
    ("code", "period"),
    [
        ("htsm2020", (dt.date(2017, 1, 1), dt.date(2020, 12, 31))),
        ("brainport2030", (dt.date(2023, 1, 1), dt.date(2023, 12, 31))),
    ],
)
def test_the_other_shipped_agendas_report_or_say_why_not(
    code: str, period: tuple[dt.date, dt.date]
) -> None:
    if not Agenda.objects.filter(code=code).exists():
        pytest.skip(f"{code} is not in the shipped dataset")
    try:
        report = build_report(code, *period, "nl")
    except EmptyPeriodError as exc:
        assert code in str(exc)
        return
    html = render_html(report)
    assert report.pillars and all(p.title in html for p in report.pillars)
