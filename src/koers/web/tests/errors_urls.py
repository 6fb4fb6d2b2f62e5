"""The site's URLs plus one address that fails, for the error page tests."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpRequest, HttpResponse
from django.urls import path

from koers.urls import urlpatterns as site


def fails(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a deliberate failure")


urlpatterns = [*site, *i18n_patterns(path("faalt/", fails), prefix_default_language=False)]
