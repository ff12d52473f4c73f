"""Commands that only read open the store read-only: never a byte written, damage said in one line."""

import hashlib
import sqlite3
from pathlib import Path

import pytest

from pmdesk.cli import main
from pmdesk.models import ActionItem, Postmortem, Store, StoreError
from pmdesk.models.migrations import LATEST_VERSION, migrate


def _store_with_actions(path: Path) -> None:
    with Store(path) as store:
        for i in range(40):
            store.create(
                Postmortem(
                    title=f"incident {i}",
                    incident_date="2026-01-05",
                    what_happened="words " * 200,
                    action_items=[ActionItem("Add an alert", "Dana", "high", "2026-01-20")],
                )
            )
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("command", [["gate"], ["actions", "--overdue"], ["metrics"], ["list"]])
def test_reading_commands_leave_the_file_as_it_was(tmp_path, capsys, command):
    path = tmp_path / "s.db"
    _store_with_actions(path)
    before = _digest(path)
    code = main([*command, "--db", str(path), "--today", "2026-02-01"] if command[0] != "list"
                else [*command, "--db", str(path)])  # fmt: skip
    assert code in (0, 1)
    assert "incident" in capsys.readouterr().out
    assert _digest(path) == before


def test_a_read_only_store_refuses_to_write(tmp_path):
    path = tmp_path / "s.db"
    _store_with_actions(path)
    with Store(path, read_only=True) as store:
        assert store.read_only
        with pytest.raises(StoreError, match="read-only"):
            store.update(1, title="changed")
    with Store(path) as store:
        assert store.get(1).title == "incident 0"


def test_damage_met_by_a_reading_command_is_one_line_and_the_file_is_untouched(tmp_path, capsys):
    path = tmp_path / "damaged.db"
    _store_with_actions(path)
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)  # every page after the schema is garbage
    path.write_bytes(bytes(data))
    before = _digest(path)
    assert main(["gate", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("pmdesk: ") and err.count("\n") == 1 and "Traceback" not in err
    assert _digest(path) == before


def test_an_older_store_is_migrated_even_by_a_reading_command(tmp_path, capsys):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=3)
    conn.close()
    assert main(["gate", "--db", str(path)]) == 0
    with Store(path) as store:
        assert store.schema_version == LATEST_VERSION
