"""The editors' area in a real browser: a whole reporting round walked by each role through
the forms, axe-core (WCAG 2.1 AA) at 320 and 1280 px on every signed-in page, a 403 for
another organisation's task, and the lockout after repeated bad passwords."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from koers.accounts.tests.factories import PASSWORD
from koers.rounds.tests.world import World, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(transactional_db: None) -> World:
    return build_world()


@pytest.fixture
def contexts(browser: Browser) -> Iterator[list[BrowserContext]]:
    opened: list[BrowserContext] = []
    yield opened
    for context in opened:
        context.close()


def _context(browser: Browser, contexts: list[BrowserContext]) -> Page:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale="nl-NL",
        bypass_csp=True,  # axe-core is injected as an inline script; the pages need none
    )
    contexts.append(context)
    return context.new_page()


def _totp(email: str) -> str:
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user__username=email)
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def sign_in(page: Page, site: str, email: str, checked: Any = None) -> None:
    page.goto(site + "/beheer/")
    if checked:
        _clean(checked, page, page.url)
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/beheer/(inloggen/code/.*)?$"))
    if "/inloggen/code/" in page.url:
        if checked:
            _clean(checked, page, page.url)
        page.get_by_label("Code van zes cijfers uit uw authenticator-app").fill(_totp(email))
        page.get_by_role("button", name="Bevestigen").click()
        page.wait_for_url(re.compile(r"/beheer/$"))
    assert page.url.endswith("/beheer/"), page.url


def _clean(checked: Any, page: Page, url: str) -> None:
    """axe-core finds nothing at 320 and 1280 px and nothing scrolls sideways; back at 1280."""
    problems = checked(page, url)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert problems == {320: [], 1280: []}, f"{url}\n" + "\n".join(
        f"at {width}px:\n" + "\n".join(found) for width, found in problems.items() if found
    )


def test_a_whole_round_from_opening_to_the_public_page_and_the_report(
    browser: Browser, contexts: list[BrowserContext], site: str, world: World, checked: Any
) -> None:
    coordinator, owner, reviewer = (_context(browser, contexts) for _ in range(3))

    # The coordinator signs in (with the second factor) and opens the round through the form.
    sign_in(coordinator, site, "coordinator@example.org", checked)
    _clean(checked, coordinator, site + "/beheer/")
    coordinator.goto(site + "/beheer/rondes/")
    _clean(checked, coordinator, coordinator.url)
    coordinator.get_by_label("Agenda").select_option("proef")
    coordinator.get_by_label("Begin van de periode").fill("2020-07-01")
    coordinator.get_by_label("Einde van de periode").fill("2021-06-30")
    coordinator.get_by_label("Deadline").fill("2021-05-31")
    coordinator.get_by_role("button", name="Ronde openen").click()
    expect(coordinator.locator("main")).to_contain_text("De ronde is geopend: 2 taak/taken.")
    coordinator.wait_for_url("**/beheer/rondes/*/")
    round_url = coordinator.url
    _clean(checked, coordinator, round_url)

    # The owner signs in and submits through the form.
    sign_in(owner, site, "owner@example.org", checked)
    owner.get_by_role("link", name="1 Fotonica").click()
    task_url = owner.url
    _clean(checked, owner, task_url)
    owner.get_by_label("Status", exact=True).select_option("delayed")
    owner.get_by_label("Voortgang (Nederlands)").fill("De proeffabriek opent later dan gepland.")
    owner.get_by_label("Hoogtepunten (Nederlands)").fill("Subsidie toegekend")
    owner.get_by_role("group", name="Proeffabriek open").get_by_label("Geplande datum").fill(
        "2021-09-01"
    )
    owner.get_by_role("group", name="Proeffabriek open").get_by_label("Status").select_option(
        "delayed"
    )
    owner.get_by_role("button", name="Indienen ter beoordeling").click()
    expect(owner.locator("main")).to_contain_text("De voortgang is ingediend ter beoordeling.")

    # The reviewer returns it with a comment.
    sign_in(reviewer, site, "reviewer@example.org", checked)
    reviewer.goto(task_url)
    _clean(checked, reviewer, task_url)
    reviewer.get_by_label("Opmerking").fill("Noem ook de vervolgstappen.")
    reviewer.get_by_role("button", name="Terugsturen met opmerking").click()
    expect(reviewer.locator("main")).to_contain_text(
        "De voortgang is teruggestuurd naar de eigenaar."
    )

    # The owner sees the comment and resubmits, with the keyboard only.
    owner.goto(task_url)
    expect(owner.locator("main")).to_contain_text("Noem ook de vervolgstappen.")
    owner.get_by_label("Vervolgstappen (Nederlands)").fill("Bouw starten")
    owner.get_by_role("button", name="Indienen ter beoordeling").focus()
    owner.keyboard.press("Enter")
    expect(owner.locator("main")).to_contain_text("De voortgang is ingediend ter beoordeling.")

    # The coordinator approves both tasks (standing in for the other owner) and publishes.
    coordinator.goto(task_url)
    _clean(checked, coordinator, task_url)
    coordinator.get_by_role("button", name="Goedkeuren").click()
    expect(coordinator.locator("main")).to_contain_text("De voortgang is goedgekeurd.")
    _stand_in(coordinator, site, world)
    coordinator.goto(round_url)
    coordinator.get_by_role("button", name="Goedgekeurde voortgang publiceren").click()
    expect(coordinator.locator("main")).to_contain_text("Gepubliceerd: 2 voortgangsbericht(en).")
    coordinator.goto(site + "/beheer/audit/")
    _clean(checked, coordinator, coordinator.url)

    # The public action page and the report show the new update; the milestone moved.
    public = _context(browser, contexts)
    public.goto(site + "/agenda/proef/actie/1/")
    text = public.locator("main").inner_text()
    assert "De proeffabriek opent later dan gepland." in text and "Bouw starten" in text
    assert "2021-09-01" in text or "1 september 2021" in text
    public.goto(site + "/rapport/proef/2020-07-01/2021-06-30.html")
    assert "De proeffabriek opent later dan gepland." in public.content()


def _stand_in(coordinator: Page, site: str, world: World) -> None:
    from koers.rounds.models import Task

    other = Task.objects.get(item=world.other_action)
    coordinator.goto(f"{site}/beheer/taak/{other.pk}/")
    coordinator.get_by_label("Status", exact=True).select_option("on_track")
    coordinator.get_by_label("Voortgang (Nederlands)").fill("Volgens plan.")
    coordinator.get_by_role("button", name="Indienen ter beoordeling").click()
    expect(coordinator.locator("main")).to_contain_text("De voortgang is ingediend")
    coordinator.get_by_role("button", name="Goedkeuren").click()
    expect(coordinator.locator("main")).to_contain_text("De voortgang is goedgekeurd.")


def test_every_other_signed_in_page_passes_axe_at_320_and_1280(
    browser: Browser,
    contexts: list[BrowserContext],
    site: str,
    world: World,
    checked: Any,
    axe: Any,
) -> None:
    from koers.agendas.models import Agreement

    agreement = Agreement.objects.create(
        code="afspraak-1", text_nl="Samen", text_en="Together", status="open"
    )
    agreement.items.add(world.action)
    page = _context(browser, contexts)
    sign_in(page, site, "coordinator@example.org")
    for path in (
        "/beheer/agendas/",
        "/beheer/agenda/proef/",
        "/beheer/agenda/proef/nieuw/",
        "/beheer/agenda/proef/item/1/",
        "/beheer/agenda/proef/item/1/rollen/",
        "/beheer/agenda/proef/item/1/mijlpalen/",
        "/beheer/agenda/proef/item/1/geld/",
        "/beheer/afspraak/afspraak-1/",
        "/beheer/indicatoren/",
        "/beheer/indicatoren/banen/",
        "/beheer/indicatoren/banen/cijfer/",
        "/beheer/indicatoren/upload/",
        "/en/beheer/",
        "/en/beheer/rondes/",
    ):
        _clean(checked, page, site + path)
    # A form with its errors shown is checked too.
    page.goto(site + "/beheer/agenda/proef/item/1/mijlpalen/")
    page.get_by_label("Geplande datum").first.fill("")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("Er is niets opgeslagen")
    assert axe(page) == []


def test_an_owner_opening_another_organisations_task_gets_403(
    browser: Browser, contexts: list[BrowserContext], site: str, world: World, axe: Any
) -> None:
    from koers.accounts.policy import COMMAND_LINE
    from koers.rounds import service
    from koers.rounds.tests.world import DEADLINE, PERIOD

    round_ = service.open_round(world.agenda, *PERIOD, DEADLINE, COMMAND_LINE)
    theirs = round_.tasks.get(item=world.other_action)
    page = _context(browser, contexts)
    sign_in(page, site, "owner@example.org")
    response = page.goto(f"{site}/beheer/taak/{theirs.pk}/")
    assert response is not None and response.status == 403
    assert page.locator("h1").inner_text() == "Niet toegestaan"
    assert axe(page) == []


def test_repeated_bad_passwords_lock_the_account_out(
    browser: Browser, contexts: list[BrowserContext], site: str, world: World, axe: Any
) -> None:
    page = _context(browser, contexts)
    for attempt in range(1, 6):
        page.goto(site + "/beheer/inloggen/")
        page.get_by_label("E-mailadres").fill("owner@example.org")
        page.get_by_label("Wachtwoord").fill("not the right password")
        page.get_by_role("button", name="Inloggen").click()
        # The fifth wrong password already locks the account out.
        expected = "Inloggen is voorlopig geblokkeerd" if attempt == 5 else "klopt niet"
        expect(page.locator("main")).to_contain_text(expected)
    page.goto(site + "/beheer/inloggen/")
    page.get_by_label("E-mailadres").fill("owner@example.org")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    with page.expect_response(lambda r: r.url.endswith("/beheer/inloggen/")) as answer:
        page.get_by_role("button", name="Inloggen").click()
    assert answer.value.status == 429
    assert page.locator("h1").inner_text() == "Inloggen is voorlopig geblokkeerd"
    assert axe(page) == []
