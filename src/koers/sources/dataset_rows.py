"""Turn the sections of one dataset file into import rows (see FORMAT.md)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from koers.agendas import tiles
from koers.sources.dataset import DatasetError, Rows, as_date
from koers.sources.dataset_schema import ENTRY_KEYS, NESTED_KEYS, check_keys

FLAGS = {"provisional", "estimated", "revised"}
# Keys of a file feed that describe how to read the file (koers.sources.series.SeriesSpec).
SPEC_KEYS = frozenset(
    {"indicator", "file", "format", "filters", "geographies", "columns", "scale", "decimals"}
    | {"source"}
)
FEED_OPTIONS = ("format", "columns", "scale", "decimals", "periods", "rank")


def _source(ref: Any, where: str) -> dict[str, Any]:
    if ref is None:
        return {"source": None, "source_section": ""}
    check_keys(ref, "source_ref", f"{where}, source", NESTED_KEYS)
    return {"source": ref["document"], "source_section": str(ref.get("section") or "")}


def _text_list(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DatasetError(f"{where}: expected a list of texts")
    return list(value)


class RowBuilder:
    def __init__(self, rows: Rows, folder: Path) -> None:
        self.rows = rows
        self.folder = folder

    def add_file(self, name: str, data: dict[str, Any]) -> None:
        for section in ("sources", "geographies", "organisations", "indicators"):
            self._flat(name, section, data.get(section))
        for index, agenda in enumerate(data.get("agendas") or []):
            self._agenda(f"{name}: agendas[{index}]", agenda)
        for index, link in enumerate(data.get("links") or []):
            self._link(f"{name}: links[{index}]", link)
        self._governance(name, data.get("governance") or {})
        for section in ("observations", "targets", "decompositions"):
            self._flat(name, section, data.get(section))
        for index, feed in enumerate(data.get("feeds") or []):
            self._feed(f"{name}: feeds[{index}]", feed)

    # flat sections -----------------------------------------------------------------------

    def _flat(self, name: str, section: str, entries: Any) -> None:
        for index, entry in enumerate(entries or []):
            where = f"{name}: {section}[{index}]"
            check_keys(entry, section, where, ENTRY_KEYS)
            getattr(self, f"_{section}")(dict(entry), where)

    def _sources(self, e: dict[str, Any], where: str) -> None:
        row = {k: as_date(e.get(k)) for k in ("date", "retrieved")}
        row |= {"code": e["code"], "title": e["title"]}
        row |= {"publisher": e.get("publisher", ""), "reference": e.get("reference", "")}
        self.rows.add("sources", row, where)

    def _geographies(self, e: dict[str, Any], where: str) -> None:
        members = e.pop("members", None) or []
        if not isinstance(members, list):
            raise DatasetError(f"{where}, members: expected a list")
        e.setdefault("parent", None)
        e.setdefault("proxy", None)
        self.rows.add("geographies", e, where)
        for index, member in enumerate(members):
            self._membership(e["code"], member, f"{where}, members[{index}]")
        if "tile_layout" in e:
            self._tile_layout(e, members, where)

    def _tile_layout(self, e: dict[str, Any], members: list[Any], where: str) -> None:
        # Checked against the entry's own members before anything is written.
        codes = {m if isinstance(m, str) else m["code"] for m in members}
        try:
            tiles.check_layout(e["tile_layout"], codes)
        except tiles.TileLayoutError as exc:
            raise DatasetError(f"{where} ({e['code']}), field 'tile_layout': {exc}") from None

    def _membership(self, region: str, member: Any, where: str) -> None:
        # A plain code is a member for good; a mapping bounds it (a municipal merger).
        entry = {"code": member} if isinstance(member, str) else member
        check_keys(entry, "membership", where, NESTED_KEYS)
        row = {"region": region, "member": entry["code"]}
        row |= {k: as_date(entry.get(k)) for k in ("valid_from", "valid_to")}
        self.rows.add("geography_memberships", row, where)

    def _organisations(self, e: dict[str, Any], where: str) -> None:
        e.setdefault("parent", None)
        e.setdefault("geography", None)
        self.rows.add("organisations", e, where)

    def _indicators(self, e: dict[str, Any], where: str) -> None:
        row = {k: e[k] for k in ("code", "name_nl", "name_en", "unit", "direction", "frequency")}
        row["description_nl"] = e.get("description_nl", "")
        row["description_en"] = e.get("description_en", "")
        row["publisher"] = e.get("source", "")
        row["assessment_options"] = e.get("assessment_options") or {}
        row["additive"] = e.get("additive", False)
        row["derivation"] = e.get("derivation") or {}
        row["reported"] = e.get("reported", False)
        row["items"] = list(e.get("items") or [])
        self.rows.add("indicators", row, where)

    def _observations(self, e: dict[str, Any], where: str) -> None:
        flags = set(_text_list(e.get("flags"), f"{where}, flags"))
        if flags - FLAGS:
            raise DatasetError(f"{where}, flags: unknown flag {sorted(flags - FLAGS)[0]!r}")
        row = {k: e[k] for k in ("indicator", "geography", "value")}
        row |= {"period": str(e["period"]), "series": e.get("series", "")}
        row |= {flag: flag in flags for flag in sorted(FLAGS)}
        row |= {"note_nl": e.get("note_nl", ""), "note_en": e.get("note_en", "")}
        row |= {"source_status": e.get("source_status", "")}
        row |= {"retrieved": as_date(e.get("retrieved"))} | _source(e["source"], where)
        self.rows.add("observations", row, where)

    def _targets(self, e: dict[str, Any], where: str) -> None:
        target = e["target"]
        check_keys(target, "point", f"{where}, target", NESTED_KEYS)
        baseline = e.get("baseline") or {"period": "", "value": None}
        if e.get("baseline"):
            check_keys(baseline, "point", f"{where}, baseline", NESTED_KEYS)
        row = {k: e[k] for k in ("indicator", "geography", "kind")}
        row |= {"item": e.get("item"), "target_period": str(target["period"])}
        row |= {"target_value": target["value"], "baseline_period": str(baseline["period"])}
        row |= {"baseline_value": baseline["value"]}
        row |= {"note_nl": e.get("note_nl", ""), "note_en": e.get("note_en", "")}
        self.rows.add("targets", row | _source(e["source"], where), where)

    def _decompositions(self, e: dict[str, Any], where: str) -> None:
        from koers.assessment.decompositions import SPEC_KEYS, spec_problems

        spec = {k: e[k] for k in SPEC_KEYS if k in e}
        problems = spec_problems(spec)
        if problems:
            raise DatasetError(f"{where}: {problems[0]}")
        row = {k: e.get(k, "") for k in ("code", "name_nl", "name_en", "geography", "unit")}
        row |= {k: e.get(k, "") for k in ("description_nl", "description_en")}
        row |= {"period": str(e["period"]), "item": e.get("item"), "spec": spec}
        self.rows.add("decompositions", row | _source(e["source"], where), where)

    # agendas ----------------------------------------------------------------------------

    def _agenda(self, where: str, agenda: Any) -> None:
        check_keys(agenda, "agenda", where, NESTED_KEYS)
        code = agenda["code"]
        row = {
            k: agenda.get(k, "")
            for k in ("code", "title_nl", "title_en", "description_nl", "description_en")
        }
        row |= {"start": as_date(agenda["start"]), "end": as_date(agenda.get("end"))}
        row |= {"predecessor": agenda.get("predecessor")} | _source(agenda.get("source"), where)
        self.rows.add("agendas", row, where)
        for order, level in enumerate(agenda["levels"] or []):
            level_where = f"{where}, levels[{order}]"
            check_keys(level, "level", level_where, NESTED_KEYS)
            self.rows.add("levels", dict(level) | {"agenda": code, "order": order}, level_where)
        self._items(code, None, agenda["items"] or [], f"{where} ({code})")

    def _items(self, agenda: str, parent: str | None, items: Any, where: str) -> None:
        if not isinstance(items, list):
            raise DatasetError(f"{where}: items must be a list")
        for order, item in enumerate(items):
            self._item(agenda, parent, order, item, f"{where}, item {_label(item, order)}")

    def _item(self, agenda: str, parent: str | None, order: int, item: Any, where: str) -> None:
        check_keys(item, "item", where, NESTED_KEYS)
        code = str(item["code"])
        key = f"{agenda}/{code}"
        row = {"agenda": agenda, "code": code, "order": order, "level": f"{agenda}/{item['level']}"}
        row |= {"parent": None if parent is None else f"{agenda}/{parent}"}
        row |= {
            k: item.get(k, "") for k in ("title_nl", "title_en", "description_nl", "description_en")
        }
        row |= {
            "valid_from": as_date(item.get("valid_from")),
            "valid_to": as_date(item.get("valid_to")),
        }
        self.rows.add("items", row | _source(item.get("source"), where), where)
        self._item_parts(key, item, where)
        self._items(agenda, code, item.get("children") or [], where)

    def _item_parts(self, key: str, item: dict[str, Any], where: str) -> None:
        for index, role in enumerate(item.get("roles") or []):
            here = f"{where}, roles[{index}]"
            check_keys(role, "role", here, NESTED_KEYS)
            self.rows.add("roles", {"item": key} | dict(role), here)
        for index, milestone in enumerate(item.get("milestones") or []):
            self._milestone(key, milestone, f"{where}, milestones[{index}]")
        for index, budget in enumerate(item.get("budgets") or []):
            self._budget(key, budget, f"{where}, budgets[{index}]")
        for index, update in enumerate(item.get("updates") or []):
            self._update(key, update, f"{where}, updates[{index}]")

    def _milestone(self, key: str, m: Any, where: str) -> None:
        check_keys(m, "milestone", where, NESTED_KEYS)
        row = {
            "item": key,
            "title_nl": m["title_nl"],
            "title_en": m["title_en"],
            "status": m["status"],
        }
        row |= {"planned": as_date(m.get("planned")), "actual": as_date(m.get("actual"))}
        self.rows.add("milestones", row | _source(m["source"], where), where)

    def _budget(self, key: str, b: Any, where: str) -> None:
        check_keys(b, "budget", where, NESTED_KEYS)
        row = {"item": key, "funder": b.get("funder"), "instrument": b["instrument"]}
        row |= {k: _money(b.get(k), f"{where}, {k}") for k in ("amount", "committed", "realised")}
        row |= {k: as_date(b.get(k)) for k in ("period_start", "period_end")}
        row |= {"note_nl": b.get("note_nl", ""), "note_en": b.get("note_en", "")}
        self.rows.add("budget_lines", row | _source(b["source"], where), where)

    def _update(self, key: str, u: Any, where: str) -> None:
        check_keys(u, "update", where, NESTED_KEYS)
        row = {"item": key, "status": u["status"], "author": u.get("author")}
        row |= {k: as_date(u[k]) for k in ("period_start", "period_end")}
        for name in ("status_label", "narrative"):
            row |= {f"{name}_{lang}": u.get(f"{name}_{lang}", "") for lang in ("nl", "en")}
        for name in ("highlights", "outlook"):
            row |= {
                f"{name}_{lang}": _text_list(u.get(f"{name}_{lang}"), f"{where}, {name}_{lang}")
                for lang in ("nl", "en")
            }
        # Updates from a dataset are stamped with their period's end, so reloading gives the same rows.
        row["created_at"] = f"{row['period_end']}T00:00:00Z"
        self.rows.add("status_updates", row | _source(u["source"], where), where)

    # links and governance -----------------------------------------------------------------

    def _link(self, where: str, link: Any) -> None:
        check_keys(link, "link", where, NESTED_KEYS)
        row = {"from_item": link["from"], "to_item": link["to"], "kind": link["kind"]}
        row |= {"reason_nl": link.get("reason_nl", ""), "reason_en": link.get("reason_en", "")}
        self.rows.add("links", row, where)

    def _governance(self, name: str, governance: Any) -> None:
        if not isinstance(governance, dict) or set(governance) - {
            "bodies",
            "meetings",
            "agreements",
        }:
            raise DatasetError(f"{name}: governance holds bodies, meetings and agreements only")
        for index, body in enumerate(governance.get("bodies") or []):
            where = f"{name}: governance.bodies[{index}]"
            check_keys(body, "body", where, NESTED_KEYS)
            row = {
                k: body.get(k, "")
                for k in NESTED_KEYS["body"][0]
                | NESTED_KEYS["body"][1] - {"source", "agenda", "members"}
            }
            row |= {"agenda": body.get("agenda"), "members": list(body.get("members") or [])}
            self.rows.add("governance_bodies", row | _source(body.get("source"), where), where)
        for index, meeting in enumerate(governance.get("meetings") or []):
            where = f"{name}: governance.meetings[{index}]"
            check_keys(meeting, "meeting", where, NESTED_KEYS)
            row = {
                "code": meeting["code"],
                "body": meeting["body"],
                "date": as_date(meeting["date"]),
            }
            row |= {
                "title_nl": meeting.get("title_nl", ""),
                "title_en": meeting.get("title_en", ""),
            }
            self.rows.add("meetings", row | _source(meeting["source"], where), where)
        for index, agreement in enumerate(governance.get("agreements") or []):
            self._agreement(f"{name}: governance.agreements[{index}]", agreement)

    def _agreement(self, where: str, a: Any) -> None:
        check_keys(a, "agreement", where, NESTED_KEYS)
        # "Overdue" is derived from the due date, so it is stored as open.
        status = "open" if a["status"] == "overdue" else a["status"]
        row = {"code": a["code"], "meeting": a.get("meeting"), "text_nl": a["text_nl"]}
        row |= {"text_en": a["text_en"], "owner": a.get("owner"), "due": as_date(a.get("due"))}
        row |= {"status": status, "items": list(a.get("items") or [])}
        self.rows.add("agreements", row | _source(a["source"], where), where)

    # feeds: statistics read from files or tables -----------------------------------------

    def _feed(self, where: str, data: Any) -> None:
        check_keys(data, "feed", where, NESTED_KEYS)
        connector = data.get("connector", "file")
        row = {"name": data["name"], "indicator": data["indicator"], "connector": connector}
        row |= {"measure": data.get("measure", ""), "recording": data.get("recording", "")}
        row |= {"filters": data.get("filters") or {}, "geographies": data.get("geographies") or {}}
        row["options"] = {k: data[k] for k in FEED_OPTIONS if k in data}
        if connector == "file":
            row |= self._file_feed(where, data)
        else:
            row |= {"table": str(data.get("table", "")), "source": None}
        self.rows.add("feeds", row, where)

    def _file_feed(self, where: str, data: Any) -> dict[str, Any]:
        from koers.sources.statistics import SeriesSpec, SeriesSpecError

        spec_keys = {k: v for k, v in data.items() if k in SPEC_KEYS}
        try:
            spec = SeriesSpec.from_mapping(spec_keys, where)
        except SeriesSpecError as exc:
            raise DatasetError(str(exc)) from None
        source = data["source"]
        code = "ref-" + re.sub(r"[^a-z0-9]+", "-", str(spec.file).lower()).strip("-")[:90]
        if ("sources", code) not in self.rows.defined:
            row = {"code": code, "title": source.get("title", str(spec.file))}
            row |= {
                "publisher": source.get("publisher", ""),
                "reference": source.get("reference", str(spec.file)),
            }
            row |= {"date": None, "retrieved": as_date(source.get("retrieved"))}
            self.rows.add("sources", row, where)
        return {"table": spec.file, "source": code}


def _label(item: Any, order: int) -> str:
    return repr(item.get("code")) if isinstance(item, dict) and "code" in item else f"#{order + 1}"


def _money(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DatasetError(f"{where}: {value!r} is not a number of euros")
    return f"{value:.2f}"
