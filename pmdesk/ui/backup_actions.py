"""File → Restore from Backup…, the daily backup at start, and a warning for risky store places.

The backups themselves are pmdesk.models.backup; this module only asks and shows.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from pmdesk.errors import PmdeskError
from pmdesk.models.backup import BackupInfo, daily_backup_if_due, list_backups, restore
from pmdesk.models.store_location import location_warning
from pmdesk.ui.plain_text import plain_label, plain_tip, warn


class RestoreDialog(QDialog):
    """The backups of the store, newest first, with their dates and postmortem counts."""

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from Backup")
        self.backups = backups
        layout = QVBoxLayout(self)
        intro = plain_label(
            "Choose a backup to replace the store with. The store as it is now is kept "
            "as a backup first, so a restore can itself be undone."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(objectName="backupList")
        for info in backups:
            item = QListWidgetItem(
                f"{info.made_at:%Y-%m-%d %H:%M} UTC — {info.postmortems} postmortem(s) — {info.kind}"
            )
            item.setToolTip(plain_tip(str(info.path)))
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        else:
            layout.addWidget(QLabel("There are no backups of this store yet."))
        layout.addWidget(self.list)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel, orientation=Qt.Orientation.Horizontal
        )
        self.restore_button = self.buttons.addButton(
            "Restore", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(bool(backups))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, 360)

    def chosen(self) -> BackupInfo | None:
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None


class BackupActions(QObject):
    """The window's part in backups: the menu item, the daily backup, the location warning."""

    #: a daily backup finished: a one-line report for the status bar (from a worker thread)
    backup_finished = Signal(str)

    def __init__(self, window: QMainWindow, store_path: Path) -> None:
        super().__init__(window)
        self._window = window
        self.store_path = Path(store_path)
        self.restore_action = QAction("&Restore from Backup…", window)
        self.restore_action.triggered.connect(self.choose_and_restore)
        self.backup_finished.connect(lambda text: window.statusBar().showMessage(text, 8000))
        self.location_label: QLabel | None = None
        warning = location_warning(self.store_path)
        if warning:
            self.location_label = plain_label("⚠ Store in a risky place")
            self.location_label.setObjectName("storeLocationWarning")
            self.location_label.setToolTip(plain_tip(warning))
            window.statusBar().addPermanentWidget(self.location_label)

    def add_to(self, menu: QMenu, before: QAction | None = None) -> None:
        """Put the action in `menu`, at its end or `before` one of its actions."""
        menu.insertAction(before, self.restore_action)

    def start_daily_backup(self) -> threading.Thread:
        """Back up once a day, off the UI thread (the copy reads the whole store)."""

        def work() -> None:
            try:
                made = daily_backup_if_due(self.store_path)
            except PmdeskError as exc:
                self.backup_finished.emit(f"Daily backup failed: {exc}")
                return
            if made is not None:
                self.backup_finished.emit(f"Backed up to {made.path.name}")

        thread = threading.Thread(target=work, name="pmdesk-daily-backup", daemon=True)
        thread.start()
        return thread

    def choose_and_restore(self) -> bool:
        window = self._window
        flush = getattr(window, "flush", None)
        if flush is not None and not flush():
            return False
        dialog = RestoreDialog(list_backups(self.store_path), window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
            return False
        return self.restore(dialog.chosen())  # type: ignore[arg-type]

    def restore(self, info: BackupInfo) -> bool:
        try:
            restore(self.store_path, info.path)
        except PmdeskError as exc:
            warn(self._window, "Restore failed", str(exc))
            return False
        # The open postmortem and the undo history belong to the store as it was.
        window = self._window
        window.show_postmortem(None)  # type: ignore[attr-defined]
        window.library_stack.clear()  # type: ignore[attr-defined]
        window._data_version = window.store.data_version()  # type: ignore[attr-defined]
        window.library.refresh()  # type: ignore[attr-defined]
        window.library.select_first()  # type: ignore[attr-defined]
        self._window.statusBar().showMessage(
            f"Restored from the backup of {info.made_at:%Y-%m-%d %H:%M} UTC "
            f"({info.postmortems} postmortems)",
            10000,
        )
        return True
