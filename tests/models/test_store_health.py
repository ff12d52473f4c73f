"""Stores that cannot be used: the true reason in one line, and the file and folder left as they were."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pmdesk.models import (
    AlteredStore,
    DamagedStore,
    Postmortem,
    Store,
    StoreError,
    TimelineEvent,
    open_store,
)


def _store_with_events(path: Path) -> None:
    with Store(path) as store:
        for i in range(3):
            pm = store.create(Postmortem(title=f"incident {i}", authors=["Dana"]))
            for minute in range(20):
                store.add_event(
                    pm.id, TimelineEvent(at=f"2026-03-10T14:{minute:02d}:00Z", text=f"e{minute}")
                )
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _folder(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.parent.iterdir()) if p.is_file()}


def _refused(path: Path, error: type[StoreError], match: str) -> str:
    before = _folder(path)
    with pytest.raises(error, match=match) as caught:
        Store(path)
    assert _folder(path) == before, "the file and its folder must be left exactly as they were"
    return str(caught.value)


def _cli(db: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pmdesk", "--db", str(db), *argv],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def _change_one_index_byte(path: Path) -> None:
    """Flip one digit of one key in the timeline index; the table itself stays whole."""
    conn = sqlite3.connect(path)
    root = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'timeline_events_by_postmortem'"
    ).fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    at = data.index(b"2026-03-10T14:07:00Z", start, start + page_size)
    data[at + 15] = ord("8")  # 14:07 -> 14:08 in the index only
    path.write_bytes(bytes(data))


def test_a_changed_index_key_is_damage_even_though_quick_check_passes(tmp_path):
    path = tmp_path / "index.db"
    _store_with_events(path)
    _change_one_index_byte(path)
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()
    _refused(path, DamagedStore, "damaged.*restore it from a backup")


def test_commands_that_write_refuse_a_damaged_index_and_write_nothing(tmp_path):
    path = tmp_path / "index.db"
    _store_with_events(path)
    _change_one_index_byte(path)
    events = tmp_path / "events.csv"
    events.write_text("time,text\n2026-03-10T15:00:00Z,later\n")
    before = _folder(path)
    result = _cli(path, "import-timeline", "1", str(events))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "damaged" in result.stderr
    assert _folder(path) == before


def test_a_dropped_table_is_refused_in_one_line(tmp_path):
    path = tmp_path / "dropped.db"
    _store_with_events(path)
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE action_items")
    conn.commit()
    conn.close()
    message = _refused(path, AlteredStore, "action_items is missing")
    assert "changed outside pmdesk" in message
    result = _cli(path, "gate")
    assert result.returncode == 2, "exit 1 would mean 'gate closed'"
    assert result.stderr.startswith("pmdesk: ") and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("sql", "where"),
    [
        ("UPDATE postmortems SET authors = 'not json' WHERE id = 1", "authors"),
        ("UPDATE postmortems SET authors = '{\"a\": 1}' WHERE id = 2", "authors"),
        ("UPDATE postmortems SET incident_date = 'yesterday' WHERE id = 1", "incident_date"),
        ("UPDATE postmortems SET started_at = 12 WHERE id = 1", "started_at"),
        ("UPDATE timeline_events SET at = 'noon' WHERE id = 5", "timeline_events row 5"),
        ("UPDATE postmortems SET title = x'00ff' WHERE id = 3", "title"),
        ("UPDATE postmortems SET status = 'urgent' WHERE id = 2", "status"),
    ],
)
def test_values_pmdesk_never_writes_are_refused_by_every_command(tmp_path, sql, where):
    path = tmp_path / "edited.db"
    _store_with_events(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(sql)
    conn.commit()
    conn.close()
    _refused(path, AlteredStore, where)
    for argv in (["show", "1"], ["gate"], ["list"], ["actions"]):
        result = _cli(path, *argv)
        assert result.returncode == 2, (argv, result.stderr)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_healthy_store_passes_and_opens(tmp_path):
    path = tmp_path / "fine.db"
    _store_with_events(path)
    with open_store(path) as store:
        assert len(store.list_postmortems()) == 3


# --- full disks and read-only places: real ones where this machine lets us make them ----


@pytest.fixture
def small_disk(tmp_path):
    """A real 8 MB file system (tmpfs); needs the right to mount, so root on Linux."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)


def test_a_full_disk_is_called_full_not_damaged(small_disk):
    path = small_disk / "s.db"
    _store_with_events(path)
    _fill(small_disk)
    result = _cli(path, "list")
    assert result.returncode == 2
    assert "disk is full" in result.stderr and "damaged" not in result.stderr


def test_a_save_on_a_full_disk_says_so_and_the_store_keeps_what_it_had(small_disk):
    path = small_disk / "s.db"
    _store_with_events(path)
    with Store(path) as store:
        _fill(small_disk)
        with pytest.raises(StoreError, match="disk is full"):
            store.update(1, what_happened="x" * 600_000)
        (small_disk / "filler").unlink()
        assert store.get(1).what_happened == ""
        assert store.integrity_check() == "ok"


def test_a_read_only_mount_is_called_read_only(small_disk):
    path = small_disk / "s.db"
    _store_with_events(path)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    before = _folder(path)
    for argv in (["list"], ["show", "1", "--json"]):
        result = _cli(path, *argv)
        assert result.returncode == 2
        assert "read-only" in result.stderr and "damaged" not in result.stderr
    assert _folder(path) == before


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores modes")
def test_a_read_only_folder_is_called_read_only(tmp_path):
    path = tmp_path / "locked" / "s.db"
    path.parent.mkdir()
    _store_with_events(path)
    path.chmod(0o444)
    path.parent.chmod(0o555)
    try:
        result = _cli(path, "list")
    finally:
        path.parent.chmod(0o755)
    assert result.returncode == 2 and "read-only" in result.stderr
