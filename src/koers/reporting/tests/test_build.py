"""build_report turns the data into one typed report: every pillar and action with both
statuses, the figures known by the period's end, the money, agreements and the annex."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from koers.agendas.models import Agenda, Item, StatusUpdate
from koers.readmodel.service import EmptyPeriodError, ReportError, UnknownAgendaError
from koers.reporting.report import build_report
from koers.reporting.tests.conftest import PERIOD

pytestmark = pytest.mark.django_db


def test_every_valid_pillar_and_action_is_in_the_report_in_tree_order(proefagenda: Agenda) -> None:
    report = build_report("proefagenda", *PERIOD, "nl")
    pillars = Item.objects.filter(agenda=proefagenda, parent__isnull=True).order_by("order")
    assert [p.code for p in report.pillars] == [p.code for p in pillars]
    reported = {a.code for a in report.all_actions()}
    expected = {
        i.code
        for i in Item.objects.filter(agenda=proefagenda, parent__isnull=False)
        if i.is_valid_on(PERIOD[1]) or (i.valid_to and i.valid_to >= PERIOD[0])
    }
    assert reported == expected
    assert [a.code for a in report.pillars[0].actions[1].children] == ["2a", "2b"]


def test_each_action_shows_the_owners_words_and_the_computed_status(proefagenda: Agenda) -> None:
    report = build_report("proefagenda", *PERIOD, "nl")
    actions = {a.code: a for a in report.all_actions()}
    update = StatusUpdate.objects.get(item__code="5", period_end=PERIOD[1])
    assert actions["5"].owner.code == update.status == "delayed"
    assert actions["5"].owner.label == update.status_label_nl == "Vertraagd"
    assert actions["5"].computed.code == "substantial_progress"
    assert actions["5"].computed.label == "grote vooruitgang"
    assert actions["5"].differs
    # An action without an update says so instead of inventing a status.
    assert actions["7"].owner.code == "none"
    assert actions["7"].validity == "geldig tot 31 december 2019"
    assert actions["8"].validity == "nieuw sinds 1 januari 2020"


def test_english_labels_and_texts(proefagenda: Agenda) -> None:
    report = build_report("proefagenda", *PERIOD, "en")
    actions = {a.code: a for a in report.all_actions()}
    assert report.labels.key_figures == "Key figures"
    assert report.cover.period_text == "July 2019 – June 2020"
    assert actions["5"].owner.label == "Delayed"
    assert actions["4"].owner.label == "on track"  # no own words: the standard name
    assert report.pillars[0].title == "Talent"
    assert report.pillars[1].title == "Knowledge, innovation and enterprise"


def test_key_figures_are_the_latest_known_by_the_period_end(proefagenda: Agenda) -> None:
    report = build_report("proefagenda", *PERIOD, "nl")
    figures = {f.indicator_code: f for f in report.key_figures}
    # 2020's homes (period ends 31 December 2020) were not known on 30 June 2020.
    assert figures["proef-woningen"].period == "2019"
    assert figures["proef-woningen"].value_text == "4.300 woningen"
    assert figures["proef-investeringen"].value_text == "EUR 10,7 mln"
    assert figures["proef-banen"].value_text == "462.000 banen"
    assert figures["proef-banen"].flags_text == "voorlopig"
    assert figures["proef-banen"].source is not None
    assert figures["proef-banen"].source.retrieved_text == "15 mei 2020"


def test_targets_carry_their_text_and_computed_status(proefagenda: Agenda) -> None:
    report = build_report("proefagenda", *PERIOD, "nl")
    homes = next(t for t in report.targets if t.indicator_code == "proef-woningen")
    assert homes.target_text == "62.000 woningen in 2030"
    assert homes.status.code == "far_behind_path"
    annex = next(a for a in report.annex if a.code == "proef-woningen")
    assessment = annex.assessments[0]
    assert assessment.method == "Lineair pad voor een cumulatief aantal"
    assert assessment.needed_text == "+5.690 woningen per jaar"
    assert assessment.pace_text == "+2.550 woningen per jaar"
    # The 2020 figure lies after the period: the annex says the assessment used it.
    assert assessment.uses_later_data


def test_money_is_totalled_per_funder_instrument_and_pillar(proefagenda: Agenda) -> None:
    report = build_report("proefagenda", *PERIOD, "nl")
    total = report.finances.total
    assert total is not None
    assert total.amount == Decimal("1512950000")
    assert total.amount_text == "EUR 1,51 mld"
    by_funder = {t.label: t for t in report.finances.by_funder}
    assert by_funder["Ministerie van Proefzaken"].amount_text == "EUR 10,7 mln"
    assert by_funder["Ministerie van Proefzaken"].realised_text == "EUR 4,5 mln"
    assert [t.label for t in report.finances.by_pillar] == [
        "Talent",
        "Kennis, innovatie en ondernemen",
    ]
    action = next(a for a in report.all_actions() if a.code == "2")
    assert [r.amount_text for r in action.money.rows] == ["EUR 250.000"]


def test_overdue_agreements_are_flagged_at_the_period_end(proefagenda: Agenda) -> None:
    report = build_report("proefagenda", *PERIOD, "nl")
    by_text = {a.text: a for a in report.agreements}
    overdue = by_text["De busverbinding wordt voor 1 april 2020 aanbesteed."]
    assert overdue.overdue and overdue.status.label == "verlopen"
    later = by_text["De regio stelt een strategie voor kunstmatige intelligentie op."]
    assert not later.overdue and later.status.code == "open"


def test_structure_outlook_and_partners_come_from_the_data(proefagenda: Agenda) -> None:
    report = build_report("proefagenda", *PERIOD, "nl")
    assert report.cover.partners == (
        "Stichting Proefregio",
        "Ministerie van Proefzaken",
        "Provincie Proefland",
    )
    body = report.structure.bodies[0]
    assert body.name == "Stuurgroep Rijk-regio"
    assert [m.date for m in body.meetings] == [dt.date(2019, 11, 20)]  # 2018's is outside
    assert [e.item_code for e in report.outlook] == ["1", "2b", "5", "6"]
    roles = {r.item_code: r for r in report.structure.roles}
    assert roles["5"].financiers == ("Ministerie van Proefzaken",)


def test_a_pillar_without_its_own_update_takes_the_status_most_actions_report(
    proefagenda: Agenda,
) -> None:
    report = build_report("proefagenda", *PERIOD, "nl")
    talent, knowledge = report.pillars[0], report.pillars[1]
    assert talent.owner.code == "on_track"
    assert "meeste acties" in talent.owner.label
    assert knowledge.owner.label == "Aandacht nodig"  # its own update
    counts = {c.status.code: c.count for c in talent.owner_counts}
    assert counts == {"on_track": 2, "delayed": 1, "completed": 1}


def test_charts_cut_figures_after_the_period_and_share_numbers_with_their_table(
    proefagenda: Agenda,
) -> None:
    report = build_report("proefagenda", *PERIOD, "nl")
    station = next(a for a in report.all_actions() if a.code == "6")
    chart = station.charts[0]
    years = [year for year, _ in chart.chart.series[0].points]
    assert years == [2019.0]
    assert chart.chart.target is not None and chart.chart.target.value == 62000
    assert chart.tile and chart.svg == ""  # one figure: a tile, not a line
    assert ("2030", "", "62.000", "62.000") in chart.table


def test_an_empty_period_raises_a_clear_error(proefagenda: Agenda) -> None:
    with pytest.raises(EmptyPeriodError) as caught:
        build_report("proefagenda", dt.date(2021, 1, 1), dt.date(2021, 6, 30), "nl")
    message = str(caught.value)
    assert "'proefagenda'" in message
    assert "2021-01-01" in message and "2021-06-30" in message
    for missing in ("no status update", "no milestone", "figure"):
        assert missing in message
    assert caught.value.agenda_code == "proefagenda"


def test_a_period_before_the_agenda_started_has_nothing_to_report(proefagenda: Agenda) -> None:
    with pytest.raises(EmptyPeriodError, match="the agenda runs from 2018-06-01 to 2021-12-31"):
        build_report("proefagenda", dt.date(2017, 1, 1), dt.date(2017, 12, 31), "nl")


def test_unknown_agendas_bad_periods_and_languages_are_refused(proefagenda: Agenda) -> None:
    with pytest.raises(UnknownAgendaError, match="known: proefagenda"):
        build_report("nope", *PERIOD, "nl")
    with pytest.raises(ReportError, match="ends"):
        build_report("proefagenda", PERIOD[1], PERIOD[0], "nl")
    with pytest.raises(ValueError, match="unknown language"):
        build_report("proefagenda", *PERIOD, "de")
