"""A progress bar on the console for long imports and exports.

Drawn on standard error and only when that is a terminal, so logs and pipes
(cron, CI) stay clean; redrawn at most ten times a second.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30


class ProgressBar:
    """`update(done)` redraws "label [#####-----] 1,234/5,678 unit (n/s)"; without a
    total only the count and the rate."""

    def __init__(
        self, label: str, total: int | None = None, unit: str = "rows", stream: TextIO | None = None
    ) -> None:
        self.label, self.total, self.unit = label, total, unit
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty()
        self.start = self.shown = time.monotonic()
        self.drawn = False

    def update(self, done: int, total: int | None = None) -> None:
        self.total = total if total is not None else self.total
        now = time.monotonic()
        if not self.enabled or (now - self.shown < 0.1 and done != self.total):
            return
        self.shown, self.drawn = now, True
        self.stream.write("\r" + self.line(done, now - self.start))
        self.stream.flush()

    def line(self, done: int, seconds: float) -> str:
        rate = f" ({done / seconds:,.0f}/s)" if seconds > 0 else ""
        count = f"{done:,}" + (f"/{self.total:,}" if self.total else "")
        bar = ""
        if self.total:
            filled = min(WIDTH, WIDTH * done // self.total)
            bar = " [" + "#" * filled + "-" * (WIDTH - filled) + "]"
        return f"{self.label}{bar} {count} {self.unit}{rate}"

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
