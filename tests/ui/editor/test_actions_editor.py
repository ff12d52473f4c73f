from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QWidget

from pmdesk.models import ActionStatus, Priority
from pmdesk.ui.editor.actions_editor import ActionsEditor
from pmdesk.ui.editor.actions_model import (
    ACTION,
    COMPLETED,
    DUE,
    OWNER,
    PRIORITY,
    STATUS,
    TRACKER,
)
from pmdesk.ui.editor.text_field import TextField

TODAY = date(2026, 3, 30)


@pytest.fixture
def editor(qtbot, session):
    widget = ActionsEditor(session, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1000, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def items(session):
    return session.store.get(session.pm_id).action_items


def open_cell(editor, row: int, column: int):
    index = editor.proxy.mapFromSource(editor.model.index(row, column))
    editor.table.setCurrentIndex(index)
    editor.table.edit(index)
    children = editor.table.viewport().findChildren(
        QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
    )
    (widget,) = [
        w
        for w in children
        if w.isVisible() and isinstance(w, (QLineEdit, TextField, QComboBox, QDateEdit))
    ]
    return widget


def commit(qtbot, editor, cell) -> None:
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.table.state() != editor.table.State.EditingState)


def test_shows_the_example_items(editor):
    model = editor.model
    assert model.rowCount() == 5
    assert model.data(model.index(0, OWNER)) == "Luis Ferreira"
    assert model.data(model.index(0, PRIORITY)) == "High"
    assert model.data(model.index(0, STATUS)) == "Done"
    assert model.data(model.index(0, COMPLETED)) == "2026-03-20"
    assert model.data(model.index(0, TRACKER)) == "tracker.example.com/PAY-412"
    assert model.data(model.index(3, DUE)) == "2026-03-27"


def test_overdue_rows_stand_out_and_say_by_how_much(editor):
    model = editor.model
    # the runbook update was due 2026-03-27 and is open: 3 days overdue on the 30th
    background = model.data(model.index(3, ACTION), Qt.ItemDataRole.BackgroundRole)
    assert background is not None and background != editor.palette().base().color()
    assert "Overdue by 3 days" in model.data(model.index(3, OWNER), Qt.ItemDataRole.ToolTipRole)
    # done items and items due later do not
    assert model.data(model.index(0, ACTION), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(4, ACTION), Qt.ItemDataRole.BackgroundRole) is None
    assert "1 overdue" in editor.summary.text()


def test_typing_an_action_and_owner(qtbot, editor, session):
    cell = open_cell(editor, 3, ACTION)
    cell.selectAll()
    qtbot.keyClicks(cell, "Add the connection-pool check to the payment runbook")
    commit(qtbot, editor, cell)
    cell = open_cell(editor, 3, OWNER)
    cell.selectAll()
    qtbot.keyClicks(cell, "Priya  Raman ")
    commit(qtbot, editor, cell)
    stored = items(session)[3]
    assert stored.action == "Add the connection-pool check to the payment runbook"
    assert stored.owner == "Priya Raman"
    session.undo_stack.undo()
    assert items(session)[3].owner == "Dana Okafor"
    session.undo_stack.undo()
    assert items(session)[3].action.startswith("Update the payment-errors runbook")
    session.undo_stack.redo()
    session.undo_stack.redo()
    assert items(session)[3] == stored


def test_priority_is_picked_from_a_combo_box(qtbot, editor, session):
    combo = open_cell(editor, 4, PRIORITY)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("high"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: items(session)[4].priority is Priority.HIGH)
    session.undo_stack.undo()
    assert items(session)[4].priority is Priority.LOW
    session.undo_stack.redo()
    assert items(session)[4].priority is Priority.HIGH


def test_due_date_is_picked_with_a_calendar_edit(qtbot, editor, session):
    edit = open_cell(editor, 3, DUE)
    assert isinstance(edit, QDateEdit) and edit.calendarPopup()
    assert edit.date() == QDate(2026, 3, 27)
    edit.setDate(QDate(2026, 4, 10))
    commit(qtbot, editor, edit)
    assert items(session)[3].due_date == date(2026, 4, 10)
    # no longer overdue
    model = editor.model
    assert model.data(model.index(3, ACTION), Qt.ItemDataRole.BackgroundRole) is None
    session.undo_stack.undo()
    assert items(session)[3].due_date == date(2026, 3, 27)
    session.undo_stack.redo()
    assert items(session)[3].due_date == date(2026, 4, 10)


def test_done_sets_completed_on_to_today_and_reopening_clears_it(editor, session):
    model = editor.model
    model.setData(model.index(3, STATUS), "done")
    assert items(session)[3].status is ActionStatus.DONE
    assert items(session)[3].completed_on == TODAY
    assert model.data(model.index(3, COMPLETED)) == "2026-03-30"
    assert model.data(model.index(3, ACTION), Qt.ItemDataRole.BackgroundRole) is None

    model.setData(model.index(3, STATUS), "in_progress")
    assert items(session)[3].completed_on is None
    assert not (model.flags(model.index(3, COMPLETED)) & Qt.ItemFlag.ItemIsEditable)

    session.undo_stack.undo()
    assert items(session)[3].completed_on == TODAY
    session.undo_stack.undo()
    assert items(session)[3].status is ActionStatus.OPEN
    assert items(session)[3].completed_on is None
    session.undo_stack.redo()
    assert items(session)[3].completed_on == TODAY


def test_sorting_by_a_header_leaves_the_document_order_alone(qtbot, editor, session):
    before = [i.id for i in items(session)]
    header = editor.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(DUE) + 5, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    shown = [editor.proxy.index(r, DUE).data() for r in range(editor.proxy.rowCount())]
    assert shown == sorted(shown)
    assert [i.id for i in items(session)] == before
    # priority sorts by rank, not by name
    editor.table.sortByColumn(PRIORITY, Qt.SortOrder.AscendingOrder)
    shown = [editor.proxy.index(r, PRIORITY).data() for r in range(editor.proxy.rowCount())]
    assert shown == ["High", "High", "Medium", "Medium", "Low"]


def test_editing_a_sorted_table_edits_the_right_item(editor, session):
    editor.table.sortByColumn(PRIORITY, Qt.SortOrder.DescendingOrder)  # low first
    first = editor.proxy.index(0, OWNER)
    assert first.data() == "Sam Whitaker"
    editor.proxy.setData(first, "Sam W.")
    assert items(session)[4].owner == "Sam W."


def test_add_and_delete_are_undoable(qtbot, editor, session):
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert len(items(session)) == 6
    cell = [
        w
        for w in editor.table.viewport().findChildren(QWidget)
        if w.isVisible() and isinstance(w, (QLineEdit, TextField))
    ][0]
    qtbot.keyClicks(cell, "Load-test config changes in staging")
    commit(qtbot, editor, cell)
    assert items(session)[5].action == "Load-test config changes in staging"

    editor.table.selectRow(1)
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    remaining = items(session)
    assert len(remaining) == 5 and "canary" not in " ".join(i.action for i in remaining)
    session.undo_stack.undo()
    assert "canary" in items(session)[1].action
    session.undo_stack.undo()  # the typed action
    session.undo_stack.undo()  # the added row
    assert len(items(session)) == 5
    session.undo_stack.redo()
    assert len(items(session)) == 6


def test_blame_in_an_action_gets_a_marker(qtbot, editor, session):
    model = editor.model
    model.setData(model.index(0, ACTION), "Make sure the careless engineer double-checks configs")
    index = model.index(0, ACTION)
    # the marker arrives from the lint worker; the cell paints without it until then
    qtbot.waitUntil(lambda: model.data(index, Qt.ItemDataRole.DecorationRole) is not None)
    assert "Judgement of a person" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, ACTION), Qt.ItemDataRole.DecorationRole) is None


def test_the_model_is_a_well_behaved_qt_model(qtbot, editor, session):
    QAbstractItemModelTester(editor.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    QAbstractItemModelTester(editor.proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    editor.table.sortByColumn(DUE, Qt.SortOrder.AscendingOrder)
    editor.add_item()
    editor.model.setData(editor.model.index(2, STATUS), "open")
    editor.table.selectRow(0)
    editor.delete_selected()
    for _ in range(3):
        session.undo_stack.undo()
    assert [i.id for i in editor.model.rows] == [i.id for i in items(session)]


def test_a_narrow_editor_does_not_scroll_sideways_and_a_wide_one_shows_every_column(editor, qtbot):
    header = editor.table.horizontalHeader()
    editor.resize(660, 400)  # the document column of the editor at 1280 x 720
    qtbot.waitUntil(lambda: header.isSectionHidden(TRACKER))
    assert header.length() <= editor.table.viewport().width()
    assert not editor.table.horizontalScrollBar().isVisible()
    assert header.sectionSize(ACTION) >= editor.table.stretch_min
    for column in (OWNER, PRIORITY, DUE, STATUS):
        assert not header.isSectionHidden(column)
    editor.resize(1400, 400)
    qtbot.waitUntil(lambda: not header.isSectionHidden(TRACKER))
    assert not header.isSectionHidden(COMPLETED)
    assert header.length() <= editor.table.viewport().width()
