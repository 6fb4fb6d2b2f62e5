"""Parse rendered SVG for assertions."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from koers.charts import Chart, render_svg

SVG = "{http://www.w3.org/2000/svg}"


def parse(
    chart: Chart,
    width: int = 640,
    height: int = 320,
    font_family: str = "DejaVu Sans",
    id_prefix: str | None = None,
) -> ET.Element:
    """Render `chart` and parse it; fails the test when it is not XML."""
    return ET.fromstring(render_svg(chart, width, height, font_family, id_prefix))


def texts(root: ET.Element, css_class: str) -> list[str]:
    """The text of every `<text class=...>` containing `css_class`."""
    return [
        el.text or ""
        for el in root.iter(f"{SVG}text")
        if css_class in (el.get("class") or "").split()
    ]


def groups(root: ET.Element, css_class: str) -> list[ET.Element]:
    """Every `<g>` whose class list contains `css_class`."""
    return [g for g in root.iter(f"{SVG}g") if css_class in (g.get("class") or "").split()]


def point_count(polyline: ET.Element) -> int:
    """How many points a polyline has."""
    return len((polyline.get("points") or "").split())
