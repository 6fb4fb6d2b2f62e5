"""The agenda itself: agendas, their level types, the item tree, links and roles."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.agendas.models.common import CodeManager, Sourced, localized
from koers.agendas.models.registry import Organisation


class Agenda(Sourced):
    code = models.SlugField(_("code"), max_length=50, unique=True)
    title_nl = models.CharField(_("title (Dutch)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)
    predecessor = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="successor",
        verbose_name=_("predecessor"),
    )

    objects = CodeManager["Agenda"]()

    class Meta:
        ordering = ["start", "code"]
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def description(self) -> str:
        return localized(self, "description")

    def natural_key(self) -> str:
        return self.code

    def clean(self) -> None:
        if self.end and self.end < self.start:
            raise ValidationError({"end": _("The end lies before the start.")})
        if self.predecessor_id is not None and self.predecessor_id == self.pk:
            raise ValidationError({"predecessor": _("An agenda cannot succeed itself.")})


class LevelTypeManager(models.Manager["LevelType"]):
    def get_by_natural_key(self, key: str) -> LevelType:
        agenda, code = key.split("/", 1)
        return self.get(agenda__code=agenda, code=code)


class LevelType(models.Model):
    """A level of an agenda's tree: pillar, programme line, priority action, opgave, project."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="levels")
    code = models.SlugField(_("code"), max_length=50)
    name_nl = models.CharField(_("name (Dutch)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    order = models.PositiveIntegerField(_("order"), default=0)

    objects = LevelTypeManager()

    class Meta:
        ordering = ["agenda", "order"]
        constraints = [
            models.UniqueConstraint(fields=["agenda", "code"], name="unique_level_per_agenda")
        ]
        verbose_name = _("level type")
        verbose_name_plural = _("level types")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    def natural_key(self) -> str:
        return f"{self.agenda.code}/{self.code}"


class ItemManager(models.Manager["Item"]):
    def get_by_natural_key(self, key: str) -> Item:
        agenda, code = key.split("/", 1)
        return self.get(agenda__code=agenda, code=code)


class Item(Sourced):
    """A node of an agenda's tree: a pillar, an action, a project, ... of any depth."""

    agenda = models.ForeignKey(Agenda, on_delete=models.PROTECT, related_name="items")
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    level = models.ForeignKey(LevelType, on_delete=models.PROTECT, related_name="items")
    code = models.CharField(_("code"), max_length=50)
    title_nl = models.CharField(_("title (Dutch)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    history = HistoricalRecords()
    objects = ItemManager()

    class Meta:
        ordering = ["agenda", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["agenda", "code"], name="unique_item_code_per_agenda")
        ]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def description(self) -> str:
        return localized(self, "description")

    def natural_key(self) -> str:
        return f"{self.agenda.code}/{self.code}"

    def is_valid_on(self, day: dt.date) -> bool:
        starts = self.valid_from or self.agenda.start
        return starts <= day and (self.valid_to is None or day <= self.valid_to)

    def ancestors(self) -> list[Item]:
        """Parents from the nearest up; stops (and reports) on a cycle."""
        chain: list[Item] = []
        seen = {self.pk}
        node = self.parent
        while node is not None:
            if node.pk in seen:
                raise ValidationError({"parent": _("The item tree would contain a cycle.")})
            seen.add(node.pk)
            chain.append(node)
            node = node.parent
        return chain

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.parent is not None and self.parent.agenda_id != self.agenda_id:
            errors["parent"] = _("The parent belongs to another agenda.")
        if self.level_id is not None and self.level.agenda_id != self.agenda_id:
            errors["level"] = _("The level type belongs to another agenda.")
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = _("Validity ends before it starts.")
        if errors:
            raise ValidationError(errors)
        self.ancestors()


class ItemLink(models.Model):
    """A typed link between two items, also across agendas, with the reason for it."""

    class Kind(models.TextChoices):
        CONTRIBUTES_TO = "contributes_to", _("contributes to")
        SUCCEEDS = "succeeds", _("succeeds")
        MERGED_INTO = "merged_into", _("merged into")
        SPLIT_FROM = "split_from", _("split from")

    from_item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="links_out")
    to_item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="links_in")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    reason_nl = models.TextField(_("reason (Dutch)"), blank=True)
    reason_en = models.TextField(_("reason (English)"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["from_item", "kind", "to_item"]
        constraints = [
            models.UniqueConstraint(fields=["from_item", "to_item", "kind"], name="unique_link")
        ]
        verbose_name = _("item link")
        verbose_name_plural = _("item links")

    def __str__(self) -> str:
        return f"{self.from_item.natural_key()} {self.kind} {self.to_item.natural_key()}"

    @property
    def reason(self) -> str:
        return localized(self, "reason")

    def clean(self) -> None:
        if self.from_item_id is not None and self.from_item_id == self.to_item_id:
            raise ValidationError({"to_item": _("An item cannot link to itself.")})


class Role(models.Model):
    """What an organisation does for an agenda item."""

    class Kind(models.TextChoices):
        COORDINATOR = "coordinator", _("coordinator")
        LEAD = "lead", _("lead")
        PARTNER = "partner", _("partner")
        FINANCIER = "financier", _("financier")

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="roles")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=Kind.choices)

    class Meta:
        ordering = ["item", "role", "organisation"]
        constraints = [
            models.UniqueConstraint(fields=["item", "organisation", "role"], name="unique_role")
        ]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self) -> str:
        return f"{self.organisation} — {self.get_role_display()}"
