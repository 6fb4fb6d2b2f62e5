"""The test suite. `KOERS_TEST_DATABASE_URL` switches it to PostgreSQL."""

import os

from koers.conf import env
from koers.conf.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

_test_url = os.environ.get("KOERS_TEST_DATABASE_URL")
DATABASES = {
    "default": env.parse_database_url(_test_url)
    if _test_url
    else {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:", "OPTIONS": {}}
}

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
