"""Eurostat's dissemination API over HTTP: the only code in Koers that downloads.

It runs only when a user asks for a live table (`koers import eurostat
DATASET`, `koers record eurostat`, a feed refresh without `--offline`). Every
request has a timeout; a failure names the URL and what Eurostat said.
Recording writes the response body exactly as it came, beside an
`index.json` that says what was asked, from where and when.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urlencode
from urllib.request import Request, urlopen

from koers.sources.series import StatisticsFormatError

Filters = Mapping[str, Collection[str]]

_DATASET = re.compile(r"^[A-Za-z][A-Za-z0-9_$]*$")
_KEY = re.compile(r"^[A-Za-z0-9_+.$-]*$")
FILE_NAMES = {"jsonstat": "data.json", "sdmx": "data.xml"}


class EurostatError(ValueError):
    """A Eurostat table that cannot be had as asked; the message names the URL or file."""


@dataclass(frozen=True)
class LiveApi:
    """Where the two APIs live (tests point these at a local server)."""

    statistics: str = "https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0/data"
    sdmx: str = "https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1/data"

    @classmethod
    def at(cls, base: str) -> LiveApi:
        """Both APIs under one base address, laid out as Eurostat's."""
        root = base.rstrip("/")
        return cls(statistics=f"{root}/statistics/1.0/data", sdmx=f"{root}/sdmx/2.1/data")


LIVE = LiveApi()


@dataclass(frozen=True)
class Response:
    url: str
    kind: str  # "jsonstat" or "sdmx"
    body: bytes


def is_dataset_code(text: str) -> bool:
    return bool(_DATASET.match(text))


def url_for(dataset: str, filters: Filters, *, sdmx_key: str | None, api: LiveApi) -> str:
    """The request for a table: JSON-stat with filters as parameters, or SDMX with a key."""
    if not is_dataset_code(dataset):
        raise EurostatError(f"{dataset!r} is not a Eurostat dataset code")
    if sdmx_key is not None:
        if not _KEY.match(sdmx_key):
            raise EurostatError(f"{sdmx_key!r} is not an SDMX key such as A.MIO_EUR.NL41+NL414")
        return f"{api.sdmx.rstrip('/')}/{quote(dataset)}/{quote(sdmx_key, safe='+.')}"
    query = [("format", "JSON"), ("lang", "EN")]
    query += [(name, code) for name, codes in sorted(filters.items()) for code in sorted(codes)]
    return f"{api.statistics.rstrip('/')}/{quote(dataset)}?{urlencode(query)}"


def fetch(
    dataset: str, filters: Filters, *, sdmx_key: str | None, api: LiveApi, timeout: float
) -> Response:
    """One request to the API; EurostatError naming the URL when it fails."""
    url = url_for(dataset, filters, sdmx_key=sdmx_key, api=api)
    kind = "sdmx" if sdmx_key is not None else "jsonstat"
    request = Request(url, headers={"User-Agent": "Koers (Eurostat connector)"})
    try:
        with urlopen(request, timeout=timeout) as answer:
            return Response(url, kind, answer.read())
    except HTTPError as exc:
        raise EurostatError(
            f"{url}: Eurostat answered HTTP {exc.code} {exc.reason}{_said(exc.read(), url)}"
        ) from None
    except (URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise EurostatError(
            f"{url}: no answer from Eurostat within {timeout:g} s ({reason})"
        ) from None


def _said(body: bytes, url: str) -> str:
    # Eurostat explains a refusal in a JSON-stat error object or an SDMX footer.
    from koers.sources.eurostat_sdmx import read_sdmx_ml

    text = body.decode("utf-8", "replace").strip()
    if text.startswith("{"):
        try:
            problem = json.loads(text).get("error", {})
        except (ValueError, AttributeError):
            return f": {text[:200]}"
        return _label(problem)
    if text.startswith("<"):
        try:
            read_sdmx_ml(body, url)
        except StatisticsFormatError as exc:
            return f": {exc.reason}"
    return f": {text[:200]}" if text else ""


def _label(problem: object) -> str:
    # The error object may come alone or as a list of them.
    first = problem[0] if isinstance(problem, list) and problem else problem
    label = first.get("label") if isinstance(first, dict) else first
    return f": {label}" if label else ""


def record(
    dataset: str,
    folder: Path,
    filters: Filters,
    *,
    sdmx_key: str | None,
    api: LiveApi,
    timeout: float,
) -> Path:
    """Fetch once and write the body as sent plus index.json into `folder`."""
    response = fetch(dataset, filters, sdmx_key=sdmx_key, api=api, timeout=timeout)
    folder.mkdir(parents=True, exist_ok=True)
    name = FILE_NAMES[response.kind]
    (folder / name).write_bytes(response.body)
    index = {
        "publisher": "Eurostat",
        "datasetId": dataset,
        "source": response.url,
        "retrieved": dt.date.today().isoformat(),
        "filters": {key: sorted(codes) for key, codes in sorted(filters.items())},
        "sdmxKey": sdmx_key,
        "files": [{"path": name, "url": response.url, "format": response.kind}],
    }
    (folder / "index.json").write_text(json.dumps(index, indent=2) + "\n", encoding="utf-8")
    return folder
