"""Browser tests: Debian's Chromium driven by Playwright, axe-core for accessibility.

The site runs in pytest-django's live server. Chromium is never downloaded
(no `playwright install`): the tests use /usr/bin/chromium and skip without
it, except in CI (`CI=true`), where a missing browser is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright
from pytest_django.live_server_helper import LiveServer

# Playwright's sync API runs an event loop in this thread, so Django takes the
# test's database calls for calls from async code, although nothing runs concurrently.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path(os.environ.get("KOERS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = (320, 1280)


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set KOERS_CHROMIUM)"
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    _require_chromium()
    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture
def site(live_server: LiveServer) -> str:
    """The live server's base URL, without a trailing slash."""
    return live_server.url.rstrip("/")


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 800},
        locale="nl-NL",
        bypass_csp=True,  # axe-core is injected as an inline script; the pages need none
    )
    opened = context.new_page()
    yield opened
    context.close()


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """The WCAG 2.1 A/AA violations axe-core finds on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    violations: list[dict[str, Any]] = page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map((n) => n.target.join(" ") + " :: " + n.failureSummary),
            }));
        }""",
        AXE_TAGS,
    )
    return violations


def describe(violations: list[dict[str, Any]]) -> str:
    """A readable failure message: rule, impact, help and the offending nodes."""
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"    {node}" for node in v["nodes"][:5])
    return "\n".join(lines)


def horizontal_overflow(page: Page) -> int:
    """How many CSS pixels the page is wider than the viewport (0 when it fits)."""
    overflow: int = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    return overflow


def check_page(page: Page, url: str, widths: tuple[int, ...] = WIDTHS) -> dict[int, list[str]]:
    """Open `url` at each width; return the problems found per width (empty when clean).

    A problem is an axe-core violation or, at any width, a page that scrolls sideways
    (WCAG 1.4.10 reflow: 320 px must need no horizontal scrolling).
    """
    problems: dict[int, list[str]] = {}
    for width in widths:
        page.set_viewport_size({"width": width, "height": 800})
        response = page.goto(url)
        assert response is not None and response.status == 200, f"{url} answered {response}"
        found = [describe([v]) for v in axe_violations(page)]
        overflow = horizontal_overflow(page)
        if overflow > 0:
            found.append(f"- the page is {overflow}px wider than the {width}px viewport")
        problems[width] = found
    return problems


# The helpers as fixtures, so test modules need not import conftest.
AxeViolations = Callable[[Page], list[dict[str, Any]]]
CheckPage = Callable[[Page, str], dict[int, list[str]]]


@pytest.fixture
def axe() -> AxeViolations:
    return axe_violations


@pytest.fixture
def checked() -> CheckPage:
    return check_page
