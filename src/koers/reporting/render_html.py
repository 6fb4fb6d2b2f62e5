"""The report and the cover note as one self-contained HTML document each.

The templates live in `templates/reporting/` and are rendered by an engine of
this module's own, so a report renders the same from the CLI, a view, a test
or a benchmark, whatever the site's template settings. The CSS is inlined and
charts are inline SVG: the file needs nothing else, and WeasyPrint prints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from django.template import Context, Engine

from koers.readmodel.service import ItemChange, MoneyTotal, Report, Revision
from koers.reporting.cover_note import CoverNote

TEMPLATES_DIR: Final = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def engine() -> Engine:
    """The template engine of the report (autoescaping on, no site context processors)."""
    return Engine(dirs=[str(TEMPLATES_DIR)], autoescape=True, debug=False)


def render_template(name: str, context: dict[str, Any]) -> str:
    return engine().get_template(name).render(Context(context))


@dataclass(frozen=True)
class _MoneyGroup:
    caption: str
    head: str
    totals: tuple[MoneyTotal, ...]


@dataclass(frozen=True)
class _ChangeGroup:
    title: str
    entries: tuple[ItemChange, ...]


@dataclass(frozen=True)
class _RevisionGroup:
    title: str
    entries: tuple[Revision, ...]


def render_html(report: Report) -> str:
    """The report as an HTML5 document (lang set, headings h1-h6, tables with captions)."""
    return render_template("reporting/report.html", report_context(report))


def report_context(report: Report) -> dict[str, Any]:
    """What the report template needs: the report, its labels and a few grouped lists."""
    L = report.labels
    finances = report.finances
    money_groups = [
        _MoneyGroup(
            f"{L.money_overview}: {L.money_by_funder.lower()}", L.funder, finances.by_funder
        ),
        _MoneyGroup(
            f"{L.money_overview}: {L.money_by_instrument.lower()}",
            L.instrument,
            finances.by_instrument,
        ),
        _MoneyGroup(
            f"{L.money_overview}: {L.money_by_pillar.lower()}", L.pillar, finances.by_pillar
        ),
    ]
    changes = report.changes
    change_groups: list[_ChangeGroup] = []
    revision_groups: list[_RevisionGroup] = []
    if changes is not None:
        change_groups = [
            _ChangeGroup(L.new_items, changes.new_items),
            _ChangeGroup(L.ended_items, changes.ended_items),
            _ChangeGroup(L.merged_items, changes.merged_items),
        ]
        revision_groups = [
            _RevisionGroup(L.targets_revised, changes.target_revisions),
            _RevisionGroup(L.figures_revised, changes.figure_revisions),
        ]
    return {
        "report": report,
        "L": L,
        "money_groups": [g for g in money_groups if g.totals],
        "change_groups": change_groups,
        "revision_groups": revision_groups,
    }


def render_cover_note_html(note: CoverNote) -> str:
    """The cover note as an HTML5 document."""
    return render_template("reporting/cover_note.html", {"note": note})
