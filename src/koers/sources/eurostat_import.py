"""Store a Eurostat table (`koers import eurostat`): indicators, geographies, observations.

Each measure becomes the indicator `eurostat-<dataset>-<measure>` (lower
case); geography codes are Koers codes as they are (NL41, NL414). A code
Koers does not know yet is created: its level follows the NUTS code length
(NL country, NL4 NUTS 1, NL41 NUTS 2, NL414 NUTS 3) and its name is the
label the message gives (JSON-stat does; TSV and CSV do not, so the code is
the name until someone curates it). Aggregates of countries (EU27_2020,
EA20, EFTA) are stored as level "country": they stand beside countries in
every comparison Koers draws, and Koers has no level above country.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path

from koers.agendas.models import Geography
from koers.sources.eurostat_api import LIVE, LiveApi, indicator_code, open_table
from koers.sources.table_import import TableImportResult, TableSelection, import_table
from koers.sources.tables import GeographySpec, StatTable

# NUTS code length -> level: two letters for the country, one character per level below.
NUTS_LEVELS: Mapping[int, str] = {
    2: Geography.Level.COUNTRY,
    3: Geography.Level.NUTS1,
    4: Geography.Level.NUTS2,
    5: Geography.Level.NUTS3,
}
_NUTS = re.compile(r"^[A-Z]{2}[A-Z0-9]{0,3}$")
_AGGREGATE = re.compile(r"^(EU|EA|EEA|EFTA)")


def geography_level(code: str) -> str:
    """The Koers level of a Eurostat geography code."""
    if _AGGREGATE.match(code) or not _NUTS.match(code):
        return Geography.Level.COUNTRY
    return NUTS_LEVELS[len(code)]


def geographies(table: StatTable) -> Callable[[str], GeographySpec]:
    """Every code of the table as itself, with its level and the table's label for it."""
    geo = next((d for d in table.dimensions if d.role == "geo"), None)
    labels = dict(geo.labels) if geo else {}

    def spec(code: str) -> GeographySpec:
        name = labels.get(code) or code
        return GeographySpec(code, geography_level(code), name, name)

    return spec


def import_eurostat(
    source: str | Path,
    *,
    measures: Collection[str] = (),
    filters: Mapping[str, Collection[str]] | None = None,
    measure_dimensions: Sequence[str] | None = None,
    dataset: str | None = None,
    sdmx_key: str | None = None,
    update_metadata: bool = False,
    api: LiveApi = LIVE,
    timeout: float = 60.0,
) -> tuple[StatTable, TableImportResult]:
    """Open a Eurostat table (live, recording or file) and store it atomically."""
    table = open_table(
        source,
        filters=filters,
        measure_dimensions=measure_dimensions,
        dataset=dataset,
        sdmx_key=sdmx_key,
        api=api,
        timeout=timeout,
    )
    result = import_table(
        table,
        indicator_code=lambda measure: indicator_code(table, measure),
        geographies=geographies(table),
        selection=TableSelection(measures=frozenset(measures)),
        update_metadata=update_metadata,
    )
    return table, result
