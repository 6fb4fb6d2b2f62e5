from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # Outside the language prefixes: the API speaks both languages in every answer.
    path("api/v1/", include("koers.api.urls")),
]
urlpatterns += i18n_patterns(
    path("beheer/", include("koers.web.beheer.urls")),
    path("", include("koers.reporting.urls")),
    path("", include("koers.web.urls")),
    prefix_default_language=False,
)
