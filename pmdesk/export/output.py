"""Writing an exported file: whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pmdesk.errors import PmdeskError


class ExportError(PmdeskError):
    """The export could not be written where asked."""


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` via a temporary file beside it, so a failure leaves no half file."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
