"""Read settings from environment variables, loudly.

Every variable Koers reads is declared in `VARIABLES` with its meaning, so the
README can be checked against the code. A bad value stops start-up with a
message naming the variable instead of surfacing later as a strange error.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

VARIABLES: dict[str, str] = {
    "DATABASE_URL": "Database to use: sqlite:///PATH or postgres://USER:PASSWORD@HOST:PORT/NAME. "
    "Default: an SQLite file var/koers.sqlite3 in the checkout.",
    "KOERS_SECRET_KEY": "Django's secret key. Required in production.",
    "KOERS_DEBUG": "true or false. Default true in development, false in production.",
    "KOERS_ALLOWED_HOSTS": "Comma-separated host names the site answers to. Default: localhost only.",
    "KOERS_STATIC_ROOT": "Production: the folder collectstatic fills. Default var/static in the checkout.",
    "KOERS_TEST_DATABASE_URL": "A PostgreSQL database URL for a second run of the test suite.",
    "PORT": "Port `make run` serves on. Default 8000.",
    "KOERS_EMAIL_FROM": "Sender address of Koers' e-mail (reminders). Default koers@localhost.",
    "KOERS_SMTP_HOST": "SMTP server for e-mail; unset, messages are printed to the console.",
    "KOERS_SMTP_PORT": "SMTP port. Default 587.",
    "KOERS_SMTP_USER": "SMTP user name, if the server asks for one.",
    "KOERS_SMTP_PASSWORD": "SMTP password, if the server asks for one.",
    "KOERS_SMTP_TLS": "true or false: STARTTLS to the SMTP server. Default true.",
    "KOERS_ACTOR": "The command line acts as this person (an e-mail): their roles apply and the "
    "audit trail names them. Unset: the operating-system account, with an administrator's rights.",
    "KOERS_SSL_REDIRECT": "Production: true (default) redirects http to https; false when the "
    "TLS-terminating proxy does it.",
    "KOERS_HSTS_SECONDS": "Production: Strict-Transport-Security max-age. Default one year; 0 "
    "turns HSTS off (when the proxy sends it).",
    "KOERS_HSTS_INCLUDE_SUBDOMAINS": "Production: HSTS includeSubDomains. Default true.",
    "KOERS_HSTS_PRELOAD": "Production: HSTS preload. Default true.",
    "KOERS_PROXY_SSL_HEADER": "Production behind a TLS proxy: the header it sets to https "
    "(e.g. X-Forwarded-Proto); only set it when the proxy always sets or strips it.",
    "KOERS_CSRF_TRUSTED_ORIGINS": "Production: comma-separated origins forms may be posted from "
    "(e.g. https://koers.example.nl) when the proxy changes the host or port.",
    "KOERS_LOG_LEVEL": "Lowest level logged to standard error as JSON lines: DEBUG, INFO "
    "(default), WARNING, ERROR or CRITICAL.",
    "KOERS_API_ANON_RATE": "Requests a client without a token may make to the API, e.g. "
    "300/minute (the default) or 20/second.",
    "DJANGO_SETTINGS_MODULE": "koers.conf.dev (default), koers.conf.test or koers.conf.production.",
}

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def get_str(name: str, default: str | None = None) -> str:
    """The variable's value, or `default`; fails when neither is there."""
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"environment variable {name} is required: {VARIABLES[name]}")
    return value


def get_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    if raw.strip().lower() in _TRUE:
        return True
    if raw.strip().lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use true or false)")


def get_int(name: str, default: int, lowest: int | None = None, highest: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw[:40]!r} is not a whole number") from None
    if (lowest is not None and value < lowest) or (highest is not None and value > highest):
        raise ImproperlyConfigured(f"{name}={value} is outside {lowest}..{highest}")
    return value


def port(name: str, default: int) -> int:
    """A TCP port from `name`: a whole number from 1 to 65535."""
    return get_int(name, default, 1, 65535)


def get_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [part.strip() for part in raw.split(",") if part.strip()]


def redact_url(url: str) -> str:
    """`url` with its password replaced by ***, for messages: a password is never echoed."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return "<an unreadable URL>"
    if not password:
        return url
    netloc = parts.netloc.replace(f":{password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


def parse_database_url(url: str) -> dict[str, Any]:
    """Turn a DATABASE_URL into a Django DATABASES entry; a bad one is named, redacted."""
    try:
        return _parse_database_url(url)
    except ValueError as exc:  # urlsplit: a port that is not a number, a bad IPv6 host
        raise ImproperlyConfigured(f"DATABASE_URL={redact_url(url)!r}: {exc}") from None


def _parse_database_url(url: str) -> dict[str, Any]:
    parts = urlsplit(url)
    shown = redact_url(url)
    if parts.scheme == "sqlite":
        # As dj-database-url: sqlite:///relative/path and sqlite:////absolute/path.
        path = url[len("sqlite:///") :] if url.startswith("sqlite:///") else ""
        if not path:
            raise ImproperlyConfigured(f"DATABASE_URL={shown!r} names no SQLite file")
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": path, "OPTIONS": {}}
    if parts.scheme in {"postgres", "postgresql"}:
        name = parts.path.lstrip("/")
        if not name:
            raise ImproperlyConfigured(f"DATABASE_URL={shown!r} names no database")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(name),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL={shown!r}: unsupported scheme {parts.scheme!r} (use sqlite or postgres)"
    )


def default_sqlite_url(base_dir: Path) -> str:
    return f"sqlite:///{base_dir / 'var' / 'koers.sqlite3'}"
