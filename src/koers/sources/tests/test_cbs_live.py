"""The live v4 client, against a local server replaying recorded responses with paging."""

from __future__ import annotations

import socket
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest

from koers.indicators.models import Indicator, Observation
from koers.sources.cbs_codes import CbsError, Selection
from koers.sources.cbs_import import import_cbs
from koers.sources.cbs_odata import open_feed_table, open_recording, open_table, record_table
from koers.sources.tables import TableValue
from koers.sources.tests.cbs_fake_api import DATA, FakeApi, serve

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_cbs() -> Iterator[FakeApi]:
    with serve() as api:
        yield api


def _key(values: Iterable[TableValue]) -> list[tuple[object, ...]]:
    return sorted(
        (v.measure, v.geography, v.period, v.value, tuple(v.dimensions.items()), v.flags, v.status)
        for v in values
    )


def test_the_live_table_follows_every_next_link_and_reads_what_the_recording_holds(
    fake_cbs: FakeApi,
) -> None:
    live = open_table("81955NED", base_url=fake_cbs.base_url)
    assert _key(live.values()) == _key(open_table(DATA / "v4-81955NED").values())
    pages = [path for path in fake_cbs.requests if "/Observations" in path]
    # 18 cells, 4 per page: five pages, each asked for once.
    assert len(pages) == 5
    assert live.reference == f"{fake_cbs.base_url}/81955NED"


def test_opening_reads_the_metadata_and_the_values_come_a_page_at_a_time(fake_cbs: FakeApi) -> None:
    table = open_table("81955NED", base_url=fake_cbs.base_url)
    assert not any("/Observations" in path for path in fake_cbs.requests)
    values = table.values()
    first = [next(values) for _ in range(4)]
    assert [v.value for v in first] == [1228.0, 229.0, 1871.0, 150.0]
    assert sum("/Observations" in path for path in fake_cbs.requests) == 1


def test_measures_and_filters_are_sent_to_the_api(fake_cbs: FakeApi) -> None:
    selection = Selection.parse(["M001001"], ["RegioS=GM0772", "RegioS=GM0820"])
    table = open_table("81955NED", selection, base_url=fake_cbs.base_url)
    assert [(v.geography, v.period, v.value) for v in table.values()] == [
        ("GM0772", "2018", 1228.0),
        ("GM0772", "2019", 1871.0),
        ("GM0772", "2020", 1362.0),
        ("GM0820", "2018", 39.0),
        ("GM0820", "2019", 95.0),
        ("GM0820", "2020", 159.0),
    ]
    first = next(unquote(p) for p in fake_cbs.requests if "/Observations" in p)
    assert first == (
        "/odata/v1/CBS/81955NED/Observations?$filter=(Measure eq 'M001001') and "
        "(RegioS eq 'GM0772' or RegioS eq 'GM0820')"
    )


def test_an_unknown_filter_code_is_refused_before_any_observation_is_asked_for(
    fake_cbs: FakeApi,
) -> None:
    with pytest.raises(CbsError, match="dimension RegioS has no code 'GM9999'"):
        open_table("81955NED", Selection.parse([], ["RegioS=GM9999"]), base_url=fake_cbs.base_url)
    assert not any("/Observations" in path for path in fake_cbs.requests)


def test_an_http_error_names_the_url_and_writes_nothing(fake_cbs: FakeApi) -> None:
    fake_cbs.fail["Observations"] = 500
    table = open_table("81955NED", base_url=fake_cbs.base_url)
    with pytest.raises(CbsError) as failed:
        import_cbs(table)
    assert str(failed.value) == (
        f"{fake_cbs.base_url}/81955NED/Observations: HTTP 500 Internal Server Error: "
        '{"error": "Er is iets misgegaan"}'
    )
    assert not Observation.objects.exists()
    assert not Indicator.objects.exists()


def test_an_unknown_table_names_the_url(fake_cbs: FakeApi) -> None:
    with pytest.raises(CbsError, match=r"/odata/v1/CBS/81955ned/Properties: HTTP 404 Not Found"):
        open_table("81955ned", base_url=fake_cbs.base_url)


def test_a_network_failure_names_the_url() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/odata/v1/CBS"
    with pytest.raises(CbsError, match=rf"^{base}/81955NED/Properties: cannot connect \("):
        open_table("81955NED", base_url=base)


def test_an_api_that_does_not_answer_in_time_is_given_up_naming_the_url(fake_cbs: FakeApi) -> None:
    fake_cbs.stall.add("Dimensions")
    with pytest.raises(CbsError, match=r"/81955NED/Dimensions: no answer within 0.3 s"):
        open_table("81955NED", base_url=fake_cbs.base_url, timeout=0.3)


def test_a_recording_holds_every_response_as_returned_and_imports_as_the_live_table(
    fake_cbs: FakeApi, tmp_path: Path
) -> None:
    folder = tmp_path / "81955NED"
    recorded = record_table("81955NED", folder, base_url=fake_cbs.base_url)
    assert (recorded.files, recorded.pages, recorded.observations) == (6, 5, 17)
    assert (folder / "codes-RegioS.json").read_bytes() == (
        DATA / "v4-81955NED/codes-RegioS.json"
    ).read_bytes()
    live = import_cbs(open_table("81955NED", base_url=fake_cbs.base_url))
    replayed = import_cbs(open_recording(folder))
    assert live.stored.added == 17
    assert (replayed.stored.added, replayed.stored.revised, replayed.stored.unchanged) == (0, 0, 17)
    assert open_recording(folder).reference == f"{fake_cbs.base_url}/81955NED"


def test_a_failed_recording_leaves_no_folder_behind(fake_cbs: FakeApi, tmp_path: Path) -> None:
    fake_cbs.fail["Observations"] = 503
    with pytest.raises(CbsError, match="HTTP 503"):
        record_table("81955NED", tmp_path / "81955NED", base_url=fake_cbs.base_url)
    assert list(tmp_path.iterdir()) == []


def test_a_recording_never_overwrites_a_folder(fake_cbs: FakeApi, tmp_path: Path) -> None:
    (tmp_path / "81955NED").mkdir()
    (tmp_path / "81955NED" / "notes.txt").write_text("mine")
    with pytest.raises(CbsError, match="exists and is not empty"):
        record_table("81955NED", tmp_path / "81955NED", base_url=fake_cbs.base_url)
    assert (tmp_path / "81955NED" / "notes.txt").read_text() == "mine"


def test_a_feed_reads_the_same_values_live_and_from_its_recording(
    fake_cbs: FakeApi, tmp_path: Path
) -> None:
    selection = Selection.parse(["M001001"], ["RegioS=GM0772"])
    record_table("81955NED", tmp_path / "81955NED", selection, base_url=fake_cbs.base_url)
    live = open_feed_table("81955NED", selection, base_url=fake_cbs.base_url)
    offline = open_feed_table("81955NED", selection, recordings=tmp_path)
    assert _key(offline.values()) == _key(live.values())
    assert [v.value for v in offline.values()] == [1228.0, 1871.0, 1362.0]


def test_a_feed_refuses_a_recording_made_for_fewer_regions_than_it_asks_for(
    fake_cbs: FakeApi, tmp_path: Path
) -> None:
    record_table(
        "81955NED",
        tmp_path / "81955NED",
        Selection.parse([], ["RegioS=GM0772"]),
        base_url=fake_cbs.base_url,
    )
    with pytest.raises(
        CbsError, match=r"index.json, field 'filters': recorded for RegioS \['GM0772'\] only"
    ):
        open_feed_table("81955NED", Selection.parse([], ["RegioS=GM0794"]), recordings=tmp_path)
    with pytest.raises(CbsError, match=r"no recording of 80072ned \(koers record cbs 80072ned -o "):
        open_feed_table("80072ned", recordings=tmp_path)
