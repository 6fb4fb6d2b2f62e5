"""The tile map: a square per member at its grid position, quantile classes, missing
values hatched and labelled, readable text on every class, and an accessible SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from koers.charts.numbers import Language
from koers.charts.styles import contrast_ratio
from koers.charts.tests.svgtree import SVG
from koers.charts.tilemap import (
    CLASS_COLOURS,
    GAP,
    MARGIN,
    TILE_HEIGHT,
    TILE_WIDTH,
    Place,
    TileMap,
    classify,
    label_lines,
    render_tilemap,
    tile_map,
)

PLACES = [
    Place("Eindhoven", 1, 1, 2863.0),
    Place("Helmond", 2, 1, 612.0),
    Place("Best", 0, 0, 154.0),
    Place("Son en Breugel", 1, 0, 88.0),
    Place("Waalre", 0, 2, 41.0),
    Place("Nuenen, Gerwen en Nederwetten", 2, 0, None),
]


def _map(language: Language = "nl") -> TileMap:
    return tile_map("Nieuwbouw per gemeente, 2020", "Zes gemeenten.", PLACES, language)


def _root(tilemap: TileMap) -> ET.Element:
    return ET.fromstring(render_tilemap(tilemap, "map-1"))


def _tiles(root: ET.Element) -> list[ET.Element]:
    return [r for r in root.iter(f"{SVG}rect") if "koers-tilemap__tile" in (r.get("class") or "")]


def test_one_square_per_member_at_its_grid_position() -> None:
    tiles = _tiles(_root(_map()))
    assert len(tiles) == 6
    at = {(t.get("data-column"), t.get("data-row")): t for t in tiles}
    eindhoven = at[("1", "1")]
    assert float(eindhoven.get("x", "")) == MARGIN + 1 * (TILE_WIDTH + GAP)
    assert float(eindhoven.get("y", "")) == MARGIN + 1 * (TILE_HEIGHT + GAP)
    waalre = at[("0", "2")]
    assert (float(waalre.get("x", "")), float(waalre.get("y", ""))) == (
        MARGIN,
        MARGIN + 2 * (TILE_HEIGHT + GAP),
    )


def test_each_square_says_its_name_and_number() -> None:
    root = _root(_map())
    groups = [g for g in root.iter(f"{SVG}g") if g.find(f"{SVG}rect") is not None]
    words = [" ".join(t.text or "" for t in g.iter(f"{SVG}text")) for g in groups]
    assert "Eindhoven 2.863" in words
    assert "Son en Breugel 88" in words
    assert "Nuenen Geen gegevens" in words


def test_values_fall_into_five_quantile_classes_by_rank() -> None:
    assert classify([10, 20, 30, 40, 50]) == [0, 1, 2, 3, 4]
    assert classify([50, 40, 30, 20, 10, None]) == [4, 3, 2, 1, 0, None]
    # Ties share the class of their first rank.
    assert classify([1, 1, 1, 9, 9]) == [0, 0, 0, 3, 3]
    classes = {t.name: t.klass for t in _map().tiles}
    assert classes == {
        "Waalre": 0,
        "Son en Breugel": 1,
        "Best": 2,
        "Helmond": 3,
        "Eindhoven": 4,
        "Nuenen, Gerwen en Nederwetten": None,
    }
    fills = {
        t.get("data-column", "") + t.get("data-row", ""): t.get("fill")
        for t in _tiles(_root(_map()))
    }
    assert fills["11"] == CLASS_COLOURS[4][0]
    assert fills["02"] == CLASS_COLOURS[0][0]


def test_a_missing_value_is_hatched_and_labelled_no_data() -> None:
    root = _root(_map("en"))
    nuenen = next(
        t for t in _tiles(root) if t.get("data-column") == "2" and t.get("data-row") == "0"
    )
    assert nuenen.get("fill") == "url(#map-1-hatch)"
    pattern = root.find(f".//{SVG}pattern")
    assert pattern is not None and pattern.get("id") == "map-1-hatch"
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "no-data"]
    assert labels == ["No data"]
    legend = [t.text for t in root.iter(f"{SVG}text")][-1]
    assert legend == "No data"


def test_text_on_every_class_reaches_4_5_to_1() -> None:
    for fill, ink in CLASS_COLOURS:
        assert contrast_ratio(ink, fill) >= 4.5, (fill, ink)
    root = _root(_map())
    for tile in _tiles(root):
        if tile.get("fill", "").startswith("#"):
            group_inks = {
                t.get("fill")
                for g in root.iter(f"{SVG}g")
                if tile in list(g)
                for t in g.iter(f"{SVG}text")
            }
            assert all(contrast_ratio(ink or "", tile.get("fill", "")) >= 4.5 for ink in group_inks)


def test_the_svg_is_an_image_labelled_by_its_title_and_description() -> None:
    root = _root(_map())
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "map-1-title map-1-desc"
    assert root.findtext(f"{SVG}title") == "Nieuwbouw per gemeente, 2020"
    assert root.findtext(f"{SVG}desc") == "Zes gemeenten."
    assert root.get("lang") == "nl"


def test_the_legend_gives_each_class_its_range() -> None:
    places = [Place(f"G{i}", i, 0, float(v)) for i, v in enumerate([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])]
    tilemap = tile_map("t", "d", places, "nl")
    assert [(b.low_text, b.high_text) for b in tilemap.bands] == [
        ("1", "2"),
        ("3", "4"),
        ("5", "6"),
        ("7", "8"),
        ("9", "10"),
    ]
    legend = [
        g for g in _root(tilemap).iter(f"{SVG}g") if g.get("class") == "koers-tilemap__legend"
    ]
    assert [t.text for t in legend[0].iter(f"{SVG}text")] == [
        "1 – 2",
        "3 – 4",
        "5 – 6",
        "7 – 8",
        "9 – 10",
    ]


def test_long_names_wrap_onto_two_lines_and_a_comma_ends_the_label() -> None:
    assert label_lines("Reusel-De Mierden") == ["Reusel-De", "Mierden"]
    assert label_lines("Nuenen, Gerwen en Nederwetten") == ["Nuenen"]
    assert label_lines("Eindhoven") == ["Eindhoven"]
