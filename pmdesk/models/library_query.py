"""The SQL of the library list and its search, built here and run by the Store.

A library holds thousands of postmortems, so a page of the list reads only the
covering indexes of migration 4 (never the rows with every word in them), and a
search is answered by the full-text index with a limit.

Search results are ranked by relevance (bm25) while there are at most
`RANK_LIMIT` matches. Ranking scores every match, which for a word found in
every postmortem costs tens of milliseconds; such a broad search lists its
matches newest incident first instead, which is also what a reader of a list of
thousands expects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pmdesk.models.postmortem import Severity, Status, parse_enum

RANK_LIMIT = 1000

SUMMARY_COLUMNS = "p.id, p.title, p.incident_date, p.severity, p.status, p.is_example, p.updated_at"

#: the columns a library list can be sorted by, as SQL
SORT_KEYS = {
    "title": "p.title COLLATE NOCASE",
    "date": "p.incident_date",
    "severity": "p.severity",
    "status": "CASE p.status WHEN 'draft' THEN 0 WHEN 'in_review' THEN 1 ELSE 2 END",
}

# Descending order puts postmortems without a date last (SQLite sorts NULL lowest),
# and the index on (incident_date, id) serves this order without a sort.
_NEWEST_FIRST = "p.incident_date DESC, p.id DESC"


@dataclass
class LibraryQuery:
    """Which postmortems a list shows: filters, the words searched, and the order."""

    status: Status | str | None = None
    severity: Severity | str | None = None
    fts: str = ""
    include_examples: bool = True
    sort: str | None = None
    descending: bool = False
    where: list[str] = field(default_factory=list, init=False)
    params: list[Any] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        if self.status:
            self.where.append("p.status = ?")
            self.params.append(parse_enum(Status, self.status, "status").value)
        if self.severity:
            self.where.append("p.severity = ?")
            self.params.append(parse_enum(Severity, self.severity, "severity").value)
        if not self.include_examples:
            self.where.append("p.is_example = 0")
        if self.sort is not None and self.sort not in SORT_KEYS:
            raise ValueError(f"cannot sort the library by {self.sort!r}")

    def _from(self, *, ranked: bool = False) -> tuple[str, list[Any]]:
        if ranked:
            # bm25 needs the full-text cursor: join from it, reading the summary index.
            sql = (
                "FROM search_index JOIN postmortems AS p INDEXED BY postmortems_summary "
                "ON p.id = search_index.rowid WHERE search_index MATCH ?"
            )
            params = [self.fts, *self.params]
        else:
            # Walk the date index in order and keep the matches: a page of a search that
            # matches everything stops after one page instead of sorting every match.
            sql, params = "FROM postmortems AS p INDEXED BY postmortems_by_date WHERE 1", []
            if self.fts:
                sql += " AND p.id IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)"
                params.append(self.fts)
            params += self.params
        return sql + "".join(f" AND {w}" for w in self.where), params

    def count_sql(self) -> tuple[str, list[Any]]:
        if self.fts and not self.where:
            return "SELECT count(*) FROM search_index WHERE search_index MATCH ?", [self.fts]
        sql, params = self._from()
        return f"SELECT count(*) {sql}", params

    def page_sql(self, matches: int, limit: int | None, offset: int) -> tuple[str, list[Any]]:
        """One page of summaries; `matches` is the count, which decides whether to rank."""
        ranked = bool(self.fts) and self.sort is None and matches <= RANK_LIMIT
        sql, params = self._from(ranked=ranked)
        if self.sort is not None:
            direction = "DESC" if self.descending else "ASC"
            order = f"{SORT_KEYS[self.sort]} {direction}, {_NEWEST_FIRST}"
        elif ranked:
            order = "bm25(search_index, 5.0, 1.0), p.id DESC"
        else:
            order = _NEWEST_FIRST
        sql = f"SELECT {SUMMARY_COLUMNS} {sql} ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return sql, params
