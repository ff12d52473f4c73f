"""The Share menu's actions: Digest… and Public Version…, each opening its window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QWidget

from pmdesk.errors import PmdeskError
from pmdesk.models import Store


def _settings_value(name: str, default: object) -> object:
    from pmdesk.settings import load_settings

    try:
        return getattr(load_settings(), name)
    except PmdeskError:
        return default  # a broken settings file is reported where settings are edited


class ShareActions(QObject):
    """Share → Digest… and Share → Public Version… for one main window."""

    def __init__(
        self,
        window: QMainWindow,
        store: Store,
        current_id: Callable[[], int | None],
        *,
        flush: Callable[[], object] = lambda: None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._store = store
        self._current_id = current_id
        self._flush = flush
        self.digest_window = None
        self.public_window = None
        self.digest_action = QAction("&Digest…", window)
        self.digest_action.setToolTip("A newsletter digest of the postmortems of a period")
        self.digest_action.triggered.connect(self.show_digest)
        self.public_action = QAction("&Public Version…", window)
        self.public_action.setToolTip(
            "Review and export a copy that names no one and leaks nothing"
        )
        self.public_action.triggered.connect(self.show_public_version)

    def add_to(self, menu: QMenu) -> None:
        menu.addAction(self.digest_action)
        menu.addAction(self.public_action)
        menu.aboutToShow.connect(
            lambda: self.public_action.setEnabled(self._current_id() is not None)
        )

    def show_digest(self) -> None:
        from pmdesk.ui.share.digest_window import DigestWindow

        self._flush()
        self.digest_window = DigestWindow(
            self._store,
            date.today,
            lambda: list(_settings_value("holidays", [])),  # type: ignore[call-overload]
            parent=self._window,
        )
        self._open(self.digest_window)

    def show_public_version(self) -> None:
        from pmdesk.share.public import load_choices
        from pmdesk.ui.share.public_window import PublicVersionWindow

        pm_id = self._current_id()
        if pm_id is None:
            self._window.statusBar().showMessage(
                "Open a postmortem to make its public version.", 5000
            )
            return
        self._flush()
        try:
            choices = load_choices(self._store, pm_id)
        except PmdeskError as exc:
            QMessageBox.warning(self._window, "Public version", str(exc))
            return
        self.public_window = PublicVersionWindow(
            self._store,
            pm_id,
            choices,
            page_size=lambda: str(_settings_value("page_size", "A4")),
            parent=self._window,
        )
        self._open(self.public_window)

    @staticmethod
    def _open(window: QWidget) -> None:
        # a window of its own that closes with the main window
        window.setWindowFlag(Qt.WindowType.Window)
        window.show()
        window.raise_()
        window.activateWindow()
