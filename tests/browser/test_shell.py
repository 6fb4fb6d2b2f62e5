"""The page shell in a real browser: accessible at 320 and 1280 px in both
languages, a language switch that keeps the page, and a keyboard walk that
starts at the skip link."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from koers.agendas.tests.factories import AgendaFactory, ItemFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ["/", "/en/", "/toegankelijkheid/", "/en/toegankelijkheid/"]
STATUSES = [
    "on_track",
    "attention",
    "delayed",
    "behind",
    "completed",
    "stopped",
    "not_available",
    "target_achieved",
    "substantial_progress",
    "moderate_progress",
    "limited_progress",
    "deterioration",
]

# What the element that has the keyboard focus is, and where it sits.
FOCUSED = """() => {
    const el = document.activeElement;
    const nav = el.closest("nav");
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
        tag: el.tagName.toLowerCase(), id: el.id, href: el.getAttribute("href"),
        text: el.textContent.trim(), nav: nav ? nav.getAttribute("aria-label") : null,
        inMain: Boolean(el.closest("main")),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        onScreen: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.width > 0,
    };
}"""


@pytest.fixture
def agenda() -> None:
    """One agenda with two items, so the landing page shows its list, not the empty notice."""
    agenda = AgendaFactory(title_nl="Nationale Actieagenda", title_en="National Action Agenda")
    ItemFactory(agenda=agenda)
    ItemFactory(agenda=agenda)


@pytest.mark.parametrize("path", PAGES)
def test_the_page_has_no_axe_violations_and_fits_320_and_1280_px(
    page: Page, site: str, agenda: None, checked: Any, path: str
) -> None:
    problems = checked(page, site + path)
    assert problems == {320: [], 1280: []}, "\n".join(
        f"at {width}px:\n" + "\n".join(found) for width, found in problems.items() if found
    )


def test_the_pages_are_in_the_language_of_their_url(page: Page, site: str) -> None:
    page.goto(site + "/")
    assert page.get_attribute("html", "lang") == "nl"
    assert page.locator("h1").inner_text() == "Agenda's"
    page.goto(site + "/en/")
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator("h1").inner_text() == "Agendas"


@pytest.mark.parametrize("dutch", ["/", "/toegankelijkheid/"])
def test_the_language_switch_goes_to_english_and_back_on_the_same_page(
    page: Page, site: str, dutch: str
) -> None:
    page.goto(site + dutch)
    page.get_by_role("navigation", name="Taal").get_by_role("link", name="English").click()
    assert page.url == f"{site}/en{dutch}"
    assert page.get_attribute("html", "lang") == "en"
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Nederlands").click()
    assert page.url == site + dutch
    assert page.get_attribute("html", "lang") == "nl"


def _tab_walk(page: Page, presses: int) -> list[dict[str, Any]]:
    stops = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    return stops


@pytest.mark.parametrize("path", ["/toegankelijkheid/", "/en/toegankelijkheid/"])
def test_a_keyboard_walk_meets_skip_link_navigation_then_language_switch(
    page: Page, site: str, path: str
) -> None:
    page.goto(site + path)
    stops = _tab_walk(page, 6)
    skip = stops[0]
    assert skip["href"] == "#main", f"first Tab stop is {skip}, not the skip link"
    assert skip["onScreen"], "the skip link stays off screen when it has the focus"
    main_nav = "Hoofdnavigatie" if path.startswith("/toegankelijkheid") else "Main navigation"
    order = [stop["nav"] for stop in stops]
    language = "Taal" if main_nav == "Hoofdnavigatie" else "Language"
    assert main_nav in order and language in order, order
    assert order.index(main_nav) < order.index(language), "language switch before the navigation"
    assert all(stop["outline"] for stop in stops), f"a Tab stop without a focus outline: {stops}"


def test_the_skip_link_moves_the_focus_to_main(page: Page, site: str) -> None:
    page.goto(site + "/en/toegankelijkheid/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    after = page.evaluate(FOCUSED)
    assert after["inMain"], f"the Tab after the skip link left main: {after}"


def test_every_status_badge_passes_contrast_in_both_colour_families(
    page: Page, site: str, axe: Any
) -> None:
    page.goto(site + "/en/")
    page.evaluate(
        """(statuses) => {
            const list = document.createElement("ul");
            for (const status of statuses) {
                const item = document.createElement("li");
                item.innerHTML = `<span class="koers-status koers-status--${status}">${status}</span>
                    <span class="nl-data-badge koers-status koers-status--${status}">${status}</span>`;
                list.append(item);
            }
            document.querySelector("main").append(list);
        }""",
        STATUSES,
    )
    backgrounds = page.eval_on_selector_all(
        "span.koers-status", "els => els.map(e => getComputedStyle(e).backgroundColor)"
    )
    assert len(set(backgrounds)) >= 6, f"the statuses share too few colours: {set(backgrounds)}"
    assert axe(page) == []


_YEARS = "".join(
    f'<th class="utrecht-table__header-cell" scope="col">{y}</th>' for y in range(2010, 2024)
)
_VALUES = '<td class="utrecht-table__cell utrecht-table__cell--numeric-data">2.41</td>' * 14
WIDE_TABLE = f"""
<div class="koers-table-wrapper" tabindex="0" role="region" aria-labelledby="wide-caption">
  <table class="utrecht-table">
    <caption id="wide-caption" class="utrecht-table__caption">Business R&amp;D expenditure</caption>
    <thead class="utrecht-table__header"><tr class="utrecht-table__row">
      <th class="utrecht-table__header-cell" scope="col">Region</th>{_YEARS}
    </tr></thead>
    <tbody class="utrecht-table__body"><tr class="utrecht-table__row">
      <th class="utrecht-table__header-cell" scope="row">Zuidoost-Noord-Brabant</th>{_VALUES}
    </tr></tbody>
  </table>
</div>"""


def test_a_wide_table_scrolls_in_its_wrapper_not_the_page_at_320_px(
    page: Page, site: str, axe: Any
) -> None:
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(site + "/en/")
    page.evaluate(
        "(html) => document.querySelector('main').insertAdjacentHTML('beforeend', html)", WIDE_TABLE
    )
    wrapper = page.locator(".koers-table-wrapper")
    assert wrapper.evaluate("el => el.scrollWidth > el.clientWidth"), "the table did not overflow"
    assert page.evaluate("() => document.documentElement.scrollWidth") == 320
    assert axe(page) == []


def test_print_leaves_out_the_navigation(page: Page, site: str) -> None:
    page.goto(site + "/")
    page.emulate_media(media="print")
    assert not page.locator(".koers-nav").is_visible()
    assert page.locator("main h1").is_visible()
