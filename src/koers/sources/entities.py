"""The entities Koers exports and imports, in dependency order.

One table drives the JSON export, the JSON import and the schema document, so
the three cannot drift apart. Rows refer to each other by natural keys (codes,
"agenda/item"), never by database ids, so an export can be loaded anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models

from koers.agendas import models as agendas
from koers.indicators import models as indicators
from koers.sources import models as sources


@dataclass(frozen=True)
class Entity:
    name: str
    model: type[models.Model]
    description: str

    @property
    def label(self) -> str:
        return self.model._meta.label

    def fields(self) -> list[models.Field[Any, Any]]:
        """Exported concrete fields: everything a user entered, not ids or derived columns."""
        return [f for f in self.model._meta.concrete_fields if not f.primary_key and f.editable]

    def m2m_fields(self) -> list[models.Field[Any, Any]]:
        return list(self.model._meta.many_to_many)

    def self_references(self) -> list[str]:
        """Foreign keys to the same model, set in a second pass so rows may come in any order."""
        return [f.name for f in self.fields() if f.is_relation and f.related_model is self.model]


ENTITIES: tuple[Entity, ...] = (
    Entity("sources", agendas.SourceDocument, "documents facts are taken from"),
    Entity("geographies", agendas.Geography, "countries, NUTS regions, municipalities, regions"),
    Entity(
        "geography_memberships",
        agendas.GeographyMembership,
        "the members of a region over their validity periods",
    ),
    Entity("organisations", agendas.Organisation, "ministries, province, bodies, companies, ..."),
    Entity("agendas", agendas.Agenda, "the agendas monitored"),
    Entity("levels", agendas.LevelType, "the level types of each agenda's tree"),
    Entity("items", agendas.Item, "the nodes of each agenda's tree"),
    Entity("links", agendas.ItemLink, "typed links between items"),
    Entity("roles", agendas.Role, "what an organisation does for an item"),
    Entity("milestones", agendas.Milestone, "dated milestones of items"),
    Entity("budget_lines", agendas.BudgetLine, "money per item, funder and instrument"),
    Entity("status_updates", agendas.StatusUpdate, "append-only status updates per item"),
    Entity("governance_bodies", agendas.GovernanceBody, "steering groups and consultations"),
    Entity("meetings", agendas.Meeting, "meetings of governance bodies"),
    Entity("agreements", agendas.Agreement, "agreements made, with owner and due date"),
    Entity("indicators", indicators.Indicator, "indicator definitions"),
    Entity("observations", indicators.Observation, "indicator values, revisions kept"),
    Entity("targets", indicators.Target, "quantified targets with baseline"),
    Entity(
        "decompositions",
        indicators.Decomposition,
        "figures and targets that are parts of a whole: sums, shares, a balance",
    ),
    Entity("feeds", sources.Feed, "declared mappings from statistics sources to indicators"),
)

ENTITY_BY_MODEL = {entity.model: entity for entity in ENTITIES}
