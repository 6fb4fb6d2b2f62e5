"""Write docs/export-format.md from the entity table, so the schema document cannot drift.

Run `python -m koers.sources.schema_doc > docs/export-format.md` after a model change;
a test fails while the committed document differs from what this prints.
"""

from __future__ import annotations

import os

INTRO = """# The Koers JSON export format

`koers export --format json` writes one UTF-8 JSON document holding every entity;
`koers import json FILE` reads it back, atomically: all of it or nothing. The
export is deterministic: the same data gives the same bytes, so exports can be
compared with `diff` and kept in version control.

```json
{"format": "koers", "version": 1, "schema": "docs/export-format.md",
 "entities": [{"name": "sources", "model": "agendas.SourceDocument",
               "description": "...", "fields": [...], "rows": [{...}, ...]}, ...]}
```

- Entities come in dependency order; rows refer to other rows by natural key
  (a code, or `agenda/item` for items and level types), never by database id.
- Each entity carries `fields`, a description of its row keys: `type`, whether
  it is `required`, which entity a key `references`, and the allowed `choices`.
- Values: dates `YYYY-MM-DD`, datetimes in UTC `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`,
  money as a decimal string with two decimals (`"10700000.00"`), numbers as JSON
  numbers, many-to-many references as a sorted list of keys.
- Rows are sorted by their canonical encoding.
- Observations and status updates are append-only: a correction is another row
  with a later `recorded_at` / `created_at`; the latest one is current.
- Audit history (who changed what when) belongs to an installation and is not
  part of the document.

## Entities
"""


def render() -> str:
    from koers.sources.entities import ENTITIES
    from koers.sources.jsonio import describe_fields

    parts = [INTRO]
    for entity in ENTITIES:
        parts.append(
            f"\n### `{entity.name}` ({entity.label})\n\n{entity.description[0].upper()}{entity.description[1:]}.\n"
        )
        parts.append("\n| field | type | required | references / choices |\n|---|---|---|---|\n")
        for field in describe_fields(entity):
            extra = field.get("references") or ", ".join(field.get("choices", []))
            required = "yes" if field["required"] else "no"
            parts.append(f"| `{field['name']}` | {field['type']} | {required} | {extra} |\n")
    return "".join(parts)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.conf.test")
    import django

    django.setup()
    print(render(), end="")
