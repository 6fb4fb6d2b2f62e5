"""Indicators with fewer than three figures get a tile, not a line: on the site and in
the report (HTML/PDF and Word)."""

from __future__ import annotations

import pytest
from django.test import Client

from koers.agendas.models import Agenda
from koers.charts import Chart, ChartSeries
from koers.reporting.report import build_report
from koers.reporting.tests.conftest import PERIOD
from koers.web.tests.conftest import text_of

pytestmark = pytest.mark.django_db


def test_a_chart_of_one_or_two_points_is_a_tile() -> None:
    two = Chart("t", series=(ChartSeries("a", ((2019, 1.0), (2020, 2.0))),))
    three = Chart("t", series=(ChartSeries("a", ((2018, 1.0), (2019, 1.0), (2020, 2.0))),))
    assert two.is_tile() and not three.is_tile() and not Chart("t").is_tile()


def test_the_indicator_page_shows_two_figures_as_tiles(client: Client, proefagenda: Agenda) -> None:
    html = client.get("/en/indicatoren/proef-woningen/").content.decode()
    assert 'class="koers-tiles"' in html and "koers-chart" not in html
    page = text_of(html)
    assert "Fewer than three figures" in page and "5,100" in page
    longer = client.get("/en/indicatoren/proef-banen/").content.decode()
    assert "<svg" in longer and 'class="koers-tiles"' not in longer


def test_the_report_shows_tiles_for_short_series_and_charts_for_long_ones(
    proefagenda: Agenda,
) -> None:
    report = build_report("proefagenda", *PERIOD, "en")
    charts = [c for p in report.pillars for c in p.charts] + [
        c for p in report.pillars for a in p.actions for c in a.charts
    ]
    assert any(c.tile for c in charts) and not all(c.tile for c in charts)
    for chart in charts:
        drawn = len(chart.chart.series[0].drawable())
        assert chart.tile == (drawn < 3) and (chart.svg == "") == chart.tile
