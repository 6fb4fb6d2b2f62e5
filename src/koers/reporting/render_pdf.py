"""The report and the cover note as PDF: WeasyPrint prints the very HTML of render_html.

The PDF is tagged for accessibility (PDF/UA-1 where the installed WeasyPrint
offers it, else plain structure tags), takes its language from `<html lang>`
and its title from `<title>`, and sets its text in DejaVu Sans (Debian's
fonts-dejavu-core), the font the charts are measured for.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

from koers.readmodel.service import Report
from koers.reporting.cover_note import CoverNote
from koers.reporting.render_html import render_cover_note_html, render_html

UA_VARIANT = "pdf/ua-1"


def render_pdf(report: Report) -> bytes:
    """The report as a tagged A4 PDF."""
    return html_to_pdf(render_html(report))


def render_cover_note_pdf(note: CoverNote) -> bytes:
    return html_to_pdf(render_cover_note_html(note))


def html_to_pdf(html: str) -> bytes:
    """Print a self-contained HTML document (no external files) to PDF bytes."""
    pdf: bytes = _weasyprint().HTML(string=html).write_pdf(**pdf_options())
    return pdf


@lru_cache(maxsize=1)
def pdf_options() -> dict[str, Any]:
    """PDF/UA-1 when this WeasyPrint knows it (it implies tags), else tags alone (v61+)."""
    weasyprint = _weasyprint()
    variants = importlib.import_module("weasyprint.pdf").VARIANTS
    if UA_VARIANT in variants:
        return {"pdf_variant": UA_VARIANT}
    if "pdf_tags" in weasyprint.DEFAULT_OPTIONS:
        return {"pdf_tags": True}
    return {}


def _weasyprint() -> Any:
    # Imported on first use: WeasyPrint loads Pango and fonts, which a web worker
    # that never prints should not pay for at start-up.
    import weasyprint  # type: ignore[import-untyped]

    return weasyprint
