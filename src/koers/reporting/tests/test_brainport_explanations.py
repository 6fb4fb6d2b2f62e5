"""Every assessment of the shipped Brainport data explains itself in Dutch."""

from __future__ import annotations

import pytest

from koers.assessment import service as assessment
from koers.assessment.phrases import NL, translate_note
from koers.indicators.models import Indicator

pytestmark = [pytest.mark.django_db, pytest.mark.slow, pytest.mark.usefixtures("brainport")]


def test_every_note_on_the_brainport_data_has_a_dutch_sentence() -> None:
    results = [
        result
        for indicator in Indicator.objects.all()
        for result in assessment.assess_indicator(indicator).results()
    ]
    notes = {note for result in results for note in result.explanation.notes}
    assert any(note.startswith("assessed on ") for note in notes)  # a proxy is used
    assert sorted(n for n in notes if translate_note(n, NL) == n) == []
    for result in results:
        dutch = assessment.explanation_text(result, "nl")
        assert "Data points used" not in dutch and "Note:" not in dutch
