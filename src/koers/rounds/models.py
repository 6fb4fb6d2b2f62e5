"""Reporting rounds: a coordinator asks every owner of an agenda's items for an
update over a period; each item's answer is a task that moves through review
until the round is published.

A task's draft (status, narrative, highlights, next steps, milestone dates and
new figures) lives on the task itself and is never public: publishing the
round turns approved drafts into status updates, milestone changes and
observations, which are what the site and the report read.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.accounts.policy import STATE_LABELS, Scope, State
from koers.accounts.subjects import leads
from koers.agendas.models import Agenda, Item, Organisation, StatusUpdate

TASK_STATES = [(state.value, label) for state, label in STATE_LABELS.items() if state != State.NONE]
# The states in which the owner still has to act: a task in one of them past the deadline is late.
WAITING_FOR_OWNER = frozenset({State.OPEN, State.RETURNED})


class Round(models.Model):
    agenda = models.ForeignKey(
        Agenda, on_delete=models.PROTECT, related_name="rounds", verbose_name=_("agenda")
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    deadline = models.DateField(_("deadline"))
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    opened_by = models.CharField(_("opened by"), max_length=254, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        ordering = ["agenda", "-period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["agenda", "period_start", "period_end"], name="unique_round_period"
            )
        ]
        verbose_name = _("reporting round")
        verbose_name_plural = _("reporting rounds")

    def __str__(self) -> str:
        return f"{self.agenda.code} {self.period_start}:{self.period_end}"

    @property
    def period(self) -> str:
        return f"{self.period_start.isoformat()}:{self.period_end.isoformat()}"

    @property
    def state(self) -> State:
        return State.PUBLISHED if self.published_at is not None else State.OPEN

    def policy_scope(self) -> Scope:
        return Scope(agendas=frozenset({self.agenda_id}))

    def policy_state(self) -> State:
        return self.state

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.period_end < self.period_start:
            errors["period_end"] = _("The period ends before it starts.")
        if self.deadline < self.period_start:
            errors["deadline"] = _("The deadline lies before the period starts.")
        if errors:
            raise ValidationError(errors)


class Task(models.Model):
    """One item's update in a round, drafted by its owner and reviewed before publication."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="tasks")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="tasks")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="tasks", verbose_name=_("owner")
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("assigned to"),
    )
    state = models.CharField(_("state"), max_length=20, choices=TASK_STATES, default=State.OPEN)
    status = models.CharField(
        _("status"), max_length=20, choices=StatusUpdate.Status.choices, blank=True
    )
    narrative_nl = models.TextField(_("update (Dutch)"), blank=True)
    narrative_en = models.TextField(_("update (English)"), blank=True)
    highlights_nl = models.TextField(_("highlights (Dutch), one per line"), blank=True)
    highlights_en = models.TextField(_("highlights (English), one per line"), blank=True)
    outlook_nl = models.TextField(_("next steps (Dutch), one per line"), blank=True)
    outlook_en = models.TextField(_("next steps (English), one per line"), blank=True)
    # Proposed milestone dates: [{"milestone": id, "planned": iso, "actual": iso, "status": code}].
    milestones = models.JSONField(_("milestone dates"), default=list, blank=True)
    # New figures: [{"indicator", "geography", "period", "value", "provisional"}].
    figures = models.JSONField(_("new figures"), default=list, blank=True)
    # The remark that came with the last step: a reviewer's comment, a reopening's reason.
    note = models.TextField(_("comment"), blank=True)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "item__order", "item__code"]
        constraints = [models.UniqueConstraint(fields=["round", "item"], name="unique_task")]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self) -> str:
        return f"{self.item.code} ({self.round})"

    def policy_scope(self) -> Scope:
        # Asked many times per page: the item's owners are read once per task object.
        cached: Scope | None = getattr(self, "_scope", None)
        if cached is None:
            cached = Scope(agendas=frozenset({self.round.agenda_id}), leads=leads(self.item))
            self._scope = cached
        return cached

    def policy_state(self) -> State:
        return State(self.state)

    def is_late(self, today: dt.date) -> bool:
        """Past the deadline while the owner still has to act."""
        return self.state in WAITING_FOR_OWNER and today > self.round.deadline

    def submission_errors(self) -> dict[str, str]:
        """What a draft lacks before it can be handed in; empty when complete."""
        errors: dict[str, str] = {}
        if not self.status:
            errors["status"] = str(_("Choose a status."))
        if not self.narrative_nl.strip():
            errors["narrative_nl"] = str(_("Write the update in Dutch."))
        return errors
