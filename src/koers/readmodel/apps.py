from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadModelConfig(AppConfig):
    """No models: the app is installed so Django finds its catalogue (locale/)."""

    name = "koers.readmodel"
    label = "readmodel"
    verbose_name = _("Read model")
