"""The console at laptop sizes: long notes scroll inside their box; nothing lies under anything."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
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


def test_the_presenter_sees_the_next_slide_and_the_elapsed_and_wall_clock_time(qtbot, window):
    from datetime import datetime

    from pmdesk.meeting import load_agenda
    from pmdesk.settings import Settings
    from pmdesk.ui.meeting.meeting_mode import MeetingMode

    ticks = iter([0.0, 0.0] + [754.0] * 1000)
    meeting = MeetingMode(
        window.editor,
        Settings(),
        window,
        clock=lambda: next(ticks),
        now=lambda: datetime(2026, 3, 16, 15, 7),
    )
    meeting.start(window.frameGeometry().center())
    try:
        meeting.go_to(load_agenda().index("impact"))
        console = meeting.console
        assert "Meeting 12:34 · now 15:07" == console.clock_label.text()
        preview = console.preview.pixmap()
        assert not preview.isNull() and preview.width() > 200
        # the preview is the timeline's first event, drawn as the room will see it
        first = QImage(preview.toImage())
        assert first.pixelColor(5, 5) == first.pixelColor(first.width() - 5, 5)  # the page
        meeting.go_to(len(load_agenda().steps) - 1)
        assert console.preview.pixmap().isNull() and console.preview.text() == "End of the meeting"
    finally:
        meeting.leave()
