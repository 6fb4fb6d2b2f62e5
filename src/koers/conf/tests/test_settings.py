"""Settings come from the environment and fail loudly; production refuses unsafe defaults."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from koers.conf import env

# A key Django's own deploy check accepts: 50+ characters, not a repeated few.
KEY = secrets.token_urlsafe(50)


def _production(**variables: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KOERS_")}
    code = "import django; django.setup(); print('started')"
    return subprocess.run(
        [sys.executable, "-c", code],
        env=clean | {"DJANGO_SETTINGS_MODULE": "koers.conf.production"} | variables,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_production_refuses_to_start_without_a_secret_key() -> None:
    result = _production(KOERS_ALLOWED_HOSTS="koers.example.nl")
    assert result.returncode != 0 and "KOERS_SECRET_KEY" in result.stderr


@pytest.mark.parametrize(
    ("variables", "named"),
    [
        (
            {"KOERS_SECRET_KEY": "short", "KOERS_ALLOWED_HOSTS": "koers.example.nl"},
            "KOERS_SECRET_KEY",
        ),
        (
            {"KOERS_SECRET_KEY": KEY, "KOERS_DEBUG": "true", "KOERS_ALLOWED_HOSTS": "a"},
            "KOERS_DEBUG",
        ),
        ({"KOERS_SECRET_KEY": KEY}, "KOERS_ALLOWED_HOSTS"),
        (
            {"KOERS_SECRET_KEY": KEY, "KOERS_ALLOWED_HOSTS": "a", "KOERS_DEBUG": "perhaps"},
            "KOERS_DEBUG",
        ),
    ],
)
def test_production_refuses_unsafe_values(variables: dict[str, str], named: str) -> None:
    result = _production(**variables)
    assert result.returncode != 0 and named in result.stderr


def test_production_starts_with_safe_values() -> None:
    result = _production(KOERS_SECRET_KEY=KEY, KOERS_ALLOWED_HOSTS="koers.example.nl")
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_database_urls() -> None:
    assert env.parse_database_url("sqlite:////tmp/k.sqlite3")["NAME"] == "/tmp/k.sqlite3"
    pg = env.parse_database_url("postgres://koers:p%40ss@db.local:5433/koers")
    assert (pg["USER"], pg["PASSWORD"], pg["HOST"], pg["PORT"], pg["NAME"]) == (
        "koers",
        "p@ss",
        "db.local",
        "5433",
        "koers",
    )
    for bad in ("mysql://x/y", "postgres://host/", "sqlite://"):
        with pytest.raises(ImproperlyConfigured):
            env.parse_database_url(bad)
