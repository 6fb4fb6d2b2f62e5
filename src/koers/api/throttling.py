"""Rate limits: clients without a token may read at a bounded rate (KOERS_API_ANON_RATE)."""

from __future__ import annotations

from typing import Any

from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle


class AnonymousReadThrottle(AnonRateThrottle):
    scope = "anon_read"

    def allow_request(self, request: Request, view: Any) -> bool:
        # A token holder is known and accountable; only anonymous reads are counted.
        if request.user and request.user.is_authenticated:
            return True
        return super().allow_request(request, view)
