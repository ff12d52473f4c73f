"""The composition root: the QApplication, the store, the settings and the main window."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from pmdesk import __version__
from pmdesk.locations import config_dir
from pmdesk.models import AlteredStore, DamagedStore, Store, StoreError, open_store
from pmdesk.models.backup import latest_good_backup, restore
from pmdesk.ui.app_icon import DESKTOP_ID, app_icon
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.plain_text import message_box, show_message, warn
from pmdesk.ui.qt_messages import quiet_platform_notices
from pmdesk.ui.store_check import StoreCheck
from pmdesk.ui.ui_fonts import add_fallback_fonts


def qt_settings() -> QSettings:
    """Window geometry and other view state, in the same folder as the core settings."""
    return QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)


def application() -> QApplication:
    quiet_platform_notices()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("pmdesk")
    app.setApplicationDisplayName("pmdesk")
    app.setOrganizationName("pmdesk")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    # Lets a Wayland compositor match the windows to packaging/linux's desktop entry.
    app.setDesktopFileName(DESKTOP_ID)
    # Before the first window (28 ms measured here): added later, the text already laid
    # out in the editor's fields would keep its empty boxes until edited.
    add_fallback_fonts(app)
    return app  # type: ignore[return-value]


def open_store_interactively(
    path: Path, parent: QWidget | None = None, refused: StoreError | None = None
) -> Store | None:
    """Open the store; when the file cannot be used, say why and offer another file.

    `refused`: why the store at `path` was refused already (it is not tried again first).
    The file that failed is never written to. Returns None when the user gives up.
    """
    while True:
        try:
            if refused is not None:
                exc, refused = refused, None
                raise exc
            return open_store(path)
        except StoreError as exc:
            box = message_box(
                parent, QMessageBox.Icon.Warning, "pmdesk cannot open this store", str(exc)
            )
            box.setInformativeText("The file has not been changed. Choose another store?")
            other = box.addButton("Open Another File…", QMessageBox.ButtonRole.AcceptRole)
            new = box.addButton("Create a New Store…", QMessageBox.ButtonRole.ActionRole)
            latest = (
                latest_good_backup(path) if isinstance(exc, DamagedStore | AlteredStore) else None
            )
            from_backup = None
            if latest is not None:
                from_backup = box.addButton(
                    f"Restore Backup of {latest.made_at:%Y-%m-%d %H:%M} UTC "
                    f"({latest.postmortems} postmortems)",
                    QMessageBox.ButtonRole.ActionRole,
                )
                box.setInformativeText(
                    "The file has not been changed. Restore its latest good backup (the "
                    "damaged file is kept beside it), or choose another store?"
                )
            box.addButton(QMessageBox.StandardButton.Cancel)
            show_message(box)
            if from_backup is not None and box.clickedButton() is from_backup:
                try:
                    restore(path, latest.path)  # type: ignore[union-attr]
                except StoreError as failed:
                    warn(parent, "Restore failed", str(failed))
                continue
            if box.clickedButton() is other:
                chosen, _ = QFileDialog.getOpenFileName(
                    parent,
                    "Open a pmdesk store",
                    str(path.parent),
                    "pmdesk stores (*.db);;All files (*)",
                )
            elif box.clickedButton() is new:
                chosen, _ = QFileDialog.getSaveFileName(
                    parent,
                    "Create a pmdesk store",
                    str(path.parent / "pmdesk.db"),
                    "pmdesk stores (*.db)",
                )
            else:
                return None
            if not chosen:
                return None
            path = Path(chosen)


class Workspace:
    """The open store and its window; File → Open Store swaps both."""

    def __init__(self, store: Store | None, library: Path | None = None) -> None:
        """The window on `store`; None for one whose store comes later (see `opening`)."""
        self.store = store
        self.window = self._window_for(store, library)

    @classmethod
    def opening(
        cls, path: Path, refused: Callable[[MainWindow, StoreError], Store | None]
    ) -> Workspace:
        """The window of the store at `path`, which paints before that store is open.

        The store is checked meanwhile in a thread (pmdesk.ui.store_check), and opened on the
        UI thread once the check has passed and the window has painted, whichever is later.
        When it cannot be opened, `refused(window, error)` gives another store, or None: then
        the application exits with status 2.
        """
        path = Path(path)
        workspace = cls(None)
        window = workspace.window
        window.opening_store(path)
        check = StoreCheck(path, parent=window)
        waiting = {"check", "paint"}

        def ready(what: str) -> None:
            waiting.discard(what)
            if not waiting:
                workspace._open_checked(check, refused)

        check.done.connect(lambda: ready("check"))
        window.first_painted.connect(lambda: ready("paint"))
        check.start()  # now: it runs while the window is made and painted
        return workspace

    def _open_checked(
        self, check: StoreCheck, refused: Callable[[MainWindow, StoreError], Store | None]
    ) -> None:
        try:
            if check.error is not None:
                raise check.error
            store: Store | None = open_store(check.path, checked=check.state)
        except StoreError as exc:
            store = refused(self.window, exc)
            if store is None:
                QApplication.exit(2)
                return
        self.store = store
        self.window.attach_store(store)

    def _window_for(self, store: Store | None, library: Path | None = None) -> MainWindow:
        window = MainWindow(store, qt_settings())
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.store_chosen.connect(self.open)
        window.library_chosen.connect(self.open_library)
        if library is not None:
            from pmdesk.ui.team_library import TeamLibrary

            window.team_library = TeamLibrary(window, library)
        return window

    def open(self, path: str) -> bool:
        """Switch to the store at `path` (created when new); the current one stays on failure."""
        try:
            store = open_store(Path(path))
        except StoreError as exc:
            warn(self.window, "pmdesk cannot open this store", str(exc))
            return False
        if self._switch(store):
            remember_store(store.path)
            return True
        return False

    def open_library(self, folder: str) -> bool:
        """Switch to a team library; its files are read in the background once it shows."""
        from pmdesk.library.folder import LibraryError, require_library

        try:
            root = require_library(folder)
        except LibraryError as exc:
            warn(self.window, "pmdesk cannot open this team library", str(exc))
            return False
        return self.show_library(root)

    def show_library(self, root: Path) -> bool:
        """Switch to the (indexed) team library at `root`."""
        from pmdesk.library import index_path

        try:
            store = Store(index_path(root))
        except StoreError as exc:
            warn(self.window, "pmdesk cannot open this team library", str(exc))
            return False
        return self._switch(store, library=root)

    def _switch(self, store: Store, library: Path | None = None) -> bool:
        if self.store is not None and store.path.resolve() == self.store.path.resolve():
            store.close()
            return True
        old_window, old_store = self.window, self.store
        new_window = self._window_for(store, library)
        new_window.show()  # before the old one closes, so the application does not quit
        if not old_window.close():  # the user chose to stay with unsaved edits
            new_window.close()
            store.close()
            return False
        if old_store is not None:
            old_store.close()
        self.store, self.window = store, new_window
        return True


def remember_store(path: Path) -> None:
    settings = qt_settings()
    settings.setValue("store/last", str(path))
    settings.sync()


def remembered_store() -> Path | None:
    """The store last opened from the File menu, if it is still there."""
    value = qt_settings().value("store/last")
    path = Path(str(value)) if value else None
    return path if path is not None and path.is_file() else None


def run(
    db_path: Path,
    *,
    exit_after_startup: bool = False,
    use_remembered: bool = False,
    library: Path | None = None,
) -> int:
    """Start the window on the store at `db_path`; return the process exit status.

    With `use_remembered` (no --db, no PMDESK_DB), the store last opened from the
    File menu is opened instead, when it still exists.
    """
    app = application()
    if library is not None:
        return _run_library(app, library, exit_after_startup=exit_after_startup)
    if use_remembered:
        db_path = remembered_store() or db_path

    def refused(window: MainWindow, error: StoreError) -> Store | None:
        if exit_after_startup:
            # A smoke test must not wait on a dialog: a store problem is one line and exit 2.
            print(f"pmdesk: {error}", file=sys.stderr)
            return None
        return open_store_interactively(db_path, window, refused=error)

    # The window paints first; the store is checked meanwhile, off the UI thread, and comes
    # in after the paint; the first postmortem opens after that (MainWindow.first_opened).
    workspace = Workspace.opening(db_path, refused)
    window = workspace.window
    window.show()
    if not exit_after_startup:
        window.store_attached.connect(
            lambda: QTimer.singleShot(0, window.backup_actions.start_daily_backup)
        )

    # Shown by a smoke test too, but only a real start uses up the user's one tip; a turn of
    # the event loop after the first postmortem shows, which the tip talks about.
    def tip() -> None:
        from pmdesk.ui.first_run_tip import show_first_run_tip_once

        show_first_run_tip_once(
            window,
            open_guide=window.help_actions.guide_action.trigger,
            remember=not exit_after_startup,
        )

    window.first_opened.connect(lambda: QTimer.singleShot(0, window, tip))
    window.first_opened.connect(lambda: QTimer.singleShot(0, settle_objects))
    if exit_after_startup:
        # Paint once the first postmortem shows (it opens after the window's first paint:
        # that one shows the library and the empty editor area), then leave through the
        # normal close path, 50 ms later as benchmarks/scale.py's bare window does.
        def painted_then_leave() -> None:
            window.repaint()
            QTimer.singleShot(50, window.close)
            QTimer.singleShot(60, app.quit)

        window.first_opened.connect(painted_then_leave)
    status = app.exec()
    gc.enable()  # (a start that never got as far as its first postmortem)
    if workspace.store is not None:
        workspace.store.close()
    return status


def settle_objects() -> None:
    """After the start: collect its garbage, and freeze what is left out of every later
    collection, then collect as usual (the command line turned collection off for the start).

    What the start made (modules, classes, the window) lives as long as the process. A full
    collection walks every object: ~15-20 ms here, paid again at every full collection while
    the user types, and by Python at exit; frozen, they are walked by none of them."""
    gc.collect()
    gc.freeze()
    gc.enable()


def _run_library(app: QApplication, folder: Path, *, exit_after_startup: bool) -> int:
    """`pmdesk --library DIR`: the window on a team library; its files are read after it paints."""
    from pmdesk.errors import PmdeskError
    from pmdesk.library import index_path
    from pmdesk.library.folder import require_library

    try:
        root = require_library(folder)
        store = Store(index_path(root))
    except PmdeskError as exc:
        print(f"pmdesk: {exc}", file=sys.stderr)
        return 2
    workspace = Workspace(store, library=root)
    workspace.window.show()
    workspace.window.first_opened.connect(lambda: QTimer.singleShot(0, settle_objects))
    if exit_after_startup:
        QTimer.singleShot(50, workspace.window.close)
        QTimer.singleShot(60, app.quit)
    status = app.exec()
    gc.enable()
    workspace.store.close()
    return status
