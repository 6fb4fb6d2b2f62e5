"""The `koers` command: every verb has help, and the verbs work end to end on a real file database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from koers.cli.main import build_parser, main

VERBS = [
    "init",
    "demo",
    "serve",
    "export",
    "backup",
    "restore",
    "import",
    "record",
    "assess",
    "feeds",
    "report",
    "check",
    "manage",
    "user",
    "round",
    "audit",
    "token",
]


def test_the_parser_knows_exactly_the_documented_verbs() -> None:
    subparsers = next(a for a in build_parser()._actions if a.dest == "verb")
    assert sorted(subparsers.choices) == sorted(VERBS)


@pytest.mark.parametrize("verb", VERBS)
def test_every_verb_has_help(verb: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([verb, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: koers {verb}")
    assert len(out.splitlines()) >= 3


def _koers(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'koers.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "koers.conf.dev",
    }
    env.pop("KOERS_TEST_DATABASE_URL", None)
    command = [sys.executable, "-m", "koers.cli.main", *args]
    return subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=600, check=False
    )


@pytest.mark.slow
def test_demo_export_import_check_on_a_file_database(tmp_path: Path) -> None:
    loaded = _koers(tmp_path, "demo")
    assert loaded.returncode == 0, loaded.stderr
    assert "Brainport dataset loaded" in loaded.stdout
    again = _koers(tmp_path, "demo")
    assert "nothing to do" in again.stdout
    assert _koers(tmp_path, "export", "-o", str(tmp_path / "a.json")).returncode == 0
    assert _koers(tmp_path, "check").returncode == 0, _koers(tmp_path, "check").stdout

    (tmp_path / "koers.sqlite3").unlink()
    assert _koers(tmp_path, "init").returncode == 0
    imported = _koers(tmp_path, "import", "json", str(tmp_path / "a.json"))
    assert imported.returncode == 0, imported.stderr
    assert _koers(tmp_path, "export", "-o", str(tmp_path / "b.json")).returncode == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_a_refused_import_exits_non_zero_and_says_nothing_was_written(tmp_path: Path) -> None:
    assert _koers(tmp_path, "init").returncode == 0
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "koers", "version": 1, "entities": [{"name": "sources", "rows": [{"code": "x"}]}]}'
    )
    result = _koers(tmp_path, "import", "json", str(bad))
    assert result.returncode == 1
    assert "bad.json" in result.stderr and "'title'" in result.stderr
    assert "nothing was written" in result.stderr
