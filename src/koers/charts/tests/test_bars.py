"""Bars for counts: every bar labelled with its number, scaled to the largest."""

from __future__ import annotations

from koers.charts.bars import Bar, BarGroup, render_bars


def test_every_bar_carries_its_label_and_count_and_the_svg_its_title() -> None:
    svg = render_bars(
        "Statuses",
        "Owner against computed",
        [BarGroup("Owner", (Bar("on track", 4, "good"), Bar("delayed", 2, "bad")))],
        "glance",
    )
    assert 'role="img"' in svg and 'aria-labelledby="glance-title glance-desc"' in svg
    assert '<title id="glance-title">Statuses</title>' in svg
    assert ">on track<" in svg and ">4<" in svg and ">delayed<" in svg and ">2<" in svg
    assert 'width="200"' in svg and 'width="100"' in svg  # 4 is the longest, 2 half of it


def test_no_counts_still_draws_a_valid_svg() -> None:
    svg = render_bars("Statuses", "none", [BarGroup("Owner", (Bar("on track", 0),))], "g")
    assert svg.startswith("<svg") and 'width="1"' in svg
