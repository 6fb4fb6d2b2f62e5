"""Production: refuses to start with the unsafe defaults of development."""

from django.core.exceptions import ImproperlyConfigured

from koers.conf import env
from koers.conf.base import *  # noqa: F403

SECRET_KEY = env.get_str("KOERS_SECRET_KEY")
DEBUG = env.get_bool("KOERS_DEBUG", False)
ALLOWED_HOSTS = env.get_list("KOERS_ALLOWED_HOSTS", [])

if DEBUG:
    raise ImproperlyConfigured("KOERS_DEBUG must be false in production")
if len(SECRET_KEY) < 32 or SECRET_KEY.startswith("insecure"):
    raise ImproperlyConfigured("KOERS_SECRET_KEY must be a random string of 32 characters or more")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("KOERS_ALLOWED_HOSTS must name the host(s) Koers is served on")

STATIC_ROOT = env.get_str("KOERS_STATIC_ROOT", str(BASE_DIR / "var" / "static"))  # noqa: F405
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = False
