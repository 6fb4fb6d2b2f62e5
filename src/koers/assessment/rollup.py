"""Roll-up of results to groups, indicators, agenda items and pillars, and the
check of an owner's own status against the computed one.

Roll-up rules (the same at every level, so a pillar reads like an indicator):

R1. A child is a series result, a group, an indicator, or an agenda item;
    it has a score in [-5, 5] or none.
R2. Children without a (finite) score are left out of the mean and listed
    in `excluded` with their status as the reason.
R3. The score is the plain mean of the remaining children's scores: every
    child weighs the same. Open SDG weighs series and `group:` entries this
    way; we weigh indicators in an agenda item and items in a pillar alike
    (so an item with many indicators does not dominate its pillar).
R4. The status is target_achieved when every scored child achieved its
    target; otherwise it comes from the mean score through the same table
    sdg-build uses for indicators (`rules.SCORE_BANDS`): [2.5, 5]
    substantial, [0, 2.5) moderate, [-2.5, 0) limited, [-5, -2.5)
    deterioration.
R5. Without any scored child the status is not_available, with the reason.

Owner status check: an owner reports on_track, attention, delayed, behind,
completed or stopped. `OWNER_MATCHES` lists, per computed status, the owner
statuses that agree with it. Any other owner status disagrees, and then a
reason is required. A stop is a decision, never a measured status, so it
always needs a reason; a not_available computed status cannot be disagreed
with, so no reason is required then.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from koers.assessment import rules
from koers.assessment.growth import is_number
from koers.assessment.types import Aggregate, Result

RULE_MEAN = "mean_of_scores"
RULE_ALL_ACHIEVED = "all_targets_achieved"
RULE_NONE_SCORED = "no_scored_children"

OWNER_STATUSES = ("on_track", "attention", "delayed", "behind", "completed", "stopped")

# Which owner statuses agree with a computed status (Open SDG, Eurostat and
# linear-path vocabularies); the severity ladders line up one to one.
OWNER_MATCHES: dict[str, frozenset[str]] = {
    rules.TARGET_ACHIEVED: frozenset({"completed", "on_track"}),
    rules.SUBSTANTIAL: frozenset({"on_track"}),
    rules.MODERATE: frozenset({"attention"}),
    rules.LIMITED: frozenset({"delayed"}),
    rules.DETERIORATION: frozenset({"behind"}),
    "significant_progress": frozenset({"on_track"}),
    "insufficient_progress": frozenset({"delayed"}),
    "movement_away": frozenset({"behind"}),
    "moderate_movement_away": frozenset({"delayed"}),
    "significant_movement_away": frozenset({"behind"}),
    "on_path": frozenset({"on_track"}),
    "behind_path": frozenset({"attention"}),
    "far_behind_path": frozenset({"delayed"}),
    "moving_away": frozenset({"behind"}),
}

Child = Result | Aggregate


def rollup(key: str, children: Sequence[Child]) -> Aggregate:
    """Combine children by rules R1-R5 of this module."""
    scored = [c for c in children if is_number(c.score)]
    excluded = tuple((c.key, c.status) for c in children if not is_number(c.score))
    if not scored:
        return Aggregate(
            key, rules.NOT_AVAILABLE, None, False, (), excluded, RULE_NONE_SCORED, tuple(children)
        )
    mean = math.fsum(c.score for c in scored if c.score is not None) / len(scored)
    achieved = all(c.target_achieved for c in scored)
    return Aggregate(
        key=key,
        status=rules.status_from_score(mean, achieved),
        score=mean,
        target_achieved=achieved,
        used=tuple(c.key for c in scored),
        excluded=excluded,
        rule=RULE_ALL_ACHIEVED if achieved else RULE_MEAN,
        children=tuple(children),
    )


@dataclass(frozen=True, slots=True)
class OwnerCheck:
    """An owner's status set beside the computed one."""

    owner_status: str
    computed_status: str
    agrees: bool | None
    reason_required: bool
    matching: tuple[str, ...]
    explanation: str


def check_owner_status(owner_status: str, computed_status: str) -> OwnerCheck:
    """Whether the owner's status agrees with the computed one, and so
    whether the owner must give a reason (they disagree)."""
    check = OwnerCheck(owner_status, computed_status, None, True, (), "")
    if owner_status not in OWNER_STATUSES:
        return replace(check, explanation=f"'{owner_status}' is not an owner status")
    matching = OWNER_MATCHES.get(computed_status)
    if matching is None:
        # Nothing measured to disagree with; a stop still needs its reason.
        stopped = owner_status == "stopped"
        return replace(check, reason_required=stopped, explanation=_NOTHING_TO_COMPARE)
    agrees = owner_status in matching
    expected = tuple(s for s in OWNER_STATUSES if s in matching)
    verb = "agrees with" if agrees else "differs from"
    text = f"owner status {owner_status} {verb} computed {computed_status}"
    explanation = f"{text} (matches: {', '.join(expected)})"
    return replace(
        check, agrees=agrees, reason_required=not agrees, matching=expected, explanation=explanation
    )


_NOTHING_TO_COMPARE = "no computed status to compare with"
