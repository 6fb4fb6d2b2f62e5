"""A ranked feed that keeps its peers: the panel of every competitor, one NUTS level,
no aggregates or extra-regio codes, only periods most regions report."""

from __future__ import annotations

from pathlib import Path

import pytest

from koers.sources.feeds import FeedError, refresh_feeds
from koers.sources.models import PanelValue
from koers.sources.tests.test_feeds import _csv, _feed, _indicator, _values, places

pytestmark = pytest.mark.django_db
__all__ = ["places"]

ROWS = [
    (2012, "FR10", 2, 9.0),
    (2012, "DE21", 2, 8.0),
    (2012, "NL41", 2, 7.0),
    (2012, "FRZZ", 2, 99.0),  # extra-regio: no region
    (2012, "EA19", 2, 50.0),  # an aggregate of countries
    (2012, "NL4", 1, 70.0),  # another level
    (2013, "NL41", 2, 1.0),  # one region reports: no peer comparison
]


def test_the_panel_keeps_the_competitors_and_the_rank_counts_only_them(
    tmp_path: Path, places: None
) -> None:
    _feed(
        "rank",
        _indicator("rd-rank", direction="decrease"),
        "rd.csv",
        geographies={"NL41": "NL41"},
        options={"rank": {"order": "descending", "level": "nuts2", "peers": 2, "top": 1}},
    )
    _csv(tmp_path, "rd.csv", ROWS)
    refresh_feeds(offline=tmp_path, strict=True)
    assert _values("rd-rank", "NL41") == {"2012": 3.0}
    panel = {(p.geography, p.period): p.value for p in PanelValue.objects.all()}
    assert panel == {("FR10", "2012"): 9.0, ("DE21", "2012"): 8.0, ("NL41", "2012"): 7.0}


def test_a_second_refresh_replaces_the_panel(tmp_path: Path, places: None) -> None:
    _feed(
        "rank",
        _indicator("rd-rank", direction="decrease"),
        "rd.csv",
        geographies={"NL41": "NL41"},
        options={"rank": {"order": "descending", "level": "nuts2", "peers": 2}},
    )
    _csv(tmp_path, "rd.csv", ROWS)
    refresh_feeds(offline=tmp_path, strict=True)
    _csv(tmp_path, "rd.csv", [(2012, "NL41", 2, 7.5), (2012, "DE21", 2, 8.0)])
    refresh_feeds(offline=tmp_path, strict=True)
    assert PanelValue.objects.count() == 2
    assert PanelValue.objects.get(geography="NL41").value == 7.5


def test_an_unknown_rank_option_or_level_is_refused(tmp_path: Path, places: None) -> None:
    _feed(
        "rank",
        _indicator("rd-rank"),
        "rd.csv",
        geographies={"NL41": "NL41"},
        options={"rank": {"order": "descending", "level": "nuts9"}},
    )
    _csv(tmp_path, "rd.csv", ROWS)
    with pytest.raises(FeedError, match="rank level must be one of"):
        refresh_feeds(offline=tmp_path, strict=True)
