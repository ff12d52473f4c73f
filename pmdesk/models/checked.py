"""Which store files were checked whole, and in exactly what state: the check is not repeated.

Opening a store checks it first (store_health): SQLite's full integrity check and a scan of
every stored value, ~0.4 s on a store of 10,000 postmortems, on every start of the window and
every `pmdesk gate`. A file that has not changed since it last passed needs neither: after a
check passes, its state -- device, inode, size, modification and change times in nanoseconds,
of the file and of its `-wal` file -- is recorded in the user's cache folder, and a later open
that finds the same state skips the scan. Any write to the file, by pmdesk or anything else,
changes that state (the change time cannot be set back by a user's tools), so the next open
checks again. When pmdesk itself closes a store it opened checked, it records the state it
leaves: its own writes go through SQLite and through the Store's validation.

The record is a cache: when it cannot be read or written, every open simply checks in full.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pmdesk.locations import cache_dir

#: how much of a file was found sound: "full" (every page and index, and every value) or
#: "values" (every value; for a store opened read-only, which cannot spread damage)
LEVELS = ("values", "full")
_KEEP = 32  # files remembered


def _record_path() -> Path:
    return cache_dir() / "checked-stores.json"


#: what must be unchanged for an earlier check to hold (see file_state)
FileState = list[list[int] | None]


def file_state(path: Path) -> FileState | None:
    """What must be unchanged for an earlier check to hold; None when it cannot be read."""
    try:
        st = os.stat(path)
        main = [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]
        try:
            wal = os.stat(f"{path}-wal")
        except FileNotFoundError:
            return [main, None]
    except OSError:
        return None
    # An empty -wal holds nothing (readers open and truncate it, which moves its change time):
    # the main file is then the whole truth. A -wal with frames counts by its size and mtime.
    return [main, [wal.st_ino, wal.st_size, wal.st_mtime_ns] if wal.st_size else None]


def _read() -> dict[str, dict]:
    try:
        data = json.loads(_record_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def checked_level(path: Path, state: list | None) -> str | None:
    """ "full" or "values" when `path` passed that check in exactly this state; else None."""
    if state is None:
        return None
    entry = _read().get(str(path.resolve()))
    if not isinstance(entry, dict) or entry.get("state") != state:
        return None
    level = entry.get("level")
    return level if level in LEVELS else None


def remember_checked(path: Path, state: list | None, level: str) -> None:
    """Record that `path`, in `state`, passed the `level` check (best effort)."""
    if state is None or level not in LEVELS:
        return
    key = str(path.resolve())
    records = {k: v for k, v in _read().items() if k != key}
    records[key] = {"state": state, "level": level}
    records = dict(list(records.items())[-_KEEP:])
    target = _record_path()
    temp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(json.dumps(records), encoding="utf-8")
        os.replace(temp, target)
    except OSError:
        try:
            temp.unlink()
        except OSError:
            pass
