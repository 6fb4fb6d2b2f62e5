"""Seams of the read model the site and the report share: one rule for an overdue milestone
(`Milestone.is_overdue`), and one day the dashboard judges on (its `?datum=`)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from koers.agendas.models import Agenda, Item, Milestone
from koers.reporting.report import build_report

from .conftest import text_of

pytestmark = pytest.mark.django_db


def test_the_model_says_overdue_only_for_a_planned_milestone_past_its_date() -> None:
    day = dt.date(2020, 6, 30)
    late = Milestone(planned=dt.date(2020, 3, 1), status="planned")
    assert late.is_overdue(day) and late.shown_status(day) == "overdue"
    assert not late.is_overdue(dt.date(2020, 2, 1))
    assert Milestone(planned=dt.date(2020, 3, 1), status="delayed").shown_status(day) == "delayed"
    reached = Milestone(planned=dt.date(2020, 3, 1), actual=dt.date(2020, 4, 1), status="planned")
    assert not reached.is_overdue(day)


def test_the_site_and_the_report_both_say_overdue(client: Client, proefagenda: Agenda) -> None:
    Milestone.objects.create(
        item=Item.objects.get(agenda=proefagenda, code="2"),
        title_nl="Nieuwe opleidingen gestart",
        title_en="New courses started",
        planned=dt.date(2020, 3, 1),
        status="planned",
    )
    page = text_of(client.get("/en/agenda/proefagenda/actie/2/").content)
    assert "New courses started 2020-03-01 – overdue" in page
    report = build_report("proefagenda", dt.date(2019, 7, 1), dt.date(2020, 6, 30), "en")
    rows = [
        m for a in report.all_actions() for m in a.milestones if m.title == "New courses started"
    ]
    assert [(m.status.code, m.status.label, m.status.tone) for m in rows] == [
        ("overdue", "overdue", "bad")
    ]


def test_the_dashboard_judges_its_statuses_on_the_day_asked_for(proefagenda: Agenda) -> None:
    from koers.web.pages.common import dashboard_scope

    day = dt.date(2020, 6, 30)
    scope = dashboard_scope(proefagenda, day)
    pillar = Item.objects.get(agenda=proefagenda, code="K")
    ranking = next(
        i for i in scope.assessments[pillar.pk].indicators if i.indicator.code == "proef-positie"
    )
    staleness = ranking.targets[0].staleness
    assert staleness is not None
    # The latest figure (2019) was 182 days old on that day, not on today.
    assert staleness.age_days == (day - dt.date(2019, 12, 31)).days == 182


def test_status_role_and_instrument_names_come_from_the_models_choices() -> None:
    from koers.agendas.models import Agreement, BudgetLine, Role, StatusUpdate
    from koers.readmodel.service import labels, translator

    assert list(labels.ROLE) == list(Role.Kind.values)
    assert list(labels.INSTRUMENT) == list(BudgetLine.Instrument.values)
    assert list(labels.OWNER_STATUS) == [*StatusUpdate.Status.values, "none"]
    assert list(labels.MILESTONE_STATUS) == [*Milestone.Status.values, "overdue"]
    assert list(labels.AGREEMENT_STATUS) == [*Agreement.Status.values, "overdue"]
    dutch = translator("nl")
    assert labels.toned(labels.OWNER_STATUS, "attention", dutch)[1] == "warn"
    assert labels.named(labels.INSTRUMENT, "risk_cover", dutch) == "risicodekking"
