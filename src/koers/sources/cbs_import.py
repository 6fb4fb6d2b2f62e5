"""Import a CBS table into Koers (`koers import cbs`): one indicator per measure.

Every measure becomes the indicator `cbs-<table id>-<measure code>` (lower case) with
the measure's CBS title and unit; every other dimension than region and period is kept
on the observations; region codes become Koers geographies by `cbs_codes`
(NL01 -> NL, provinces -> NUTS 2, the rest as they are; a missing one is created with
its CBS label). The import itself is `table_import.import_table`: atomic, append-only.
"""

from __future__ import annotations

from collections.abc import Callable

from koers.sources.cbs_codes import geography_spec
from koers.sources.table_import import TableImportError, TableImportResult, import_table
from koers.sources.tables import GeographySpec, Measure, StatTable

CODE_LENGTH = 100  # Indicator.code


def indicator_code(table: StatTable) -> Callable[[Measure], str]:
    """`cbs-81955ned-nieuwbouw_2`: the table id and the measure code, lower case."""

    def code(measure: Measure) -> str:
        text = f"cbs-{table.table_id}-{measure.code}".lower()
        if len(text) > CODE_LENGTH:
            raise TableImportError(f"the indicator code {text!r} is longer than {CODE_LENGTH}")
        return text

    return code


def geographies(table: StatTable) -> Callable[[str], GeographySpec]:
    """Koers geographies for the table's region codes, named by the table's labels."""
    geo = next((d for d in table.dimensions if d.role == "geo"), None)
    labels = dict(geo.labels) if geo else {}
    return lambda code: geography_spec(code, labels.get(code, ""))


def import_cbs(table: StatTable, *, update_metadata: bool = False) -> TableImportResult:
    """Store every value of `table` (already selected when it was opened); atomic."""
    return import_table(
        table,
        indicator_code=indicator_code(table),
        geographies=geographies(table),
        update_metadata=update_metadata,
    )
