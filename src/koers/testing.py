"""Helpers shared by the test suites of all apps."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def reference_dir() -> Path:
    """The folder of real reference data written by others (`../shared/reference`).

    `KOERS_REFERENCE_DIR` overrides the location. Outside CI a missing folder
    skips the test (a lone clone has no `shared/` beside it); in CI it fails,
    so the reference comparisons can never silently stop running there.
    """
    configured = os.environ.get("KOERS_REFERENCE_DIR")
    path = Path(configured) if configured else REPO_ROOT.parent / "shared" / "reference"
    if path.is_dir():
        return path
    message = f"reference data not found at {path} (set KOERS_REFERENCE_DIR)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)
