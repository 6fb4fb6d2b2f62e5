"""Building blocks for Word documents that staff can keep editing: real heading
styles (Heading 1-6, so Word's navigation pane and table of contents work),
tables with a repeating header row and a caption, pictures with alt text, and
the document language set on the styles."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

TABLE_STYLE = "Table Grid"
PICTURE_WIDTH = Cm(16)
LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB"}


def new_document(title: str, language: str, author: str, subject: str) -> DocumentObject:
    """An A4 document with its core properties and language set."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    properties = document.core_properties
    properties.title = title
    properties.subject = subject
    properties.author = author
    properties.language = LANGUAGE_TAGS.get(language, language)
    properties.keywords = "Koers"
    _set_language(document, LANGUAGE_TAGS.get(language, language))
    document.styles["Normal"].font.size = Pt(10)
    return document


def _set_language(document: DocumentObject, tag: str) -> None:
    # Word reads the proofing (and screen reader) language from w:lang on the styles.
    for name in ("Normal", "Title", "Caption", *(f"Heading {n}" for n in range(1, 7))):
        r_pr = document.styles[name].element.get_or_add_rPr()
        lang = r_pr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            r_pr.append(lang)
        lang.set(qn("w:val"), tag)


def heading(document: DocumentObject, text: str, level: int) -> Paragraph:
    """A paragraph in Word's own "Heading <level>" style (0 is "Title")."""
    para: Paragraph = document.add_heading(text, level=max(0, min(level, 6)))
    return para


def paragraph(document: DocumentObject, text: str, style: str | None = None) -> Paragraph:
    return document.add_paragraph(text, style=style)


def labelled(document: DocumentObject, label: str, text: str) -> Paragraph:
    """ "Label: text" with the label in bold."""
    para = document.add_paragraph()
    para.add_run(f"{label}: ").bold = True
    para.add_run(text)
    return para


def bullets(document: DocumentObject, items: Iterable[str]) -> None:
    for item in items:
        document.add_paragraph(item, style="List Bullet")


def table(
    document: DocumentObject,
    caption: str,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    numeric: Sequence[int] = (),
    footer: Sequence[str] | None = None,
) -> Table:
    """A captioned table whose first row repeats on every page; `numeric` columns align right."""
    document.add_paragraph(caption, style="Caption")
    body = [list(row) for row in rows]
    if footer is not None:
        body.append(list(footer))
    grid: Table = document.add_table(rows=1 + len(body), cols=len(header))
    grid.style = document.styles[TABLE_STYLE]
    _fill(grid.rows[0].cells, header, numeric, bold=True)
    _repeat_header(grid)
    for index, row in enumerate(body, start=1):
        last = footer is not None and index == len(body)
        _fill(grid.rows[index].cells, row, numeric, bold=last)
    return grid


def _fill(
    cells: Sequence[object], values: Sequence[str], numeric: Sequence[int], bold: bool = False
) -> None:
    for index, (cell, value) in enumerate(zip(cells, values, strict=True)):
        para = cell.paragraphs[0]  # type: ignore[attr-defined]
        run = para.add_run(value)
        run.bold = bold
        run.font.size = Pt(8.5)
        if index in numeric:
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _repeat_header(grid: Table) -> None:
    tr_pr = grid.rows[0]._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    tr_pr.append(marker)


def picture(document: DocumentObject, png: bytes, title: str, description: str) -> None:
    """A picture at text width with its title and description as alt text."""
    shape = document.add_picture(io.BytesIO(png), width=PICTURE_WIDTH)
    properties = shape._inline.docPr
    properties.set("title", title)
    properties.set("descr", description)


def page_break(document: DocumentObject) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def to_bytes(document: DocumentObject) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
