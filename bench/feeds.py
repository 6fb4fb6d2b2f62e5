"""Benchmark refreshing the demo's feeds from their recorded files, against the stdlib.

    .venv/bin/python bench/feeds.py [--repeat 3]

Loads the Brainport dataset into a fresh SQLite file, then times, in the same
run:
- a full refresh: every feed read and stored into a database without
  observations (then the region sums and ratios derived);
- an unchanged refresh: every feed read again, nothing new to store;
- the floor: reading the same files, once per feed as the feeds do, with the
  standard library alone (csv and gzip, every cell split, every number cell
  turned into a float).
Prints each time, per 10,000 values the files hold (the feeds read whole
files to pick their series), and the ratios to the floor, so the figures
compare across machines.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
T = TypeVar("T")


def _setup(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.conf.dev")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def best_of(repeats: int, run: Callable[[], T]) -> tuple[float, T]:
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return best, result


def stdlib_floor(files: list[Path]) -> int:
    """Read every file as the feeds do, with csv/gzip and float() only; returns values read."""
    values = 0
    for path in files:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:
            first = handle.readline()
            delimiter = "\t" if "\t" in first else (";" if ";" in first else ",")
            for row in csv.reader(handle, delimiter=delimiter):
                for cell in row[1:]:
                    try:
                        float(cell.strip().split(" ")[0])
                    except ValueError:
                        continue
                    values += 1
    return values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        _setup(Path(folder) / "bench.sqlite3")
        run(args.repeat)


def run(repeats: int) -> None:
    from koers.indicators.models import Observation
    from koers.sources import service
    from koers.sources.dataset import BRAINPORT
    from koers.sources.feeds import refresh_feeds
    from koers.sources.models import Feed

    service.load_demo()
    reference = BRAINPORT / "reference"
    # One entry per feed: a file two feeds read is read twice, by them and by the floor.
    files = [reference / f.table for f in Feed.objects.filter(connector="file").order_by("name")]

    def full() -> int:
        Observation.history.all().delete()
        Observation.objects.filter(feeds_written()).delete()
        result = refresh_feeds(offline=reference, strict=True)
        return sum(o.stored.written for o in result.outcomes) + result.derived.stored.written

    def feeds_written() -> object:
        from django.db.models import Q

        # What the feeds wrote: values citing a feed's source, and everything derived.
        sources = Feed.objects.values_list("source", flat=True)
        return Q(source__in=sources) | ~Q(derivation="")

    def unchanged() -> int:
        result = refresh_feeds(offline=reference, strict=True)
        return sum(o.stored.unchanged for o in result.outcomes)

    full_time, stored = best_of(repeats, full)
    same_time, checked = best_of(repeats, unchanged)
    floor_time, read = best_of(repeats, lambda: stdlib_floor(files))
    per = 10_000 / read
    print(f"feeds: {Feed.objects.count()}, file reads: {len(files)}, values in them: {read:,}")
    print(
        f"full refresh      {full_time:8.3f} s  ({stored:,} stored)    {full_time * per:.4f} s per 10,000 values read"
    )
    print(
        f"unchanged refresh {same_time:8.3f} s  ({checked:,} unchanged) {same_time * per:.4f} s per 10,000 values read"
    )
    print(
        f"stdlib floor      {floor_time:8.3f} s                    {floor_time * per:.4f} s per 10,000 values read"
    )
    print(f"ratio full refresh / floor:      {full_time / floor_time:6.2f}x")
    print(f"ratio unchanged refresh / floor: {same_time / floor_time:6.2f}x")


if __name__ == "__main__":
    main()
