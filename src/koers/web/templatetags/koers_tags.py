"""Template tags of the public site."""

from __future__ import annotations

from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag
def koers_translate_url(path: str, language: str) -> str:
    """The same page in another language: `/toegankelijkheid/` -> `/en/toegankelijkheid/`.

    Django's `translate_url` resolves the path and reverses it under `language`, so
    the prefix (none for Dutch, `/en/` for English) follows the URL configuration
    instead of being pasted on. A path that does not resolve comes back unchanged.
    """
    return translate_url(path, language)
