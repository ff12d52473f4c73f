"""Backups from the window: File → Restore from Backup…, the daily backup, and a damaged store."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from pmdesk.models import Postmortem, open_store
from pmdesk.models.backup import list_backups, make_backup
from pmdesk.ui.app import open_store_interactively
from pmdesk.ui.backup_actions import RestoreDialog


def test_restore_from_backup_brings_the_library_back(qtbot, window, store):
    before = [r.title for r in store.list_postmortems()]
    info = make_backup(store.path)
    window.new_postmortem()
    window.editor.header.title.set_text("written after the backup")
    store.create(Postmortem("also after the backup"))
    assert window.backup_actions.restore(info)
    assert [r.title for r in store.list_postmortems()] == before
    assert window.library.model.rowCount() == len(before)
    kept = [b for b in list_backups(store.path) if b.kind == "before-restore"]
    assert [b.postmortems for b in kept] == [len(before) + 2]


def test_the_restore_dialog_lists_dates_and_counts(qtbot, store):
    make_backup(store.path)
    store.create(Postmortem("second"))
    make_backup(store.path)
    dialog = RestoreDialog(list_backups(store.path))
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(texts) == 2 and "2 postmortem(s)" in texts[0] and "1 postmortem(s)" in texts[1]
    assert dialog.chosen().postmortems == 2


def test_the_daily_backup_runs_off_the_ui_thread_once_a_day(qtbot, window, store):
    window.backup_actions.start_daily_backup().join(timeout=30)
    window.backup_actions.start_daily_backup().join(timeout=30)
    assert [b.kind for b in list_backups(store.path)] == ["daily"]


def test_a_damaged_store_offers_its_latest_good_backup(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "pm.db"
    with open_store(path) as store:
        store.create(Postmortem("kept safe"))
    make_backup(path)
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 3] = b"\xa5" * 4096
    path.write_bytes(bytes(data))
    offered = []

    def choose_restore(box: QMessageBox) -> int:
        [button] = [b for b in box.buttons() if b.text().startswith("Restore Backup of")]
        offered.append(button.text())
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_restore)
    store = open_store_interactively(path)
    assert store is not None and "2 postmortems" in offered[0]
    assert "kept safe" in [r.title for r in store.list_postmortems()]
    store.close()
    assert list((tmp_path / "backups").glob("*-replaced.db"))
