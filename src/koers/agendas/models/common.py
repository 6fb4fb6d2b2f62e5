"""Pieces every domain model shares: bilingual text, natural keys, sources."""

from __future__ import annotations

from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def localized(obj: object, field: str) -> str:
    """The Dutch or English variant of `field`, by the active language, falling back to Dutch."""
    language = (get_language() or "nl")[:2]
    value = getattr(obj, f"{field}_{language}", "") or getattr(obj, f"{field}_nl", "")
    return str(value)


_M = TypeVar("_M", bound=models.Model)


def refuse_cycle(obj: models.Model, message: object, field: str = "parent") -> None:
    """Raise ValidationError on `field` when following it from `obj` comes round again.

    A tree whose parents loop has no root: every walk up it (breadcrumbs, region
    sums, roll-ups) would never end. Stops on any loop, also one above `obj`."""
    seen = {obj.pk}
    node = getattr(obj, field)
    while node is not None:
        if node.pk in seen:
            raise ValidationError({field: message})
        seen.add(node.pk)
        node = getattr(node, field)


class CodeManager(models.Manager[_M]):
    """Looks rows up by their code, the natural key used in exports and datasets."""

    def get_by_natural_key(self, code: str) -> _M:
        return self.get(code=code)


class Sourced(models.Model):
    """A fact that cites the document and section it comes from."""

    source = models.ForeignKey(
        "agendas.SourceDocument",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source document"),
    )
    source_section = models.CharField(_("section of the source"), max_length=300, blank=True)

    class Meta:
        abstract = True
