"""Signing in: the password, the lockout after five failures, the second factor."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from koers.accounts.models import AuditEvent
from koers.accounts.tests.factories import PASSWORD
from koers.rounds.tests.world import World
from koers.web.beheer.tests.conftest import SignIn

pytestmark = pytest.mark.django_db

LOGIN = "/beheer/inloggen/"


def _post(client: Client, username: str, password: str) -> Any:
    return client.post(LOGIN, {"username": username, "password": password})


def test_an_owner_signs_in_with_password_and_reaches_my_tasks(world: World) -> None:
    client = Client()
    response = _post(client, "owner@example.org", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/beheer/"
    assert "Mijn taken" in client.get("/beheer/").content.decode()


def test_a_wrong_password_says_so_without_saying_which_part_was_wrong(world: World) -> None:
    response = _post(Client(), "owner@example.org", "not the password at all")
    assert response.status_code == 200
    assert "Het e-mailadres of het wachtwoord klopt niet" in response.content.decode()


def test_five_wrong_passwords_lock_the_account_out_even_with_the_right_one(world: World) -> None:
    client = Client()
    for _ in range(5):
        _post(client, "owner@example.org", "wrong password number")
    response = _post(client, "owner@example.org", PASSWORD)
    assert response.status_code == 429
    assert "Inloggen is voorlopig geblokkeerd" in response.content.decode()
    assert client.get("/beheer/").status_code == 302  # not signed in
    outcomes = list(
        AuditEvent.objects.filter(action__in=["sign_in", "locked_out"]).values_list(
            "action", "outcome"
        )
    )
    assert outcomes.count(("sign_in", "refused")) >= 5
    assert ("locked_out", "refused") in outcomes


def test_a_coordinator_must_set_up_and_enter_a_code_before_anything_else(world: World) -> None:
    client = Client()
    response = _post(client, "coordinator@example.org", PASSWORD)
    assert response["Location"].startswith("/beheer/inloggen/code/")
    assert client.get("/beheer/rondes/")["Location"].startswith("/beheer/inloggen/code/")
    page = client.get("/beheer/inloggen/code/").content.decode()
    assert "<svg" in page and "Sleutel" in page
    device = TOTPDevice.objects.get(user=world.coordinator)
    wrong = client.post(
        "/beheer/inloggen/code/", {"token": "000000" if totp(device.bin_key) else "111111"}
    )
    assert "Deze code klopt niet" in wrong.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # django-otp makes a second try within a second wait
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
    right = client.post("/beheer/inloggen/code/", {"token": code})
    assert right.status_code == 302
    assert client.get("/beheer/rondes/").status_code == 200
    assert TOTPDevice.objects.get(user=world.coordinator).confirmed


def test_signing_out_ends_the_session(world: World, signed_in: SignIn) -> None:
    client = signed_in(world.owner)
    assert client.post("/beheer/uitloggen/").status_code == 302
    assert client.get("/beheer/").status_code == 302


def test_the_admin_is_for_verified_administrators_only(world: World, signed_in: SignIn) -> None:
    assert Client().get("/admin/")["Location"].startswith("/admin/login/")
    assert Client().get("/admin/login/")["Location"].startswith("/beheer/inloggen/")
    assert signed_in(world.coordinator).get("/admin/login/").status_code == 403
    assert signed_in(world.administrator).get("/admin/").status_code == 200
    unverified = Client()
    unverified.force_login(world.administrator, backend="koers.accounts.backends.PolicyBackend")
    assert unverified.get("/admin/login/")["Location"].startswith("/beheer/inloggen/code/")


def test_signed_in_pages_are_never_kept_by_a_cache(world: World, signed_in: SignIn) -> None:
    response = signed_in(world.owner).get("/beheer/")
    assert response["Cache-Control"] == "no-store, private"
