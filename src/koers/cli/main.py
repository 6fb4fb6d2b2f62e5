"""The `koers` command: set up, load, serve, import, export and check.

Each verb is a small function that calls a service; argparse gives every verb
its `--help`. Django is set up once, after the arguments are parsed, so `--help`
works without a database.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from koers.cli import cbs, eurostat, feeds

Handler = Callable[[argparse.Namespace], int]

# Statistics connectors add their `import` formats and `record` sources.
CONNECTORS = (cbs.register, eurostat.register)


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.conf.dev")
    import django

    django.setup()
    from django.utils import translation

    # The command line speaks English, the source language; reports pick theirs with --lang.
    translation.activate("en")


def _migrate(verbosity: int = 0) -> None:
    from django.conf import settings
    from django.core.management import call_command

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3") and database["NAME"] != ":memory:":
        Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=verbosity)


def cmd_init(args: argparse.Namespace) -> int:
    _migrate()
    print("database ready (migrated)")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from koers.sources import service
    from koers.sources.dataset import DatasetError
    from koers.sources.jsonio import KoersImportError

    _migrate()
    try:
        result = service.load_demo()
    except (DatasetError, KoersImportError) as exc:
        print(f"koers demo: {exc}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    if result.action == "unchanged":
        print("the Brainport dataset is already loaded; nothing to do")
    else:
        total = sum(result.counts.values())
        print(f"Brainport dataset {result.action}: {total} rows")
        for name, count in result.counts.items():
            print(f"  {name:<18} {count:>6}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from django.core.management import call_command

    call_command("runserver", f"{args.host}:{args.port}", use_reloader=False)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from koers.sources import service

    if args.format == "opensdg":
        if not args.output:
            print("koers export --format opensdg needs -o DIR", file=sys.stderr)
            return 2
        count = service.export_opensdg(Path(args.output))
        print(f"wrote {count} indicators to {args.output}", file=sys.stderr)
        return 0
    data = service.export_document()
    if args.output in (None, "-"):
        sys.stdout.buffer.write(data)
    else:
        Path(args.output).write_bytes(data)
        print(f"wrote {args.output} ({len(data)} bytes)", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from koers.sources import service
    from koers.sources.jsonio import KoersImportError
    from koers.sources.opensdg_format import OpenSdgFormatError

    path = Path(args.file)
    try:
        if args.format == "opensdg":
            counts = service.import_opensdg(path, geography=args.geography)
        else:
            counts = service.import_document(path.read_bytes(), origin=str(path))
    except (OSError, KoersImportError, OpenSdgFormatError) as exc:
        print(f"koers import: {exc}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    print(f"imported {sum(counts.values())} rows from {path}")
    return 0


def cmd_assess(args: argparse.Namespace) -> int:
    from koers.assessment import commands

    try:
        output = commands.assess_command(args.agenda, args.method, args.format)
    except ValueError as exc:
        print(f"koers assess: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(output)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from koers.reporting.commands import report_command

    return report_command(
        args.agenda, args.period, args.format, args.lang, args.output, args.cover_note
    )


def cmd_check(args: argparse.Namespace) -> int:
    from koers.sources.checks import run_checks

    problems = run_checks()
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) found" if problems else "no problems found")
    return 1 if problems else 0


def cmd_manage(args: argparse.Namespace) -> int:
    from django.core.management import execute_from_command_line

    execute_from_command_line(["koers manage", *args.arguments])
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="koers",
        description="Koers: monitor a public policy agenda and write its progress report.",
    )
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    def verb(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        sub = verbs.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    verb("init", cmd_init, "Create or migrate the configured database (left empty).")
    demo = verb(
        "demo",
        cmd_demo,
        "Initialise the database and load the shipped Brainport dataset (idempotent).",
    )
    demo.set_defaults(handler=cmd_demo)
    serve = verb("serve", cmd_serve, "Serve the site (development server).")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    serve.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("PORT", "8000")),
        help="port (default $PORT or 8000)",
    )
    export = verb("export", cmd_export, "Export every entity as one deterministic JSON document.")
    export.add_argument(
        "--format",
        choices=["json", "opensdg"],
        default="json",
        help="json (one document, default) or opensdg (a data repository folder; needs -o DIR)",
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    import_ = verb("import", cmd_import, "Import a document atomically: all of it or nothing.")
    import_formats = import_.add_subparsers(dest="format", required=True, metavar="FORMAT")
    json_ = import_formats.add_parser(
        "json", help="a Koers document", description="Import a Koers JSON document."
    )
    json_.add_argument("file", metavar="PATH", help="the file to import")
    opensdg = import_formats.add_parser(
        "opensdg",
        help="an Open SDG data repository folder",
        description="Import an Open SDG folder.",
    )
    opensdg.add_argument("file", metavar="PATH", help="the folder to import")
    opensdg.add_argument(
        "--geography",
        default="NL",
        help="the geography code the data describe (default NL)",
    )
    record = verb("record", cmd_import, "Record a statistics table from a live API into a folder.")
    record_sources = record.add_subparsers(dest="source", required=True, metavar="SOURCE")
    for register in CONNECTORS:
        register(import_formats, record_sources)
    assess = verb(
        "assess", cmd_assess, "Assess every target (or indicator trend) and print the results."
    )
    assess.add_argument("--agenda", metavar="CODE", help="only the targets of this agenda")
    assess.add_argument(
        "--method",
        metavar="NAME",
        help="force one method (opensdg, eurostat_short, eurostat_long, linear_cumulative, "
        "linear_rank, linear_level); default: by target kind",
    )
    assess.add_argument(
        "--format", choices=["table", "json"], default="table", help="output format"
    )
    report = verb(
        "report", cmd_report, "Write the progress report of an agenda over a period to a file."
    )
    report.add_argument("--agenda", metavar="CODE", required=True, help="the agenda, e.g. bna")
    report.add_argument(
        "--period",
        metavar="START:END",
        required=True,
        help="the reporting period, dates as YYYY-MM-DD, e.g. 2019-07-01:2020-06-30",
    )
    report.add_argument(
        "--format", choices=["html", "pdf", "docx"], default="pdf", help="output format"
    )
    report.add_argument("--lang", choices=["nl", "en"], default="nl", help="language (default nl)")
    report.add_argument("-o", "--output", metavar="FILE", required=True, help="the file to write")
    report.add_argument(
        "--cover-note",
        action="store_true",
        help="also write the cover note (subject, occasion, key message ...) beside the report",
    )
    verb(
        "check", cmd_check, "Check the configuration and the data's integrity; exit 1 on problems."
    )
    feeds.register(verb)
    manage = verb("manage", cmd_manage, "Run a Django management command (e.g. createsuperuser).")
    manage.add_argument("arguments", nargs=argparse.REMAINDER, help="the command and its arguments")
    from koers.cli import accounts, rounds, tokens

    accounts.register(verb)
    rounds.register(verb)
    tokens.register(verb)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _setup_django()
    handler: Handler = args.handler
    from koers.cli.principal import acting_from_cli

    with acting_from_cli():  # every write of every verb goes to the audit trail as "cli"
        return handler(args)


if __name__ == "__main__":
    sys.exit(main())
