"""Koers's own JSON format: one self-describing document holding every entity.

The export is deterministic (the same data always gives the same bytes): rows
are sorted by their own encoding and every value has one canonical form. The
import is atomic: any error rolls the whole document back and names the entity,
the row and the field. Audit history (who changed what when) belongs to an
installation and is not part of the document.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import reprlib
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from koers.agendas.models import Geography
from koers.agendas.tiles import TileLayoutError, check_members
from koers.sources.entities import ENTITIES, ENTITY_BY_MODEL, Entity

FORMAT = "koers"
VERSION = 1
SCHEMA = "docs/export-format.md"


# Entities written with bulk_create: many rows, no natural key, nothing refers to them.
BULK_ENTITIES = frozenset({"observations"})
BULK_BATCH = 5000


class KoersImportError(ValueError):
    """A document that cannot be imported; the message names entity, row and field."""


# --- export -------------------------------------------------------------------------------


def export_document() -> bytes:
    """Every entity in the database as canonical JSON bytes."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "schema": SCHEMA,
        "entities": [_export_entity(entity) for entity in ENTITIES],
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def describe_fields(entity: Entity) -> list[dict[str, Any]]:
    """The self-description of an entity's fields that heads its rows."""
    described = [_describe(field) for field in entity.fields()]
    described += [_describe(field) for field in entity.m2m_fields()]
    return described


def _describe(field: models.Field[Any, Any]) -> dict[str, Any]:
    info: dict[str, Any] = {"name": field.name, "type": _json_type(field)}
    if field.is_relation and field.related_model is not None:
        info["references"] = ENTITY_BY_MODEL[field.related_model].name  # type: ignore[index]
    info["required"] = not (field.null or field.blank or field.many_to_many)
    if field.choices:
        info["choices"] = [str(value) for value, _label in field.choices]
    return info


def _json_type(field: models.Field[Any, Any]) -> str:
    if field.many_to_many:
        return "list of keys"
    if field.is_relation:
        return "key"
    return _TYPE_NAMES.get(field.get_internal_type(), "string")


_TYPE_NAMES = {
    "DateField": "date",
    "DateTimeField": "datetime",
    "DecimalField": "decimal string",
    "FloatField": "number",
    "PositiveIntegerField": "integer",
    "IntegerField": "integer",
    "BooleanField": "boolean",
    "JSONField": "json",
}


def _export_entity(entity: Entity) -> dict[str, Any]:
    queryset = entity.model._default_manager.all()
    related = [f.name for f in entity.fields() if f.is_relation]
    queryset = queryset.select_related(*related) if related else queryset
    prefetch = [f.name for f in entity.m2m_fields()]
    rows = [_export_row(entity, obj) for obj in queryset.prefetch_related(*prefetch)]
    rows.sort(key=lambda row: json.dumps(row, sort_keys=True, ensure_ascii=False))
    return {
        "name": entity.name,
        "model": entity.label,
        "description": entity.description,
        "fields": describe_fields(entity),
        "rows": rows,
    }


def _export_row(entity: Entity, obj: models.Model) -> dict[str, Any]:
    row = {field.name: _export_value(field, obj) for field in entity.fields()}
    for field in entity.m2m_fields():
        row[field.name] = sorted(natural_key(o) for o in getattr(obj, field.name).all())
    return row


def _export_value(field: models.Field[Any, Any], obj: models.Model) -> Any:
    if field.is_relation:
        target = getattr(obj, field.name)
        return None if target is None else natural_key(target)
    return canonical(getattr(obj, field.attname))


def natural_key(obj: models.Model) -> str:
    key = getattr(obj, "natural_key", None)
    if key is None:
        raise TypeError(f"{type(obj).__name__} has no natural key")
    return str(key())


def canonical(value: Any) -> Any:
    """One JSON form per value: ISO dates, UTC datetimes, decimals as fixed strings."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return value


# --- import -------------------------------------------------------------------------------


def import_document(raw: bytes | str, *, origin: str = "<document>") -> dict[str, int]:
    """Load a Koers JSON document atomically; returns the number of rows per entity."""
    document = _parse(raw, origin)
    return import_sections(_sections(document, origin), origin=origin)


def import_sections(
    sections: dict[str, list[Any]],
    *,
    origin: str = "<document>",
    row_origins: dict[str, list[str]] | None = None,
) -> dict[str, int]:
    """Load rows per entity name atomically. `row_origins` names where each row came from
    (e.g. a dataset file and entry), for error messages."""
    counts: dict[str, int] = {}
    with transaction.atomic():
        keys: dict[type[models.Model], dict[str, models.Model]] = {}
        for entity in ENTITIES:
            rows = sections.get(entity.name, [])
            origins = (row_origins or {}).get(entity.name)
            _Loader(entity, keys, origin, origins).load(rows)
            counts[entity.name] = len(rows)
            if entity.name == "geography_memberships":
                _check_tile_layouts(sections.get("geographies", []), keys, origin, row_origins)
    return counts


def _check_tile_layouts(
    rows: list[Any],
    keys: dict[type[models.Model], dict[str, models.Model]],
    origin: str,
    row_origins: dict[str, list[str]] | None,
) -> None:
    """A square only for a member: checked once the memberships are in (the layout's own
    shape was checked with its geography)."""
    entity = next(e for e in ENTITIES if e.name == "geographies")
    loader = _Loader(entity, keys, origin, (row_origins or {}).get("geographies"))
    for index, row in enumerate(rows):
        layout = row.get("tile_layout") if isinstance(row, dict) else None
        if not layout:
            continue
        region = keys[Geography][str(row["code"])]
        members = set(region.memberships.values_list("member__code", flat=True))  # type: ignore[attr-defined]
        try:
            check_members(layout, members)
        except TileLayoutError as exc:
            raise KoersImportError(f"{loader._where(index, row, 'tile_layout')}: {exc}") from None


def _parse(raw: bytes | str, origin: str) -> dict[str, Any]:
    try:
        document = json.loads(raw, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise KoersImportError(f"{origin}: not valid JSON: {exc}") from None
    except _JunkError as exc:
        raise KoersImportError(f"{origin}: {exc}") from None
    except RecursionError:
        raise KoersImportError(f"{origin}: not valid JSON: nested too deeply") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise KoersImportError(f'{origin}: not a Koers document (expected "format": "koers")')
    if document.get("version") != VERSION:
        raise KoersImportError(
            f"{origin}: version {document.get('version')!r} is not supported (expected {VERSION})"
        )
    return document


class _JunkError(ValueError):
    """JSON that parses but that no Koers document may hold."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Two values for one key: json keeps the last silently; which one was meant is unknown.
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _JunkError(f"the key {key!r} appears twice in one object")
        seen[key] = value
    return seen


def _no_constant(name: str) -> Any:
    # Infinity and NaN are not JSON (RFC 8259), and no figure is infinite.
    raise _JunkError(f"{name} is not a number a Koers document may hold")


def _sections(document: dict[str, Any], origin: str) -> dict[str, list[Any]]:
    known = {entity.name for entity in ENTITIES}
    sections: dict[str, list[Any]] = {}
    for index, section in enumerate(document.get("entities") or []):
        name = section.get("name") if isinstance(section, dict) else None
        if name not in known:
            raise KoersImportError(f"{origin}: entities[{index}]: unknown entity {name!r}")
        rows = section.get("rows")
        if not isinstance(rows, list):
            raise KoersImportError(f'{origin}: entity {name!r}: "rows" must be a list')
        sections[name] = rows
    return sections


class _Loader:
    """Loads the rows of one entity: fields first, then self-references and many-to-many."""

    def __init__(
        self,
        entity: Entity,
        keys: dict[type[models.Model], dict[str, models.Model]],
        origin: str,
        row_origins: list[str] | None = None,
    ) -> None:
        self.entity = entity
        self.row_origins = row_origins
        self.keys = keys
        self.origin = origin
        self.fields = {f.name: f for f in entity.fields()}
        self.m2m = {f.name: f for f in entity.m2m_fields()}
        self.deferred = set(entity.self_references())

    def load(self, rows: list[Any]) -> None:
        if self._bulk():
            # Observations are many and plain: checked one by one in memory, then written in
            # batches (no history row each; the import is one audit event).
            built = [self._build(index, row) for index, row in enumerate(rows)]
            self.entity.model._default_manager.bulk_create(built, batch_size=BULK_BATCH)
            return
        created = [self._create(index, row) for index, row in enumerate(rows)]
        for index, (obj, row) in enumerate(zip(created, rows, strict=True)):
            self._finish(index, obj, row)

    def _where(self, index: int, row: Any, field: str | None = None) -> str:
        key = row.get("code") if isinstance(row, dict) else None
        label = f" ({key})" if key else ""
        place = f", field {field!r}" if field else ""
        if self.row_origins is not None:
            return f"{self.row_origins[index]}{label}{place}"
        return f"{self.origin}: entity {self.entity.name!r} row {index + 1}{label}{place}"

    def _bulk(self) -> bool:
        plain = not self.deferred and not self.m2m and not hasattr(self.entity.model, "natural_key")
        return plain and self.entity.name in BULK_ENTITIES

    def _create(self, index: int, row: Any) -> models.Model:
        obj = self._build(index, row)
        obj.save()
        self._remember(obj)
        return obj

    def _build(self, index: int, row: Any) -> models.Model:
        if not isinstance(row, dict):
            raise KoersImportError(f"{self._where(index, row)}: a row must be an object")
        unknown = set(row) - set(self.fields) - set(self.m2m)
        if unknown:
            raise KoersImportError(f"{self._where(index, row, sorted(unknown)[0])}: unknown field")
        obj = self.entity.model()
        for name, field in self.fields.items():
            if name not in self.deferred:
                self._assign(index, row, obj, field)
        self._validate(index, row, obj, exclude=self.deferred)
        return obj

    def _finish(self, index: int, obj: models.Model, row: dict[str, Any]) -> None:
        for name in self.deferred:
            self._assign(index, row, obj, self.fields[name])
        if self.deferred:
            self._validate(index, row, obj, exclude=set())
            obj.save()
        for name, field in self.m2m.items():
            keys = row.get(name) or []
            if not isinstance(keys, list):
                raise KoersImportError(f"{self._where(index, row, name)}: must be a list of codes")
            targets = [self._lookup(index, row, field, key) for key in keys]
            getattr(obj, name).set(targets)

    def _assign(
        self, index: int, row: dict[str, Any], obj: models.Model, field: models.Field[Any, Any]
    ) -> None:
        value = row.get(field.name)
        if field.is_relation:
            setattr(
                obj, field.name, None if value is None else self._lookup(index, row, field, value)
            )
            return
        if value is None and not field.null:
            value = _missing(field)
        problem = _junk(field, value)
        if problem:
            raise KoersImportError(f"{self._where(index, row, field.name)}: {problem}")
        try:
            setattr(obj, field.attname, None if value is None else field.to_python(value))
        except ValidationError as exc:
            raise KoersImportError(f"{self._where(index, row, field.name)}: {_text(exc)}") from None
        except (TypeError, ValueError, OverflowError):
            raise KoersImportError(
                f"{self._where(index, row, field.name)}: {reprlib.repr(value)} is not a valid "
                f"{field.get_internal_type()} value"
            ) from None

    def _lookup(
        self, index: int, row: dict[str, Any], field: models.Field[Any, Any], key: Any
    ) -> models.Model:
        model = field.related_model
        if not isinstance(key, str | int):
            raise KoersImportError(f"{self._where(index, row, field.name)}: {key!r} is not a code")
        found = self.keys.get(model, {}).get(str(key))  # type: ignore[arg-type]
        if found is None:
            target = ENTITY_BY_MODEL[model].name  # type: ignore[index]
            raise KoersImportError(
                f"{self._where(index, row, field.name)}: unknown {target} {key!r}"
            )
        return found

    def _validate(
        self, index: int, row: dict[str, Any], obj: models.Model, exclude: set[str]
    ) -> None:
        try:
            obj.full_clean(exclude=sorted(exclude) or None)
        except ValidationError as exc:
            field, message = _first_error(exc)
            raise KoersImportError(f"{self._where(index, row, field)}: {message}") from None
        except (TypeError, ValueError, OverflowError) as exc:
            # A value no validator foresaw (a year 0 in a period): named, never a traceback.
            raise KoersImportError(f"{self._where(index, row)}: {exc}") from None

    def _remember(self, obj: models.Model) -> None:
        if hasattr(obj, "natural_key"):
            self.keys.setdefault(type(obj), {})[natural_key(obj)] = obj


def _missing(field: models.Field[Any, Any]) -> Any:
    """What an absent value of a NOT NULL field means: its default, or empty text (which
    full_clean then refuses when the field may not be blank)."""
    if field.has_default():
        return field.get_default()
    return "" if field.empty_strings_allowed else None


def _junk(field: models.Field[Any, Any], value: Any) -> str:
    """Why `value` cannot go into `field` though to_python might take it; "" when fine."""
    kind = field.get_internal_type()
    if isinstance(value, bool) and kind != "BooleanField":
        return f"{value!r} is true or false, not a {kind} value"
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value!r} is not a finite number"
    if kind == "JSONField" and field.has_default():
        expected = type(field.get_default())
        if value is not None and not isinstance(value, expected):
            return f"must be {'an object' if expected is dict else 'a list'}"
    return ""


def _first_error(exc: ValidationError) -> tuple[str | None, str]:
    if hasattr(exc, "error_dict"):
        field, errors = next(iter(exc.error_dict.items()))
        name = None if field == "__all__" else field
        return name, "; ".join(str(m) for e in errors for m in e.messages)
    return None, _text(exc)


def _text(exc: ValidationError) -> str:
    return "; ".join(str(message) for message in exc.messages)
