"""Fixtures of the editors' area: the small agenda with every role, and signed-in clients."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from koers.rounds.tests.world import World, build_world

SignIn = Callable[[Any], Client]


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture
def signed_in() -> SignIn:
    """A client signed in as `user`, with a verified second factor (as after the code step)."""

    def sign_in(user: Any) -> Client:
        client = Client(REMOTE_ADDR="192.0.2.10")
        client.force_login(user, backend="koers.accounts.backends.PolicyBackend")
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
        return client

    return sign_in
