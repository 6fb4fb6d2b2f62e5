"""Benchmark the Open SDG pipeline end to end, as a user runs it, on Statistics Canada's CIF files.

    .venv/bin/python bench/opensdg_pipeline.py [--repeat 1] [--profile]

Runs, each as its own `koers` process on a fresh SQLite file:
    koers init
    koers import opensdg <reference>/progress-statcan-cif --geography CA
    koers assess --format json
    koers export --format opensdg -o DIR
and prints the time of each step and of the whole, beside the figure to beat:
sdg-build's Open SDG build of the same files took 5.2 s on this machine
(issue 15; our goal is 1 s). Also times `koers --help`-free start-up (a
process that sets up Django and exits), the floor every step pays.
`--profile` runs each step in-process under cProfile and prints its top.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SDG_BUILD_SECONDS = 5.2
GOAL_SECONDS = 1.0
STARTUP = "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'koers.conf.dev'); django.setup()"


def reference() -> Path:
    folder = os.environ.get("KOERS_REFERENCE_DIR") or str(
        ROOT.parent.parent / "shared" / "reference"
    )
    return Path(folder) / "progress-statcan-cif"


def steps(out: Path) -> list[tuple[str, list[str]]]:
    return [
        ("init", ["init"]),
        ("import", ["import", "opensdg", str(reference()), "--geography", "CA"]),
        ("assess", ["assess", "--format", "json"]),
        ("export", ["export", "--format", "opensdg", "-o", str(out)]),
    ]


def run_once(tmp: Path, number: int) -> dict[str, float]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp / f'pipeline{number}.sqlite3'}"}
    env.setdefault("DJANGO_SETTINGS_MODULE", "koers.conf.dev")
    times: dict[str, float] = {}
    koers = str(ROOT / ".venv" / "bin" / "koers")
    for name, arguments in steps(tmp / f"export{number}"):
        start = time.perf_counter()
        subprocess.run([koers, *arguments], env=env, check=True, stdout=subprocess.DEVNULL)
        times[name] = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", STARTUP], env=env, check=True)
    times["start-up (one process)"] = time.perf_counter() - start
    return times


def profile(tmp: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'profiled.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.conf.dev")
    sys.path.insert(0, str(ROOT / "src"))
    from koers.cli.main import main

    for name, arguments in steps(tmp / "profiled-export"):
        profiler = cProfile.Profile()
        with open(os.devnull, "w") as sink:
            stdout, sys.stdout = sys.stdout, sink
            try:
                profiler.runcall(main, arguments)
            finally:
                sys.stdout = stdout
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(14)
        print(f"--- profile of koers {name} (in-process, Django already set up after init) ---")
        print(text.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    if not (reference() / "data").is_dir():
        sys.exit(f"no CIF files at {reference()} (set KOERS_REFERENCE_DIR)")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        runs = [run_once(tmp, n) for n in range(args.repeat)]
        best = min(runs, key=lambda r: sum(v for k, v in r.items() if not k.startswith("start")))
        total = sum(v for k, v in best.items() if not k.startswith("start"))
        for name, seconds in best.items():
            print(f"{name:<24} {seconds:6.2f} s")
        print(f"{'pipeline':<24} {total:6.2f} s")
        print(
            f"sdg-build (figure to beat) {SDG_BUILD_SECONDS:.1f} s: ratio {total / SDG_BUILD_SECONDS:.2f}"
        )
        print(f"goal {GOAL_SECONDS:.1f} s: ratio {total / GOAL_SECONDS:.2f}")
        if args.profile:
            profile(tmp)


if __name__ == "__main__":
    main()
