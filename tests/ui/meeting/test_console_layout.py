"""The console at laptop sizes: long notes scroll inside their box; nothing lies under anything."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWidget


def rect_in(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
def test_long_notes_scroll_and_keep_the_typed_line_and_the_tabs_in_view(
    qtbot, meeting, store, size
):
    console = meeting.console
    console.resize(*size)
    notes = console.notes
    notes.setFocus()
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    # the bulk as one insertion: PySide6 6.12's QTest.keyClick drops a reference to None
    # per call, and a few thousand calls in one process crash Python 3.11
    notes.insertPlainText("".join(f"\npoint {i} about the pool" for i in range(40)))
    qtbot.keyClick(notes, Qt.Key.Key_Return)
    qtbot.keyClicks(notes, "the last line typed")
    qtbot.wait(50)

    window = QRect(QPoint(0, 0), console.size())
    box, tabs = rect_in(notes, console), rect_in(console.tabs, console)
    assert window.contains(box) and window.contains(tabs)
    assert box.bottom() < tabs.top()  # the notes end above the Five Whys / Action item tabs
    assert notes.verticalScrollBar().isVisible()
    # the line being typed is inside the part of the box that shows
    assert notes.viewport().rect().contains(notes.cursorRect())
    # and the tab bar is not covered: its tabs are where a click reaches them
    bar = console.tabs.tabBar()
    centre = bar.mapTo(console, bar.tabRect(1).center())
    assert console.childAt(centre) is bar
    qtbot.waitUntil(lambda: "the last line typed" in store.get(meeting.session.pm_id).meeting_notes)
