"""`koers user`, `koers round` and `koers audit`, run in-process on the test database."""

from __future__ import annotations

import io
import json

import pytest

from koers.accounts.models import AuditEvent
from koers.cli.main import main
from koers.rounds import service
from koers.rounds.models import Task
from koers.rounds.tests.world import World

pytestmark = pytest.mark.django_db
ROUND = ["--agenda", "proef", "--period", "2020-07-01:2021-06-30"]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_user_add_reads_the_password_from_stdin_and_is_audited_from_cli(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough passphrase\n"))
    code, out, _ = _run(
        capsys,
        "user",
        "add",
        "nina@trekker.nl",
        "--name",
        "Nina",
        "--organisation",
        "trekker",
        "--role",
        "owner",
        "--agenda",
        "proef",
        "--password-stdin",
    )
    assert (code, out) == (0, "nina@trekker.nl (trekker) is owner for proef\n")
    origins = set(AuditEvent.objects.values_list("origin", "channel"))
    assert origins == {("cli", "cli")}
    types = sorted(AuditEvent.objects.values_list("object_type", flat=True))
    assert types == ["accounts.person", "accounts.roleassignment", "auth.user"]


def test_user_add_refuses_a_short_password_and_writes_nothing(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("kort\n"))
    code, _, err = _run(
        capsys,
        "user",
        "add",
        "x@y.nl",
        "--name",
        "X",
        "--organisation",
        "trekker",
        "--role",
        "owner",
        "--password-stdin",
    )
    assert code == 1 and "at least 12 characters" in err
    assert not AuditEvent.objects.exists()


def test_a_round_from_the_command_line(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "round", "open", *ROUND, "--deadline", "2021-05-31")
    assert (code, out) == (
        0,
        "round proef 2020-07-01:2021-06-30 opened with 2 task(s), deadline 2021-05-31\n",
    )
    code, out, _ = _run(capsys, "round", "status", *ROUND, "--format", "json")
    tasks = {t.item.code: t.pk for t in Task.objects.all()}
    assert json.loads(out) == [
        {
            "item": "1",
            "organisation": "trekker",
            "owner": "owner@example.org",
            "state": "open",
            "url": f"/beheer/taak/{tasks['1']}/",
        },
        {
            "item": "2",
            "organisation": "andere-trekker",
            "owner": "other@example.org",
            "state": "open",
            "url": f"/beheer/taak/{tasks['2']}/",
        },
    ]
    code, _, err = _run(capsys, "round", "publish", *ROUND)
    assert code == 1 and "Not yet approved: 1, 2." in err
    for task in Task.objects.all():
        service.approve(
            service.submit(
                task, world.coordinator, {"status": "on_track", "narrative_nl": "Goed."}
            ),
            world.reviewer,
        )
    code, out, _ = _run(capsys, "round", "publish", *ROUND)
    assert (code, out) == (
        0,
        "round proef 2020-07-01:2021-06-30 published: 2 task(s); 2 status_updates\n",
    )
    code, out, _ = _run(capsys, "round", "status", *ROUND)
    assert [line.split()[3] for line in out.splitlines()] == ["published", "published"]


def test_bad_round_input_gives_a_message_not_a_traceback(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "round", "open", *ROUND, "--deadline", "31-05-2021")[2] == (
        "koers round open: '31-05-2021' is not a date (YYYY-MM-DD)\n"
    )
    assert (
        "not a period"
        in _run(capsys, "round", "status", "--agenda", "proef", "--period", "2020")[2]
    )
    assert "No round of proef" in _run(capsys, "round", "publish", *ROUND)[2]
    assert (
        "no agenda with code 'nope'"
        in _run(
            capsys,
            "round",
            "open",
            "--agenda",
            "nope",
            "--period",
            "2020-07-01:2021-06-30",
            "--deadline",
            "2021-05-31",
        )[2]
    )


def test_koers_actor_makes_the_persons_roles_apply(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOERS_ACTOR", "owner@example.org")
    code, _, err = _run(capsys, "round", "open", *ROUND, "--deadline", "2021-05-31")
    assert code == 1 and "open_round is not allowed" in err
    [event] = AuditEvent.objects.all()
    assert (event.actor, event.organisation, event.origin, event.outcome) == (
        "owner@example.org",
        "trekker",
        "cli",
        "refused",
    )


def test_audit_prints_the_trail_as_json_by_actor_and_day(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOERS_ACTOR", "coordinator@example.org")
    _run(capsys, "round", "open", *ROUND, "--deadline", "2021-05-31")
    code, out, _ = _run(
        capsys,
        "audit",
        "--actor",
        "coordinator@example.org",
        "--since",
        "2000-01-01",
        "--format",
        "json",
    )
    records = json.loads(out)
    assert code == 0 and {r["object_type"] for r in records} == {"rounds.round", "rounds.task"}
    assert {(r["actor"], r["organisation"], r["origin"], r["outcome"]) for r in records} == {
        ("coordinator@example.org", "ezk", "cli", "done")
    }
    assert _run(capsys, "audit", "--since", "gisteren")[0] == 2
    monkeypatch.setenv("KOERS_ACTOR", "owner@example.org")
    assert _run(capsys, "audit")[0] == 1
