from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class DatasetLoad(models.Model):
    """Which version (fingerprint) of a shipped dataset this database holds."""

    name = models.CharField(_("dataset"), max_length=100, unique=True)
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)

    class Meta:
        verbose_name = _("dataset load")
        verbose_name_plural = _("dataset loads")

    def __str__(self) -> str:
        return f"{self.name} ({self.fingerprint[:12]})"


class Feed(models.Model):
    """A declared mapping from a statistics source to one indicator's series.

    `koers feeds refresh` reads the source (live, or recorded responses with
    --offline) and stores what it finds as observations: append-only, a
    changed value is a revision, a failing feed keeps its last good values.
    """

    class Connector(models.TextChoices):
        FILE = "file", _("statistics file")
        CBS = "cbs", _("CBS StatLine (OData)")
        EUROSTAT = "eurostat", _("Eurostat dissemination API")

    name = models.SlugField(_("name"), max_length=100, unique=True)
    indicator = models.ForeignKey(
        "indicators.Indicator", on_delete=models.PROTECT, related_name="feeds"
    )
    connector = models.CharField(_("connector"), max_length=20, choices=Connector.choices)
    # A CBS table id, a Eurostat dataset code, or (connector file) a file path.
    table = models.CharField(_("table"), max_length=300)
    measure = models.CharField(_("measure"), max_length=100, blank=True, default="")
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    # Source geography code -> Koers geography code; {"*": "*"} keeps the codes as they are.
    geographies = models.JSONField(_("geographies"), default=dict, blank=True)
    # Connector file: format, columns, scale, decimals; any: periods {from, to}, rank.
    options = models.JSONField(_("options"), default=dict, blank=True)
    # Where recorded responses lie under the folder given to --offline (default: the table).
    recording = models.CharField(_("recording"), max_length=300, blank=True, default="")
    source = models.ForeignKey(
        "agendas.SourceDocument",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source document"),
    )
    last_refreshed = models.DateTimeField(_("last refreshed"), null=True, editable=False)
    last_outcome = models.CharField(_("last outcome"), max_length=20, blank=True, editable=False)
    last_message = models.TextField(_("last message"), blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("feed")
        verbose_name_plural = _("feeds")

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> str:
        return self.name


class ObservationImport(models.Model):
    """The one history record of an import of observations (instead of one per row).

    Names who imported, when, from which source and how many values were added,
    revised or found unchanged. Every row it wrote carries its `recorded_at`, so
    `rows()` finds them again (observations are append-only).
    """

    recorded_at = models.DateTimeField(_("recorded at"), unique=True)
    source = models.ForeignKey(
        "agendas.SourceDocument",
        on_delete=models.SET_NULL,  # the record outlives a removed source
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source document"),
    )
    actor = models.CharField(_("who (e-mail)"), max_length=254, blank=True)
    added = models.PositiveIntegerField(_("added"), default=0)
    revised = models.PositiveIntegerField(_("revised"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)

    class Meta:
        ordering = ["recorded_at"]
        verbose_name = _("observation import")
        verbose_name_plural = _("observation imports")

    def __str__(self) -> str:
        return f"{self.recorded_at:%Y-%m-%d %H:%M:%S} +{self.added} ~{self.revised}"

    def rows(self) -> models.QuerySet[Any]:
        """The observations this import wrote."""
        from koers.indicators.models import Observation

        return Observation.objects.filter(recorded_at=self.recorded_at)


class PanelValue(models.Model):
    """One competitor's value in a ranked feed: the table a rank was taken from.

    A feed with `rank: {..., peers: N}` keeps every competitor's value, so a
    page can show the region among its peers and its distance to the top. The
    panel is a copy of the source, replaced on each refresh (the region's rank
    itself is an observation, append-only like every other); it is not
    exported, since `koers feeds refresh` rebuilds it from the feed.
    """

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="panel")
    # The source's code: most competitors are no Koers geography.
    geography = models.CharField(_("geography code"), max_length=20)
    period = models.CharField(_("period"), max_length=20)
    value = models.FloatField(_("value"))

    class Meta:
        ordering = ["feed", "period", "geography"]
        constraints = [
            models.UniqueConstraint(
                fields=["feed", "geography", "period"], name="panel_value_unique"
            )
        ]
        verbose_name = _("panel value")
        verbose_name_plural = _("panel values")

    def __str__(self) -> str:
        return f"{self.feed_id} {self.geography} {self.period}: {self.value:g}"
