"""The console progress bar: drawn on a terminal only, with count, bar and rate."""

from __future__ import annotations

import io

from koers.cli.progress import ProgressBar


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_bar_with_a_total_shows_how_far_it_is() -> None:
    bar = ProgressBar("exporting", total=4, unit="indicators", stream=_Terminal())
    assert bar.line(1, 0) == "exporting [#######-----------------------] 1/4 indicators"
    assert bar.line(4, 2.0).endswith("4/4 indicators (2/s)")


def test_without_a_total_the_count_and_the_rate_are_shown() -> None:
    bar = ProgressBar("importing repo", stream=_Terminal())
    assert bar.line(120_000, 2.0) == "importing repo 120,000 rows (60,000/s)"


def test_nothing_is_drawn_when_standard_error_is_not_a_terminal() -> None:
    stream = io.StringIO()
    bar = ProgressBar("importing", total=10, stream=stream)
    bar.update(10)
    bar.close()
    assert stream.getvalue() == ""


def test_on_a_terminal_the_last_state_is_drawn_and_the_line_ended() -> None:
    stream = _Terminal()
    bar = ProgressBar("exporting", total=2, unit="indicators", stream=stream)
    bar.update(2)
    bar.close()
    drawn = stream.getvalue()
    assert drawn.startswith("\rexporting [" + "#" * 30 + "] 2/2 indicators")
    assert drawn.endswith("\n")
