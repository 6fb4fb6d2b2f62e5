"""`koers round open|status|publish|remind`: a reporting round from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import Any

from koers.cli.principal import principal

Verb = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]
PERIOD_HELP = "the reporting period, dates as YYYY-MM-DD, e.g. 2020-07-01:2021-06-30"


def register(verb: Verb) -> None:
    round_ = verb("round", _missing_subverb, "Open, follow and publish a reporting round.")
    subverbs = round_.add_subparsers(dest="round_verb", required=True, metavar="SUBVERB")

    def subverb(name: str, handler: Callable[[argparse.Namespace], int], text: str) -> Any:
        sub = subverbs.add_parser(name, help=text, description=text)
        sub.set_defaults(handler=handler)
        sub.add_argument("--agenda", metavar="CODE", required=True, help="the agenda, e.g. bna")
        sub.add_argument("--period", metavar="START:END", required=True, help=PERIOD_HELP)
        return sub

    opened = subverb("open", cmd_open, "Open a round: every item with an owner gets a task.")
    opened.add_argument("--deadline", metavar="YYYY-MM-DD", required=True, help="the deadline")
    status = subverb("status", cmd_status, "Each task of the round with its state.")
    status.add_argument(
        "--format", choices=["table", "json"], default="table", help="output format"
    )
    subverb("publish", cmd_publish, "Publish the round's approved updates (all must be approved).")
    subverb(
        "remind",
        cmd_remind,
        "E-mail the owners who have not submitted (near or past the deadline).",
    )


def _missing_subverb(args: argparse.Namespace) -> int:
    return 2  # argparse refuses a missing sub-verb before this runs


def _fail(verb: str, message: object) -> int:
    print(f"koers round {verb}: {message}", file=sys.stderr)
    return 1


def _period(text: str) -> tuple[dt.date, dt.date]:
    from koers.reporting.periods import parse_report_period

    return parse_report_period(text)


def _run(verb: str, args: argparse.Namespace, action: Callable[[], int]) -> int:
    """Run `action`, turning the refusals and errors a user can cause into a message."""
    from django.core.exceptions import PermissionDenied, ValidationError

    from koers.accounts.service import AccountError
    from koers.reporting.periods import PeriodFormatError
    from koers.rounds.service import RoundError

    try:
        return action()
    except (RoundError, AccountError, PeriodFormatError, PermissionDenied) as exc:
        return _fail(verb, exc)
    except ValidationError as exc:
        return _fail(verb, "; ".join(exc.messages))


def _round(args: argparse.Namespace) -> Any:
    from koers.rounds.service import find_round

    return find_round(args.agenda, *_period(args.period))


def cmd_open(args: argparse.Namespace) -> int:
    def action() -> int:
        from koers.agendas.models import Agenda
        from koers.rounds.service import RoundError, open_round

        agenda = Agenda.objects.filter(code=args.agenda).first()
        if agenda is None:
            raise RoundError({"agenda": f"no agenda with code {args.agenda!r}"})
        try:
            deadline = dt.date.fromisoformat(args.deadline)
        except ValueError:
            raise RoundError(
                {"deadline": f"{args.deadline!r} is not a date (YYYY-MM-DD)"}
            ) from None
        opened = open_round(agenda, *_period(args.period), deadline, principal())
        print(f"round {opened} opened with {opened.tasks.count()} task(s), deadline {deadline}")
        return 0

    return _run("open", args, action)


def task_rows(round_: Any) -> list[dict[str, Any]]:
    """One plain row per task, as `status --format json` prints it."""
    from django.urls import reverse
    from django.utils import translation

    tasks = round_.tasks.select_related("item", "organisation", "assignee")
    with translation.override("nl"):  # the site's first language: /beheer/..., no prefix
        return _rows(tasks, reverse)


def _rows(tasks: Any, reverse: Any) -> list[dict[str, Any]]:
    return [
        {
            "item": task.item.code,
            "organisation": task.organisation.code,
            "owner": task.assignee.get_username() if task.assignee else None,
            "state": task.state,
            "url": reverse("beheer:task", args=[task.pk]),
        }
        for task in tasks.order_by("item__order", "item__code")
    ]


def cmd_status(args: argparse.Namespace) -> int:
    def action() -> int:
        from koers.accounts.policy import Action, require

        found = _round(args)
        # The states of every task: for those who follow the whole agenda's round.
        require(principal(), Action.VIEW_DRAFT, found)
        rows = task_rows(found)
        if args.format == "json":
            print(json.dumps(rows, ensure_ascii=False, indent=2))
            return 0
        for row in rows:
            owner = row["owner"] or "-"
            print(
                f"{row['item']:<12} {row['organisation']:<30} {owner:<30} {row['state']:<10} {row['url']}"
            )
        return 0

    return _run("status", args, action)


def cmd_publish(args: argparse.Namespace) -> int:
    def action() -> int:
        from koers.rounds.service import publish_round

        found = _round(args)
        published = publish_round(found, principal())
        counts = ", ".join(f"{n} {name}" for name, n in sorted(published.counts.items()))
        print(f"round {found} published: {published.tasks} task(s); {counts or 'nothing new'}")
        return 0

    return _run("publish", args, action)


def cmd_remind(args: argparse.Namespace) -> int:
    def action() -> int:
        from koers.rounds.service import remind

        found = _round(args)
        sent = remind(found, principal())
        for reminder in sent:
            print(f"{reminder.kind:<5} {reminder.to}: {', '.join(reminder.items)}")
        print(f"{len(sent)} reminder(s) sent")
        return 0

    return _run("remind", args, action)
