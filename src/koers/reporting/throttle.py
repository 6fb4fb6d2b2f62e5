"""Bounded work for the report downloads, the one public address that costs seconds.

A built report is kept per agenda, period, format, language and *data version*,
so it is built once until the data change. What is not kept yet is built under
two limits: each client (address) may start `PER_CLIENT` builds a minute (429
after that), and the process builds at most `WORKERS` at once, waiting up to
`WAIT` seconds for a turn (503 after that); both say when to come back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache

PER_CLIENT = 6
WINDOW = 60
WORKERS = 2
WAIT = 10.0
KEPT = 24 * 60 * 60

_turns = threading.BoundedSemaphore(WORKERS)
T = TypeVar("T")


class Busy(Exception):
    """No turn now; `retry_after` seconds is a fair wait."""

    def __init__(self, retry_after: int, too_many: bool) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after
        self.too_many = too_many


def kept_or_built(key: str, client: str, build: Callable[[], T]) -> T:
    """What is kept under `key`, or `build()` within the limits (raises Busy); what
    `build` raises passes through, nothing kept."""
    kept: T | None = cache.get(key)
    if kept is not None:
        return kept
    _count(client)
    if not _turns.acquire(timeout=_setting("KOERS_REPORT_WAIT", WAIT)):
        raise Busy(int(WAIT), too_many=False)
    try:
        content = build()
    finally:
        _turns.release()
    cache.set(key, content, KEPT)
    return content


def _count(client: str) -> None:
    key = f"koers-report-builds:{client}"
    cache.add(key, 0, WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW)
        count = 1
    if count > _setting("KOERS_REPORT_BUILDS_PER_MINUTE", PER_CLIENT):
        raise Busy(WINDOW, too_many=True)


def _setting(name: str, default: float) -> float:
    return float(getattr(settings, name, default))
