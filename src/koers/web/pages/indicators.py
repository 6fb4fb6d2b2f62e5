"""The indicator list and the page of one indicator: its chart, every figure with
its source and flags, its targets and their assessment with the explanation."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from koers.agendas.models import Item
from koers.assessment.service import IndicatorAssessment, assess_indicator, explanation_text
from koers.charts import DataRow, data_table, render_svg
from koers.indicators.models import Indicator, Observation
from koers.readmodel.service import (
    AssessmentRow,
    MunicipalMap,
    Presenting,
    baseline_text,
    flags_text,
    indicator_chart,
    key_figure,
    municipal_map,
    municipal_summary,
    municipal_svg,
    target_assessment_row,
    target_text,
    trend_assessment_row,
    unit_label,
)
from koers.readmodel.service import labels as names
from koers.web.pages.common import Crumb, Page, item_link, language, named, source_text
from koers.web.pages.figures import indicator_scope, overall_status
from koers.web.tables import Cell, Column, Link, Table


@dataclass
class IndicatorPage(Page):
    indicator: Indicator | None = None
    name: str = ""
    description: str = ""
    facts: list[tuple[str, str]] = field(default_factory=list)
    measures: list[Link] = field(default_factory=list)
    svg: str = ""
    tile: list[DataRow] = field(default_factory=list)  # one or two figures: no line
    assessments: list[AssessmentRow] = field(default_factory=list)
    aggregate_text: str = ""
    municipal: MunicipalMap | None = None
    map_svg: str = ""
    map_summary: str = ""

    @property
    def listed_tables(self) -> list[Table]:
        """The tables shown at the foot of the page (the municipalities' sits by its map)."""
        return [t for t in self.tables if t.name != MUNICIPALITIES]


MUNICIPALITIES = "municipalities"


def indicator_url(indicator: Indicator) -> str:
    return reverse("web:indicator", args=[indicator.code])


def indicator_page(indicator: Indicator) -> IndicatorPage:
    """Everything Koers knows about one indicator, with the assessment explained."""
    assessed = assess_indicator(indicator)
    scope = indicator_scope()
    chart = indicator_chart(assessed, language())
    rows = data_table(chart) if chart.has_data() else []
    tile = chart.is_tile()
    municipal = municipal_map(indicator, scope)
    return IndicatorPage(
        title=indicator.name,
        crumbs=(
            Crumb(_("Home"), reverse("web:home")),
            Crumb(_("Indicators"), reverse("web:indicators")),
        ),
        tables=[
            t
            for t in (
                _chart_table(rows),
                _observations_table(scope, indicator),
                _revisions_table(indicator),
                _targets_table(scope, indicator),
                _municipalities_table(municipal),
            )
            if t.rows
        ],
        slug=indicator.code,
        indicator=indicator,
        name=indicator.name,
        description=indicator.description,
        facts=_facts(indicator),
        measures=[item_link(item) for item in _measured_items(indicator)],
        svg=render_svg(chart, id_prefix=f"chart-{indicator.pk}") if rows and not tile else "",
        tile=_latest_rows(rows) if tile else [],
        assessments=_assessments(scope, assessed),
        aggregate_text=explanation_text(assessed.aggregate, language()),
        municipal=municipal,
        map_svg=municipal_svg(scope, indicator, municipal) if municipal else "",
        map_summary=municipal_summary(scope, municipal) if municipal else "",
    )


def _municipalities_table(municipal: MunicipalMap | None) -> Table:
    columns = [
        Column("municipality", _("Municipality")),
        Column("value", _("Value"), numeric=True),
        Column("year", _("Year")),
    ]
    if municipal is None:
        return Table(MUNICIPALITIES, _("The figures by municipality"), columns, [])
    rows: list[list[Cell]] = [
        [f.name, f.value, municipal.period if f.value is not None else None]
        for f in municipal.figures
    ]
    return Table(MUNICIPALITIES, _("The figures by municipality"), columns, rows)


def _latest_rows(rows: list[DataRow]) -> list[DataRow]:
    """The latest figure of each line, for the tile."""
    latest: dict[str, DataRow] = {}
    for row in rows:
        if row.role in ("region", "comparison", "peer") and (
            row.series not in latest or row.year >= latest[row.series].year
        ):
            latest[row.series] = row
    return list(latest.values())


def _measured_items(indicator: Indicator) -> list[Item]:
    linked = indicator.items.select_related("agenda", "level")
    via_targets = [t.item for t in indicator.targets.select_related("item__agenda") if t.item]
    return list(dict.fromkeys([*linked.order_by("agenda__start", "order", "code"), *via_targets]))


def _facts(indicator: Indicator) -> list[tuple[str, str]]:
    lang = language()
    facts = [
        (_("Unit"), unit_label(indicator.unit, lang)),
        (_("Direction"), named(names.DIRECTION, indicator.direction)),
        (_("Frequency"), named(names.FREQUENCY, indicator.frequency)),
    ]
    if indicator.publisher:
        facts.append((_("Source of the statistic"), indicator.publisher))
    return facts


def _assessments(scope: Presenting, assessed: IndicatorAssessment) -> list[AssessmentRow]:
    rows = [target_assessment_row(scope, t) for t in assessed.targets]
    return rows + [trend_assessment_row(scope, t) for t in assessed.trends]


def _chart_table(rows: list[DataRow]) -> Table:
    columns = [
        Column("line", _("Line")),
        Column("year", _("Year")),
        Column("value", _("Value"), numeric=True),
        Column("flags", _("Flags")),
    ]
    body: list[list[Cell]] = [
        [row.series, row.year_text, row.value, row.flags_text or None] for row in rows
    ]
    return Table("chart-data", _("The numbers in the chart"), columns, body)


def _observations_table(scope: Presenting, indicator: Indicator) -> Table:
    columns = [
        Column("geography", _("Area")),
        Column("series", _("Series")),
        Column("period", _("Period")),
        Column("value", _("Value"), numeric=True),
        Column("flags", _("Flags")),
        Column("source", _("Source")),
        Column("retrieved", _("Retrieved")),
    ]
    rows = [
        _observation_row(scope, o)
        for o in Observation.objects.current()
        .filter(indicator=indicator)
        .select_related("geography", "source")
        .order_by("geography__code", "series", "period_start")
    ]
    caption = _("Every figure, with its source")
    return Table("observations", caption, columns, rows)


def _observation_row(scope: Presenting, o: Observation) -> list[Cell]:
    retrieved = o.retrieved or (o.source.retrieved if o.source else None)
    return [
        o.geography.name,
        o.series or None,
        o.period,
        o.value,
        flags_text(scope, o.provisional, o.estimated, o.revised) or None,
        source_text(o.source, o.source_section) or None,
        retrieved,
    ]


def _revisions_table(indicator: Indicator) -> Table:
    """Values that a later figure for the same period replaced: history stays readable."""
    current = Observation.objects.current().filter(indicator=indicator).values("pk")
    earlier = (
        Observation.objects.filter(indicator=indicator)
        .exclude(pk__in=current)
        .select_related("geography")
        .order_by("geography__code", "period_start", "recorded_at")
    )
    columns = [
        Column("geography", _("Area")),
        Column("period", _("Period")),
        Column("value", _("Earlier value"), numeric=True),
        Column("recorded", _("Recorded on")),
    ]
    rows: list[list[Cell]] = [
        [o.geography.name, o.period, o.value, o.recorded_at.date()] for o in earlier
    ]
    return Table("revisions", _("Earlier values, replaced by a revision"), columns, rows)


def _targets_table(scope: Presenting, indicator: Indicator) -> Table:
    columns = [
        Column("geography", _("Area")),
        Column("kind", _("Kind of target")),
        Column("baseline", _("Baseline")),
        Column("target", _("Target")),
        Column("item", _("For")),
        Column("note", _("Note")),
    ]
    rows: list[list[Cell]] = [
        [
            t.geography.name,
            named(names.TARGET_KIND, t.kind),
            baseline_text(scope, t),
            target_text(scope, t),
            item_link(t.item) if t.item else None,
            t.note or None,
        ]
        for t in indicator.targets.select_related("geography", "item__agenda")
    ]
    return Table("targets", _("Targets"), columns, rows)


@dataclass
class IndicatorList(Page):
    count: int = 0


def indicator_list() -> IndicatorList:
    """Every indicator with its latest figure, its target and its computed status."""
    scope = indicator_scope()
    columns = [
        Column("indicator", _("Indicator")),
        Column("latest", _("Latest figure")),
        Column("area", _("Area")),
        Column("target", _("Target")),
        Column("status", _("Status (computed)")),
    ]
    rows: list[list[Cell]] = []
    indicators = Indicator.objects.prefetch_related("targets__geography")
    for indicator in indicators.order_by("code"):
        latest = key_figure(scope, indicator)
        target = indicator.targets.first()
        rows.append(
            [
                Link(indicator.name, indicator_url(indicator)),
                latest.value_text if latest else None,
                latest.geography if latest else None,
                target_text(scope, target) if target else None,
                overall_status(indicator),
            ]
        )
    table = Table("indicators", _("Indicators"), columns, sorted(rows, key=lambda r: str(r[0])))
    return IndicatorList(
        title=_("Indicators"),
        crumbs=(Crumb(_("Home"), reverse("web:home")),),
        tables=[table],
        slug="indicators",
        count=len(rows),
    )
