"""The report as one typed value: frozen dataclasses holding finished text.

Everything a renderer prints is already here in the report's language, numbers
formatted; the renderers only lay it out. Raw values (dates, amounts, status
codes) stay beside the text where a renderer or a test needs them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from koers.charts import Chart, DataRow
from koers.charts.tilemap import TileMap
from koers.readmodel.formatting import item_heading, item_label
from koers.readmodel.i18n import Language
from koers.readmodel.labels import Labels, Tone


class ReportError(Exception):
    """A report that cannot be built; the message says why."""


class UnknownAgendaError(ReportError):
    pass


class BadPeriodError(ReportError):
    """A period that ends before it starts or lies outside the calendar reports cover."""


class EmptyPeriodError(ReportError):
    """Nothing happened in the period: no updates, milestones or figures to report."""

    def __init__(self, agenda_code: str, start: dt.date, end: dt.date, message: str) -> None:
        super().__init__(message)
        self.agenda_code = agenda_code
        self.start = start
        self.end = end


@dataclass(frozen=True)
class StatusLabel:
    """A status: its code, its name in the report's language and a tone for the badge."""

    code: str
    label: str
    tone: Tone


@dataclass(frozen=True)
class SourceRef:
    document: str
    section: str
    publisher: str
    reference: str
    retrieved_text: str

    @property
    def text(self) -> str:
        parts = [self.document, self.section]
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class Cover:
    title: str
    agenda_title: str
    period_text: str
    partners: tuple[str, ...]
    generated_text: str


@dataclass(frozen=True)
class KeyFigure:
    indicator_code: str
    indicator: str
    value: float
    value_text: str
    period: str
    geography: str
    flags_text: str
    source: SourceRef | None


@dataclass(frozen=True)
class TargetRow:
    indicator_code: str
    indicator: str
    geography: str
    kind: str
    baseline_text: str
    target_text: str
    latest_text: str
    status: StatusLabel
    item_code: str


@dataclass(frozen=True)
class RoleRow:
    item_code: str
    item_title: str
    depth: int
    coordinators: tuple[str, ...]
    leads: tuple[str, ...]
    partners: tuple[str, ...]
    financiers: tuple[str, ...]

    @property
    def label(self) -> str:
        return item_label(self.item_code, self.item_title)


@dataclass(frozen=True)
class MeetingRow:
    date: dt.date
    date_text: str
    title: str
    agreements: tuple[str, ...]


@dataclass(frozen=True)
class BodyRow:
    name: str
    description: str
    frequency: str
    members: tuple[str, ...]
    meetings: tuple[MeetingRow, ...]


@dataclass(frozen=True)
class Structure:
    roles: tuple[RoleRow, ...]
    bodies: tuple[BodyRow, ...]


@dataclass(frozen=True)
class MilestoneRow:
    item_code: str
    title: str
    planned_text: str
    actual_text: str
    status: StatusLabel


@dataclass(frozen=True)
class FigureChart:
    """An indicator chart: the chart, its SVG and the numbers it draws.

    `columns` and `table` are the numbers pivoted for print: a row per year
    (the year's text first), a column per line of the chart.
    """

    indicator_code: str
    title: str
    chart: Chart
    svg: str
    rows: tuple[DataRow, ...]
    columns: tuple[str, ...]
    table: tuple[tuple[str, ...], ...]
    # Fewer than three points: shown as a tile of figures, not as a line (Chart.is_tile).
    tile: bool = False


@dataclass(frozen=True)
class MoneyRow:
    item_code: str
    funder: str
    instrument: str
    amount: Decimal
    committed: Decimal | None
    realised: Decimal | None
    amount_text: str
    committed_text: str
    realised_text: str
    note: str


@dataclass(frozen=True)
class MoneyTotal:
    label: str
    amount: Decimal
    committed: Decimal
    realised: Decimal
    amount_text: str
    committed_text: str
    realised_text: str


@dataclass(frozen=True)
class Money:
    rows: tuple[MoneyRow, ...]
    total: MoneyTotal | None


@dataclass(frozen=True)
class ActionSection:
    """A priority action (or any item below a pillar), with its sub-actions."""

    code: str
    title: str
    level: str
    depth: int
    description: str
    owner: StatusLabel
    computed: StatusLabel
    differs: bool
    narrative: str
    highlights: tuple[str, ...]
    validity: str
    milestones: tuple[MilestoneRow, ...]
    charts: tuple[FigureChart, ...]
    money: Money
    leads: tuple[str, ...]
    children: tuple[ActionSection, ...]

    @property
    def heading(self) -> str:
        return item_heading(self.level, self.code, self.title)

    @property
    def label(self) -> str:
        return item_label(self.code, self.title)

    @property
    def heading_level(self) -> int:
        """h3 for a priority action under its pillar's h2, h4 for a sub-action, ... up to h6."""
        return min(self.depth + 2, 6)

    @property
    def anchor(self) -> str:
        return "item-" + "".join(c if c.isalnum() else "-" for c in self.code)


@dataclass(frozen=True)
class StatusCount:
    status: StatusLabel
    count: int


@dataclass(frozen=True)
class PillarSection:
    code: str
    title: str
    level: str
    description: str
    owner: StatusLabel
    computed: StatusLabel
    narrative: str
    highlights: tuple[str, ...]
    owner_counts: tuple[StatusCount, ...]
    computed_counts: tuple[StatusCount, ...]
    milestones: tuple[MilestoneRow, ...]
    charts: tuple[FigureChart, ...]
    money_total: MoneyTotal | None
    actions: tuple[ActionSection, ...]

    @property
    def heading(self) -> str:
        return item_heading(self.level, self.code, self.title)

    @property
    def anchor(self) -> str:
        return "pillar-" + "".join(c if c.isalnum() else "-" for c in self.code)


@dataclass(frozen=True)
class OutlookEntry:
    item_code: str
    item_title: str
    points: tuple[str, ...]

    @property
    def label(self) -> str:
        return item_label(self.item_code, self.item_title)


@dataclass(frozen=True)
class AgreementRow:
    text: str
    owner: str
    due: dt.date | None
    due_text: str
    status: StatusLabel
    overdue: bool
    meeting: str
    items: str


@dataclass(frozen=True)
class FinanceOverview:
    by_funder: tuple[MoneyTotal, ...]
    by_instrument: tuple[MoneyTotal, ...]
    by_pillar: tuple[MoneyTotal, ...]
    total: MoneyTotal | None


@dataclass(frozen=True)
class StatusMove:
    item_code: str
    item_title: str
    before: StatusLabel
    after: StatusLabel

    @property
    def label(self) -> str:
        return item_label(self.item_code, self.item_title)


@dataclass(frozen=True)
class ItemChange:
    item_code: str
    item_title: str
    detail: str

    @property
    def label(self) -> str:
        return item_label(self.item_code, self.item_title)


@dataclass(frozen=True)
class Revision:
    subject: str
    before_text: str
    after_text: str
    when_text: str


@dataclass(frozen=True)
class Changes:
    previous_text: str
    previous_updates: int  # status updates recorded over the previous period
    status_moves: tuple[StatusMove, ...]
    new_items: tuple[ItemChange, ...]
    ended_items: tuple[ItemChange, ...]
    merged_items: tuple[ItemChange, ...]
    target_revisions: tuple[Revision, ...]
    figure_revisions: tuple[Revision, ...]


@dataclass(frozen=True)
class AssessmentRow:
    subject: str
    method: str
    status: StatusLabel
    explanation: str
    needed_text: str
    pace_text: str
    staleness_text: str
    uses_later_data: bool
    # The language of `explanation` (koers.assessment.service.explanation_text).
    explanation_language: str = "en"


@dataclass(frozen=True)
class AnnexIndicator:
    code: str
    name: str
    description: str
    unit: str
    direction: str
    frequency: str
    publisher: str
    measures: tuple[str, ...]
    targets: tuple[TargetRow, ...]
    assessments: tuple[AssessmentRow, ...]
    sources: tuple[SourceRef, ...]
    # Figures per municipality on the region's tile map, when the indicator has them.
    municipal: MunicipalMap | None = None
    municipal_svg: str = ""
    municipal_summary: str = ""


@dataclass(frozen=True)
class Report:
    """The progress report of one agenda over one period, in one language."""

    language: Language
    agenda_code: str
    agenda_title: str
    start: dt.date
    end: dt.date
    period_text: str
    labels: Labels
    cover: Cover
    foreword: str
    owner_counts: tuple[StatusCount, ...]
    computed_counts: tuple[StatusCount, ...]
    key_figures: tuple[KeyFigure, ...]
    targets: tuple[TargetRow, ...]
    structure: Structure
    pillars: tuple[PillarSection, ...]
    finances: FinanceOverview
    outlook: tuple[OutlookEntry, ...]
    agreements: tuple[AgreementRow, ...]
    changes: Changes | None
    annex: tuple[AnnexIndicator, ...]

    @property
    def title(self) -> str:
        return f"{self.cover.title} {self.agenda_title} {self.period_text}"

    def all_actions(self) -> list[ActionSection]:
        """Every action of every pillar, depth first."""
        found: list[ActionSection] = []
        stack = [a for p in reversed(self.pillars) for a in reversed(p.actions)]
        while stack:
            action = stack.pop()
            found.append(action)
            stack.extend(reversed(action.children))
        return found


@dataclass(frozen=True)
class MunicipalFigure:
    """One member of a region on the tile map: its figure for the map's period (None: no
    figure), the figure as written, its quantile class and its square (None: not on the map)."""

    code: str
    name: str
    value: float | None
    value_text: str
    klass: int | None
    square: tuple[int, int] | None


@dataclass(frozen=True)
class MunicipalMap:
    """An indicator's figures for the members of a region in one period, for the map and
    the table beside it. `figures` holds every member valid in the period, by name."""

    region_code: str
    region: str
    period: str
    figures: tuple[MunicipalFigure, ...]
    tiles: TileMap

    @property
    def with_data(self) -> int:
        return sum(1 for f in self.figures if f.value is not None)

    @property
    def not_on_the_map(self) -> tuple[MunicipalFigure, ...]:
        return tuple(f for f in self.figures if f.square is None)

    def titled(self, title: str, description: str) -> TileMap:
        """The map to draw, with its title and description in the page's words."""
        return replace(self.tiles, title=title, description=description)
