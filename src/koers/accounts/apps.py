from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "koers.accounts"
    verbose_name = _("People and audit trail")

    def ready(self) -> None:
        # Every write of a domain row is recorded from here: the signal handlers
        # are the one place the audit trail is written from.
        from koers.accounts import audit, signals

        audit.connect()
        signals.connect()
