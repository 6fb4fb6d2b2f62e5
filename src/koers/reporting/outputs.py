"""The output formats: one place that knows each format's renderer, media type and file name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, Literal, TypeGuard

from koers.readmodel.service import Report
from koers.reporting.cover_note import CoverNote, build_cover_note
from koers.reporting.render_docx import render_cover_note_docx, render_docx
from koers.reporting.render_html import render_cover_note_html, render_html
from koers.reporting.render_pdf import render_cover_note_pdf, render_pdf

Format = Literal["html", "pdf", "docx"]
FORMATS: Final[tuple[Format, ...]] = ("html", "pdf", "docx")

CONTENT_TYPES: Final[dict[Format, str]] = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

_FILE_WORDS: Final = {
    "nl": ("voortgangsrapportage", "begeleidende-notitie"),
    "en": ("progress-report", "cover-note"),
}


def is_format(value: str) -> TypeGuard[Format]:
    return value in FORMATS


def report_bytes(report: Report, fmt: Format) -> bytes:
    """The report rendered in `fmt`."""
    return _REPORT_RENDERERS[fmt](report)


def note_bytes(report: Report, fmt: Format) -> bytes:
    """The report's cover note rendered in `fmt`."""
    return _NOTE_RENDERERS[fmt](build_cover_note(report))


def filename(report: Report, fmt: Format, cover_note: bool = False) -> str:
    """ "voortgangsrapportage-bna-2019-07-01-2020-06-30.pdf" (English names in English)."""
    words = _FILE_WORDS.get(report.language, _FILE_WORDS["en"])
    kind = words[1] if cover_note else words[0]
    return f"{kind}-{report.agenda_code}-{report.start}-{report.end}.{fmt}"


def _html(report: Report) -> bytes:
    return render_html(report).encode("utf-8")


def _note_html(note: CoverNote) -> bytes:
    return render_cover_note_html(note).encode("utf-8")


_REPORT_RENDERERS: Final[dict[Format, Callable[[Report], bytes]]] = {
    "html": _html,
    "pdf": render_pdf,
    "docx": render_docx,
}
_NOTE_RENDERERS: Final[dict[Format, Callable[[CoverNote], bytes]]] = {
    "html": _note_html,
    "pdf": render_cover_note_pdf,
    "docx": render_cover_note_docx,
}
