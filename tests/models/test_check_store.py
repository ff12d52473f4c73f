"""A store checked first (in another thread, as the window does) opens without a second check,
unless the file changed in between; a file that fails the check is refused and left as it was."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from pmdesk.locations import cache_dir
from pmdesk.models import (
    AlteredStore,
    NotAPmdeskStore,
    Postmortem,
    Store,
    check_store,
    open_store,
    store_health,
)


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


def unrecorded_store(path) -> None:
    """A store with one postmortem that no check has vouched for (as after another program)."""
    with Store(path) as store:
        store.create(Postmortem(title="kept"))
    (cache_dir() / "checked-stores.json").unlink()


def checked_in_a_thread(path) -> object:
    found: list[object] = []
    thread = threading.Thread(target=lambda: found.append(check_store(path)))
    thread.start()
    thread.join()
    return found[0]


def test_a_store_checked_in_another_thread_opens_without_a_second_check(tmp_path, scans):
    path = tmp_path / "s.db"
    unrecorded_store(path)
    state = checked_in_a_thread(path)
    assert scans == ["values"]
    (cache_dir() / "checked-stores.json").unlink()  # not even the record is needed
    with open_store(path, checked=state) as store:
        assert [pm.title for pm in store.postmortems()] == ["kept"]
    assert scans == ["values"]


def test_a_file_changed_after_its_check_is_checked_again_when_opened(tmp_path, scans):
    path = tmp_path / "s.db"
    unrecorded_store(path)
    state = check_store(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE postmortems SET status = 'urgent'")
    conn.commit()
    conn.close()
    with pytest.raises(AlteredStore, match="status"):
        open_store(path, checked=state)
    assert scans == ["values", "values"]


def test_a_file_that_is_not_a_store_is_refused_by_the_check_and_left_alone(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("not a database")
    with pytest.raises(NotAPmdeskStore):
        check_store(notes)
    assert notes.read_text() == "not a database"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_a_new_store_needs_no_check_and_gets_the_example(tmp_path):
    path = tmp_path / "new.db"
    state = check_store(path)
    assert not path.exists()  # a check writes nothing, creates nothing
    with open_store(path, checked=state) as store:
        assert [pm.is_example for pm in store.postmortems(include_examples=True)] == [True]
