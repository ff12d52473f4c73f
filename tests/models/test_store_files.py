"""Files that are not pmdesk stores, damaged files, newer files, and migrations."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from pmdesk.models import (
    DamagedStore,
    NewerStore,
    NotAPmdeskStore,
    Postmortem,
    Store,
    StoreError,
)
from pmdesk.models.migrations import LATEST_VERSION

DATA = Path(__file__).parent.parent / "data"


def _refused(path: Path, error: type[StoreError], match: str) -> None:
    before = path.read_bytes()
    with pytest.raises(error, match=match):
        Store(path)
    assert path.read_bytes() == before, "a refused file must be left byte for byte"


def test_text_file_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my meeting notes\n" * 100)
    _refused(path, NotAPmdeskStore, "not an SQLite database")


def test_other_programs_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.execute("INSERT INTO songs VALUES ('x')")
    conn.commit()
    conn.close()
    _refused(path, NotAPmdeskStore, "another program")


def _good_store(path: Path) -> None:
    with Store(path) as store:
        for i in range(40):
            store.create(Postmortem(title=f"incident {i}", what_happened="words " * 200))
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_damaged_pages_are_refused_untouched(tmp_path):
    path = tmp_path / "damaged.db"
    _good_store(path)
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 2 : page * 4] = b"\xa5" * (page * 2)  # two b-tree pages of garbage
    path.write_bytes(bytes(data))
    _refused(path, DamagedStore, "damaged")


def test_truncated_file_is_refused_untouched(tmp_path):
    path = tmp_path / "cut.db"
    _good_store(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    _refused(path, DamagedStore, "damaged")


def test_newer_store_is_refused_with_a_message(tmp_path):
    path = tmp_path / "future.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    _refused(path, NewerStore, "newer pmdesk")


def test_folder_is_refused(tmp_path):
    with pytest.raises(NotAPmdeskStore, match="folder"):
        Store(tmp_path)


def test_empty_file_becomes_a_store(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    with Store(path) as store:
        assert store.schema_version == LATEST_VERSION


def test_version_1_file_is_migrated_on_open(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(DATA / "store-v1.db", path)
    with Store(path) as store:
        assert store.schema_version == LATEST_VERSION
        [row] = store.list_postmortems()
        assert row.title == "Search outage in the v1 era"
        pm = store.get(row.id)
        assert pm.timeline[0].source == "alertmanager"
        assert pm.action_items[0].owner == "Mina Cho"
        # the search index added in version 2 covers what version 1 wrote
        assert [r.id for r in store.list_postmortems(search="poisoned")] == [row.id]
        assert [r.id for r in store.list_postmortems(search="dead-letter")] == [row.id]
        assert store.integrity_check() == "ok"
