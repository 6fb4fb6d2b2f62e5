"""CBS tables into Koers: `koers import cbs SOURCE` and `koers record cbs TABLE -o DIR`.

`main.build_parser` registers these through `register`, like every statistics
connector: `cbs` joins the formats of `koers import` and the sources of `koers
record`. Django is imported by the handlers only, so `--help` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from koers.cli.output import listed

if TYPE_CHECKING:
    from koers.sources.service import CbsSelection


def register(import_formats: Any, record_sources: Any) -> None:
    """Add `cbs` to the formats of `koers import` and the sources of `koers record`."""
    importer = import_formats.add_parser(
        "cbs",
        help="a CBS table: live, recorded or a StatLine CSV export",
        description="Import a CBS (Statistics Netherlands) table atomically. SOURCE is a "
        "table id (read live from the OData v4 API), a folder of recorded responses "
        "(koers record cbs) or a StatLine CSV export.",
    )
    importer.add_argument("file", metavar="SOURCE", help="table id, folder or CSV file")
    _selection_options(importer)
    importer.add_argument(
        "--update-metadata",
        action="store_true",
        help="take the source's title and unit for indicators that exist (default: keep "
        "what is stored and report the differences)",
    )
    importer.add_argument(
        "--table", metavar="ID", help="the table id of a CSV export whose file name lacks it"
    )
    _live_options(importer)
    importer.set_defaults(handler=cmd_import)
    record = record_sources.add_parser(
        "cbs",
        help="a CBS table from the OData v4 API",
        description="Record a CBS table's API responses, as returned, into a new folder that "
        "koers import cbs reads back.",
    )
    record.add_argument("table", metavar="TABLE", help="the table id, e.g. 81955NED (case matters)")
    record.add_argument(
        "-o", "--output", metavar="DIR", required=True, help="the folder to write (new or empty)"
    )
    _selection_options(record)
    _live_options(record)
    record.set_defaults(handler=cmd_record)


def _selection_options(parser: argparse._ActionsContainer) -> None:
    parser.add_argument(
        "--measure",
        action="append",
        default=[],
        metavar="CODE",
        help="only this measure (repeat for more; default: every measure)",
    )
    parser.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="DIM=CODE",
        help="only this code of a dimension, e.g. RegioS=GM0772 or Perioden=2020JJ00 "
        "(repeat; codes of one dimension are alternatives)",
    )


def _live_options(parser: argparse._ActionsContainer) -> None:
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help="the API's address (default https://datasets.cbs.nl/odata/v1/CBS)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="give up on a request after this long (default 60)",
    )


def cmd_import(args: argparse.Namespace) -> int:
    from koers.sources import service

    selection = _selection(args, "import")
    if selection is None:
        return 2
    refused: tuple[type[Exception], ...] = (*service.CONNECTOR_ERRORS, OSError)
    try:
        table = service.open_cbs_table(args.file, selection, table_id=args.table, **_live(args))
        result = service.import_cbs(table, update_metadata=args.update_metadata)
    except refused as exc:
        print(f"koers import: {exc}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    stored = result.stored
    print(f"imported {table.publisher} {table.table_id} ({table.title}) from {args.file}")
    print(listed("indicators", result.indicators))
    print(
        f"  observations: {stored.added} added, {stored.revised} revised, {stored.unchanged} unchanged"
    )
    print(listed("geographies created", result.geographies_created))
    print(listed("metadata differences", [str(d) for d in result.differences], each_line=True))
    if table.left_out:
        print(listed("left out (text, not figures)", list(table.left_out)))
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    from koers.sources import service

    selection = _selection(args, "record")
    if selection is None:
        return 2
    try:
        recorded = service.record_cbs_table(args.table, Path(args.output), selection, **_live(args))
    except (service.CbsError, OSError) as exc:
        print(f"koers record: {exc}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    print(
        f"recorded CBS {args.table} into {recorded.folder}: {recorded.files} metadata files, "
        f"{recorded.pages} page(s) of observations ({recorded.observations} values)"
    )
    return 0


def _selection(args: argparse.Namespace, verb: str) -> CbsSelection | None:
    from koers.sources import service

    try:
        return service.CbsSelection.parse(args.measure, args.filter)
    except ValueError as exc:
        print(f"koers {verb}: {exc}", file=sys.stderr)
        return None


def _live(args: argparse.Namespace) -> dict[str, Any]:
    options: dict[str, Any] = {"timeout": args.timeout}
    if args.base_url:
        options["base_url"] = args.base_url
    return options
