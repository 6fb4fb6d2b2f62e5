from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "koers.web"
    verbose_name = _("Public site")

    def ready(self) -> None:
        from koers.web import checks  # noqa: F401 - registers the system checks
