"""`koers token`: people make their own API tokens, administrators anyone's; revoked is gone."""

from __future__ import annotations

import pytest

from koers.api.tokens import user_of
from koers.cli.main import main
from koers.rounds.tests.world import World

pytestmark = pytest.mark.django_db


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_person_makes_their_own_token_and_it_stands_for_them(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOERS_ACTOR", "owner@example.org")
    code, out, err = _run(capsys, "token", "add", "owner@example.org", "--name", "sync")
    assert code == 0 and "shown only now" in err
    assert user_of(out.strip()) == world.owner


def test_nobody_else_makes_a_token_for_someone_but_an_administrator(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOERS_ACTOR", "owner@example.org")
    code, _, err = _run(capsys, "token", "add", "coordinator@example.org", "--name", "x")
    assert code == 1 and "manage_people is not allowed" in err
    monkeypatch.setenv("KOERS_ACTOR", "admin@example.org")
    code, out, _ = _run(capsys, "token", "add", "coordinator@example.org", "--name", "x")
    assert code == 0 and user_of(out.strip()) == world.coordinator


def test_a_revoked_token_no_longer_works(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOERS_ACTOR", "admin@example.org")
    token = _run(capsys, "token", "add", "reader@example.org", "--name", "old")[1].strip()
    code, listed, _ = _run(capsys, "token", "list")
    assert code == 0 and f"{token[:8]}  reader@example.org" in listed and "active" in listed
    code, out, _ = _run(capsys, "token", "revoke", token[:8])
    assert code == 0 and out.startswith(f"revoked {token[:8]}")
    assert user_of(token) is None
