"""axe-core on every page reachable from home, with the shipped dataset.

Every page linked from the home page (in Dutch and in English), and from
there one page of every other kind (an action, an indicator, an organisation,
milestones, money, search), is opened at 320 and 1280 px wide and must show
zero WCAG 2.0/2.1 A and AA violations and no sideways scrolling.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# One page of each kind, found by following links the way a visitor would.
KINDS = {
    "action": r"/agenda/[^/]+/actie/[^/]+/$",
    "indicator": r"/indicatoren/[^/]+/$",
    "organisation": r"/organisatie/[^/]+/$",
    "timeline": r"/agenda/[^/]+/mijlpalen/$",
    "money": r"/agenda/[^/]+/geld/$",
}
NOT_PAGES = re.compile(r"/(static|admin|i18n)/|/download/|/rapport/")


@pytest.fixture
def brainport(transactional_db: None) -> Iterator[None]:
    from koers.sources import service

    service.load_demo()
    yield


def links(page: Page, site: str) -> list[str]:
    hrefs: list[str] = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    found = []
    for href in hrefs:
        parts = urlsplit(href)
        if href.startswith(site) and not NOT_PAGES.search(parts.path):
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            found.append(path)
    return list(dict.fromkeys(found))


def pages_to_check(page: Page, site: str) -> list[str]:
    start = ["/", "/en/"]
    seen = dict.fromkeys(start)
    for home in start:
        page.goto(site + home)
        seen.update(dict.fromkeys(links(page, site)))
    for pattern in KINDS.values():
        if not any(re.search(pattern, url.split("?")[0]) for url in seen):
            seen[_first_deeper(page, site, list(seen), pattern)] = None
    seen["/zoeken/?q=talent"] = None
    return list(seen)


def _first_deeper(page: Page, site: str, starts: list[str], pattern: str) -> str:
    for url in starts:
        page.goto(site + url)
        for link in links(page, site):
            if re.search(pattern, link.split("?")[0]):
                return link
    raise AssertionError(f"no page matching {pattern} is reachable from home")


def test_every_page_reachable_from_home_has_no_axe_violations_at_320_and_1280_px(
    brainport: None, page: Page, site: str, checked: Callable[[Page, str], dict[int, list[str]]]
) -> None:
    urls = pages_to_check(page, site)
    problems = {}
    for url in urls:
        found = {width: issues for width, issues in checked(page, site + url).items() if issues}
        if found:
            problems[url] = found
    assert len(urls) >= 12
    assert problems == {}, "\n".join(
        f"{url} @ {width}px\n" + "\n".join(issues)
        for url, by_width in problems.items()
        for width, issues in by_width.items()
    )
