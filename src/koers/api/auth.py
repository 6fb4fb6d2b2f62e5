"""`Authorization: Bearer <token>`: a person's API token stands for that person."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from koers.api.tokens import user_of


class TokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[Any, str] | None:
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header or header[0] != self.keyword:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Send the header as: Bearer <token>."))
        user = user_of(header[1])
        if user is None:
            raise exceptions.AuthenticationFailed(_("The API token is unknown or revoked."))
        return user, header[1]

    def authenticate_header(self, request: Request) -> str:
        return self.keyword
