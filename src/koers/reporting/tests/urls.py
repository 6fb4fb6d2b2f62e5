"""The reporting URLs mounted at the root, for the view tests."""

from django.urls import include, path

urlpatterns = [path("", include("koers.reporting.urls"))]
