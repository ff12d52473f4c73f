"""Packages whose names are imported when first used, not with the package.

A package's `__init__` that imports every submodule makes anyone who needs one name pay
for all of them: the window imported the whole linter, every timeline reader and the team
library's git machinery before its first paint (~45 ms, benchmarks/scale.py). With

    __getattr__ = lazy_exports(__name__, {"name": "package.module", ...})

`from package import name` imports only `package.module`, on first use.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module
from typing import Any


def lazy_exports(package: str, where: dict[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` (PEP 562) that imports `where[name]` and keeps the value."""

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
