"""Which keys each kind of dataset entry requires and allows (see FORMAT.md)."""

from __future__ import annotations

from typing import Any

SOURCE = {"source"}
BILINGUAL_NOTE = {"note_nl", "note_en"}

# kind: (required keys, optional keys)
ENTRY_KEYS: dict[str, tuple[set[str], set[str]]] = {
    "sources": ({"code", "title"}, {"publisher", "date", "reference", "retrieved"}),
    "organisations": ({"code", "name_nl", "name_en", "kind", "helix"}, {"parent", "geography"}),
    "geographies": (
        {"code", "level", "name_nl", "name_en"},
        {"parent", "members", "proxy", "tile_layout"},
    ),
    "indicators": (
        {"code", "name_nl", "name_en", "unit", "direction", "frequency"},
        {
            "description_nl",
            "description_en",
            "source",
            "items",
            "assessment_options",
            "additive",
            "derivation",
            "reported",
        },
    ),
    "observations": (
        {"indicator", "geography", "period", "value"} | SOURCE,
        {"flags", "series", "retrieved", "source_status"} | BILINGUAL_NOTE,
    ),
    "targets": (
        {"indicator", "geography", "kind", "target"} | SOURCE,
        {"item", "baseline"} | BILINGUAL_NOTE,
    ),
    "decompositions": (
        {"code", "name_nl", "name_en", "geography", "period"} | SOURCE,
        {"description_nl", "description_en", "item", "unit", "sums", "shares", "demand"}
        | {"supply"},
    ),
}

NESTED_KEYS: dict[str, tuple[set[str], set[str]]] = {
    "agenda": (
        {"code", "title_nl", "title_en", "start", "levels", "items"},
        {"description_nl", "description_en", "end", "predecessor", "source"},
    ),
    "level": ({"code", "name_nl", "name_en"}, set()),
    "item": (
        {"code", "level", "title_nl", "title_en"},
        {
            "description_nl",
            "description_en",
            "valid_from",
            "valid_to",
            "source",
            "roles",
            "milestones",
            "budgets",
            "updates",
            "children",
        },
    ),
    "role": ({"organisation", "role"}, set()),
    "milestone": ({"title_nl", "title_en", "status"} | SOURCE, {"planned", "actual"}),
    "budget": (
        {"instrument", "amount"} | SOURCE,
        {"funder", "committed", "realised", "period_start", "period_end"} | BILINGUAL_NOTE,
    ),
    "update": (
        {"period_start", "period_end", "status"} | SOURCE,
        {
            "status_label_nl",
            "status_label_en",
            "narrative_nl",
            "narrative_en",
            "highlights_nl",
            "highlights_en",
            "outlook_nl",
            "outlook_en",
            "author",
        },
    ),
    "link": ({"from", "to", "kind"}, {"reason_nl", "reason_en"}),
    "body": (
        {"code", "name_nl", "name_en"},
        {
            "agenda",
            "description_nl",
            "description_en",
            "frequency_nl",
            "frequency_en",
            "members",
            "source",
        },
    ),
    "meeting": ({"code", "body", "date"} | SOURCE, {"title_nl", "title_en"}),
    "agreement": (
        {"code", "text_nl", "text_en", "status"} | SOURCE,
        {"meeting", "owner", "due", "items"},
    ),
    "membership": ({"code"}, {"valid_from", "valid_to"}),
    "feed": (
        {"name", "indicator"},
        {"connector", "file", "table", "measure", "format", "filters", "geographies"}
        | {"columns", "scale", "decimals", "periods", "rank", "recording", "source"},
    ),
    "source_ref": ({"document"}, {"section"}),
    "point": ({"period", "value"}, set()),
}


def check_keys(
    entry: Any, kind: str, where: str, table: dict[str, tuple[set[str], set[str]]]
) -> None:
    """Raise DatasetError naming `where` when an entry misses a key or has an unknown one."""
    from koers.sources.dataset import DatasetError

    if not isinstance(entry, dict):
        raise DatasetError(f"{where}: expected a mapping, got {type(entry).__name__}")
    required, optional = table[kind]
    missing = required - set(entry)
    if missing:
        raise DatasetError(f"{where}: missing field {sorted(missing)[0]!r}")
    unknown = set(entry) - required - optional
    if unknown:
        raise DatasetError(f"{where}: unknown field {sorted(unknown)[0]!r}")
