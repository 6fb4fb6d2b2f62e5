"""A folder of recorded CBS API responses and its manifest, `index.json` (no Django).

Each endpoint's response is a file, exactly as the API returned it; `index.json` says
which file answers which endpoint:

    {
      "tableId": "81955NED",
      "api": "v4",                     # or "v3"; v4 when absent
      "source": "https://datasets.cbs.nl/odata/v1/CBS/81955NED",
      "retrieved": "2026-12-05",       # optional
      "measures": [], "filters": {"RegioS": ["GM0772"]},   # optional: what was asked
      "files": {"properties": "properties.json", "dimensions": "dimensions.json",
                "measure-codes": "measure-codes.json", "codes-RegioS": "codes-RegioS.json"},
      "observationPages": ["observations-0001.json", "observations-0002.json"]
    }

v4 keys: `properties`, `dimensions`, `measure-codes` and `codes-<Dimension>` (the
`<Dimension>Codes` endpoints), pages of `Observations` in order. v3 keys (all
optional): `table-infos`, `data-properties`, `codes-<Dimension>`, and `dataPages`:
the pages of `TypedDataSet` or `UntypedDataSet`. File names are relative to the folder.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from koers.sources.cbs_codes import CbsError, Selection
from koers.sources.cbs_http import parse_json

MANIFEST = "index.json"
PAGES = {"v4": "observationPages", "v3": "dataPages"}


@dataclass(frozen=True)
class Manifest:
    folder: Path
    table_id: str
    api: str
    source: str
    retrieved: dt.date | None
    files: Mapping[str, str]
    pages: tuple[str, ...]
    recorded: Selection = field(default_factory=Selection)  # what the recording was asked for

    @property
    def where(self) -> str:
        return str(self.folder / MANIFEST)

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        path = folder / MANIFEST
        if not path.is_file():
            raise CbsError(str(folder), f"no {MANIFEST}: not a folder of recorded CBS responses")
        data = _object(read_json(path), str(path), None)
        api = _text(data.get("api", "v4"), str(path), "api")
        if api not in PAGES:
            raise CbsError(str(path), f"{api!r} is not one of {sorted(PAGES)}", field="api")
        return cls(
            folder=folder,
            table_id=_text(data.get("tableId"), str(path), "tableId"),
            api=api,
            source=_text(data.get("source", str(folder)), str(path), "source"),
            retrieved=_date(data.get("retrieved"), str(path)),
            files=_files(data.get("files", {}), str(path)),
            pages=_pages(data.get(PAGES[api]), str(path), PAGES[api]),
            recorded=_selection(data, str(path)),
        )

    def has(self, key: str) -> bool:
        return key in self.files

    def path(self, key: str) -> Path:
        """The file answering `key`; CbsError when the manifest or the folder lacks it."""
        name = self.files.get(key)
        if name is None:
            raise CbsError(self.where, f"no file for {key!r}", field="files")
        return self.file(name, f"files.{key}")

    def file(self, name: str, field: str) -> Path:
        path = self.folder / name
        if not path.is_file():
            raise CbsError(self.where, f"{name} is not in {self.folder}", field=field)
        return path

    def page_paths(self) -> list[Path]:
        return [self.file(name, PAGES[self.api]) for name in self.pages]

    def document(self, key: str) -> tuple[object, str]:
        path = self.path(key)
        return read_json(path), str(path)


def read_json(path: Path) -> object:
    return parse_json(path.read_bytes(), str(path))


def write_manifest(manifest: Manifest) -> None:
    data = {
        "tableId": manifest.table_id,
        "api": manifest.api,
        "source": manifest.source,
        "retrieved": manifest.retrieved.isoformat() if manifest.retrieved else None,
        **manifest.recorded.as_json(),
        "files": dict(manifest.files),
        PAGES[manifest.api]: list(manifest.pages),
    }
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    (manifest.folder / MANIFEST).write_text(text, encoding="utf-8")


def _object(value: object, where: str, field: str | None) -> dict[str, object]:
    if not isinstance(value, dict):
        raise CbsError(where, "expected a JSON object", field=field)
    return value


def _text(value: object, where: str, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CbsError(where, "expected a non-empty text", field=field)
    return value.strip()


def _relative(name: object, where: str, field: str) -> str:
    text = _text(name, where, field)
    parts = PurePosixPath(text).parts
    if text.startswith(("/", "\\")) or ".." in parts or "\\" in text:
        raise CbsError(where, f"{text!r} must be a file name inside the folder", field=field)
    return text


def _files(value: object, where: str) -> dict[str, str]:
    files = _object(value, where, "files")
    return {str(key): _relative(name, where, f"files.{key}") for key, name in files.items()}


def _pages(value: object, where: str, field: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise CbsError(where, "expected a list of page files", field=field)
    return tuple(_relative(name, where, f"{field}[{number}]") for number, name in enumerate(value))


def _date(value: object, where: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise CbsError(where, f"{value!r} is not a date (2026-12-05)", field="retrieved") from None


def _selection(data: Mapping[str, object], where: str) -> Selection:
    measures = data.get("measures", [])
    filters = _object(data.get("filters", {}), where, "filters")
    if not isinstance(measures, list) or not all(isinstance(m, str) for m in measures):
        raise CbsError(where, "expected a list of measure codes", field="measures")
    words = [f"{name}={code}" for name, codes in filters.items() for code in _codes(codes, where)]
    try:
        return Selection.parse(measures, words)
    except ValueError as exc:
        raise CbsError(where, str(exc), field="filters") from None


def _codes(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise CbsError(where, "expected lists of codes", field="filters")
    return value
