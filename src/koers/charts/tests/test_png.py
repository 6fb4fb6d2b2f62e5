"""PNG for Word: a real PNG at width * scale pixels, or a clear error."""

import struct

import pytest

from koers.charts import ChartRenderError, render_png, svg_to_png
from koers.charts.tests.samples import edge_cases, homes

pytest.importorskip("vl_convert", reason="vl-convert-python is not installed")

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _size(png: bytes) -> tuple[int, int]:
    # The IHDR chunk follows the signature: length, type, then width and height.
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_png_has_the_magic_bytes_and_the_scaled_size() -> None:
    png = render_png(homes(), width=640, height=320, scale=2)
    assert png.startswith(PNG_MAGIC)
    assert _size(png) == (1280, 640)


def test_scale_one_keeps_the_size() -> None:
    assert _size(render_png(homes(), width=500, height=250, scale=1)) == (500, 250)


@pytest.mark.parametrize("name", ["no series", "billions", "target far above"])
def test_edge_cases_convert(name: str) -> None:
    assert render_png(edge_cases()[name], 320, 200).startswith(PNG_MAGIC)


def test_bad_svg_raises_a_clear_error() -> None:
    with pytest.raises(ChartRenderError, match="could not convert the chart SVG to PNG"):
        svg_to_png("<svg")
