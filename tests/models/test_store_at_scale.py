"""A library of hundreds: pages, counts, SQL-filtered actions and metrics read without the text."""

import random
import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest

from pmdesk.models import Store
from pmdesk.models.followup import action_rows, gate_blockers
from pmdesk.models.metrics import practice_metrics
from pmdesk.models.migrations import LATEST_VERSION, migrate

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks" / "support"))
from scale_store import realistic  # noqa: E402 - the benchmark's own generator

TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Store:
    """300 varied postmortems over two years, made by the scale benchmark's generator."""
    rng = random.Random(5)
    store = Store(tmp_path_factory.mktemp("scale") / "library.db")
    with store.transaction():
        for n in range(300):
            store.create(realistic(rng, n, TODAY))
    yield store
    store.close()


def test_pages_put_together_are_the_whole_list_in_the_same_order(library):
    whole = library.list_postmortems()
    pages = [library.list_postmortems(limit=40, offset=o) for o in range(0, 320, 40)]
    assert [r.id for page in pages for r in page] == [r.id for r in whole]
    assert library.count_postmortems() == len(whole) == 300
    dates = [r.incident_date for r in whole]
    assert dates == sorted(dates, reverse=True)


def test_filters_and_search_are_counted_as_they_are_listed(library):
    for filters in ({"severity": "P1"}, {"status": "draft"}, {"search": "certificate"}):
        listed = library.list_postmortems(**filters)
        assert library.count_postmortems(**filters) == len(listed), filters
    first = library.list_postmortems(search="certificate", limit=5)
    assert len(first) == 5 and all(r.snippet for r in first)
    assert library.count_postmortems(search="zebra") == 0
    assert library.list_postmortems(search="zebra", limit=5) == []


def test_sorting_by_a_column_is_done_by_the_query(library):
    titles = [r.title for r in library.list_postmortems(sort="title", limit=50)]
    assert titles == sorted(titles, key=str.casefold)
    backwards = library.list_postmortems(sort="severity", descending=True, limit=300)
    assert [r.severity.value for r in backwards] == sorted(
        (r.severity.value for r in backwards), reverse=True
    )
    with pytest.raises(ValueError):
        library.list_postmortems(sort="id; DROP TABLE postmortems")


def test_a_page_of_the_list_reads_indexes_not_the_rows_with_the_text(library):
    def plan(sql: str, params: list) -> str:
        rows = library.db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
        return " ".join(r[-1] for r in rows)

    from pmdesk.models.library_query import LibraryQuery

    sql, params = LibraryQuery().page_sql(0, 100, 0)
    assert "COVERING INDEX postmortems_by_date" in plan(sql, params)
    assert "TEMP B-TREE" not in plan(sql, params)  # no sort of the whole library
    sql, params = LibraryQuery(fts='"payment"*').page_sql(5000, 100, 0)
    assert "COVERING INDEX postmortems_by_date" in plan(sql, params)
    assert "TEMP B-TREE" not in plan(sql, params)  # a broad search stops after one page
    sql, params = LibraryQuery(fts='"payment"*').page_sql(20, 100, 0)
    assert "COVERING INDEX postmortems_summary" in plan(sql, params)  # ranked by bm25


def test_overdue_and_gate_queries_match_filtering_every_item(library):
    everything = library.actions()
    assert everything, "the generator makes action items"
    assert action_rows(library.actions(overdue_on=TODAY), TODAY) == action_rows(
        everything, TODAY, overdue_only=True
    )
    for level in ("high", "medium", "low"):
        narrowed = library.actions(overdue_on=TODAY, min_priority=level)
        assert gate_blockers(narrowed, TODAY, level) == gate_blockers(everything, TODAY, level)
        assert len(narrowed) == len(gate_blockers(everything, TODAY, level))


def test_metrics_from_the_indexes_equal_metrics_from_whole_postmortems(library):
    for since in (date(2025, 1, 1), date(2026, 6, 1), date(2026, 11, 1)):
        light = practice_metrics(library.metric_facts(), since, TODAY, TODAY)
        full = practice_metrics(library.postmortems(), since, TODAY, TODAY)
        assert light == full
    assert light.postmortems > 0


def test_a_version_3_store_is_migrated_and_its_search_keeps_working(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=3)
    conn.execute(
        "INSERT INTO postmortems (id, title, created_at, updated_at, what_happened) "
        "VALUES (7, 'Queue backlog', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', "
        "'The consumer lagged forty minutes')"
    )
    conn.execute("INSERT INTO search_index (rowid, title, body) VALUES (7, 'Queue backlog', "
                 "'The consumer lagged forty minutes')")  # fmt: skip
    conn.close()
    with Store(path) as store:
        assert store.schema_version == LATEST_VERSION
        assert [r.id for r in store.list_postmortems(search="lag")] == [7]
        assert [r.id for r in store.list_postmortems(search="c")] == [7]  # a one-letter prefix
        assert store.count_postmortems(search="forty") == 1
