"""The report's language, chosen per call rather than taken from the active locale.

A report in English is rendered while the site runs in Dutch (and a CLI run has
no request at all), so the language is an argument. Fixed texts come from this
app's gettext catalogue (`locale/<lang>/LC_MESSAGES/django.po`, English source
strings); texts stored in the database are picked by activating the language
around the build, so the models' bilingual properties follow it.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Final, Literal, TypeGuard

from django.utils import translation

Language = Literal["nl", "en"]
LANGUAGES: Final[tuple[Language, ...]] = ("nl", "en")
LOCALE_DIR: Final = Path(__file__).resolve().parent / "locale"

Translate = Callable[[str], str]


def is_language(value: str) -> TypeGuard[Language]:
    return value in LANGUAGES


def check_language(value: str) -> Language:
    """`value` as a report language; a clear error for anything else."""
    if is_language(value):
        return value
    raise ValueError(f"unknown language {value!r} (choose from {', '.join(LANGUAGES)})")


@lru_cache(maxsize=4)
def translator(language: Language) -> Translate:
    """The gettext function of `language` (English is the source language)."""
    if language == "en":
        return _identity
    catalogue = gettext.translation("django", LOCALE_DIR, languages=[language], fallback=True)
    return catalogue.gettext


def _identity(text: str) -> str:
    return text


@contextmanager
def active(language: Language) -> Iterator[None]:
    """Activate `language` so the models' `title`, `name`, ... properties pick it."""
    with translation.override(language):
        yield


def in_language(obj: object, field: str, language: Language) -> str:
    """`obj.<field>_<language>`, falling back to Dutch: independent of the active locale."""
    value = getattr(obj, f"{field}_{language}", "") or getattr(obj, f"{field}_nl", "")
    return str(value or "")
