"""A local stand-in for CBS's OData v4 API, serving a recording folder (tests only).

`http.server` in a thread answers `/odata/v1/CBS/<table>/<Endpoint>` with the
recorded file, byte for byte, and `/Observations` with the recorded observations,
filtered by `$filter` (`X eq 'c'` terms joined by `or` inside brackets, brackets
joined by `and`, as the connector writes them) and cut into pages of `page_size`
linked by `@odata.nextLink`, so paging and filtering are exercised as they are live.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

DATA = Path(__file__).with_name("data") / "cbs"
PREFIX = "/odata/v1/CBS/"
_TERM = re.compile(r"(\w+) eq '((?:[^']|'')*)'")


@dataclass
class FakeApi:
    """What the server serves and how it misbehaves; `requests` lists the paths asked for."""

    tables: dict[str, Path] = field(default_factory=dict)
    page_size: int = 4
    fail: dict[str, int] = field(default_factory=dict)  # endpoint -> HTTP status
    stall: set[str] = field(default_factory=set)  # endpoints that answer too late
    requests: list[str] = field(default_factory=list)
    base_url: str = ""

    def files(self, table: str) -> dict[str, str]:
        index = json.loads((self.tables[table] / "index.json").read_text(encoding="utf-8"))
        files: dict[str, str] = index["files"]
        return {_endpoint(key): name for key, name in files.items()}

    def observations(self, table: str) -> list[dict[str, Any]]:
        index = json.loads((self.tables[table] / "index.json").read_text(encoding="utf-8"))
        rows: list[dict[str, Any]] = []
        for name in index["observationPages"]:
            rows += json.loads((self.tables[table] / name).read_text(encoding="utf-8"))["value"]
        return rows


def _endpoint(key: str) -> str:
    names = {
        "properties": "Properties",
        "dimensions": "Dimensions",
        "measure-codes": "MeasureCodes",
    }
    return f"{key.removeprefix('codes-')}Codes" if key.startswith("codes-") else names[key]


def _matches(row: dict[str, Any], expression: str) -> bool:
    for group in expression.split(" and "):
        terms = _TERM.findall(group)
        if not any(str(row.get(name)) == code.replace("''", "'") for name, code in terms):
            return False
    return True


class _Handler(BaseHTTPRequestHandler):
    api: FakeApi

    def log_message(self, format: str, *args: Any) -> None:  # quiet in tests
        pass

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        self.api.requests.append(self.path)
        table, _, endpoint = url.path.removeprefix(PREFIX).partition("/")
        if endpoint in self.api.stall:
            time.sleep(2)
        if endpoint in self.api.fail:
            return self._send(self.api.fail[endpoint], b'{"error": "Er is iets misgegaan"}')
        if table not in self.api.tables:
            return self._send(404, b'{"error": "Dataset niet gevonden"}')
        if endpoint == "Observations":
            return self._observations(table, parse_qs(url.query))
        name = self.api.files(table).get(endpoint)
        if name is None:
            return self._send(404, b'{"error": "Onbekende entiteit"}')
        self._send(200, (self.api.tables[table] / name).read_bytes())

    def _observations(self, table: str, query: dict[str, list[str]]) -> None:
        expression = query.get("$filter", [""])[0]
        rows = [
            r for r in self.api.observations(table) if not expression or _matches(r, expression)
        ]
        skip = int(query.get("$skip", ["0"])[0])
        page: dict[str, Any] = {"value": rows[skip : skip + self.api.page_size]}
        if skip + self.api.page_size < len(rows):
            link = f"{self.api.base_url}/{table}/Observations?$skip={skip + self.api.page_size}"
            if expression:
                link += f"&$filter={expression.replace(' ', '%20').replace(chr(39), '%27')}"
            page["@odata.nextLink"] = link
        self._send(200, json.dumps(page).encode())

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve() -> Iterator[FakeApi]:
    """A fake API serving the hand-written v4 recordings at `.base_url`, while in use."""
    api = FakeApi(tables={"81955NED": DATA / "v4-81955NED", "80072ned": DATA / "v4-80072ned"})
    handler = type("Handler", (_Handler,), {"api": api})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.handle_error = lambda request, address: None  # a client that gave up
    api.base_url = f"http://127.0.0.1:{server.server_address[1]}{PREFIX.rstrip('/')}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield api
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
