from django.contrib.admin.apps import AdminConfig


class KoersAdminConfig(AdminConfig):
    """Django's admin with Koers' site: administrators only, signed in as in the editors' area."""

    default_site = "koers.web.beheer.admin_site.KoersAdminSite"
