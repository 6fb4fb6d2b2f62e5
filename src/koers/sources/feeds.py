"""Refresh the declared feeds: statistics in, as observations, then the derived figures.

A feed (`sources.Feed`) maps one source to one indicator's series: a
statistics file read by a `SeriesSpec` (connector `file`), or a CBS or
Eurostat table and measure (connectors `cbs`, `eurostat`, read live or from
recorded responses). `refresh_feeds` reads each feed and stores what it finds
through `store_observations`: append-only, a changed value is a revision,
nothing is deleted. Each feed is one transaction: a feed that fails keeps its
last good values, is marked failed with the reason, and the others go on.
After the feeds, the region sums and ratios that depend on them are derived.

Options every connector understands:
- `periods: {from: "2012", to: "2024"}` keeps only periods within the bounds;
- `rank: {order: descending}` stores, instead of each mapped geography's value,
  its rank among every geography the source gives for that period (1 = the
  highest value for `descending`), with the number ranked in the note. The
  feed's filters say which geographies compete (e.g. `region_level: "2"`), or
  `level: nuts2` does, by the length of the NUTS code. With `peers: N` the
  feed also keeps every competitor's value (`PanelValue`), for the peer-region
  comparison: the N best regions and the `named: [codes]` peers are shown,
  with the distance to the `top: M` best (koers.assessment.peers); `of:` names
  the indicator whose values are ranked, for its name and unit.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from koers.accounts.service import recorded_import
from koers.agendas.models import Geography
from koers.indicators.periods import PeriodError, parse_period
from koers.sources import feed_tables
from koers.sources.cbs_codes import CbsError
from koers.sources.derive import DeriveResult, derive_all
from koers.sources.eurostat_import import geography_level
from koers.sources.eurostat_live import EurostatError
from koers.sources.feed_types import ALL_GEOGRAPHIES, Reading
from koers.sources.feed_types import FeedError as FeedError
from koers.sources.models import Feed, PanelValue
from koers.sources.series import SeriesSpec, SeriesSpecError, StatisticsFormatError
from koers.sources.statistics import StatPoint, read_series
from koers.sources.store import NewObservation, StoreError, StoreResult, store_observations
from koers.sources.table_import import TableImportError

RANK_ORDERS = ("descending", "ascending")
RANK_OPTIONS = frozenset({"order", "level", "top", "peers", "named", "of"})
NUTS_LEVELS = ("nuts1", "nuts2", "nuts3")
# What a feed can fail with; each names the feed, file or URL and the place in it.
FEED_ERRORS: tuple[type[Exception], ...] = (
    FeedError,
    StoreError,
    StatisticsFormatError,
    SeriesSpecError,
    CbsError,
    EurostatError,
    TableImportError,
    OSError,
)


@dataclass(frozen=True)
class FeedOutcome:
    feed: str
    ok: bool
    stored: StoreResult = field(default_factory=StoreResult)
    message: str = ""

    def __str__(self) -> str:
        if not self.ok:
            return f"{self.feed}: FAILED, last good values kept: {self.message}"
        counts = self.stored
        return (
            f"{self.feed}: {counts.added} added, {counts.revised} revised, "
            f"{counts.unchanged} unchanged"
        )


@dataclass
class RefreshResult:
    outcomes: list[FeedOutcome] = field(default_factory=list)
    derived: DeriveResult = field(default_factory=DeriveResult)

    @property
    def failed(self) -> list[FeedOutcome]:
        return [o for o in self.outcomes if not o.ok]


Progress = Callable[[int, int, FeedOutcome], None]
Connector = Callable[[Feed, Path | None], Reading]


def refresh_feeds(
    names: Sequence[str] = (),
    *,
    offline: Path | None = None,
    strict: bool = False,
    progress: Progress | None = None,
) -> RefreshResult:
    """Refresh the named feeds (all when none are named); see the module docstring.

    `strict` raises on the first failing feed instead of recording it (the demo
    dataset must load completely or not at all).
    """
    feeds = list(Feed.objects.select_related("indicator", "source").order_by("name"))
    unknown = sorted(set(names) - {f.name for f in feeds})
    if unknown:
        raise FeedError(f"no feed named {unknown[0]!r}")
    chosen = [f for f in feeds if not names or f.name in names]
    result = RefreshResult()
    for number, feed in enumerate(chosen, 1):
        outcome = _refresh_one(feed, offline, strict)
        result.outcomes.append(outcome)
        if progress is not None:
            progress(number, len(chosen), outcome)
    result.derived = derive_all()
    return result


def _refresh_one(feed: Feed, offline: Path | None, strict: bool) -> FeedOutcome:
    try:
        with transaction.atomic(), recorded_import("feed", feed.name) as audited:
            reading = read_feed(feed, offline)
            stored = store_observations(
                reading.rows, source=reading.source, retrieved=reading.retrieved
            )
            if "peers" in feed.options.get("rank", {}):
                _store_panel(feed, reading.panel)
            audited.report({"observations": stored.written})
            _mark(feed, "ok", "")
        return FeedOutcome(feed.name, True, stored)
    except FEED_ERRORS as exc:
        if strict:
            raise FeedError(f"feed {feed.name}: {exc}") from None
        _mark(feed, "failed", str(exc))
        return FeedOutcome(feed.name, False, message=str(exc))


def _mark(feed: Feed, outcome: str, message: str) -> None:
    Feed.objects.filter(pk=feed.pk).update(
        last_refreshed=timezone.now(), last_outcome=outcome, last_message=message[:2000]
    )


def read_feed(feed: Feed, offline: Path | None = None) -> Reading:
    """What the feed's source holds now, as rows to store (nothing is written)."""
    connector = CONNECTORS.get(feed.connector)
    if connector is None:
        raise FeedError(
            f"connector {feed.connector!r} is not available (choose {', '.join(CONNECTORS)})"
        )
    reading = connector(feed, offline)
    rows = _within_periods(feed, reading.rows)
    panel: list[NewObservation] = []
    if "rank" in feed.options:
        panel = _competitors(feed, rows)
        rows = _ranked(feed, panel)
    wanted = _wanted_geographies(feed, rows)
    kept = [r for r in rows if r.geography in wanted]
    return Reading(kept, reading.source, reading.retrieved, panel)


# --- the file connector -------------------------------------------------------------------

FILE_OPTIONS = frozenset({"format", "columns", "scale", "decimals", "periods", "rank"})


def _read_file(feed: Feed, offline: Path | None) -> Reading:
    path = Path(feed.table)
    if not path.is_absolute() and offline is not None:
        path = offline / path
    spec = _file_spec(feed)
    points = read_series(path, spec)
    rows = [_file_row(feed, point, path) for point in points]
    source = feed.source
    return Reading(rows, source, source.retrieved if source else None)


def _file_spec(feed: Feed) -> SeriesSpec:
    options: dict[str, Any] = dict(feed.options)
    unknown = sorted(set(options) - FILE_OPTIONS)
    if unknown:
        raise FeedError(f"feed {feed.name}: unknown option {unknown[0]!r}")
    mapping = {
        "indicator": feed.indicator.code,
        "file": Path(feed.table).name,
        "format": options.get("format"),
        "geographies": _spec_geographies(feed),
        "filters": feed.filters,
        "columns": options.get("columns", {}),
        "scale": options.get("scale", 1),
        "decimals": options.get("decimals"),
        "source": {"title": feed.name, "publisher": "-", "reference": feed.name},
    }
    if feed.measure:
        mapping["columns"] = {**mapping["columns"], "value": feed.measure}
    return SeriesSpec.from_mapping(mapping, f"feed {feed.name}")


def _spec_geographies(feed: Feed) -> dict[str, str]:
    # A ranked feed reads every geography, to rank the mapped ones among them.
    if "rank" in feed.options:
        return {ALL_GEOGRAPHIES: ALL_GEOGRAPHIES}
    return dict(feed.geographies) or {ALL_GEOGRAPHIES: ALL_GEOGRAPHIES}


def _file_row(feed: Feed, point: StatPoint, path: Path) -> NewObservation:
    return NewObservation(
        indicator=feed.indicator.code,
        geography=point.geography,
        period=point.period,
        value=point.value,
        flags=tuple(f for f in point.flags if f in ("provisional", "estimated", "revised")),
        source_status=" ".join(point.source_flags),
        source_section=path.name,
        where=f"feed {feed.name}, {path.name}, {point.geography} {point.period}",
    )


CONNECTORS: dict[str, Connector] = {
    Feed.Connector.FILE: _read_file,
    Feed.Connector.CBS: feed_tables.read_cbs,
    Feed.Connector.EUROSTAT: feed_tables.read_eurostat,
}


# --- options every connector understands --------------------------------------------------


def _within_periods(feed: Feed, rows: list[NewObservation]) -> list[NewObservation]:
    bounds = feed.options.get("periods")
    if not bounds:
        return rows
    if not isinstance(bounds, dict) or set(bounds) - {"from", "to"}:
        raise FeedError(f"feed {feed.name}: periods takes from and to")
    start = _bound(feed, bounds.get("from"), first=True)
    end = _bound(feed, bounds.get("to"), first=False)
    return [r for r in rows if _inside(r.period, start, end)]


def _bound(feed: Feed, label: object, *, first: bool) -> dt.date | None:
    if label is None:
        return None
    try:
        period = parse_period(str(label))
    except PeriodError as exc:
        raise FeedError(f"feed {feed.name}: periods: {exc}") from None
    return period.start if first else period.end


def _inside(label: str, start: dt.date | None, end: dt.date | None) -> bool:
    period = parse_period(label)
    return (start is None or period.start >= start) and (end is None or period.end <= end)


def _competitors(feed: Feed, rows: list[NewObservation]) -> list[NewObservation]:
    """The rows that compete: all, or those of one NUTS level (`rank.level`)."""
    options = feed.options["rank"]
    if not isinstance(options, dict) or set(options) - RANK_OPTIONS:
        raise FeedError(f"feed {feed.name}: rank takes {', '.join(sorted(RANK_OPTIONS))}")
    level = options.get("level")
    if level is not None and level not in NUTS_LEVELS:
        raise FeedError(f"feed {feed.name}: rank level must be one of {NUTS_LEVELS}")
    # Eurostat aggregates (EU27_2020, EA19) count as countries, whatever their length;
    # extra-regio codes (FRZZ) are no region.
    kept = [
        r
        for r in rows
        if (level is None or geography_level(r.geography) == level)
        and not _extra_regio(r.geography)
    ]
    return _well_covered(kept) if "peers" in options else kept


def _extra_regio(code: str) -> bool:
    return len(code) > 2 and code[2:].strip("Z") == ""


def _well_covered(rows: list[NewObservation]) -> list[NewObservation]:
    # A rank among the few regions that report early is no rank among peers: a period
    # counts when at least half as many regions report as in the best-covered period.
    counts = Counter(r.period for r in rows)
    enough = max(counts.values(), default=0) / 2
    return [r for r in rows if counts[r.period] >= enough]


def _store_panel(feed: Feed, panel: list[NewObservation]) -> None:
    """Replace the feed's panel with what the source holds now."""
    PanelValue.objects.filter(feed=feed).delete()
    PanelValue.objects.bulk_create(
        PanelValue(feed=feed, geography=r.geography, period=r.period, value=r.value) for r in panel
    )


def _ranked(feed: Feed, rows: list[NewObservation]) -> list[NewObservation]:
    order = feed.options["rank"].get("order", "descending")
    if order not in RANK_ORDERS:
        raise FeedError(f"feed {feed.name}: rank order must be one of {RANK_ORDERS}")
    by_period: dict[str, list[NewObservation]] = defaultdict(list)
    for row in rows:
        by_period[row.period].append(row)
    mapping = _rank_mapping(feed)
    ranked = []
    for _, competitors in sorted(by_period.items()):
        for row in competitors:
            if row.geography in mapping:
                ranked.append(_rank_row(row, competitors, order, mapping[row.geography]))
    return ranked


def _rank_mapping(feed: Feed) -> Mapping[str, str]:
    if not feed.geographies or ALL_GEOGRAPHIES in feed.geographies:
        raise FeedError(f"feed {feed.name}: a ranked feed names the geographies it ranks")
    return dict(feed.geographies)


def _rank_row(
    row: NewObservation, competitors: Iterable[NewObservation], order: str, geography: str
) -> NewObservation:
    values = [c.value for c in competitors]
    better = sum(1 for v in values if (v > row.value if order == "descending" else v < row.value))
    rank = better + 1  # tied values share the best rank
    return NewObservation(
        indicator=row.indicator,
        geography=geography,
        period=row.period,
        value=float(rank),
        flags=row.flags,
        source_status=row.source_status,
        note_nl=f"Rang {rank} van {len(values)} (waarde {row.value:g}).",
        note_en=f"Rank {rank} of {len(values)} (value {row.value:g}).",
        source_section=row.source_section,
        where=row.where,
    )


def _wanted_geographies(feed: Feed, rows: list[NewObservation]) -> set[str]:
    # Mapped codes are stored (an unknown one is an error worth seeing); with every code
    # kept as it is, only the geographies Koers knows are.
    if feed.geographies and ALL_GEOGRAPHIES not in feed.geographies:
        return {r.geography for r in rows}
    codes = {r.geography for r in rows}
    return set(Geography.objects.filter(code__in=codes).values_list("code", flat=True))
