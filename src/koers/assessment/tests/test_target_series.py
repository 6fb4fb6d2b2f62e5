"""The series a target is assessed on: its proxy, carried over; flows counted without gaps."""

from __future__ import annotations

import datetime as dt

import pytest

from koers.agendas.tests.factories import GeographyFactory
from koers.assessment import service
from koers.indicators.models import Indicator, Target
from koers.indicators.tests.factories import IndicatorFactory, ObservationFactory, TargetFactory

pytestmark = pytest.mark.django_db
AS_OF = dt.date(2024, 6, 1)


def _observe(indicator: Indicator, geography: object, values: dict[str, float]) -> None:
    for period, value in values.items():
        ObservationFactory(indicator=indicator, geography=geography, period=period, value=value)


@pytest.fixture
def productivity() -> Target:
    """'+10 % from EUR 138,000 in 2019 to 151,800 by 2032' for a region with a proxy."""
    proxy = GeographyFactory(code="NL414", level="nuts3")
    region = GeographyFactory(code="MRE", level="region", proxy=proxy)
    indicator = IndicatorFactory()
    _observe(indicator, region, {"2019": 138_000})  # the one figure the agenda states
    _observe(indicator, proxy, {"2019": 155_000, "2021": 170_000, "2023": 212_000})
    return TargetFactory(
        indicator=indicator,
        geography=region,
        kind=Target.Kind.LEVEL,
        baseline_period="2019",
        baseline_value=138_000.0,
        target_period="2032",
        target_value=151_800.0,
    )


def test_a_target_without_enough_figures_of_its_own_is_assessed_on_its_proxy(
    productivity: Target,
) -> None:
    assessed = service.assess_target(productivity, as_of=AS_OF)
    assert assessed.measured_at.code == "NL414"
    assert assessed.proxy is not None
    # The ambition (+10 %) is carried over to the proxy's own 2019 level.
    assert assessed.proxy.target_level == pytest.approx(170_500)
    assert assessed.result.status == "target_achieved"
    assert assessed.result.explanation.notes[0] == (
        "assessed on NL414 (South-East North Brabant), the declared proxy for MRE; the target "
        "151800 from 138000 in 2019 is carried over to 170500 from the proxy's 155000"
    )


def test_a_share_is_carried_over_in_percentage_points() -> None:
    proxy = GeographyFactory(code="NL414", level="nuts3")
    region = GeographyFactory(code="MRE", level="region", proxy=proxy)
    share = IndicatorFactory(unit="%")
    _observe(share, proxy, {"2019": 12.0, "2023": 15.8})
    target = TargetFactory(
        indicator=share,
        geography=region,
        kind=Target.Kind.SHARE,
        baseline_period="2019",
        baseline_value=11.3,
        target_period="2030",
        target_value=15.0,
    )
    assessed = service.assess_target(target, as_of=AS_OF)
    assert assessed.proxy is not None
    assert assessed.proxy.target_level == pytest.approx(15.7)
    assert assessed.result.status == "target_achieved"


def test_own_figures_are_used_when_there_are_enough_of_them(productivity: Target) -> None:
    _observe(productivity.indicator, productivity.geography, {"2022": 150_000})
    assessed = service.assess_target(productivity, as_of=AS_OF)
    assert assessed.proxy is None
    assert assessed.measured_at.code == "MRE"


def test_a_proxy_without_a_figure_for_the_baseline_year_is_not_used(productivity: Target) -> None:
    productivity.baseline_period = "2018"
    productivity.save()
    assessed = service.assess_target(productivity, as_of=AS_OF)
    assert assessed.proxy is None
    assert assessed.result.explanation.reason == "single_year"


def test_a_count_is_never_carried_over_to_a_proxy() -> None:
    proxy = GeographyFactory(code="NL414", level="nuts3")
    region = GeographyFactory(code="MRE", level="region", proxy=proxy)
    homes = IndicatorFactory(assessment_options={"cumulate": True})
    _observe(homes, proxy, {"2023": 5000, "2024": 5000})
    target = TargetFactory(indicator=homes, geography=region, cumulative=True)
    assessed = service.assess_target(target, as_of=AS_OF)
    assert assessed.proxy is None
    assert assessed.result.explanation.reason == "no_data"


def test_a_year_without_a_figure_is_counted_at_the_observed_pace_not_as_zero() -> None:
    homes = IndicatorFactory(assessment_options={"cumulate": True})
    target = TargetFactory(
        indicator=homes,
        cumulative=True,
        baseline_period="2022",
        baseline_value=0.0,
        target_period="2030",
        target_value=62_000.0,
    )
    _observe(homes, target.geography, {"2020": 3865, "2024": 3903})
    assessed = service.assess_target(target, as_of=AS_OF)
    assert assessed.result.current is not None
    # 2023 has no figure yet: counted at 3,903 (the mean of the years since 2022), not 0.
    assert assessed.result.current.value == pytest.approx(7806)
    assert assessed.result.status == "far_behind_path"
    assert assessed.result.progress_value == pytest.approx(7806 / 15_500)
    assert (
        "no figure yet for 2023: counted at the mean of the 1 observed year(s) since the "
        "baseline (3903 a year), not as zero"
    ) in assessed.result.explanation.notes


def test_an_indicator_whose_figures_come_from_the_reporting_round_says_so() -> None:
    target = TargetFactory(indicator=IndicatorFactory(reported=True), cumulative=True)
    result = service.assess_target(target, as_of=AS_OF).result
    assert result.explanation.reason == "reported_no_data"
    assert "The figures come from the reporting round; none has been reported yet." in result.text
