"""Writing a file the user keeps (an export, a calendar, the settings): whole or not at all."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from pmdesk.errors import PmdeskError


class WriteError(PmdeskError):
    """The file could not be written where asked."""


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` via a temporary file beside it.

    A failure leaves the old file (or none), never half of one; the data is on
    disk before the name points at it; and the file gets the permissions a plain
    write would have given it (mkstemp makes files only the owner can read).
    """
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise WriteError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise WriteError(f"cannot write {path}: {exc.strerror or exc}") from None


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)  # replacing a file keeps its permissions
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
