"""Small pieces of English the CLI and the window share."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """'1 event', '7 events', '0 events': a count as a person writes it."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
