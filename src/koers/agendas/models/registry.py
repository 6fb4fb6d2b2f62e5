"""Who and where: source documents, organisations and geographies."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from koers.agendas import tiles
from koers.agendas.models.common import CodeManager, localized, refuse_cycle


class SourceDocument(models.Model):
    """A document facts are taken from (for the seed documents: their file name)."""

    code = models.SlugField(_("code"), max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=500)
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    reference = models.CharField(_("reference"), max_length=500, blank=True)
    retrieved = models.DateField(_("retrieved on"), null=True, blank=True)

    objects = CodeManager["SourceDocument"]()

    class Meta:
        ordering = ["code"]
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")

    def __str__(self) -> str:
        return self.title

    def natural_key(self) -> str:
        return self.code


class Geography(models.Model):
    class Level(models.TextChoices):
        COUNTRY = "country", _("country")
        NUTS1 = "nuts1", _("NUTS 1 region")
        NUTS2 = "nuts2", _("NUTS 2 region (province)")
        NUTS3 = "nuts3", _("NUTS 3 region")
        MUNICIPALITY = "municipality", _("municipality")
        REGION = "region", _("region (set of municipalities)")

    code = models.CharField(_("code"), max_length=20, unique=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    name_nl = models.CharField(_("name (Dutch)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    # A geography whose figures may stand in for this one's where it has none of its own
    # (NUTS-3 NL414 for the Metropoolregio Eindhoven); every figure used so says so.
    proxy = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proxy_for",
        verbose_name=_("proxy"),
    )
    # A region's tile map: member code -> [column, row] (koers.agendas.tiles); members
    # without a square are listed beside the map.
    tile_layout = models.JSONField(
        _("tile layout"),
        default=dict,
        blank=True,
        help_text=_("For a region: each member's square on the tile map, as [column, row]."),
    )

    objects = CodeManager["Geography"]()

    class Meta:
        ordering = ["code"]
        verbose_name = _("geography")
        verbose_name_plural = _("geographies")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def name(self) -> str:
        return localized(self, "name")

    def natural_key(self) -> str:
        return self.code

    def clean(self) -> None:
        if self.proxy_id is not None and self.proxy_id == self.pk:
            raise ValidationError({"proxy": _("A geography cannot be its own proxy.")})
        refuse_cycle(self, _("A geography cannot lie within itself (a cycle of parents)."))
        try:
            tiles.positions(self.tile_layout)
        except tiles.TileLayoutError as exc:
            raise ValidationError({"tile_layout": str(exc)}) from None


class GeographyMembership(models.Model):
    """A member of a region (a municipality of the MRE) over a validity period.

    Municipalities merge: a member belongs to the region from `valid_from` to
    `valid_to` (open ends: always), so a region's sum for a year takes exactly
    the members valid in that year.
    """

    region = models.ForeignKey(
        Geography, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("region")
    )
    member = models.ForeignKey(
        Geography, on_delete=models.PROTECT, related_name="member_of", verbose_name=_("member")
    )
    valid_from = models.DateField(_("member from"), null=True, blank=True)
    valid_to = models.DateField(_("member until"), null=True, blank=True)

    class Meta:
        ordering = ["region", "member", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "member", "valid_from"], name="unique_geography_membership"
            )
        ]
        verbose_name = _("geography membership")
        verbose_name_plural = _("geography memberships")

    def __str__(self) -> str:
        return f"{self.member.code} in {self.region.code}"

    def natural_key(self) -> str:
        start = self.valid_from.isoformat() if self.valid_from else ""
        return f"{self.region.code}/{self.member.code}/{start}"

    def covers(self, start: dt.date, end: dt.date) -> bool:
        """True when the membership holds for the whole of start..end."""
        after_start = self.valid_from is None or self.valid_from <= start
        before_end = self.valid_to is None or end <= self.valid_to
        return after_start and before_end

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        """True when the membership holds on any day of start..end."""
        return (self.valid_from is None or self.valid_from <= end) and (
            self.valid_to is None or start <= self.valid_to
        )

    def clean(self) -> None:
        if self.region_id is not None and self.region_id == self.member_id:
            raise ValidationError({"member": _("A region cannot be a member of itself.")})
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("The membership ends before it starts.")})


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("ministry")
        PROVINCE = "province", _("province")
        MUNICIPALITY = "municipality", _("municipality")
        REGIONAL_BODY = "regional_body", _("regional body")
        COMPANY = "company", _("company")
        KNOWLEDGE_INSTITUTION = "knowledge_institution", _("knowledge institution")
        OTHER = "other", _("other")

    class Helix(models.TextChoices):
        """The triple helix, plus civil society (the 'quadruple helix')."""

        GOVERNMENT = "government", _("government")
        BUSINESS = "business", _("business")
        KNOWLEDGE = "knowledge", _("knowledge institutions")
        CIVIL_SOCIETY = "civil_society", _("civil society")

    code = models.SlugField(_("code"), max_length=100, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    helix = models.CharField(_("triple-helix class"), max_length=20, choices=Helix.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="departments",
        verbose_name=_("parent organisation"),
    )
    geography = models.ForeignKey(
        Geography, on_delete=models.PROTECT, null=True, blank=True, related_name="organisations"
    )

    objects = CodeManager["Organisation"]()

    class Meta:
        ordering = ["code"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    def natural_key(self) -> str:
        return self.code

    def clean(self) -> None:
        # A department cannot (indirectly) contain its own parent.
        refuse_cycle(self, _("An organisation cannot be its own ancestor."))
