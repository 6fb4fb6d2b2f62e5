"""Make, find and revoke people's API tokens."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from koers.api.models import ApiToken

PREFIX_LENGTH = 8


class TokenError(ValueError):
    """A token that cannot be made or revoked; the message says why."""


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def add_token(email: str, name: str) -> str:
    """A new token for the active account `email`; returned once, only its digest is kept."""
    user = get_user_model()._default_manager.filter(username=email.strip().lower()).first()
    if user is None or not user.is_active:
        raise TokenError(f"no active account {email!r}")
    token = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name=name, prefix=token[:PREFIX_LENGTH], key=digest(token))
    return token


def user_of(token: str) -> Any | None:
    """The active account a valid, unrevoked token belongs to; None otherwise."""
    found = (
        ApiToken.objects.select_related("user")
        .filter(key=digest(token), revoked_at__isnull=True)
        .first()
    )
    if found is None or not found.user.is_active:
        return None
    return found.user


def revoke_token(prefix: str) -> ApiToken:
    """Revoke the token starting with `prefix` (as `koers token list` shows it)."""
    found = ApiToken.objects.filter(prefix=prefix, revoked_at__isnull=True).first()
    if found is None:
        raise TokenError(f"no active token starting with {prefix!r}")
    found.revoked_at = timezone.now()
    found.save(update_fields=["revoked_at"])
    return found


def tokens() -> list[ApiToken]:
    return list(ApiToken.objects.select_related("user").order_by("created_at", "pk"))
