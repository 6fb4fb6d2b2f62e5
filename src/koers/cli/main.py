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
from koers.cli.progress import ProgressBar

Handler = Callable[[argparse.Namespace], int]

# Statistics connectors add their `import` formats and `record` sources.
CONNECTORS = (cbs.register, eurostat.register)


class SetupError(Exception):
    """The configuration cannot start Koers; the message names the variable."""


SETTINGS_MODULES = ("koers.conf.dev", "koers.conf.test", "koers.conf.production")


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.conf.dev")
    module = os.environ["DJANGO_SETTINGS_MODULE"]
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        raise SetupError(str(exc)) from None
    except ImportError as exc:
        raise SetupError(
            f"DJANGO_SETTINGS_MODULE={module[:80]!r} cannot be imported ({exc.msg}); "
            f"use one of {', '.join(SETTINGS_MODULES)}"
        ) from None
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
    if args.reset and not (args.yes or _confirmed_reset()):
        print("koers demo --reset: not confirmed; nothing was deleted", file=sys.stderr)
        return 1
    try:
        result = service.reset_demo() if args.reset else service.load_demo()
    except service.DemoRefused as exc:
        print(f"koers demo: {exc}", file=sys.stderr)
        return 1
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


def _confirmed_reset() -> bool:
    """Ask on the terminal; without one (a script), --yes is the only way to confirm."""
    if not sys.stdin.isatty():
        print(
            "koers demo --reset deletes every agenda, indicator, figure, round and person in "
            "the database; run it from a terminal to confirm, or add --yes",
            file=sys.stderr,
        )
        return False
    print(
        "This deletes every agenda, indicator, figure, reporting round and person in the "
        "database and loads the Brainport demo dataset.",
        file=sys.stderr,
    )
    try:
        answer = input("Type yes to continue: ")
    except EOFError:
        return False
    return answer.strip().lower() == "yes"


def cmd_serve(args: argparse.Namespace) -> int:
    from django.core.management import call_command

    from koers.conf import env

    # Read here, not when the parser is built: a bad PORT must not break `koers --help`.
    port = args.port if args.port is not None else env.port("PORT", 8000)
    call_command("runserver", f"{args.host}:{port}", use_reloader=False)
    return 0


def _port(text: str) -> int:
    """argparse type of --port: a whole number from 1 to 65535."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a whole number") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a port (1 to 65535)")
    return value


def cmd_export(args: argparse.Namespace) -> int:
    from koers.sources import service

    if args.format == "opensdg":
        if not args.output:
            print("koers export --format opensdg needs -o DIR", file=sys.stderr)
            return 2
        bar = ProgressBar("exporting", unit="indicators")
        try:
            count = service.export_opensdg(Path(args.output), progress=bar.update)
        except OSError as exc:
            print(f"koers export: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
            return 1
        finally:
            bar.close()
        print(f"wrote {count} indicators to {args.output}", file=sys.stderr)
        return 0
    data = service.export_document()
    if args.output in (None, "-"):
        sys.stdout.buffer.write(data)
        return 0
    try:
        Path(args.output).write_bytes(data)
    except OSError as exc:
        print(f"koers export: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {args.output} ({len(data)} bytes)", file=sys.stderr)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """The export document, written to a temporary file beside FILE and renamed: a backup
    is whole or absent, never half a file."""
    from koers.sources import service

    target = Path(args.output)
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_bytes(service.export_document())
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        print(f"koers backup: cannot write {target}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"backed up to {target} ({target.stat().st_size} bytes)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """A backup into an empty database, in one transaction."""
    from koers.sources import service
    from koers.sources.jsonio import KoersImportError

    _migrate()
    if not service.is_empty():
        print(
            "koers restore: the database is not empty; restore into a new database "
            "(DATABASE_URL) so nothing in this one is lost",
            file=sys.stderr,
        )
        return 1
    path = Path(args.file)
    try:
        counts = service.import_document(path.read_bytes(), origin=str(path))
    except (OSError, KoersImportError) as exc:
        print(f"koers restore: {exc}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    print(f"restored {sum(counts.values())} rows from {path}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from koers.sources import service
    from koers.sources.jsonio import KoersImportError
    from koers.sources.opensdg_format import OpenSdgFormatError

    path = Path(args.file)
    try:
        if args.format == "opensdg":
            return _import_opensdg(args, path)
        counts = service.import_document(path.read_bytes(), origin=str(path))
    except (OSError, KoersImportError, OpenSdgFormatError, service.StoreError) as exc:
        print(f"koers import: {exc}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    print(f"imported {sum(counts.values())} rows from {path}")
    return 0


def _import_opensdg(args: argparse.Namespace, path: Path) -> int:
    from koers.sources import service

    bar = ProgressBar(f"importing {path.name}")
    try:
        result = service.import_opensdg(
            path,
            geography=args.geography,
            update_metadata=args.update_metadata,
            skip_invalid=args.skip_invalid,
            progress=bar.update,
        )
    finally:
        bar.close()
    stored = result.stored
    print(f"imported {len(result.indicators)} indicators from {path}")
    print(
        f"  observations: {stored.added} added, {stored.revised} revised, {stored.unchanged} unchanged"
    )
    if result.geographies_created:
        print(f"  geographies created: {', '.join(result.geographies_created)}")
    for difference in result.differences:
        print(f"  metadata difference: {difference}")
    for skipped in result.skipped:
        print(f"  skipped {skipped.path.name}: {skipped}")
    return 0


def cmd_assess(args: argparse.Namespace) -> int:
    from koers.assessment import commands

    try:
        output = commands.assess_command(args.agenda, args.method, args.format, args.lang)
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
    if args.plan is not None:
        from koers.cli.plan import check_plan

        return check_plan(args.plan, args.format or "text", args.lang or "en")
    if args.format or args.lang:
        print("koers check: --format and --lang go with --plan", file=sys.stderr)
        return 2
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
        "Initialise the database and load the shipped Brainport dataset (idempotent; "
        "never deletes what it did not load).",
    )
    demo.add_argument(
        "--reset",
        action="store_true",
        help="delete everything in the database, whatever its origin, and load the dataset "
        "(asks for confirmation)",
    )
    demo.add_argument("--yes", action="store_true", help="with --reset: do not ask (for scripts)")
    serve = verb("serve", cmd_serve, "Serve the site (development server).")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    serve.add_argument("--port", type=_port, default=None, help="port (default $PORT or 8000)")
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
    backup = verb(
        "backup", cmd_backup, "Write every entity to FILE (the export document), atomically."
    )
    backup.add_argument("-o", "--output", metavar="FILE", required=True, help="the backup file")
    restore = verb(
        "restore", cmd_restore, "Load a backup into an empty database, all of it or nothing."
    )
    restore.add_argument("file", metavar="FILE", help="a file written by koers backup")
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
    opensdg.add_argument(
        "--update-metadata",
        action="store_true",
        help="let the files change existing indicators' names, unit and direction (default: keep "
        "what is stored and report the differences)",
    )
    opensdg.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import the valid indicators and list every skipped file with its reason "
        "(default: a bad file stops the whole import)",
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
    assess.add_argument(
        "--lang",
        choices=["en", "nl"],
        default="en",
        help="the language of the JSON explanations (default: en)",
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
    check = verb(
        "check", cmd_check, "Check the configuration and the data's integrity; exit 1 on problems."
    )
    check.add_argument(
        "--plan",
        nargs="?",
        const="",
        metavar="AGENDA",
        help="instead: the plan's quality (owners, baselines, figures, money, milestone dates) "
        "of AGENDA or of every agenda, score per agenda and pillar and the gaps by item; "
        "a report, exits 0 whatever the gaps",
    )
    check.add_argument(
        "--format", choices=["text", "json"], help="with --plan: output format (default text)"
    )
    check.add_argument("--lang", choices=["nl", "en"], help="with --plan: language (default en)")
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
    try:
        _setup_django()
    except SetupError as exc:
        print(f"koers: {exc}", file=sys.stderr)
        return 2
    handler: Handler = args.handler
    from koers.cli.principal import acting_from_cli

    try:
        with acting_from_cli():  # every write of every verb goes to the audit trail as "cli"
            return handler(args)
    except Exception as exc:
        return _unexpected(args.verb, exc)


def _unexpected(verb: str, exc: Exception) -> int:
    """What no verb foresaw: one line naming it, never a traceback (KOERS_DEBUG=true shows
    it), and never a password (a database error may quote its connection string)."""
    from django.core.exceptions import ImproperlyConfigured
    from django.db import DatabaseError, InterfaceError

    from koers.conf import env

    if os.environ.get("KOERS_DEBUG", "").lower() in ("1", "true", "yes", "on"):
        raise exc
    if isinstance(exc, ImproperlyConfigured):
        print(f"koers {verb}: {exc}", file=sys.stderr)
        return 2
    if isinstance(exc, DatabaseError | InterfaceError):
        url = env.redact_url(os.environ.get("DATABASE_URL", "the default SQLite file"))
        message = _redacted(str(exc).strip().splitlines()[0] if str(exc).strip() else "")
        print(f"koers {verb}: database error ({url}): {message}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    print(
        f"koers {verb}: unexpected {type(exc).__name__}: {_redacted(str(exc))[:300]}",
        file=sys.stderr,
    )
    print("(KOERS_DEBUG=true shows the traceback)", file=sys.stderr)
    return 1


def _redacted(text: str) -> str:
    from urllib.parse import urlsplit

    url = os.environ.get("DATABASE_URL", "")
    try:
        password = urlsplit(url).password
    except ValueError:
        password = None
    return text.replace(password, "***") if password else text


if __name__ == "__main__":
    sys.exit(main())
