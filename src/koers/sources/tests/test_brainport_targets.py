"""Every Brainport target with its computed status, or the reason it has none.

The demo's statistics come from the recorded CBS and Eurostat files its feeds
read; a change there that moves a target shows up here as a changed row.
"""

from __future__ import annotations

import datetime as dt

import pytest

from koers.assessment import service as assessment
from koers.indicators.models import Target
from koers.sources import service

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
AS_OF = dt.date(2026, 12, 1)

# indicator, geography, item, figures measured at, status, reason
EXPECTED = {
    (
        "business-rd-share-nl",
        "MRE",
        "brainport2030/ambitie-1",
        "MRE",
        "target_achieved",
        "target_achieved",
    ),
    ("cwb-participants", "MRE", "bna/9a", "MRE", "not_available", "single_year"),
    (
        "de-run-remote-parking-capacity",
        "MRE",
        "bna/maatregelenpakket-de-run",
        "MRE",
        "not_available",
        "reported_no_data",
    ),
    (
        "extra-technical-graduates",
        "MRE",
        "brainport2030/talent-2",
        "MRE",
        "not_available",
        "reported_no_data",
    ),
    (
        "international-graduate-stay-rate",
        "MRE",
        "brainport2030/talent-5",
        "MRE",
        "not_available",
        "reported_no_data",
    ),
    (
        "labour-demand-reduction-productivity",
        "MRE",
        "brainport2030/talent-4",
        "MRE",
        "not_available",
        "reported_no_data",
    ),
    (
        "labour-productivity-rank",
        "NL",
        "brainport2030/ambitie-1",
        "NL",
        "not_available",
        "single_year",
    ),
    (
        "manufacturing-gva-share-nl",
        "MRE",
        "brainport2030/ambitie-1",
        "NL414",
        "target_achieved",
        "target_achieved",
    ),
    (
        "manufacturing-labour-productivity",
        "MRE",
        "brainport2030/talent-4",
        "NL414",
        "target_achieved",
        "target_achieved",
    ),
    (
        "manufacturing-value-added",
        "MRE",
        "brainport2030/ambitie-1",
        "NL414",
        "target_achieved",
        "target_achieved",
    ),
    (
        "new-build-homes",
        "GM0772",
        "brainport2030/multimodale-knoop-eindhoven",
        "GM0772",
        "on_path",
        "band",
    ),
    ("new-build-homes", "MRE", None, "MRE", "far_behind_path", "band"),
    ("new-build-homes", "MRE", "brainport2030/ambitie-3", "MRE", "far_behind_path", "band"),
    (
        "new-build-homes-hov4-corridor",
        "MRE",
        "brainport2030/hov4-de-run-htce",
        "MRE",
        "not_available",
        "reported_no_data",
    ),
    (
        "patent-applications-rank-europe",
        "NL41",
        "brainport2030/ambitie-1",
        "NL41",
        "target_achieved",
        "target_achieved",
    ),
    ("rd-intensity", "NL", "brainport2030/ambitie-1", "NL", "limited_progress", "band"),
    (
        "rif-brainport-participants-placed",
        "MRE",
        "bna/rif-duurzame-inzetbaarheid",
        "MRE",
        "not_available",
        "reported_no_data",
    ),
    (
        "student-housing-units",
        "MRE",
        "brainport2030/wlv-2",
        "MRE",
        "not_available",
        "reported_no_data",
    ),
    (
        "tech-ecosystem-rank",
        "MRE",
        "brainport2030/ambitie-1",
        "MRE",
        "not_available",
        "single_year",
    ),
    (
        "tech-it-jobs-filled",
        "MRE",
        "brainport2030/ambitie-2",
        "MRE",
        "not_available",
        "reported_no_data",
    ),
    (
        "tech-it-side-entrants",
        "MRE",
        "brainport2030/talent-1",
        "MRE",
        "not_available",
        "reported_no_data",
    ),
    (
        "tech-talent-retained",
        "MRE",
        "brainport2030/talent-3",
        "MRE",
        "not_available",
        "reported_no_data",
    ),
}


@pytest.fixture
def assessed() -> list[assessment.TargetAssessment]:
    service.load_demo()
    targets = Target.objects.select_related("indicator", "geography__proxy", "item__agenda")
    return [assessment.assess_target(t, as_of=AS_OF) for t in targets]


def _row(found: assessment.TargetAssessment) -> tuple[str, str, str | None, str, str, str]:
    target, result = found.target, found.result
    item = target.item.natural_key() if target.item else None
    return (
        target.indicator.code,
        target.geography.code,
        item,
        found.measured_at.code,
        result.status,
        result.explanation.reason,
    )


def test_every_brainport_target_has_a_status_or_a_stated_reason(
    assessed: list[assessment.TargetAssessment],
) -> None:
    assert {_row(found) for found in assessed} == EXPECTED
    assert len(assessed) == len(EXPECTED)


def test_every_computed_status_cites_its_sources_and_its_proxy(
    assessed: list[assessment.TargetAssessment],
) -> None:
    computed = [f for f in assessed if f.result.status != "not_available"]
    assert len(computed) == 9
    for found in computed:
        assert found.points and all(p.source for p in found.points), found.target
        if found.proxy is not None:
            assert found.result.explanation.notes[0].startswith(
                f"assessed on {found.proxy.stand_in.code} ("
            )


def test_the_mre_new_build_is_the_sum_of_its_municipalities_and_far_behind_the_path(
    assessed: list[assessment.TargetAssessment],
) -> None:
    found = next(
        f for f in assessed if f.target.item is not None and f.target.item.code == "ambitie-3"
    )
    assert {p.period: p.value for p in found.points} == {
        "2012": 2443,
        "2013": 3101,
        "2014": 2036,
        "2015": 1931,
        "2016": 2267,
        "2017": 2716,
        "2018": 3631,
        "2019": 4279,
        "2020": 3865,
        "2024": 3903,
    }
    assert all(p.derivation == "sum" for p in found.points)
    # 2024 counted, 2023 at the 2024 pace: 7,806 of the 15,500 the straight path asks by 2024.
    assert found.result.current is not None and found.result.current.value == 7806
