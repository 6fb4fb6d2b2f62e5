"""What an import may do to an indicator's definition: one rule for every importer.

An importer proposes a name, unit, direction and frequency for each indicator
it brings. A new indicator takes them. An existing one keeps what a person
curated (its names, unit and direction): the import reports each difference
and changes nothing, unless the user asked for `--update-metadata`; then the
change is made and django-simple-history keeps the earlier definition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from koers.indicators.models import Indicator

# The fields a person curates; an import never changes them silently.
CURATED = ("name_nl", "name_en", "unit", "direction")
MAX_LENGTHS = {"name_nl": 300, "name_en": 300, "unit": 100, "publisher": 300}


@dataclass(frozen=True)
class ProposedIndicator:
    """An indicator's definition as a source states it."""

    code: str
    name_nl: str
    name_en: str
    unit: str
    direction: str = Indicator.Direction.INCREASE
    frequency: str = Indicator.Frequency.ANNUAL
    publisher: str = ""
    extra: dict[str, Any] = field(default_factory=dict)  # other fields, set on creation only


@dataclass(frozen=True)
class MetadataDifference:
    """A field where the source says something else than the stored indicator."""

    indicator: str
    field: str
    stored: str
    proposed: str
    applied: bool

    def __str__(self) -> str:
        verb = "changed" if self.applied else "kept"
        return (
            f"{self.indicator}: {self.field} {verb}: stored {self.stored!r}, "
            f"the source says {self.proposed!r}"
        )


def reconcile(
    proposed: ProposedIndicator, *, update_metadata: bool = False
) -> tuple[Indicator, list[MetadataDifference]]:
    """The stored indicator for `proposed`, created when new; differences reported."""
    values = _fitted(proposed)
    existing = Indicator.objects.filter(code=proposed.code).first()
    if existing is None:
        indicator = Indicator(code=proposed.code, **values, **proposed.extra)
        indicator.full_clean()
        indicator.save()
        return indicator, []
    differences = [
        MetadataDifference(
            proposed.code, name, str(getattr(existing, name)), values[name], update_metadata
        )
        for name in CURATED
        if values[name] and str(getattr(existing, name)) != values[name]
    ]
    if update_metadata and differences:
        for difference in differences:
            setattr(existing, difference.field, difference.proposed)
        existing.full_clean()
        existing.save()  # the history keeps the definition it replaced
    return existing, differences


def _fitted(proposed: ProposedIndicator) -> dict[str, str]:
    # Sources write long titles; the stored name is cut to what the column holds.
    values = {
        "name_nl": proposed.name_nl or proposed.name_en or proposed.code,
        "name_en": proposed.name_en or proposed.name_nl or proposed.code,
        "unit": proposed.unit,
        "direction": proposed.direction,
        "frequency": proposed.frequency,
        "publisher": proposed.publisher,
    }
    return {k: v[: MAX_LENGTHS[k]] if k in MAX_LENGTHS else v for k, v in values.items()}
