"""The window on a team library: edits reach their files, outside changes show up, Sync.

The window's store is the library's index. Every second, postmortems edited in it
are written to their files (the index marks them as they change, so an idle check
costs one query). A change in the folder (a `git pull`, an editor) or coming back
to the window re-reads the changed files in the background; Sync commits, pulls,
merges and pushes in the background with the user's own git.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QFileSystemWatcher,
    QObject,
    QRunnable,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow

from pmdesk.errors import PmdeskError
from pmdesk.library import LibraryIndex, RefreshReport, conflicted_fields, sync

WRITE_EVERY_MS = 1000


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        # Python owns the job (the caller keeps it): Qt deleting it after run() leaves
        # PySide a dangling wrapper that crashes the interpreter when it exits
        self.setAutoDelete(False)
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except PmdeskError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - a worker must report, never die silently
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.done.emit(result)


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[str], None],
    pool: QThreadPool | None = None,
) -> _Job:
    job = _Job(work)
    job.signals.done.connect(on_done)
    job.signals.failed.connect(on_failed)
    (pool or QThreadPool.globalInstance()).start(job)
    return job


def refresh_library(root: Path) -> RefreshReport:
    """Bring a library's index up to date (in a worker: its own connection)."""
    with LibraryIndex(root) as index:
        return index.refresh()


def sync_library(root: Path) -> tuple[Any, RefreshReport]:
    result = sync(root)
    return result, refresh_library(root)


class TeamLibrary(QObject):
    """Attached to a MainWindow whose store is the index of the library at `root`."""

    #: a background refresh or sync finished and the window shows its result
    settled = Signal()

    def __init__(self, window: QMainWindow, root: Path) -> None:
        super().__init__(window)
        self.window = window
        self.root = root
        self.index = LibraryIndex(root, store=window.store)  # type: ignore[attr-defined]
        self.busy = False
        self.closed = False  # the window closed: its store may be closed too
        self._again = False
        self._job: _Job | None = None
        self._pool = QThreadPool(self)

        self.sync_action = QAction("S&ync", window)
        self.sync_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.sync_action.setToolTip("Commit your changes, pull the team's, merge and push (git)")
        self.sync_action.triggered.connect(self.sync)
        window.toolbar.addAction(self.sync_action)  # type: ignore[attr-defined]
        window.file_menu.insertAction(  # type: ignore[attr-defined]
            window.open_store_action,  # type: ignore[attr-defined]
            self.sync_action,
        )
        self.status = QLabel(objectName="libraryStatus")
        window.statusBar().addPermanentWidget(self.status)
        self.conflicts = QLabel(objectName="libraryConflicts")
        self.conflicts.setStyleSheet(
            "color: palette(highlighted-text); background: palette(highlight); padding: 0 6px;"
        )
        self.conflicts.hide()
        window.statusBar().insertPermanentWidget(0, self.conflicts)
        window.setWindowTitle(f"{root.name} — pmdesk")

        self._writer = QTimer(self, interval=WRITE_EVERY_MS)
        self._writer.timeout.connect(self.write_changes)
        self._writer.start()
        self._watcher = QFileSystemWatcher([str(root)], self)
        self._settle = QTimer(self, singleShot=True, interval=300)
        self._watcher.directoryChanged.connect(lambda _path: self._settle.start())
        self._settle.timeout.connect(self.refresh)
        window.installEventFilter(self)
        window.library.postmortem_selected.connect(lambda _id: self.show_conflicts())  # type: ignore[attr-defined]
        self._set_status(f"Team library {root}")
        self.show_conflicts()
        # the files are read after the first paint: a large library takes seconds
        QTimer.singleShot(0, self.refresh)

    # --- files ---------------------------------------------------------------------------

    def write_changes(self) -> list[str]:
        """Write postmortems edited in the window to their files."""
        if self.closed:
            return []
        try:
            written = self.index.write_changes()
        except PmdeskError as exc:
            self._set_status(f"Not written to the library: {exc}")
            return []
        if written:
            self._set_status(f"Written to the library: {', '.join(written[:3])}")
        return written

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.WindowActivate:
            self.refresh()
        elif watched is self.window and event.type() == QEvent.Type.Close:
            self._writer.stop()
            self._settle.stop()
            self.write_changes()
            self._pool.waitForDone()  # a sync or refresh under way finishes with the window
            self.closed = True
        return False

    def refresh(self) -> None:
        """Re-read files changed outside the window, in the background."""
        if self.closed:
            return
        if self.busy:
            self._again = True
            return
        self.busy = True
        self.write_changes()
        if self.status.text().startswith("Team library"):  # the first read, after opening
            self._set_status("Reading the team library…")
        self._start(lambda: refresh_library(self.root), self._refreshed)

    def _refreshed(self, report: RefreshReport) -> None:
        if self.closed:
            return
        if report.changed or self.status.text().startswith("Reading"):
            self._reload()
            self._set_status(f"Library read: {report.summary()}")
            if self.window.editor is None:  # type: ignore[attr-defined]
                self.window.library.select_first()  # type: ignore[attr-defined]
        self._report_problems(report)
        self._finish()

    # --- sync ----------------------------------------------------------------------------

    def sync(self) -> None:
        if self.busy:
            self._set_status("Busy — sync again in a moment")
            return
        self.busy = True
        self.sync_action.setEnabled(False)
        self.window.flush()  # type: ignore[attr-defined]
        self.write_changes()
        self._writer.stop()  # git owns the files until the sync is done
        self._set_status("Syncing…")
        self._start(lambda: sync_library(self.root), self._synced)

    def _synced(self, value: tuple[Any, RefreshReport]) -> None:
        result, report = value
        if self.closed:
            return
        self._reload()
        self._set_status(_short_status(result), f"Sync: {result.status()}")
        self._report_problems(report)
        self._finish()

    # --- helpers -------------------------------------------------------------------------

    def _start(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        # kept until it reports, so its signals outlive the worker
        self._job = run_in_background(work, on_done, self._failed, self._pool)

    def _failed(self, message: str) -> None:
        if self.closed:
            return
        self._set_status(f"Sync failed: {message}" if not self.sync_action.isEnabled() else message)
        self._finish()

    def _finish(self) -> None:
        self.busy = False
        self.sync_action.setEnabled(True)
        if not self.closed:
            self._writer.start()
        self.show_conflicts()
        self.settled.emit()
        if self._again:
            self._again = False
            self.refresh()

    def _reload(self) -> None:
        window = self.window
        window.library.refresh()  # type: ignore[attr-defined]
        editor = window.editor  # type: ignore[attr-defined]
        if editor is not None and not editor.session.has_pending:
            window.refresh_editor()  # type: ignore[attr-defined]

    def _report_problems(self, report: RefreshReport) -> None:
        if report.problems:
            first = report.problems[0]
            more = f" (and {len(report.problems) - 1} more)" if len(report.problems) > 1 else ""
            self.window.statusBar().showMessage(f"Skipped {first}{more}", 15000)
            self.status.setToolTip("\n".join(report.problems))

    def _set_status(self, text: str, detail: str = "") -> None:
        self.status.setText(text if len(text) <= 60 else text[:59] + "…")
        self.status.setToolTip(detail or text)

    def show_conflicts(self) -> None:
        """Say which fields of the open postmortem hold two versions to choose from."""
        editor = self.window.editor  # type: ignore[attr-defined]
        fields = conflicted_fields(editor.session.pm) if editor is not None else []
        if fields:
            self.conflicts.setText(f"Two versions to choose from: {', '.join(fields)}")
            self.conflicts.setToolTip(
                "A teammate changed the same text. Keep the right version and delete the "
                "other one with the <<<<<<< / ======= / >>>>>>> lines around it."
            )
        self.conflicts.setVisible(bool(fields))


def _short_status(result: Any) -> str:
    """A few words for the status bar; the whole story is in its tooltip."""
    parts = ["committed"] if result.committed else []
    if result.no_remote:
        parts.append("no remote")
    elif result.offline:
        parts.append(f"offline, {result.waiting} waiting")
    else:
        parts += ["merged"] if result.merged else []
        parts.append("pushed" if result.pushed else "up to date")
    return f"Synced {datetime.now().strftime('%H:%M')}: {', '.join(parts)}"
