"""The lineage rules: the first that holds decides an old action's fate."""

from __future__ import annotations

import pytest

from koers.agendas.lineage import Facts, Fate, fate


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (Facts(0, 0, False), Fate.DROPPED),
        (Facts(0, 0, False, parent_carried=True), Fate.WITH_PARENT),
        (Facts(1, 1, False, parent_carried=True), Fate.CONTINUED),
        (Facts(0, 0, True), Fate.DROPPED),
        (Facts(1, 2, False), Fate.MERGED),
        (Facts(2, 1, False), Fate.SPLIT),
        (Facts(2, 2, True), Fate.MERGED),
        (Facts(1, 1, True), Fate.RETARGETED),
        (Facts(1, 1, False), Fate.CONTINUED),
        (Facts(1, 1, False, merged_link=True), Fate.MERGED),
    ],
)
def test_the_first_rule_that_holds_decides(facts: Facts, expected: Fate) -> None:
    assert fate(facts) is expected
