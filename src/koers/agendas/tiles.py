"""The tile layout of a region: one square per member municipality on a grid.

A layout maps a member's code to its square, `[column, row]` counted from the
top left, so a map of the region needs no boundary data. Members without a
square are allowed (the map lists them as "not on the map"); a square holds at
most one member, and only members of the region have a square. No Django here:
the model, the dataset loader and the JSON import all ask these functions.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Final

Position = tuple[int, int]

POSITION_HINT: Final = "a square is [column, row], two whole numbers of 0 or more"


class TileLayoutError(ValueError):
    """A tile layout that cannot be drawn; the message says which code and why."""


def positions(layout: object) -> dict[str, Position]:
    """The squares of `layout` by member code; TileLayoutError when one is not a square
    or two members share one."""
    if not isinstance(layout, Mapping):
        raise TileLayoutError("must be a mapping of member codes to [column, row]")
    found: dict[str, Position] = {}
    taken: dict[Position, str] = {}
    for code, square in layout.items():
        position = _position(str(code), square)
        if position in taken:
            # Two municipalities on one square: one would hide the other.
            column, row = position
            raise TileLayoutError(
                f"{taken[position]} and {code} are both on square [{column}, {row}]"
            )
        taken[position] = str(code)
        found[str(code)] = position
    return found


def _position(code: str, square: object) -> Position:
    if not isinstance(square, list | tuple) or len(square) != 2:
        raise TileLayoutError(f"{code} has {square!r}; {POSITION_HINT}")
    column, row = square
    if not (_whole(column) and _whole(row)):
        raise TileLayoutError(f"{code} has {square!r}; {POSITION_HINT}")
    return int(column), int(row)


def _whole(value: object) -> bool:
    # bool is an int to Python, but `true` is no column.
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def check_members(layout: Mapping[str, object], members: Collection[str]) -> None:
    """TileLayoutError when a square is given to a code that is not a member of the region."""
    strangers = sorted(code for code in layout if code not in members)
    if strangers:
        raise TileLayoutError(f"{strangers[0]} is not a member of the region")


def check_layout(layout: object, members: Collection[str]) -> dict[str, Position]:
    """The squares of a region's `layout`, checked against its `members`."""
    found = positions(layout)
    check_members(found, members)
    return found


def not_on_the_map(layout: Mapping[str, object], members: Collection[str]) -> list[str]:
    """The members without a square, in the order given."""
    return [code for code in members if code not in layout]
