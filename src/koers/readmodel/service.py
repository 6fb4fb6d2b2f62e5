"""The read model's public surface: what the site, the report and the API read.

One slice of an agenda over a period or on a day (`Scope`), the typed figures,
statuses, money and governance built from it, and the labels and formatting in
both languages. `reporting/`, `web/` and `api/` import from here and nothing
deeper (tests/test_floors.py enforces it).
"""

from __future__ import annotations

from koers.readmodel import (
    build_figures,
    build_items,
    build_money,
    build_structure,
    formatting,
    labels,
)
from koers.readmodel.build_figures import (
    baseline_text,
    flags_text,
    key_figure,
    target_assessment_row,
    target_text,
    trend_assessment_row,
)
from koers.readmodel.build_items import (
    pillar_owner,
)
from koers.readmodel.build_money import (
    budget_lines,
    finances,
    item_money,
)
from koers.readmodel.build_structure import (
    bodies,
)
from koers.readmodel.charts import (
    indicator_chart,
)
from koers.readmodel.formatting import (
    format_date,
    format_money,
    format_period,
    format_rate,
    format_value,
    item_heading,
    item_label,
    unit_label,
)
from koers.readmodel.i18n import (
    LANGUAGES,
    LOCALE_DIR,
    Language,
    active,
    check_language,
    in_language,
    is_language,
    translator,
)
from koers.readmodel.labels import (
    OWNER_STATUS,
    Labels,
    labels_for,
)
from koers.readmodel.scope import (
    Scope,
    agenda_indicators,
    index_assessments,
    latest_updates,
    milestones_in,
    overlaps,
    source_ref,
)
from koers.readmodel.types import (
    ActionSection,
    AgreementRow,
    AnnexIndicator,
    AssessmentRow,
    BodyRow,
    Changes,
    Cover,
    EmptyPeriodError,
    FigureChart,
    ItemChange,
    KeyFigure,
    MilestoneRow,
    Money,
    MoneyTotal,
    PillarSection,
    Report,
    ReportError,
    Revision,
    SourceRef,
    StatusCount,
    StatusLabel,
    StatusMove,
    TargetRow,
    UnknownAgendaError,
)

__all__ = [
    "LANGUAGES",
    "LOCALE_DIR",
    "OWNER_STATUS",
    "ActionSection",
    "AgreementRow",
    "AnnexIndicator",
    "AssessmentRow",
    "BodyRow",
    "Changes",
    "Cover",
    "EmptyPeriodError",
    "FigureChart",
    "ItemChange",
    "KeyFigure",
    "Labels",
    "Language",
    "MilestoneRow",
    "Money",
    "MoneyTotal",
    "PillarSection",
    "Report",
    "ReportError",
    "Revision",
    "Scope",
    "SourceRef",
    "StatusCount",
    "StatusLabel",
    "StatusMove",
    "TargetRow",
    "UnknownAgendaError",
    "active",
    "agenda_indicators",
    "baseline_text",
    "bodies",
    "budget_lines",
    "build_figures",
    "build_items",
    "build_money",
    "build_structure",
    "check_language",
    "finances",
    "flags_text",
    "format_date",
    "format_money",
    "format_period",
    "format_rate",
    "format_value",
    "formatting",
    "in_language",
    "index_assessments",
    "indicator_chart",
    "is_language",
    "item_heading",
    "item_label",
    "item_money",
    "key_figure",
    "labels",
    "labels_for",
    "latest_updates",
    "milestones_in",
    "overlaps",
    "pillar_owner",
    "source_ref",
    "target_assessment_row",
    "target_text",
    "translator",
    "trend_assessment_row",
    "unit_label",
]
