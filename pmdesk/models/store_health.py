"""Before a store file is opened for writing: is it ours, whole, and as pmdesk wrote it?

Everything here reads the file through a read-only connection and leaves the
file, and the folder it is in, exactly as they were when it refuses: no byte
written and no `-wal` or `-shm` file left beside it. The same module turns an
SQLite error into the true reason a user can act on: a full disk, a read-only
place, a lock held by another program, or real damage.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pmdesk.errors import PmdeskError
from pmdesk.models import migrations
from pmdesk.models.checked import checked_level, file_state, remember_checked

SQLITE_MAGIC = b"SQLite format 3\x00"


class StoreError(PmdeskError):
    """The store file cannot be used as asked."""


class NotAPmdeskStore(StoreError):
    """The file is something else; it is left untouched."""


class DamagedStore(StoreError):
    """The file looks like a pmdesk store but SQLite finds it damaged; it is left untouched."""


class AlteredStore(StoreError):
    """The file is a pmdesk store changed by hand or by another program; it is left untouched."""


class NewerStore(StoreError):
    """The file was written by a newer pmdesk whose schema this one does not know."""


# SQLite's primary result codes (https://sqlite.org/rescode.html) that have a reason
# a user can act on; the extended code's low byte is the primary code.
_READONLY, _BUSY, _LOCKED, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 8, 5, 6, 10, 11, 13, 14, 26
_PERM = 3


def explain(exc: sqlite3.Error, path: Path, doing: str = "open") -> StoreError:
    """The error to show for an SQLite failure while `doing` something with the store."""
    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    if code in (_CORRUPT, _NOTADB):
        return DamagedStore(f"{path} is damaged ({exc}); restore it from a backup")
    if code == _FULL or (code == _IOERR and _disk_full(path)):
        return StoreError(
            f"cannot {doing} {path}: the disk is full; free some space and try again "
            "(the store itself is fine)"
        )
    if code in (_READONLY, _PERM, _CANTOPEN, _IOERR) and _read_only_place(path):
        return StoreError(
            f"cannot {doing} {path}: the file or its folder is read-only; pmdesk needs to "
            "write beside the store (copy it somewhere writable, or fix the permissions)"
        )
    if code in (_BUSY, _LOCKED):
        return StoreError(
            f"cannot {doing} {path}: another program holds a lock on it; close that program "
            "and try again"
        )
    if code == _CANTOPEN:
        if not path.parent.exists():
            return StoreError(f"cannot {doing} {path}: its folder does not exist")
        return StoreError(f"cannot {doing} {path}: SQLite cannot open it ({exc})")
    return StoreError(f"cannot {doing} {path}: {exc}")


def explain_os_error(exc: OSError, path: Path, doing: str = "open") -> StoreError:
    """The error to show for a failing file operation on the store or beside it."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StoreError(f"cannot {doing} {path}: the disk is full; free some space and try again")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StoreError(f"cannot {doing} {path}: the file or its folder is read-only")
    return StoreError(f"cannot {doing} {path}: {exc.strerror or exc}")


def _disk_full(path: Path) -> bool:
    try:
        stats = os.statvfs(_existing(path))
    except (OSError, AttributeError):  # AttributeError: no statvfs on Windows
        return False
    return stats.f_bavail * stats.f_frsize < 64 * 1024


def _read_only_place(path: Path) -> bool:
    folder = _existing(path.parent)
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):
        pass
    if path.exists() and not os.access(path, os.W_OK):
        return True
    return not os.access(folder, os.W_OK)


def _existing(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


@contextmanager
def leave_no_trace(path: Path) -> Iterator[None]:
    """Remove the `-wal` and `-shm` files SQLite made beside `path` if what runs inside fails."""
    sidecars = [Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")]
    there = {p for p in sidecars if p.exists()}
    try:
        yield
    except BaseException:
        for p in sidecars:
            if p not in there and p.exists():
                try:
                    p.unlink()
                except OSError:
                    pass  # a read-only place: SQLite could not have made it either
        raise


def inspect_file(path: Path, *, full_check: bool = True) -> list | None:
    """Refuse, without writing a byte, a file that pmdesk must not open for writing.

    Without `full_check` the integrity check (a read of every page and index) is left
    out: for a store opened read-only, which cannot spread damage by writing. The scans
    are skipped for a file unchanged since it last passed them (pmdesk.models.checked).
    Returns the file's state as checked (None for a new or empty file).
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:  # a name too long, a folder that is a file, no permission
        raise explain_os_error(exc, path, "open") from None
    size = info.st_size
    if stat.S_ISDIR(info.st_mode):
        raise NotAPmdeskStore(f"{path} is a folder, not a pmdesk store")
    if not stat.S_ISREG(info.st_mode):
        raise NotAPmdeskStore(f"{path} is not a regular file, so not a pmdesk store")
    if size == 0:
        return None
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as exc:
        raise explain_os_error(exc, path, "read") from None
    if not header.startswith(SQLITE_MAGIC):
        raise NotAPmdeskStore(f"{path} is not a pmdesk store (it is not an SQLite database)")
    if len(header) < 100:
        raise DamagedStore(f"{path} is damaged: it is shorter than an SQLite header")
    # Taken before the check: a write during it makes the record it leaves stale, not wrong.
    state = file_state(path)
    done = checked_level(path, state)
    with leave_no_trace(path):
        conn = _read_only(path)
        try:
            _check(conn, path, full=full_check and done != "full", values=done is None)
        except sqlite3.Error as exc:
            raise explain(exc, path, "read") from None
        finally:
            conn.close()
    if done != "full":
        remember_checked(path, state, "full" if full_check else "values")
    return state


def _read_only(path: Path) -> sqlite3.Connection:
    # Without a -wal file the main file is the whole truth, and `immutable` reads it
    # without creating a -shm file; with one, SQLite must read both.
    hot_wal = Path(f"{path}-wal").exists()
    query = "mode=ro" if hot_wal else "mode=ro&immutable=1"
    try:
        return sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True, timeout=5)
    except sqlite3.Error as exc:
        raise explain(exc, path, "read") from None


def _check(conn: sqlite3.Connection, path: Path, *, full: bool = True, values: bool = True) -> None:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app_id != migrations.APPLICATION_ID:
        if app_id == 0 and tables == 0:
            return  # an empty SQLite file: ours to initialise
        raise NotAPmdeskStore(
            f"{path} is an SQLite database of another program, not a pmdesk store"
        )
    if version > migrations.LATEST_VERSION:
        raise NewerStore(
            f"{path} was written by a newer pmdesk (store version {version}; this pmdesk "
            f"reads up to {migrations.LATEST_VERSION}): update pmdesk to open it"
        )
    # The full check, not quick_check: only it compares every index with its table,
    # and a write through a broken index spreads the damage.
    problems = [r[0] for r in conn.execute("PRAGMA integrity_check(3)")] if full else ["ok"]
    if problems != ["ok"]:
        raise DamagedStore(f"{path} is damaged ({problems[0]}); restore it from a backup")
    missing = schema_differences(conn, version)
    if missing:
        raise AlteredStore(
            f"{path} was changed outside pmdesk ({missing[0]}); restore it from a backup"
        )
    bad = first_bad_value(conn) if values else None
    if bad:
        raise AlteredStore(f"{path} was changed outside pmdesk ({bad}); restore it from a backup")


def schema_differences(conn: sqlite3.Connection, version: int) -> list[str]:
    """What the file lacks of the tables and columns its schema version promises."""
    if version == 0:
        return []
    expected = _expected_columns(version)
    found: list[str] = []
    for table, columns in expected.items():
        have = {r[1] for r in conn.execute(f"PRAGMA table_info('{table}')")}
        if not have:
            found.append(f"the table {table} is missing")
        elif columns - have:
            found.append(f"the column {table}.{sorted(columns - have)[0]} is missing")
    return found


_EXPECTED: dict[int, dict[str, set[str]]] = {}


def _expected_columns(version: int) -> dict[str, set[str]]:
    """The tables and columns of a store of `version`, from the migrations themselves."""
    if version not in _EXPECTED:
        mem = sqlite3.connect(":memory:", isolation_level=None)
        try:
            migrations.migrate(mem, version)
            names = [
                r[0]
                for r in mem.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'search_index_%' AND name NOT LIKE 'sqlite_%'"
                )
            ]
            _EXPECTED[version] = {
                n: {r[1] for r in mem.execute(f"PRAGMA table_info('{n}')")} for n in names
            }
        finally:
            mem.close()
    return _EXPECTED[version]


_TEXT = "typeof({c}) = 'text'"
_DATE = "{c} IS NULL OR (typeof({c}) = 'text' AND date({c}) IS {c})"
_UTC = "{c} IS NULL OR (typeof({c}) = 'text' AND strftime('%Y-%m-%dT%H:%M:%SZ', {c}) IS {c})"
# CASE, not AND: SQLite may evaluate json_type() first, and it raises on bad JSON.
_NAMES = (
    "CASE WHEN json_valid({c}) THEN json_type({c}) = 'array' "
    "AND NOT EXISTS (SELECT 1 FROM json_each({c}) WHERE type != 'text') ELSE 0 END"
)
_FLAG = "{c} IN (0, 1)"
_POSITION = "typeof({c}) = 'integer'"

#: every column the Store turns into a Python value, and what it must hold to be read
_READABLE: dict[str, dict[str, str]] = {
    "postmortems": {
        "title": _TEXT,
        "incident_date": _DATE,
        "authors": _NAMES,
        "status": "{c} IN ('draft', 'in_review', 'complete')",
        "severity": "{c} IN ('P1', 'P2', 'P3')",
        "started_at": _UTC,
        "ended_at": _UTC,
        **{
            c: _TEXT
            for c in (
                "user_impact",
                "revenue_impact",
                "what_happened",
                "why_it_happened",
                "why_not_caught",
                "root_cause",
                "root_cause_category",
                "went_well",
                "could_improve",
            )
        },
        "draft_shared_at": _UTC,
        "meeting_at": _UTC,
        "is_example": _FLAG,
        "created_at": _UTC.replace("{c} IS NULL OR ", ""),
        "updated_at": _UTC.replace("{c} IS NULL OR ", ""),
    },
    "timeline_events": {"at": _UTC.replace("{c} IS NULL OR ", ""), "text": _TEXT, "source": _TEXT},
    "whys": {"answer": _TEXT, "position": _POSITION},
    "contributing_factors": {"text": _TEXT, "checked": _FLAG, "position": _POSITION},
    "action_items": {
        "action": _TEXT,
        "owner": _TEXT,
        "priority": "{c} IN ('high', 'medium', 'low')",
        "due_date": _DATE,
        "status": "{c} IN ('open', 'in_progress', 'done')",
        "completed_on": _DATE,
        "tracker_url": _TEXT,
        "position": _POSITION,
    },
}


def first_bad_value(conn: sqlite3.Connection) -> str | None:
    """The first stored value pmdesk could not have written, described in a few words."""
    for table, columns in _READABLE.items():
        have = {r[1] for r in conn.execute(f"PRAGMA table_info('{table}')")}
        present = {c: rule for c, rule in columns.items() if c in have}
        if not present:
            continue
        # One scan per table in SQL; a NULL verdict (NULL IN (...)) counts as bad.
        bad = [f"NOT coalesce(({rule.format(c=c)}), 0)" for c, rule in present.items()]
        row = conn.execute(
            f"SELECT id, {', '.join(bad)} FROM {table} WHERE {' OR '.join(bad)} LIMIT 1"
        ).fetchone()
        if row is None:
            continue
        name = next(n for n, flag in zip(present, row[1:], strict=True) if flag)
        value = conn.execute(f"SELECT {name} FROM {table} WHERE id = ?", [row[0]]).fetchone()[0]
        shown = repr(value[:40] if isinstance(value, str) else value)
        return f"{table} row {row[0]}: {name} = {shown} is not a value pmdesk writes"
    return None
