"""The assessment's one vocabulary: every status a method or a roll-up can give, and the
desired direction of an indicator. Plain Python (no Django): `StrEnum`s, so a member is
also the text stored, exported and shown as a code."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Final


class Status(StrEnum):
    # Open SDG / Statistics Canada classes (with a target, or on the growth rate without one).
    TARGET_ACHIEVED = "target_achieved"
    SUBSTANTIAL_PROGRESS = "substantial_progress"
    MODERATE_PROGRESS = "moderate_progress"
    LIMITED_PROGRESS = "limited_progress"
    DETERIORATION = "deterioration"
    # Eurostat's profile: progress towards a target, or movement away from it.
    SIGNIFICANT_PROGRESS = "significant_progress"
    INSUFFICIENT_PROGRESS = "insufficient_progress"
    MOVEMENT_AWAY = "movement_away"
    MODERATE_MOVEMENT_AWAY = "moderate_movement_away"
    SIGNIFICANT_MOVEMENT_AWAY = "significant_movement_away"
    # The linear required path (cumulative counts, ranks, levels).
    ON_PATH = "on_path"
    BEHIND_PATH = "behind_path"
    FAR_BEHIND_PATH = "far_behind_path"
    MOVING_AWAY = "moving_away"
    # Anything that could not be assessed says why in its explanation.
    NOT_AVAILABLE = "not_available"


class Direction(StrEnum):
    """Which way an indicator should move."""

    INCREASE = "increase"
    DECREASE = "decrease"


# Open SDG's progress options name the direction in their own words; Koers speaks of
# increase and decrease everywhere else and translates at this one border.
OPENSDG_DIRECTION: Final[Mapping[Direction, str]] = {
    Direction.INCREASE: "positive",
    Direction.DECREASE: "negative",
}


def opensdg_direction(direction: str) -> str:
    """`direction` (increase, decrease) as an Open SDG progress option says it."""
    return OPENSDG_DIRECTION[Direction(direction)]
