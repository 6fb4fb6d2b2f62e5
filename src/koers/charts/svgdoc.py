"""A few helpers that write SVG text deterministically (attribute order as given)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from xml.sax.saxutils import escape, quoteattr

from koers.charts.metrics import em_width

# Values are strings or numbers; numbers are written with `num`.
Attrs = Mapping[str, object]


def num(value: float) -> str:
    """A coordinate with at most two decimals and no "-0"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def element(tag: str, attrs: Attrs, children: Iterable[str] = ()) -> str:
    """`<tag a="1">children</tag>`, or self-closing without children."""
    inner = "".join(children)
    opening = f"<{tag}{_attributes(attrs)}"
    return f"{opening}>{inner}</{tag}>" if inner else f"{opening}/>"


def text_element(content: str, attrs: Attrs) -> str:
    """A `<text>` element holding escaped `content`."""
    return f"<text{_attributes(attrs)}>{escape(content)}</text>"


def points_attr(points: Iterable[tuple[float, float]]) -> str:
    """The `points` attribute of a polyline: "x,y x,y"."""
    return " ".join(f"{num(x)},{num(y)}" for x, y in points)


def _attributes(attrs: Attrs) -> str:
    return "".join(f" {name}={quoteattr(_value(value))}" for name, value in attrs.items())


def _value(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return num(float(value))
    msg = f"an SVG attribute must be a string or a number, not {value!r}"
    raise TypeError(msg)


def text_width(content: str, size: float) -> float:
    """The estimated rendered width of `content` at font size `size`."""
    return em_width(content) * size


def fit_text(content: str, max_width: float, size: float) -> str:
    """`content`, cut with an ellipsis when wider than `max_width`."""
    if text_width(content, size) <= max_width:
        return content
    kept = content
    while kept and text_width(kept + "…", size) > max_width:
        kept = kept[:-1]
    return kept.rstrip() + "…"
