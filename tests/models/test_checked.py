"""A store unchanged since it passed its checks opens without scanning it again, and any
change to the file, even one that keeps its size and modification time, brings the checks back."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from pmdesk.locations import cache_dir
from pmdesk.models import AlteredStore, DamagedStore, Postmortem, Store, store_health
from tests.models.test_store_health import _change_one_index_byte, _cli, _store_with_events


@pytest.fixture
def scans(monkeypatch) -> list[str]:
    """The names of the checks that ran (the real ones: this only counts them)."""
    seen: list[str] = []
    real = store_health.first_bad_value

    def counted(conn: sqlite3.Connection) -> str | None:
        seen.append("values")
        return real(conn)

    monkeypatch.setattr(store_health, "first_bad_value", counted)
    return seen


def test_an_unchanged_store_is_not_scanned_again_and_an_edited_one_is(tmp_path, scans):
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.create(Postmortem(title="kept"))
    with Store(path) as store:  # closed by pmdesk: the state it left is known
        assert [pm.title for pm in store.postmortems()] == ["kept"]
    assert scans == []
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE postmortems SET status = 'urgent'")
    conn.commit()
    conn.close()
    with pytest.raises(AlteredStore, match="status"):
        Store(path)
    assert scans == ["values"]


def test_a_change_that_keeps_size_and_modification_time_is_still_caught(tmp_path):
    path = tmp_path / "s.db"
    _store_with_events(path)
    Store(path).close()  # checked, and recorded
    before = os.stat(path)
    _change_one_index_byte(path)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    with pytest.raises(DamagedStore):
        Store(path)


def test_a_read_only_command_never_vouches_for_a_write(tmp_path):
    """`gate` checks values only (it cannot spread damage); a later write open checks it all."""
    path = tmp_path / "s.db"
    _store_with_events(path)
    _change_one_index_byte(path)
    assert _cli(path, "gate").returncode == 0
    with pytest.raises(DamagedStore):
        Store(path)


def test_an_unreadable_record_only_means_checking_again(tmp_path, scans):
    path = tmp_path / "s.db"
    Store(path).close()
    record = cache_dir() / "checked-stores.json"
    assert record.is_file()
    record.write_bytes(b"\xff not json")
    with Store(path) as store:
        assert store.postmortems() == []
    assert scans == ["values"]
    assert Path(record).read_text().startswith("{")  # written afresh
