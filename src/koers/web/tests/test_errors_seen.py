"""Errors somebody sees (finding 4 of issue 14): our own 404 and 500 pages in Dutch
and English, JSON-lines logs with a request id, and a missing collectstatic named
by a system check instead of a silent 500 on every page."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.checks import run_checks
from django.test import Client, override_settings

from koers.conf.logs import logging_config
from koers.web.observability import JsonFormatter, RequestIdFilter

pytestmark = [pytest.mark.django_db, pytest.mark.urls("koers.web.tests.errors_urls")]


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


@pytest.mark.parametrize(
    ("url", "language", "text"),
    [("/bestaat-niet/", "nl", "Pagina niet gevonden"), ("/en/nope/", "en", "Page not found")],
)
def test_a_missing_page_is_our_own_404_in_the_language_of_the_address(
    client: Client, url: str, language: str, text: str
) -> None:
    response = client.get(url)
    assert response.status_code == 404
    page = response.content.decode()
    assert f'<html lang="{language}"' in page and text in page


@pytest.mark.parametrize(
    ("url", "text"),
    [("/faalt/", "Er ging iets mis"), ("/en/faalt/", "Something went wrong")],
)
def test_a_failure_is_our_own_500_and_one_json_log_line_with_the_request_id(
    url: str, text: str, log_lines: io.StringIO
) -> None:
    client = Client(raise_request_exception=False)
    response = client.get(url, headers={"X-Request-ID": "proxy-id-12345"})
    assert response.status_code == 500
    assert text in response.content.decode()
    assert response["X-Request-ID"] == "proxy-id-12345"
    (line,) = log_lines.getvalue().splitlines()
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and entry["status_code"] == 500
    assert entry["request_id"] == "proxy-id-12345" and entry["path"] == url
    assert "RuntimeError: a deliberate failure" in entry["exception"]


def test_a_404_is_logged_with_its_request_id(client: Client, log_lines: io.StringIO) -> None:
    response = client.get("/bestaat-niet/")
    (line,) = log_lines.getvalue().splitlines()
    entry = json.loads(line)
    assert entry["status_code"] == 404 and entry["level"] == "WARNING"
    assert entry["request_id"] == response["X-Request-ID"]


def test_a_forged_request_id_is_replaced(client: Client) -> None:
    response = client.get("/bestaat-niet/", headers={"X-Request-ID": 'x"\n{"level":"fake"}'})
    assert len(response["X-Request-ID"]) == 32 and response["X-Request-ID"].isalnum()


def test_logging_is_configured_as_json_lines_on_stderr() -> None:
    config = logging_config("INFO")
    assert config["handlers"]["stderr"]["stream"] == "ext://sys.stderr"  # type: ignore[index]
    with pytest.raises(Exception, match="KOERS_LOG_LEVEL='LOUD'"):
        logging_config("LOUD")


def test_missing_collected_static_files_are_a_check_error(tmp_path: Path) -> None:
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STORAGES=storages, STATIC_ROOT=str(tmp_path)):
        ids = [message.id for message in run_checks(include_deployment_checks=True)]
        assert "koers.E001" in ids
        # Not a plain check: collectstatic itself must still run.
        assert "koers.E001" not in [message.id for message in run_checks()]
        (tmp_path / "staticfiles.json").write_text('{"paths": {}, "version": "1.1"}')
        assert "koers.E001" not in [
            message.id for message in run_checks(include_deployment_checks=True)
        ]
