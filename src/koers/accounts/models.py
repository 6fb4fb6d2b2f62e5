"""People (a sign-in account of an organisation), their roles, and the audit trail."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.accounts.policy import ROLE_CODES, ROLE_LABELS, Role
from koers.agendas.models import Agenda, Organisation


class Person(models.Model):
    """The person behind a sign-in account, and the organisation they work for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="person"
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="people",
        verbose_name=_("organisation"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation.code})"


# Whether a role names an agenda: a coordinator coordinates one, an
# administrator is one for everything, the other roles may be narrowed to one.
AGENDA_RULE: Mapping[Role, str] = {
    Role.ADMINISTRATOR: "never",
    Role.COORDINATOR: "required",
    Role.OWNER: "optional",
    Role.CONTRIBUTOR: "optional",
    Role.REVIEWER: "optional",
    Role.READER: "optional",
}


class RoleAssignment(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="assignments")
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=[(role.value, label) for role, label in ROLE_LABELS.items()],
    )
    agenda = models.ForeignKey(
        Agenda,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("agenda"),
    )

    class Meta:
        ordering = ["person", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "role", "agenda"], name="unique_role_assignment"
            ),
        ]
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")

    def __str__(self) -> str:
        where = f" ({self.agenda.code})" if self.agenda is not None else ""
        return f"{self.person}: {self.get_role_display()}{where}"

    def clean(self) -> None:
        rule = AGENDA_RULE.get(Role(self.role)) if self.role in ROLE_CODES else None
        if rule == "required" and self.agenda_id is None:
            raise ValidationError({"agenda": _("This role is held for one agenda: name it.")})
        if rule == "never" and self.agenda_id is not None:
            raise ValidationError({"agenda": _("This role holds for every agenda.")})


class AuditQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise ValidationError(_("The audit trail is append-only."))

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ValidationError(_("The audit trail is append-only."))


class AuditEvent(models.Model):
    """One write (or refused attempt): who, what, when, from where, and how it ended.

    Append-only: rows are never changed or deleted, not even through a queryset.
    The actor is kept as text, so the record outlives the account.
    """

    class Outcome(models.TextChoices):
        DONE = "done", _("done")
        REFUSED = "refused", _("refused")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.CharField(_("who (e-mail)"), max_length=254, blank=True, db_index=True)
    actor_name = models.CharField(_("who (name)"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=100, blank=True)
    origin = models.CharField(_("from where"), max_length=100, blank=True)
    channel = models.CharField(_("channel"), max_length=20, blank=True)
    operation = models.CharField(_("operation"), max_length=40, blank=True, db_index=True)
    action = models.CharField(_("action"), max_length=40)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=100, blank=True)
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    detail = models.TextField(_("detail"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["object_type", "object_id"])]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor or '-'} {self.action} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # What happened stays as it was recorded: a record is written once.
        if self.pk is not None:
            raise ValidationError(_("The audit trail is append-only."))
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValidationError(_("The audit trail is append-only."))
