"""Local development: `make run` and `koers serve` use these settings."""

from koers.conf import env
from koers.conf.base import *  # noqa: F403

DEBUG = env.get_bool("KOERS_DEBUG", True)
