"""The region among its European peers: for each ranked measure its rank over time,
the distance to the top N, the peers of the latest period by a stated rule, and the
agenda's rank targets assessed on those ranks (koers.sources.peers)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from koers.agendas.models import Geography
from koers.assessment.peers import rank_of
from koers.assessment.service import assess_indicator
from koers.charts import Chart, ChartSeries, format_number, render_svg
from koers.readmodel.service import AssessmentRow, target_assessment_row, unit_label
from koers.sources import service as sources
from koers.web.pages.common import Crumb, Page, language
from koers.web.pages.figures import indicator_scope
from koers.web.tables import Cell, Column, Table


@dataclass
class MeasureSection:
    slug: str
    title: str
    summary: str
    rule: str
    svg: str
    tables: list[Table]
    targets: list[AssessmentRow]
    indicator_url: str


@dataclass
class PeersPage(Page):
    intro: str = ""
    sections: list[MeasureSection] = field(default_factory=list)


def peers_page(region: str | None = None) -> PeersPage:
    """Every region compared with its peers (or the one asked for), measure by measure."""
    measures = sources.peer_measures(region)
    known = sources.names(code for m in measures for period in m.panel.values() for code in period)
    sections = [_section(m, known) for m in measures]
    return PeersPage(
        title=_("Regions compared"),
        crumbs=(Crumb(_("Home"), reverse("web:home")),),
        tables=[table for section in sections for table in section.tables],
        slug="peers",
        intro=_intro(measures),
        sections=sections,
    )


def _intro(measures: list[sources.PeerMeasure]) -> str:
    regions = sorted({m.region.name for m in measures})
    if not regions:
        return _("No region is compared with its peers yet.")
    return _(
        "%(regions)s against Europe's regions of the same level, from Eurostat's regional "
        "statistics: the rank in every year, the distance to the best regions and the peers "
        "of the latest year. Rank 1 is the best value; regions with equal values share a rank."
    ) % {"regions": ", ".join(regions)}


def _section(measure: sources.PeerMeasure, known: dict[str, Geography]) -> MeasureSection:
    indicator = measure.measure or measure.rank_indicator
    slug = measure.feed.name
    title = f"{indicator.name} ({measure.region.name})"
    return MeasureSection(
        slug=slug,
        title=title,
        summary=_summary(measure),
        rule=_rule(measure),
        svg=_chart_svg(measure, title),
        tables=[_ranks_table(measure), _peers_table(measure, known)],
        targets=_targets(measure),
        indicator_url=reverse("web:indicator", args=[measure.rank_indicator.code]),
    )


def _unit(measure: sources.PeerMeasure) -> str:
    return unit_label(measure.measure.unit, language()) if measure.measure else ""


def _summary(measure: sources.PeerMeasure) -> str:
    latest = measure.latest()
    if latest is None:
        return _("The source has no value for this region.")
    lang = language()
    facts = {
        "region": measure.region.name,
        "period": latest.period,
        "rank": latest.rank,
        "of": latest.of,
        "top": latest.top,
        "value": format_number(latest.value, lang),
        "threshold": format_number(latest.threshold, lang),
        "gap": format_number(abs(latest.gap), lang),
        "unit": _unit(measure),
    }
    text = _("In %(period)s %(region)s ranked %(rank)s of %(of)s (%(value)s %(unit)s).") % facts
    if latest.gap == 0:
        return text + " " + _("That is within the best %(top)s.") % facts
    return (
        text
        + " "
        + _(
            "Number %(top)s had %(threshold)s %(unit)s: %(gap)s %(unit)s away from the best "
            "%(top)s."
        )
        % facts
    )


def _rule(measure: sources.PeerMeasure) -> str:
    facts = {"count": measure.count, "region": measure.region.name}
    rule = (
        _(
            "Peers: the %(count)s best regions of the latest year, the named technology regions "
            "the source gives a value for, and %(region)s itself."
        )
        % facts
    )
    return rule + " " + _("Periods in which fewer than half of the regions report are left out.")


def _chart_svg(measure: sources.PeerMeasure, title: str) -> str:
    standings = measure.standings()
    if not standings:
        return ""
    chart = Chart(
        title=_("Rank of %(region)s over time") % {"region": measure.region.name},
        description=_("%(title)s: rank among the regions; a lower rank is better.")
        % {"title": title},
        unit=_("rank"),
        series=(
            ChartSeries(
                measure.region.name,
                tuple((float(s.period[:4]), float(s.rank)) for s in standings),
            ),
        ),
        language=language(),
    )
    return render_svg(chart, id_prefix=f"peers-{measure.feed.pk}")


def _ranks_table(measure: sources.PeerMeasure) -> Table:
    top = measure.top
    columns = [
        Column("period", _("Year")),
        Column("rank", _("Rank"), numeric=True),
        Column("regions", _("Regions ranked"), numeric=True),
        Column("value", _("Value"), numeric=True),
        Column("threshold", _("Value of number %(top)s") % {"top": top}, numeric=True),
        Column("gap", _("Distance to the best %(top)s") % {"top": top}, numeric=True),
    ]
    rows: list[list[Cell]] = [
        [s.period, s.rank, s.of, s.value, s.threshold, s.gap] for s in measure.standings()
    ]
    caption = _("Rank and distance to the best %(top)s: %(title)s") % {
        "top": top,
        "title": (measure.measure or measure.rank_indicator).name,
    }
    return Table(f"{measure.feed.name}-ranks", caption, columns, rows)


def _peers_table(measure: sources.PeerMeasure, known: dict[str, Geography]) -> Table:
    latest = measure.latest()
    values = measure.panel[latest.period] if latest else {}
    columns = [
        Column("rank", _("Rank"), numeric=True),
        Column("region", _("Region")),
        Column("code", _("Code")),
        Column("value", _("Value"), numeric=True),
        Column("why", _("Why shown")),
    ]
    rows: list[list[Cell]] = [
        [
            _rank(values, code, measure.order),
            known[code].name if code in known else code,
            code,
            values[code],
            _why(measure, values, code),
        ]
        for code in measure.peer_codes()
    ]
    caption = _("Peers in %(period)s: %(title)s") % {
        "period": latest.period if latest else "–",
        "title": (measure.measure or measure.rank_indicator).name,
    }
    return Table(f"{measure.feed.name}-peers", caption, columns, rows)


def _rank(values: dict[str, float], code: str, order: str) -> int:
    return rank_of(values, code, order) or 0


def _why(measure: sources.PeerMeasure, values: dict[str, float], code: str) -> str:
    if code == measure.source_code:
        return _("the region compared")
    if _rank(values, code, measure.order) <= measure.count:
        return _("among the best %(count)s") % {"count": measure.count}
    return _("named peer")


def _targets(measure: sources.PeerMeasure) -> list[AssessmentRow]:
    assessed = assess_indicator(measure.rank_indicator)
    scope = indicator_scope()
    return [target_assessment_row(scope, t) for t in assessed.targets]
