"""The meeting's keys, in both windows: a presentation clicker sends PageUp/PageDown or arrows.

An application event filter sees a key before the focused widget does, so
PageUp/PageDown move the meeting even while the facilitator types a note; the
arrows and Space move it only when no text box has the keyboard.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_ALT = Qt.KeyboardModifier.AltModifier
_ALWAYS_FORWARD = {Qt.Key.Key_PageDown}
_ALWAYS_BACK = {Qt.Key.Key_PageUp}
_FORWARD = {Qt.Key.Key_Right, Qt.Key.Key_Space}
_BACK = {Qt.Key.Key_Left}


class MeetingKeys(QObject):
    """Sends the meeting's keys to `forward`, `back`, `leave` and `full_screen`."""

    def __init__(
        self,
        windows: Collection[QWidget],
        *,
        forward: Callable[[], object],
        back: Callable[[], object],
        leave: Callable[[], object],
        full_screen: Callable[[], object],
    ) -> None:
        super().__init__()
        self._windows = list(windows)
        self._forward = forward
        self._back = back
        self._leave = leave
        self._full_screen = full_screen

    def install(self) -> None:
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if watched.window() not in self._windows:
            return False
        return self._handle(watched, event)  # type: ignore[arg-type]

    def _handle(self, target: QWidget, event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers()
        typing = _is_text_input(target)
        if key == Qt.Key.Key_Escape:
            self._leave()
        elif key == Qt.Key.Key_F11:
            self._full_screen()
        elif key in _ALWAYS_FORWARD or (key == Qt.Key.Key_Right and mods == _ALT):
            self._forward()
        elif key in _ALWAYS_BACK or (key == Qt.Key.Key_Left and mods == _ALT):
            self._back()
        elif typing or mods not in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            return False
        elif key in _FORWARD:
            self._forward()
        elif key in _BACK:
            self._back()
        else:
            return False
        return True


def _is_text_input(widget: QWidget) -> bool:
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, QPlainTextEdit | QTextEdit | QLineEdit | QAbstractSpinBox)
