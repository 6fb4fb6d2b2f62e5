"""The report's annex draws an indicator's figures per municipality as the site does:
the tile map and the same numbers as a table, in HTML, PDF and Word."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from koers.indicators.models import Observation
from koers.readmodel.service import Language
from koers.reporting.outputs import report_bytes
from koers.reporting.render_html import render_html
from koers.reporting.report import build_report
from koers.reporting.tests.conftest import brainport, docx_text, pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.slow, pytest.mark.usefixtures("brainport")]
__all__ = ["brainport"]

PERIOD = (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def _eindhoven(year: str) -> float:
    return (
        Observation.objects.current()
        .get(indicator__code="new-build-homes", geography__code="GM0772", period=year, series="")
        .value
    )


@pytest.mark.parametrize(
    ("language", "heading", "summary"),
    [
        ("nl", "Per gemeente", "2020: 21 van 21 gemeenten hebben een cijfer."),
        ("en", "By municipality", "2020: 21 of 21 municipalities have a figure."),
    ],
)
def test_the_annex_has_the_map_and_its_table_as_known_at_the_period_end(
    language: Language, heading: str, summary: str
) -> None:
    report = build_report("brainport2030", *PERIOD, language)
    homes = next(a for a in report.annex if a.code == "new-build-homes")
    # The shipped CBS figures skip 2021-2023: by the end of 2023 the latest year is 2020
    # (the site, reading today, shows 2024).
    assert homes.municipal is not None and homes.municipal.period == "2020"
    html = render_html(report)
    section = html[html.index('id="annex-new-build-homes-h"') :]
    section = section[: section.index("</section>")]
    assert f">{heading}</h4>" in section and summary in section
    assert section.count('class="koers-tilemap"') == 1 and 'role="img"' in section
    # The same numbers on the map and in the table: Eindhoven's 2020 figure in both.
    eindhoven = next(f for f in homes.municipal.figures if f.code == "GM0772")
    assert eindhoven.value == _eindhoven("2020")
    svg = section[section.index("<svg") : section.index("</svg>")]
    table = section[section.index('<table class="municipalities">') :]
    assert eindhoven.value_text in svg
    assert re.search(rf"Eindhoven</th><td class=\"num\">{re.escape(eindhoven.value_text)}<", table)
    assert len(re.findall(r"<tr><th scope=\"row\">", table)) == 21


def test_the_pdf_and_the_word_annex_list_every_municipality(tmp_path: Path) -> None:
    report = build_report("brainport2030", *PERIOD, "nl")
    homes = next(a for a in report.annex if a.code == "new-build-homes")
    assert homes.municipal is not None
    pdf = pdf_text(report_bytes(report, "pdf"), tmp_path)
    word = docx_text(report_bytes(report, "docx"))
    for text in (pdf, word):
        assert "De cijfers per gemeente" in text
        for figure in homes.municipal.figures:
            assert figure.name in text
