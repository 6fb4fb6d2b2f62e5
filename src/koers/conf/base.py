"""Settings shared by every environment. Values come from environment variables (see env.py)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import django_stubs_ext
from django.utils.translation import gettext_lazy as _

from koers.conf import env, logs

# Lets admin and manager classes be written with generic parameters for mypy.
django_stubs_ext.monkeypatch()

PACKAGE_DIR = Path(__file__).resolve().parents[1]
# The checkout (two levels above src/koers); var/ there holds the default SQLite file.
BASE_DIR = PACKAGE_DIR.parents[1]

SECRET_KEY = env.get_str("KOERS_SECRET_KEY", "insecure-development-key-change-me")
DEBUG = env.get_bool("KOERS_DEBUG", False)
ALLOWED_HOSTS = env.get_list("KOERS_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    "koers.web.beheer.apps.KoersAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "koers.agendas",
    "koers.indicators",
    "koers.accounts",
    "koers.rounds",
    "koers.sources",
    "koers.readmodel",
    "koers.reporting",
    "koers.web",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "koers.api",
]

MIDDLEWARE = [
    # First: every log line of a request carries its id (koers.web.observability).
    "koers.web.observability.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Public pages only read (405), HEAD has no body, Permissions-Policy (koers.web.security).
    "koers.web.security.PublicSiteMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The API's design rules on every /api/ response: version header, CORS, ETag, problem+json;
    # after LocaleMiddleware, so the API's language follows Accept-Language (no URL prefix).
    "koers.api.middleware.ApiMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "koers.accounts.middleware.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout raised further in into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "koers.urls"
WSGI_APPLICATION = "koers.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": env.parse_database_url(env.get_str("DATABASE_URL", env.default_sqlite_url(BASE_DIR)))
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it counts failed sign-ins and refuses a locked-out client.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "koers.accounts.backends.PolicyBackend",
]
LOGIN_URL = "beheer:login"
LOGIN_REDIRECT_URL = "beheer:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Dutch is the site's first language, English the second.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

STATIC_URL = "/static/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files straight from the apps, so `make run` needs no collectstatic.
WHITENOISE_USE_FINDERS = True

SIMPLE_HISTORY_HISTORY_ID_USE_UUID = False

# Sign-in: a session lasts a working day and ends with the browser; cookies are
# not readable by scripts. Production adds the Secure flag (production.py).
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# django-axes: five wrong passwords for one account from one address lock that
# pair out for fifteen minutes; a good sign-in resets the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "koers.web.beheer.signin.locked_out"
AXES_VERBOSE = False

# django-otp: the issuer shown in an authenticator app.
OTP_TOTP_ISSUER = "Koers"

# E-mail (reminders): printed to the console unless an SMTP host is configured.
DEFAULT_FROM_EMAIL = env.get_str("KOERS_EMAIL_FROM", "koers@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env.get_str("KOERS_SMTP_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env.port("KOERS_SMTP_PORT", 587)
EMAIL_HOST_USER = env.get_str("KOERS_SMTP_USER", "")
EMAIL_HOST_PASSWORD = env.get_str("KOERS_SMTP_PASSWORD", "")
EMAIL_USE_TLS = env.get_bool("KOERS_SMTP_TLS", True)
EMAIL_TIMEOUT = 30


# --- Logging (issue 14): JSON lines on standard error, each with the request's id ---
# A 500 logs its traceback here; a log collector (journald, docker) keeps stderr.
LOGGING = logs.logging_config(env.get_str("KOERS_LOG_LEVEL", "INFO").strip().upper())


# --- Response headers (issue 14): what browsers may load and do on Koers' pages ---
# Nothing comes from elsewhere; scripts only from our own files. Styles may be inline:
# the report's HTML and the error pages carry their own <style>, charts style attributes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Paths (without the /en prefix) where other methods than GET and HEAD are allowed.
KOERS_API_PREFIX = "/api/"  # the API keeps its own error rules (problem+json)
KOERS_WRITABLE_PREFIXES = ("/beheer/", "/admin/", "/i18n/", KOERS_API_PREFIX)
# The REST API (koers.api): public reads, writes with a person's API token.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["koers.api.auth.TokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": [],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["koers.api.throttling.AnonymousReadThrottle"],
    "EXCEPTION_HANDLER": "koers.api.problems.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "URL_FORMAT_OVERRIDE": None,
}
# Requests per period a client without a token may make (the API's rate limit).
KOERS_API_ANON_RATE = env.get_str("KOERS_API_ANON_RATE", "300/minute")
SPECTACULAR_SETTINGS = {
    "TITLE": "Koers API",
    "DESCRIPTION": "The agendas, their items, organisations and roles, milestones, money, "
    "agreements, indicators, figures, targets, assessments, reporting rounds and reports of "
    "Koers. Reads are public; writes need a person's API token (`Authorization: Bearer ...`).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVERS": [{"url": "/api/v1", "description": "this Koers installation"}],
    "CONTACT": {
        "name": "Koers",
        "url": "https://example.invalid/koers",
        "email": "koers@example.invalid",
    },
    "LICENSE": {"name": "EUPL-1.2", "url": "https://eupl.eu/1.2/en/"},
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "MilestoneStatusEnum": "koers.agendas.models.Milestone.Status",
        "UpdateStatusEnum": "koers.agendas.models.StatusUpdate.Status",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "koers.api.schema.design_rules",
    ],
}
