"""The Store: one object owns the SQLite file and every query pmdesk makes.

Writes are small and frequent (the editor saves as you type), and a second
window or process may write the same file, so every write is one
`BEGIN IMMEDIATE` transaction: it takes the write lock before reading, waits up
to five seconds for another writer, and either lands whole or not at all.
Edits address single fields and single rows, so two writers editing different
parts of one postmortem never undo each other.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pmdesk.errors import ValidationError
from pmdesk.models import migrations
from pmdesk.models.backup import keep_before_migration
from pmdesk.models.checked import FileState, file_state, remember_checked
from pmdesk.models.library_query import LibraryQuery
from pmdesk.models.postmortem import (
    SCALAR_TEXT_FIELDS,
    ActionItem,
    ActionStatus,
    ContributingFactor,
    Postmortem,
    Priority,
    Severity,
    Status,
    TimelineEvent,
    check_window,
    format_utc,
    normalise_category,
    parse_authors,
    parse_date,
    parse_enum,
    parse_utc,
)
from pmdesk.models.store_health import (
    StoreError,
    explain,
    explain_os_error,
    inspect_file,
    leave_no_trace,
)

if TYPE_CHECKING:
    import sqlite_utils

    from pmdesk.models.metrics import PostmortemFacts

BUSY_TIMEOUT_S = 5.0


class NotFound(StoreError):
    """No postmortem, event, factor or action item with that id."""


@dataclass(frozen=True)
class PostmortemSummary:
    """One row of the library: enough to list, sort and pick a postmortem."""

    id: int
    title: str
    incident_date: date | None
    severity: Severity
    status: Status
    is_example: bool
    updated_at: datetime
    snippet: str = ""


@dataclass(frozen=True)
class ActionRecord:
    """An action item together with the postmortem it belongs to."""

    item: ActionItem
    postmortem_id: int
    postmortem_title: str
    severity: Severity


#: fields of Postmortem that Store.update can set, with their parsers
_UPDATABLE: dict[str, Callable[[Any], Any]] = {
    "title": lambda v: _require_text(v, "title"),
    "incident_date": lambda v: parse_date(v, "incident date"),
    "authors": parse_authors,
    "status": lambda v: parse_enum(Status, v, "status"),
    "severity": lambda v: parse_enum(Severity, v, "severity"),
    "started_at": lambda v: parse_utc(v, "incident start"),
    "ended_at": lambda v: parse_utc(v, "incident end"),
    "draft_shared_at": lambda v: parse_utc(v, "draft shared time"),
    "meeting_at": lambda v: parse_utc(v, "meeting time"),
    **{
        name: (lambda v, n=name: _require_text(v, n.replace("_", " ")))
        for name in SCALAR_TEXT_FIELDS
    },
}


class Store:
    """A pmdesk store file: postmortems and everything in them."""

    def __init__(
        self,
        path: str | Path,
        *,
        clock: Callable[[], datetime] | None = None,
        read_only: bool = False,
        checked: FileState | None = None,
    ) -> None:
        """Open (creating when new) the store at `path`, migrating an older file forward.

        `read_only` is for commands that only read (gate, actions, metrics, list): the
        file is opened so that SQLite cannot write it, which also makes the full
        integrity check (a read of every page) unnecessary; a damaged page met later
        raises sqlite3.DatabaseError, which the command line reports in one line. A
        missing or older file is opened as usual.

        `checked`: what `check_store` returned for this file, called earlier (the window
        calls it off its UI thread). While the file is still in that state, it is not
        checked again; a file changed since is checked here as usual.
        """
        self.path = Path(path).expanduser()
        self._clock = clock or (lambda: datetime.now(UTC))
        self._depth = 0
        self.read_only = read_only and is_regular_file(self.path)
        if checked is None or read_only or file_state(self.path) != checked:
            inspect_file(self.path, full_check=not self.read_only)
        conn = self._connect_read_only() if self.read_only else None
        if conn is None:
            if self.read_only:  # an older file: checked in full, then migrated
                self.read_only = False
                inspect_file(self.path)
            conn = self._connect_read_write()
        #: the connection every read and transaction goes through (autocommit mode)
        self.conn = conn
        self._db: sqlite_utils.Database | None = None

    def _connect_read_write(self) -> sqlite3.Connection:
        with leave_no_trace(self.path):
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise explain_os_error(exc, self.path) from None
            try:
                conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            except sqlite3.Error as exc:
                raise explain(exc, self.path) from None
            try:
                conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
                conn.execute("PRAGMA journal_mode = WAL")
                # FULL: an acknowledged autosave survives a power cut, not just a crash.
                conn.execute("PRAGMA synchronous = FULL")
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("PRAGMA recursive_triggers = ON")
                if (
                    0
                    < conn.execute("PRAGMA user_version").fetchone()[0]
                    < migrations.LATEST_VERSION
                ):
                    keep_before_migration(self.path)
                migrations.migrate(conn)
            except sqlite3.Error as exc:
                conn.close()
                raise explain(exc, self.path) from None
        return conn

    def _connect_read_only(self) -> sqlite3.Connection | None:
        """A connection that cannot write, or None when the file needs migrating first."""
        uri = self.path.resolve().as_uri() + "?mode=ro"
        with leave_no_trace(self.path):
            try:
                conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
                conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
                conn.execute("PRAGMA recursive_triggers = ON")
                version = conn.execute("PRAGMA user_version").fetchone()[0]
            except sqlite3.Error as exc:
                raise explain(exc, self.path, "read") from None
        if version < migrations.LATEST_VERSION:
            conn.close()
            return None
        return conn

    # --- life cycle ------------------------------------------------------------------

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for its table inserts and updates.

        Made on first use: reads need only the connection, and importing sqlite-utils (its
        command-line and plug-in machinery) is ~40 ms that the window's first paint and the
        reading commands do without (benchmarks/scale.py)."""
        if self._db is None:
            from pmdesk.models.sqlite_lib import sqlite_utils

            # (it would turn recursive triggers on; each connection has them on already)
            self._db = sqlite_utils.Database(
                self.conn, execute_plugins=False, recursive_triggers=False
            )
        return self._db

    def _query(self, sql: str, params: Any = ()) -> Iterator[dict[str, Any]]:
        """Rows as dicts, column name to value."""
        cursor = self.conn.execute(sql, params)
        keys = [d[0] for d in cursor.description]
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    def close(self) -> None:
        self.conn.close()
        if not self.read_only:
            # Every store opened for writing was checked in full (or made new here), and what
            # was written since went through SQLite and this class: the file as it is left
            # needs no check at its next open (pmdesk.models.checked).
            remember_checked(self.path, file_state(self.path), "full")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self._scalar("PRAGMA user_version")

    def data_version(self) -> int:
        """Changes whenever another connection commits to the file (PRAGMA data_version)."""
        return self._scalar("PRAGMA data_version")

    def integrity_check(self) -> str:
        """'ok' for a healthy file; SQLite's findings otherwise."""
        rows = self.conn.execute("PRAGMA integrity_check").fetchall()
        return "\n".join(r[0] for r in rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        conn = self.conn
        if self.read_only:
            raise StoreError(f"{self.path} was opened read-only")
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise explain(exc, self.path, "write to") from None
        self._depth = 1
        try:
            yield
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            # disk full, file made read-only, lock lost: the user can act on these
            _rollback(conn)
            raise explain(exc, self.path, "write to") from None
        except BaseException:
            _rollback(conn)
            raise
        finally:
            self._depth = 0

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Several reads that see one consistent state of the file."""
        if self._depth or self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            self.conn.execute("COMMIT")

    # --- postmortems -----------------------------------------------------------------

    def create(self, pm: Postmortem, *, keep_id: bool = False) -> Postmortem:
        """Insert a whole postmortem and its lists; return it as stored, with ids.

        `keep_id` re-inserts a deleted postmortem under its old id (undo of delete).
        """
        now = self._clock()
        row = _postmortem_row(pm)
        row["created_at"] = format_utc(pm.created_at or now)
        row["updated_at"] = format_utc(now)
        if keep_id:
            if pm.id is None:
                raise ValueError("keep_id needs a postmortem with an id")
            row["id"] = pm.id
        with self.transaction():
            try:
                pm_id = self.db["postmortems"].insert(row).last_pk
            except sqlite3.IntegrityError:
                raise StoreError(f"postmortem {pm.id} already exists") from None
            self._insert_children(pm_id, pm, keep_ids=keep_id)
            self._reindex(pm_id)
        return self.get(pm_id)

    def add_many(self, pms: Iterable[Postmortem]) -> list[int]:
        """Insert many postmortems in one transaction and return their ids (a library index).

        The same rows as `create`, written with plain executemany: building an index of
        thousands of files spends its time here, and sqlite-utils' per-row insert costs 4x.
        """
        now = format_utc(self._clock())
        ids: list[int] = []
        conn = self.conn
        with self.transaction():
            for pm in pms:
                row = _postmortem_row(pm)
                row["created_at"] = format_utc(pm.created_at) if pm.created_at else now
                row["updated_at"] = now
                names = ", ".join(row)
                marks = ", ".join("?" * len(row))
                cursor = conn.execute(
                    f"INSERT INTO postmortems ({names}) VALUES ({marks})", list(row.values())
                )
                pm_id = int(cursor.lastrowid)  # type: ignore[arg-type]
                ids.append(pm_id)
                _insert_rows(conn, "timeline_events", [_event_row(pm_id, e) for e in pm.timeline])
                _insert_rows(
                    conn,
                    "whys",
                    [
                        {"postmortem_id": pm_id, "position": i, "answer": _require_text(a, "why")}
                        for i, a in enumerate(pm.whys)
                    ],
                )
                _insert_rows(
                    conn,
                    "contributing_factors",
                    [
                        {
                            "postmortem_id": pm_id,
                            "position": i,
                            "text": f.text,
                            "checked": f.checked,
                        }
                        for i, f in enumerate(pm.contributing_factors)
                    ],
                )
                _insert_rows(
                    conn,
                    "action_items",
                    [
                        {"postmortem_id": pm_id, "position": i, **_action_row(item)}
                        for i, item in enumerate(pm.action_items)
                    ],
                )
                conn.execute(
                    "INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)",
                    [pm_id, pm.title, _search_body(pm)],
                )
        return ids

    def get(self, pm_id: int) -> Postmortem:
        with self._snapshot():
            rows = list(self._query("SELECT * FROM postmortems WHERE id = ?", [pm_id]))
            if not rows:
                raise NotFound(f"no postmortem with id {pm_id}")
            row = rows[0]
            timeline = [
                TimelineEvent(at=r["at"], text=r["text"], source=r["source"], id=r["id"])
                for r in self._query(
                    "SELECT * FROM timeline_events WHERE postmortem_id = ? ORDER BY at, id",
                    [pm_id],
                )
            ]
            whys = [
                r["answer"]
                for r in self._query(
                    "SELECT answer FROM whys WHERE postmortem_id = ? ORDER BY position", [pm_id]
                )
            ]
            factors = [
                ContributingFactor(text=r["text"], checked=bool(r["checked"]), id=r["id"])
                for r in self._ordered("contributing_factors", pm_id)
            ]
            actions = [_action(r) for r in self._ordered("action_items", pm_id)]
        values = {k: row[k] for k in row if k not in ("authors", "is_example")}
        return Postmortem(
            **values,
            authors=json.loads(row["authors"]),
            is_example=bool(row["is_example"]),
            timeline=timeline,
            whys=whys,
            contributing_factors=factors,
            action_items=actions,
        )

    def save(self, pm: Postmortem) -> Postmortem:
        """Replace a stored postmortem, lists included, with `pm` (which must have an id)."""
        if pm.id is None:
            raise ValueError("save needs a postmortem with an id; use create for a new one")
        row = _postmortem_row(pm)
        row["updated_at"] = format_utc(self._clock())
        with self.transaction():
            self._require("postmortems", pm.id)
            self.db["postmortems"].update(pm.id, row)
            for table in ("timeline_events", "whys", "contributing_factors", "action_items"):
                self.conn.execute(f"DELETE FROM {table} WHERE postmortem_id = ?", [pm.id])
            self._insert_children(pm.id, pm, keep_ids=False)
            self._reindex(pm.id)
        return self.get(pm.id)

    def update(self, pm_id: int, **fields: Any) -> None:
        """Set some header or free-text fields of a postmortem (the autosave path)."""
        values: dict[str, Any] = {}
        for name, value in fields.items():
            parser = _UPDATABLE.get(name)
            if parser is None:
                raise ValueError(f"Store.update cannot set {name!r}")
            values[name] = parser(value)
        with self.transaction():
            current = self._row("postmortems", pm_id)
            if "started_at" in values or "ended_at" in values:
                check_window(
                    values.get("started_at", parse_utc(current["started_at"])),
                    values.get("ended_at", parse_utc(current["ended_at"])),
                )
            row = {k: _column_value(v) for k, v in values.items()}
            row["updated_at"] = format_utc(self._clock())
            self.db["postmortems"].update(pm_id, row)
            self._reindex(pm_id)

    def delete(self, pm_id: int) -> Postmortem:
        """Delete a postmortem and everything in it; return what was deleted (for undo)."""
        with self.transaction():
            pm = self.get(pm_id)
            self.conn.execute("DELETE FROM postmortems WHERE id = ?", [pm_id])
            self.conn.execute("DELETE FROM search_index WHERE rowid = ?", [pm_id])
        return pm

    def list_postmortems(
        self,
        *,
        status: Status | str | None = None,
        severity: Severity | str | None = None,
        search: str = "",
        include_examples: bool = True,
        sort: str | None = None,
        descending: bool = False,
        limit: int | None = None,
        offset: int = 0,
        snippets: bool = True,
    ) -> list[PostmortemSummary]:
        """The library, newest incident first, or a page of it; `search` uses the full-text index.

        `sort` is one of library_query.SORT_KEYS; search results are ranked by relevance.
        Each match carries the passage that matched, unless `snippets` is False: making
        one reads the whole text of its postmortem (see `search_snippet`).
        """
        query = self._library_query(status, severity, search, include_examples, sort, descending)
        if query is None:
            return []
        with self._snapshot():
            matches = self._scalar(*query.count_sql()) if query.fts else 0
            rows = list(self._query(*query.page_sql(matches, limit, offset)))
            passages = (
                self._snippets(query.fts, [r["id"] for r in rows]) if query.fts and snippets else {}
            )
        return [_summary({**r, "snippet": passages.get(r["id"], "")}) for r in rows]

    def search_snippet(self, search: str, pm_id: int) -> str:
        """The passage of one postmortem that matches `search` ('' when none does)."""
        fts = _fts_query(search)
        return " ".join(self._snippets(fts, [pm_id]).get(pm_id, "").split()) if fts else ""

    def count_postmortems(
        self,
        *,
        status: Status | str | None = None,
        severity: Severity | str | None = None,
        search: str = "",
        include_examples: bool = True,
    ) -> int:
        """How many postmortems `list_postmortems` would list with these filters."""
        query = self._library_query(status, severity, search, include_examples, None, False)
        return 0 if query is None else self._scalar(*query.count_sql())

    @staticmethod
    def _library_query(
        status: Status | str | None,
        severity: Severity | str | None,
        search: str,
        include_examples: bool,
        sort: str | None,
        descending: bool,
    ) -> LibraryQuery | None:
        fts = _fts_query(search)
        if search.strip() and not fts:
            return None  # only punctuation typed: nothing can match
        return LibraryQuery(status, severity, fts, include_examples, sort, descending)

    def _snippets(self, fts: str, ids: list[int]) -> dict[int, str]:
        """The matching passage of each listed postmortem, made only for the rows shown."""
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        rows = self.conn.execute(
            "SELECT rowid, snippet(search_index, -1, '', '', '…', 12) FROM search_index "
            f"WHERE search_index MATCH ? AND rowid IN ({marks})",
            [fts, *ids],
        )
        return dict(rows.fetchall())

    def summary(self, pm_id: int) -> PostmortemSummary:
        """The library row of one postmortem."""
        return _summary({**self._row("postmortems", pm_id), "snippet": ""})

    def seed_example_once(self, example: Postmortem) -> Postmortem | None:
        """Give a brand-new store its example postmortem, once in the life of the file.

        A user who deletes the example does not get it back; a store that already
        holds postmortems gets none.
        """
        with self.transaction():
            if self.conn.execute("SELECT 1 FROM meta WHERE key = 'example_seeded'").fetchone():
                return None
            self.db["meta"].insert({"key": "example_seeded", "value": format_utc(self._clock())})
            if self._scalar("SELECT count(*) FROM postmortems"):
                return None
            example.is_example = True
            return self.create(example)

    # --- timeline --------------------------------------------------------------------

    def add_event(self, pm_id: int, event: TimelineEvent) -> TimelineEvent:
        return self.add_events(pm_id, [event])[0]

    def add_events(
        self, pm_id: int, events: Iterable[TimelineEvent], *, reindex: bool = True
    ) -> list[TimelineEvent]:
        """Add events in one transaction; return them with their ids.

        An event that carries an id (deleted earlier, now restored by undo) gets it back.
        `reindex=False` leaves the search index to a later call (a long import in
        batches rewrites it once, with its last batch).
        """
        added = []
        with self.transaction():
            self._require("postmortems", pm_id)
            for event in events:
                row = {**_reuse_id(event), **_event_row(pm_id, event)}
                if event.id is None:
                    # A plain INSERT: sqlite-utils' insert() inspects the table on every
                    # call, which made a 100,000-event import take 20 s.
                    event_id = self.conn.execute(
                        "INSERT INTO timeline_events (postmortem_id, at, text, source) "
                        "VALUES (:postmortem_id, :at, :text, :source) RETURNING id",
                        row,
                    ).fetchone()[0]
                else:
                    event_id = _insert(self.db["timeline_events"], row)
                added.append(dataclasses.replace(event, id=event_id))
            if reindex:
                self._touch(pm_id)
        return added

    def get_event(self, event_id: int) -> TimelineEvent:
        r = self._row("timeline_events", event_id)
        return TimelineEvent(at=r["at"], text=r["text"], source=r["source"], id=r["id"])

    def update_event(self, event: TimelineEvent) -> None:
        self._update_child("timeline_events", event.id, _event_row(None, event))

    def delete_event(self, event_id: int) -> None:
        self._delete_child("timeline_events", event_id)

    def timeline_keys(self, pm_id: int) -> set[tuple[datetime, str]]:
        """(UTC time, text) of every event in a timeline: what an import must not repeat."""
        self._require("postmortems", pm_id)
        rows = self.conn.execute(
            "SELECT at, text FROM timeline_events WHERE postmortem_id = ?", [pm_id]
        )
        return {(parse_utc(at), text) for at, text in rows}  # type: ignore[misc]

    # --- Five Whys -------------------------------------------------------------------

    def set_whys(self, pm_id: int, whys: list[str]) -> None:
        """Replace the Five Whys answers of a postmortem (the chain is short)."""
        with self.transaction():
            self._require("postmortems", pm_id)
            self.conn.execute("DELETE FROM whys WHERE postmortem_id = ?", [pm_id])
            self._insert_whys(pm_id, whys)
            self._touch(pm_id)

    def root_cause_categories(self) -> list[str]:
        """Root-cause categories already in use, most used first (to offer them again).

        Spellings that differ only in case or spacing count as one (as the recurrence
        metric counts them), shown as most postmortems wrote it.
        """
        rows = self.conn.execute(
            "SELECT trim(root_cause_category) AS c, count(*) AS n FROM postmortems "
            "WHERE trim(root_cause_category) != '' GROUP BY c ORDER BY n DESC, c"
        ).fetchall()
        seen: dict[str, str] = {}
        totals: dict[str, int] = {}
        for category, count in rows:
            key = normalise_category(category)
            seen.setdefault(key, category)
            totals[key] = totals.get(key, 0) + count
        return [seen[k] for k in sorted(totals, key=lambda k: (-totals[k], seen[k].casefold()))]

    # --- contributing factors --------------------------------------------------------

    def add_factor(
        self, pm_id: int, factor: ContributingFactor, *, position: int | None = None
    ) -> ContributingFactor:
        """Append a factor, or insert it at `position` (0-based) in the checklist.

        A factor that carries an id (deleted earlier, now restored by undo) gets it back.
        """
        row = {**_reuse_id(factor), "text": factor.text, "checked": int(factor.checked)}
        new_id = self._insert_child("contributing_factors", pm_id, row, position)
        return dataclasses.replace(factor, id=new_id)

    def get_factor(self, factor_id: int) -> ContributingFactor:
        r = self._row("contributing_factors", factor_id)
        return ContributingFactor(text=r["text"], checked=bool(r["checked"]), id=r["id"])

    def update_factor(self, factor: ContributingFactor) -> None:
        self._update_child(
            "contributing_factors", factor.id, {"text": factor.text, "checked": int(factor.checked)}
        )

    def delete_factor(self, factor_id: int) -> None:
        self._delete_child("contributing_factors", factor_id)

    def reorder_factors(self, pm_id: int, ids: list[int]) -> None:
        self._reorder("contributing_factors", pm_id, ids)

    # --- action items ----------------------------------------------------------------

    def add_action(
        self, pm_id: int, item: ActionItem, *, position: int | None = None
    ) -> ActionItem:
        """Append an action item, or insert it at `position`; a carried id is reused (undo)."""
        row = {**_reuse_id(item), **_action_row(item)}
        new_id = self._insert_child("action_items", pm_id, row, position)
        return dataclasses.replace(item, id=new_id)

    def update_action(self, item: ActionItem) -> None:
        self._update_child("action_items", item.id, _action_row(item))

    def delete_action(self, action_id: int) -> None:
        self._delete_child("action_items", action_id)

    def reorder_actions(self, pm_id: int, ids: list[int]) -> None:
        self._reorder("action_items", pm_id, ids)

    def get_action(self, action_id: int) -> ActionItem:
        return _action(self._row("action_items", action_id))

    def actions(
        self,
        *,
        include_examples: bool = False,
        open_only: bool = False,
        overdue_on: date | None = None,
        min_priority: Priority | str | None = None,
    ) -> list[ActionRecord]:
        """Action items with their postmortem's title and severity, in document order.

        `open_only` leaves out items that are done; `overdue_on` keeps the items
        overdue on that day (open, due before it) and `min_priority` those of that
        priority or higher. All are answered by SQL from the index on (status,
        due_date), so a deploy gate never reads the rest.
        """
        sql = (
            "SELECT a.*, p.title AS pm_title, p.severity AS pm_severity "
            # the summary index holds every column used here: the rows with the text are not read
            "FROM action_items AS a JOIN postmortems AS p INDEXED BY postmortems_summary "
            "ON p.id = a.postmortem_id WHERE 1"
        )
        params: list[Any] = []
        if not include_examples:
            sql += " AND p.is_example = 0"
        if open_only:
            sql += f" AND a.status != '{ActionStatus.DONE.value}'"
        if overdue_on is not None:
            sql += " AND a.status IN ('open', 'in_progress') AND a.due_date < ?"
            params.append(overdue_on.isoformat())
        if min_priority is not None:
            floor = parse_enum(Priority, min_priority, "priority").rank
            wanted = [p.value for p in Priority if p.rank >= floor]
            sql += f" AND a.priority IN ({', '.join('?' * len(wanted))})"
            params += wanted
        sql += " ORDER BY p.id, a.position"
        return [
            ActionRecord(
                item=_action(r),
                postmortem_id=r["postmortem_id"],
                postmortem_title=r["pm_title"],
                severity=Severity(r["pm_severity"]),
            )
            for r in self._query(sql, params)
        ]

    def postmortems(self, *, include_examples: bool = False) -> list[Postmortem]:
        """Every postmortem in full, oldest incident first (for metrics and schedules)."""
        sql = "SELECT id FROM postmortems"
        if not include_examples:
            sql += " WHERE is_example = 0"
        sql += " ORDER BY incident_date, id"
        with self._snapshot():
            return [self.get(r["id"]) for r in self._query(sql)]

    # --- public version ---------------------------------------------------------------

    def public_choices(self, pm_id: int) -> str | None:
        """The saved choices for the public version of a postmortem (JSON), if any."""
        row = self.conn.execute(
            "SELECT choices FROM public_version_choices WHERE postmortem_id = ?", [pm_id]
        ).fetchone()
        return None if row is None else row[0]

    def set_public_choices(self, pm_id: int, choices: str) -> None:
        with self.transaction():
            self._require("postmortems", pm_id)
            self.conn.execute(
                "INSERT INTO public_version_choices (postmortem_id, choices) VALUES (?, ?) "
                "ON CONFLICT (postmortem_id) DO UPDATE SET choices = excluded.choices",
                [pm_id, choices],
            )

    def metric_facts(self, *, include_examples: bool = False) -> list[PostmortemFacts]:
        """What the practice metrics need of every postmortem, without reading its text."""
        # imported here: the metrics and their schedule are no part of opening the window
        from pmdesk.models.metrics import ActionFacts, PostmortemFacts

        day = _iso_date
        statuses = {s.value: s for s in ActionStatus}
        items: dict[int, list[ActionFacts]] = {}
        with self._snapshot():
            for pm_id, due, status, done in self.conn.execute(
                "SELECT postmortem_id, due_date, status, completed_on FROM action_items "
                "ORDER BY postmortem_id, position"
            ):
                items.setdefault(pm_id, []).append(
                    ActionFacts(day(due), statuses[status], day(done))
                )
            sql = (
                "SELECT id, incident_date, meeting_at, root_cause_category, severity, status, "
                "is_example FROM postmortems INDEXED BY postmortems_metrics"
            )
            if not include_examples:
                sql += " WHERE is_example = 0"
            rows = self.conn.execute(sql + " ORDER BY incident_date, id").fetchall()
        return [
            PostmortemFacts(
                id=pm_id,
                incident_date=day(incident),
                meeting_at=parse_utc(meeting) if meeting else None,
                root_cause_category=category,
                severity=Severity(severity),
                status=Status(status),
                is_example=bool(example),
                action_items=tuple(items.get(pm_id, ())),
            )
            for pm_id, incident, meeting, category, severity, status, example in rows
        ]

    # --- internals -------------------------------------------------------------------

    def _scalar(self, sql: str, params: Iterable[Any] = ()) -> Any:
        return self.conn.execute(sql, list(params)).fetchone()[0]

    def _row(self, table: str, row_id: int | None) -> dict[str, Any]:
        rows = list(self._query(f"SELECT * FROM {table} WHERE id = ?", [row_id]))
        if not rows:
            raise NotFound(f"no {_NOUNS[table]} with id {row_id}")
        return rows[0]

    def _require(self, table: str, row_id: int | None) -> None:
        self._row(table, row_id)

    def _ordered(self, table: str, pm_id: int) -> Iterator[dict[str, Any]]:
        return self._query(
            f"SELECT * FROM {table} WHERE postmortem_id = ? ORDER BY position, id", [pm_id]
        )

    def _touch(self, pm_id: int) -> None:
        self.conn.execute(
            "UPDATE postmortems SET updated_at = ? WHERE id = ?",
            [format_utc(self._clock()), pm_id],
        )
        self._reindex(pm_id)

    def _insert_children(self, pm_id: int, pm: Postmortem, *, keep_ids: bool) -> None:
        def ident(obj: Any) -> dict[str, Any]:
            return {"id": obj.id} if keep_ids and obj.id is not None else {}

        for event in pm.timeline:
            self.db["timeline_events"].insert({**ident(event), **_event_row(pm_id, event)})
        self._insert_whys(pm_id, pm.whys)
        for position, factor in enumerate(pm.contributing_factors):
            self.db["contributing_factors"].insert(
                {
                    **ident(factor),
                    "postmortem_id": pm_id,
                    "position": position,
                    "text": factor.text,
                    "checked": int(factor.checked),
                }
            )
        for position, item in enumerate(pm.action_items):
            self.db["action_items"].insert(
                {**ident(item), "postmortem_id": pm_id, "position": position, **_action_row(item)}
            )

    def _insert_whys(self, pm_id: int, whys: list[str]) -> None:
        for position, answer in enumerate(whys):
            if not isinstance(answer, str):
                raise ValidationError("a Five Whys answer must be text")
            self.db["whys"].insert({"postmortem_id": pm_id, "position": position, "answer": answer})

    def _insert_child(
        self, table: str, pm_id: int, row: dict[str, Any], position: int | None
    ) -> int:
        with self.transaction():
            self._require("postmortems", pm_id)
            count = self._scalar(f"SELECT count(*) FROM {table} WHERE postmortem_id = ?", [pm_id])
            if position is None or position >= count:
                position = count
            else:
                self._normalise_positions(table, pm_id)
                self.conn.execute(
                    f"UPDATE {table} SET position = position + 1 "
                    "WHERE postmortem_id = ? AND position >= ?",
                    [pm_id, position],
                )
            new_id = _insert(
                self.db[table], {**row, "postmortem_id": pm_id, "position": max(0, position)}
            )
            self._touch(pm_id)
        return int(new_id)

    def _normalise_positions(self, table: str, pm_id: int) -> None:
        ids = [r["id"] for r in self._ordered(table, pm_id)]
        for position, row_id in enumerate(ids):
            self.conn.execute(f"UPDATE {table} SET position = ? WHERE id = ?", [position, row_id])

    def _update_child(self, table: str, row_id: int | None, row: dict[str, Any]) -> None:
        if row_id is None:
            raise ValueError(f"cannot update a {_NOUNS[table]} without an id")
        row = {k: v for k, v in row.items() if k != "postmortem_id"}
        with self.transaction():
            pm_id = self._row(table, row_id)["postmortem_id"]
            self.db[table].update(row_id, row)
            self._touch(pm_id)

    def _delete_child(self, table: str, row_id: int) -> None:
        with self.transaction():
            pm_id = self._row(table, row_id)["postmortem_id"]
            self.conn.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])
            self._touch(pm_id)

    def _reorder(self, table: str, pm_id: int, ids: list[int]) -> None:
        with self.transaction():
            existing = {r["id"] for r in self._ordered(table, pm_id)}
            if set(ids) != existing or len(ids) != len(existing):
                raise ValidationError(
                    f"a new order must list every {_NOUNS[table]} of the postmortem once"
                )
            for position, row_id in enumerate(ids):
                self.conn.execute(
                    f"UPDATE {table} SET position = ? WHERE id = ?", [position, row_id]
                )
            self._touch(pm_id)

    def _reindex(self, pm_id: int) -> None:
        """Rewrite the full-text index row of one postmortem from what is stored now."""
        row = self._row("postmortems", pm_id)
        parts = [row[name] for name in SCALAR_TEXT_FIELDS]
        parts.append(" ".join(json.loads(row["authors"])))
        for sql in (
            "SELECT text FROM timeline_events WHERE postmortem_id = ?",
            "SELECT answer FROM whys WHERE postmortem_id = ?",
            "SELECT text FROM contributing_factors WHERE postmortem_id = ?",
            "SELECT action || ' ' || owner FROM action_items WHERE postmortem_id = ?",
        ):
            parts.extend(r[0] for r in self.conn.execute(sql, [pm_id]))
        self.conn.execute("DELETE FROM search_index WHERE rowid = ?", [pm_id])
        self.conn.execute(
            "INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)",
            [pm_id, row["title"], "\n".join(p for p in parts if p)],
        )


_NOUNS = {
    "postmortems": "postmortem",
    "timeline_events": "timeline event",
    "whys": "Five Whys answer",
    "contributing_factors": "contributing factor",
    "action_items": "action item",
}


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _reuse_id(obj: Any) -> dict[str, Any]:
    return {"id": obj.id} if obj.id is not None else {}


def _insert(table: sqlite_utils.db.Table, row: dict[str, Any]) -> int:
    try:
        return int(table.insert(row).last_pk)
    except sqlite3.IntegrityError:
        if "id" in row:
            raise StoreError(f"{_NOUNS[table.name]} {row['id']} exists already") from None
        raise


def _search_body(pm: Postmortem) -> str:
    """The full-text body `_reindex` reads back from the rows, made from the postmortem itself."""
    parts = [getattr(pm, name) for name in SCALAR_TEXT_FIELDS]
    parts.append(" ".join(pm.authors))
    parts += [e.text for e in pm.timeline]
    parts += pm.whys
    parts += [f.text for f in pm.contributing_factors]
    parts += [f"{a.action} {a.owner}" for a in pm.action_items]
    return "\n".join(p for p in parts if p)


def _insert_rows(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    if rows:
        names = ", ".join(rows[0])
        marks = ", ".join("?" * len(rows[0]))
        conn.executemany(
            f"INSERT INTO {table} ({names}) VALUES ({marks})", [list(r.values()) for r in rows]
        )


def _summary(row: dict[str, Any]) -> PostmortemSummary:
    return PostmortemSummary(
        id=row["id"],
        title=row["title"],
        incident_date=parse_date(row["incident_date"]),
        severity=Severity(row["severity"]),
        status=Status(row["status"]),
        is_example=bool(row["is_example"]),
        updated_at=parse_utc(row["updated_at"]),  # type: ignore[arg-type]
        snippet=" ".join(row["snippet"].split()),
    )


def _iso_date(value: str | None) -> date | None:
    """A date column as stored (always ISO, written by this Store), or None."""
    return date.fromisoformat(value) if value else None


def is_regular_file(path: Path) -> bool:
    """True for an existing regular file; False for anything else, unreadable names included."""
    try:
        return path.is_file()
    except OSError:  # a name too long, a part of the path that is a file: said by inspect_file
        return False


def _require_text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"{what} must be text")
    return value


def _column_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return format_utc(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _postmortem_row(pm: Postmortem) -> dict[str, Any]:
    names = ["title", "incident_date", "status", "severity", "started_at", "ended_at"]
    names += [*SCALAR_TEXT_FIELDS, "draft_shared_at", "meeting_at"]
    row = {name: _column_value(getattr(pm, name)) for name in names}
    row["authors"] = json.dumps(pm.authors, ensure_ascii=False)
    row["is_example"] = int(pm.is_example)
    return row


def _event_row(pm_id: int | None, event: TimelineEvent) -> dict[str, Any]:
    return {
        "postmortem_id": pm_id,
        "at": format_utc(event.at),
        "text": event.text,
        "source": event.source,
    }


def _action_row(item: ActionItem) -> dict[str, Any]:
    return {
        "action": item.action,
        "owner": item.owner,
        "priority": item.priority.value,
        "due_date": _column_value(item.due_date),
        "status": item.status.value,
        "completed_on": _column_value(item.completed_on),
        "tracker_url": item.tracker_url,
    }


def _action(row: dict[str, Any]) -> ActionItem:
    return ActionItem(
        action=row["action"],
        owner=row["owner"],
        priority=Priority(row["priority"]),
        due_date=row["due_date"],
        status=ActionStatus(row["status"]),
        completed_on=row["completed_on"],
        tracker_url=row["tracker_url"],
        id=row["id"],
    )


def _fts_query(text: str) -> str:
    """An FTS5 query matching every word typed, each as a prefix; safe for any input."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{w}"*' for w in words)
