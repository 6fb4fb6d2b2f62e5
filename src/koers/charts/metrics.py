"""Approximate advance widths of DejaVu Sans, in em, for laying out labels.

Measured from the font's horizontal metrics and grouped; a label estimated a
few per cent wide only costs some white space, one estimated narrow overlaps.
"""

from __future__ import annotations

from typing import Final

_GROUPS: Final = {
    0.28: "ijlI'|",
    0.32: " .,:;!",
    0.36: "f-",
    0.39: "t()[]/",
    0.41: "r",
    0.53: "szJ",
    0.55: "c",
    0.59: "kvxy",
    0.62: "aeo",
    0.64: "bdghnpqu0123456789",
    0.82: "w",
    0.84: "%−+=<>",
    0.86: "M",
    0.98: "mW…",
}
_WIDTHS: Final = {char: width for width, chars in _GROUPS.items() for char in chars}
_UPPER: Final = 0.72
_OTHER: Final = 0.65
_SAFETY: Final = 1.03


def em_width(content: str) -> float:
    """The width of `content` in em."""
    return _SAFETY * sum(_char(c) for c in content)


def _char(char: str) -> float:
    if char in _WIDTHS:
        return _WIDTHS[char]
    return _UPPER if char.isupper() else _OTHER
