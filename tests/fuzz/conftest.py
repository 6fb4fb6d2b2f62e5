"""The fuzz suite (issue 14): malformed files for every importer and generated requests
for every public address. Each test counts its cases into CASES; the last test of the
session prints the total and asserts the floor of 5,000."""

from __future__ import annotations

from collections import Counter

CASES: Counter[str] = Counter()
