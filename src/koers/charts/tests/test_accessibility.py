"""Colours meet WCAG 2.1 contrast against the white background."""

import pytest

from koers.charts.styles import ALL_LINE_COLOURS, ALL_TEXT_COLOURS, TARGET, contrast_ratio


def test_contrast_ratio_matches_known_values() -> None:
    assert contrast_ratio("#000000") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("colour", ALL_LINE_COLOURS)
def test_lines_and_markers_reach_three_to_one(colour: str) -> None:
    assert contrast_ratio(colour) >= 3.0  # WCAG 1.4.11 non-text contrast


@pytest.mark.parametrize("colour", [*ALL_TEXT_COLOURS, TARGET])
def test_text_reaches_four_and_a_half_to_one(colour: str) -> None:
    assert contrast_ratio(colour) >= 4.5  # WCAG 1.4.3; the target label is text too
