"""Noord-Brabant among Europe's technology regions, from the shipped Eurostat files."""

from __future__ import annotations

import pytest
from django.test import Client

from koers.reporting.tests.conftest import brainport
from koers.sources import service
from koers.web.tests.conftest import text_of

pytestmark = [pytest.mark.django_db, pytest.mark.slow, pytest.mark.usefixtures("brainport")]
__all__ = ["brainport"]


def _measures() -> dict[str, service.PeerMeasure]:
    return {m.rank_indicator.code: m for m in service.peer_measures("NL41")}


def test_six_measures_compare_noord_brabant_with_its_peers() -> None:
    assert sorted(_measures()) == [
        "gdp-per-capita-rank-europe",
        "patent-applications-per-capita-rank-europe",
        "patent-applications-rank-europe",
        "rd-intensity-business-rank-europe",
        "rd-intensity-rank-europe",
        "rd-personnel-business-rank-europe",
    ]


def test_the_ranks_of_the_latest_year_are_the_eurostat_ranks() -> None:
    latest = {code: m.latest() for code, m in _measures().items()}
    found = {code: (s.period, s.rank, s.of) for code, s in latest.items() if s}
    assert found == {
        "gdp-per-capita-rank-europe": ("2021", 25, 273),
        "patent-applications-per-capita-rank-europe": ("2012", 3, 290),
        "patent-applications-rank-europe": ("2012", 5, 315),
        "rd-intensity-business-rank-europe": ("2009", 32, 248),
        "rd-intensity-rank-europe": ("2012", 20, 206),
        "rd-personnel-business-rank-europe": ("2012", 7, 191),
    }
    rd = latest["rd-intensity-rank-europe"]
    assert rd is not None and (rd.value, rd.threshold) == (2.64, 3.28)


def test_the_stored_rank_is_the_rank_the_page_shows_and_the_target_reads() -> None:
    from koers.indicators.models import Observation

    for code, measure in _measures().items():
        stored = {
            o.period: o.value
            for o in Observation.objects.current().filter(
                indicator__code=code, geography__code="NL41"
            )
        }
        shown = {s.period: float(s.rank) for s in measure.standings()}
        assert shown and all(stored[p] == r for p, r in shown.items()), code


def test_the_peers_are_the_best_twenty_the_named_regions_and_noord_brabant() -> None:
    patents = _measures()["patent-applications-per-capita-rank-europe"]
    codes = patents.peer_codes()
    assert codes[:3] == ["AT34", "CH03", "NL41"]
    assert {"DE11", "DE21", "FR10", "DK01", "SE11", "FI1B", "UKH1"} <= set(codes)
    # 20 best (Noord-Brabant among them) and six named peers from further down
    assert len(codes) == 26
    assert set(codes[20:]) == {"FR10", "FR71", "BE24", "DK01", "DED2", "UKH1"}


@pytest.mark.parametrize(
    ("path", "words"),
    [
        (
            "/regios-vergeleken/",
            ("Regio's vergeleken", "In 2012 stond Noord-Brabant op plaats 3 van 290", "Oberbayern"),
        ),
        ("/en/regios-vergeleken/", ("Regions compared", "North Brabant ranked 3 of 290", "Upper")),
    ],
)
def test_the_page_states_the_rule_the_ranks_and_the_target(
    client: Client, path: str, words: tuple[str, ...]
) -> None:
    page = text_of(client.get(path).content)
    for word in words:
        assert word in page
