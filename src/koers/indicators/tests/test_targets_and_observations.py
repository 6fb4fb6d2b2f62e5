"""Targets agree with their kind; observations keep their revisions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from koers.indicators.models import Observation, Target
from koers.indicators.periods import PeriodError, parse_period
from koers.indicators.tests.factories import ObservationFactory, TargetFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": Target.Kind.SHARE, "target_value": 120.0}, "target_value"),
        ({"kind": Target.Kind.RANK, "target_value": 5.5}, "target_value"),
        ({"kind": Target.Kind.RANK, "target_value": 0.0}, "target_value"),
        ({"kind": Target.Kind.CHANGE}, "baseline_value"),
        ({"kind": Target.Kind.CUMULATIVE}, "baseline_value"),
        ({"baseline_period": "2020"}, "baseline_value"),
        ({"baseline_period": "2031", "baseline_value": 1.0}, "target_period"),
        ({"target_period": "20x0"}, "target_period"),
    ],
)
def test_a_target_whose_kind_and_values_disagree_is_rejected(
    changes: dict[str, object], field: str
) -> None:
    target = TargetFactory.build(**changes)
    with pytest.raises(ValidationError) as error:
        target.full_clean(exclude=["indicator", "geography", "source"])
    assert field in error.value.message_dict


def test_a_cumulative_count_must_grow_past_its_baseline() -> None:
    target = TargetFactory.build(cumulative=True, baseline_value=70000.0)
    with pytest.raises(ValidationError, match="grow past"):
        target.full_clean(exclude=["indicator", "geography", "source"])


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {
            "kind": Target.Kind.RANK,
            "target_value": 6.0,
            "baseline_period": "2021",
            "baseline_value": 10.0,
        },
        {"kind": Target.Kind.SHARE, "target_value": 25.0},
        {"cumulative": True},
        {"kind": Target.Kind.CHANGE, "baseline_period": "2021", "baseline_value": 138000.0},
    ],
)
def test_targets_that_agree_with_their_kind_are_accepted(changes: dict[str, object]) -> None:
    TargetFactory(**changes).full_clean()


def test_a_corrected_value_adds_a_row_and_the_earlier_one_stays_readable() -> None:
    first = ObservationFactory(value=100.0, provisional=True)
    ObservationFactory(
        indicator=first.indicator,
        geography=first.geography,
        value=104.0,
        revised=True,
        recorded_at=first.recorded_at + dt.timedelta(days=30),
    )
    rows = Observation.objects.filter(indicator=first.indicator)
    assert sorted(rows.values_list("value", flat=True)) == [100.0, 104.0]
    assert list(rows.current().values_list("value", "revised")) == [(104.0, True)]


def test_observation_periods_are_parsed() -> None:
    obs = ObservationFactory(period="2019-Q3")
    assert (obs.period_start, obs.period_end) == (dt.date(2019, 7, 1), dt.date(2019, 9, 30))


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("2019", dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
        ("2020-Q1", dt.date(2020, 1, 1), dt.date(2020, 3, 31)),
        ("2020-02", dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
        ("2019-07-01/2020-06-30", dt.date(2019, 7, 1), dt.date(2020, 6, 30)),
    ],
)
def test_period_labels(label: str, start: dt.date, end: dt.date) -> None:
    period = parse_period(label)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize("label", ["19", "2019-Q5", "2019-13", "2020-06-30/2019-07-01", ""])
def test_bad_period_labels_are_refused(label: str) -> None:
    with pytest.raises(PeriodError):
        parse_period(label)
