"""A text box of the facilitator console: blame-highlighted, flagged as typed, rewrite on a key.

The flags are worked out by the lint worker, never on the UI thread: each change sends a job
there (a picklable description: it runs in the linter's own process), and the flags arrive (with `flags_changed`) a few milliseconds later. A flag applies
only to the text it was found in: after another keystroke, until the new flags arrive, the
accept key does nothing rather than replace the wrong span.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QWidget

from pmdesk.meeting import LiveFlag, flag_near, flags_with_text
from pmdesk.ui.editor.highlighter import utf16_offsets
from pmdesk.ui.editor.text_field import TextField
from pmdesk.ui.lint_worker import lint_worker

#: what a field asks of the lint worker: made on the UI thread from the text (and whatever else
#: it needs from the widgets), run by the worker; picklable (a partial of a function of the
#: Qt-free core, pmdesk.meeting), as every lint job is
FlagJob = Callable[[], list[LiveFlag]]

#: keys that accept the current flag's rewrite; Ctrl+. as in the editor, Alt+Enter as in IDEs
ACCEPT_KEYS = (QKeySequence("Ctrl+."), QKeySequence("Alt+Return"), QKeySequence("Alt+Enter"))


class CaptureField(TextField):
    """Asks for its flags on every change: `flagger(text)`, on the UI thread, returns the job
    that computes them in the lint worker; `accept_flag` applies one."""

    #: the flags were recomputed
    flags_changed = Signal()
    #: this field became the one being worked in (focus, or its cursor moved)
    touched = Signal()
    #: Enter in a single-line field: the form should take what was typed
    submitted = Signal()

    def __init__(
        self,
        name: str,
        flagger: Callable[[str], FlagJob],
        *,
        placeholder: str = "",
        single_line: bool = False,
        min_lines: int = 3,
        people: Callable[[], Sequence[str]] = lambda: (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            name,
            placeholder=placeholder,
            single_line=single_line,
            min_lines=min_lines,
            people=people,
            parent=parent,
        )
        self._flagger = flagger
        self.flags: list[LiveFlag] = []
        #: the text `flags` were found in
        self.flags_text = ""
        self._worker = lint_worker()
        self._worker.finished.connect(self._arrived)
        self.document().contentsChanged.connect(self.refresh_flags)
        self.cursorPositionChanged.connect(self.touched)

    def refresh_flags(self) -> None:
        """Ask the worker for the flags of the text as it is now."""
        text = self.text()
        self._worker.request(
            (id(self), "flags"), partial(flags_with_text, text, self._flagger(text))
        )

    def _arrived(self, batch: list[tuple[object, Any]]) -> None:
        for key, result in batch:
            if key != (id(self), "flags") or not isinstance(result, tuple):
                continue
            text, flags = result
            if text != self.text():
                continue  # a newer request is on its way
            self.flags, self.flags_text = flags, text
            self.flags_changed.emit()

    def flags_current(self) -> bool:
        """True when `flags` are those of the text as it is now."""
        return self.flags_text == self.text()

    def current_flag(self) -> LiveFlag | None:
        """The flag at (or just before) the cursor."""
        return flag_near(self.flags, python_offset(self.text(), self.textCursor().position()))

    def accept_flag(self, flag: LiveFlag | None = None) -> bool:
        """Put the flag's rewrite in place of its span, as one step of this field's undo."""
        if not self.flags_current():
            return False  # the flags are of an older text: their spans may be elsewhere now
        flag = flag or self.current_flag()
        if flag is None or flag.replacement is None or flag.end > len(self.text()):
            return False
        to_qt = utf16_offsets(self.text())
        cursor = QTextCursor(self.document())
        cursor.setPosition(to_qt(flag.start))
        cursor.setPosition(to_qt(flag.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.insertText(flag.replacement)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        return True

    def clear_quietly(self) -> None:
        """Empty the box after its text was taken, without counting that as an edit."""
        self.set_text("")
        self.refresh_flags()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = QKeySequence(event.keyCombination())
        if any(keys == accept for accept in ACCEPT_KEYS):
            self.accept_flag()
            return
        if self.single_line and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.touched.emit()


def python_offset(text: str, qt_position: int) -> int:
    """Qt's UTF-16 cursor position as an index into the Python string."""
    if all(ord(c) <= 0xFFFF for c in text):
        return min(qt_position, len(text))
    units = 0
    for index, ch in enumerate(text):
        if units >= qt_position:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)
