"""The store's schema, as forward migrations registered in order.

Each migration is frozen SQL: once released it never changes, because files
written by that release exist. A new schema is a new migration appended here.
`PRAGMA user_version` records the last migration applied; each runs in its own
transaction together with the version bump, so a file is never half-migrated.
"""

from __future__ import annotations

import sqlite3

#: PRAGMA application_id of every pmdesk store: 'PMDK' in ASCII
APPLICATION_ID = 0x504D444B

_V1 = [
    f"PRAGMA application_id = {APPLICATION_ID}",
    """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE postmortems (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        incident_date TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL DEFAULT 'draft'
            CHECK (status IN ('draft', 'in_review', 'complete')),
        severity TEXT NOT NULL DEFAULT 'P2' CHECK (severity IN ('P1', 'P2', 'P3')),
        started_at TEXT,
        ended_at TEXT,
        user_impact TEXT NOT NULL DEFAULT '',
        revenue_impact TEXT NOT NULL DEFAULT '',
        what_happened TEXT NOT NULL DEFAULT '',
        why_it_happened TEXT NOT NULL DEFAULT '',
        why_not_caught TEXT NOT NULL DEFAULT '',
        root_cause TEXT NOT NULL DEFAULT '',
        root_cause_category TEXT NOT NULL DEFAULT '',
        went_well TEXT NOT NULL DEFAULT '',
        could_improve TEXT NOT NULL DEFAULT '',
        draft_shared_at TEXT,
        meeting_at TEXT,
        is_example INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE timeline_events (
        id INTEGER PRIMARY KEY,
        postmortem_id INTEGER NOT NULL REFERENCES postmortems(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT 'manual'
    )
    """,
    "CREATE INDEX timeline_events_by_postmortem ON timeline_events(postmortem_id, at)",
    """
    CREATE TABLE whys (
        id INTEGER PRIMARY KEY,
        postmortem_id INTEGER NOT NULL REFERENCES postmortems(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        answer TEXT NOT NULL DEFAULT ''
    )
    """,
    "CREATE INDEX whys_by_postmortem ON whys(postmortem_id, position)",
    """
    CREATE TABLE contributing_factors (
        id INTEGER PRIMARY KEY,
        postmortem_id INTEGER NOT NULL REFERENCES postmortems(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        checked INTEGER NOT NULL DEFAULT 0
    )
    """,
    "CREATE INDEX contributing_factors_by_postmortem ON contributing_factors(postmortem_id, position)",
    """
    CREATE TABLE action_items (
        id INTEGER PRIMARY KEY,
        postmortem_id INTEGER NOT NULL REFERENCES postmortems(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        action TEXT NOT NULL DEFAULT '',
        owner TEXT NOT NULL DEFAULT '',
        priority TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('high', 'medium', 'low')),
        due_date TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done')),
        completed_on TEXT,
        tracker_url TEXT NOT NULL DEFAULT ''
    )
    """,
    "CREATE INDEX action_items_by_postmortem ON action_items(postmortem_id, position)",
    "CREATE INDEX action_items_by_due_date ON action_items(status, due_date)",
]

# Version 2: full-text search over everything a postmortem says. The index row of
# a postmortem has rowid = postmortem id and is rewritten by the Store in the
# same transaction as every change; existing postmortems are indexed here.
_V2 = [
    """
    CREATE VIRTUAL TABLE search_index USING fts5(
        title, body, tokenize = 'porter unicode61 remove_diacritics 2'
    )
    """,
    """
    INSERT INTO search_index (rowid, title, body)
    SELECT p.id, p.title,
        p.user_impact || char(10) || p.revenue_impact || char(10) || p.what_happened
        || char(10) || p.why_it_happened || char(10) || p.why_not_caught || char(10)
        || p.root_cause || char(10) || p.root_cause_category || char(10) || p.went_well
        || char(10) || p.could_improve || char(10) || p.authors || char(10)
        || coalesce((SELECT group_concat(text, char(10)) FROM timeline_events
            WHERE postmortem_id = p.id), '') || char(10)
        || coalesce((SELECT group_concat(answer, char(10)) FROM whys
            WHERE postmortem_id = p.id), '') || char(10)
        || coalesce((SELECT group_concat(text, char(10)) FROM contributing_factors
            WHERE postmortem_id = p.id), '') || char(10)
        || coalesce((SELECT group_concat(action || ' ' || owner, char(10)) FROM action_items
            WHERE postmortem_id = p.id), '')
    FROM postmortems AS p
    """,
]

# Version 3: notes taken during the review meeting (meeting mode's console).
_V3 = ["ALTER TABLE postmortems ADD COLUMN meeting_notes TEXT NOT NULL DEFAULT ''"]

# Version 4: the facilitator's choices for a postmortem's public version (replacements
# rejected, terms added, sections kept internal), as one JSON document that pmdesk.share reads.
_V4 = [
    """
    CREATE TABLE public_version_choices (
        postmortem_id INTEGER PRIMARY KEY REFERENCES postmortems(id) ON DELETE CASCADE,
        choices TEXT NOT NULL
    )
    """
]

# Version 5: a library of thousands stays instant. The list, its search and the
# practice metrics read small covering indexes instead of rows that carry every
# word of a postmortem, and the search index keeps prefixes of one to three
# characters, so that a search typed one letter at a time is answered from it.
_V5 = [
    """
    CREATE INDEX postmortems_by_date ON postmortems(
        incident_date, id, title, severity, status, is_example, updated_at
    )
    """,
    """
    CREATE INDEX postmortems_summary ON postmortems(
        id, title, incident_date, severity, status, is_example, updated_at
    )
    """,
    """
    CREATE INDEX postmortems_metrics ON postmortems(
        id, incident_date, meeting_at, root_cause_category, severity, status, is_example
    )
    """,
    """
    CREATE VIRTUAL TABLE search_index_v5 USING fts5(
        title, body, tokenize = 'porter unicode61 remove_diacritics 2', prefix = '1 2 3'
    )
    """,
    "INSERT INTO search_index_v5 (rowid, title, body) SELECT rowid, title, body FROM search_index",
    "DROP TABLE search_index",
    "ALTER TABLE search_index_v5 RENAME TO search_index",
]

MIGRATIONS: list[list[str]] = [_V1, _V2, _V3, _V4, _V5]
LATEST_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, target: int = LATEST_VERSION) -> int:
    """Apply the migrations after the file's version, up to `target`; return the new version.

    `conn` must be in autocommit mode (isolation_level None) so that each
    migration's BEGIN IMMEDIATE is ours.
    """
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    for version in range(current + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in MIGRATIONS[version - 1]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return max(current, target)
