"""The whole site's URLs (the reports are at the root), so a 404 renders the site's page."""

from koers.urls import urlpatterns

__all__ = ["urlpatterns"]
