"""The audit trail, written in one place.

Every entry point says who is acting (`acting`): the middleware for a request
(the signed-in person, the client's IP), the `koers` command for the command
line ("cli"). Model signals then write one `AuditEvent` per created, changed or
deleted row of every audited app, with each changed field's old and new value,
in the same transaction as the write. The policy adds the refused attempts.

Bulk imports would write thousands of records: inside `recorded_import` rows
are counted instead, and one record names the counts. Writes made with nobody
acting (a test's fixtures, code run from Python) are not recorded; every way
a person can write (form, admin, command line, import) names an actor.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

# Apps whose rows are audited; the historical copies simple_history keeps are not.
AUDITED_APPS = frozenset(
    {"agendas", "indicators", "sources", "rounds", "accounts", "auth", "otp_totp", "api"}
)
# Fields that change on every sign-in or hold secrets: the change is noted, the value not.
SKIPPED_FIELDS = frozenset(
    {
        "last_login",
        "last_t",
        "drift",
        "throttling_failure_timestamp",
        "throttling_failure_count",
        "last_used_at",
    }
)
MASKED_FIELDS = frozenset({"password", "key"})
MASK = "•••"


@dataclass(frozen=True)
class Actor:
    """Who acts, for which organisation, from where (an IP address or "cli") and through what."""

    email: str
    name: str = ""
    organisation: str = ""
    origin: str = ""
    channel: str = ""
    operation: str = field(default_factory=lambda: uuid.uuid4().hex)


ActorSource = Callable[[], Actor]
_actor: ContextVar[ActorSource | None] = ContextVar("koers_actor", default=None)
_tally: ContextVar[Counter[str] | None] = ContextVar("koers_import_tally", default=None)


@contextmanager
def acting(source: ActorSource) -> Iterator[None]:
    """Writes inside are recorded as made by the actor `source` returns (asked at each write,
    so a person who signs in during a request is named from then on)."""
    token = _actor.set(source)
    try:
        yield
    finally:
        _actor.reset(token)


def current_actor() -> Actor | None:
    source = _actor.get()
    return source() if source is not None else None


@dataclass
class ImportRecord:
    """What `recorded_import` counted, row by row as the signals saw them."""

    kind: str
    source: str
    counts: Counter[str] = field(default_factory=Counter)
    reported: dict[str, int] | None = None

    def report(self, counts: Mapping[str, int]) -> None:
        """The importer's own counts, which the record names instead of the signals' tally
        (an importer that writes with bulk_create sends no signals)."""
        self.reported = dict(counts)


@contextmanager
def recorded_import(kind: str, source: str) -> Iterator[ImportRecord]:
    """Count the rows written inside instead of recording each; then write one record
    naming the counts (only when the block finishes: a failed import wrote nothing)."""
    record = ImportRecord(kind, source)
    token = _tally.set(record.counts)
    try:
        yield record
    finally:
        _tally.reset(token)
    record_import(kind, source, record.counts if record.reported is None else record.reported)


def record_import(kind: str, source: str, counts: Mapping[str, int]) -> None:
    """One record for a bulk import: what kind, from where, how many rows of each kind.

    Inside `recorded_import` the counts are added to that block's record instead
    (an importer that writes with bulk_create, which sends no signals, says them here)."""
    tally = _tally.get()
    if tally is not None:
        tally.update(counts)
        return
    summary = ", ".join(f"{name}: {count}" for name, count in sorted(counts.items()) if count)
    _write("import", kind, source, source, {}, summary or "no rows")


def record(action: str, obj: models.Model | None, detail: str = "", refused: bool = False) -> None:
    """A record of something other than a row write: a sign-in, reminders sent."""
    object_type, object_id, text = _describe(obj) if obj is not None else ("", "", "")
    _write(action, object_type, object_id, text, {}, detail, refused=refused)


def record_refusal(action: str, subject: object) -> None:
    """A refused attempt, recorded even when nobody signed in (an anonymous actor)."""
    if isinstance(subject, models.Model):
        record(str(action), subject, refused=True)
    else:
        _write(str(action), "", "", str(subject), {}, "", refused=True)


def _write(
    action: str,
    object_type: str,
    object_id: str,
    text: str,
    changes: Mapping[str, Any],
    detail: str,
    refused: bool = False,
) -> None:
    actor = current_actor()
    if actor is None:
        return
    from koers.accounts.models import AuditEvent

    AuditEvent.objects.create(
        actor=actor.email,
        actor_name=actor.name,
        organisation=actor.organisation,
        origin=actor.origin,
        channel=actor.channel,
        operation=actor.operation,
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=text[:300],
        changes=dict(changes),
        detail=detail,
        outcome=AuditEvent.Outcome.REFUSED if refused else AuditEvent.Outcome.DONE,
    )


def audited(model: type[models.Model]) -> bool:
    meta = model._meta
    if meta.app_label not in AUDITED_APPS or meta.model_name == "auditevent":
        return False
    return not model.__name__.startswith("Historical")


def _describe(obj: models.Model) -> tuple[str, str, str]:
    return obj._meta.label_lower, str(obj.pk), str(obj)[:300]


def _plain(value: Any) -> Any:
    """A value as JSON keeps it: dates as ISO text, decimals as text."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _values(obj: models.Model) -> dict[str, Any]:
    return {
        f.attname: f.value_from_object(obj)
        for f in obj._meta.concrete_fields
        if f.attname not in SKIPPED_FIELDS
    }


def _shown(name: str, value: Any) -> Any:
    return MASK if name in MASKED_FIELDS and value not in ("", None) else _plain(value)


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for every field whose value changed."""
    return {
        name: [_shown(name, before.get(name)), _shown(name, value)]
        for name, value in after.items()
        if _plain(before.get(name)) != _plain(value)
    }


def _recording(sender: type[models.Model]) -> bool:
    return _actor.get() is not None and audited(sender)


def _before_save(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if not _recording(sender) or _tally.get() is not None or instance.pk is None:
        return
    old = sender._base_manager.filter(pk=instance.pk).first()
    instance._audit_before = _values(old) if old is not None else None  # type: ignore[attr-defined]


def _after_save(
    sender: type[models.Model], instance: models.Model, created: bool, **kwargs: Any
) -> None:
    if not _recording(sender):
        return
    tally = _tally.get()
    if tally is not None:
        tally[str(sender._meta.model_name)] += 1
        return
    before = None if created else getattr(instance, "_audit_before", None)
    changes = diff(before or {}, _values(instance))
    if before is not None and not changes:
        return  # saved without a change: nothing happened
    object_type, object_id, text = _describe(instance)
    _write("create" if before is None else "update", object_type, object_id, text, changes, "")


def _after_delete(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if not _recording(sender) or _tally.get() is not None:
        return
    values = _values(instance)
    changes = {name: [_shown(name, value), None] for name, value in values.items()}
    object_type, object_id, text = _describe(instance)
    _write("delete", object_type, object_id, text, changes, "")


_M2M_ACTIONS = {"post_add": "added", "post_remove": "removed", "pre_clear": "cleared"}


def _m2m(sender: Any, instance: models.Model, action: str, pk_set: Any, **kwargs: Any) -> None:
    kind = _M2M_ACTIONS.get(action)
    if kind is None or not _recording(type(instance)) or _tally.get() is not None:
        return
    name = _m2m_name(type(instance), sender)
    ids = sorted(pk_set or [])
    object_type, object_id, text = _describe(instance)
    _write("update", object_type, object_id, text, {name: {kind: ids}}, "")


def _m2m_name(model: type[models.Model], through: Any) -> str:
    for m2m in model._meta.many_to_many:
        if getattr(m2m.remote_field, "through", None) is through:
            return m2m.name
    return str(through._meta.model_name)


def connect() -> None:
    """Listen to the audited models only: the others keep Django's fast bulk delete, which a
    listener to every model would switch off."""
    from django.apps import apps

    for model in apps.get_models():
        if not audited(model):
            continue
        uid = model._meta.label_lower
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"koers_audit_pre_{uid}")
        post_save.connect(_after_save, sender=model, dispatch_uid=f"koers_audit_post_{uid}")
        post_delete.connect(_after_delete, sender=model, dispatch_uid=f"koers_audit_del_{uid}")
        for m2m in model._meta.local_many_to_many:
            through = m2m.remote_field.through
            m2m_changed.connect(
                _m2m, sender=through, dispatch_uid=f"koers_audit_m2m_{uid}_{m2m.name}"
            )
