"""The facts the plan-quality checks read, gathered from the models in a few queries.

Texts (titles, indicator and organisation names) are read in the active language.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch

from koers.agendas.models import Agenda, Item, Milestone, Role
from koers.assessment.plan_quality import AgendaFacts, ItemFacts, MilestoneFacts, TargetFacts
from koers.indicators.models import Observation, Target

OWNING_ROLES = (Role.Kind.COORDINATOR, Role.Kind.LEAD)


def agenda_facts(agenda: Agenda) -> AgendaFacts:
    """Every item of `agenda` in tree order, with its roles, money, targets and milestones."""
    items = list(
        agenda.items.prefetch_related(
            Prefetch("roles", queryset=Role.objects.select_related("organisation")),
            "budget_lines",
            Prefetch("targets", queryset=Target.objects.select_related("indicator", "geography")),
            Prefetch("milestones", queryset=Milestone.objects.all()),
        )
    )
    observed = _observed([t for item in items for t in item.targets.all()])
    codes = {item.pk: item.code for item in items}
    return AgendaFacts(
        agenda.code,
        agenda.title,
        tuple(_item(item, codes, observed) for item in _tree_order(items)),
    )


def _item(item: Item, codes: dict[int, str], observed: set[tuple[int, int]]) -> ItemFacts:
    roles = list(item.roles.all())
    return ItemFacts(
        code=item.code,
        title=item.title,
        parent=codes.get(item.parent_id) if item.parent_id else None,
        owners=_names(r for r in roles if r.role in OWNING_ROLES),
        financiers=_names(r for r in roles if r.role == Role.Kind.FINANCIER),
        amounts=tuple(line.amount for line in item.budget_lines.all()),
        targets=tuple(_target(t, observed) for t in item.targets.all()),
        milestones=tuple(
            MilestoneFacts(m.title, m.planned is not None, m.status == Milestone.Status.CANCELLED)
            for m in item.milestones.all()
        ),
    )


def _names(roles: Iterable[Role]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(role.organisation.name for role in roles))


def _target(target: Target, observed: set[tuple[int, int]]) -> TargetFacts:
    return TargetFacts(
        label=f"{target.indicator.name} ({target.geography.name}, {target.target_period})",
        baseline_value=target.baseline_value,
        baseline_period=target.baseline_period,
        sourced=target.source_id is not None,
        observed=(target.indicator_id, target.geography_id) in observed,
    )


def _observed(targets: list[Target]) -> set[tuple[int, int]]:
    """(indicator, geography) pairs of the targets that have at least one observation."""
    if not targets:
        return set()
    pairs = (
        Observation.objects.filter(
            indicator_id__in={t.indicator_id for t in targets},
            geography_id__in={t.geography_id for t in targets},
        )
        .values_list("indicator_id", "geography_id")
        .distinct()
    )
    return {(indicator, geography) for indicator, geography in pairs}


def _tree_order(items: list[Item]) -> list[Item]:
    """Parents before their children, siblings by order and code."""
    children: dict[int | None, list[Item]] = {}
    for item in sorted(items, key=lambda i: (i.order, i.code)):
        children.setdefault(item.parent_id, []).append(item)
    known = {item.pk for item in items}
    ordered: list[Item] = []

    def visit(parent: int | None) -> None:
        for child in children.get(parent, []):
            ordered.append(child)
            visit(child.pk)

    visit(None)
    # Items whose parent lies outside the agenda would be lost: keep them at the end.
    ordered += [i for i in items if i.parent_id is not None and i.parent_id not in known]
    return ordered
