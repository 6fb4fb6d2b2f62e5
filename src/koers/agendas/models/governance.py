"""Governance: bodies such as the steering group and BO-Brainport, their meetings and agreements."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.agendas.models.common import CodeManager, Sourced, localized
from koers.agendas.models.registry import Organisation
from koers.agendas.models.structure import Agenda, Item


class GovernanceBody(Sourced):
    code = models.SlugField(_("code"), max_length=100, unique=True)
    agenda = models.ForeignKey(
        Agenda, on_delete=models.PROTECT, null=True, blank=True, related_name="governance_bodies"
    )
    name_nl = models.CharField(_("name (Dutch)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    frequency_nl = models.CharField(_("frequency (Dutch)"), max_length=200, blank=True)
    frequency_en = models.CharField(_("frequency (English)"), max_length=200, blank=True)
    members = models.ManyToManyField(Organisation, blank=True, related_name="governance_bodies")

    objects = CodeManager["GovernanceBody"]()

    class Meta:
        ordering = ["code"]
        verbose_name = _("governance body")
        verbose_name_plural = _("governance bodies")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    def natural_key(self) -> str:
        return self.code


class Meeting(Sourced):
    code = models.SlugField(_("code"), max_length=100, unique=True)
    body = models.ForeignKey(GovernanceBody, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField(_("date"))
    title_nl = models.CharField(_("title (Dutch)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)

    objects = CodeManager["Meeting"]()

    class Meta:
        ordering = ["date", "code"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.body} {self.date:%Y-%m-%d}"

    @property
    def title(self) -> str:
        return localized(self, "title") or str(self.body)

    def natural_key(self) -> str:
        return self.code


class Agreement(Sourced):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("done")
        CANCELLED = "cancelled", _("cancelled")

    code = models.SlugField(_("code"), max_length=100, unique=True)
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="agreements"
    )
    text_nl = models.TextField(_("text (Dutch)"))
    text_en = models.TextField(_("text (English)"))
    owner = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="agreements"
    )
    due = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    items = models.ManyToManyField(Item, blank=True, related_name="agreements")

    history = HistoricalRecords(m2m_fields=[items])
    objects = CodeManager["Agreement"]()

    class Meta:
        ordering = ["due", "code"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return localized(self, "text")

    def natural_key(self) -> str:
        return self.code

    def is_overdue(self, today: dt.date) -> bool:
        """Open past its due date: the dashboard makes these stand out."""
        return self.status == self.Status.OPEN and self.due is not None and self.due < today
