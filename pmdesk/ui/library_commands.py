"""Undoable changes to the library itself: a new postmortem, a deleted one."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from pmdesk.models import Postmortem, Store
from pmdesk.ui.library_panel import LibraryPanel


class LibraryStack(QUndoStack):
    """The undo stack of the library, with what its commands need."""

    def __init__(
        self, store: Store | None, library: LibraryPanel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        #: None until the window's store is attached (nothing can be pushed before)
        self.store: Store = store  # type: ignore[assignment]
        self.library = library

    def show(self, pm_id: int | None) -> None:
        self.library.refresh()
        if pm_id is not None:
            self.library.select(pm_id)


class CreatePostmortem(QUndoCommand):
    def __init__(self, stack: LibraryStack, pm: Postmortem) -> None:
        super().__init__("New postmortem")
        self._stack = stack
        self._pm = pm
        self._id: int | None = None

    def redo(self) -> None:
        created = self._stack.store.create(self._pm, keep_id=self._id is not None)
        self._id = created.id
        self._stack.show(created.id)

    def undo(self) -> None:
        # keep what was typed since, so redo brings back the postmortem as it was
        self._pm = self._stack.store.delete(self._id)  # type: ignore[arg-type]
        self._stack.show(None)


class DeletePostmortem(QUndoCommand):
    def __init__(self, stack: LibraryStack, pm_id: int) -> None:
        super().__init__("Delete postmortem")
        self._stack = stack
        self._id = pm_id
        self._deleted: Postmortem | None = None

    def redo(self) -> None:
        self._deleted = self._stack.store.delete(self._id)
        self._stack.show(None)

    def undo(self) -> None:
        assert self._deleted is not None
        self._stack.store.create(self._deleted, keep_id=True)
        self._stack.show(self._id)
