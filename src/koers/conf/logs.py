"""The LOGGING setting: JSON lines on standard error (koers.web.observability)."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def logging_config(level: str) -> dict[str, object]:
    """The LOGGING setting: everything from `level` up to stderr as JSON lines."""
    if level not in LEVELS:
        raise ImproperlyConfigured(f"KOERS_LOG_LEVEL={level!r}: use one of {', '.join(LEVELS)}")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "koers.web.observability.RequestIdFilter"}},
        "formatters": {"json": {"()": "koers.web.observability.JsonFormatter"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "filters": ["request_id"],
                "formatter": "json",
            }
        },
        "root": {"handlers": ["stderr"], "level": level},
        "loggers": {
            # Django's own: request errors (4xx as warnings, 5xx with the traceback).
            "django": {"handlers": ["stderr"], "level": level, "propagate": False},
            "django.server": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            # WeasyPrint and fontTools log every layout step of a PDF at INFO: noise.
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
        },
    }
