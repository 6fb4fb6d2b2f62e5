"""The pages of issue 16 in a real browser, on the shipped Brainport data: zero axe-core
violations at 320 and 1280 px in Dutch and English, and use by keyboard alone."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Page

CheckPage = Callable[[Page, str], dict[int, list[str]]]

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = [
    "/regios-vergeleken/",
    "/en/regios-vergeleken/",
    "/balansen/",
    "/en/balansen/",
    "/balansen/talent-balance-2032/",
    "/en/balansen/talent-balance-2032/?lever-0=20000",
    "/balansen/talent-balance-2032/?lever-0=-1",  # with an error message
    "/agenda/brainport2030/herkomst/",
    "/en/agenda/brainport2030/herkomst/",
    "/",  # every agenda at a glance
    "/en/",
    "/agenda/bna/",  # at a glance
    "/en/agenda/brainport2030/",
    "/agenda/bna/plankwaliteit/",  # plan quality
    "/en/agenda/bna/plankwaliteit/",
    "/indicatoren/new-build-homes/",  # by municipality: the tile map and its table
    "/en/indicatoren/new-build-homes/",
]


@pytest.fixture
def brainport(transactional_db: None) -> Iterator[None]:
    from koers.sources import service

    service.load_demo()
    yield


def test_the_new_pages_have_no_axe_violations(
    page: Page, site: str, brainport: None, checked: CheckPage
) -> None:
    problems = {}
    for url in PAGES:
        found = {width: issues for width, issues in checked(page, site + url).items() if issues}
        if found:
            problems[url] = found
    assert not problems, problems


def test_the_peer_page_contents_work_by_keyboard(page: Page, site: str, brainport: None) -> None:
    page.goto(site + "/en/regios-vergeleken/")
    # From the page's first contents link, Tab walks the contents in order.
    links = page.locator("nav[aria-labelledby='peers-contents'] a")
    links.first.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == links.nth(1).inner_text()
    target = page.evaluate("() => document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(site + "/en/regios-vergeleken/" + target)
    # The scrollable tables take the focus, so their rows can be read by keyboard.
    page.locator(f"section[aria-labelledby='{target[1:]}'] .koers-table-wrap").first.focus()
    assert page.evaluate("() => document.activeElement.classList.contains('koers-table-wrap')")


def test_the_what_if_works_by_keyboard_alone(page: Page, site: str, brainport: None) -> None:
    page.goto(site + "/en/balansen/talent-balance-2032/")
    field = page.get_by_label("Additional technical graduates")
    field.focus()
    field.fill("20000")
    page.keyboard.press("Enter")  # submits the form
    page.wait_for_url("**lever-0=20000**")
    status = page.locator("[role=status]").inner_text()
    assert "a gap of 11,700 jobs" in status


def test_the_lineage_page_is_reached_from_the_agenda_menu_by_keyboard(
    page: Page, site: str, brainport: None
) -> None:
    page.goto(site + "/en/agenda/brainport2030/")
    link = page.locator("nav.koers-subnav a", has_text="Lineage")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(site + "/en/agenda/brainport2030/herkomst/")
    assert page.locator("h1").inner_text().startswith("Lineage:")


def test_the_plan_quality_page_is_reached_from_the_agenda_menu_by_keyboard(
    page: Page, site: str, brainport: None
) -> None:
    page.goto(site + "/en/agenda/bna/")
    link = page.locator("nav.koers-subnav a", has_text="Plan quality")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(site + "/en/agenda/bna/plankwaliteit/")
    assert page.locator("h1").inner_text().startswith("Plan quality:")
    # The gaps table scrolls, so it takes the focus and its rows can be read by keyboard.
    gaps = page.locator(".koers-table-wrap[aria-labelledby='table-gaps-caption']")
    gaps.focus()
    assert page.evaluate("() => document.activeElement.getAttribute('aria-labelledby')") == (
        "table-gaps-caption"
    )


def test_the_municipalities_table_and_its_downloads_work_by_keyboard(
    page: Page, site: str, brainport: None
) -> None:
    page.goto(site + "/en/indicatoren/new-build-homes/")
    section = page.locator("section[aria-labelledby='by-municipality']")
    assert section.locator("svg[role=img]").count() == 1
    section.locator(".koers-table-wrap").focus()
    assert page.evaluate("() => document.activeElement.getAttribute('aria-labelledby')") == (
        "table-municipalities-caption"
    )
    # The map is an image, no tab stop: Tab goes from the table to its first download.
    page.keyboard.press("Tab")
    href = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert href.endswith("download/municipalities.csv")
