"""Dependencies point one way, in floors, and the read model is reached through its surface.

(1) the domain: agendas, indicators, accounts, charts; (2) assessment, sources,
rounds; (3) the read model; (4) its renderers: reporting, web, api; (5) cli.
Nothing imports from a higher floor, renderers do not import each other, and
nothing outside `koers.readmodel` reaches past `koers.readmodel.service`; the
API reaches other apps only through their `service` (and `models`, for names
and choices).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "koers"
FLOORS = {
    "conf": 0,
    "agendas": 1,
    "indicators": 1,
    "accounts": 1,
    "charts": 1,
    "assessment": 2,
    "sources": 2,
    "rounds": 2,
    "readmodel": 3,
    "reporting": 4,
    "web": 4,
    "api": 4,
    "cli": 5,
}
# Modules kept at their old address for code written before the read model moved out.
MOVED = {"scope", "labels", "formatting", "i18n", "types", "charts"} | {
    f"build_{name}" for name in ("figures", "items", "money", "structure")
}


def imports() -> Iterator[tuple[str, str, str]]:
    """(app, module file, imported koers module) for every non-test module."""
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        if len(parts) < 2 or "tests" in parts or "migrations" in parts:
            continue
        if parts[0] == "reporting" and path.stem in MOVED:
            continue  # the compatibility names import the read model by definition
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found = [node.module]
                if node.module.count(".") == 1:  # `from koers.app import service`: a module
                    found = [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                found = [alias.name for alias in node.names]
            else:
                continue
            for module in found:
                if module.startswith("koers.") and module.split(".")[1] != parts[0]:
                    yield parts[0], str(path.relative_to(PACKAGE)), module


def test_nothing_imports_from_a_higher_floor_or_a_sibling_renderer() -> None:
    wrong = []
    for app, where, module in imports():
        other = module.split(".")[1]
        if other not in FLOORS or app not in FLOORS:
            continue
        higher = FLOORS[other] > FLOORS[app]
        sibling = FLOORS[other] == FLOORS[app] == 4
        if higher or sibling:
            wrong.append(f"{where} imports {module}")
    assert wrong == []


def test_the_read_model_is_reached_through_its_service_only() -> None:
    wrong = [
        f"{where} imports {module}"
        for app, where, module in imports()
        if module.startswith("koers.readmodel") and module != "koers.readmodel.service"
    ]
    assert wrong == []


def test_the_api_reads_other_apps_through_their_services() -> None:
    wrong = [
        f"{where} imports {module}"
        for app, where, module in imports()
        if app == "api" and module.split(".")[-1] not in ("service", "models")
    ]
    assert wrong == []


def test_the_read_model_surface_names_what_it_exports() -> None:
    from koers.readmodel import service

    missing = [name for name in service.__all__ if not hasattr(service, name)]
    assert missing == []
    assert {"Scope", "labels", "format_value", "StatusLabel", "index_assessments"} <= set(
        service.__all__
    )
