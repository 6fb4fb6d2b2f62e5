"""`koers user add` and `koers audit`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable

from koers.cli.principal import principal

Verb = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


def register(verb: Verb) -> None:
    user = verb("user", _missing_subverb, "Manage the people who sign in to the editors' area.")
    users = user.add_subparsers(dest="user_verb", required=True, metavar="SUBVERB")
    add = users.add_parser(
        "add",
        help="add a person of an organisation with a role (again: add another role)",
        description="Add a person (an e-mail address) of an organisation with a role.",
    )
    add.set_defaults(handler=cmd_user_add)
    add.add_argument("email", metavar="EMAIL", help="the e-mail address the person signs in with")
    add.add_argument("--name", required=True, help="the person's name")
    add.add_argument("--organisation", required=True, metavar="CODE", help="organisation code")
    add.add_argument(
        "--role",
        required=True,
        help="administrator, coordinator, owner, contributor, reviewer or reader",
    )
    add.add_argument("--agenda", metavar="CODE", help="the agenda the role holds for")
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input (12+ characters, not a common one)",
    )
    audit = verb("audit", cmd_audit, "Print the audit trail: who changed what, when, from where.")
    audit.add_argument("--since", metavar="DATE", help="from this day on (YYYY-MM-DD)")
    audit.add_argument("--actor", metavar="EMAIL", help="only this person's records")
    audit.add_argument("--format", choices=["table", "json"], default="table", help="output format")


def _missing_subverb(args: argparse.Namespace) -> int:
    return 2  # argparse refuses a missing sub-verb before this runs


def cmd_user_add(args: argparse.Namespace) -> int:
    from django.core.exceptions import PermissionDenied

    from koers.accounts.policy import Action, require
    from koers.accounts.service import AccountError, add_person

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None
    try:
        require(principal(), Action.MANAGE_PEOPLE)
        person = add_person(
            args.email, args.name, args.organisation, args.role, args.agenda, password
        )
    except (AccountError, PermissionDenied) as exc:
        print(f"koers user add: {exc}", file=sys.stderr)
        return 1
    where = f" for {args.agenda}" if args.agenda else ""
    print(f"{person.user.get_username()} ({person.organisation.code}) is {args.role}{where}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from django.core.exceptions import PermissionDenied

    from koers.accounts.policy import Action, require
    from koers.accounts.service import AccountError, audit_events, audit_rows

    try:
        since = dt.date.fromisoformat(args.since) if args.since else None
    except ValueError:
        print(f"koers audit: --since {args.since!r} is not a date (YYYY-MM-DD)", file=sys.stderr)
        return 2
    try:
        require(principal(), Action.READ_AUDIT)
    except (AccountError, PermissionDenied) as exc:
        print(f"koers audit: {exc}", file=sys.stderr)
        return 1
    rows = audit_rows(audit_events(since, args.actor))
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        changed = ", ".join(row["changes"]) or row["detail"]
        print(
            f"{row['at']}  {row['actor'] or '-':<28} {row['origin']:<15} {row['outcome']:<7} "
            f"{row['action']:<14} {row['object_type']} {row['object']}  {changed}".rstrip()
        )
    print(f"{len(rows)} record(s)", file=sys.stderr)
    return 0
