"""Periods at the calendar's edge are refused with a 400 on the site and a message in
`koers report`, never an OverflowError (finding 3 of issue 14)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from django.test import Client

from koers.agendas.models import Agenda
from koers.reporting.commands import report_command
from koers.reporting.periods import PeriodFormatError, validate_period

pytestmark = [pytest.mark.django_db, pytest.mark.urls("koers.reporting.tests.urls")]

EDGES = [
    ("2019-07-01", "9999-12-31"),
    ("0001-01-01", "2019-12-31"),
    ("0001-01-01", "0001-12-31"),
    ("9999-01-01", "9999-12-31"),
    ("2020-06-30", "2019-07-01"),
]


@pytest.mark.parametrize(("start", "end"), EDGES)
def test_a_period_at_the_edge_of_the_calendar_is_a_400_that_says_why(
    client: Client, proefagenda: Agenda, start: str, end: str
) -> None:
    for fmt in ("html", "pdf", "docx"):
        response = client.get(f"/rapport/proefagenda/{start}/{end}.{fmt}?lang=en")
        assert response.status_code == 400
        page = response.content.decode()
        assert "Not a report period" in page
        note = client.get(f"/rapport/proefagenda/{start}/{end}/notitie.{fmt}?lang=nl")
        assert note.status_code == 400
        assert "Geen rapportageperiode" in note.content.decode()


@pytest.mark.parametrize(("start", "end"), EDGES)
def test_koers_report_refuses_a_period_at_the_edge_with_a_message(
    proefagenda: Agenda, tmp_path: Path, start: str, end: str
) -> None:
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "r.html"
    code = report_command("proefagenda", f"{start}:{end}", "html", "nl", target, False, out, err)
    assert code == 2
    assert err.getvalue().startswith("koers report: ")
    assert "outside the range of report periods" in err.getvalue() or "ends before" in (
        err.getvalue()
    )
    assert not target.exists()


def test_the_range_is_checked_in_one_place() -> None:
    validate_period(dt.date(1900, 1, 1), dt.date(2199, 12, 31))
    with pytest.raises(PeriodFormatError, match="1899-12-31 is outside"):
        validate_period(dt.date(1899, 12, 31), dt.date(2000, 1, 1))
    with pytest.raises(PeriodFormatError, match="ends before it starts"):
        validate_period(dt.date(2001, 1, 1), dt.date(2000, 1, 1))
