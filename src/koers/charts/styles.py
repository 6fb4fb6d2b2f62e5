"""How each role looks: colour, dash pattern, marker shape.

Roles differ in dash pattern and marker shape as well as colour, so a reader
who cannot tell the colours apart (or prints in grey) still tells the lines
apart (WCAG 1.4.1). Line colours reach 3:1 against white (1.4.11), text
colours 4.5:1 (1.4.3); tests check both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from koers.charts.model import Role

Shape = Literal["circle", "square", "diamond", "triangle", "triangle_down", "star"]

TEXT: Final = "#1a1a1a"
MUTED_TEXT: Final = "#4d4d4d"
AXIS: Final = "#595959"
GRID: Final = "#e0e0e0"
BACKGROUND: Final = "#ffffff"
REQUIRED_PATH: Final = "#333333"
TARGET: Final = "#a90061"


@dataclass(frozen=True, slots=True)
class LineStyle:
    """Stroke colour, width and dash pattern of a line, and its marker."""

    colour: str
    width: float
    dash: str
    shape: Shape


@dataclass(frozen=True, slots=True)
class _RoleLook:
    colours: tuple[str, ...]
    shapes: tuple[Shape, ...]
    width: float
    dash: str


_LOOKS: Final[dict[Role, _RoleLook]] = {
    "region": _RoleLook(("#01689b", "#154273", "#007b8a"), ("circle", "square"), 2.5, ""),
    "comparison": _RoleLook(("#b34700", "#8a4b00"), ("square", "diamond"), 2.0, "7 4"),
    "target_path": _RoleLook(("#275937",), ("diamond",), 2.0, "2 3"),
    "peer": _RoleLook(
        ("#6f3a8e", "#5a5a5a", "#8a5a00", "#1f6f5c"),
        ("triangle", "triangle_down", "square", "diamond"),
        1.75,
        "10 3 2 3",
    ),
}

REQUIRED_PATH_STYLE: Final = LineStyle(REQUIRED_PATH, 1.5, "5 4", "circle")
TARGET_STYLE: Final = LineStyle(TARGET, 1.5, "", "star")
ALL_LINE_COLOURS: Final = (
    *(c for look in _LOOKS.values() for c in look.colours),
    REQUIRED_PATH,
    TARGET,
    AXIS,
)
ALL_TEXT_COLOURS: Final = (TEXT, MUTED_TEXT)


def style_for(role: Role, index: int) -> LineStyle:
    """The look of the `index`-th series (0-based) with `role`."""
    look = _LOOKS[role]
    colour = look.colours[index % len(look.colours)]
    shape = look.shapes[index % len(look.shapes)]
    return LineStyle(colour=colour, width=look.width, dash=look.dash, shape=shape)


def contrast_ratio(foreground: str, background: str = BACKGROUND) -> float:
    """The WCAG 2.1 contrast ratio of two "#rrggbb" colours."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    channels = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
