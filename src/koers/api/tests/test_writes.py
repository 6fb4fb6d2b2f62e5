"""Writes with a person's API token: figures, task updates, milestone dates; each under the
policy, audited, refused with a problem when the person may not."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from koers.accounts.models import AuditEvent
from koers.api.service import revoke_token
from koers.api.tests.conftest import token_client
from koers.api.tokens import add_token
from koers.indicators.models import Observation
from koers.rounds import service as rounds
from koers.rounds.tests.world import DEADLINE, PERIOD, World

pytestmark = pytest.mark.django_db

FIGURES = {
    "observations": [
        {"indicator": "banen", "geography": "NL414", "period": "2019", "value": 1200},
        {"indicator": "banen", "geography": "NL414", "period": "2020", "value": 1250.5},
    ]
}


def post_figures(api: APIClient, body: Any = FIGURES, **headers: str) -> Any:
    return api.post(
        "/api/v1/observations", body, format="json", HTTP_ACCEPT_LANGUAGE="en", **headers
    )


def test_a_coordinator_adds_figures_all_at_once_and_it_is_audited(world: World) -> None:
    answer = post_figures(token_client(world.coordinator))
    assert answer.status_code == 201
    assert answer.json() == {"added": 2, "revised": 0, "unchanged": 0}
    assert sorted(Observation.objects.values_list("period", "value")) == [
        ("2019", 1200.0),
        ("2020", 1250.5),
    ]
    event = AuditEvent.objects.get(action="import")
    assert (event.actor, event.channel, event.object_type) == (
        "coordinator@example.org",
        "api",
        "api",
    )
    assert "added: 2" in event.detail


def test_the_same_figures_again_add_nothing(world: World) -> None:
    api = token_client(world.coordinator)
    post_figures(api)
    assert post_figures(api).json() == {"added": 0, "revised": 0, "unchanged": 2}


def test_an_idempotency_key_replays_the_first_answer(world: World) -> None:
    api = token_client(world.coordinator)
    first = post_figures(api, HTTP_IDEMPOTENCY_KEY="sync-2021-06-30")
    changed = {"observations": [{**FIGURES["observations"][0], "value": 1300}]}
    again = post_figures(api, FIGURES, HTTP_IDEMPOTENCY_KEY="sync-2021-06-30")
    assert (again.status_code, again.json()) == (201, first.json())
    assert again["Idempotent-Replayed"] == "true"
    assert Observation.objects.count() == 2
    reused = post_figures(api, changed, HTTP_IDEMPOTENCY_KEY="sync-2021-06-30")
    assert reused.status_code == 422
    assert reused["Content-Type"] == "application/problem+json"
    assert Observation.objects.count() == 2


def test_a_bad_row_names_its_field_and_nothing_is_written(world: World) -> None:
    body = {
        "observations": [
            FIGURES["observations"][0],
            {"indicator": "onbekend", "geography": "NL414", "period": "2019-Q9", "value": "x"},
        ]
    }
    answer = post_figures(token_client(world.coordinator), body)
    assert answer.status_code == 400
    assert answer["Content-Type"] == "application/problem+json"
    names = sorted(p["name"] for p in answer.json()["invalidParams"])
    assert names == [
        "observations[1].indicator",
        "observations[1].period",
        "observations[1].value",
    ]
    assert Observation.objects.count() == 0


def test_figures_need_a_token(world: World) -> None:
    answer = post_figures(APIClient())
    assert answer.status_code == 401
    assert answer.json()["title"] == "Unauthorized"
    assert answer["WWW-Authenticate"] == "Bearer"


def test_a_revoked_or_unknown_token_is_refused(world: World) -> None:
    token = add_token("coordinator@example.org", "old")
    revoke_token(token[:8])
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert post_figures(api).status_code == 401
    api.credentials(HTTP_AUTHORIZATION="Bearer made-up")
    assert post_figures(api).status_code == 401


def test_a_reviewer_may_not_add_figures_and_the_refusal_is_audited(world: World) -> None:
    answer = post_figures(token_client(world.reviewer))
    assert answer.status_code == 403
    assert answer["Content-Type"] == "application/problem+json"
    assert answer.json()["status"] == 403
    refusal = AuditEvent.objects.get(outcome=AuditEvent.Outcome.REFUSED)
    assert (refusal.actor, refusal.action, refusal.channel) == (
        "reviewer@example.org",
        "add_figures",
        "api",
    )
    assert Observation.objects.count() == 0


def _task(world: World) -> Any:
    round_ = rounds.open_round(world.agenda, *PERIOD, DEADLINE, world.coordinator)
    return round_.tasks.get(item=world.action)


UPDATE = {"status": "delayed", "narrativeNl": "De proeffabriek opent later.", "outlookNl": "Bouwen"}


def test_the_owner_writes_and_submits_the_status_update_of_an_open_task(world: World) -> None:
    task = _task(world)
    api = token_client(world.owner)
    saved = api.patch(f"/api/v1/tasks/{task.pk}", UPDATE, format="json")
    assert saved.status_code == 200
    assert saved.json()["state"] == "open"
    assert saved.json()["draft"]["narrativeNl"] == "De proeffabriek opent later."
    submitted = api.patch(f"/api/v1/tasks/{task.pk}", {"state": "submitted"}, format="json")
    assert submitted.json()["state"] == "submitted"
    task.refresh_from_db()
    assert (task.state, task.status) == ("submitted", "delayed")


def test_a_submitted_task_cannot_be_written_again(world: World) -> None:
    task = _task(world)
    api = token_client(world.owner)
    api.patch(f"/api/v1/tasks/{task.pk}", {**UPDATE, "state": "submitted"}, format="json")
    again = api.patch(f"/api/v1/tasks/{task.pk}", {"narrativeNl": "Anders"}, format="json")
    assert again.status_code == 403


def test_submitting_without_an_update_names_the_missing_field(world: World) -> None:
    task = _task(world)
    answer = token_client(world.owner).patch(
        f"/api/v1/tasks/{task.pk}", {"state": "submitted"}, format="json"
    )
    assert answer.status_code == 400
    assert {p["name"] for p in answer.json()["invalidParams"]} & {"status", "narrativeNl"}


def test_another_owner_and_a_contributor_submitting_are_refused(world: World) -> None:
    task = _task(world)
    other = token_client(world.other_owner).patch(f"/api/v1/tasks/{task.pk}", UPDATE, format="json")
    assert other.status_code == 403
    contributor = token_client(world.contributor)
    assert contributor.patch(f"/api/v1/tasks/{task.pk}", UPDATE, format="json").status_code == 200
    submit = contributor.patch(f"/api/v1/tasks/{task.pk}", {"state": "submitted"}, format="json")
    assert submit.status_code == 403


def test_drafts_are_shown_only_to_those_who_may_read_them(world: World) -> None:
    task = _task(world)
    token_client(world.owner).patch(f"/api/v1/tasks/{task.pk}", UPDATE, format="json")
    assert APIClient().get(f"/api/v1/tasks/{task.pk}").json()["draft"] is None
    shown = token_client(world.reviewer).get(f"/api/v1/tasks/{task.pk}").json()["draft"]
    assert shown["status"] == "delayed"
    listed = APIClient().get(f"/api/v1/tasks?round={task.round_id}&state=open").json()
    assert [row["item"] for row in listed["results"]] == ["1", "2"]
    assert APIClient().get(f"/api/v1/rounds/{task.round_id}").json()["state"] == "open"


def test_the_owner_moves_a_milestone_and_the_change_is_audited(world: World) -> None:
    api = token_client(world.owner)
    path = f"/api/v1/milestones/{world.milestone.pk}"
    answer = api.patch(path, {"plannedDate": "2021-09-01", "status": "delayed"}, format="json")
    assert answer.status_code == 200
    assert (answer.json()["plannedDate"], answer.json()["status"]) == ("2021-09-01", "delayed")
    event = AuditEvent.objects.get(object_type="agendas.milestone", action="update")
    assert event.channel == "api"
    assert event.changes["planned"] == ["2021-03-01", "2021-09-01"]


def test_a_milestone_done_without_its_date_is_a_400_naming_the_field(world: World) -> None:
    answer = token_client(world.owner).patch(
        f"/api/v1/milestones/{world.milestone.pk}",
        {"status": "done"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert answer.status_code == 400
    assert answer.json()["invalidParams"] == [
        {
            "name": "actualDate",
            "code": "invalid",
            "reason": "A milestone that is done needs its actual date.",
        }
    ]


def test_another_organisations_owner_may_not_move_the_milestone(world: World) -> None:
    path = f"/api/v1/milestones/{world.milestone.pk}"
    answer = token_client(world.other_owner).patch(path, {"status": "delayed"}, format="json")
    assert answer.status_code == 403
    assert APIClient().patch(path, {"status": "delayed"}, format="json").status_code == 401
    world.milestone.refresh_from_db()
    assert world.milestone.status == "planned"
