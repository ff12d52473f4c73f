"""Text reaches WCAG AA contrast (4.5:1) in a light and a dark desktop theme, measured on the
pixels the real widgets paint."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from pmdesk.ui.app import qt_settings
from pmdesk.ui.colours import contrast, is_dark
from pmdesk.ui.main_window import MainWindow

DARK = {
    QPalette.ColorRole.Window: "#2b2b2b",
    QPalette.ColorRole.WindowText: "#e8e8e8",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.AlternateBase: "#262626",
    QPalette.ColorRole.Text: "#e8e8e8",
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#e8e8e8",
    QPalette.ColorRole.PlaceholderText: "#a0a0a0",
}


@pytest.fixture(params=["light", "dark"])
def theme(request, qapp):
    """The desktop's palette, as pmdesk finds it at start-up."""
    before = QPalette(qapp.palette())
    palette = QPalette(qapp.style().standardPalette())
    if request.param == "dark":
        for role, colour in DARK.items():
            palette.setColor(role, QColor(colour))
    qapp.setPalette(palette)
    yield request.param
    qapp.setPalette(before)


def painted_contrast(image: QImage) -> float:
    """Contrast of the strongest ink against the commonest colour (the background)."""
    counts: Counter[int] = Counter()
    for y in range(image.height()):
        for x in range(image.width()):
            counts[image.pixel(x, y)] += 1
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    return max(contrast(QColor.fromRgb(p), background) for p in counts)


def grab_inside(widget: QWidget, margin: int = 3) -> QImage:
    """The widget's pixels inside its border (a border is not text)."""
    inner = widget.rect().adjusted(margin, margin, -margin, -margin)
    return widget.grab(inner).toImage()


def grab_on(label: QWidget, backdrop: QWidget) -> QImage:
    """A label with what shows through it: grabbed from the widget that paints behind it."""
    return backdrop.grab(QRect(label.mapTo(backdrop, QPoint(0, 0)), label.size())).toImage()


@pytest.fixture
def window(qtbot, store, theme):
    w = MainWindow(store, qt_settings())
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.editor is not None and w.editor.updatesEnabled())  # after the paint
    return w


def test_the_example_banner_and_the_field_labels_read(window):
    header = window.editor.header
    assert painted_contrast(grab_inside(header.example_note)) >= 4.5
    labels = window.editor.findChildren(QLabel, "fieldLabel")
    assert labels
    for label in labels:
        assert painted_contrast(label.grab().toImage()) >= 4.5, label.text()


def test_overdue_action_rows_read(window):
    table = window.editor.actions.table
    model = table.model()
    overdue = [
        row
        for row in range(model.rowCount())
        if model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    ]
    assert overdue, "the example has overdue action items"
    window.editor.jump_to("action_items")
    measured = 0
    for row in overdue:
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if not index.data() or table.isColumnHidden(column):
                continue
            table.scrollTo(index)
            rect: QRect = table.visualRect(index).intersected(table.viewport().rect())
            image = table.viewport().grab(rect.adjusted(1, 1, -1, -1)).toImage()
            assert painted_contrast(image) >= 4.5, (row, column, index.data())
            measured += 1
    assert measured


def test_the_meeting_flag_panel_reads_in_both_meeting_themes(qtbot, window):
    window.start_meeting()
    meeting = window.meeting
    try:
        for theme in ("light", "dark"):
            meeting.console.apply_theme(theme)
            notes = meeting.console.notes
            notes.setFocus()
            notes.moveCursor(notes.textCursor().MoveOperation.End)
            qtbot.keyClicks(notes, " Sam should have caught this")
            panel = meeting.console.flag_panel
            # (the flags are found in the lint worker, a moment after the typing)
            qtbot.waitUntil(lambda p=panel: p.property("flagged"), timeout=10_000)
            # a dark console (a dim room, or a dark desktop) gets a dark panel, not a cream one
            backdrop = Counter(
                grab_on(panel.message, panel).pixel(x, 2) for x in range(panel.message.width())
            ).most_common(1)[0][0]
            dark_console = is_dark(meeting.console.palette().base().color())
            assert dark_console or theme == "light"
            assert is_dark(QColor.fromRgb(backdrop)) == dark_console
            for label in (panel.title, panel.message, panel.rewrite, panel.prompt):
                assert painted_contrast(grab_on(label, panel)) >= 4.5, (theme, label.text())
            qtbot.keyClick(notes, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    finally:
        meeting.leave()
    assert QApplication.instance() is not None


def test_follow_through_numbers_and_late_cells_read(qtbot, store, theme):
    from datetime import date

    from pmdesk.models import ActionItem, Postmortem
    from pmdesk.ui.followup.window import FollowThroughWindow

    store.create(
        Postmortem(
            title="Late one",
            incident_date="2026-03-02",
            action_items=[ActionItem("Add the alert", "Dana", "high", "2026-03-10")],
        )
    )
    w = FollowThroughWindow(store, today=lambda: date(2026, 4, 16), holidays=lambda: [])
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    tile = w.dashboard.overdue_tile
    assert tile.number.property("state") == "bad"
    assert painted_contrast(grab_on(tile.number, tile)) >= 4.5
    table = w.dashboard.actions
    index = table.model().index(0, 0)
    image = table.viewport().grab(table.visualRect(index).adjusted(1, 1, -1, -1)).toImage()
    assert painted_contrast(image) >= 4.5
