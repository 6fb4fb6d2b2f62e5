"""indicator_chart: the chart the report and the dashboard both draw for an indicator."""

from __future__ import annotations

import datetime as dt

import pytest

from koers.agendas.models import Agenda
from koers.assessment.service import assess_indicator
from koers.indicators.models import Indicator, Observation
from koers.readmodel.service import indicator_chart

pytestmark = pytest.mark.django_db


def test_a_target_chart_has_the_target_and_the_required_path(proefagenda: Agenda) -> None:
    homes = Indicator.objects.get(code="proef-woningen")
    chart = indicator_chart(assess_indicator(homes), "nl")
    assert chart.title == "Opgeleverde woningen"
    assert chart.unit == "woningen"
    assert chart.series[0].points == ((2019.0, 4300.0), (2020.0, 5100.0))
    assert chart.target is not None and (chart.target.year, chart.target.value) == (2030.0, 62000)
    assert chart.target.label == "Doel 2030"
    assert chart.required_path == ((2018.0, 0.0), (2030.0, 62000.0))
    assert chart.language == "nl"


def test_until_leaves_out_figures_not_known_by_then(proefagenda: Agenda) -> None:
    homes = Indicator.objects.get(code="proef-woningen")
    chart = indicator_chart(assess_indicator(homes), "en", until=dt.date(2020, 6, 30))
    assert chart.series[0].points == ((2019.0, 4300.0),)
    assert chart.target is not None and chart.target.label == "Target 2030"


def test_a_trend_chart_puts_the_region_first_and_flags_provisional_figures(
    proefagenda: Agenda,
) -> None:
    jobs = Indicator.objects.get(code="proef-banen")
    chart = indicator_chart(assess_indicator(jobs), "en")
    assert chart.series[0].label == "Test region"
    assert chart.series[0].role == "region"
    assert chart.series[0].flags[-1] == ("provisional",)
    # The national total is twenty times the region: on one axis it would flatten it.
    assert [s.label for s in chart.series] == ["Test region"]


def test_a_comparable_national_figure_is_drawn_as_comparison(proefagenda: Agenda) -> None:
    jobs = Indicator.objects.get(code="proef-banen")
    Observation.objects.filter(indicator=jobs, geography__code="PROEF-NL").update(value=470000)
    chart = indicator_chart(assess_indicator(jobs), "nl")
    assert [(s.label, s.role) for s in chart.series] == [
        ("Proefregio", "region"),
        ("Nederland", "comparison"),
    ]


def test_flows_counted_up_by_the_assessment_are_drawn_as_a_running_total(
    proefagenda: Agenda,
) -> None:
    homes = Indicator.objects.get(code="proef-woningen")
    homes.assessment_options = {"cumulate": True}
    homes.save()
    chart = indicator_chart(assess_indicator(homes), "nl")
    assert chart.series[0].label == "Proefregio (cumulatief vanaf 2018)"
    assert chart.series[0].points == ((2019.0, 4300.0), (2020.0, 9400.0))


def test_a_change_target_is_drawn_at_the_level_it_aims_for(proefagenda: Agenda) -> None:
    from koers.indicators.models import Target

    money = Indicator.objects.get(code="proef-investeringen")
    region = Observation.objects.filter(indicator=money).select_related("geography")[0].geography
    target = Target.objects.create(
        indicator=money,
        geography=region,
        kind=Target.Kind.CHANGE,
        baseline_period="2018",
        baseline_value=8.2,
        target_period="2025",
        target_value=50,
    )
    chart = indicator_chart(assess_indicator(money), "nl")
    assert chart.target is not None and chart.target.value == pytest.approx(12.3)
    assert chart.required_path is not None
    (start, finish) = chart.required_path
    assert start == (2018.0, 8.2)
    assert finish[0] == 2025.0 and finish[1] == pytest.approx(12.3)
    assert target.pk is not None
