"""One vocabulary: every status the engine gives is a `Status`, named once for people,
and the Open SDG options' direction words are translated at one border."""

from __future__ import annotations

import re
from pathlib import Path

from koers.assessment import rules
from koers.assessment.vocabulary import Direction, Status, opensdg_direction

ENGINE = Path(rules.__file__).resolve().parent
STATUS_WORDS = re.compile(r'"([a-z]+(?:_[a-z]+)*_(?:progress|path|away|achieved))"|"deterioration"')


def test_every_status_literal_of_the_engine_is_in_the_vocabulary() -> None:
    found = set()
    for path in ENGINE.glob("*.py"):
        for match in STATUS_WORDS.finditer(path.read_text(encoding="utf-8")):
            found.add(match.group(1) or "deterioration")
    rule_names = {"all_targets_achieved"}  # a roll-up rule (rollup.py), not a status
    assert found - rule_names <= set(Status)
    assert len(found) >= 12  # the scan sees the engine's statuses, not nothing


def test_every_status_has_a_name_and_a_tone_for_people() -> None:
    from koers.readmodel.service import labels

    assert set(labels.COMPUTED_STATUS) == set(Status)


def test_the_thresholds_are_stored_once() -> None:
    assert rules.TARGET_DEFAULTS == (0.95, 0.6, 0.0)
    assert rules.GROWTH_DEFAULTS == (0.015, 0.005, 0.0)


def test_open_sdg_directions_are_translated_in_one_place() -> None:
    assert opensdg_direction("increase") == "positive"
    assert opensdg_direction(Direction.DECREASE) == "negative"
    assert rules.SUBSTANTIAL == "substantial_progress"
