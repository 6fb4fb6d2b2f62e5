"""No page of the shipped dataset fails: every agenda, item, indicator and
organisation in both languages answers 200, every page they link to answers
200 too, and every download, report and other-language link on them resolves."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

from koers.agendas.models import Agenda, Item, Organisation
from koers.indicators.models import Indicator
from koers.sources import service

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

HREF = re.compile(r'href="([^"#]*)"')
SKIPPED_PREFIXES = ("/static/", "/admin/", "/i18n/")


def pages() -> Iterator[str]:
    yield reverse("web:home")
    yield reverse("web:search") + "?q=talent"
    yield reverse("web:indicators")
    yield reverse("web:accessibility")
    for agenda in Agenda.objects.all():
        for name in ("web:agenda", "web:timeline", "web:money"):
            yield reverse(name, args=[agenda.code])
    for item in Item.objects.select_related("agenda"):
        yield reverse("web:item", args=[item.agenda.code, item.code])
    for indicator in Indicator.objects.all():
        yield reverse("web:indicator", args=[indicator.code])
    for organisation in Organisation.objects.all():
        yield reverse("web:organisation", args=[organisation.code])


def internal_links(html: str) -> set[str]:
    links = set()
    for href in HREF.findall(html):
        parts = urlsplit(href.replace("&amp;", "&"))
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        if not parts.path.startswith(SKIPPED_PREFIXES):
            links.add(unquote(parts.path))
    return links


def _check_link(client: Client, link: str, language: str) -> list[str]:
    # Reports take seconds each and downloads are the page's own tables (both have their
    # own tests); the other language's pages are crawled in its own run. Those links
    # only need to resolve.
    other_language = link.startswith("/en/") != (language == "en")
    if "/rapport/" in link or "/download/" in link or other_language:
        # A URL resolves under its own language's prefix.
        with translation.override("en" if link.startswith("/en/") else "nl"):
            try:
                resolve(link)
            except Resolver404:
                return [f"broken link {link}"]
        return []
    status = client.get(link).status_code
    return [] if status == 200 else [f"link {link}: {status}"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_of_the_shipped_dataset_answers_and_links_only_to_pages_that_exist(
    language: str,
) -> None:
    service.load_demo()
    client = Client()
    failures: list[str] = []
    links: set[str] = set()
    with translation.override(language):
        urls = list(pages())
    for url in urls:
        response = client.get(url)
        if response.status_code != 200:
            failures.append(f"{url}: {response.status_code}")
            continue
        links |= internal_links(response.content.decode())
    for link in sorted(links - set(urls)):
        failures.extend(_check_link(client, link, language))
    assert failures == []
    assert len(urls) > 300  # four agendas, their items, indicators and organisations
