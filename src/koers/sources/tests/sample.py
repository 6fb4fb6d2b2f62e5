"""A small dataset touching every entity and every kind of value, for round-trip tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from koers.agendas import models as a
from koers.indicators import models as i
from koers.sources.models import Feed


def build_sample() -> None:
    doc = a.SourceDocument.objects.create(
        code="seed-000", title="Voortgangsrapportage 2019–2020", date=dt.date(2020, 6, 30)
    )
    nl = a.Geography.objects.create(
        code="NL", level="country", name_nl="Nederland", name_en="Netherlands"
    )
    region = a.Geography.objects.create(
        code="NL414",
        level="nuts3",
        name_nl="Zuidoost-Noord-Brabant",
        name_en="South-East North Brabant",
        parent=nl,
    )
    town = a.Geography.objects.create(
        code="GM0772", level="municipality", name_nl="Eindhoven", name_en="Eindhoven", parent=region
    )
    mre = a.Geography.objects.create(
        code="MRE",
        level="region",
        name_nl="Brainportregio",
        name_en="Brainport region",
        proxy=region,
    )
    a.GeographyMembership.objects.create(region=mre, member=town, valid_from=dt.date(2000, 1, 1))
    ezk = a.Organisation.objects.create(
        code="ezk",
        name_nl="Ministerie van EZK",
        name_en="Ministry of EZK",
        kind="ministry",
        helix="government",
    )
    dept = a.Organisation.objects.create(
        code="ezk-dgo",
        name_nl="DG Ondernemen",
        name_en="DG Enterprise",
        kind="ministry",
        helix="government",
        parent=ezk,
    )
    bna = a.Agenda.objects.create(
        code="bna",
        title_nl="Brainport Nationale Actieagenda",
        title_en="Brainport National Action Agenda",
        start=dt.date(2018, 6, 25),
        source=doc,
    )
    later = a.Agenda.objects.create(
        code="b2030",
        title_nl="Strategische agenda",
        title_en="Strategic agenda",
        start=dt.date(2023, 1, 1),
        predecessor=bna,
    )
    pillar = a.LevelType.objects.create(
        agenda=bna, code="pillar", name_nl="Pijler", name_en="Pillar"
    )
    action = a.LevelType.objects.create(
        agenda=bna, code="action", name_nl="Actie", name_en="Action", order=1
    )
    opgave = a.LevelType.objects.create(
        agenda=later, code="opgave", name_nl="Opgave", name_en="Challenge"
    )
    talent = a.Item.objects.create(
        agenda=bna, level=pillar, code="P-talent", title_nl="Talent", title_en="Talent"
    )
    action1 = a.Item.objects.create(
        agenda=bna,
        level=action,
        parent=talent,
        code="1",
        title_nl="Internationaal talent “aantrekken”",
        title_en="Attract talent",
        valid_to=dt.date(2021, 12, 31),
        source=doc,
        source_section="Pijler Talent",
    )
    opgave7 = a.Item.objects.create(
        agenda=later, level=opgave, code="Opgave 7", title_nl="Wonen", title_en="Housing"
    )
    a.ItemLink.objects.create(
        from_item=opgave7,
        to_item=action1,
        kind="succeeds",
        reason_nl="voortzetting",
        reason_en="continuation",
    )
    a.Role.objects.create(item=action1, organisation=dept, role="coordinator")
    a.Milestone.objects.create(
        item=action1,
        title_nl="Opening 5G HUB",
        title_en="5G HUB opens",
        actual=dt.date(2020, 1, 30),
        status="done",
        source=doc,
    )
    a.BudgetLine.objects.create(
        item=action1,
        funder=ezk,
        instrument="grant",
        amount=Decimal("10700000"),
        committed=Decimal("5350000.50"),
        source=doc,
    )
    a.StatusUpdate.objects.create(
        item=action1,
        period_start=dt.date(2019, 7, 1),
        period_end=dt.date(2020, 6, 30),
        status="on_track",
        highlights_nl=["één", "twee"],
        author=ezk,
        source=doc,
    )
    body = a.GovernanceBody.objects.create(
        code="bo-brainport", name_nl="BO Brainport", name_en="BO Brainport", agenda=bna
    )
    body.members.set([ezk, dept])
    meeting = a.Meeting.objects.create(
        code="bo-2019-11", body=body, date=dt.date(2019, 11, 20), source=doc
    )
    agreement = a.Agreement.objects.create(
        code="bo-2019-11-a1",
        meeting=meeting,
        text_nl="Afspraak",
        text_en="Agreement",
        owner=ezk,
        due=dt.date(2020, 12, 31),
        status="open",
        source=doc,
    )
    agreement.items.set([action1, talent])
    homes = i.Indicator.objects.create(
        code="homes",
        name_nl="Woningen",
        name_en="Homes",
        unit="homes",
        direction="increase",
        frequency="annual",
        assessment_options={"target": 62000, "direction": "increase"},
        additive=True,
        derivation={"kind": "ratio", "numerator": "homes", "denominator": "homes", "factor": 1},
    )
    homes.items.set([opgave7])
    i.Observation.objects.create(
        indicator=homes, geography=mre, period="2019", value=4300.0, provisional=True, source=doc
    )
    i.Observation.objects.create(
        indicator=homes,
        geography=mre,
        period="2019",
        value=4321.5,
        progress=4000.0,
        revised=True,
        source_status="Nader voorlopig",
        derivation="sum",
        source=doc,
        recorded_at=dt.datetime(2021, 3, 1, 12, 30, tzinfo=dt.UTC),
    )
    i.Observation.objects.create(
        indicator=homes,
        geography=region,
        period="2019-07-01/2020-06-30",
        value=0.1 + 0.2,
        source=doc,
    )
    i.Target.objects.create(
        indicator=homes,
        geography=mre,
        item=opgave7,
        kind="cumulative",
        baseline_period="2020",
        baseline_value=0,
        target_period="2030",
        target_value=62000,
        source=doc,
    )
    i.Decomposition.objects.create(
        code="homes-2030",
        name_nl="Woningen 2030",
        name_en="Homes 2030",
        geography=mre,
        period="2030",
        item=opgave7,
        unit="homes",
        spec={"sums": [{"whole": "homes", "parts": ["homes", {"indicator": "homes"}]}]},
        source=doc,
        source_section="p. 3",
    )
    Feed.objects.create(
        name="homes-cbs",
        indicator=homes,
        connector="cbs",
        table="81955NED",
        measure="Nieuwbouw_2",
        filters={"Gebruiksfunctie": "A045364"},
        geographies={"GM0772": "GM0772"},
        options={"periods": {"from": "2012"}},
        recording="cbs/81955ned",
        source=doc,
    )
