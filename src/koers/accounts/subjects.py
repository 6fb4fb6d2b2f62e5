"""The agenda's objects as subjects of the policy: where they lie, who leads them."""

from __future__ import annotations

from dataclasses import dataclass

from koers.accounts.policy import Scope, State
from koers.agendas.models import Agenda, Item, Role
from koers.indicators.models import Indicator

# The organisations that own an item: its owners report on it and may edit it.
OWNING_ROLES = (Role.Kind.LEAD,)


def leads(item: Item) -> frozenset[int]:
    """The organisations that own `item`."""
    rows = Role.objects.filter(item_id=item.pk, role__in=OWNING_ROLES)
    return frozenset(rows.values_list("organisation_id", flat=True))


@dataclass(frozen=True)
class AgendaSubject:
    agenda: Agenda

    def policy_scope(self) -> Scope:
        return Scope(agendas=frozenset({self.agenda.pk}))

    def policy_state(self) -> State:
        return State.NONE

    def __str__(self) -> str:
        return self.agenda.code


@dataclass(frozen=True)
class ItemSubject:
    item: Item

    def policy_scope(self) -> Scope:
        return Scope(agendas=frozenset({self.item.agenda_id}), leads=leads(self.item))

    def policy_state(self) -> State:
        return State.NONE

    def __str__(self) -> str:
        return str(self.item.natural_key())


@dataclass(frozen=True)
class IndicatorSubject:
    """An indicator lies in the agendas of the items it measures (in none when it measures none)."""

    indicator: Indicator

    def policy_scope(self) -> Scope:
        agendas = self.indicator.items.values_list("agenda_id", flat=True)
        return Scope(agendas=frozenset(agendas))

    def policy_state(self) -> State:
        return State.NONE

    def __str__(self) -> str:
        return self.indicator.code
