"""Every read endpoint answers with the values of the invented `proefagenda`."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from koers.agendas.models import Agenda

pytestmark = pytest.mark.django_db


def get(path: str) -> Any:
    answer = APIClient().get(path, HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 200, answer.content
    return answer.json()


def test_agendas_list_and_detail(proefagenda: Agenda) -> None:
    listed = get("/api/v1/agendas")
    assert listed["count"] == 1
    agenda = get("/api/v1/agendas/proefagenda")
    assert agenda == listed["results"][0]
    assert (agenda["titleEn"], agenda["startDate"]) == ("Test National Action Agenda", "2018-06-01")


def test_the_item_tree_follows_the_day_asked_for(proefagenda: Agenda) -> None:
    early = get("/api/v1/agendas/proefagenda/items?datum=2018-07-01")
    late = get("/api/v1/agendas/proefagenda/items?datum=2021-01-01")
    early_codes = [row["code"] for row in early]
    assert early_codes[:2] == ["T", "1"]
    assert early[1]["parent"] == "T" and early[1]["depth"] == 1
    # An action that ended drops out of the tree of a later day.
    assert set(early_codes) != {row["code"] for row in late}


def test_an_item_has_its_roles_and_both_statuses(proefagenda: Agenda) -> None:
    item = get("/api/v1/agendas/proefagenda/items/1")
    assert {"organisation": "proef-regio", "role": "lead"} in item["roles"]
    assert item["ownerStatus"]["status"] in {
        "on_track",
        "delayed",
        "at_risk",
        "completed",
        "stopped",
    }
    assert item["ownerStatus"]["periodEnd"] == "2020-06-30"
    assert set(item["computedStatus"]) == {"status", "score", "targetAchieved", "rule"}


def test_organisations_and_their_roles(proefagenda: Agenda) -> None:
    assert get("/api/v1/organisations")["count"] == 5
    regio = get("/api/v1/organisations/proef-regio")
    assert regio["nameEn"] == "Test Region Foundation"
    assert {
        "agenda": "proefagenda",
        "item": "1",
        "organisation": "proef-regio",
        "role": "lead",
    } in (regio["roles"])
    roles = get("/api/v1/roles?agenda=proefagenda&organisation=proef-regio")
    assert roles["results"] == regio["roles"]


def test_milestones_of_an_item(proefagenda: Agenda) -> None:
    rows = get("/api/v1/milestones?agenda=proefagenda&item=6")["results"]
    assert [(r["titleEn"], r["actualDate"], r["status"]) for r in rows] == [
        ("Cooperation agreement signed", "2019-07-15", "done")
    ]
    assert get(f"/api/v1/milestones/{rows[0]['id']}") == rows[0]


def test_an_item_filter_needs_its_agenda(proefagenda: Agenda) -> None:
    answer = APIClient().get("/api/v1/milestones?item=6")
    assert answer.status_code == 400
    assert answer.json()["invalidParams"][0]["name"] == "item"


def test_budget_lines_give_amounts_as_decimal_text(proefagenda: Agenda) -> None:
    rows = get("/api/v1/budget-lines?agenda=proefagenda&item=2")["results"]
    assert [(r["funder"], r["instrument"], r["amount"], r["realised"]) for r in rows] == [
        ("proef-fonds", "grant", "250000.00", "120000.00")
    ]


def test_agreements_list_and_detail(proefagenda: Agenda) -> None:
    listed = get("/api/v1/agreements?agenda=proefagenda")
    assert listed["count"] == 3
    a3 = get("/api/v1/agreements/proef-a3")
    assert (a3["textEn"], a3["dueDate"], a3["status"], a3["overdue"]) == (
        "The alumni network is launched.",
        "2019-12-31",
        "done",
        False,
    )
    assert any(row["overdue"] for row in listed["results"])  # the fixture has an overdue one


def test_indicators_and_their_figures(proefagenda: Agenda) -> None:
    assert get("/api/v1/indicators?agenda=proefagenda")["count"] == 4
    banen = get("/api/v1/indicators/proef-banen")
    assert (banen["unit"], banen["direction"]) == ("jobs", "increase")
    rows = get(
        "/api/v1/observations?indicator=proef-banen&geography=PROEF-REG&periodFrom=2017-01-01"
    )["results"]
    assert [(r["period"], r["value"], r["provisional"]) for r in rows] == [
        ("2017", 441500.0, False),
        ("2018", 452000.0, False),
        ("2019", 462000.0, True),
    ]


def test_observations_are_paged(proefagenda: Agenda) -> None:
    page = get("/api/v1/observations?pageSize=5&page=2")
    assert page["count"] == 12
    assert len(page["results"]) == 5
    assert page["previous"] is not None and page["next"] is not None


def test_targets(proefagenda: Agenda) -> None:
    rows = get("/api/v1/targets?indicator=proef-woningen")["results"]
    assert [(r["kind"], r["baselineValue"], r["targetPeriod"], r["targetValue"]) for r in rows] == [
        ("cumulative", 0.0, "2030", 62000.0)
    ]


def test_assessments_say_method_status_score_rate_and_why_in_both_languages(
    proefagenda: Agenda,
) -> None:
    rows = get("/api/v1/assessments?agenda=proefagenda")["results"]
    by_indicator = {r["indicator"]: r for r in rows}
    rank = by_indicator["proef-positie"]
    assert (rank["method"], rank["status"], rank["score"]) == ("linear_rank", "on_path", 5.0)
    assert rank["neededRate"] == pytest.approx(-1 / 6)
    assert rank["rateUnit"] == "ranks_per_year"
    assert rank["explanation"]["en"].startswith("Linear path for a rank")
    assert rank["explanation"]["nl"]
    trend = get("/api/v1/assessments?indicator=proef-banen")["results"]
    assert {(r["geography"], r["target"], r["method"]) for r in trend} == {
        ("PROEF-NL", None, "opensdg"),
        ("PROEF-REG", None, "opensdg"),
    }


def test_reports_link_to_html_pdf_and_word(proefagenda: Agenda) -> None:
    rows = get("/api/v1/reports?agenda=proefagenda&lang=en")
    assert rows[0]["periodEnd"] == "2020-06-30"
    assert rows[0]["links"]["pdf"] == (
        "http://testserver/en/rapport/proefagenda/2019-07-01/2020-06-30.pdf?lang=en"
    )


def test_reports_need_an_agenda(proefagenda: Agenda) -> None:
    answer = APIClient().get("/api/v1/reports")
    assert answer.status_code == 400
    assert answer.json()["invalidParams"][0]["name"] == "agenda"


def test_figures_as_known_on_a_day_are_those_recorded_by_then(proefagenda: Agenda) -> None:
    import datetime as dt

    from koers.indicators.models import Observation

    banen = Observation.objects.filter(indicator__code="proef-banen", geography__code="PROEF-REG")
    first = banen.get(period="2018")
    Observation.objects.filter(pk=first.pk).update(
        recorded_at=dt.datetime(2019, 3, 1, tzinfo=dt.UTC)
    )
    Observation.objects.create(
        indicator=first.indicator,
        geography=first.geography,
        period="2018",
        value=455000,
        revised=True,
        recorded_at=dt.datetime(2020, 9, 1, tzinfo=dt.UTC),
    )
    path = "/api/v1/observations?indicator=proef-banen&geography=PROEF-REG"
    then = get(f"{path}&datum=2020-06-30")["results"]
    assert [(r["period"], r["value"]) for r in then] == [("2018", 452000.0)]
    now = {r["period"]: r["value"] for r in get(path)["results"]}
    assert now["2018"] == 455000.0
