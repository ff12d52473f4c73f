"""Backups: made through SQLite's backup API, checked in full, rotated, and restored exactly."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pmdesk.cli import main
from pmdesk.models import Postmortem, Store, TimelineEvent, open_store
from pmdesk.models.backup import (
    BackupError,
    backup_folder,
    daily_backup_if_due,
    list_backups,
    make_backup,
    restore,
)
from pmdesk.models.store_location import location_warning


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _fill(path: Path, n: int = 4) -> None:
    with open_store(path) as store:
        for i in range(n):
            store.create(
                Postmortem(
                    title=f"incident {i} — ünïcode",
                    authors=["Dana"],
                    what_happened="words " * 50,
                    timeline=[TimelineEvent(at="2026-03-10T14:00:00Z", text=f"event {i}")],
                )
            )


def _everything(capsys, db: Path) -> list[str]:
    code, out, _ = run(capsys, "--db", str(db), "list", "--json")
    assert code == 0
    shown = []
    for row in json.loads(out):
        code, one, _ = run(capsys, "--db", str(db), "show", str(row["id"]), "--json")
        assert code == 0
        shown.append(one)
    return shown


def test_backup_delete_restore_brings_back_every_postmortem_exactly(tmp_path, capsys):
    db = tmp_path / "pm.db"
    _fill(db)
    before = _everything(capsys, db)
    code, out, _ = run(capsys, "--db", str(db), "backup", "-o", str(tmp_path / "safe.db"))
    assert code == 0 and "5 postmortem(s)" in out
    for p in tmp_path.glob("pm.db*"):
        p.unlink()
    code, out, err = run(capsys, "--db", str(db), "restore", str(tmp_path / "safe.db"), "--yes")
    assert code == 0, err
    assert _everything(capsys, db) == before
    with Store(db) as store:
        assert store.integrity_check() == "ok"


def test_restore_over_a_live_store_keeps_the_current_one_first(tmp_path, capsys):
    db = tmp_path / "pm.db"
    _fill(db, 2)
    old = make_backup(db)
    _fill(db, 3)  # five more now
    with Store(db) as watcher:  # another pmdesk has it open
        restore(db, old.path)
        assert len(watcher.list_postmortems()) == 3  # sees the restored content
    kept = [b for b in list_backups(db) if b.kind == "before-restore"]
    assert [b.postmortems for b in kept] == [6]


def test_restore_without_yes_asks_and_a_pipe_cannot_answer(tmp_path, capsys):
    db = tmp_path / "pm.db"
    _fill(db, 1)
    backup = make_backup(db).path
    code, _, err = run(capsys, "--db", str(db), "restore", str(backup))
    assert code == 2 and "--yes" in err


def test_a_bad_backup_is_refused_and_the_store_is_untouched(tmp_path, capsys):
    db = tmp_path / "pm.db"
    _fill(db, 2)
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x01" * 5000)
    before = db.read_bytes()
    code, _, err = run(capsys, "--db", str(db), "restore", str(bad), "--yes")
    assert code == 2 and err.count("\n") == 1 and "cannot be used" in err
    assert db.read_bytes() == before


def test_a_damaged_store_is_moved_aside_whole_and_the_backup_takes_its_place(tmp_path):
    db = tmp_path / "pm.db"
    _fill(db, 2)
    good = make_backup(db)
    damaged = bytearray(db.read_bytes())
    damaged[4096 * 2 : 4096 * 3] = b"\xa5" * 4096
    db.write_bytes(bytes(damaged))
    restore(db, good.path)
    with Store(db) as store:
        assert len(store.list_postmortems()) == 3
    [aside] = backup_folder(db).glob("*-replaced.db")
    assert aside.read_bytes() == bytes(damaged)


def test_a_backup_is_checked_in_full_and_is_one_self_contained_file(tmp_path):
    db = tmp_path / "pm.db"
    _fill(db, 2)
    info = make_backup(db)
    assert info.path.parent == tmp_path / "backups" and info.postmortems == 3
    assert not Path(f"{info.path}-wal").exists()
    conn = sqlite3.connect(info.path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_daily_backups_once_a_day_rotated_to_seven_days_and_four_weeks(tmp_path):
    db = tmp_path / "pm.db"
    _fill(db, 1)
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    for day in range(60):
        for hour in (0, 5):  # two starts a day: only the first backs up
            daily_backup_if_due(db, clock=lambda d=day, h=hour: start + timedelta(days=d, hours=h))
    dailies = [b for b in list_backups(db) if b.kind == "daily"]
    days = [b.made_at.date() for b in dailies]
    assert len(days) == len(set(days)) == 11
    newest = start.date() + timedelta(days=59)
    assert days[:7] == [newest - timedelta(days=i) for i in range(7)]
    weeks = {d.isocalendar()[:2] for d in days[7:]}
    assert len(weeks) == 4 and all(d < days[6] for d in days[7:])


def test_opening_an_older_store_keeps_a_copy_first(tmp_path):
    db = tmp_path / "old.db"
    original = Path(__file__).parent.parent / "data" / "store-v1.db"
    db.write_bytes(original.read_bytes())
    Store(db).close()
    [kept] = list_backups(db)
    assert kept.kind == "migration"
    conn = sqlite3.connect(f"{kept.path.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


def test_backup_of_a_missing_store_is_one_line(tmp_path, capsys):
    code, _, err = run(capsys, "--db", str(tmp_path / "none.db"), "backup")
    assert code == 2 and "no store" in err


def test_backup_refuses_to_overwrite_a_file(tmp_path):
    db = tmp_path / "pm.db"
    _fill(db, 1)
    (tmp_path / "there.db").write_text("mine")
    with pytest.raises(BackupError, match="exists already"):
        make_backup(db, tmp_path / "there.db")
    assert (tmp_path / "there.db").read_text() == "mine"


MOUNTS = """\
/dev/sda1 / ext4 rw 0 0
server:/export /mnt/team nfs4 rw 0 0
//nas/share /media/nas\\040share cifs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("/mnt/team/pmdesk.db", "network file system (nfs4)"),
        ("/media/nas share/pm.db", "network file system (cifs)"),
        ("/home/me/Dropbox/pm.db", "sync folder (Dropbox)"),
        ("/Users/me/Library/Mobile Documents/com~apple~CloudDocs/pm.db", "sync folder"),
        ("/home/me/OneDrive - Example Corp/pm.db", "sync folder"),
    ],
)
def test_network_and_sync_folders_are_named(path, says):
    warning = location_warning(Path(path), MOUNTS)
    assert warning and says in warning and "team library" in warning


def test_a_local_disk_gets_no_warning(tmp_path):
    assert location_warning(Path("/home/me/data/pm.db"), MOUNTS) is None
