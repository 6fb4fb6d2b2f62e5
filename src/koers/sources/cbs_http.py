"""Fetching CBS API responses (standard library only; no Django).

Every request has a timeout (the `cbsodata` package sets none, so a stalled
connection hangs it forever) and every failure names the URL: an HTTP error with its
status and the start of CBS's own message, a network failure with its reason, a
timeout with the time allowed. Only http and https are fetched, whatever a response's
next link says.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from koers.sources.cbs_codes import CbsError

TIMEOUT = 60.0  # seconds; CBS answers a page of 10,000 observations well within it
USER_AGENT = "Koers statistics connector"
_DETAIL = 200  # characters of an error body worth showing


def fetch(url: str, *, timeout: float = TIMEOUT) -> bytes:
    """The body of a GET request; CbsError naming the URL when it fails."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise CbsError(url, "not an http(s) address")
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": USER_AGENT}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body: bytes = response.read()
            return body
    except urllib.error.HTTPError as exc:
        raise CbsError(url, f"HTTP {exc.code} {exc.reason}{_detail(exc)}") from None
    except urllib.error.URLError as exc:
        raise CbsError(url, _network(exc.reason, timeout)) from None
    except TimeoutError:
        raise CbsError(url, f"no answer within {timeout:g} s") from None
    except OSError as exc:
        raise CbsError(url, f"the connection failed ({exc})") from None


def parse_json(body: bytes, where: str) -> object:
    """A response or recorded file as JSON; CbsError naming line and column when it is not."""
    try:
        return json.loads(body.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise CbsError(where, f"not UTF-8 text ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise CbsError(
            where, f"not JSON: {exc.msg} (column {exc.colno})", line=exc.lineno
        ) from None


def _network(reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError):
        return f"no answer within {timeout:g} s"
    return f"cannot connect ({reason})"


def _detail(error: urllib.error.HTTPError) -> str:
    try:
        text = error.read(_DETAIL + 1).decode("utf-8", "replace").strip()
    except OSError:
        return ""
    if not text:
        return ""
    return f": {text[:_DETAIL]}{'...' if len(text) > _DETAIL else ''}"
