"""Marker shapes. A hollow marker (white fill) marks a provisional, estimated
or revised value; a filled one a final value."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Final

from koers.charts.styles import BACKGROUND, Shape
from koers.charts.svgdoc import element, num

MARKER_RADIUS: Final = 4.0
_Outline = Callable[[float, float, float], list[tuple[float, float]]]


def marker(shape: Shape, x: float, y: float, colour: str, hollow: bool = False) -> str:
    """One marker centred on (x, y)."""
    paint = {
        "fill": BACKGROUND if hollow else colour,
        "stroke": colour,
        "stroke-width": 1.5,
        "class": "marker marker-hollow" if hollow else "marker",
    }
    if shape == "circle":
        return element("circle", {"cx": x, "cy": y, "r": MARKER_RADIUS, **paint})
    outline = _OUTLINES[shape](x, y, MARKER_RADIUS)
    return element("path", {"d": _path(outline), **paint})


def _path(outline: list[tuple[float, float]]) -> str:
    head, *rest = outline
    return f"M{num(head[0])} {num(head[1])}" + "".join(f"L{num(a)} {num(b)}" for a, b in rest) + "Z"


def _square(x: float, y: float, r: float) -> list[tuple[float, float]]:
    # A square with the area of the circle looks the same size.
    h = r * 0.89
    return [(x - h, y - h), (x + h, y - h), (x + h, y + h), (x - h, y + h)]


def _diamond(x: float, y: float, r: float) -> list[tuple[float, float]]:
    h = r * 1.25
    return [(x, y - h), (x + h, y), (x, y + h), (x - h, y)]


def _triangle(x: float, y: float, r: float) -> list[tuple[float, float]]:
    h = r * 1.35
    return [(x, y - h), (x + h * 0.9, y + h * 0.6), (x - h * 0.9, y + h * 0.6)]


def _triangle_down(x: float, y: float, r: float) -> list[tuple[float, float]]:
    return [(a, 2 * y - b) for a, b in _triangle(x, y, r)]


def _star(x: float, y: float, r: float) -> list[tuple[float, float]]:
    # Five points, twice the marker size: the target must stand out.
    outer, inner = r * 2.2, r * 0.9
    angles = [math.pi / 5 * i - math.pi / 2 for i in range(10)]
    radii = [outer if i % 2 == 0 else inner for i in range(10)]
    return [
        (x + rad * math.cos(a), y + rad * math.sin(a)) for a, rad in zip(angles, radii, strict=True)
    ]


_OUTLINES: Final[dict[str, _Outline]] = {
    "square": _square,
    "diamond": _diamond,
    "triangle": _triangle,
    "triangle_down": _triangle_down,
    "star": _star,
}
