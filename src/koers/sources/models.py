from __future__ import annotations

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
