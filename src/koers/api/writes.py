"""What every write shares: a person behind it, and the same answer to a repeated request."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from koers.api.models import IdempotentRequest

IDEMPOTENCY_HEADER = "Idempotency-Key"


def authenticated(request: Request) -> Any:
    """The person sending the request with their API token; 401 without one."""
    if not request.user or not request.user.is_authenticated:
        raise exceptions.NotAuthenticated(_("Send a person's API token: Authorization: Bearer ..."))
    return request.user


def idempotent(request: Request, user: Any, write: Callable[[], Response]) -> Response:
    """Run `write` once per `Idempotency-Key`: the same key with the same body gets the first
    answer again and writes nothing; the same key with another body is refused (422)."""
    key = request.headers.get(IDEMPOTENCY_HEADER, "").strip()
    if not key:
        return write()
    if len(key) > 200:
        raise exceptions.ValidationError({IDEMPOTENCY_HEADER: [_("At most 200 characters.")]})
    fingerprint = hashlib.sha256(json.dumps(request.data, sort_keys=True).encode()).hexdigest()
    earlier = IdempotentRequest.objects.filter(user=user, key=key).first()
    if earlier is not None:
        return _replay(earlier, fingerprint)
    with transaction.atomic():
        response = write()
        try:
            with transaction.atomic():
                IdempotentRequest.objects.create(
                    user=user,
                    key=key,
                    fingerprint=fingerprint,
                    status=response.status_code,
                    body=response.data,
                )
        except IntegrityError:  # the same key sent twice at once: the other one won
            raise exceptions.APIException(
                _("The same Idempotency-Key is being used; retry.")
            ) from None
    return response


class KeyReused(exceptions.APIException):
    status_code = 422
    default_detail = gettext_lazy("This Idempotency-Key was used with another request body.")
    default_code = "idempotency_key_reused"


def _replay(earlier: IdempotentRequest, fingerprint: str) -> Response:
    if earlier.fingerprint != fingerprint:
        raise KeyReused()
    return Response(earlier.body, status=earlier.status, headers={"Idempotent-Replayed": "true"})
