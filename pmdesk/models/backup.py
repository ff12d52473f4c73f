"""Backups of the store: made with SQLite's backup API, verified, rotated, restorable.

A backup is a whole pmdesk store in the `backups` folder beside the store, named
`<store>-<UTC time>-<kind>.db`. Kinds: `daily` (the first start of each day),
`manual` (`pmdesk backup`), `migration` (before an older store is upgraded),
`before-restore` (the store as it was before a restore replaced it). Only daily
backups are rotated; the others are kept until the user removes them.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from pmdesk.models.store_health import (
    StoreError,
    explain,
    explain_os_error,
    inspect_file,
)

BACKUP_FOLDER = "backups"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KINDS = ("daily", "manual", "migration", "before-restore", "replaced")
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}(?:\d{6})?Z)-(?P<kind>[a-z-]+)\.db$")


class BackupError(StoreError):
    """A backup could not be made, read or restored; the store is as it was."""


@dataclass(frozen=True)
class BackupInfo:
    """One verified backup: where it is, when it was made, and what it holds."""

    path: Path
    made_at: datetime
    kind: str
    postmortems: int

    def label(self) -> str:
        when = self.made_at.strftime("%Y-%m-%d %H:%M UTC")
        return f"{when}  {self.kind:<14} {self.postmortems} postmortem(s)  {self.path.name}"


def backup_folder(store_path: Path) -> Path:
    return Path(store_path).parent / BACKUP_FOLDER


def _now() -> datetime:
    return datetime.now(UTC)


def _name(store_path: Path, kind: str, when: datetime) -> str:
    return f"{store_path.stem}-{when.strftime('%Y%m%dT%H%M%S%fZ')}-{kind}.db"


def make_backup(
    store_path: Path,
    output: Path | None = None,
    *,
    kind: str = "manual",
    clock: Callable[[], datetime] = _now,
) -> BackupInfo:
    """Copy the store through SQLite's backup API, check the copy in full, then name it.

    The copy is written to a temporary file beside its final name and renamed
    only after the full integrity check passes, so a backup file that exists is
    a good one.
    """
    store_path = Path(store_path)
    if not os.path.isfile(store_path):
        raise BackupError(f"no store at {store_path} to back up")
    made_at = clock()
    target = (
        Path(output) if output else backup_folder(store_path) / _name(store_path, kind, made_at)
    )
    if os.path.lexists(target):
        raise BackupError(f"{target} exists already; choose another name")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise explain_os_error(exc, target, "write the backup") from None
    tmp = Path(tmp_name)
    try:
        _copy(store_path, tmp)
        count = verify(tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return BackupInfo(target, made_at, kind, count)


def _copy(source: Path, target: Path) -> None:
    """Page by page through the backup API: a consistent copy even while others write."""
    try:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as exc:
        raise explain(exc, source, "back up") from None
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            # A backup is one self-contained file: no -wal beside it to lose.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise explain(exc, target, "write the backup") from None
    finally:
        src.close()
    with open(target, "rb+") as f:
        os.fsync(f.fileno())


def verify(path: Path) -> int:
    """The number of postmortems in a backup that passes every check a store must pass."""
    try:
        inspect_file(path)
    except StoreError as exc:
        raise BackupError(f"the backup {path.name} cannot be used: {exc}") from None
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "postmortems" not in tables:
            raise BackupError(f"{path.name} is not a pmdesk backup (it holds no postmortems table)")
        return conn.execute("SELECT count(*) FROM postmortems").fetchone()[0]
    except sqlite3.Error as exc:
        raise explain(exc, path, "read the backup") from None
    finally:
        conn.close()


def list_backups(store_path: Path) -> list[BackupInfo]:
    """The backups of a store, newest first; files that fail the checks are left out."""
    folder = backup_folder(store_path)
    found = []
    for path, kind, made_at in _named(folder, Path(store_path).stem):
        try:
            count = verify(path)
        except StoreError:
            continue
        found.append(BackupInfo(path, made_at, kind, count))
    return found


def _named(folder: Path, stem: str) -> list[tuple[Path, str, datetime]]:
    if not folder.is_dir():
        return []
    out = []
    for path in folder.iterdir():
        m = _NAME.match(path.name)
        if not m or m["stem"] != stem or m["kind"] not in KINDS:
            continue
        stamp = m["stamp"]
        fmt = "%Y%m%dT%H%M%S%fZ" if len(stamp) > 16 else "%Y%m%dT%H%M%SZ"
        made_at = datetime.strptime(stamp, fmt).replace(tzinfo=UTC)
        out.append((path, m["kind"], made_at))
    return sorted(out, key=lambda t: t[2], reverse=True)


def keep_before_migration(store_path: Path) -> BackupInfo:
    """An older store is copied, as it is, before it is upgraded."""
    return make_backup(store_path, kind="migration")


def latest_good_backup(store_path: Path) -> BackupInfo | None:
    backups = list_backups(store_path)
    return backups[0] if backups else None


def daily_backup_if_due(
    store_path: Path, *, clock: Callable[[], datetime] = _now
) -> BackupInfo | None:
    """On the first start of a day, back the store up and rotate the daily backups."""
    store_path = Path(store_path)
    today = clock().date()
    folder = backup_folder(store_path)
    if any(
        kind == "daily" and made_at.date() == today
        for _, kind, made_at in _named(folder, store_path.stem)
    ):
        return None
    made = make_backup(store_path, kind="daily", clock=clock)
    rotate(store_path)
    return made


def rotate(
    store_path: Path, keep_daily: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY
) -> list[Path]:
    """Keep the newest daily backup of each of the last `keep_daily` days and of each of
    the last `keep_weekly` ISO weeks before those; remove the other daily backups."""
    dailies = [
        (p, at)
        for p, kind, at in _named(backup_folder(store_path), Path(store_path).stem)
        if kind == "daily"
    ]
    keep: set[Path] = set()
    days: list[date] = []
    weeks: list[tuple[int, int]] = []
    for path, made_at in dailies:  # newest first
        day = made_at.date()
        if day in days:
            continue
        if len(days) < keep_daily:
            days.append(day)
            keep.add(path)
            continue
        week = tuple(made_at.isocalendar())[:2]
        if week not in weeks and len(weeks) < keep_weekly:
            weeks.append(week)  # type: ignore[arg-type]
            keep.add(path)
    removed = []
    for path, _ in dailies:
        if path not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def restore(store_path: Path, backup: Path, *, clock: Callable[[], datetime] = _now) -> BackupInfo:
    """Replace the store with a checked backup, keeping the current store as a backup first.

    A healthy current store is kept through the backup API as `before-restore` and
    then overwritten in place, under SQLite's locks, so another open pmdesk sees the
    restored content. A store that fails its checks is moved aside whole as
    `replaced`. Returns what was restored.
    """
    store_path = Path(store_path)
    backup = Path(backup)
    count = verify(backup)
    if os.path.exists(store_path) and store_path.resolve() == backup.resolve():
        raise BackupError(f"{backup} is the store itself, not a backup of it")
    kept: BackupInfo | None = None
    if os.path.exists(store_path):
        try:
            inspect_file(store_path)
            healthy = True
        except StoreError:
            healthy = False
        if healthy:
            kept = make_backup(store_path, kind="before-restore", clock=clock)
            _write_into(backup, store_path)
            return BackupInfo(backup, kept.made_at, "restored", count)
        aside = backup_folder(store_path) / _name(store_path, "replaced", clock())
        try:
            aside.parent.mkdir(parents=True, exist_ok=True)
            os.replace(store_path, aside)
            for suffix in ("-wal", "-shm"):
                side = Path(f"{store_path}{suffix}")
                if side.exists():
                    os.replace(side, Path(f"{aside}{suffix}"))
        except OSError as exc:
            raise explain_os_error(exc, store_path, "move aside") from None
    _write_fresh(backup, store_path)
    return BackupInfo(backup, clock(), "restored", count)


def _write_into(backup: Path, store_path: Path) -> None:
    src = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        dst = sqlite3.connect(store_path, timeout=5)
        try:
            dst.execute("PRAGMA busy_timeout = 5000")
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = WAL")
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise explain(exc, store_path, "restore into") from None
    finally:
        src.close()


def _write_fresh(backup: Path, store_path: Path) -> None:
    try:
        store_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{store_path.name}.", dir=store_path.parent)
        os.close(fd)
    except OSError as exc:
        raise explain_os_error(exc, store_path, "restore into") from None
    tmp = Path(tmp_name)
    try:
        _copy(backup, tmp)
        os.replace(tmp, store_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
