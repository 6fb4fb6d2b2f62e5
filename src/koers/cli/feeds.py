"""`koers feeds list` and `koers feeds refresh`: statistics in from the declared feeds."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

Handler = Callable[[argparse.Namespace], int]
Verb = Callable[[str, Handler, str], argparse.ArgumentParser]


def register(verb: Verb) -> None:
    """Add the `feeds` verb and its sub-verbs to the koers parser."""
    feeds = verb("feeds", _usage, "List the declared statistics feeds or refresh them.")
    actions = feeds.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="every feed, its source and its last refresh")
    listing.set_defaults(handler=cmd_list)
    refresh = actions.add_parser(
        "refresh",
        help="read every feed (or the named ones) and store new and revised values",
        description="Read the feeds and store what is new or revised (append-only; a failing "
        "feed keeps its last good values), then derive region sums and ratios. "
        "Exits 1 when a feed failed.",
    )
    refresh.add_argument(
        "--feed", action="append", default=[], metavar="NAME", help="only this feed (repeatable)"
    )
    refresh.add_argument(
        "--offline",
        metavar="DIR",
        help="read recorded responses and files under DIR instead of the live sources",
    )
    refresh.set_defaults(handler=cmd_refresh)


def _usage(args: argparse.Namespace) -> int:  # pragma: no cover - argparse requires an action
    return 2


def cmd_list(args: argparse.Namespace) -> int:
    from koers.sources.models import Feed

    for feed in Feed.objects.select_related("indicator").order_by("name"):
        when = feed.last_refreshed.isoformat(timespec="seconds") if feed.last_refreshed else "never"
        outcome = feed.last_outcome or "-"
        print(f"{feed.name:<44} {feed.connector:<9} {feed.indicator.code:<36} {when} {outcome}")
    return 0


def cmd_refresh(args: argparse.Namespace) -> int:
    from koers.sources.derive import DerivationError
    from koers.sources.feeds import FeedError, FeedOutcome, refresh_feeds

    offline = Path(args.offline) if args.offline else None
    if offline is not None and not offline.is_dir():
        print(f"koers feeds refresh: --offline {offline}: not a folder", file=sys.stderr)
        return 2

    def progress(number: int, total: int, outcome: FeedOutcome) -> None:
        print(f"[{number}/{total}] {outcome}", file=sys.stderr, flush=True)

    try:
        result = refresh_feeds(args.feed, offline=offline, progress=progress)
    except (FeedError, DerivationError) as exc:
        print(f"koers feeds refresh: {exc}", file=sys.stderr)
        return 2
    derived = result.derived.stored
    print(
        f"derived: {derived.added} added, {derived.revised} revised, {derived.unchanged} unchanged"
    )
    for refusal in result.derived.refusals:
        print(f"not derived: {refusal}")
    failed = result.failed
    print(f"{len(result.outcomes) - len(failed)} feed(s) refreshed, {len(failed)} failed")
    return 1 if failed else 0
