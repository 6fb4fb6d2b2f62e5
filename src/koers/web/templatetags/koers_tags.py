"""Template tags of the public site."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import template
from django.urls import translate_url
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from koers.charts.numbers import MISSING, Language, format_number
from koers.web.tables import Badge, Link, Links

register = template.Library()


@register.simple_tag
def koers_translate_url(path: str, language: str) -> str:
    """The same page in another language: `/toegankelijkheid/` -> `/en/toegankelijkheid/`.

    Django's `translate_url` resolves the path and reverses it under `language`, so
    the prefix (none for Dutch, `/en/` for English) follows the URL configuration
    instead of being pasted on. A path that does not resolve comes back unchanged.
    """
    return translate_url(path, language)


@register.filter
def cell(value: object) -> str:
    """A table cell as the page shows it: numbers in the page's language, dates ISO, None as –,
    links as links and statuses as badges."""
    if value is None:
        return MISSING
    if isinstance(value, Link):
        return format_html('<a href="{}">{}</a>', value.url, value.text)
    if isinstance(value, Links):
        return format_html_join(
            "; ", '<a href="{}">{}</a>', ((link.url, link.text) for link in value.links)
        )
    if isinstance(value, Badge):
        return status_badge(value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return format_number(float(value), _language())
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


@register.filter
def number(value: float | Decimal | None, decimals: int | None = None) -> str:
    """`{{ value|number }}` or `{{ value|number:1 }}`: 62.000 in Dutch, 62,000 in English."""
    return format_number(None if value is None else float(value), _language(), decimals)


def _language() -> Language:
    return "en" if (get_language() or "nl").startswith("en") else "nl"


@register.simple_tag
def download_url(base: str, table: str, fmt: str) -> str:
    """`{% download_url download_base 'milestones' 'csv' %}` -> `<base>milestones.csv`."""
    return f"{base}{table}.{fmt}"


@register.filter
def status_badge(status: object) -> SafeString:
    """`{{ status|status_badge }}`: a status word in a badge whose colour and shape follow its tone.

    `status` is anything with `code`, `label` and `tone` (a report StatusLabel, a Badge).
    The word is always printed: colour and shape only repeat it (WCAG 1.4.1).
    """
    code = getattr(status, "code", "none")
    tone = getattr(status, "tone", "none")
    label = getattr(status, "label", "")
    return format_html(
        '<span class="koers-status koers-status--{} koers-tone--{}">{}</span>', code, tone, label
    )
