"""`koers token add|list|revoke`: people's API tokens for writing through the REST API."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from koers.cli.principal import principal

Verb = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


def register(verb: Verb) -> None:
    token = verb("token", _missing_subverb, "Manage people's API tokens (writes through the API).")
    verbs = token.add_subparsers(dest="token_verb", required=True, metavar="SUBVERB")
    add = verbs.add_parser(
        "add",
        help="make a token for a person and print it (once: only its digest is kept)",
        description="Make an API token for a person; their roles decide what it may write.",
    )
    add.set_defaults(handler=cmd_add)
    add.add_argument("email", metavar="EMAIL", help="the person's e-mail address")
    add.add_argument("--name", required=True, help="what the token is for, e.g. 'monitor sync'")
    listing = verbs.add_parser("list", help="every token: its first characters, person, state")
    listing.set_defaults(handler=cmd_list)
    revoke = verbs.add_parser("revoke", help="revoke a token by its first characters")
    revoke.set_defaults(handler=cmd_revoke)
    revoke.add_argument("prefix", metavar="PREFIX", help="the token's first characters")


def _missing_subverb(args: argparse.Namespace) -> int:
    return 2


def _allowed(email: str) -> None:
    """People make their own tokens; an administrator makes anyone's."""
    from koers.accounts.policy import Action, require

    acting = principal()
    if acting.get_username().lower() != email.strip().lower():
        require(acting, Action.MANAGE_PEOPLE)


def cmd_add(args: argparse.Namespace) -> int:
    from django.core.exceptions import PermissionDenied

    from koers.accounts.service import AccountError
    from koers.api.service import TokenError, add_token

    try:
        _allowed(args.email)
        token = add_token(args.email, args.name)
    except (AccountError, PermissionDenied, TokenError) as exc:
        print(f"koers token add: {exc}", file=sys.stderr)
        return 1
    print(token)
    print("keep it safe: it is shown only now", file=sys.stderr)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from django.core.exceptions import PermissionDenied

    from koers.accounts.policy import Action, require
    from koers.accounts.service import AccountError
    from koers.api.service import tokens

    try:
        require(principal(), Action.MANAGE_PEOPLE)
    except (AccountError, PermissionDenied) as exc:
        print(f"koers token list: {exc}", file=sys.stderr)
        return 1
    for token in tokens():
        state = f"revoked {token.revoked_at:%Y-%m-%d}" if token.revoked_at else "active"
        print(f"{token.prefix}  {token.user.get_username():<30} {state:<18} {token.name}")
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    from django.core.exceptions import PermissionDenied

    from koers.accounts.policy import Action, require
    from koers.accounts.service import AccountError
    from koers.api.service import TokenError, revoke_token

    try:
        require(principal(), Action.MANAGE_PEOPLE)
        revoked = revoke_token(args.prefix)
    except (AccountError, PermissionDenied, TokenError) as exc:
        print(f"koers token revoke: {exc}", file=sys.stderr)
        return 1
    print(f"revoked {revoked.prefix}… of {revoked.user.get_username()}")
    return 0
