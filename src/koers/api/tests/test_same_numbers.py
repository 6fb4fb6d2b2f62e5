"""The site, the report and the API give the same numbers for one indicator, period and
language: the latest figure, the status of its target and the rate still needed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from rest_framework.test import APIClient

from koers.agendas.models import Agenda
from koers.readmodel.service import format_rate, format_value
from koers.reporting.report import build_report
from koers.web.tests.conftest import text_of

pytestmark = pytest.mark.django_db
START, END = dt.date(2019, 7, 1), dt.date(2020, 6, 30)


def test_site_report_and_api_agree_on_the_ranking_indicator(proefagenda: Agenda) -> None:
    report = build_report("proefagenda", START, END, "en")
    figure = next(k for k in report.key_figures if k.indicator_code == "proef-positie")
    annex = next(a for a in report.annex if a.code == "proef-positie")
    assessed = annex.assessments[0]

    api = APIClient()
    rows = api.get(
        "/api/v1/observations?indicator=proef-positie&geography=PROEF-REG&periodTo=2020-06-30"
    ).json()["results"]
    latest = rows[-1]
    assessment = api.get("/api/v1/assessments?indicator=proef-positie").json()["results"][0]
    site = text_of(Client().get("/en/indicatoren/proef-positie/").content)

    # The latest figure: 7 in 2019, everywhere.
    assert (latest["period"], latest["value"]) == (figure.period, figure.value) == ("2019", 7.0)
    assert format_value(latest["value"], "rank", "en") == figure.value_text == "rank 7"
    assert "Test region (2019) 7" in site  # a tile: fewer than three figures
    # The target's status: on the required path.
    assert assessment["status"] == assessed.status.code == "on_path"
    assert assessed.status.label in site
    # The rate still needed, in the report's words and the site's.
    needed = format_rate(assessment["neededRate"], assessment["rateUnit"], "rank", "en")
    assert needed == assessed.needed_text == "−0.17 ranks per year"
    assert f"Still needed {needed}" in site
