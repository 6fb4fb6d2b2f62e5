"""A small trend line for a key-figure tile: the series' shape, its last point
marked, and the target as a dashed level when there is one. It carries no
numbers of its own, so it is drawn as decoration (`aria-hidden`): the tile's
text states the latest value, the change and the status. No Django, no Koers
app imports."""

from __future__ import annotations

from collections.abc import Sequence

from koers.charts.svgdoc import element, num, points_attr

WIDTH = 120
HEIGHT = 36
PAD = 3


def render_sparkline(points: Sequence[tuple[float, float]], target: float | None = None) -> str:
    """`points` as (year, value), sorted or not; empty when fewer than two points."""
    series = sorted(points)
    if len(series) < 2:
        return ""
    xs = [x for x, _ in series]
    ys = [y for _, y in series] + ([target] if target is not None else [])
    low, high = min(ys), max(ys)
    first, last = xs[0], xs[-1]

    def at(x: float, y: float) -> tuple[float, float]:
        left = PAD + (x - first) / ((last - first) or 1) * (WIDTH - 2 * PAD)
        # A flat series sits in the middle rather than on an edge.
        share = (y - low) / (high - low) if high > low else 0.5
        return left, HEIGHT - PAD - share * (HEIGHT - 2 * PAD)

    drawn = [at(x, y) for x, y in series]
    children = []
    if target is not None:
        _, level = at(first, target)
        children.append(
            element(
                "line",
                {
                    "x1": num(PAD),
                    "x2": num(WIDTH - PAD),
                    "y1": num(level),
                    "y2": num(level),
                    "class": "koers-spark__target",
                },
            )
        )
    children.append(element("polyline", {"points": points_attr(drawn), "class": "koers-spark"}))
    end_x, end_y = drawn[-1]
    children.append(
        element(
            "circle", {"cx": num(end_x), "cy": num(end_y), "r": 2.5, "class": "koers-spark__end"}
        )
    )
    return element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "class": "koers-spark-chart",
            "viewBox": f"0 0 {WIDTH} {HEIGHT}",
            "width": WIDTH,
            "height": HEIGHT,
            "aria-hidden": "true",
            "focusable": "false",
        },
        children,
    )
