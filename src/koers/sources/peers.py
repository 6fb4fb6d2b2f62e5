"""The peer-region comparison, read from the ranked feeds that keep their peers.

A feed declared with `rank: {order, level, peers: N, top: M, named: [...], of: CODE}`
stores the region's rank as observations of its (rank) indicator and every
competitor's value as `PanelValue` rows (koers.sources.feeds). This module turns
those into one `PeerMeasure` per feed and region: the rank and the distance to
the M best in every period, and the peers of the latest period by the stated
rule (the N best, the named peers, the region). The arithmetic is pure
(koers.assessment.peers).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from koers.agendas.models import Geography
from koers.assessment import peers as rule
from koers.indicators.models import Indicator
from koers.sources.feed_types import ALL_GEOGRAPHIES
from koers.sources.models import Feed, PanelValue

DEFAULT_TOP = 5
DEFAULT_PEERS = 20


@dataclass(frozen=True)
class PeerMeasure:
    """One measure of the comparison for one region, with the panel it is ranked in."""

    feed: Feed
    region: Geography
    source_code: str  # the region's code in the source
    rank_indicator: Indicator
    measure: Indicator | None  # whose values are ranked (`of:`), for name and unit
    order: str
    top: int
    count: int
    named: tuple[str, ...]
    level: str
    panel: dict[str, dict[str, float]]  # period -> {source code: value}

    def standings(self) -> list[rule.Standing]:
        """Rank and distance to the top in each period the region has a value, oldest first."""
        found = (
            rule.standing(period, values, self.source_code, self.order, self.top)
            for period, values in sorted(self.panel.items())
        )
        return [s for s in found if s is not None]

    def latest(self) -> rule.Standing | None:
        standings = self.standings()
        return standings[-1] if standings else None

    def peer_codes(self) -> list[str]:
        """The peers in the latest period the region has a value, best first."""
        latest = self.latest()
        if latest is None:
            return []
        values = self.panel[latest.period]
        return rule.peers(values, self.source_code, self.order, self.count, self.named)


def peer_measures(region: str | None = None) -> list[PeerMeasure]:
    """Every measure of every ranked feed that keeps its peers (for `region` only, if given)."""
    feeds = Feed.objects.select_related("indicator").order_by("name")
    found = [m for feed in feeds if _keeps_peers(feed) for m in _measures(feed)]
    return [m for m in found if region is None or m.region.code == region]


def peer_regions() -> list[Geography]:
    """The regions compared with their peers, in code order."""
    codes = {m.region.code for m in peer_measures()}
    return list(Geography.objects.filter(code__in=codes).order_by("code"))


def names(codes: Iterable[str]) -> dict[str, Geography]:
    """The Koers geographies among the codes (most competitors are none)."""
    return {g.code: g for g in Geography.objects.filter(code__in=set(codes))}


def _keeps_peers(feed: Feed) -> bool:
    options = feed.options.get("rank")
    return isinstance(options, dict) and "peers" in options


def _measures(feed: Feed) -> list[PeerMeasure]:
    options = feed.options["rank"]
    mapping = {k: v for k, v in feed.geographies.items() if k != ALL_GEOGRAPHIES}
    regions = names(mapping.values())
    of = options.get("of")
    measure = Indicator.objects.filter(code=of).first() if of else None
    panel = _panel(feed)
    return [
        PeerMeasure(
            feed=feed,
            region=regions[code],
            source_code=source_code,
            rank_indicator=feed.indicator,
            measure=measure,
            order=str(options.get("order", "descending")),
            top=int(options.get("top", DEFAULT_TOP)),
            count=int(options.get("peers", DEFAULT_PEERS)),
            named=tuple(str(c) for c in options.get("named", ())),
            level=str(options.get("level", "")),
            panel=panel,
        )
        for source_code, code in sorted(mapping.items())
        if code in regions
    ]


def _panel(feed: Feed) -> dict[str, dict[str, float]]:
    panel: dict[str, dict[str, float]] = defaultdict(dict)
    for geography, period, value in PanelValue.objects.filter(feed=feed).values_list(
        "geography", "period", "value"
    ):
        panel[period][geography] = value
    return dict(panel)
