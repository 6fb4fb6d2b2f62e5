"""Who the command line acts as, for the policy and for the audit trail.

Imported by the parser, before Django is set up: the accounts app is only
imported inside the functions.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from koers.accounts.audit import Actor
    from koers.accounts.policy import User


def principal() -> User:
    """The account `KOERS_ACTOR` names (its roles apply), else the command line itself."""
    from koers.accounts.policy import COMMAND_LINE
    from koers.accounts.service import cli_user

    return cli_user() or COMMAND_LINE


@contextmanager
def acting_from_cli() -> Iterator[None]:
    """Every write of the command inside is recorded as made from "cli". Usable before
    Django is set up (manage.py): the person is looked up at the first write."""
    from koers.accounts.audit import acting

    found: list[Actor] = []

    def source() -> Actor:
        from koers.accounts.service import cli_actor

        if not found:  # read once: the person does not change during a command
            found.append(cli_actor())
        return found[0]

    with acting(source):
        yield
