"""Importing a statistics table: measures become indicators, the rest dimensions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from koers.agendas.models import Geography
from koers.indicators.models import Indicator, Observation
from koers.sources.table_import import TableImportError, TableSelection, import_table
from koers.sources.tables import Dimension, GeographySpec, Measure, StatTable, TableValue

pytestmark = pytest.mark.django_db

VALUES = (
    TableValue("Nieuwbouw_2", "GM0772", "2019", 1100.0, {"Gebruiksfunctie": "A045364"}),
    TableValue(
        "Nieuwbouw_2",
        "GM0772",
        "2020",
        1362.0,
        {"Gebruiksfunctie": "A045364"},
        flags=("provisional",),
        status="Voorlopig",
    ),
    TableValue("Sloop_4", "GM0772", "2020", 80.0, {"Gebruiksfunctie": "A045364"}),
    TableValue("Nieuwbouw_2", "GM9999", "2020", 5.0, {"Gebruiksfunctie": "A045364"}),
)


def _table(values: tuple[TableValue, ...] = VALUES) -> StatTable:
    def read() -> Iterator[TableValue]:
        yield from values

    return StatTable(
        publisher="CBS",
        table_id="81955NED",
        title="Voorraad woningen; mutaties",
        reference="https://example.test/81955NED",
        retrieved=dt.date(2024, 5, 1),
        measures=(
            Measure("Nieuwbouw_2", "Nieuwbouw", "aantal"),
            Measure("Sloop_4", "Sloop", "aantal"),
        ),
        dimensions=(
            Dimension("Gebruiksfunctie", "Gebruiksfunctie", labels={"A045364": "Woningen"}),
            Dimension("RegioS", "Regio's", role="geo"),
            Dimension("Perioden", "Perioden", role="time"),
        ),
        read_values=read,
    )


def _places(code: str) -> GeographySpec | None:
    return (
        GeographySpec(code, "municipality", "Eindhoven", "Eindhoven") if code == "GM0772" else None
    )


def _code(measure: Measure) -> str:
    return f"cbs-81955ned-{measure.code.lower()}"


def test_every_measure_becomes_an_indicator_and_every_mapped_value_an_observation() -> None:
    result = import_table(_table(), indicator_code=_code, geographies=_places)
    assert result.indicators == ["cbs-81955ned-nieuwbouw_2", "cbs-81955ned-sloop_4"]
    assert result.stored.added == 3
    assert result.geographies_created == ["GM0772"]
    homes = Indicator.objects.get(code="cbs-81955ned-nieuwbouw_2")
    assert (homes.name_nl, homes.unit, homes.publisher) == ("Nieuwbouw", "aantal", "CBS (81955NED)")
    latest = Observation.objects.get(indicator=homes, period="2020")
    assert latest.series == "Gebruiksfunctie=A045364"
    assert latest.dimensions == {"Gebruiksfunctie": "A045364"}
    assert latest.source is not None
    assert (latest.provisional, latest.source_status, latest.source.code) == (
        True,
        "Voorlopig",
        "cbs-81955ned",
    )
    assert not Geography.objects.filter(code="GM9999").exists()


def test_a_selection_imports_only_the_measures_asked_for() -> None:
    result = import_table(
        _table(),
        indicator_code=_code,
        geographies=_places,
        selection=TableSelection(measures=frozenset({"Sloop_4"})),
    )
    assert result.indicators == ["cbs-81955ned-sloop_4"]
    assert Observation.objects.count() == 1


def test_an_unknown_measure_or_dimension_code_is_refused_before_anything_is_written() -> None:
    with pytest.raises(TableImportError, match="81955NED has no measure 'Bouw'"):
        import_table(
            _table(),
            indicator_code=_code,
            geographies=_places,
            selection=TableSelection(measures=frozenset({"Bouw"})),
        )
    with pytest.raises(TableImportError, match="dimension Gebruiksfunctie has no code 'X'"):
        import_table(
            _table(),
            indicator_code=_code,
            geographies=_places,
            selection=TableSelection(filters={"Gebruiksfunctie": frozenset({"X"})}),
        )
    assert not Indicator.objects.exists()


def test_a_curated_name_is_kept_and_the_difference_reported() -> None:
    import_table(_table(), indicator_code=_code, geographies=_places)
    Indicator.objects.filter(code="cbs-81955ned-nieuwbouw_2").update(name_nl="Nieuwbouwwoningen")
    result = import_table(_table(), indicator_code=_code, geographies=_places)
    assert [str(d) for d in result.differences] == [
        "cbs-81955ned-nieuwbouw_2: name_nl kept: stored 'Nieuwbouwwoningen', the source says 'Nieuwbouw'"
    ]
    assert Indicator.objects.get(code="cbs-81955ned-nieuwbouw_2").name_nl == "Nieuwbouwwoningen"
    assert result.stored.unchanged == 3


def test_update_metadata_changes_the_definition_and_keeps_the_old_one_in_history() -> None:
    import_table(_table(), indicator_code=_code, geographies=_places)
    homes = Indicator.objects.get(code="cbs-81955ned-nieuwbouw_2")
    homes.unit = "woningen"
    homes.save()
    import_table(_table(), indicator_code=_code, geographies=_places, update_metadata=True)
    homes.refresh_from_db()
    assert homes.unit == "aantal"
    assert [h.unit for h in homes.history.order_by("history_date")] == [
        "aantal",
        "woningen",
        "aantal",
    ]


def test_a_bad_value_rolls_the_whole_table_back() -> None:
    bad = (*VALUES[:2], TableValue("Sloop_4", "GM0772", "2020Q9", 1.0, where="page 2, record 7"))
    with pytest.raises(ValueError, match="page 2, record 7"):
        import_table(_table(bad), indicator_code=_code, geographies=_places)
    assert not Observation.objects.exists()
    assert not Indicator.objects.exists()


def test_a_table_import_is_one_import_record_over_every_chunk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from koers.sources import table_import
    from koers.sources.models import ObservationImport

    monkeypatch.setattr(table_import, "CHUNK", 1)  # every value its own chunk
    import_table(_table(), indicator_code=_code, geographies=_places)
    record = ObservationImport.objects.get()
    assert (record.added, record.revised, record.unchanged) == (3, 0, 0)
    assert record.rows().count() == 3
    assert Observation.history.count() == 0
