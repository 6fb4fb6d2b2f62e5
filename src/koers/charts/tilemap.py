"""A tile-grid map: one square per municipality at its place on a grid, coloured by its
value's quantile class, with its name and number written on it (colour is never the only
carrier), missing values hatched and labelled, and a legend. No Django, no Koers app
imports; the numbers also go into a table beside the map."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final
from xml.sax.saxutils import escape

from koers.charts.numbers import Language, format_number
from koers.charts.render import SVG_NS
from koers.charts.styles import AXIS, BACKGROUND, TEXT
from koers.charts.svgdoc import element, fit_text, num, text_element, text_width
from koers.charts.texts import text

CLASSES: Final = 5
# Light to dark blue, each with the text colour that reads on it at 4.5:1 or more
# (WCAG 1.4.3; a test checks every pair).
CLASS_COLOURS: Final[tuple[tuple[str, str], ...]] = (
    ("#e5f1f8", TEXT),
    ("#b3d5ea", TEXT),
    ("#6fa8d0", TEXT),
    ("#2c6fa3", "#ffffff"),
    ("#154273", "#ffffff"),
)
NO_DATA_FILL: Final = BACKGROUND
HATCH: Final = "#8c8c8c"
TILE_WIDTH: Final = 84.0
TILE_HEIGHT: Final = 64.0
GAP: Final = 4.0
MARGIN: Final = 10.0
NAME_SIZE: Final = 10.0
VALUE_SIZE: Final = 12.0
LEGEND_ROW: Final = 20.0
SWATCH: Final = 14.0


@dataclass(frozen=True, slots=True)
class Place:
    """A member's input: its name, its square and its value (None: no figure)."""

    name: str
    column: int
    row: int
    value: float | None


@dataclass(frozen=True, slots=True)
class Tile:
    """A drawn square: the place, its value as written and its class (None: no data)."""

    name: str
    column: int
    row: int
    value: float | None
    value_text: str
    klass: int | None


@dataclass(frozen=True, slots=True)
class Band:
    """A legend line: the class and the lowest and highest value in it, as written."""

    klass: int
    low_text: str
    high_text: str


@dataclass(frozen=True, slots=True)
class TileMap:
    title: str
    description: str
    tiles: tuple[Tile, ...]
    bands: tuple[Band, ...]
    language: Language


def classify(values: Sequence[float | None], classes: int = CLASSES) -> list[int | None]:
    """Quantile classes 0..classes-1 by rank; equal values share a class, None stays None."""
    known = sorted(v for v in values if v is not None)
    # The rank of a value's first occurrence, so ties never straddle two classes.
    first = {v: index for index, v in reversed(list(enumerate(known)))}
    return [None if v is None else first[v] * classes // len(known) for v in values]


def tile_map(title: str, description: str, places: Sequence[Place], language: Language) -> TileMap:
    """The map of `places`: values written in `language`, classed, with the legend's bands."""
    classes = classify([p.value for p in places])
    decimals = _decimals([p.value for p in places])
    tiles = tuple(
        Tile(p.name, p.column, p.row, p.value, _written(p.value, language, decimals), klass)
        for p, klass in zip(places, classes, strict=True)
    )
    return TileMap(title, description, tiles, _bands(tiles, language, decimals), language)


def _decimals(values: Sequence[float | None]) -> int:
    # One precision for the whole map, so the tiles and the legend line up.
    return 0 if all(v is None or float(v).is_integer() for v in values) else 1


def _written(value: float | None, language: Language, decimals: int) -> str:
    return format_number(value, language, decimals)


def _bands(tiles: tuple[Tile, ...], language: Language, decimals: int) -> tuple[Band, ...]:
    found = []
    for klass in range(CLASSES):
        values = [t.value for t in tiles if t.klass == klass and t.value is not None]
        if values:
            low, high = (format_number(v, language, decimals) for v in (min(values), max(values)))
            found.append(Band(klass, low, high))
    return tuple(found)


def render_tilemap(tilemap: TileMap, id_prefix: str, font_family: str = "DejaVu Sans") -> str:
    """The map as a standalone SVG: `role="img"`, labelled by its title and description."""
    columns = max((t.column for t in tilemap.tiles), default=0) + 1
    rows = max((t.row for t in tilemap.tiles), default=0) + 1
    grid_bottom = MARGIN + rows * (TILE_HEIGHT + GAP)
    legend = _legend(tilemap, id_prefix, grid_bottom + 6)
    width = max(MARGIN * 2 + columns * (TILE_WIDTH + GAP), 320.0)
    height = grid_bottom + 6 + _legend_lines(tilemap) * LEGEND_ROW + MARGIN
    root = {
        "xmlns": SVG_NS,
        "class": "koers-tilemap",
        "width": num(width),
        "height": num(height),
        "viewBox": f"0 0 {num(width)} {num(height)}",
        "role": "img",
        "aria-labelledby": f"{id_prefix}-title {id_prefix}-desc",
        "font-family": f"{font_family}, sans-serif",
        "font-size": NAME_SIZE,
        "fill": TEXT,
        "lang": tilemap.language,
    }
    body = [
        element("title", {"id": f"{id_prefix}-title"}, [escape(tilemap.title)]),
        element("desc", {"id": f"{id_prefix}-desc"}, [escape(tilemap.description)]),
        _hatch(id_prefix),
        element("rect", {"width": num(width), "height": num(height), "fill": BACKGROUND}),
        *(_tile(tile, tilemap.language, id_prefix) for tile in tilemap.tiles),
        legend,
    ]
    return element("svg", root, body) + "\n"


def _hatch(id_prefix: str) -> str:
    line = element("path", {"d": "M0,6 L6,0", "stroke": HATCH, "stroke-width": 1.5})
    pattern = element(
        "pattern",
        {
            "id": f"{id_prefix}-hatch",
            "width": 6,
            "height": 6,
            "patternUnits": "userSpaceOnUse",
        },
        [element("rect", {"width": 6, "height": 6, "fill": NO_DATA_FILL}), line],
    )
    return element("defs", {}, [pattern])


def fill_of(klass: int | None, id_prefix: str) -> tuple[str, str]:
    """The tile's fill and its text colour; no data: the hatch, dark text."""
    if klass is None:
        return f"url(#{id_prefix}-hatch)", TEXT
    return CLASS_COLOURS[klass]


def _tile(tile: Tile, language: Language, id_prefix: str) -> str:
    x = MARGIN + tile.column * (TILE_WIDTH + GAP)
    y = MARGIN + tile.row * (TILE_HEIGHT + GAP)
    fill, ink = fill_of(tile.klass, id_prefix)
    square = {"x": num(x), "y": num(y), "width": TILE_WIDTH, "height": TILE_HEIGHT}
    square |= {"fill": fill, "class": f"koers-tilemap__tile koers-tilemap__tile--{_kind(tile)}"}
    square |= {"data-column": str(tile.column), "data-row": str(tile.row)}
    if tile.klass is None:
        square |= {"stroke": AXIS, "stroke-width": 1}
    parts = [element("title", {}, [escape(f"{tile.name}: {_value_words(tile, language)}")])]
    parts.append(element("rect", square))
    parts += _name_lines(tile.name, x, y, ink, backed=tile.klass is None)
    parts.append(_value(tile, language, x, y, ink))
    return element("g", {}, parts)


def _kind(tile: Tile) -> str:
    return "no-data" if tile.klass is None else f"class-{tile.klass}"


def _value_words(tile: Tile, language: Language) -> str:
    return tile.value_text if tile.klass is not None else text("no_data", language)


def _name_lines(name: str, x: float, y: float, ink: str, backed: bool) -> list[str]:
    centre = x + TILE_WIDTH / 2
    attrs = {"text-anchor": "middle", "fill": ink, "font-size": NAME_SIZE}
    lines = label_lines(name)
    drawn = [
        text_element(line, attrs | {"x": num(centre), "y": num(y + 15 + index * 12)})
        for index, line in enumerate(lines)
    ]
    if not backed:
        return drawn
    # Over the hatch, a white backing keeps the name readable.
    box = {"x": num(x + 4), "y": num(y + 4), "width": TILE_WIDTH - 8}
    box |= {"height": len(lines) * 12 + 4, "fill": BACKGROUND}
    return [element("rect", box), *drawn]


def label_lines(name: str, width: float = TILE_WIDTH - 8, size: float = NAME_SIZE) -> list[str]:
    """The tile's short label: the name up to a comma, on at most two lines, cut to fit."""
    short = name.split(",")[0].strip()
    if text_width(short, size) <= width:
        return [short]
    words = short.split(" ")
    first = words[0]
    # Greedy: as many words as fit on the first line, the rest on the second.
    for count in range(len(words) - 1, 0, -1):
        if text_width(" ".join(words[:count]), size) <= width:
            first = " ".join(words[:count])
            rest = " ".join(words[count:])
            return [first, fit_text(rest, width, size)]
    return [fit_text(first, width, size)]


def _value(tile: Tile, language: Language, x: float, y: float, ink: str) -> str:
    centre = x + TILE_WIDTH / 2
    if tile.klass is None:
        # A white backing keeps the words readable over the hatch.
        words = text("no_data", language)
        size = 9.0
        span = text_width(words, size) + 6
        backing = element(
            "rect",
            {
                "x": num(centre - span / 2),
                "y": num(y + TILE_HEIGHT - 22),
                "width": num(span),
                "height": 14,
                "fill": BACKGROUND,
            },
        )
        label = text_element(
            words,
            {
                "x": num(centre),
                "y": num(y + TILE_HEIGHT - 11),
                "text-anchor": "middle",
                "fill": TEXT,
                "font-size": size,
                "class": "no-data",
            },
        )
        return backing + label
    attrs: dict[str, object] = {"x": num(centre), "y": num(y + TILE_HEIGHT - 10)}
    attrs |= {"text-anchor": "middle", "fill": ink, "font-size": VALUE_SIZE}
    attrs |= {"font-weight": "bold"}
    return text_element(tile.value_text, attrs)


def _legend_lines(tilemap: TileMap) -> int:
    missing = any(t.klass is None for t in tilemap.tiles)
    return len(tilemap.bands) + (1 if missing else 0)


def _legend(tilemap: TileMap, id_prefix: str, top: float) -> str:
    entries = [(CLASS_COLOURS[band.klass][0], _band_text(band)) for band in tilemap.bands]
    if any(t.klass is None for t in tilemap.tiles):
        entries.append((f"url(#{id_prefix}-hatch)", text("no_data", tilemap.language)))
    parts = []
    for index, (fill, words) in enumerate(entries):
        y = top + index * LEGEND_ROW
        swatch = {"x": MARGIN, "y": num(y), "width": SWATCH, "height": SWATCH, "fill": fill}
        parts.append(element("rect", swatch | {"stroke": AXIS, "stroke-width": 1}))
        attrs = {"x": num(MARGIN + SWATCH + 8), "y": num(y + SWATCH - 2), "font-size": 12}
        parts.append(text_element(words, attrs))
    return element("g", {"class": "koers-tilemap__legend"}, parts)


def _band_text(band: Band) -> str:
    if band.low_text == band.high_text:
        return band.low_text
    return f"{band.low_text} – {band.high_text}"
