"""Delivery of the agenda: milestones, money and status updates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.agendas.models.common import Sourced, localized
from koers.agendas.models.registry import Organisation
from koers.agendas.models.structure import Item


class Milestone(Sourced):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        DONE = "done", _("done")
        DELAYED = "delayed", _("delayed")
        CANCELLED = "cancelled", _("cancelled")

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="milestones")
    title_nl = models.CharField(_("title (Dutch)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    planned = models.DateField(_("planned date"), null=True, blank=True)
    actual = models.DateField(_("actual date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["planned", "actual", "title_nl"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def date(self) -> Any:
        return self.actual or self.planned

    def is_overdue(self, today: dt.date) -> bool:
        """Still planned after its planned date: the site and the report both mark it."""
        return (
            self.status == self.Status.PLANNED
            and self.actual is None
            and self.planned is not None
            and self.planned < today
        )

    def shown_status(self, today: dt.date) -> str:
        """The status as people read it on `today`: `overdue`, else its own."""
        return "overdue" if self.is_overdue(today) else str(self.status)

    def clean(self) -> None:
        if self.planned is None and self.actual is None:
            raise ValidationError(_("A milestone needs a planned or an actual date."))
        if self.status == self.Status.DONE and self.actual is None:
            raise ValidationError({"actual": _("A milestone that is done needs its actual date.")})


class BudgetLine(Sourced):
    class Instrument(models.TextChoices):
        GRANT = "grant", _("grant")
        LOAN = "loan", _("loan")
        GUARANTEE = "guarantee", _("guarantee")
        RISK_COVER = "risk_cover", _("risk cover")
        INVESTMENT = "investment", _("investment")
        OTHER = "other", _("other")

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="budget_lines")
    funder = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="budget_lines"
    )
    instrument = models.CharField(_("instrument"), max_length=20, choices=Instrument.choices)
    amount = models.DecimalField(_("amount (EUR)"), max_digits=16, decimal_places=2)
    committed = models.DecimalField(
        _("committed (EUR)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    realised = models.DecimalField(
        _("realised (EUR)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    period_start = models.DateField(_("period start"), null=True, blank=True)
    period_end = models.DateField(_("period end"), null=True, blank=True)
    note_nl = models.TextField(_("note (Dutch)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "period_start", "amount"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")

    def __str__(self) -> str:
        return f"{self.item.code}: EUR {self.amount}"

    @property
    def note(self) -> str:
        return localized(self, "note")

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.amount is not None and self.amount < 0:
            errors["amount"] = _("An amount cannot be negative.")
        for name in ("committed", "realised"):
            value = getattr(self, name)
            if value is not None and value < 0:
                errors[name] = _("An amount cannot be negative.")
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The period ends before it starts.")
        if errors:
            raise ValidationError(errors)


class StatusUpdate(Sourced):
    """An owner's account of an item over a period. Append-only: a correction is a new update."""

    class Status(models.TextChoices):
        ON_TRACK = "on_track", _("on track")
        ATTENTION = "attention", _("attention needed")
        DELAYED = "delayed", _("delayed")
        BEHIND = "behind", _("behind")
        COMPLETED = "completed", _("completed")
        STOPPED = "stopped", _("stopped")

    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="status_updates")
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    status_label_nl = models.CharField(
        _("status in the owner's words (Dutch)"), max_length=200, blank=True
    )
    status_label_en = models.CharField(
        _("status in the owner's words (English)"), max_length=200, blank=True
    )
    narrative_nl = models.TextField(_("narrative (Dutch)"), blank=True)
    narrative_en = models.TextField(_("narrative (English)"), blank=True)
    highlights_nl = models.JSONField(_("highlights (Dutch)"), default=list, blank=True)
    highlights_en = models.JSONField(_("highlights (English)"), default=list, blank=True)
    outlook_nl = models.JSONField(_("outlook (Dutch)"), default=list, blank=True)
    outlook_en = models.JSONField(_("outlook (English)"), default=list, blank=True)
    author = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="status_updates"
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["item", "period_end", "created_at"]
        get_latest_by = ["period_end", "created_at"]
        verbose_name = _("status update")
        verbose_name_plural = _("status updates")

    def __str__(self) -> str:
        return f"{self.item.code} {self.period_start}–{self.period_end}: {self.status}"

    @property
    def status_label(self) -> str:
        return localized(self, "status_label") or str(self.get_status_display())

    @property
    def narrative(self) -> str:
        return localized(self, "narrative")

    @property
    def highlights(self) -> list[str]:
        return list(
            self.highlights_en if _is_english() and self.highlights_en else self.highlights_nl
        )

    @property
    def outlook(self) -> list[str]:
        return list(self.outlook_en if _is_english() and self.outlook_en else self.outlook_nl)

    def clean(self) -> None:
        if self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period ends before it starts.")})
        for name in ("highlights_nl", "highlights_en", "outlook_nl", "outlook_en"):
            value = getattr(self, name)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValidationError({name: _("Expected a list of texts.")})

    def save(self, *args: Any, **kwargs: Any) -> None:
        # History must not be rewritten: a published update is never changed in place.
        if self.pk is not None and type(self).objects.filter(pk=self.pk).exists():
            raise ValidationError(_("Status updates are append-only; add a new update instead."))
        super().save(*args, **kwargs)


def _is_english() -> bool:
    from django.utils.translation import get_language

    return (get_language() or "nl").startswith("en")
