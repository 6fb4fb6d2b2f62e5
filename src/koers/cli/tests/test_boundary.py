"""Bad input at the command line's boundary gets one line naming the variable, option
or file, never a traceback and never a password (finding 5 of issue 14)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from koers.cli.main import main
from koers.conf import env

SECRET = "s3cr3t-pw"


def _koers(tmp_path: Path, *args: str, **variables: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **{k: v for k, v in os.environ.items() if k not in ("KOERS_DEBUG", "PORT")},
        "DATABASE_URL": f"sqlite:///{tmp_path / 'koers.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "koers.conf.dev",
        **variables,
    }
    command = [sys.executable, "-m", "koers.cli.main", *args]
    return subprocess.run(command, env=environment, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DATABASE_URL", f"mysql://koers:{SECRET}@db/koers", "unsupported scheme 'mysql'"),
        ("DATABASE_URL", f"postgres://koers:{SECRET}@db:port/koers", "DATABASE_URL="),
        ("DATABASE_URL", f"postgres://koers:{SECRET}@127.0.0.1:1/koers", "database error"),
        ("DATABASE_URL", "sqlite:///", "names no SQLite file"),
        ("DJANGO_SETTINGS_MODULE", "koers.conf.nope", "DJANGO_SETTINGS_MODULE='koers.conf.nope'"),
        ("KOERS_DEBUG", "maybe", "KOERS_DEBUG='maybe' is not a boolean"),
        ("KOERS_SMTP_PORT", "x", "KOERS_SMTP_PORT='x' is not a whole number"),
        ("KOERS_SMTP_PORT", "70000", "KOERS_SMTP_PORT=70000 is outside 1..65535"),
    ],
)
def test_a_bad_variable_is_named_without_traceback_or_password(
    tmp_path: Path, variable: str, value: str, message: str
) -> None:
    result = _koers(tmp_path, "check", **{variable: value})
    assert result.returncode in (1, 2)
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert SECRET not in result.stderr + result.stdout


def test_a_bad_port_does_not_break_help(tmp_path: Path) -> None:
    result = _koers(tmp_path, "--help", PORT="abc")
    assert result.returncode == 0 and "VERB" in result.stdout


def test_a_bad_port_is_named_when_serving(tmp_path: Path) -> None:
    result = _koers(tmp_path, "serve", PORT="abc")
    assert result.returncode == 2
    assert "PORT='abc' is not a whole number" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("port", ["99999", "0", "-1", "http"])
def test_serve_refuses_a_port_out_of_range(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--port", port])
    assert exit_.value.code == 2
    assert "argument --port" in capsys.readouterr().err


@pytest.mark.django_db
def test_an_unwritable_export_path_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / "export.json"
    assert main(["export", "-o", str(target)]) == 1
    assert f"koers export: cannot write {target}: No such file or directory" in (
        capsys.readouterr().err
    )


def test_a_password_is_never_echoed_from_a_url() -> None:
    assert env.redact_url(f"postgres://u:{SECRET}@h:5432/d") == "postgres://u:***@h:5432/d"
    assert env.redact_url("sqlite:///var/k.sqlite3") == "sqlite:///var/k.sqlite3"
