"""The parts of a draft that are checked against the agenda: milestone dates and figures.

The task form checks each row with these functions, and publication checks
them again, so a figure that became invalid in between (its indicator was
removed) stops the publication instead of half-publishing it.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from koers.agendas.models import Geography, Item, Milestone
from koers.indicators.models import Indicator, Observation
from koers.indicators.periods import PeriodError, parse_period

Entry = dict[str, Any]


def milestone_entries(item: Item) -> list[Entry]:
    """The item's milestones as a draft starts from them: their current dates and status."""
    return [milestone_entry(m) for m in item.milestones.order_by("planned", "actual", "pk")]


def milestone_entry(milestone: Milestone) -> Entry:
    return {
        "milestone": milestone.pk,
        "planned": _iso(milestone.planned),
        "actual": _iso(milestone.actual),
        "status": milestone.status,
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def proposed(milestone: Milestone, entry: Entry) -> Milestone:
    """An unsaved copy of `milestone` with the entry's dates and status."""
    milestone.planned = _day(entry.get("planned"))
    milestone.actual = _day(entry.get("actual"))
    milestone.status = entry.get("status") or milestone.status
    return milestone


def _day(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def milestone_errors(item: Item, entry: Entry) -> dict[str, str]:
    """Why the entry cannot become the milestone's dates ({} when it can)."""
    milestone = Milestone.objects.filter(pk=int(entry.get("milestone") or 0), item=item).first()
    if milestone is None:
        return {"milestone": _("This milestone does not belong to the item.")}
    try:
        proposed(milestone, entry).full_clean()
    except ValidationError as exc:
        return {name: " ".join(messages) for name, messages in exc.message_dict.items()}
    return {}


def changed_milestones(item: Item, entries: list[Entry]) -> list[Milestone]:
    """The milestones whose dates or status the entries change, with the change applied (unsaved)."""
    current = {m.pk: m for m in item.milestones.all()}
    changed = []
    for entry in entries:
        milestone = current.get(int(entry.get("milestone") or 0))
        if milestone is not None and milestone_entry(milestone) != _normal(entry):
            changed.append(proposed(milestone, entry))
    return changed


def _normal(entry: Entry) -> Entry:
    dates = {key: entry.get(key) or None for key in ("planned", "actual", "status")}
    return {"milestone": entry.get("milestone"), **dates}


def figure_errors(figure: Entry) -> dict[str, str]:
    """Why a reported figure cannot become an observation ({} when it can)."""
    errors: dict[str, str] = {}
    if not Indicator.objects.filter(code=figure.get("indicator")).exists():
        errors["indicator"] = _("Unknown indicator.")
    if not Geography.objects.filter(code=figure.get("geography")).exists():
        errors["geography"] = _("Unknown geography.")
    try:
        parse_period(str(figure.get("period", "")))
    except PeriodError as exc:
        errors["period"] = str(exc)
    value = figure.get("value")
    if not isinstance(value, int | float) or not math.isfinite(value):
        errors["value"] = _("Give a finite number.")
    return errors


def observation(figure: Entry, today: dt.date) -> Observation:
    """The observation a reported figure becomes (unsaved)."""
    return Observation(
        indicator=Indicator.objects.get(code=figure["indicator"]),
        geography=Geography.objects.get(code=figure["geography"]),
        period=str(figure["period"]),
        value=float(figure["value"]),
        provisional=bool(figure.get("provisional")),
        retrieved=today,
    )


def lines(text: str) -> list[str]:
    """A text of one entry per line as the list a status update keeps."""
    return [line.strip() for line in text.splitlines() if line.strip()]
