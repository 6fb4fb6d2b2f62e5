"""Sign-ins, sign-outs and failed sign-ins go to the audit trail."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from koers.accounts import audit


def _signed_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit.record("sign_in", user)


def _signed_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        audit.record("sign_out", user)


def _failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    # The password never reaches the record; Django masks it in `credentials` as well.
    audit.record_refusal("sign_in", str(credentials.get("username", "")))


def connect() -> None:
    user_logged_in.connect(_signed_in, dispatch_uid="koers_audit_sign_in")
    user_logged_out.connect(_signed_out, dispatch_uid="koers_audit_sign_out")
    user_login_failed.connect(_failed, dispatch_uid="koers_audit_sign_in_failed")
