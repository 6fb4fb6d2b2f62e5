"""What every part of the report builder shares: the agenda, the period, the
language, and the agenda's items and updates read once."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Q, QuerySet

from koers.agendas.models import Agenda, Item, Milestone, SourceDocument, StatusUpdate
from koers.assessment.service import ItemAssessment
from koers.indicators.models import Indicator
from koers.readmodel import labels as names
from koers.readmodel.formatting import format_date
from koers.readmodel.i18n import Language, Translate, translator
from koers.readmodel.labels import Labels, labels_for
from koers.readmodel.types import SourceRef, StatusLabel


class Presenting:
    """How figures are told: in a language, as known at the end of a day. No data here:
    `Presentation` is just this, `Scope` adds an agenda's slice of the data."""

    language: Language
    end: dt.date

    @property
    def t(self) -> Translate:
        return translator(self.language)

    @property
    def labels(self) -> Labels:
        return labels_for(self.language)

    def status_label(self, table: Mapping[str, tuple[str, names.Tone]], code: str) -> StatusLabel:
        label, tone = names.toned(table, code, self.t)
        return StatusLabel(code, label, tone)

    def date(self, day: dt.date | None) -> str:
        return format_date(day, self.language)


@dataclass(frozen=True)
class Presentation(Presenting):
    """Figures told in `language` as known on `end`, for pages about no agenda in particular."""

    language: Language
    end: dt.date


@dataclass
class Scope(Presenting):
    """One report's agenda, period and language, with the data read once. `assessments`
    are the computed statuses of its items, given when it is made."""

    agenda: Agenda
    start: dt.date
    end: dt.date
    language: Language
    assessments: dict[int, ItemAssessment] = field(default_factory=dict)

    @cached_property
    def items(self) -> list[Item]:
        """Every item of the agenda valid at some time in the period, in tree order."""
        rows = list(
            Item.objects.filter(agenda=self.agenda)
            .select_related("level", "agenda", "source")
            .order_by("order", "code")
        )
        valid = {item.pk for item in rows if overlaps(item, self.start, self.end)}
        return [item for item in rows if item.pk in valid and _ancestors_valid(item, rows, valid)]

    @cached_property
    def children(self) -> dict[int | None, list[Item]]:
        tree: dict[int | None, list[Item]] = defaultdict(list)
        for item in self.items:
            tree[item.parent_id].append(item)
        return tree

    @property
    def pillars(self) -> list[Item]:
        return self.children.get(None, [])

    def tree_order(self) -> list[Item]:
        """The items depth first: a pillar, its first action, that action's sub-actions, ..."""
        ordered: list[Item] = []
        stack = list(reversed(self.pillars))
        while stack:
            item = stack.pop()
            ordered.append(item)
            stack.extend(reversed(self.children.get(item.pk, [])))
        return ordered

    @cached_property
    def by_id(self) -> dict[int, Item]:
        return {item.pk: item for item in self.items}

    def depth(self, item: Item) -> int:
        """0 for a pillar (a top-level item), 1 for its actions, and so on."""
        depth, parent = 0, item.parent_id
        while parent is not None and parent in self.by_id:
            depth, parent = depth + 1, self.by_id[parent].parent_id
        return depth

    @cached_property
    def updates(self) -> dict[int, StatusUpdate]:
        """The latest update per item whose period ends in the report period."""
        return latest_updates(self.agenda, self.start, self.end)

    @cached_property
    def milestones(self) -> dict[int, list[Milestone]]:
        rows = milestones_in(self.agenda, self.start, self.end).select_related("source")
        found: dict[int, list[Milestone]] = defaultdict(list)
        for milestone in rows:
            found[milestone.item_id].append(milestone)
        return found

    @cached_property
    def indicators(self) -> list[Indicator]:
        return list(agenda_indicators(self.agenda))

    def owner_status(self, item: Item) -> StatusLabel:
        update = self.updates.get(item.pk)
        if update is None:
            return self.status_label(names.OWNER_STATUS, "none")
        return self.update_status(update)

    def update_status(self, update: StatusUpdate) -> StatusLabel:
        """An update's status in the owner's own words, else its standard name."""
        label, tone = names.toned(names.OWNER_STATUS, update.status, self.t)
        own_words = getattr(update, f"status_label_{self.language}", "")
        return StatusLabel(update.status, own_words or label, tone)

    def computed_status(self, item: Item) -> StatusLabel:
        assessment = self.assessments.get(item.pk)
        code = assessment.computed.status if assessment else "not_available"
        return self.status_label(names.COMPUTED_STATUS, code)


def overlaps(item: Item, start: dt.date, end: dt.date) -> bool:
    """The item was valid on at least one day of [start, end]."""
    starts = item.valid_from or item.agenda.start
    return starts <= end and (item.valid_to is None or item.valid_to >= start)


def _ancestors_valid(item: Item, rows: list[Item], valid: set[int]) -> bool:
    # An action under a pillar that was not valid is left out with it: no orphans.
    parents = {i.pk: i.parent_id for i in rows}
    parent = item.parent_id
    while parent is not None:
        if parent not in valid:
            return False
        parent = parents.get(parent)
    return True


def latest_updates(agenda: Agenda, start: dt.date, end: dt.date) -> dict[int, StatusUpdate]:
    """Per item, the latest update (by period end, then recording time) ending in [start, end]."""
    rows = (
        StatusUpdate.objects.filter(item__agenda=agenda, period_end__range=(start, end))
        .select_related("source", "author")
        .order_by("item_id", "period_end", "created_at", "pk")
    )
    return {update.item_id: update for update in rows}


def milestones_in(agenda: Agenda, start: dt.date, end: dt.date) -> QuerySet[Milestone]:
    """Milestones planned or reached in [start, end]."""
    when = Q(planned__range=(start, end)) | Q(actual__range=(start, end))
    return Milestone.objects.filter(item__agenda=agenda).filter(when).order_by("planned", "actual")


def agenda_indicators(agenda: Agenda) -> QuerySet[Indicator]:
    """Indicators measuring an item of the agenda, directly or through a target."""
    linked = Indicator.objects.filter(items__agenda=agenda)
    via_targets = Indicator.objects.filter(targets__item__agenda=agenda)
    return (linked | via_targets).distinct().order_by("code")


def source_ref(
    document: SourceDocument | None,
    section: str,
    language: Language,
    retrieved_on: dt.date | None = None,
) -> SourceRef | None:
    """A fact's source as the report cites it; None when the fact names none.

    `retrieved_on` is the fact's own retrieval date; without it the document's.
    """
    if document is None:
        return None
    day = retrieved_on or document.retrieved
    retrieved = format_date(day, language) if day else ""
    return SourceRef(document.title, section, document.publisher, document.reference, retrieved)


def index_assessments(roots: list[ItemAssessment]) -> dict[int, ItemAssessment]:
    """Every item's assessment in the roll-up trees under `roots`, by item id."""
    found: dict[int, ItemAssessment] = {}
    stack = list(roots)
    while stack:
        assessment = stack.pop()
        found[assessment.item.pk] = assessment
        stack.extend(assessment.children)
    return found
