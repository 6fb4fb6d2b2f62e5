"""The dashboard in a real browser, on the shipped Brainport data: the language
switch keeps the page, search finds an action by a word of its title, a
downloaded table holds the numbers the page shows, the as-of form works, and the
main navigation can be walked and used with the keyboard alone."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def brainport(transactional_db: None) -> Iterator[None]:
    from koers.sources import service

    service.load_demo()
    yield


def test_the_language_switch_keeps_the_action_page(page: Page, site: str, brainport: None) -> None:
    page.goto(site + "/agenda/bna/actie/4a/")
    assert page.locator("h1").inner_text() == "4a Artificiële Intelligentie"
    page.get_by_role("navigation", name="Taal").get_by_role("link", name="English").click()
    assert page.url == site + "/en/agenda/bna/actie/4a/"
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator("h1").inner_text() == "4a Artificial intelligence"
    assert page.get_by_role("heading", name="According to its owner").is_visible()


def test_search_finds_an_action_by_a_word_of_its_title(
    page: Page, site: str, brainport: None
) -> None:
    page.goto(site + "/en/")
    page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Search"
    ).click()
    page.get_by_label("Search actions, indicators and organisations").fill("photonics")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=photonics"))
    result = page.get_by_role("link", name=re.compile(r"^4b "))
    result.click()
    assert page.url.endswith("/en/agenda/bna/actie/4b/")


def _cells(page: Page, caption: str) -> list[list[str]]:
    table = page.locator("table", has=page.locator("caption", has_text=caption))
    return table.locator("tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()))"
    )


def test_downloaded_tables_hold_the_numbers_on_the_page(
    page: Page, site: str, brainport: None, tmp_path: Path
) -> None:
    page.goto(site + "/en/agenda/htsm2020/geld/")
    shown = _cells(page, "Per funder")
    with page.expect_download() as csv_download:
        page.get_by_role("link", name="CSV (Per funder)").click()
    text = csv_download.value.path().read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["group"] for row in rows] == [cells[0] for cells in shown]
    for row, cells in zip(rows, shown, strict=True):
        assert f"{int(row['amount_eur']):,}" == cells[1]  # 1,000,000 on the English page
    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Excel (Per funder)").click()
    assert xlsx_download.value.suggested_filename == "htsm2020-money-by-funder.xlsx"
    xlsx_download.value.save_as(tmp_path / "by-funder.xlsx")
    sheet = load_workbook(tmp_path / "by-funder.xlsx").active
    assert sheet is not None
    assert [int(c.value) for c in sheet["B"][1:]] == [int(row["amount_eur"]) for row in rows]
    with page.expect_download() as json_download:
        page.get_by_role("link", name="JSON (Per funder)").click()
    document = json.loads(json_download.value.path().read_text(encoding="utf-8"))
    assert [r["amount_eur"] for r in document["rows"]] == [int(row["amount_eur"]) for row in rows]


def test_the_as_of_form_shows_an_earlier_day(page: Page, site: str, brainport: None) -> None:
    page.goto(site + "/en/agenda/bna/")
    page.get_by_label("Show the agenda as it stood on").fill("2019-06-30")
    page.get_by_role("button", name="Show").click()
    assert "datum=2019-06-30" in page.url
    assert (
        page.get_by_role("status")
        .inner_text()
        .startswith("You are looking at the agenda as it stood on 30 June 2019")
    )


def test_the_main_navigation_works_by_keyboard_alone(
    page: Page, site: str, brainport: None
) -> None:
    page.goto(site + "/en/")
    seen = []
    for _ in range(8):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("() => document.activeElement.textContent.trim()"))
        if seen[-1] == "Indicators":
            break
    assert seen[0] == "Skip to main content"
    assert seen[-1] == "Indicators", f"the Tab stops were {seen}"
    page.keyboard.press("Enter")
    page.wait_for_url(site + "/en/indicatoren/")
    assert page.locator("h1").inner_text() == "Indicators"
    # The skip link then leads past the navigation into the page's own links.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("() => Boolean(document.activeElement.closest('main'))")
