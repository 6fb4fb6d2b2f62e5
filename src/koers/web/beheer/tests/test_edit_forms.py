"""Every edit form: bad input is named at its field and writes nothing; good input writes
and leaves exactly one audit record per changed row, naming the person."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest

from koers.accounts.models import AuditEvent
from koers.agendas.models import Agreement, BudgetLine, Geography, Item, Milestone, Role
from koers.indicators.models import Indicator, Observation, Target
from koers.rounds.models import Round
from koers.rounds.tests.world import World
from koers.web.beheer.tests.conftest import SignIn

pytestmark = pytest.mark.django_db


def _management(prefix: str, total: int, initial: int) -> dict[str, Any]:
    return {f"{prefix}-TOTAL_FORMS": total, f"{prefix}-INITIAL_FORMS": initial}


@dataclass(frozen=True)
class Case:
    """One form: where it is, who may use it, a good and a bad post, the error's field id."""

    name: str
    url: str
    who: str
    good: dict[str, Any]
    bad: dict[str, Any]
    error_id: str
    model: type[Any]
    changed: str  # the audited object type of the good post


ITEM = {
    "title_nl": "Fotonica",
    "title_en": "Photonics",
    "description_nl": "Nieuw.",
    "description_en": "",
}
MILESTONE = {"title_nl": "Opening", "title_en": "Opening", "status": "planned"}
BUDGET = {"instrument": "grant", "amount": "1000000"}

CASES = [
    Case(
        "item texts",
        "/beheer/agenda/proef/item/1/",
        "owner",
        ITEM,
        ITEM | {"title_nl": ""},
        "id_title_nl_error",
        Item,
        "agendas.item",
    ),
    Case(
        "item structure",
        "/beheer/agenda/proef/item/2/",
        "coordinator",
        ITEM | {"code": "2", "level": "LEVEL", "order": "3", "title_nl": "Talent"},
        ITEM
        | {
            "code": "2",
            "level": "LEVEL",
            "order": "3",
            "valid_from": "2021-01-01",
            "valid_to": "2020-01-01",
        },
        "id_valid_to_error",
        Item,
        "agendas.item",
    ),
    Case(
        "roles",
        "/beheer/agenda/proef/item/1/rollen/",
        "coordinator",
        _management("rollen", 2, 1)
        | {
            "rollen-0-id": "ROLE",
            "rollen-0-organisation": "LEAD",
            "rollen-0-role": "lead",
            "rollen-1-organisation": "OTHER",
            "rollen-1-role": "partner",
        },
        _management("rollen", 2, 1)
        | {
            "rollen-0-id": "ROLE",
            "rollen-0-organisation": "LEAD",
            "rollen-0-role": "lead",
            "rollen-1-organisation": "OTHER",
            "rollen-1-role": "boss",
        },
        "id_rollen-1-role_error",
        Role,
        "agendas.role",
    ),
    Case(
        "milestones",
        "/beheer/agenda/proef/item/1/mijlpalen/",
        "owner",
        _management("mijlpalen", 2, 1)
        | {
            "mijlpalen-0-id": "MILESTONE",
            **{f"mijlpalen-0-{k}": v for k, v in MILESTONE.items()},
            "mijlpalen-0-planned": "2021-03-01",
            "mijlpalen-1-title_nl": "Bouw",
            "mijlpalen-1-title_en": "Build",
            "mijlpalen-1-planned": "2022-01-01",
            "mijlpalen-1-status": "planned",
        },
        _management("mijlpalen", 2, 1)
        | {
            "mijlpalen-0-id": "MILESTONE",
            **{f"mijlpalen-0-{k}": v for k, v in MILESTONE.items()},
            "mijlpalen-0-planned": "2021-03-01",
            "mijlpalen-1-title_nl": "Bouw",
            "mijlpalen-1-title_en": "Build",
            "mijlpalen-1-planned": "2022-01-01",
            "mijlpalen-1-status": "done",
        },
        "id_mijlpalen-1-actual_error",
        Milestone,
        "agendas.milestone",
    ),
    Case(
        "budget lines",
        "/beheer/agenda/proef/item/1/geld/",
        "owner",
        _management("geld", 1, 0) | {f"geld-0-{k}": v for k, v in BUDGET.items()},
        _management("geld", 1, 0)
        | {f"geld-0-{k}": v for k, v in BUDGET.items()}
        | {"geld-0-amount": "-5"},
        "id_geld-0-amount_error",
        BudgetLine,
        "agendas.budgetline",
    ),
    Case(
        "agreement",
        "/beheer/afspraak/afspraak-1/",
        "coordinator",
        {
            "text_nl": "Samen verder",
            "text_en": "Onwards together",
            "status": "open",
            "due": "2021-12-31",
            "items": "ACTION",
        },
        {
            "text_nl": "Samen verder",
            "text_en": "Onwards together",
            "status": "open",
            "due": "eind 2021",
            "items": "ACTION",
        },
        "id_due_error",
        Agreement,
        "agendas.agreement",
    ),
    Case(
        "indicator and targets",
        "/beheer/indicatoren/banen/",
        "coordinator",
        {
            "indicator-name_nl": "Banen",
            "indicator-name_en": "Jobs",
            "indicator-unit": "banen",
            "indicator-direction": "increase",
            "indicator-frequency": "annual",
        }
        | _management("targets", 1, 0),
        {
            "indicator-name_nl": "Banen",
            "indicator-name_en": "Jobs",
            "indicator-unit": "banen",
            "indicator-direction": "increase",
            "indicator-frequency": "annual",
        }
        | _management("targets", 1, 0)
        | {
            "targets-0-geography": "GEO",
            "targets-0-kind": "share",
            "targets-0-target_period": "2030",
            "targets-0-target_value": "140",
        },
        "id_targets-0-target_value_error",
        Target,
        "indicators.indicator",
    ),
    Case(
        "figure",
        "/beheer/indicatoren/banen/cijfer/",
        "coordinator",
        {"geography": "GEO", "period": "2020", "value": "1200"},
        {"geography": "GEO", "period": "2020-Q5", "value": "1200"},
        "id_period_error",
        Observation,
        "indicators.observation",
    ),
    Case(
        "open a round",
        "/beheer/rondes/",
        "coordinator",
        {
            "agenda": "proef",
            "period_start": "2020-07-01",
            "period_end": "2021-06-30",
            "deadline": "2021-05-31",
        },
        {
            "agenda": "proef",
            "period_start": "2020-07-01",
            "period_end": "2021-06-30",
            "deadline": "2019-05-31",
        },
        "id_deadline_error",
        Round,
        "rounds.round",
    ),
]


def _fill(data: dict[str, Any], world: World) -> dict[str, Any]:
    """Put the world's ids where a case names them."""
    ids = {
        "LEVEL": world.action.level_id,
        "ROLE": Role.objects.get(item=world.action).pk,
        "LEAD": world.lead.pk,
        "OTHER": world.other_lead.pk,
        "MILESTONE": world.milestone.pk,
        "ACTION": world.action.pk,
        "GEO": Geography.objects.get(code="NL414").pk,
    }
    return {
        key: ids.get(value, value) if isinstance(value, str) else value
        for key, value in data.items()
    }


@pytest.fixture
def agreement(world: World) -> Agreement:
    made = Agreement.objects.create(
        code="afspraak-1", text_nl="Samen", text_en="Together", status="open"
    )
    made.items.add(world.action)
    return made


def _snapshot() -> tuple[object, ...]:
    """Every row count, and the values the bad posts try to change."""
    models = (Item, Role, Milestone, BudgetLine, Agreement, Indicator, Target, Observation, Round)
    counts = [model.objects.count() for model in (*models, AuditEvent)]
    values = [
        list(Item.objects.values_list("title_nl", "valid_to")),
        list(Agreement.objects.values_list("due")),
    ]
    return (*counts, *map(str, values))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_named_at_its_field_and_writes_nothing(
    world: World, agreement: Agreement, signed_in: SignIn, case: Case
) -> None:
    client = signed_in(getattr(world, case.who))
    before = _snapshot()
    response = client.post(case.url, _fill(case.bad, world))
    assert response.status_code == 200
    page = response.content.decode()
    assert f'id="{case.error_id}"' in page, page[page.find("<main") : page.find("<main") + 3000]
    assert "Er is niets opgeslagen" in page
    assert _snapshot() == before


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_good_input_is_written_with_one_audit_record_per_row_naming_the_person(
    world: World, agreement: Agreement, signed_in: SignIn, case: Case
) -> None:
    client = signed_in(getattr(world, case.who))
    last = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    response = client.post(case.url, _fill(case.good, world))
    assert response.status_code == 302, response.content.decode()[:3000]
    events = list(AuditEvent.objects.filter(pk__gt=last))
    assert events, "the write left no audit record"
    assert {e.actor for e in events} == {f"{case.who}@example.org"}
    assert {e.origin for e in events} == {"192.0.2.10"}
    assert case.changed in {e.object_type for e in events}
    rows = [(e.object_type, e.object_id) for e in events if e.action in ("create", "update")]
    assert len(rows) == len(set(rows)), f"a row was recorded twice: {rows}"


def test_an_owner_may_not_change_the_items_place_in_the_tree(
    world: World, signed_in: SignIn
) -> None:
    page = signed_in(world.owner).get("/beheer/agenda/proef/item/1/").content.decode()
    assert 'name="title_nl"' in page and 'name="parent"' not in page
    assert signed_in(world.owner).get("/beheer/agenda/proef/item/1/rollen/").status_code == 403


def test_an_owner_may_not_edit_another_organisations_item(world: World, signed_in: SignIn) -> None:
    assert signed_in(world.owner).get("/beheer/agenda/proef/item/2/").status_code == 403


def test_every_field_of_every_form_has_a_label(
    world: World, agreement: Agreement, signed_in: SignIn
) -> None:
    for case in CASES:
        page = signed_in(getattr(world, case.who)).get(case.url).content.decode()
        fields = re.findall(r"<(?:input|select|textarea)\b([^>]*)>", page)
        shown = [attrs for attrs in fields if 'type="hidden"' not in attrs]
        idents = [re.search(r'\bid="([^"]+)"', attrs) for attrs in shown]
        assert all(idents), f"{case.url}: a field without an id"
        missing = [m.group(1) for m in idents if m and f'for="{m.group(1)}"' not in page]
        assert missing == [], f"{case.url}: fields without a label: {missing}"


def test_the_audit_filter_refuses_a_bad_date_by_its_field(world: World, signed_in: SignIn) -> None:
    page = signed_in(world.coordinator).get("/beheer/audit/?since=gisteren").content.decode()
    assert 'id="id_since_error"' in page
