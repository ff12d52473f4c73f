"""The store file's check before the window opens it, run off the UI thread.

A store not known to be whole is checked before it is written (pmdesk.models.check_store:
SQLite's integrity check and a scan of every value, ~0.4 s on 10,000 postmortems, longer on a
slow disk). On the UI thread that was the whole start without a paint. Here it runs in a thread
of its own while the window paints and answers; SQLite leaves Python's interpreter lock to the
UI thread while it reads.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from pmdesk.models import StoreError, check_store
from pmdesk.models.checked import FileState


class StoreCheck(QObject):
    """Checks one store file in a thread; `done` arrives on the UI thread, then read `state`
    (to give `open_store` as `checked`) or `error` (the StoreError that refuses the file)."""

    #: the check is over (no arguments: a Python object carried by a queued signal that is
    #: never delivered, the application gone first, is freed without the interpreter lock)
    done = Signal()

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.state: FileState | None = None
        self.error: StoreError | None = None
        self.finished = False
        # A daemon: a window closed during a long check does not wait for it to end.
        self._thread = threading.Thread(target=self._run, name="pmdesk-store-check", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        try:
            self.state = check_store(self.path)
        except StoreError as exc:
            self.error = exc
        except Exception as exc:  # noqa: BLE001 - the window must hear of any end of the check
            self.error = StoreError(f"cannot open {self.path}: {exc}")
        self.finished = True
        try:
            self.done.emit()
        except RuntimeError:  # the window that asked is gone
            pass
