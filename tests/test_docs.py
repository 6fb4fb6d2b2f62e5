"""The README documents what exists: the two commands, every CLI verb and every setting."""

from __future__ import annotations

from pathlib import Path

from koers.cli.main import build_parser
from koers.conf.env import VARIABLES

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_quick_start_is_the_two_make_commands() -> None:
    assert "make run" in README and "make test" in README
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\nrun:" in makefile and "\ntest:" in makefile


def test_every_cli_verb_is_documented() -> None:
    subparsers = next(a for a in build_parser()._actions if a.dest == "verb")
    for verb in subparsers.choices:  # type: ignore[union-attr]
        assert f"koers {verb}" in README, f"README does not mention `koers {verb}`"


def test_every_setting_is_documented() -> None:
    for name in VARIABLES:
        assert f"`{name}`" in README, f"README does not document {name}"


def test_the_export_schema_document_exists_and_names_every_entity() -> None:
    from koers.sources.entities import ENTITIES

    schema = (ROOT / "docs" / "export-format.md").read_text(encoding="utf-8")
    for entity in ENTITIES:
        assert f"`{entity.name}`" in schema, f"docs/export-format.md lacks {entity.name}"


def test_the_export_schema_document_is_generated_from_the_code() -> None:
    from koers.sources.schema_doc import render

    committed = (ROOT / "docs" / "export-format.md").read_text(encoding="utf-8")
    assert committed == render(), "run: python -m koers.sources.schema_doc > docs/export-format.md"


def test_every_page_of_the_site_is_documented() -> None:
    from koers.web.beheer.urls import urlpatterns as editors
    from koers.web.urls import urlpatterns

    for pattern in urlpatterns:
        route = str(pattern.pattern)
        if "download/" in route:
            continue
        shown = "/" + route.replace("<slug:", "<").replace("<str:", "<")
        assert f"`{shown}" in README, f"README does not document the page {shown}"
    for pattern in editors:
        route = str(pattern.pattern)
        shown = "/beheer/" + route.replace("<int:", "<").replace("<slug:", "<").replace(
            "<str:", "<"
        )
        shown = shown.split("audit.<")[0]
        assert f"`{shown}" in README, f"README does not document the page {shown}"
