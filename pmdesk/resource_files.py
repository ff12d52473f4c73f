"""The one way to reach files under resources/, installed or not."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """A file or folder shipped in pmdesk.resources, e.g. resource("fonts", "x.ttf")."""
    node = resources.files("pmdesk.resources")
    for part in parts:
        node = node.joinpath(part)
    return node


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")
