"""Benchmark `koers import opensdg` against the floor of the same rows, in one run.

    .venv/bin/python bench/import.py [--rows 200000] [--repeat 1] [--postgres URL] [--profile]

Generates an Open SDG repository (20 indicators, disaggregations by sex, age
and region, Progress on some) of `--rows` observations, then times:
- Koers: `import_opensdg` into a fresh, migrated database (SQLite file; with
  --postgres also that PostgreSQL database, emptied first);
- the floor on SQLite: Python's csv module reading the same files and one
  `executemany` of the same rows (indicator, series, period, value) into a
  plain table in a fresh SQLite file;
- the floor on PostgreSQL: the same csv reading and one `COPY` of the rows
  into a plain (unlogged-free, index-free) table.
Prints each time, rows per second and the ratio to its floor. `--profile`
prints the top of a cProfile of the Koers SQLite import (what bounds it).
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import io
import os
import pstats
import sqlite3
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

INDICATORS = 20
SEXES = ("", "Female", "Male")
AGES = ("", "15-24", "25-54", "55-64")
REGIONS = ("", *(f"Region {n:02d}" for n in range(1, 21)))


def generate(folder: Path, rows: int) -> int:
    """An Open SDG repository of about `rows` observations; returns the exact count."""
    per_indicator = rows // INDICATORS
    written = 0
    for number in range(1, INDICATORS + 1):
        code = f"1-{number}-1"
        progress = number % 4 == 0
        data = folder / "data" / f"indicator_{code}.csv"
        data.parent.mkdir(parents=True, exist_ok=True)
        with data.open("w", encoding="utf-8", newline="") as handle:
            out = csv.writer(handle, lineterminator="\n")
            out.writerow(
                ["Year", "Sex", "Age", "Region", *(["Progress"] if progress else []), "Value"]
            )
            written += _rows(out, per_indicator, progress)
        meta = folder / "meta" / f"{code}.md"
        meta.parent.mkdir(parents=True, exist_ok=True)
        meta.write_text(
            f"---\nindicator_name: Generated indicator {code}\ncomputation_units: persons\n"
            "auto_progress_calculation: true\nprogress_calculation_options:\n"
            "  - direction: positive\n    target: 100\n---\n",
            encoding="utf-8",
        )
    return written


def _rows(out: object, count: int, progress: bool) -> int:
    writer = out  # csv writer
    n = 0
    years = range(1960, 1960 + max(1, count // (len(SEXES) * len(AGES) * len(REGIONS))) + 1)
    for sex in SEXES:
        for age in AGES:
            for region in REGIONS:
                for year in years:
                    if n == count:
                        return n
                    value = (n % 997) * 1.5 + 1
                    extra = [value / 2] if progress else []
                    writer.writerow([year, sex, age, region, *extra, value])  # type: ignore[attr-defined]
                    n += 1
    return n


def floor_rows(folder: Path) -> list[tuple[str, str, str, float]]:
    """The csv module reading every file: (indicator, series, period, value) per row."""
    rows = []
    for path in sorted((folder / "data").glob("indicator_*.csv")):
        code = path.stem.removeprefix("indicator_")
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            fields = [i for i, c in enumerate(header) if c not in ("Year", "Value", "Progress")]
            value_at = header.index("Value")
            for cells in reader:
                series = "|".join(f"{header[i]}={cells[i]}" for i in fields if cells[i])
                rows.append((code, series, cells[0], float(cells[value_at])))
    return rows


def floor_sqlite(folder: Path, database: Path) -> int:
    rows = floor_rows(folder)
    connection = sqlite3.connect(database)
    connection.execute("CREATE TABLE obs (indicator TEXT, series TEXT, period TEXT, value REAL)")
    with connection:
        connection.executemany("INSERT INTO obs VALUES (?, ?, ?, ?)", rows)
    connection.close()
    return len(rows)


def floor_postgres(folder: Path, url: str) -> int:
    import psycopg

    rows = floor_rows(folder)
    with psycopg.connect(url) as connection:
        connection.execute("DROP TABLE IF EXISTS bench_obs")
        connection.execute(
            "CREATE TABLE bench_obs (indicator TEXT, series TEXT, period TEXT, value FLOAT8)"
        )
        with connection.cursor() as cursor, cursor.copy("COPY bench_obs FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        connection.execute("DROP TABLE bench_obs")
    return len(rows)


INSERTING = [0.0]  # seconds spent in the database insert (executemany or COPY)


def koers_import(folder: Path) -> int:
    from koers.sources import service, store

    insert = store.insert_rows

    def timed_insert(values: list[tuple[object, ...]]) -> None:
        start = time.perf_counter()
        insert(values)
        INSERTING[0] += time.perf_counter() - start

    store.insert_rows = timed_insert  # type: ignore[assignment]
    try:
        return service.import_opensdg(folder, geography="NL").stored.added
    finally:
        store.insert_rows = insert


def _setup(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.conf.dev")
    import django

    django.setup()
    _migrate()


def _migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def _empty() -> None:
    from koers.sources import service

    service.clear_all()
    from koers.sources.models import ObservationImport

    ObservationImport.objects.all().delete()


def timed(run: object) -> tuple[float, int]:
    start = time.perf_counter()
    count = run()  # type: ignore[operator]
    return time.perf_counter() - start, count


def memory(rows: int, url: str | None) -> None:
    """Peak resident memory of one import of `rows` observations (nothing else held)."""
    import resource

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "repo"
        total = generate(folder, rows)
        _setup(url or f"sqlite:///{Path(tmp) / 'koers.sqlite3'}")
        _empty()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        seconds, added = timed(lambda: koers_import(folder))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"imported {added} of {total} observations in {seconds:.1f} s")
        print(f"peak memory {peak:.0f} MiB (after start-up and migrations: {before:.0f} MiB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--postgres", metavar="URL", help="also time PostgreSQL (emptied first)")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--memory", action="store_true", help="only import once and print the peak memory"
    )
    args = parser.parse_args()
    if args.memory:
        memory(args.rows, args.postgres)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "repo"
        total = generate(folder, args.rows)
        print(f"generated {total} observations in {INDICATORS} indicators")
        floor = min(
            timed(partial(floor_sqlite, folder, Path(tmp) / f"floor{i}.sqlite3"))[0]
            for i in range(args.repeat)
        )
        url = args.postgres
        _setup(url or f"sqlite:///{Path(tmp) / 'koers.sqlite3'}")
        best, inserting = float("inf"), 0.0
        for _ in range(args.repeat):
            _empty()
            INSERTING[0] = 0.0
            seconds, added = timed(lambda: koers_import(folder))
            assert added == total, (added, total)
            if seconds < best:
                best, inserting = seconds, INSERTING[0]
        engine = "PostgreSQL" if url else "SQLite"
        if url:
            floor = min(timed(lambda: floor_postgres(folder, url))[0] for _ in range(args.repeat))
        label = "COPY" if url else "csv + executemany"
        print(f"{engine}: koers import opensdg {best:.2f} s ({total / best:,.0f} rows/s)")
        print(f"{engine}: floor ({label}) {floor:.2f} s ({total / floor:,.0f} rows/s)")
        print(f"{engine}: ratio {best / floor:.2f}x the floor (goal: 2x)")
        print(
            f"{engine}: of which the insert into the observations table (indexes, foreign keys) "
            f"{inserting:.2f} s, reading, checking and converting in Python {best - inserting:.2f} s"
        )
        if args.profile:
            _empty()
            profiler = cProfile.Profile()
            profiler.runcall(koers_import, folder)
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(18)
            print(out.getvalue())


if __name__ == "__main__":
    main()
