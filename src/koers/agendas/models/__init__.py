from koers.agendas.models.delivery import BudgetLine, Milestone, StatusUpdate
from koers.agendas.models.governance import Agreement, GovernanceBody, Meeting
from koers.agendas.models.registry import (
    Geography,
    GeographyMembership,
    Organisation,
    SourceDocument,
)
from koers.agendas.models.structure import Agenda, Item, ItemLink, LevelType, Role

__all__ = [
    "Agenda",
    "Agreement",
    "BudgetLine",
    "Geography",
    "GeographyMembership",
    "GovernanceBody",
    "Item",
    "ItemLink",
    "LevelType",
    "Meeting",
    "Milestone",
    "Organisation",
    "Role",
    "SourceDocument",
    "StatusUpdate",
]
