"""Horizontal bars for counts: an accessible SVG (title, description, every bar labelled
with its number, so colour is never the only carrier). No Django, no Koers app imports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from koers.charts.svgdoc import element, num, text_element

BAR_HEIGHT = 18
GAP = 6
LABEL_WIDTH = 230
BAR_WIDTH = 200
GROUP_GAP = 14


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    count: int
    tone: str = "none"  # the badge tone it repeats: good, warn, bad, done, none


@dataclass(frozen=True, slots=True)
class BarGroup:
    title: str
    bars: tuple[Bar, ...]


def render_bars(title: str, description: str, groups: Sequence[BarGroup], id_prefix: str) -> str:
    """Groups of labelled bars, one row each, scaled to the largest count."""
    most = max((b.count for g in groups for b in g.bars), default=0) or 1
    rows: list[str] = []
    y = 0.0
    for group in groups:
        y += BAR_HEIGHT
        rows.append(
            text_element(group.title, {"x": 0, "y": num(y - 4), "class": "koers-bars__group"})
        )
        for bar in group.bars:
            rows.append(_bar(bar, y, most))
            y += BAR_HEIGHT + GAP
        y += GROUP_GAP
    width = LABEL_WIDTH + BAR_WIDTH + 60
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    return element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "class": "koers-bars",
            "viewBox": f"0 0 {width} {num(y)}",
            "role": "img",
            "aria-labelledby": f"{title_id} {desc_id}",
        },
        [
            element("title", {"id": title_id}, [escape(title)]),
            element("desc", {"id": desc_id}, [escape(description)]),
            *rows,
        ],
    )


def _bar(bar: Bar, y: float, most: int) -> str:
    length = BAR_WIDTH * bar.count / most
    return "".join(
        (
            text_element(bar.label, {"x": 8, "y": num(y + BAR_HEIGHT - 5)}),
            element(
                "rect",
                {
                    "x": LABEL_WIDTH,
                    "y": num(y),
                    "width": num(max(length, 1)),
                    "height": BAR_HEIGHT,
                    "class": f"koers-bars__bar koers-bars__bar--{bar.tone}",
                },
            ),
            text_element(
                str(bar.count),
                {"x": num(LABEL_WIDTH + max(length, 1) + 6), "y": num(y + BAR_HEIGHT - 5)},
            ),
        )
    )
