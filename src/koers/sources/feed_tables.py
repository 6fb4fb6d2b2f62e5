"""Feeds that read a CBS or Eurostat table (connectors `cbs` and `eurostat`).

A table feed names the table, the one measure it takes and the dimension codes
it keeps (`filters`, a code or a list of codes per dimension). It is read live,
or with `--offline DIR` from the recording `koers record cbs|eurostat` wrote
under DIR (`recording` names the folder when it is not the connector's own
default). Region codes become Koers codes by the feed's `geographies` mapping;
with `{"*": "*"}` by the connector's own rule (CBS NL01 -> NL, provinces ->
NUTS 2; Eurostat NUTS codes as they are), keeping the geographies Koers knows.
Every other dimension than geography and period stays on the observation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from koers.sources import cbs_codes, cbs_odata, eurostat_api
from koers.sources.feed_types import ALL_GEOGRAPHIES, FeedError, Reading
from koers.sources.models import Feed
from koers.sources.store import NewObservation, series_key
from koers.sources.table_import import source_document
from koers.sources.tables import StatTable, TableValue


def _filters(feed: Feed) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for name, codes in feed.filters.items():
        listed = codes if isinstance(codes, list) else [codes]
        if not listed or not all(isinstance(c, str | int) for c in listed):
            raise FeedError(f"feed {feed.name}: filters.{name} must be a code or a list of codes")
        found[str(name)] = [str(c) for c in listed]
    return found


def _recordings(feed: Feed, offline: Path | None) -> Path | None:
    if offline is None:
        return None
    return offline / feed.recording if feed.recording else offline


def read_cbs(feed: Feed, offline: Path | None) -> Reading:
    filters = _filters(feed)
    selection = cbs_codes.Selection(
        frozenset([feed.measure]) if feed.measure else frozenset(),
        {name: frozenset(codes) for name, codes in filters.items()},
    )
    table = cbs_odata.open_feed_table(feed.table, selection, recordings=_recordings(feed, offline))
    return _reading(feed, table, lambda code: cbs_codes.geography_spec(code, "").code)


def read_eurostat(feed: Feed, offline: Path | None) -> Reading:
    table = eurostat_api.open_feed_table(
        feed.table, filters=_filters(feed), offline=_recordings(feed, offline)
    )
    return _reading(feed, table, lambda code: code)


def _reading(feed: Feed, table: StatTable, own_code: Callable[[str], str]) -> Reading:
    if feed.measure and table.measure(feed.measure) is None:
        known = sorted(m.code for m in table.measures)
        raise FeedError(
            f"feed {feed.name}: {table.table_id} has no measure {feed.measure!r}: {known}"
        )
    mapping = dict(feed.geographies)
    every = not mapping or ALL_GEOGRAPHIES in mapping

    def koers_code(code: str) -> str | None:
        return own_code(code) if every else mapping.get(code)

    fixed = {name for name, codes in _filters(feed).items() if len(codes) == 1}
    rows = list(_rows(feed, table.values(), koers_code, fixed))
    return Reading(rows, source_document(table), table.retrieved)


def _rows(
    feed: Feed,
    values: Iterable[TableValue],
    koers_code: Callable[[str], str | None],
    fixed: set[str],
) -> Iterable[NewObservation]:
    # A dimension the filters fix to one code describes the whole feed, not a series.
    for value in values:
        geography = koers_code(value.geography)
        if geography is None or (feed.measure and value.measure != feed.measure):
            continue
        dimensions = {k: v for k, v in value.dimensions.items() if k not in fixed}
        yield NewObservation(
            indicator=feed.indicator.code,
            geography=geography,
            period=value.period,
            value=value.value,
            series=series_key(dimensions),
            dimensions=dimensions,
            flags=tuple(f for f in value.flags if f in ("provisional", "estimated")),
            source_status=value.status,
            source_section=f"{value.where}"[:300],
            where=f"feed {feed.name}, {value.where}",
        )
