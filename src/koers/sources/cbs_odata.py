"""The CBS (Statistics Netherlands) connector: open a CBS table from wherever it is.

    open_table(source, selection=..., table_id=..., base_url=..., timeout=...) -> CbsTable

`source` is one of
- a table id (`81955NED`; v4 ids are case-sensitive, some are lower case): the live
  OData v4 API, `https://datasets.cbs.nl/odata/v1/CBS/<table>` (`cbs_live`, `cbs_v4`);
- a folder with an `index.json`: recorded responses of the v4 API, or of the older v3
  API that `cbsodata` reads (`"api": "v3"`; `cbs_recording`, `cbs_v3`);
- a CSV file: a StatLine export, code- or label-based (`cbs_csv`).

The table's metadata is read when it is opened, its values when `table.values()` is
iterated: a page or a file at a time, never the whole table in memory. The selection
(measures, `DIMENSION=CODE` filters) is checked against the metadata first, so an
unknown measure or code is refused before any value is read, and live it is sent to
the API. Every failure is a `CbsError` naming the file or URL, the record and the field.

    record_table(table_id, folder, selection=...)

writes a live table's responses into a new folder, exactly as returned, with its
`index.json`; `open_table(folder)` reads it back as the live table.

For feeds (one measure of a table, with filters, feeding a Koers series):

    open_feed_table(table_id, selection, recordings=None)

opens the live table, or, given `recordings` (`koers feeds refresh --offline DIR`),
the recording in `DIR/<table id>/`, refusing one made with narrower filters than the
feed asks for (it would import too little).

What the v4 format is taken from (no live API was reachable while this was written;
the test recordings under `tests/data/cbs/` are written by hand in this shape):
- real beta-API recordings in HenricoWitvliet/CBSOData4.jl `test/meta_*.json`
  (table 80072ned: the service index, `Dimensions` with `Kind`, `MeasureCodes` with
  `Identifier`/`Title`/`Unit`/`Decimals`/`DataType`, `PeriodenCodes` with `Status`
  "Voorlopig", `Observations` rows `Id`/`Measure`/`Value`/`ValueAttribute`/<dimension>,
  `Properties`);
- CBS's release notes, datasets.cbs.nl/odata/v1/releasenotes.html (the `/odata/v1`
  path since 1.12.0; empty cells are not returned unless they carry a special value
  such as "impossible"; every observation has `Value` and `StringValue` since 1.14.1);
- CBS's own examples, statistiekcbs/CBS-Open-Data-v4 `Python/basics.py` (paging by
  `@odata.nextLink`, `$filter=<Dimension> eq '<code>'`, `<Dimension>Codes`);
- the `cbsodata` package (J535D165/cbsodata `cbsodata3.py`, `cbsodata4.py`): the v3
  endpoints and `odata.nextLink` paging, and requests without a timeout (here every
  request has one);
- notes another project measured against datasets.cbs.nl ("Coverage-sprint table set —
  validated against the live catalog", found in the code corpus without its repository):
  `GeoDimension` as the `Kind` of regions, yet `RegioS` a plain `Dimension` in 85792NED;
  `Value` null with `ValueAttribute` "Impossible"; statuses `Voorlopig` and
  `NaderVoorlopig`; v4 table ids are case-sensitive (80590ned).
"""

from __future__ import annotations

import re
from pathlib import Path

from koers.sources.cbs_codes import EVERYTHING, CbsError, CbsTable, Selection
from koers.sources.cbs_csv import open_csv
from koers.sources.cbs_http import TIMEOUT
from koers.sources.cbs_live import BASE_URL, Recorded, open_live, record_v4
from koers.sources.cbs_recording import MANIFEST, Manifest
from koers.sources.cbs_v3 import open_v3
from koers.sources.cbs_v4 import RecordedV4, open_v4

__all__ = [
    "BASE_URL",
    "CbsError",
    "CbsTable",
    "Recorded",
    "Selection",
    "open_feed_table",
    "open_recording",
    "open_table",
    "record_table",
]

_TABLE_ID = re.compile(r"^[A-Za-z0-9]{4,12}$")


def open_table(
    source: str | Path,
    selection: Selection = EVERYTHING,
    *,
    table_id: str | None = None,
    base_url: str = BASE_URL,
    timeout: float = TIMEOUT,
) -> CbsTable:
    """A CBS table from a table id (live), a recording folder or a CSV export."""
    path = Path(source)
    if path.is_dir():
        return open_recording(path, selection)
    if path.is_file():
        return open_csv(path, table_id=table_id, selection=selection)
    if _TABLE_ID.match(str(source)):
        return _live(str(source), selection, base_url, timeout)
    raise CbsError(str(source), "no such file or folder, nor a CBS table id")


def open_recording(folder: Path, selection: Selection = EVERYTHING) -> CbsTable:
    """A folder of recorded v4 or v3 responses (`index.json`)."""
    manifest = Manifest.read(folder)
    if manifest.api == "v3":
        return open_v3(manifest, selection)
    return open_v4(
        RecordedV4(manifest),
        selection,
        table_id=manifest.table_id,
        reference=manifest.source,
        retrieved=manifest.retrieved,
    )


def record_table(
    table_id: str,
    folder: Path,
    selection: Selection = EVERYTHING,
    *,
    base_url: str = BASE_URL,
    timeout: float = TIMEOUT,
) -> Recorded:
    """Write a live table's responses, as returned, and its index.json into `folder`."""
    return record_v4(table_id, folder, selection, base_url=base_url, timeout=timeout)


def open_feed_table(
    table_id: str,
    selection: Selection = EVERYTHING,
    *,
    recordings: Path | None = None,
    base_url: str = BASE_URL,
    timeout: float = TIMEOUT,
) -> CbsTable:
    """The table a feed reads: live, or replayed from `recordings/<table id>/`."""
    if recordings is None:
        return _live(table_id, selection, base_url, timeout)
    folder = recordings / table_id
    if not (folder / MANIFEST).is_file():
        raise CbsError(
            str(folder), f"no recording of {table_id} (koers record cbs {table_id} -o {folder})"
        )
    _check_covers(Manifest.read(folder), selection)
    return open_recording(folder, selection)


def _live(table_id: str, selection: Selection, base_url: str, timeout: float) -> CbsTable:
    return open_live(table_id, selection, base_url=base_url, timeout=timeout)


def _check_covers(manifest: Manifest, asked: Selection) -> None:
    """Refuse a recording made for less than the feed asks for."""
    recorded = manifest.recorded
    if recorded.measures and not (asked.measures and asked.measures <= recorded.measures):
        raise CbsError(
            manifest.where,
            f"recorded for measures {sorted(recorded.measures)} only; the feed asks for "
            f"{sorted(asked.measures) or 'all'}",
            field="measures",
        )
    for name, codes in sorted(recorded.filters.items()):
        wanted = asked.filters.get(name)
        if wanted is None or not wanted <= codes:
            raise CbsError(
                manifest.where,
                f"recorded for {name} {sorted(codes)} only; the feed asks for "
                f"{sorted(wanted) if wanted else 'all'}",
                field="filters",
            )
