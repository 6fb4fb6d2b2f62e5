"""Benchmark the REST API under a production-like setup.

    .venv/bin/python bench/api.py [--users 50] [--rounds 10] [--database-url URL]

Creates a fresh PostgreSQL database (default: koers_bench_api on the local
server), loads the Brainport dataset and serves Koers with gunicorn and the
production settings on a free loopback port (the set-up of bench/pages.py).
Then `--users` concurrent clients each read the main list and detail
endpoints `--rounds` times, and a static file from the same server. Prints
p50 and p95 per endpoint and their ratio to the static file, measured in the
same run, so the figures compare across noisy machines. The anonymous rate
limit is lifted for the run (KOERS_API_ANON_RATE): the limit is not measured.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import (  # the sibling benchmark's set-up
    ROOT,
    fetch,
    first_link,
    free_port,
    gunicorn,
    prepare,
    production_env,
    recreate_database,
    report,
    visitor,
)

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/koers_bench_api"


def discover(base: str) -> dict[str, str]:
    """The endpoints to measure, found the way a client finds them: from the lists."""
    api = base + "/api/v1"
    item = json.loads(fetch(api + "/agendas/bna/items"))[1]["code"]
    indicator = json.loads(fetch(api + "/indicators?agenda=bna"))["results"][0]["code"]
    return {
        "agendas": "/api/v1/agendas",
        "agenda": "/api/v1/agendas/bna",
        "items": "/api/v1/agendas/bna/items",
        "item": f"/api/v1/agendas/bna/items/{quote(item)}",
        "indicators": "/api/v1/indicators",
        "indicator": f"/api/v1/indicators/{indicator}",
        "figures": "/api/v1/observations?pageSize=100",
        "assessment": f"/api/v1/assessments?indicator={indicator}",
        "milestones": "/api/v1/milestones?agenda=bna",
        "static": first_link(fetch(base + "/"), r"/static/koers/koers[^\"]*\.css"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE)
    args = parser.parse_args()
    static_root = ROOT / "var" / "bench-api-static"
    env = production_env(args.database_url, static_root) | {"KOERS_API_ANON_RATE": "1000000/second"}
    recreate_database(args.database_url)
    prepare(env)
    with gunicorn(env, free_port()) as base:
        endpoints = discover(base)
        visitor(base, endpoints, 1)  # warm every worker once
        with ThreadPoolExecutor(max_workers=args.users) as pool:
            started = time.perf_counter()
            runs = list(
                pool.map(lambda _: visitor(base, endpoints, args.rounds), range(args.users))
            )
            elapsed = time.perf_counter() - started
    timings = [timing for run in runs for timing in run]
    print(f"{len(timings)} requests by {args.users} concurrent clients in {elapsed:.1f} s")
    report(timings, endpoints)


if __name__ == "__main__":
    main()
