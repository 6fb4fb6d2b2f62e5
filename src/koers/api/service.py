"""The api app's public Python API: people's API tokens, and the OpenAPI document."""

from __future__ import annotations

from koers.api.models import ApiToken
from koers.api.schema import document, document_text
from koers.api.tokens import TokenError, add_token, revoke_token, tokens

__all__ = [
    "ApiToken",
    "TokenError",
    "add_token",
    "document",
    "document_text",
    "revoke_token",
    "tokens",
]
