"""Refreshing feeds: new and revised values in, failures contained, nothing deleted."""

from __future__ import annotations

from pathlib import Path

import pytest

from koers.agendas.models import Geography, GeographyMembership, SourceDocument
from koers.indicators.models import Indicator, Observation
from koers.sources.feeds import FeedError, refresh_feeds
from koers.sources.models import Feed

pytestmark = pytest.mark.django_db

HEADER = "year,region_type,region_year_spec,region_id,region_level,value\n"


def _csv(folder: Path, name: str, rows: list[tuple[int, str, int, float]]) -> None:
    lines = [f"{y},NUTS,2010,{geo},{level},{v}\n" for y, geo, level, v in rows]
    (folder / name).write_text(HEADER + "".join(lines), encoding="utf-8")


def _indicator(code: str, **extra: object) -> Indicator:
    fields: dict[str, object] = {"unit": "n", "direction": "increase", "frequency": "annual"}
    return Indicator.objects.create(code=code, name_nl=code, name_en=code, **(fields | extra))


def _feed(name: str, indicator: Indicator, file: str, **extra: object) -> Feed:
    source = SourceDocument.objects.get_or_create(code=f"src-{name}", title=name)[0]
    return Feed.objects.create(
        name=name,
        indicator=indicator,
        connector="file",
        table=file,
        options={"format": "eurostat-long-csv", **extra.pop("options", {})},  # type: ignore[dict-item]
        source=source,
        **extra,
    )


def _values(indicator: str, geography: str) -> dict[str, float]:
    rows = Observation.objects.current().filter(
        indicator__code=indicator, geography__code=geography
    )
    return {o.period: o.value for o in rows}


@pytest.fixture
def places() -> None:
    for code, level in (("NL41", "nuts2"), ("NL414", "nuts3"), ("DE21", "nuts2")):
        Geography.objects.create(code=code, level=level, name_nl=code, name_en=code)


def test_a_refresh_stores_new_values_and_a_changed_one_as_a_revision(
    tmp_path: Path, places: None
) -> None:
    patents = _indicator("patents")
    _feed("patents", patents, "patents.csv", geographies={"NL41": "NL41"})
    _csv(tmp_path, "patents.csv", [(2011, "NL41", 2, 1631.32), (2012, "NL41", 2, 1221.93)])
    first = refresh_feeds(offline=tmp_path)
    assert (first.outcomes[0].stored.added, first.failed) == (2, [])
    _csv(tmp_path, "patents.csv", [(2011, "NL41", 2, 1631.32), (2012, "NL41", 2, 1250.0)])
    second = refresh_feeds(offline=tmp_path)
    stored = second.outcomes[0].stored
    assert (stored.added, stored.revised, stored.unchanged) == (0, 1, 1)
    assert _values("patents", "NL41") == {"2011": 1631.32, "2012": 1250.0}
    history = Observation.objects.filter(period="2012").order_by("recorded_at")
    assert [(o.value, o.revised) for o in history] == [(1221.93, False), (1250.0, True)]


def test_a_failing_feed_keeps_its_last_good_values_and_the_others_go_on(
    tmp_path: Path, places: None
) -> None:
    patents, jobs = _indicator("patents"), _indicator("jobs")
    broken = _feed("a-patents", patents, "patents.csv", geographies={"NL41": "NL41"})
    _feed("b-jobs", jobs, "jobs.csv", geographies={"NL41": "NL41"})
    _csv(tmp_path, "patents.csv", [(2011, "NL41", 2, 1631.32)])
    _csv(tmp_path, "jobs.csv", [(2011, "NL41", 2, 10)])
    refresh_feeds(offline=tmp_path)
    # The file comes back half-written: a good row, then one that is not a number.
    (tmp_path / "patents.csv").write_text(
        HEADER + "2012,NUTS,2010,NL41,2,1221.93\n2013,NUTS,2010,NL41,2,n/a\n", encoding="utf-8"
    )
    _csv(tmp_path, "jobs.csv", [(2011, "NL41", 2, 10), (2012, "NL41", 2, 11)])
    result = refresh_feeds(offline=tmp_path)
    assert [o.feed for o in result.failed] == ["a-patents"]
    assert "line 3" in result.failed[0].message
    assert _values("patents", "NL41") == {"2011": 1631.32}  # 2012 was not half-written
    assert _values("jobs", "NL41") == {"2011": 10.0, "2012": 11.0}
    broken.refresh_from_db()
    assert broken.last_outcome == "failed"
    assert "not a number" in broken.last_message


def test_a_missing_file_fails_the_feed_not_the_refresh(tmp_path: Path, places: None) -> None:
    _feed("gone", _indicator("patents"), "gone.csv", geographies={"NL41": "NL41"})
    result = refresh_feeds(offline=tmp_path)
    assert [o.feed for o in result.failed] == ["gone"]
    with pytest.raises(FeedError, match=r"feed gone: .*gone\.csv"):
        refresh_feeds(offline=tmp_path, strict=True)


def test_a_ranked_feed_stores_the_rank_among_every_geography_of_the_period(
    tmp_path: Path, places: None
) -> None:
    rank = _indicator("patent-rank", direction="decrease")
    _feed(
        "rank",
        rank,
        "patents.csv",
        geographies={"NL41": "NL41"},
        filters={"region_level": "2"},
        options={"rank": {"order": "descending"}},
    )
    _csv(
        tmp_path,
        "patents.csv",
        [
            (2012, "FR10", 2, 2359.57),
            (2012, "DE21", 2, 2056.32),
            (2012, "NL41", 2, 1221.93),
            (2012, "NL", 0, 3000.0),  # a country does not compete with regions
            (2013, "NL41", 2, 1.0),
        ],
    )
    refresh_feeds(offline=tmp_path)
    assert _values("patent-rank", "NL41") == {"2012": 3.0, "2013": 1.0}
    assert Observation.objects.get(period="2012").note_en == "Rank 3 of 3 (value 1221.93)."


def test_periods_bound_what_a_feed_stores(tmp_path: Path, places: None) -> None:
    _feed(
        "recent",
        _indicator("patents"),
        "patents.csv",
        geographies={"NL41": "NL41"},
        options={"periods": {"from": "2012", "to": "2013"}},
    )
    _csv(tmp_path, "patents.csv", [(y, "NL41", 2, y) for y in (2011, 2012, 2013, 2014)])
    refresh_feeds(offline=tmp_path)
    assert _values("patents", "NL41") == {"2012": 2012.0, "2013": 2013.0}


def test_every_code_kept_as_it_is_stores_only_the_geographies_koers_knows(
    tmp_path: Path, places: None
) -> None:
    _feed("all", _indicator("patents"), "patents.csv", geographies={"*": "*"})
    _csv(tmp_path, "patents.csv", [(2012, "NL41", 2, 1.0), (2012, "FR10", 2, 2.0)])
    refresh_feeds(offline=tmp_path)
    assert set(Observation.objects.values_list("geography__code", flat=True)) == {"NL41"}


def test_a_refresh_derives_the_region_sums_of_what_it_stored(tmp_path: Path, places: None) -> None:
    region = Geography.objects.create(code="MRE", level="region", name_nl="M", name_en="M")
    for code in ("GM1", "GM2"):
        member = Geography.objects.create(
            code=code, level="municipality", name_nl=code, name_en=code
        )
        GeographyMembership.objects.create(region=region, member=member)
    _feed("homes", _indicator("homes", additive=True), "homes.csv", geographies={"*": "*"})
    _csv(tmp_path, "homes.csv", [(2020, "GM1", 9, 10.0), (2020, "GM2", 9, 5.0)])
    result = refresh_feeds(offline=tmp_path)
    assert result.derived.stored.added == 1
    assert _values("homes", "MRE") == {"2020": 15.0}


def test_an_unknown_feed_name_or_connector_is_refused(tmp_path: Path, places: None) -> None:
    with pytest.raises(FeedError, match="no feed named 'nope'"):
        refresh_feeds(["nope"])
    feed = _feed("odd", _indicator("x"), "x.csv")
    Feed.objects.filter(pk=feed.pk).update(connector="statline-v9")
    result = refresh_feeds(offline=tmp_path)
    assert "connector 'statline-v9' is not available" in result.failed[0].message
