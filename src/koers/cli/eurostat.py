"""`koers import eurostat` and `koers record eurostat`: the Eurostat connector's verbs.

Registered by `koers.cli.main.build_parser` on the `import` and `record`
verbs. Importing this module loads no Django: the handlers import the
service when they run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from koers.cli.output import listed

LIVE_NOTE = (
    "SOURCE is a dataset code (fetched live from Eurostat's API), a folder written by "
    "`koers record eurostat`, or a file: JSON-stat, SDMX-ML, bulk TSV (plain or gzip) "
    "or CSV (SDMX-CSV, long)."
)


def register(import_formats: Any, record_sources: Any) -> None:
    """Add `eurostat` to the formats of `koers import` and the sources of `koers record`."""
    _import_parser(import_formats)
    _record_parser(record_sources)


def _import_parser(import_formats: Any) -> None:
    importer = import_formats.add_parser(
        "eurostat",
        help="a Eurostat table: live, recorded or a file",
        description=f"Import a Eurostat table atomically. {LIVE_NOTE}",
    )
    importer.add_argument("source", metavar="SOURCE", help="dataset code, folder or file")
    importer.add_argument(
        "--measure",
        action="append",
        default=[],
        metavar="CODE",
        help="import only this measure (e.g. MIO_EUR); repeat for more",
    )
    _filters(importer)
    importer.add_argument(
        "--measure-dimension",
        action="append",
        metavar="DIM",
        help="a dimension whose codes are measures (default: unit); repeat for combinations",
    )
    importer.add_argument(
        "--dataset", metavar="CODE", help="the dataset code, where a file's name does not say it"
    )
    importer.add_argument(
        "--update-metadata",
        action="store_true",
        help="change a stored indicator's name, unit or direction where the source differs",
    )
    _live(importer)
    importer.set_defaults(handler=cmd_import_eurostat)


def _record_parser(record_sources: Any) -> None:
    recorder = record_sources.add_parser(
        "eurostat",
        help="a Eurostat table from the live API",
        description="Fetch a Eurostat table live and write the response, exactly as sent, "
        "with an index.json into DIR; `koers import eurostat DIR` imports it.",
    )
    recorder.add_argument("dataset", metavar="DATASET", help="the dataset code, e.g. nama_10r_3gdp")
    recorder.add_argument(
        "-o", "--output", metavar="DIR", required=True, help="the folder to write"
    )
    _filters(recorder)
    _live(recorder)
    recorder.set_defaults(handler=cmd_record_eurostat)


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--filter",
        action="append",
        default=[],
        type=_filter,
        metavar="DIM=CODE",
        help="keep only these codes of a dimension (geo=NL41, unit=MIO_EUR, geo=NL41,NL414); "
        "live, they are the query's parameters",
    )


def _live(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sdmx-key",
        metavar="KEY",
        help="live: ask the SDMX 2.1 API for this series key (A.MIO_EUR.NL41+NL414) "
        "instead of JSON-stat",
    )
    parser.add_argument(
        "--api", metavar="URL", help="live: the base address of the API (default: Eurostat's)"
    )
    parser.add_argument(
        "--timeout", type=float, default=60.0, metavar="S", help="live: seconds to wait (60)"
    )


def _filter(text: str) -> tuple[str, list[str]]:
    name, equals, codes = text.partition("=")
    wanted = [code.strip() for code in codes.split(",") if code.strip()]
    if not equals or not name.strip() or not wanted:
        raise argparse.ArgumentTypeError(f"{text!r}: expected DIM=CODE, e.g. geo=NL41")
    return name.strip(), wanted


def filters_of(pairs: Sequence[tuple[str, list[str]]]) -> dict[str, set[str]]:
    """--filter geo=NL41 --filter geo=NL414,NL41 -> {"geo": {"NL41", "NL414"}}."""
    merged: dict[str, set[str]] = {}
    for name, codes in pairs:
        merged.setdefault(name, set()).update(codes)
    return merged


def _api(args: argparse.Namespace) -> Any:
    from koers.sources import service

    return service.LiveApi.at(args.api) if args.api else service.LiveApi()


def cmd_import_eurostat(args: argparse.Namespace) -> int:
    from koers.sources import service

    refused: tuple[type[Exception], ...] = (*service.CONNECTOR_ERRORS, OSError)

    try:
        table, result = service.import_eurostat(
            args.source,
            measures=args.measure,
            filters=filters_of(args.filter),
            measure_dimensions=args.measure_dimension,
            dataset=args.dataset,
            sdmx_key=args.sdmx_key,
            update_metadata=args.update_metadata,
            api=_api(args),
            timeout=args.timeout,
        )
    except refused as exc:
        print(f"koers import eurostat: {exc}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    for line in _summary(table, result):
        print(line)
    return 0


def _summary(table: Any, result: Any) -> list[str]:
    stored = result.stored
    lines = [
        f"imported Eurostat {table.table_id} from {table.reference}",
        f"indicators: {', '.join(result.indicators) or 'none'}",
        f"observations: {stored.added} added, {stored.revised} revised, "
        f"{stored.unchanged} unchanged",
        listed("geographies created", result.geographies_created).strip(),
    ]
    if result.differences:
        lines.append("metadata differences:")
        lines += [f"  {difference}" for difference in result.differences]
    return lines


def cmd_record_eurostat(args: argparse.Namespace) -> int:
    from koers.sources import service

    refused: tuple[type[Exception], ...] = (*service.CONNECTOR_ERRORS, OSError)

    try:
        folder = service.record_eurostat(
            args.dataset,
            Path(args.output),
            filters=filters_of(args.filter),
            sdmx_key=args.sdmx_key,
            api=_api(args),
            timeout=args.timeout,
        )
    except refused as exc:
        print(f"koers record eurostat: {exc}", file=sys.stderr)
        return 1
    print(f"recorded {args.dataset} into {folder} (index.json and the response as sent)")
    return 0
