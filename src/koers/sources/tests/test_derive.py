"""Region sums and ratios: computed from their inputs, refused rather than short."""

from __future__ import annotations

import datetime as dt

import pytest

from koers.agendas.models import Geography, GeographyMembership, SourceDocument
from koers.indicators.models import Indicator, Observation
from koers.sources.derive import DerivationError, derive_all
from koers.sources.store import NewObservation, store_observations

pytestmark = pytest.mark.django_db


def _geo(code: str, level: str = "municipality") -> Geography:
    return Geography.objects.create(code=code, level=level, name_nl=code, name_en=code)


def _indicator(code: str, **extra: object) -> Indicator:
    return Indicator.objects.create(
        code=code,
        name_nl=code,
        name_en=code,
        unit="n",
        direction="increase",
        frequency="annual",
        **extra,
    )


@pytest.fixture
def region() -> Geography:
    """A region of three towns; town C merged into B at the start of 2021."""
    mre = _geo("MRE", "region")
    a, b, c = _geo("GM-A"), _geo("GM-B"), _geo("GM-C")
    GeographyMembership.objects.create(region=mre, member=a)
    GeographyMembership.objects.create(region=mre, member=b)
    GeographyMembership.objects.create(region=mre, member=c, valid_to=dt.date(2020, 12, 31))
    return mre


@pytest.fixture
def cbs() -> SourceDocument:
    return SourceDocument.objects.create(code="cbs", title="CBS")


def _store(source: SourceDocument, indicator: str, values: dict[tuple[str, str], float]) -> None:
    rows = [NewObservation(indicator, g, p, v) for (g, p), v in values.items()]
    store_observations(rows, source=source)


def _current(indicator: str, geography: str) -> dict[str, float]:
    rows = Observation.objects.current().filter(
        indicator__code=indicator, geography__code=geography
    )
    return {o.period: o.value for o in rows}


def test_a_region_is_the_sum_of_the_members_valid_in_each_year(
    region: Geography, cbs: SourceDocument
) -> None:
    _indicator("homes", additive=True)
    _store(
        cbs,
        "homes",
        {
            ("GM-A", "2020"): 10,
            ("GM-B", "2020"): 20,
            ("GM-C", "2020"): 5,
            ("GM-A", "2021"): 11,
            ("GM-B", "2021"): 27,
        },
    )
    result = derive_all()
    assert _current("homes", "MRE") == {"2020": 35.0, "2021": 38.0}
    assert result.refusals == []
    derived = Observation.objects.get(geography=region, period="2020")
    assert derived.derivation == "sum"
    assert derived.source == cbs
    assert derived.note_en == "Sum of the 3 members of MRE: GM-A, GM-B, GM-C."


def test_a_year_with_a_member_missing_is_refused_not_summed_short(
    region: Geography, cbs: SourceDocument
) -> None:
    _indicator("homes", additive=True)
    _store(cbs, "homes", {("GM-A", "2019"): 10, ("GM-B", "2019"): 20})
    result = derive_all()
    assert _current("homes", "MRE") == {}
    assert [str(r) for r in result.refusals] == ["homes MRE 2019: no value for GM-C (1 of 3)"]


def test_an_indicator_that_does_not_add_up_is_never_summed(
    region: Geography, cbs: SourceDocument
) -> None:
    _indicator("share")
    _store(cbs, "share", {("GM-A", "2021"): 10, ("GM-B", "2021"): 20})
    derive_all()
    assert _current("share", "MRE") == {}


def test_a_measured_region_value_wins_over_the_sum(region: Geography, cbs: SourceDocument) -> None:
    _indicator("homes", additive=True)
    _store(cbs, "homes", {("GM-A", "2021"): 11, ("GM-B", "2021"): 27, ("MRE", "2021"): 40})
    derive_all()
    assert _current("homes", "MRE") == {"2021": 40.0}


def test_a_changed_member_value_revises_the_sum_and_keeps_the_old_one(
    region: Geography, cbs: SourceDocument
) -> None:
    _indicator("homes", additive=True)
    _store(cbs, "homes", {("GM-A", "2021"): 11, ("GM-B", "2021"): 27})
    derive_all()
    _store(cbs, "homes", {("GM-B", "2021"): 30})
    result = derive_all()
    assert result.stored.revised == 1
    assert sorted(Observation.objects.filter(geography=region).values_list("value", flat=True)) == [
        38.0,
        41.0,
    ]


def test_a_ratio_is_computed_from_its_two_series_never_averaged(
    region: Geography, cbs: SourceDocument
) -> None:
    _indicator("gva", additive=True)
    _indicator("jobs", additive=True)
    _indicator(
        "productivity",
        derivation={
            "kind": "ratio",
            "numerator": "gva",
            "denominator": "jobs",
            "factor": 1000,
        },
    )
    _store(cbs, "gva", {("GM-A", "2021"): 10, ("GM-B", "2021"): 30})
    _store(cbs, "jobs", {("GM-A", "2021"): 1, ("GM-B", "2021"): 4})
    derive_all()
    assert _current("productivity", "GM-A") == {"2021": 10_000.0}
    # The region's ratio is 40 / 5, not the mean of 10,000 and 7,500.
    assert _current("productivity", "MRE") == {"2021": 8_000.0}


def test_a_share_divides_by_the_named_whole(cbs: SourceDocument) -> None:
    _geo("NL", "country")
    _geo("NL414", "nuts3")
    _indicator("gva-manufacturing")
    _indicator(
        "share-nl",
        derivation={
            "kind": "ratio",
            "numerator": "gva-manufacturing",
            "denominator": "gva-manufacturing",
            "denominator_geography": "NL",
            "factor": 100,
        },
    )
    _store(cbs, "gva-manufacturing", {("NL414", "2019"): 10349, ("NL", "2019"): 86468})
    derive_all()
    assert _current("share-nl", "NL414") == {"2019": pytest.approx(11.968589)}
    assert _current("share-nl", "NL") == {}


def test_a_zero_denominator_is_refused(cbs: SourceDocument) -> None:
    _geo("NL414", "nuts3")
    _indicator("a")
    _indicator("b")
    _indicator("r", derivation={"kind": "ratio", "numerator": "a", "denominator": "b"})
    _store(cbs, "a", {("NL414", "2019"): 1})
    _store(cbs, "b", {("NL414", "2019"): 0})
    assert [str(r) for r in derive_all().refusals] == ["r NL414 2019: b is zero"]


@pytest.mark.parametrize(
    ("derivation", "message"),
    [
        ({"kind": "mean"}, 'the only kind Koers computes is "ratio"'),
        ({"kind": "ratio", "numerator": "a"}, "denominator must name an indicator code"),
        ({"kind": "ratio", "numerator": "a", "denominator": "zz"}, "unknown indicator 'zz'"),
        ({"kind": "ratio", "numerator": "a", "denominator": "a", "factor": -1}, "factor must be"),
        ({"kind": "ratio", "numerator": "a", "denominator": "a", "per": 1}, "unknown key 'per'"),
    ],
)
def test_a_bad_derivation_names_the_indicator(derivation: dict[str, object], message: str) -> None:
    _indicator("a")
    _indicator("r", derivation=derivation)
    with pytest.raises(DerivationError, match=f"indicator r, derivation: .*{message}"):
        derive_all()


def test_derivations_in_a_cycle_are_refused() -> None:
    _indicator("x", derivation={"kind": "ratio", "numerator": "y", "denominator": "y"})
    _indicator("y", derivation={"kind": "ratio", "numerator": "x", "denominator": "x"})
    with pytest.raises(DerivationError, match="cycle: x -> y -> x"):
        derive_all()
