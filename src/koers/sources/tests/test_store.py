"""Storing observations: append-only revisions, in-memory checks, all or nothing."""

from __future__ import annotations

import pytest

from koers.agendas.models import Geography, SourceDocument
from koers.indicators.models import Indicator, Observation
from koers.sources.store import NewObservation, StoreError, store_observations

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting() -> SourceDocument:
    Geography.objects.create(code="GM0772", level="municipality", name_nl="E", name_en="E")
    Indicator.objects.create(
        code="homes",
        name_nl="W",
        name_en="H",
        unit="homes",
        direction="increase",
        frequency="annual",
    )
    return SourceDocument.objects.create(code="cbs-81955ned", title="CBS 81955NED")


def _row(value: float, period: str = "2019", **extra: object) -> NewObservation:
    return NewObservation("homes", "GM0772", period, value, **extra)


def test_a_new_value_is_added_and_the_same_value_again_adds_nothing(
    setting: SourceDocument,
) -> None:
    first = store_observations([_row(1362.0)], source=setting)
    again = store_observations([_row(1362.0)], source=setting)
    assert (first.added, first.revised, first.unchanged) == (1, 0, 0)
    assert (again.added, again.revised, again.unchanged) == (0, 0, 1)
    assert Observation.objects.count() == 1


def test_a_changed_value_is_a_revision_and_the_old_one_stays(setting: SourceDocument) -> None:
    store_observations(
        [_row(1362.0, flags=("provisional",), source_status="Voorlopig")], source=setting
    )
    result = store_observations([_row(1370.0, source_status="Definitief")], source=setting)
    assert (result.added, result.revised) == (0, 1)
    values = list(Observation.objects.order_by("recorded_at").values_list("value", "revised"))
    assert values == [(1362.0, False), (1370.0, True)]
    current = Observation.objects.current().get()
    assert (current.value, current.source_status, current.provisional) == (
        1370.0,
        "Definitief",
        False,
    )


def test_a_changed_status_alone_is_a_revision_too(setting: SourceDocument) -> None:
    store_observations([_row(5.0, source_status="Voorlopig")], source=setting)
    result = store_observations([_row(5.0, source_status="Nader voorlopig")], source=setting)
    assert result.revised == 1


def test_one_bad_row_writes_nothing_and_names_the_row(setting: SourceDocument) -> None:
    rows = [_row(1.0, "2018"), _row(2.0, "2019-13", where="table.csv, line 3")]
    with pytest.raises(StoreError, match=r"table.csv, line 3: '2019-13' is not a period"):
        store_observations(rows, source=setting)
    assert Observation.objects.count() == 0


@pytest.mark.parametrize("value", [float("inf"), float("nan")])
def test_a_value_that_is_not_finite_is_refused(setting: SourceDocument, value: float) -> None:
    with pytest.raises(StoreError, match=r"row 1: the value .* is not a finite number"):
        store_observations([_row(value)], source=setting)


def test_unknown_codes_are_refused(setting: SourceDocument) -> None:
    with pytest.raises(StoreError, match="row 1: unknown geography 'GM9999'"):
        store_observations([NewObservation("homes", "GM9999", "2019", 1.0)], source=setting)
    with pytest.raises(StoreError, match="row 1: unknown indicator 'jobs'"):
        store_observations([NewObservation("jobs", "GM0772", "2019", 1.0)], source=setting)
