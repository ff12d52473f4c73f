"""A real pmdesk process that types into the editor until it is killed (used by test_nothing_lost).

Each edit is printed as `EDIT <monotonic time> <field> <value>` after the
keystrokes reached the widget, so the test knows what had been typed when.

`typing_process.py DB` types a word at a time and moves between two fields;
`typing_process.py DB continuous MS` types one character every MS milliseconds
into one field that keeps the focus, so the text never pauses long enough for
the pause timer and never loses focus.
"""

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from pmdesk.models import open_store
from pmdesk.ui.app import application, qt_settings
from pmdesk.ui.main_window import MainWindow

app = application()
store = open_store(sys.argv[1])
window = MainWindow(store, qt_settings())
window.show()
while window.editor is None:  # the first postmortem opens just after the first paint
    app.processEvents()
editor = window.editor
words = iter(f" word{i}" for i in range(100000))
typed = {"what_happened": editor.session.pm.what_happened, "title": editor.session.pm.title}


def type_some() -> None:
    field_name = "title" if next_count() % 5 == 0 else "what_happened"
    field = editor.text_fields[field_name]
    field.setFocus()
    cursor = field.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    field.setTextCursor(cursor)
    word = next(words)
    QTest.keyClicks(field, word)
    typed[field_name] += word
    print(f"EDIT {time.monotonic():.4f} {field_name} {typed[field_name]}", flush=True)


def type_continuously() -> None:
    field = editor.text_fields["what_happened"]
    if not field.hasFocus():
        field.setFocus()
        cursor = field.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        field.setTextCursor(cursor)
    char = "abcdefghij "[next_count() % 11]
    QTest.keyClicks(field, char)
    typed["what_happened"] += char
    print(f"EDIT {time.monotonic():.4f} what_happened {typed['what_happened']}", flush=True)


_count = [0]


def next_count() -> int:
    _count[0] += 1
    return _count[0]


continuous = sys.argv[2:3] == ["continuous"]
timer = QTimer(interval=int(sys.argv[3]) if continuous else 90)
timer.timeout.connect(type_continuously if continuous else type_some)
timer.start()
print("READY", flush=True)
app.exec()
