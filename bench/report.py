"""Benchmark the progress report: build it in each format against WeasyPrint alone.

    .venv/bin/python bench/report.py [--agenda bna] [--period 2019-07-01:2020-06-30]
                                     [--lang nl] [--runs 5] [--dataset DIR]

Sets up Django on a temporary SQLite database, loads the shipped Brainport
dataset (or the dataset folder given), then times, as the median of --runs:
building the report object alone, and building it then rendering HTML, PDF
and Word. The reference, measured in the same run, is WeasyPrint printing
the already-built HTML of the same report: the part of a PDF no Koers code
can make faster. Prints a table with each time and its ratio to that.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agenda", default="bna")
    parser.add_argument("--period", default="2019-07-01:2020-06-30")
    parser.add_argument("--lang", default="nl", choices=["nl", "en"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dataset", type=Path, default=None, help="a dataset folder to load")
    return parser.parse_args(argv)


def setup_django(folder: Path) -> None:
    """Django on an SQLite file in `folder`, migrated (nothing else is touched)."""
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "koers.conf.dev"
    os.environ.setdefault("KOERS_DEBUG", "false")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)


def load(dataset: Path | None) -> str:
    from koers.sources import service
    from koers.sources.dataset import load_dataset

    if dataset is None:
        result = service.load_demo()
        return f"Brainport demo dataset ({sum(result.counts.values())} rows)"
    counts = load_dataset(dataset)
    return f"dataset {dataset} ({sum(counts.values())} rows)"


def median_time(runs: int, work: Callable[[], object]) -> float:
    """The median wall time of `runs` calls, in seconds."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="koers-bench-") as folder:
        setup_django(Path(folder))
        from koers.readmodel.service import Report, ReportError
        from koers.reporting.outputs import FORMATS, Format, report_bytes
        from koers.reporting.periods import parse_report_period
        from koers.reporting.render_html import render_html
        from koers.reporting.render_pdf import html_to_pdf
        from koers.reporting.report import build_report

        try:
            loaded = load(args.dataset)
            start, end = parse_report_period(args.period)
            report = build_report(args.agenda, start, end, args.lang)
        except (ReportError, ValueError) as exc:
            print(f"bench/report.py: {exc}", file=sys.stderr)
            return 1

        def build() -> Report:
            return build_report(args.agenda, start, end, args.lang)

        def in_format(fmt: Format) -> Callable[[], bytes]:
            return lambda: report_bytes(build(), fmt)

        html = render_html(report)
        pdf = html_to_pdf(html)  # warm-up: fonts, Pango
        reference = median_time(args.runs, lambda: html_to_pdf(html))
        rows = [("build (report object)", median_time(args.runs, build))]
        for fmt in FORMATS:
            rows.append((f"build + {fmt}", median_time(args.runs, in_format(fmt))))
        rows.append(("reference: WeasyPrint on the built HTML", reference))
        print(f"{loaded}; report {args.agenda} {args.period} ({args.lang}), median of {args.runs}")
        print(f"HTML {len(html) // 1024} KiB, PDF {len(pdf) // 1024} KiB")
        print(f"{'what':<42} {'seconds':>9} {'x reference':>12}")
        for name, seconds in rows:
            print(f"{name:<42} {seconds:>9.3f} {seconds / reference:>12.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
