"""A text box of the facilitator console: blame-highlighted, flagged as typed, rewrite on a key."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QWidget

from pmdesk.meeting import LiveFlag, flag_near
from pmdesk.ui.editor.highlighter import utf16_offsets
from pmdesk.ui.editor.text_field import TextField

#: keys that accept the current flag's rewrite; Ctrl+. as in the editor, Alt+Enter as in IDEs
ACCEPT_KEYS = (QKeySequence("Ctrl+."), QKeySequence("Alt+Return"), QKeySequence("Alt+Enter"))


class CaptureField(TextField):
    """Computes its flags on every change with `flagger(text)`; `accept_flag` applies one."""

    #: the flags were recomputed (or this field became the one being worked in)
    flags_changed = Signal()
    #: Enter in a single-line field: the form should take what was typed
    submitted = Signal()

    def __init__(
        self,
        name: str,
        flagger: Callable[[str], list[LiveFlag]],
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
        self.document().contentsChanged.connect(self.refresh_flags)
        self.cursorPositionChanged.connect(self.flags_changed)

    def refresh_flags(self) -> None:
        self.flags = self._flagger(self.text())
        self.flags_changed.emit()

    def current_flag(self) -> LiveFlag | None:
        """The flag at (or just before) the cursor."""
        return flag_near(self.flags, python_offset(self.text(), self.textCursor().position()))

    def accept_flag(self, flag: LiveFlag | None = None) -> bool:
        """Put the flag's rewrite in place of its span, as one step of this field's undo."""
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
        self.flags_changed.emit()


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
