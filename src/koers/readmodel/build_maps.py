"""An indicator's figures per municipality on a region's tile map (and in the table
beside it): the latest period in which members of the region have figures."""

from __future__ import annotations

from django.utils.translation import gettext_noop

from koers.agendas.models import Geography
from koers.agendas.tiles import positions
from koers.charts.numbers import format_number
from koers.charts.tilemap import Place, Tile, render_tilemap, tile_map
from koers.indicators.models import Indicator, Observation
from koers.readmodel.i18n import in_language
from koers.readmodel.scope import Presenting
from koers.readmodel.types import MunicipalFigure, MunicipalMap


def municipal_map(indicator: Indicator, scope: Presenting) -> MunicipalMap | None:
    """The figures of `indicator` for the members of the first region with a tile layout
    that has any, in the latest period known by `scope.end`; None without such figures."""
    regions = Geography.objects.filter(level=Geography.Level.REGION).order_by("code")
    for region in regions:
        if region.tile_layout:
            found = _region_map(indicator, region, scope)
            if found is not None:
                return found
    return None


def _region_map(indicator: Indicator, region: Geography, scope: Presenting) -> MunicipalMap | None:
    memberships = list(region.memberships.select_related("member").order_by("member__code"))
    observed = Observation.objects.current().filter(
        indicator=indicator,
        series="",
        geography_id__in=[m.member_id for m in memberships],
        period_end__lte=scope.end,
    )
    latest = observed.order_by("-period_end", "period_start").first()
    if latest is None:
        return None
    values = {o.geography_id: o.value for o in observed.filter(period=latest.period).order_by("pk")}
    # The members of the region in that period: a merged municipality is not drawn.
    members = [m.member for m in memberships if m.overlaps(latest.period_start, latest.period_end)]
    return _map(region, latest.period, _unique(members), values, scope)


def _unique(members: list[Geography]) -> list[Geography]:
    return list({m.pk: m for m in members}.values())


def _map(
    region: Geography,
    period: str,
    members: list[Geography],
    values: dict[int, float],
    scope: Presenting,
) -> MunicipalMap:
    lang = scope.language
    squares = positions(region.tile_layout)
    named = sorted(members, key=lambda m: in_language(m, "name", lang))
    placed = [m for m in named if m.code in squares]
    drawn = tile_map(
        "",
        "",
        [Place(in_language(m, "name", lang), *squares[m.code], values.get(m.pk)) for m in placed],
        lang,
    )
    by_code = dict(zip((m.code for m in placed), drawn.tiles, strict=True))
    figures = tuple(
        _figure(m, values.get(m.pk), by_code.get(m.code), squares.get(m.code), scope) for m in named
    )
    return MunicipalMap(region.code, in_language(region, "name", lang), period, figures, drawn)


def _figure(
    member: Geography,
    value: float | None,
    tile: Tile | None,
    square: tuple[int, int] | None,
    scope: Presenting,
) -> MunicipalFigure:
    # A member without a square has no class: the classes are the drawn tiles' own.
    written = tile.value_text if tile else format_number(value, scope.language)
    return MunicipalFigure(
        code=member.code,
        name=in_language(member, "name", scope.language),
        value=value,
        value_text=written,
        klass=tile.klass if tile else None,
        square=square,
    )


def municipal_svg(scope: Presenting, indicator: Indicator, municipal: MunicipalMap) -> str:
    """The map as an accessible SVG, titled and described in `scope`'s language: the site
    and the report draw the very same map."""
    name = in_language(indicator, "name", scope.language)
    title = scope.t(gettext_noop("{indicator} by municipality, {period}")).format(
        indicator=name, period=municipal.period
    )
    description = scope.t(
        gettext_noop(
            "A map of the {count} municipalities of {region}, one square each; {known} have a "
            "figure. The darker the square, the higher the figure. The table gives the same "
            "numbers."
        )
    ).format(count=len(municipal.figures), region=municipal.region, known=municipal.with_data)
    return render_tilemap(municipal.titled(title, description), id_prefix=f"map-{indicator.pk}")


def municipal_summary(scope: Presenting, municipal: MunicipalMap) -> str:
    """ "2024: 21 of 21 municipalities have a figure." """
    return scope.t(
        gettext_noop("{period}: {known} of {count} municipalities have a figure.")
    ).format(period=municipal.period, known=municipal.with_data, count=len(municipal.figures))
