"""The live Eurostat client against a local HTTP server that plays recorded responses.

No test reaches Eurostat: the server (http.server in a thread) answers with
the real responses of the reference collection, Eurostat's deferred-answer
footer, errors and silence, on the paths Eurostat's API uses.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from koers.cli.main import main
from koers.indicators.models import Indicator, Observation
from koers.sources.eurostat_api import (
    EurostatError,
    LiveApi,
    open_feed_table,
    open_table,
    record_table,
    recording_name,
)
from koers.sources.eurostat_import import import_eurostat
from koers.sources.eurostat_sdmx import DeferredDataError
from koers.sources.tables import TableValue
from koers.testing import reference_dir

GERD = "eurostat/AAlmeidaM_extremaduraendatos/tests/fixtures/eurostat_rd_e_gerdreg.json"
NOT_FOUND = {"error": [{"status": 404, "id": 100, "label": "Dataset nope does not exist"}]}


class Eurostat(BaseHTTPRequestHandler):
    """Eurostat's two APIs as far as the tests need them."""

    requests: list[str]
    routes: dict[str, tuple[int, bytes]]

    def do_GET(self) -> None:
        self.requests.append(self.path)
        path = self.path.split("?", 1)[0]
        if path.endswith("/slow"):
            time.sleep(2)
        status, body = self.routes.get(path, (404, json.dumps(NOT_FOUND).encode()))
        try:
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the timeout test)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output clean


@pytest.fixture
def eurostat() -> Iterator[tuple[LiveApi, list[str]]]:
    base = reference_dir()
    footer = (base / "sdmx/ESTAT/footer.xml").read_bytes()
    routes = {
        "/statistics/1.0/data/rd_e_gerdreg": (200, (base / GERD).read_bytes()),
        "/statistics/1.0/data/garbled": (200, b"<html>maintenance</html>"),
        "/sdmx/2.1/data/nama_10_gdp/A.CP_MEUR.B1GQ.LU": (
            200,
            (base / "sdmx/ESTAT/NAMA_10_GDP-ss.xml").read_bytes(),
        ),
        "/sdmx/2.1/data/apro_mk_pobta/all": (200, footer),
        "/sdmx/2.1/data/apro_mk_pobta/A..": (413, footer),
    }
    requests: list[str] = []
    handler = type("Handler", (Eurostat,), {"requests": requests, "routes": routes})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LiveApi.at(f"http://127.0.0.1:{server.server_port}"), requests
    finally:
        server.shutdown()
        server.server_close()


def plain(values: Iterator[TableValue]) -> list[TableValue]:
    # `where` names the URL or the file; everything else must be equal.
    return [replace(value, where="") for value in values]


FILTERS = {"geo": {"DE11", "ES43"}}


def test_a_live_table_asks_with_the_filters_and_reads_the_answer(
    eurostat: tuple[LiveApi, list[str]],
) -> None:
    api, requests = eurostat
    table = open_table("rd_e_gerdreg", filters=FILTERS, api=api)
    assert requests == ["/statistics/1.0/data/rd_e_gerdreg?format=JSON&lang=EN&geo=DE11&geo=ES43"]
    assert table.reference.endswith(requests[0])
    assert table.retrieved == dt.date.today()
    values = {(v.geography, v.period, v.dimensions["sectperf"]): v for v in table.values()}
    assert sorted(values) == [
        ("DE11", "2023", "BES"),
        ("DE11", "2023", "TOTAL"),
        ("ES43", "2022", "BES"),
        ("ES43", "2022", "TOTAL"),
        ("ES43", "2023", "BES"),
        ("ES43", "2023", "TOTAL"),
    ]
    assert (values["DE11", "2023", "BES"].value, values["DE11", "2023", "BES"].status) == (6.9, "b")
    assert values["DE11", "2023", "BES"].where.startswith(f"{table.reference}, record value[13]")


@pytest.mark.django_db
def test_a_recording_imports_to_the_same_observations_as_the_live_table(
    eurostat: tuple[LiveApi, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    api, _ = eurostat
    folder = tmp_path / "gerd"
    base = api.statistics.removesuffix("/statistics/1.0/data")
    command = ["record", "eurostat", "rd_e_gerdreg", "-o", str(folder), "--api", base]
    assert main([*command, "--filter", "geo=DE11,ES43"]) == 0
    assert f"recorded rd_e_gerdreg into {folder}" in capsys.readouterr().out
    assert (folder / "data.json").read_bytes() == (reference_dir() / GERD).read_bytes()
    index = json.loads((folder / "index.json").read_text())
    assert index["datasetId"] == "rd_e_gerdreg"
    assert index["source"] == f"{api.statistics}/rd_e_gerdreg?format=JSON&lang=EN&geo=DE11&geo=ES43"
    assert index["filters"] == {"geo": ["DE11", "ES43"]}
    assert index["files"] == [{"path": "data.json", "url": index["source"], "format": "jsonstat"}]
    live = open_table("rd_e_gerdreg", filters=FILTERS, api=api)
    recorded = open_table(folder, filters=FILTERS)
    assert (recorded.reference, recorded.retrieved) == (live.reference, live.retrieved)
    assert plain(recorded.values()) == plain(live.values())
    _, first = import_eurostat("rd_e_gerdreg", filters=FILTERS, api=api)
    _, second = import_eurostat(folder, filters=FILTERS)
    assert (first.stored.added, second.stored.added, second.stored.unchanged) == (6, 0, 6)
    assert Observation.objects.count() == 6
    assert Indicator.objects.get().code == "eurostat-rd_e_gerdreg-pc_gdp"


def test_a_feed_replays_its_recording_offline(
    eurostat: tuple[LiveApi, list[str]], tmp_path: Path
) -> None:
    api, requests = eurostat
    folder = tmp_path / recording_name("rd_e_gerdreg", FILTERS)
    assert folder.name == "rd_e_gerdreg__geo-DE11+ES43"
    record_table("rd_e_gerdreg", folder, filters=FILTERS, api=api)
    live = plain(open_feed_table("rd_e_gerdreg", filters=FILTERS, api=api).values())
    asked = len(requests)
    offline = plain(open_feed_table("rd_e_gerdreg", filters=FILTERS, offline=tmp_path).values())
    assert offline == live and len(offline) == 6
    assert len(requests) == asked  # offline asks nothing
    with pytest.raises(
        EurostatError, match=r"rd_e_gerdreg__geo-DE11: no recording of rd_e_gerdreg"
    ):
        open_feed_table("rd_e_gerdreg", filters={"geo": {"DE11"}}, offline=tmp_path)


def test_a_live_sdmx_query_reads_the_structure_specific_answer(
    eurostat: tuple[LiveApi, list[str]],
) -> None:
    api, requests = eurostat
    table = open_table("nama_10_gdp", sdmx_key="A.CP_MEUR.B1GQ.LU", api=api)
    assert requests == ["/sdmx/2.1/data/nama_10_gdp/A.CP_MEUR.B1GQ.LU"]
    assert [(v.measure, v.geography, v.period, v.value) for v in table.values()][:2] == [
        ("CP_MEUR", "LU", "2012", 46526.2),
        ("CP_MEUR", "LU", "2013", 49094.5),
    ]


def test_eurostats_deferred_answer_is_refused_naming_the_url_and_the_file_address(
    eurostat: tuple[LiveApi, list[str]],
) -> None:
    api, _ = eurostat
    address = "http://ec.europa.eu/eurostat/SDMX/diss-web/file/wHsvjs7hQCy7Dqf4"
    with pytest.raises(DeferredDataError) as deferred:
        open_table("apro_mk_pobta", sdmx_key="all", api=api)
    assert str(deferred.value).startswith(f"{api.sdmx}/apro_mk_pobta/all: Eurostat did not send")
    assert deferred.value.address == address
    with pytest.raises(EurostatError) as refused:
        open_table("apro_mk_pobta", sdmx_key="A..", api=api)
    message = str(refused.value)
    assert message.startswith(f"{api.sdmx}/apro_mk_pobta/A..: Eurostat answered HTTP 413")
    assert f"it will write them to {address}" in message


@pytest.mark.django_db
def test_an_http_error_names_the_url_and_eurostats_words_and_writes_nothing(
    eurostat: tuple[LiveApi, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    api, _ = eurostat
    with pytest.raises(EurostatError) as caught:
        import_eurostat("nope", filters={"geo": {"NL41"}}, api=api)
    assert str(caught.value) == (
        f"{api.statistics}/nope?format=JSON&lang=EN&geo=NL41: "
        "Eurostat answered HTTP 404 Not Found: Dataset nope does not exist"
    )
    base = api.statistics.removesuffix("/statistics/1.0/data")
    assert main(["import", "eurostat", "nope", "--api", base]) == 1
    err = capsys.readouterr().err
    assert "/nope?format=JSON&lang=EN: Eurostat answered HTTP 404" in err
    assert err.endswith("nothing was written\n")
    assert not Observation.objects.exists() and not Indicator.objects.exists()


def test_a_silent_server_times_out_with_the_url_named(
    eurostat: tuple[LiveApi, list[str]],
) -> None:
    api, _ = eurostat
    with pytest.raises(
        EurostatError, match=r"/slow\?format=JSON&lang=EN: no answer from Eurostat within 0.5 s"
    ):
        open_table("slow", api=api, timeout=0.5)


def test_an_answer_that_is_not_json_stat_is_refused(eurostat: tuple[LiveApi, list[str]]) -> None:
    api, _ = eurostat
    with pytest.raises(
        EurostatError, match=r"/garbled\?format=JSON&lang=EN: the answer is not JSON"
    ):
        open_table("garbled", api=api)


def test_an_unreachable_api_is_named_in_the_error() -> None:
    api = LiveApi.at("http://127.0.0.1:9")  # the discard port: nothing listens
    with pytest.raises(
        EurostatError,
        match=r"^http://127.0.0.1:9/statistics/1.0/data/x\?format=JSON&lang=EN: no answer",
    ):
        open_table("x", api=api, timeout=2)
