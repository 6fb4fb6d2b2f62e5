"""Figures as the dashboard lists them: an indicator's latest value, target and status.

These reuse the report's figure helpers (`koers.readmodel.build_figures`), so a
value, a target and a status read the same on the site and in the report.
Those helpers need only a presentation (language, end date): the dashboard's
indicator pages give them one that ends today, no agenda involved.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from koers.assessment.service import IndicatorAssessment, ItemAssessment, assess_indicator
from koers.indicators.models import Indicator
from koers.readmodel.service import Presentation, Scope, key_figure, target_text
from koers.readmodel.service import labels as names
from koers.web.pages.common import badge, language, status, today
from koers.web.tables import Badge, Column, Link, Table


def indicator_scope() -> Presentation:
    """Figures told in the page's language as known today, for pages about no agenda."""
    return Presentation(language(), today())


def overall_status(indicator: Indicator, assessed: IndicatorAssessment | None = None) -> Badge:
    """The indicator's computed status: its targets rolled up, or its trend without one."""
    aggregate = (assessed or assess_indicator(indicator)).aggregate
    return badge(status(names.COMPUTED_STATUS, aggregate.status))


def indicator_rows(
    scope: Scope, assessment: ItemAssessment | None, name: str, caption: str
) -> Table:
    """A row per indicator measuring an item: its latest figure, target and status."""
    columns = [
        Column("indicator", _("Indicator")),
        Column("latest", _("Latest figure")),
        Column("period", _("Period")),
        Column("target", _("Target")),
        Column("status", _("Status (computed)")),
    ]
    rows = []
    for assessed in assessment.indicators if assessment else ():
        indicator = assessed.indicator
        latest = key_figure(scope, indicator)
        target = assessed.targets[0].target if assessed.targets else None
        rows.append(
            [
                Link(indicator.name, reverse("web:indicator", args=[indicator.code])),
                latest.value_text if latest else None,
                latest.period if latest else None,
                target_text(scope, target) if target else None,
                overall_status(indicator, assessed),
            ]
        )
    return Table(name, caption, columns, rows)
