"""The explanation speaks the reader's language: every sentence, number and note."""

from __future__ import annotations

import datetime as dt

import pytest

from koers.assessment import eurostat, linear
from koers.assessment.explain import render_aggregate, render_explanation
from koers.assessment.phrases import NL, translate_note
from koers.assessment.rollup import rollup
from koers.assessment.staleness import assess_staleness
from koers.assessment.target_series import ObservedPoint, _fill_years
from koers.assessment.tests.helpers import points, run
from koers.assessment.types import Point, Result, Series

ENGLISH_MARKERS = ("Data points used", "Note:", "needed from", "pace so far", "Target ", " lies ")


def _dutch(result: Result) -> str:
    text = render_explanation(result.explanation, "nl")
    for marker in ENGLISH_MARKERS:
        assert marker not in text, text
    return text


def test_a_band_is_explained_in_dutch_with_decimal_commas() -> None:
    result = run([(2015, 10.0), (2020, 11.0)], target=20, target_year=2030, direction="positive")
    text = _dutch(result)
    assert text.startswith("Methode Open SDG / Statistics Canada: ")
    assert "De voortgangswaarde 0,4069 ligt ≥ 0 en < 0,6." in text and "Doel 20 in 2030." in text
    assert "Gebruikte gegevens: 2015: 10; 2020: 11." in text
    assert "Nodig vanaf het laatste punt +6,16 % per jaar" in text


def test_english_stays_the_default_and_unchanged() -> None:
    result = run([(2015, 10.0), (2020, 11.0)], target=20, target_year=2030, direction="positive")
    assert render_explanation(result.explanation) == result.explanation.text
    assert "The progress value 0.4069 lies ≥ 0 and < 0.6." in result.explanation.text


def test_an_unknown_language_falls_back_to_english() -> None:
    result = run([(2015, 10.0), (2020, 11.0)])
    assert render_explanation(result.explanation, "fy") == result.explanation.text


@pytest.mark.parametrize(
    ("result", "dutch"),
    [
        (run([(2016, 0.0), (2020, 4.0)], base_year=2015), "beginwaarde 0 vervangen door 0,001"),
        (run([(2016, 3.0), (2020, 4.0)], base_year=2015), "geen gegevens voor basisjaar 2015"),
        (run([(2015, 3.0), (2020, 4.0)], target=9, limit=13), "grens 13 genegeerd"),
        (run([(2015, 120.0), (2020, 125.0)], limit=100, direction="positive"), "voorbij de grens"),
        (run([(2015, 1.0), (2020, 2.0)], target="abc"), "doel: 'abc' is geen getal"),
    ],
)
def test_every_open_sdg_note_is_dutch(result: Result, dutch: str) -> None:
    assert dutch in _dutch(result)


def test_the_notes_of_eurostat_and_the_linear_path_are_dutch() -> None:
    series = Series(points(*((y, float(y - 2000)) for y in range(2005, 2021))), limit=100)
    assert "schaalt niet naar een natuurlijke grens" in _dutch(eurostat.assess_short(series))
    ranks = Series(points((2015, 9.0), (2020, 8.0)), target=6, target_year=2030)
    assert "een lagere positie is beter" in _dutch(linear.assess_rank(ranks))


@pytest.mark.parametrize("frequency", ["annual", "quarterly", "monthly", "irregular", "weekly"])
def test_staleness_is_explained_in_dutch(frequency: str) -> None:
    for as_of in (dt.date(2030, 1, 1), dt.date(2020, 1, 1), dt.date(2010, 1, 1)):
        reason = assess_staleness(dt.date(2019, 12, 31), frequency, as_of).reason
        dutch = translate_note(reason, NL)
        assert dutch != reason and "data may be" not in dutch and "published" not in dutch


def test_a_filled_year_is_explained_in_dutch() -> None:
    flows = [
        ObservedPoint(str(year), float(year), 10.0, False, False, False, "", None)
        for year in (2019, 2021)
    ]
    _, notes = _fill_years(flows, Point(2018, 0.0))
    assert translate_note(notes[0], NL) == (
        "nog geen cijfer voor 2020: geteld tegen het gemiddelde van de 2 waargenomen jaren "
        "sinds het basisjaar (10 per jaar), niet als nul"
    )


def test_a_roll_up_is_explained_in_dutch() -> None:
    item = rollup("item", [run([(2015, 10.0), (2020, 11.0)]), run([(2019, 1.0)])])
    text = render_aggregate(item, "nl")
    assert "status uit de gemiddelde score van de onderdelen" in text
    assert "Weggelaten: test (niet te beoordelen)." in text
