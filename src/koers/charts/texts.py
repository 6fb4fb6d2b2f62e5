"""The few words a chart draws itself, in both site languages.

Why not gettext: charts sit on the lowest floor without Django, and a report
in English is rendered while the site runs in Dutch, so the language is an
argument here rather than the active locale.
"""

from __future__ import annotations

from typing import Final

from koers.charts.model import Flag
from koers.charts.numbers import Language

_TEXTS: Final[dict[str, dict[str, str]]] = {
    "no_data": {"nl": "Geen gegevens", "en": "No data"},
    "target": {"nl": "Doel", "en": "Target"},
    "required_path": {"nl": "Benodigd pad", "en": "Required path"},
    "hollow": {
        "nl": "Open markering: voorlopig, geschat of herzien",
        "en": "Open marker: provisional, estimated or revised",
    },
    "provisional": {"nl": "voorlopig", "en": "provisional"},
    "estimated": {"nl": "geschat", "en": "estimated"},
    "revised": {"nl": "herzien", "en": "revised"},
    "summary_series": {
        "nl": "{label}: {first} in {x0} tot {last} in {x1}",
        "en": "{label}: {first} in {x0} to {last} in {x1}",
    },
    "summary_target": {"nl": "{label}: {value} in {year}", "en": "{label}: {value} by {year}"},
}


def text(key: str, language: Language) -> str:
    """The phrase `key` in `language`."""
    return _TEXTS[key][language]


def flags_text(flags: tuple[Flag, ...], language: Language) -> str:
    """Flags as words, comma-separated ("voorlopig, herzien")."""
    return ", ".join(text(flag, language) for flag in flags)
