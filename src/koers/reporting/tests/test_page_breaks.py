"""No heading is left alone at the bottom of a report page: WeasyPrint lays the
report out and every page's last line of flow is read from its boxes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from koers.readmodel.service import Language
from koers.reporting.render_html import render_html
from koers.reporting.report import build_report
from koers.reporting.tests.conftest import brainport

__all__ = ["brainport"]

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def stranded_headings(html: str, lines_after: int = 2) -> list[tuple[int, str]]:
    """(page number, heading text) of each page whose last heading is followed by fewer
    than `lines_after` lines: the heading (with at most a line of lead-in) is left at the
    page's foot while what it introduces starts on the next page."""
    import weasyprint  # type: ignore[import-untyped]

    pages = weasyprint.HTML(string=html).render().pages
    found = []
    for number, page in enumerate(pages, start=1):
        heading, after = None, 0
        for box, in_heading in _flow(_root(page), False):
            if getattr(box, "element_tag", "") in HEADINGS and not in_heading:
                heading, after = box, 0
            elif heading is not None and not in_heading and _is_line(box):
                after += 1
        # Where the next page opens with a heading, what this heading introduced ended
        # on this page: a short section, complete ("Nothing changed here.").
        ended = number == len(pages) or _opens_with_heading(pages[number])
        if heading is not None and after < lines_after and not ended:
            found.append((number, _text(heading)))
    return found


def _root(page: Any) -> Any:
    return next(b for b in page._page_box.children if getattr(b, "element_tag", "") == "html")


def _opens_with_heading(page: Any) -> bool:
    first = next(
        (in_heading for box, in_heading in _flow(_root(page), False) if _is_line(box)), False
    )
    return bool(first)


def _flow(box: Any, in_heading: bool) -> Any:
    """The boxes of the normal flow in document order, each with whether it lies in a heading."""
    from weasyprint.formatting_structure import boxes  # type: ignore[import-untyped]

    yield box, in_heading
    if isinstance(box, boxes.LineBox) or not isinstance(box, boxes.ParentBox):
        return
    inside = in_heading or getattr(box, "element_tag", "") in HEADINGS
    for child in box.children:
        if not (child.is_absolutely_positioned() or child.is_floated()):
            yield from _flow(child, inside)


def _is_line(box: Any) -> bool:
    from weasyprint.formatting_structure import boxes

    # A line of text, or a picture (a map or chart is one replaced box, worth lines).
    return isinstance(box, boxes.LineBox | boxes.ReplacedBox) or (
        getattr(box, "element_tag", "") == "svg"
    )


def _text(box: Any) -> str:
    if hasattr(box, "text"):
        return str(box.text)
    return " ".join(_text(child) for child in getattr(box, "children", []))


def _page_with_a_heading_after(lines: int, rule: str) -> str:
    """`lines` paragraphs, a heading, then a block too tall to share a page with it."""
    return (
        f"<html><head><style>@page {{size: A5}} h2 {{break-after: {rule}}}"
        " .tall {break-inside: avoid}</style></head><body>"
        + "<p>regel</p>" * lines
        + '<h2>Alleen</h2><div class="tall">'
        + "<p>inhoud</p>" * 12
        + "</div></body></html>"
    )


def test_the_check_sees_a_heading_stranded_at_the_bottom_of_a_page() -> None:
    # Somewhere between 20 and 60 lines the heading reaches the page's foot; where it
    # may break after it, it stays there; where it may not, it moves on with the block.
    left = [n for n in range(20, 60) if stranded_headings(_page_with_a_heading_after(n, "auto"))]
    assert left
    assert all(not stranded_headings(_page_with_a_heading_after(n, "avoid")) for n in left)


@pytest.mark.django_db
@pytest.mark.slow
@pytest.mark.usefixtures("brainport")
@pytest.mark.parametrize(
    ("agenda", "start", "end", "language"),
    [
        ("bna", dt.date(2019, 7, 1), dt.date(2020, 6, 30), "nl"),
        ("brainport2030", dt.date(2024, 1, 1), dt.date(2024, 12, 31), "nl"),
        ("brainport2030", dt.date(2024, 1, 1), dt.date(2024, 12, 31), "en"),
    ],
)
def test_no_report_page_ends_on_a_heading(
    agenda: str, start: dt.date, end: dt.date, language: Language
) -> None:
    html = render_html(build_report(agenda, start, end, language))
    assert stranded_headings(html) == []
