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


def stranded_headings(html: str) -> list[tuple[int, str]]:
    """(page number, heading text) of each page that ends on a heading."""
    import weasyprint  # type: ignore[import-untyped]
    from weasyprint.formatting_structure import boxes  # type: ignore[import-untyped]

    found = []
    for number, page in enumerate(weasyprint.HTML(string=html).render().pages, start=1):
        root = next(b for b in page._page_box.children if getattr(b, "element_tag", "") == "html")
        box: Any = root
        # Down the last box in the normal flow, to the page's last line.
        while isinstance(box, boxes.ParentBox) and not isinstance(box, boxes.LineBox):
            flow = [b for b in box.children if not (b.is_absolutely_positioned() or b.is_floated())]
            if not flow:
                break
            box = flow[-1]
            if getattr(box, "element_tag", "") in HEADINGS:
                found.append((number, _text(box)))
                break
    return found


def _text(box: Any) -> str:
    if hasattr(box, "text"):
        return str(box.text)
    return " ".join(_text(child) for child in getattr(box, "children", []))


def _page_with_a_heading_after(lines: int, rule: str) -> str:
    """`lines` paragraphs, a heading, then a block too tall to share a page with it."""
    return (
        f"<html><head><style>@page {{size: A5}} h2 {{break-after: {rule}}}"
        " .tall {height: 150mm; break-inside: avoid}</style></head><body>"
        + "<p>regel</p>" * lines
        + '<h2>Alleen</h2><div class="tall">x</div></body></html>'
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
        ("brainport2030", dt.date(2024, 1, 1), dt.date(2024, 12, 31), "en"),
    ],
)
def test_no_report_page_ends_on_a_heading(
    agenda: str, start: dt.date, end: dt.date, language: Language
) -> None:
    html = render_html(build_report(agenda, start, end, language))
    assert stranded_headings(html) == []
