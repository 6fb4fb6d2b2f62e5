"""Name the actor of every request for the audit trail."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from koers.accounts import audit
from koers.accounts.people import person_of


class AuditActorMiddleware:
    """The signed-in person (or nobody), from the client's address, for this request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        operation = uuid.uuid4().hex
        with audit.acting(lambda: actor_of(request, operation)):
            return self.get_response(request)


def actor_of(request: HttpRequest, operation: str) -> audit.Actor:
    user = getattr(request, "user", None)
    channel = "admin" if request.path.startswith("/admin/") else "web"
    if request.path.startswith("/api/"):
        channel = "api"
    origin = str(request.META.get("REMOTE_ADDR", ""))
    if user is None or not user.is_authenticated:
        return audit.Actor("", origin=origin, channel=channel, operation=operation)
    # Asked at every write: the person is read once per request and account.
    kept: tuple[object, audit.Actor] | None = getattr(request, "_koers_actor", None)
    if kept is not None and kept[0] == user.pk:
        return kept[1]
    person = person_of(user)
    actor = audit.Actor(
        email=user.get_username(),
        name=person.name if person else "",
        organisation=person.organisation.code if person else "",
        origin=origin,
        channel=channel,
        operation=operation,
    )
    request._koers_actor = (user.pk, actor)  # type: ignore[attr-defined]
    return actor
