"""Load: 50 concurrent anonymous clients against gunicorn and PostgreSQL (issue 14).

    .venv/bin/python bench/load.py [--clients 50] [--seconds 20] [--database-url URL]

Sets up as bench/pages.py does (a fresh PostgreSQL database with the Brainport
dataset, collected static files, gunicorn with the production settings), then
runs four scenarios one after the other, each for `--seconds` with `--clients`
threads asking as fast as they are answered:

- pages: the page kinds in turn (home, agenda, action, indicators, indicator, search);
- unique: the same pages, each address with a unique query string (`?r=<n>`),
  which must not get around the page cache;
- report: the BNA progress report as PDF, the dearest address of the site;
- static: the site's stylesheet, the reference.

During every scenario one more client fetches the static file, so each line can
be compared with a static file served by the same server under the same load.
Prints requests/s, p50/p95, the status codes (429/503 are the report limits at
work) and the ratio of p50 to the static probe's p50 in the same scenario.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from pages import (
    DEFAULT_DATABASE,
    ROOT,
    discover,
    free_port,
    gunicorn,
    percentile,
    prepare,
    production_env,
    recreate_database,
)

REPORT = "/rapport/bna/2019-07-01/2020-06-30.pdf"


def timed(url: str) -> tuple[int, float]:
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        error.read()
        status = error.code
    except OSError:
        status = 0  # refused or timed out
    return status, time.perf_counter() - start


def run(
    base: str, next_path: Callable[[], str], clients: int, seconds: float, static: str
) -> tuple[list[tuple[int, float]], list[float]]:
    """(status, seconds) of every request of the scenario, and the static probe's times."""
    stop = time.monotonic() + seconds
    results: list[tuple[int, float]] = []
    probe: list[float] = []
    lock = threading.Lock()

    def client(_: int) -> None:
        while time.monotonic() < stop:
            outcome = timed(base + next_path())
            with lock:
                results.append(outcome)

    def prober() -> None:
        while time.monotonic() < stop:
            probe.append(timed(base + static)[1])
            time.sleep(0.05)

    watcher = threading.Thread(target=prober)
    watcher.start()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(client, range(clients)))
    watcher.join()
    return results, probe


def scenarios(pages: dict[str, str]) -> dict[str, Callable[[], str]]:
    kinds = [path for name, path in pages.items() if name != "static"]
    turn = itertools.cycle(kinds)
    unique_turn = itertools.cycle(kinds)
    counter = itertools.count()
    lock = threading.Lock()

    def locked(make: Callable[[], str]) -> Callable[[], str]:
        def next_path() -> str:
            with lock:
                return make()

        return next_path

    def unique() -> str:
        path = next(unique_turn)
        return f"{path}{'&' if '?' in path else '?'}r={next(counter)}"

    return {
        "pages": locked(lambda: next(turn)),
        "unique": locked(unique),
        "report": lambda: REPORT,
        "static": lambda: pages["static"],
    }


def show(name: str, results: list[tuple[int, float]], probe: list[float], seconds: float) -> None:
    times = [t * 1000 for status, t in results if status == 200] or [0.0]
    statuses = Counter(status for status, _ in results)
    static50 = statistics.median(probe) * 1000 if probe else float("nan")
    p50, p95 = statistics.median(times), percentile(times, 0.95)
    codes = " ".join(f"{code}:{n}" for code, n in sorted(statuses.items()))
    print(
        f"{name:<8} {len(results) / seconds:>8.1f} {p50:>9.1f} {p95:>9.1f} {static50:>10.1f} "
        f"{p50 / static50:>8.1f}x  {codes}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE)
    args = parser.parse_args()
    env = production_env(args.database_url, ROOT / "var" / "bench-static")
    recreate_database(args.database_url)
    prepare(env)
    with gunicorn(env, free_port()) as base:
        pages = discover(base)
        print(f"{args.clients} clients, {args.seconds:.0f} s per scenario; times in ms")
        print(
            f"{'scenario':<8} {'req/s':>8} {'p50 ok':>9} {'p95 ok':>9} {'static p50':>10} "
            f"{'ratio':>9}  status:count"
        )
        for name, next_path in scenarios(pages).items():
            results, probe = run(base, next_path, args.clients, args.seconds, pages["static"])
            show(name, results, probe, args.seconds)
    print("ratio = p50 of the scenario's answered requests / p50 of a static file fetched")
    print("from the same server during the same scenario")


if __name__ == "__main__":
    main()
