"""One postmortem open for editing: its current state, its undo stack, and autosave.

Two kinds of edit reach the store:

* typing in a text field: written after a short pause (SAVE_DELAY_MS), but
  never later than MAX_WAIT_MS after the first unsaved keystroke however fast
  the typing goes on, and at once when the field loses focus, another
  postmortem is opened or the window closes. Text widgets keep their own undo history while you type, as every
  text editor does.
* everything else (a severity, a date, a table row, a checklist tick): a
  QUndoCommand on the session's stack, written as it is pushed, so Ctrl+Z and
  Ctrl+Shift+Z walk back and forth through it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from pmdesk.errors import PmdeskError
from pmdesk.models import Postmortem, Store

SAVE_DELAY_MS = 400
#: the longest typed text waits for the store while typing goes on without a pause;
#: with the write itself it stays inside the promised second
MAX_WAIT_MS = 700
#: how soon a failed save is tried again
RETRY_MS = 3000


class EditorSession(QObject):
    """The editor's link to the store for one postmortem."""

    #: "saved", "pending" (typed, not yet written) or "error"
    save_state_changed = Signal(str)
    #: a field or list of the document changed ("title", "timeline", "action_items" ...)
    part_changed = Signal(str)
    #: a user mistake to show, one line ("the incident cannot end before it starts")
    problem = Signal(str)

    def __init__(self, store: Store, pm_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.pm_id = pm_id
        self.pm: Postmortem = store.get(pm_id)
        self.undo_stack = QUndoStack(self)
        self._pending: dict[str, Any] = {}
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        # Each keystroke restarts the pause timer; this one is not restarted, so a
        # long burst of typing is still written every MAX_WAIT_MS.
        self._deadline = QTimer(self, singleShot=True, interval=MAX_WAIT_MS)
        self._deadline.timeout.connect(self.flush)
        self.save_state = "saved"

    # --- typing ----------------------------------------------------------------------

    def edit_text(self, name: str, value: str) -> None:
        """A text field was typed in; write it after a short pause."""
        if self._pending.get(name, getattr(self.pm, name)) == value:
            return
        self._pending[name] = value
        self._schedule()

    def edit_whys(self, answers: list[str]) -> None:
        """The Five Whys answers were typed in; written after the same pause as text."""
        if self._pending.get("whys", self.pm.whys) == answers:
            return
        self._pending["whys"] = list(answers)
        self._schedule()

    def _schedule(self) -> None:
        self._set_state("pending")
        self._timer.start(SAVE_DELAY_MS)
        if not self._deadline.isActive():
            self._deadline.start()

    def flush(self) -> bool:
        """Write whatever was typed and not yet saved; True when nothing is left over."""
        self._timer.stop()
        self._deadline.stop()
        if not self._pending:
            return True
        pending, self._pending = self._pending, {}
        fields = {k: v for k, v in pending.items() if k != "whys"}
        try:
            with self.store.transaction():
                if "whys" in pending:
                    self.store.set_whys(self.pm_id, pending["whys"])
                if fields:
                    self.store.update(self.pm_id, **fields)
        except PmdeskError as exc:
            # Keep what was typed (anything typed since is newer and wins) and try
            # again later: a busy or briefly unwritable store must not lose words.
            self._pending = {**pending, **self._pending}
            self._set_state("error")
            self.problem.emit(f"Not saved yet ({exc}); pmdesk keeps trying")
            self._timer.start(RETRY_MS)
            return False
        for name, value in pending.items():
            setattr(self.pm, name, value)
            self.part_changed.emit(name)
        self._set_state("saved")
        return True

    def discard_pending(self) -> None:
        """Give up on edits that could not be written (the user chose to)."""
        self._timer.stop()
        self._deadline.stop()
        self._pending.clear()
        self._set_state("saved")

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    # --- undoable edits --------------------------------------------------------------

    def set_fields(self, text: str, **after: Any) -> bool:
        """Change header fields as one undoable step; False (and a problem) when invalid."""
        self.flush()
        before = {name: getattr(self.pm, name) for name in after}
        try:
            self._write_fields(after)  # validates; the command's first redo is then a no-op
        except PmdeskError as exc:
            self.problem.emit(str(exc))
            return False
        self.undo_stack.push(_FieldsCommand(self, text, before, after))
        return True

    def push(self, command: QUndoCommand) -> None:
        """Run an edit command (its redo writes the store) and keep it for undo."""
        self.flush()
        self.undo_stack.push(command)

    def run_safely(self, action: Callable[[], Any]) -> Any:
        """Call a store action from a command; a refused edit becomes a problem, not a crash."""
        try:
            return action()
        except PmdeskError as exc:
            self.problem.emit(str(exc))
            return None

    def reload(self) -> None:
        """Re-read the postmortem from the store (after a change made elsewhere)."""
        self.flush()
        self.pm = self.store.get(self.pm_id)

    def _write_fields(self, values: dict[str, Any]) -> None:
        self.store.update(self.pm_id, **values)
        fresh = self.store.get(self.pm_id)
        for name in values:
            setattr(self.pm, name, getattr(fresh, name))
            self.part_changed.emit(name)

    def _set_state(self, state: str) -> None:
        if state != self.save_state:
            self.save_state = state
            self.save_state_changed.emit(state)


class _FieldsCommand(QUndoCommand):
    """Header fields before and after; redo and undo only write one or the other."""

    def __init__(
        self, session: EditorSession, text: str, before: dict[str, Any], after: dict[str, Any]
    ) -> None:
        super().__init__(text)
        self._session = session
        self._before = before
        self._after = after
        self._first = True

    def redo(self) -> None:
        if self._first:  # set_fields wrote it already, after validating
            self._first = False
            return
        self._session.run_safely(lambda: self._session._write_fields(self._after))

    def undo(self) -> None:
        self._session.run_safely(lambda: self._session._write_fields(self._before))
