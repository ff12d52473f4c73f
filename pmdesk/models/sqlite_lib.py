"""sqlite-utils, the store's SQLite library, imported once for the whole of pmdesk."""

from __future__ import annotations

import sys
from typing import Any


def _import_sqlite_utils() -> Any:
    """sqlite-utils, imported as if numpy were not installed (unless it is already loaded).

    sqlite-utils maps numpy's number types when it can import numpy, and spaCy installs numpy:
    that was ~40 ms of every start of the window and of every command, for values pmdesk never
    stores (benchmarks/scale.py)."""
    if "numpy" in sys.modules:
        import sqlite_utils

        return sqlite_utils
    sys.modules["numpy"] = None  # type: ignore[assignment]  # an import of it raises ImportError
    try:
        import sqlite_utils
    finally:
        if sys.modules.get("numpy", 0) is None:
            del sys.modules["numpy"]
    return sqlite_utils


sqlite_utils = _import_sqlite_utils()
