"""Every fixed text of the report and the cover note, and the names of the statuses.

The English source strings are marked with `gettext_noop` so `makemessages`
collects them into this app's catalogue; `labels_for` translates them for one
report. The renderers never translate: they print what the report carries, so
HTML, PDF and Word cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from functools import cached_property, lru_cache
from typing import Final, Literal

from django.db.models import Choices
from django.utils import translation
from django.utils.translation import gettext_noop

from koers.agendas.models import Agreement, BudgetLine, Milestone, Role, StatusUpdate
from koers.readmodel.i18n import Language, Translate, translator

Tone = Literal["good", "done", "warn", "bad", "none"]


class ChoiceNames(Mapping[str, str]):
    """A model's choices as {code: English source name}, the name the model gives it.

    Read at first use, not at import: the names are lazy translations, and the
    English source text is what this app's catalogue translates (`labels_for`)."""

    def __init__(self, choices: type[Choices], shown: Mapping[str, str] | None = None) -> None:
        self.choices = choices
        self.shown = dict(shown or {})

    @cached_property
    def names(self) -> dict[str, str]:
        with translation.override("en"):
            found = {str(value): str(label) for value, label in self.choices.choices}
        return found | self.shown

    def __getitem__(self, code: str) -> str:
        return self.names[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


class TonedChoices(Mapping[str, tuple[str, Tone]]):
    """A model's statuses with a tone for the badge; every stored status needs its tone."""

    def __init__(
        self,
        choices: type[Choices],
        tones: Mapping[str, Tone],
        shown: Mapping[str, tuple[str, Tone]] | None = None,
    ) -> None:
        self.names = ChoiceNames(choices, {code: name for code, (name, _) in (shown or {}).items()})
        self.tones = dict(tones) | {code: tone for code, (_, tone) in (shown or {}).items()}

    def __getitem__(self, code: str) -> tuple[str, Tone]:
        return self.names[code], self.tones[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


@dataclass(frozen=True)
class Labels:
    """Headings, captions and column names, in the report's language."""

    report_title: str = gettext_noop("Progress report")
    cover_period: str = gettext_noop("Reporting period")
    cover_partners: str = gettext_noop("On behalf of the partners")
    cover_generated: str = gettext_noop("Generated from the Koers data on")
    contents: str = gettext_noop("Contents")
    foreword: str = gettext_noop("Foreword")
    foreword_placeholder: str = gettext_noop(
        "[Foreword by the partners: to be written. This report was generated from the data "
        "of Koers; the partners add their foreword before publication.]"
    )
    summary: str = gettext_noop("Summary")
    summary_owner: str = gettext_noop("Status of the actions according to their owners")
    summary_computed: str = gettext_noop("Status computed from the indicators")
    key_figures: str = gettext_noop("Key figures")
    key_figures_caption: str = gettext_noop("Latest figures of the agenda's indicators")
    targets: str = gettext_noop("Targets")
    targets_caption: str = gettext_noop("Targets of the agenda and their computed status")
    no_key_figures: str = gettext_noop(
        "No figures of this agenda's indicators fall before the period end."
    )
    no_targets: str = gettext_noop("This agenda has no quantified targets.")
    structure: str = gettext_noop("Execution structure")
    structure_intro: str = gettext_noop(
        "Who coordinates and leads the agenda's pillars and actions."
    )
    roles_caption: str = gettext_noop("Roles per pillar and action")
    governance: str = gettext_noop("Governance")
    members: str = gettext_noop("Members")
    frequency: str = gettext_noop("Frequency")
    meetings_in_period: str = gettext_noop("Meetings in the reporting period")
    no_meetings: str = gettext_noop("No meetings in the reporting period.")
    pillar: str = gettext_noop("Pillar")
    pillar_summary: str = gettext_noop("Status of the pillar")
    owner_status: str = gettext_noop("Status (owner)")
    computed_status: str = gettext_noop("Status (computed)")
    status_differs: str = gettext_noop(
        "The owner's status differs from the computed one; the update should give the reason."
    )
    no_update: str = gettext_noop("No status update for this period.")
    highlights: str = gettext_noop("Highlights")
    milestones: str = gettext_noop("Milestones in the period")
    milestones_caption: str = gettext_noop("Milestones")
    planned: str = gettext_noop("Planned")
    actual: str = gettext_noop("Actual")
    charts: str = gettext_noop("Indicators")
    chart_data: str = gettext_noop("Figures behind the chart")
    money: str = gettext_noop("Money")
    money_caption: str = gettext_noop("Budget lines")
    money_overview: str = gettext_noop("Finances")
    money_by_funder: str = gettext_noop("Per funder")
    money_by_instrument: str = gettext_noop("Per instrument")
    money_by_pillar: str = gettext_noop("Per pillar")
    no_money: str = gettext_noop("No budget lines are recorded for this agenda.")
    funder: str = gettext_noop("Funder")
    instrument: str = gettext_noop("Instrument")
    amount: str = gettext_noop("Amount")
    committed: str = gettext_noop("Committed")
    realised: str = gettext_noop("Realised")
    total: str = gettext_noop("Total")
    unknown_funder: str = gettext_noop("funder not named")
    outlook: str = gettext_noop("Outlook")
    outlook_intro: str = gettext_noop("Priorities for the next period, as the owners name them.")
    no_outlook: str = gettext_noop("The updates name no priorities for the next period.")
    agreements: str = gettext_noop("Agreements")
    agreements_caption: str = gettext_noop("Agreements made in governance meetings")
    agreement: str = gettext_noop("Agreement")
    owner: str = gettext_noop("Owner")
    due: str = gettext_noop("Due")
    overdue: str = gettext_noop("Overdue")
    no_agreements: str = gettext_noop("No agreements for this period.")
    changes: str = gettext_noop("What changed since the previous report")
    changes_previous: str = gettext_noop("Compared with the previous period")
    status_moves: str = gettext_noop("Status changes")
    status_moves_caption: str = gettext_noop("Actions whose owner's status changed")
    before: str = gettext_noop("Before")
    after: str = gettext_noop("Now")
    new_items: str = gettext_noop("New actions")
    ended_items: str = gettext_noop("Actions no longer valid")
    merged_items: str = gettext_noop("Merged, split or succeeded actions")
    targets_revised: str = gettext_noop("Revised targets")
    figures_revised: str = gettext_noop("Revised figures")
    no_changes: str = gettext_noop("Nothing changed in this respect.")
    no_previous_updates: str = gettext_noop(
        "No status updates of the previous period are recorded, so status changes cannot be shown."
    )
    annex: str = gettext_noop("Annex: indicators, targets and assessment")
    annex_intro: str = gettext_noop(
        "Every indicator of the agenda with its definition, targets, the automatic assessment "
        "and the sources of its figures."
    )
    definition: str = gettext_noop("Definition")
    unit: str = gettext_noop("Unit")
    direction: str = gettext_noop("Direction")
    publisher: str = gettext_noop("Published by")
    measures: str = gettext_noop("Measures")
    assessment: str = gettext_noop("Assessment")
    assessment_caption: str = gettext_noop("Assessment per target or series")
    method: str = gettext_noop("Method")
    status: str = gettext_noop("Status")
    explanation: str = gettext_noop("Explanation")
    needed_rate: str = gettext_noop("Needed per year")
    current_pace: str = gettext_noop("Pace so far per year")
    staleness: str = gettext_noop("Up to date")
    sources: str = gettext_noop("Sources")
    later_data: str = gettext_noop(
        "The assessment also uses figures for periods after the report period."
    )
    indicator: str = gettext_noop("Indicator")
    value: str = gettext_noop("Value")
    period: str = gettext_noop("Period")
    geography: str = gettext_noop("Area")
    source: str = gettext_noop("Source")
    target: str = gettext_noop("Target")
    baseline: str = gettext_noop("Baseline")
    latest: str = gettext_noop("Latest value")
    item: str = gettext_noop("Action")
    coordinator: str = gettext_noop("Coordinator")
    lead: str = gettext_noop("Lead")
    partners: str = gettext_noop("Partners")
    financiers: str = gettext_noop("Financiers")
    date: str = gettext_noop("Date")
    section: str = gettext_noop("Section")
    retrieved: str = gettext_noop("Retrieved")
    flags: str = gettext_noop("Note")
    count: str = gettext_noop("Number")
    year: str = gettext_noop("Year")
    by_municipality: str = gettext_noop("By municipality")
    municipality: str = gettext_noop("Municipality")
    municipalities_caption: str = gettext_noop("The figures by municipality")
    not_on_the_map: str = gettext_noop("Not on the map:")
    series: str = gettext_noop("Series")
    page: str = gettext_noop("page")
    stale_yes: str = gettext_noop("stale")
    stale_no: str = gettext_noop("current")
    stale_unknown: str = gettext_noop("unknown")
    per_year: str = gettext_noop("per year")
    new_since: str = gettext_noop("new since")
    valid_until: str = gettext_noop("valid until")
    empty_title: str = gettext_noop("No report for this period")
    empty_text: str = gettext_noop(
        "There is nothing to report over this period: no status updates, milestones or figures."
    )
    bad_period_title: str = gettext_noop("Not a report period")
    bad_period_text: str = gettext_noop(
        "A report period starts no later than it ends, and lies between 1900 and 2199."
    )
    busy_title: str = gettext_noop("Reports are being built")
    busy_text: str = gettext_noop(
        "Building a report takes a few seconds and many are asked for now. "
        "Please try again in a minute."
    )
    cover_note: str = gettext_noop("Cover note")
    note_subject: str = gettext_noop("Subject")
    note_occasion: str = gettext_noop("Occasion")
    note_competence: str = gettext_noop("Competence")
    note_key_message: str = gettext_noop("Key message")
    note_consequences: str = gettext_noop("Consequences")
    note_follow_up: str = gettext_noop("Follow-up")
    note_annex: str = gettext_noop("Annex")


def labels_for(language: Language) -> Labels:
    """The labels translated into `language`."""
    return _labels(language)


@lru_cache(maxsize=4)
def _labels(language: Language) -> Labels:
    t = translator(language)
    source = Labels()
    return Labels(**{f.name: t(getattr(source, f.name)) for f in fields(Labels)})


# Computed statuses of every method (Open SDG, Eurostat, linear path) and roll-ups.
COMPUTED_STATUS: Final[dict[str, tuple[str, Tone]]] = {
    "target_achieved": (gettext_noop("target achieved"), "done"),
    "substantial_progress": (gettext_noop("substantial progress"), "good"),
    "moderate_progress": (gettext_noop("moderate progress"), "warn"),
    "limited_progress": (gettext_noop("limited progress"), "bad"),
    "deterioration": (gettext_noop("deterioration"), "bad"),
    "significant_progress": (gettext_noop("significant progress"), "good"),
    "insufficient_progress": (gettext_noop("insufficient progress"), "warn"),
    "movement_away": (gettext_noop("movement away from the target"), "bad"),
    "moderate_movement_away": (gettext_noop("moderate movement away"), "bad"),
    "significant_movement_away": (gettext_noop("significant movement away"), "bad"),
    "on_path": (gettext_noop("on the required path"), "good"),
    "behind_path": (gettext_noop("behind the required path"), "warn"),
    "far_behind_path": (gettext_noop("far behind the required path"), "bad"),
    "moving_away": (gettext_noop("moving away from the target"), "bad"),
    "not_available": (gettext_noop("not assessable"), "none"),
}

# The owner's own statuses: named by StatusUpdate.Status, toned here for the badge.
OWNER_STATUS: Final = TonedChoices(
    StatusUpdate.Status,
    tones={
        "on_track": "good",
        "attention": "warn",
        "delayed": "bad",
        "behind": "bad",
        "completed": "done",
        "stopped": "none",
    },
    shown={"none": (gettext_noop("no update"), "none")},
)

# Named by the models' choices: one vocabulary for the admin, the forms, the site and the report.
ROLE: Final = ChoiceNames(Role.Kind)
INSTRUMENT: Final = ChoiceNames(BudgetLine.Instrument)

MILESTONE_STATUS: Final = TonedChoices(
    Milestone.Status,
    tones={"planned": "none", "done": "done", "delayed": "bad", "cancelled": "none"},
    # Not stored: shown for a milestone still planned after its date (Milestone.is_overdue).
    shown={"overdue": (gettext_noop("overdue"), "bad")},
)

AGREEMENT_STATUS: Final = TonedChoices(
    Agreement.Status,
    tones={"open": "warn", "done": "done", "cancelled": "none"},
    # Not stored: shown for an agreement open after its due date (Agreement.is_overdue).
    shown={"overdue": (gettext_noop("overdue"), "bad")},
)

TARGET_KIND: Final[dict[str, str]] = {
    "level": gettext_noop("level by a year"),
    "change": gettext_noop("change from the baseline"),
    "share": gettext_noop("share"),
    "rank": gettext_noop("rank"),
    "cumulative": gettext_noop("cumulative count"),
}

METHOD: Final[dict[str, str]] = {
    "opensdg": gettext_noop("Open SDG / Statistics Canada method"),
    "eurostat_short": gettext_noop("Eurostat short-term trend (5 years)"),
    "eurostat_long": gettext_noop("Eurostat long-term trend (15 years)"),
    "linear_cumulative": gettext_noop("Linear path for a cumulative count"),
    "linear_rank": gettext_noop("Linear path for a rank"),
    "linear_level": gettext_noop("Linear path for a level"),
    "rollup": gettext_noop("Roll-up of the children"),
}

LINK_KIND: Final[dict[str, str]] = {
    "contributes_to": gettext_noop("contributes to"),
    "succeeds": gettext_noop("succeeds"),
    "merged_into": gettext_noop("merged into"),
    "split_from": gettext_noop("split from"),
}

DIRECTION: Final[dict[str, str]] = {
    "increase": gettext_noop("higher is better"),
    "decrease": gettext_noop("lower is better"),
}

FREQUENCY: Final[dict[str, str]] = {
    "annual": gettext_noop("annual"),
    "quarterly": gettext_noop("quarterly"),
    "monthly": gettext_noop("monthly"),
    "irregular": gettext_noop("irregular"),
}

FLAG: Final[dict[str, str]] = {
    "provisional": gettext_noop("provisional"),
    "estimated": gettext_noop("estimated"),
    "revised": gettext_noop("revised"),
}


def named(table: Mapping[str, str], code: str, t: Translate) -> str:
    """The translated name of `code` in `table`; the code itself when unknown."""
    return t(table[code]) if code in table else code.replace("_", " ")


def toned(table: Mapping[str, tuple[str, Tone]], code: str, t: Translate) -> tuple[str, Tone]:
    """The translated name and tone of a status code; unknown codes read as themselves."""
    if code not in table:
        return code.replace("_", " "), "none"
    text, tone = table[code]
    return t(text), tone
