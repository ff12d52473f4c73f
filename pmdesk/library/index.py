"""The local SQLite store as the index of a team library folder.

The files are the truth; the index holds each file's postmortem in an ordinary
pmdesk Store (so the window, search, the gate and metrics work on it unchanged)
and, in table `library_files`, which file it came from: path, id, size, mtime and
a hash. A refresh re-reads only files whose size or mtime changed (and parses only
those whose hash changed), so after a `git pull` it costs about one `stat` per
file. A rebuild deletes the index and reads every file again: nothing is lost,
because an edit in the window is written to its file as it is made.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from pmdesk.library.folder import (
    MAX_FILE_BYTES,
    LibraryError,
    LibraryFile,
    file_name_for,
    index_path,
    new_uid,
    parse_library_text,
    postmortem_files,
    require_library,
    write_library_file,
)
from pmdesk.models.store import Store, StoreError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS library_files (
    path TEXT PRIMARY KEY,
    uid TEXT NOT NULL,
    postmortem_id INTEGER,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    problem TEXT
);
CREATE INDEX IF NOT EXISTS library_files_by_uid ON library_files(uid);
-- postmortems changed in the index (by the window) whose files are not yet written
CREATE TABLE IF NOT EXISTS library_unwritten (postmortem_id INTEGER PRIMARY KEY);
CREATE TRIGGER IF NOT EXISTS library_unwritten_insert AFTER INSERT ON postmortems
    BEGIN INSERT OR IGNORE INTO library_unwritten VALUES (NEW.id); END;
CREATE TRIGGER IF NOT EXISTS library_unwritten_update AFTER UPDATE ON postmortems
    BEGIN INSERT OR IGNORE INTO library_unwritten VALUES (NEW.id); END;
"""
#: below this many files to parse, starting worker processes costs more than it saves
_PARALLEL_FROM = 400
#: files written to the index per transaction: the window's own saves wait at most one batch
_BATCH = 250


@dataclass
class RefreshReport:
    """What one refresh of the index found."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    #: one line per file that could not be read, naming the file
    problems: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def summary(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, {self.removed} removed, "
            f"{self.unchanged} unchanged, {len(self.problems)} skipped"
        )


@dataclass(frozen=True)
class _Read:
    rel: str
    mtime_ns: int
    size: int
    sha256: str
    file: LibraryFile | None
    problem: str


class LibraryIndex:
    """A library folder and its index store, opened together."""

    def __init__(self, root: str | Path, *, store: Store | None = None) -> None:
        """Open the index of the library at `root`; `store` shares an open index store."""
        self.root = require_library(root)
        self._owns_store = store is None
        self.store = store or Store(index_path(self.root))
        self.store.conn.executescript(_SCHEMA)

    def close(self) -> None:
        if self._owns_store:
            self.store.close()

    def __enter__(self) -> LibraryIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- files -> index ----------------------------------------------------------------

    def refresh(self) -> RefreshReport:
        """Bring the index up to date with the folder."""
        report = RefreshReport()
        db = self.store.conn
        on_disk = postmortem_files(self.root)
        known = {
            path: (mtime, size, problem)
            for path, mtime, size, problem in db.execute(
                "SELECT path, mtime_ns, size, problem FROM library_files"
            )
        }
        changed = sorted(
            rel for rel, stat in on_disk.items() if rel not in known or known[rel][:2] != stat
        )
        gone = {rel for rel in known if rel not in on_disk}
        report.unchanged = len(on_disk) - len(changed)
        changed_set = set(changed)
        report.problems += [
            problem
            for rel, (_, _, problem) in known.items()
            if problem and rel in on_disk and rel not in changed_set
        ]
        if changed or gone:
            # a file that had a problem is parsed again even with the same bytes, to report it
            sums = dict(
                db.execute(
                    "SELECT path, sha256 FROM library_files WHERE problem IS NULL AND path IN "
                    "(SELECT value FROM json_each(?))",
                    [json.dumps(changed)],
                )
            )
            pending: dict[str, str] = {}  # id -> path of files read in this refresh
            batch: list[_Read] = []
            for read in self._read_all(changed, sums):
                batch.append(read)
                if len(batch) == _BATCH:
                    self._apply(batch, gone, pending, report)
                    batch = []
            self._apply(batch, gone, pending, report)
            with self.store.transaction():
                self._remove(gone, report)
        report.problems.sort()
        return report

    def rebuild(self) -> RefreshReport:
        """Forget the index and read every file again."""
        path = self.store.path
        self.store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        self.store = Store(path)
        self.store.conn.executescript(_SCHEMA)
        return self.refresh()

    def _read_all(self, rels: list[str], sums: dict[str, str]) -> Iterator[_Read]:
        """Each file read and parsed, in order; by worker processes when there are many."""
        jobs = [(str(self.root), rel, sums.get(rel, "")) for rel in rels]
        if len(jobs) < _PARALLEL_FROM or (os.cpu_count() or 1) < 2:
            yield from map(_read_one, jobs)
            return
        # results stream back in order while the workers go on, so this process writes
        # the index while they parse
        with ProcessPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
            yield from pool.map(_read_one, jobs, chunksize=32)

    def _row(self, sql: str, params: list) -> tuple | None:
        return self.store.conn.execute(sql, params).fetchone()

    def _apply(
        self, reads: list[_Read], gone: set[str], pending: dict[str, str], report: RefreshReport
    ) -> None:
        """One batch of files into the index, in one transaction of its own."""
        with self.store.transaction():
            fresh: list[tuple[_Read, LibraryFile]] = []
            for read in reads:
                self._apply_one(read, gone, pending, fresh, report)
            self._add(fresh, report)

    def _apply_one(
        self,
        read: _Read,
        gone: set[str],
        pending: dict[str, str],
        fresh: list[tuple[_Read, LibraryFile]],
        report: RefreshReport,
    ) -> None:
        db = self.store.conn
        old = self._row("SELECT postmortem_id FROM library_files WHERE path = ?", [read.rel])
        old_id = old[0] if old else None
        if read.problem:
            report.problems.append(read.problem)
            if old_id is not None:
                self._forget_postmortem(old_id)
                report.removed += 1
            self._record(read, "", None, read.problem)
            return
        if read.file is None:  # same bytes as indexed: only the mtime moved
            db.execute(
                "UPDATE library_files SET mtime_ns = ?, size = ? WHERE path = ?",
                [read.mtime_ns, read.size, read.rel],
            )
            report.unchanged += 1
            return
        uid = read.file.uid
        owner = self._row(
            "SELECT path, postmortem_id FROM library_files "
            "WHERE uid = ? AND postmortem_id IS NOT NULL AND path != ?",
            [uid, read.rel],
        )
        other = owner[0] if owner else pending.get(uid)
        if other is not None and other in gone:  # a rename: same postmortem, new path
            db.execute("DELETE FROM library_files WHERE path = ?", [other])
            gone.discard(other)
        elif other is not None:
            problem = f"{read.rel}: has the same id as {other} (a copy?): skipped"
            report.problems.append(problem)
            self._record(read, uid, None, problem)
            return
        pm_id = owner[1] if owner else old_id  # a new id in a known file keeps its entry
        if pm_id is not None:
            self.store.save(replace(read.file.postmortem, id=pm_id))
            self._record(read, uid, pm_id, "")
            report.updated += 1
        else:
            pending[uid] = read.rel
            fresh.append((read, read.file))

    def _remove(self, gone: set[str], report: RefreshReport) -> None:
        db = self.store.conn
        for rel in gone:
            row = self._row("SELECT postmortem_id FROM library_files WHERE path = ?", [rel])
            if row and row[0] is not None:
                self._forget_postmortem(row[0])
                report.removed += 1
            db.execute("DELETE FROM library_files WHERE path = ?", [rel])

    def _add(self, fresh: list[tuple[_Read, LibraryFile]], report: RefreshReport) -> None:
        ids = self.store.add_many(f.postmortem for _, f in fresh)
        for (read, file), pm_id in zip(fresh, ids, strict=True):
            self._record(read, file.uid, pm_id, "")
        report.added += len(ids)
        fresh.clear()

    def _forget_postmortem(self, pm_id: int) -> None:
        try:
            self.store.delete(pm_id)
        except StoreError:
            pass  # already gone from the index
        self.store.conn.execute(
            "UPDATE library_files SET postmortem_id = NULL WHERE postmortem_id = ?", [pm_id]
        )

    def _record(self, read: _Read, uid: str, pm_id: int | None, problem: str) -> None:
        db = self.store.db
        if pm_id is not None:
            db.execute("DELETE FROM library_unwritten WHERE postmortem_id = ?", [pm_id])
        db.execute(
            "INSERT OR REPLACE INTO library_files VALUES (?, ?, ?, ?, ?, ?, ?)",
            [read.rel, uid, pm_id, read.mtime_ns, read.size, read.sha256, problem or None],
        )

    # --- index -> files (edits made in the window) --------------------------------------

    def write_changes(self) -> list[str]:
        """Write every postmortem edited in the index since it was read to its file.

        A postmortem new in the index gets an id and a file; one deleted from the index
        has its file removed. Returns the relative paths written or removed.
        """
        db = self.store.db
        unwritten = [
            r[0]
            for r in db.execute(
                "SELECT u.postmortem_id FROM library_unwritten AS u "
                "JOIN postmortems AS p ON p.id = u.postmortem_id WHERE p.is_example = 0"
            )
        ]
        deleted = list(
            db.query(
                "SELECT f.path FROM library_files AS f LEFT JOIN postmortems AS p "
                "ON p.id = f.postmortem_id WHERE f.postmortem_id IS NOT NULL AND p.id IS NULL"
            )
        )
        touched: list[str] = []
        if not unwritten and not deleted:
            return touched  # the usual case, checked every second: no write transaction
        with self.store.transaction():
            for pm_id in unwritten:
                row = db.execute(
                    "SELECT * FROM library_files WHERE postmortem_id = ?", [pm_id]
                ).fetchone()
                touched.append(self._write_one(pm_id, row))
            db.execute("DELETE FROM library_unwritten")
            for row in deleted:
                (self.root / row["path"]).unlink(missing_ok=True)
                db.execute("DELETE FROM library_files WHERE path = ?", [row["path"]])
                touched.append(row["path"])
        return touched

    def _write_one(self, pm_id: int, row: tuple | None) -> str:
        pm = self.store.get(pm_id)
        if row is None:
            uid = new_uid()
            rel = file_name_for(pm, uid)
        else:
            rel, uid = row[0], row[1]
        data = write_library_file(self.root, rel, pm, uid)
        st = (self.root / rel).stat()
        read = _Read(rel, st.st_mtime_ns, st.st_size, hashlib.sha256(data).hexdigest(), None, "")
        self._record(read, uid, pm_id, "")
        return rel

    # --- questions the window asks --------------------------------------------------------

    def path_of(self, pm_id: int) -> Path | None:
        row = self.store.conn.execute(
            "SELECT path FROM library_files WHERE postmortem_id = ?", [pm_id]
        ).fetchone()
        return self.root / row[0] if row else None

    def problems(self) -> list[str]:
        return [
            r[0]
            for r in self.store.conn.execute(
                "SELECT problem FROM library_files WHERE problem IS NOT NULL ORDER BY path"
            )
        ]


def _read_one(job: tuple[str, str, str]) -> _Read:
    """Read and parse one file (in a worker process when there are many)."""
    root, rel, known_sha = job
    path = Path(root) / rel
    try:
        st = path.stat()
        raw = path.read_bytes() if st.st_size <= MAX_FILE_BYTES else b""
    except OSError as exc:
        return _Read(rel, 0, 0, "", None, f"{rel}: cannot read it: {exc.strerror or exc}")
    if st.st_size > MAX_FILE_BYTES:
        too_big = f"{rel}: larger than {MAX_FILE_BYTES // 2**20} MB, not read"
        return _Read(rel, st.st_mtime_ns, st.st_size, "", None, too_big)
    sha = hashlib.sha256(raw).hexdigest()
    if sha == known_sha:
        return _Read(rel, st.st_mtime_ns, st.st_size, sha, None, "")
    try:
        file = parse_library_text(rel, raw)
    except LibraryError as exc:
        return _Read(rel, st.st_mtime_ns, st.st_size, sha, None, str(exc))
    return _Read(rel, st.st_mtime_ns, st.st_size, sha, file, "")
