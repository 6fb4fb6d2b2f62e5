"""Rate limits: clients without a token may read at a bounded rate (KOERS_API_ANON_RATE)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle


class AnonymousReadThrottle(AnonRateThrottle):
    scope = "anon_read"

    def get_rate(self) -> str:
        # Read at each request, not at import, so a test or an operator's setting holds.
        return str(settings.KOERS_API_ANON_RATE)

    def allow_request(self, request: Request, view: Any) -> bool:
        # A token holder is known and accountable; only anonymous reads are counted.
        if request.user and request.user.is_authenticated:
            return True
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)
