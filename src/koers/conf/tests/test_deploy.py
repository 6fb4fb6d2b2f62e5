"""Production settings pass Django's deploy check at the strictest level, behind a TLS
proxy too (finding 7 of issue 14)."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[4]


def _check(
    tmp_path: Path, collected: bool = True, **variables: str
) -> subprocess.CompletedProcess[str]:
    static = tmp_path / "static"
    static.mkdir(exist_ok=True)
    if collected:
        (static / "staticfiles.json").write_text('{"paths": {}, "version": "1.1"}')
    environment = {
        **{
            k: v
            for k, v in os.environ.items()
            if not k.startswith("KOERS_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
        },
        "DJANGO_SETTINGS_MODULE": "koers.conf.production",
        "KOERS_SECRET_KEY": secrets.token_urlsafe(50),
        "KOERS_ALLOWED_HOSTS": "koers.example.nl",
        "KOERS_STATIC_ROOT": str(static),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'koers.sqlite3'}",
        **variables,
    }
    command = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    return subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_the_defaults_pass_the_deploy_check(tmp_path: Path) -> None:
    result = _check(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_behind_a_tls_proxy_that_redirects_and_sends_hsts_it_passes(tmp_path: Path) -> None:
    result = _check(
        tmp_path,
        KOERS_PROXY_SSL_HEADER="X-Forwarded-Proto",
        KOERS_SSL_REDIRECT="false",
        KOERS_HSTS_SECONDS="0",
        KOERS_CSRF_TRUSTED_ORIGINS="https://koers.example.nl",
    )
    assert result.returncode == 0, result.stderr


def test_missing_collectstatic_fails_the_deploy_check(tmp_path: Path) -> None:
    result = _check(tmp_path, collected=False)
    assert result.returncode == 1 and "koers.E001" in result.stderr


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("KOERS_SECRET_KEY", "short", "50 characters"),
        ("KOERS_CSRF_TRUSTED_ORIGINS", "koers.example.nl", "must start with https://"),
        ("KOERS_HSTS_SECONDS", "-1", "KOERS_HSTS_SECONDS=-1 is outside"),
    ],
)
def test_a_bad_production_value_is_named(
    tmp_path: Path, variable: str, value: str, message: str
) -> None:
    result = _check(tmp_path, **{variable: value})
    assert result.returncode != 0 and message in result.stderr
