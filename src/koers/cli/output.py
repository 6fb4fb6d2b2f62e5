"""Console output shared by the verbs: long lists shortened the same way everywhere."""

from __future__ import annotations

from collections.abc import Sequence

SHOWN = 10  # codes listed before "... and N more"


def listed(title: str, items: Sequence[str], *, each_line: bool = False) -> str:
    """`  title (n): a, b, c ... and m more`, or one item a line."""
    if not items:
        return f"  {title}: none"
    if each_line:
        return "\n".join([f"  {title} ({len(items)}):", *(f"    {item}" for item in items)])
    shown = ", ".join(items[:SHOWN])
    more = f" ... and {len(items) - SHOWN} more" if len(items) > SHOWN else ""
    return f"  {title} ({len(items)}): {shown}{more}"
