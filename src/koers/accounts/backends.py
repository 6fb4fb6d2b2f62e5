"""Django's permission questions (asked by the admin) answered by the policy."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from koers.accounts.policy import Action, permits


class PolicyBackend(ModelBackend):
    """Signs people in with their e-mail and password as Django's backend does; Django's
    per-model permissions, which only the admin asks, follow the policy: an
    administrator may do everything there, anybody else nothing."""

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        return bool(user_obj.is_active) and permits(user_obj, Action.USE_ADMIN)

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return bool(user_obj.is_active) and permits(user_obj, Action.USE_ADMIN)
