"""Benchmark the public pages under a production-like setup.

    .venv/bin/python bench/pages.py [--users 16] [--rounds 25] [--database-url URL]

Creates a fresh PostgreSQL database (default: koers_bench on the local
server), loads the Brainport dataset, collects the static files and serves
Koers with gunicorn and the production settings on a free loopback port.
Then `--users` simulated visitors each walk the main pages `--rounds` times
at the same time: home, an agenda page, an action page, the indicator list,
an indicator page, search, and the site's stylesheet served by the same
server. Prints p50 and p95 per page and their ratio to the static file, so
the figures can be compared across noisy machines.

Pages are kept in each worker's page cache until the data changes
(koers.web.cache), so after a worker's first request for a page the figures
measure a kept page plus the data-version check; the first fills show in p95.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/koers_bench"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def production_env(database_url: str, static_root: Path) -> dict[str, str]:
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "koers.conf.production",
        "DATABASE_URL": database_url,
        "KOERS_SECRET_KEY": secrets.token_urlsafe(48),
        "KOERS_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "KOERS_STATIC_ROOT": str(static_root),
        # Plain http on the loopback: no redirect to https, no HSTS (a TLS proxy's job).
        "KOERS_SSL_REDIRECT": "false",
        "KOERS_HSTS_SECONDS": "0",
    }


def recreate_database(database_url: str) -> None:
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    server = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def prepare(env: dict[str, str]) -> None:
    koers = str(BIN / "koers")
    subprocess.run([koers, "demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([koers, "manage", "collectstatic", "--noinput", "-v", "0"], env=env, check=True)


@contextmanager
def gunicorn(env: dict[str, str], port: int) -> Iterator[str]:
    command = [
        str(BIN / "gunicorn"),
        "koers.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        "--workers=2",
        "--threads=4",
        "--log-level=warning",
    ]
    process = subprocess.Popen(command, env=env, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_until_up(base: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/", timeout=5).read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer on {base} within {seconds:.0f} s")


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        body: bytes = response.read()
        return body.decode("utf-8", errors="replace")


def first_link(html: str, pattern: str) -> str:
    match = re.search(rf'href="({pattern})"', html)
    if match is None:
        raise SystemExit(f"no link matching {pattern} found")
    return match.group(1).replace("&amp;", "&")


def discover(base: str) -> dict[str, str]:
    """The pages to measure, found the way a visitor finds them: by following links."""
    home = fetch(base + "/")
    agenda = first_link(home, r"/agenda/bna/")
    agenda_html = fetch(base + agenda)
    indicators = fetch(base + "/indicatoren/")
    return {
        "home": "/",
        "agenda": agenda,
        "action": first_link(agenda_html, r"/agenda/bna/actie/[^\"]+/"),
        "indicators": "/indicatoren/",
        "indicator": first_link(indicators, r"/indicatoren/[a-z0-9-]+/"),
        "search": "/zoeken/?q=talent",
        "static": first_link(home, r"/static/koers/koers[^\"]*\.css"),
    }


def visitor(base: str, pages: dict[str, str], rounds: int) -> list[tuple[str, float]]:
    timings = []
    for _ in range(rounds):
        for name, path in pages.items():
            start = time.perf_counter()
            fetch(base + path)
            timings.append((name, time.perf_counter() - start))
    return timings


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def report(timings: list[tuple[str, float]], pages: dict[str, str]) -> None:
    by_page: dict[str, list[float]] = defaultdict(list)
    for name, seconds in timings:
        by_page[name].append(seconds * 1000)
    static50 = statistics.median(by_page["static"])
    static95 = percentile(by_page["static"], 0.95)
    print(f"{'page':<11} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p50 ratio':>10} {'p95 ratio':>10}")
    for name in pages:
        values = by_page[name]
        p50, p95 = statistics.median(values), percentile(values, 0.95)
        print(
            f"{name:<11} {len(values):>5} {p50:>8.1f} {p95:>8.1f} "
            f"{p50 / static50:>9.1f}x {p95 / static95:>9.1f}x"
        )
    print("ratio = page time / time for the static stylesheet from the same server, same run")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=25)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE)
    args = parser.parse_args()
    static_root = ROOT / "var" / "bench-static"
    env = production_env(args.database_url, static_root)
    recreate_database(args.database_url)
    prepare(env)
    with gunicorn(env, free_port()) as base:
        pages = discover(base)
        visitor(base, pages, 1)  # warm every worker's caches once
        with ThreadPoolExecutor(max_workers=args.users) as pool:
            started = time.perf_counter()
            runs = list(pool.map(lambda _: visitor(base, pages, args.rounds), range(args.users)))
            elapsed = time.perf_counter() - started
    timings = [timing for run in runs for timing in run]
    print(f"{len(timings)} requests by {args.users} concurrent users in {elapsed:.1f} s")
    report(timings, pages)


if __name__ == "__main__":
    main()
