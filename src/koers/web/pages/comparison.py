"""The region against the national average: every indicator with headline figures
for the country and for a smaller area, in the latest year both have, with the
growth per year of each over (up to) the last ten years.

Totals of a region and a country differ by their size; their growth rates
compare. So the table gives both levels and both growth rates, and the gap
between the growth rates is what says whether the region outpaces the country.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from koers.agendas.models import Geography
from koers.indicators.models import Indicator, Observation
from koers.indicators.periods import parse_period
from koers.readmodel.service import unit_label
from koers.web.pages.common import language
from koers.web.tables import Cell, Column, Link, Table

WINDOW_YEARS = 10
MIN_YEARS = 3  # shorter spans make growth rates noise
# Which smaller area stands for "the region" when there are several: the
# agenda's own region first, then the smallest statistical area.
AREA_ORDER = ("region", "nuts3", "municipality", "nuts2", "nuts1")


@dataclass(frozen=True)
class Comparison:
    indicator: Indicator
    area: Geography
    country: Geography
    period: str
    area_value: float
    country_value: float
    since: str | None
    area_growth: float | None
    country_growth: float | None
    years: int


def comparisons() -> list[Comparison]:
    """One comparison per indicator that has both, longest series first."""
    values: dict[int, dict[int, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    rows = (
        Observation.objects.current()
        .filter(series="")
        .values_list("indicator_id", "geography_id", "period", "value")
    )
    for indicator_id, geography_id, period, value in rows:
        values[indicator_id][geography_id][period] = value
    geographies = Geography.objects.in_bulk()
    indicators = Indicator.objects.in_bulk(list(values))
    found = []
    for indicator_id, by_area in values.items():
        comparison = _compare(indicators[indicator_id], by_area, geographies)
        if comparison is not None:
            found.append(comparison)
    return sorted(found, key=lambda c: (-c.years, c.indicator.code))


def _compare(
    indicator: Indicator, by_area: dict[int, dict[str, float]], geographies: dict[int, Geography]
) -> Comparison | None:
    areas = [geographies[pk] for pk in by_area]
    countries = [g for g in areas if g.level == Geography.Level.COUNTRY]
    others = sorted(
        (g for g in areas if g.level in AREA_ORDER),
        key=lambda g: (AREA_ORDER.index(g.level), g.code),
    )
    if not countries or not others:
        return None
    country, area = countries[0], others[0]
    common = sorted(set(by_area[area.pk]) & set(by_area[country.pk]), key=_year)
    if not common:
        return None
    latest = common[-1]
    earlier = [p for p in common if 0 < _year(latest) - _year(p) <= WINDOW_YEARS]
    since = earlier[0] if earlier and _year(latest) - _year(earlier[0]) >= MIN_YEARS else None
    return Comparison(
        indicator=indicator,
        area=area,
        country=country,
        period=latest,
        area_value=by_area[area.pk][latest],
        country_value=by_area[country.pk][latest],
        since=since,
        area_growth=_growth(by_area[area.pk], since, latest),
        country_growth=_growth(by_area[country.pk], since, latest),
        years=len(common),
    )


def _year(period: str) -> float:
    return parse_period(period).midpoint_year


def _growth(values: dict[str, float], since: str | None, latest: str) -> float | None:
    """Compound growth per year in percent; None without a span or with a non-positive value."""
    if since is None or values[since] <= 0 or values[latest] <= 0:
        return None
    years = _year(latest) - _year(since)
    ratio: float = values[latest] / values[since]
    growth: float = ratio ** (1 / years) - 1
    return round(100 * growth, 2)


def comparison_table() -> Table:
    lang = language()
    columns = [
        Column("indicator", _("Indicator")),
        Column("unit", _("Unit")),
        Column("period", _("Year")),
        Column("area", _("Area")),
        Column("area_value", _("Value in the area"), numeric=True),
        Column("country_value", _("National value"), numeric=True),
        Column("since", _("Growth since")),
        Column("area_growth_pct", _("Area growth (% per year)"), numeric=True),
        Column("country_growth_pct", _("National growth (% per year)"), numeric=True),
    ]
    rows: list[list[Cell]] = [
        [
            Link(c.indicator.name, reverse("web:indicator", args=[c.indicator.code])),
            unit_label(c.indicator.unit, lang),
            c.period,
            c.area.name,
            c.area_value,
            c.country_value,
            c.since,
            c.area_growth,
            c.country_growth,
        ]
        for c in comparisons()
    ]
    caption = _("The region in numbers, against the national average")
    note = _(
        "Growth is the average change per year (compound) from the year given to the latest "
        "year both areas have, over at most ten years."
    )
    return Table("region-in-numbers", caption, columns, rows, (note,))
