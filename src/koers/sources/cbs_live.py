"""The live CBS OData v4 API, and recording its responses into a folder (no Django).

`LiveV4` fetches a table's metadata when it is opened and its `Observations` one
page at a time, following `@odata.nextLink`; the measures and filters asked for are
sent along as `$filter` (`(RegioS eq 'GM0772' or RegioS eq 'GM0794') and
(Measure eq 'M001534')`), so only they cross the network. `record_v4` writes every
response byte for byte as it arrives, beside an `index.json` (`cbs_recording`), and
reads the table while it records, so a recording that would not import is refused.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from koers.sources.cbs_codes import CbsError, CbsTable, Selection
from koers.sources.cbs_http import TIMEOUT, fetch, parse_json
from koers.sources.cbs_recording import Manifest, write_manifest
from koers.sources.cbs_v4 import Page, open_v4

BASE_URL = "https://datasets.cbs.nl/odata/v1/CBS"
NEXT_LINK = "@odata.nextLink"
# Manifest keys and the endpoints that answer them; `codes-<Dimension>` is `<Dimension>Codes`.
ENDPOINTS = {
    "properties": "Properties",
    "dimensions": "Dimensions",
    "measure-codes": "MeasureCodes",
}


def endpoint(key: str) -> str:
    if key.startswith("codes-"):
        return f"{key.removeprefix('codes-')}Codes"
    return ENDPOINTS[key]


def odata_filter(selection: Selection) -> str:
    """The `$filter` that asks the API for the selected measures and codes only."""
    parts = [_any("Measure", selection.measures)] if selection.measures else []
    parts += [_any(name, codes) for name, codes in sorted(selection.filters.items())]
    return " and ".join(parts)


def _any(name: str, codes: frozenset[str]) -> str:
    # OData quotes text in single quotes and writes a quote inside as two.
    terms = [f"{name} eq '{code.replace(chr(39), chr(39) * 2)}'" for code in sorted(codes)]
    return f"({' or '.join(terms)})"


@dataclass(frozen=True)
class LiveV4:
    """A table of the live API (`base_url/<table id>/...`)."""

    table_id: str
    base_url: str = BASE_URL
    timeout: float = TIMEOUT

    @property
    def table_url(self) -> str:
        return f"{self.base_url.rstrip('/')}/{quote(self.table_id)}"

    def raw(self, key: str) -> tuple[bytes, str]:
        url = f"{self.table_url}/{endpoint(key)}"
        return fetch(url, timeout=self.timeout), url

    def document(self, key: str) -> tuple[object, str]:
        body, url = self.raw(key)
        return parse_json(body, url), url

    def raw_pages(self, selection: Selection) -> Iterator[tuple[bytes, object, str]]:
        url: str | None = self.first_page(selection)
        seen: set[str] = set()
        while url is not None:
            if url in seen:
                raise CbsError(url, "the API sent this page twice (a loop in @odata.nextLink)")
            seen.add(url)
            body = fetch(url, timeout=self.timeout)
            data = parse_json(body, url)
            yield body, data, url
            url = _next_link(data, url)

    def pages(self, selection: Selection) -> Iterator[Page]:
        for number, (_, data, _) in enumerate(self.raw_pages(selection), 1):
            yield data, self.page_name(number)

    def page_name(self, number: int) -> str:
        # Not the page's address, which repeats the filter and can run to hundreds of
        # characters: values cite their page by number (errors in fetching name the URL).
        return f"{self.table_url}/Observations page {number}"

    def first_page(self, selection: Selection) -> str:
        query = odata_filter(selection)
        url = f"{self.table_url}/Observations"
        return f"{url}?$filter={quote(query, safe='')}" if query else url


def _next_link(data: object, url: str) -> str | None:
    link = data.get(NEXT_LINK) if isinstance(data, dict) else None
    if link is None:
        return None
    if not isinstance(link, str):
        raise CbsError(url, "expected an address", field=NEXT_LINK)
    return link


def open_live(
    table_id: str, selection: Selection, *, base_url: str = BASE_URL, timeout: float = TIMEOUT
) -> CbsTable:
    live = LiveV4(table_id, base_url, timeout)
    return open_v4(
        live, selection, table_id=table_id, reference=live.table_url, retrieved=dt.date.today()
    )


@dataclass
class _Recorder:
    """A live table whose every response is written to `folder` as it is fetched."""

    live: LiveV4
    folder: Path
    files: dict[str, str] = field(default_factory=dict)
    page_files: list[str] = field(default_factory=list)

    def document(self, key: str) -> tuple[object, str]:
        body, url = self.live.raw(key)
        name = f"{key}.json"
        (self.folder / name).write_bytes(body)
        self.files[key] = name
        return parse_json(body, url), url

    def pages(self, selection: Selection) -> Iterator[Page]:
        for number, (body, data, _) in enumerate(self.live.raw_pages(selection), 1):
            name = f"observations-{number:04d}.json"
            (self.folder / name).write_bytes(body)
            self.page_files.append(name)
            yield data, self.live.page_name(number)


@dataclass(frozen=True)
class Recorded:
    folder: Path
    files: int
    pages: int
    observations: int


def record_v4(
    table_id: str,
    folder: Path,
    selection: Selection,
    *,
    base_url: str = BASE_URL,
    timeout: float = TIMEOUT,
) -> Recorded:
    """Record a live table into a new `folder`; nothing is left behind when it fails."""
    if folder.exists() and any(folder.iterdir()):
        raise CbsError(str(folder), "exists and is not empty; record into a new folder")
    partial = folder.with_name(f"{folder.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        recorded = _record(LiveV4(table_id, base_url, timeout), partial, selection)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    if folder.exists():
        folder.rmdir()
    partial.rename(folder)
    return Recorded(folder, recorded.files, recorded.pages, recorded.observations)


def _record(live: LiveV4, folder: Path, selection: Selection) -> Recorded:
    recorder = _Recorder(live, folder)
    table = open_v4(
        recorder, selection, table_id=live.table_id, reference=live.table_url, retrieved=None
    )
    # Reading every value checks each page as it is written.
    observations = sum(1 for _ in table.values())
    manifest = Manifest(
        folder=folder,
        table_id=live.table_id,
        api="v4",
        source=live.table_url,
        retrieved=dt.date.today(),
        files=recorder.files,
        pages=tuple(recorder.page_files),
        recorded=selection,
    )
    write_manifest(manifest)
    return Recorded(folder, len(recorder.files), len(recorder.page_files), observations)
