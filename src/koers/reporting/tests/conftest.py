"""Fixtures of the report tests: a small BNA-shaped agenda of our own, the shipped
Brainport dataset, and readers for the text of rendered PDFs and Word files."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from django.db import transaction

from koers.agendas.models import Agenda

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "proefagenda"
PERIOD = (dt.date(2019, 7, 1), dt.date(2020, 6, 30))


@pytest.fixture
def proefagenda(db: None) -> Agenda:
    """The invented agenda `proefagenda`: three pillars, priority actions with
    sub-actions, two years of updates, money, governance and targets."""
    from koers.sources.dataset import load_dataset

    load_dataset(FIXTURE)
    return Agenda.objects.get(code="proefagenda")


@pytest.fixture(scope="module")
def brainport(django_db_setup: None, django_db_blocker: object) -> Iterator[None]:
    """The shipped Brainport dataset, loaded once per module and rolled back after it."""
    from koers.sources import service

    with django_db_blocker.unblock(), transaction.atomic():
        service.load_demo()
        yield
        transaction.set_rollback(True)


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    """The text of a PDF as pdftotext (poppler-utils) reads it."""
    tool = require_tool("pdftotext")
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    done = subprocess.run([tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


def pdf_info(pdf: bytes, tmp_path: Path) -> str:
    """pdfinfo's report on a PDF, with its XMP metadata."""
    tool = require_tool("pdfinfo")
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    plain = subprocess.run([tool, str(path)], capture_output=True, check=True).stdout
    meta = subprocess.run([tool, "-meta", str(path)], capture_output=True, check=True).stdout
    return (plain + meta).decode("utf-8")


def pdf_pages_as_png(pdf: bytes, tmp_path: Path) -> list[Path]:
    """Every page rendered to PNG by pdftoppm; fails on any rendering error."""
    tool = require_tool("pdftoppm")
    path = tmp_path / "pages.pdf"
    path.write_bytes(pdf)
    subprocess.run([tool, "-r", "40", "-png", str(path), str(tmp_path / "page")], check=True)
    return sorted(tmp_path.glob("page-*.png"))


def docx_text(content: bytes) -> str:
    """The paragraphs and table cells of a .docx as one string (whitespace collapsed)."""
    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"{name} not found: apt-get install -y poppler-utils"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def squash(text: str) -> str:
    return " ".join(text.split())
