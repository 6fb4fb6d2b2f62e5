"""`koers check`: the configuration and the integrity of the data, as a list of problems."""

from __future__ import annotations

from django.core import checks as django_checks
from django.core.exceptions import ValidationError
from django.db.models import Q

from koers.agendas.models import BudgetLine, Item, Milestone, StatusUpdate
from koers.indicators.models import Observation, Target


def run_checks() -> list[str]:
    """Every problem found, one line each; empty when all is well."""
    problems = [f"system: {m.id}: {m.msg}" for m in django_checks.run_checks() if m.is_serious()]
    problems += _missing_titles()
    problems += _missing_sources()
    problems += _invalid_rows()
    return problems


def _missing_titles() -> list[str]:
    missing = Item.objects.filter(Q(title_nl="") | Q(title_en="")).select_related("agenda")
    return [
        f"item {item.natural_key()}: needs both a Dutch and an English title" for item in missing
    ]


def _missing_sources() -> list[str]:
    # Every figure, date and amount must say where it comes from.
    problems = []
    for model in (Observation, Target, Milestone, BudgetLine, StatusUpdate):
        count = model._default_manager.filter(source__isnull=True).count()
        if count:
            problems.append(f"{model._meta.verbose_name_plural}: {count} without a source document")
    return problems


def _invalid_rows() -> list[str]:
    problems = []
    for model in (Item, Target):
        for obj in model._default_manager.all():
            try:
                obj.full_clean(validate_unique=False)
            except ValidationError as exc:
                problems.append(f"{model._meta.verbose_name} {obj}: {'; '.join(exc.messages)}")
    return problems
