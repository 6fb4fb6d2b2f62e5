"""Moved to `koers.readmodel.types` (issue 13.1: the read model the site, the report and the
API share). This name stays, as the very same module, for code written before the move."""

import sys

from koers.readmodel import types as _moved
from koers.readmodel.types import *  # noqa: F403 (for type checkers)

sys.modules[__name__] = _moved
