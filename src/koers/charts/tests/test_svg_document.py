"""The SVG is a standalone, accessible, deterministic document."""

import re

import pytest

from koers.charts import Chart, ChartSeries, render_svg, stable_id
from koers.charts.tests.samples import homes
from koers.charts.tests.svgtree import SVG, parse


def test_root_is_an_image_labelled_by_title_and_desc() -> None:
    root = parse(homes())
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root[0], root[1]
    assert title.tag == f"{SVG}title" and title.text == "Nieuwe woningen"
    assert desc.tag == f"{SVG}desc" and desc.text == homes().description
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert root.get("lang") == "nl"


def test_size_and_viewbox_follow_the_arguments() -> None:
    root = parse(homes(), width=480, height=300)
    assert (root.get("width"), root.get("height")) == ("480", "300")
    assert root.get("viewBox") == "0 0 480 300"


def test_without_description_desc_summarises_the_numbers() -> None:
    chart = Chart(title="T", series=(ChartSeries("Regio", ((2016, 4100), (2020, 24500))),))
    desc = parse(chart)[1].text
    assert desc == "Regio: 4.100 in 2016 tot 24.500 in 2020."


def test_no_scripts_styles_or_external_references() -> None:
    svg = render_svg(homes())
    assert not re.search(r"<script|<style|<image|<foreignObject|href=|url\(|@import", svg)


def test_font_family_is_set_on_the_root() -> None:
    root = parse(homes(), font_family="Liberation Sans")
    assert root.get("font-family") == "Liberation Sans, sans-serif"


def test_same_input_same_bytes() -> None:
    assert render_svg(homes()) == render_svg(homes())


def test_ids_derive_from_the_content() -> None:
    assert stable_id(homes("nl")) != stable_id(homes("en"))
    assert parse(homes())[0].get("id") == f"{stable_id(homes())}-title"


def test_id_prefix_sets_the_ids() -> None:
    root = parse(homes(), id_prefix="indicator-7")
    assert root[0].get("id") == "indicator-7-title"
    assert root[1].get("id") == "indicator-7-desc"


def test_invalid_id_prefix_is_refused() -> None:
    with pytest.raises(ValueError, match="not a valid XML id"):
        render_svg(homes(), id_prefix="7 bad")


def test_text_is_escaped() -> None:
    chart = Chart(title='R&D <"x">', unit="<€>", series=(ChartSeries("A & B", ((2019, 1),)),))
    root = parse(chart)
    assert root[0].text == 'R&D <"x">'
    assert "<€>" in [t.text for t in root.iter(f"{SVG}text")]
