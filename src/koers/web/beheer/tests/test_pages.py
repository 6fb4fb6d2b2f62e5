"""The editors' pages as each role sees them, the audit page and its export, and the public
site's view for signed-in people (never cached, never shown to others)."""

from __future__ import annotations

import json

import pytest
from django.core import mail
from django.test import Client

from koers.rounds import service
from koers.rounds.tests.world import DEADLINE, PERIOD, World
from koers.web.beheer.tests.conftest import SignIn

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_(world: World) -> service.Round:
    return service.open_round(world.agenda, *PERIOD, DEADLINE, world.coordinator)


def test_the_round_page_shows_progress_and_who_is_late(
    world: World, round_: service.Round, signed_in: SignIn
) -> None:
    page = signed_in(world.coordinator).get(f"/beheer/rondes/{round_.pk}/").content.decode()
    assert (
        "0 van 2" in page
        and "Herinneringen versturen" in page
        and "Goedgekeurde voortgang publiceren" in page
    )
    assert signed_in(world.owner).get(f"/beheer/rondes/{round_.pk}/").status_code == 403


def test_publishing_too_early_says_which_items_wait(
    world: World, round_: service.Round, signed_in: SignIn
) -> None:
    page = (
        signed_in(world.coordinator)
        .post(f"/beheer/rondes/{round_.pk}/", {"intent": "publish"})
        .content.decode()
    )
    assert "Nog niet goedgekeurd: 1, 2." in page


def test_reminders_go_to_the_owners_by_email(world: World, round_: service.Round) -> None:
    sent = service.remind(round_, world.coordinator, today=DEADLINE)
    assert [(r.to, r.kind, r.items) for r in sent] == [
        ("other@example.org", "due", ("2",)),
        ("owner@example.org", "due", ("1",)),
    ]
    assert [m.to for m in mail.outbox] == [["other@example.org"], ["owner@example.org"]]
    assert (
        "sluit op 2021-05-31" in mail.outbox[1].body
        and "closes on 2021-05-31" in mail.outbox[1].body
    )
    assert service.remind(round_, world.coordinator, today=DEADLINE.replace(month=1)) == []
    late = service.remind(round_, world.coordinator, today=DEADLINE.replace(day=30, month=6))
    assert {r.kind for r in late} == {"late"}


def test_the_audit_page_is_for_coordinators_and_exports_every_record(
    world: World, round_: service.Round, signed_in: SignIn
) -> None:
    assert signed_in(world.owner).get("/beheer/audit/").status_code == 403
    client = signed_in(world.coordinator)
    assert "Audittrail" in client.get("/beheer/audit/").content.decode()
    rows = json.loads(
        client.get("/beheer/audit/download/audit.json?actor=owner@example.org").content
    )["rows"]
    assert rows and {row["actor"] for row in rows} == {"owner@example.org"}
    assert client.get("/beheer/audit/download/audit.csv")["Content-Type"].startswith("text/csv")


def test_signed_in_people_see_the_rounds_progress_on_the_public_agenda_and_others_never(
    world: World, round_: service.Round, signed_in: SignIn
) -> None:
    anonymous = Client()
    assert "Rapportageronde" not in anonymous.get("/agenda/proef/").content.decode()
    signed = signed_in(world.reader).get("/agenda/proef/")
    assert "0 van 2 voortgangsberichten ingediend" in signed.content.decode()
    assert signed["Cache-Control"] == "no-store, private"
    assert "Rapportageronde" not in anonymous.get("/agenda/proef/").content.decode()


def test_a_draft_never_reaches_the_public_action_page(world: World, round_: service.Round) -> None:
    task = round_.tasks.get(item=world.action)
    service.approve(
        service.submit(task, world.owner, {"status": "delayed", "narrative_nl": "Geheim concept."}),
        world.reviewer,
    )
    assert "Geheim concept." not in Client().get("/agenda/proef/actie/1/").content.decode()


@pytest.mark.parametrize(
    "who", ["administrator", "coordinator", "owner", "contributor", "reviewer", "reader"]
)
def test_every_role_reaches_my_tasks_in_both_languages(
    world: World, round_: service.Round, signed_in: SignIn, who: str
) -> None:
    client = signed_in(getattr(world, who))
    assert client.get("/beheer/").status_code == 200
    assert "My tasks" in client.get("/en/beheer/").content.decode()
