"""What changed since the previous report: status moves, new, dropped and merged actions,
revised targets and revised figures, each only when it happened in the period."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from koers.agendas.models import Agenda, Item, StatusUpdate
from koers.indicators.models import Observation, Target
from koers.reporting.report import build_report
from koers.reporting.tests.conftest import PERIOD

pytestmark = pytest.mark.django_db


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), tzinfo=timezone.get_current_timezone())


def test_a_status_move_between_the_two_periods_is_listed(proefagenda: Agenda) -> None:
    item = Item.objects.get(agenda=proefagenda, code="4")
    StatusUpdate.objects.create(
        item=item,
        period_start=dt.date(2018, 7, 1),
        period_end=dt.date(2019, 6, 30),
        status=StatusUpdate.Status.BEHIND,
    )
    changes = build_report("proefagenda", *PERIOD, "nl").changes
    assert changes is not None
    assert changes.previous_text == "juli 2018 – juni 2019"
    moves = {m.item_code: (m.before.label, m.after.label) for m in changes.status_moves}
    assert moves["4"] == ("achter", "op koers")
    assert moves["5"] == ("op koers", "vertraagd")  # from the fixture's own two years
    assert "2a" not in moves  # no update in the previous period: no move to report


def test_new_ended_and_merged_actions_are_listed(proefagenda: Agenda) -> None:
    changes = build_report("proefagenda", *PERIOD, "en").changes
    assert changes is not None
    assert [(c.item_code, c.detail) for c in changes.new_items] == [
        ("8", "new since 1 January 2020")
    ]
    assert [c.item_code for c in changes.ended_items] == ["7"]
    merged = changes.merged_items[0]
    assert merged.item_code == "7"
    assert merged.detail.startswith("merged into 6 Developing the station area")


def test_a_target_changed_in_the_period_is_listed_with_before_and_after(
    proefagenda: Agenda,
) -> None:
    target = Target.objects.get(indicator__code="proef-woningen")
    # As if the target had been recorded in 2019 and changed in March 2020.
    target.history.update(history_date=_moment(dt.date(2019, 1, 1)))
    target.target_value = 65000
    target._history_date = _moment(dt.date(2020, 3, 1))
    target.save()
    changes = build_report("proefagenda", *PERIOD, "nl").changes
    assert changes is not None
    revision = changes.target_revisions[0]
    assert revision.before_text == "62.000 woningen in 2030"
    assert revision.after_text == "65.000 woningen in 2030"
    assert revision.when_text == "1 maart 2020"


def test_a_target_changed_outside_the_period_is_not_listed(proefagenda: Agenda) -> None:
    target = Target.objects.get(indicator__code="proef-woningen")
    target.target_value = 65000
    target.save()  # recorded now, long after June 2020
    changes = build_report("proefagenda", *PERIOD, "nl").changes
    assert changes is not None and changes.target_revisions == ()


def test_a_figure_recorded_again_in_the_period_is_listed_as_revised(proefagenda: Agenda) -> None:
    old = Observation.objects.get(
        indicator__code="proef-banen", geography__code="PROEF-REG", period="2018"
    )
    Observation.objects.filter(pk=old.pk).update(recorded_at=_moment(dt.date(2019, 3, 1)))
    Observation.objects.create(
        indicator=old.indicator,
        geography=old.geography,
        period="2018",
        value=453500,
        revised=True,
        recorded_at=_moment(dt.date(2019, 9, 15)),
    )
    changes = build_report("proefagenda", *PERIOD, "nl").changes
    assert changes is not None
    revision = changes.figure_revisions[0]
    assert revision.subject == "Banen in de regio, Proefregio, 2018"
    assert (revision.before_text, revision.after_text) == ("452.000 banen", "453.500 banen")
    assert revision.when_text == "15 september 2019"


def test_the_first_period_of_an_agenda_has_no_previous_report(proefagenda: Agenda) -> None:
    # The agenda starts on 1 June 2018: July 2017 - June 2018 had no report.
    report = build_report("proefagenda", dt.date(2018, 7, 1), dt.date(2019, 6, 30), "nl")
    assert report.changes is None


def test_without_updates_of_the_previous_period_the_report_says_so(proefagenda: Agenda) -> None:
    StatusUpdate.objects.filter(period_end__lt=PERIOD[0]).delete()
    report = build_report("proefagenda", *PERIOD, "nl")
    assert report.changes is not None and report.changes.previous_updates == 0
    from koers.reporting.render_html import render_html

    assert "Over de vorige periode zijn geen statusupdates vastgelegd" in render_html(report)
    assert "Hierin is niets veranderd" in render_html(report)  # the other sections still say so
