import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QLineEdit

from pmdesk.ui.editor.factors_editor import FactorsEditor


@pytest.fixture
def editor(qtbot, session):
    widget = FactorsEditor(session)
    qtbot.addWidget(widget)
    widget.resize(800, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def factors(session) -> list[tuple[str, bool]]:
    return [(f.text, f.checked) for f in session.store.get(session.pm_id).contributing_factors]


def select(editor, row: int) -> None:
    editor.list.setFocus()
    editor.list.setCurrentIndex(editor.model.index(row, 0))


def test_shows_the_checklist(editor):
    model = editor.model
    assert model.rowCount() == 5
    assert model.data(model.index(0, 0)) == "One config key shared by staging and production"
    assert model.data(model.index(4, 0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_space_ticks_and_unticks(qtbot, editor, session):
    select(editor, 4)
    qtbot.keyClick(editor.list, Qt.Key.Key_Space)
    assert factors(session)[4][1] is True
    qtbot.keyClick(editor.list, Qt.Key.Key_Space)
    assert factors(session)[4][1] is False
    session.undo_stack.undo()
    assert factors(session)[4][1] is True
    session.undo_stack.undo()
    assert factors(session)[4][1] is False
    session.undo_stack.redo()
    assert factors(session)[4][1] is True
    assert session.undo_stack.undoText() == "Tick contributing factor"


def test_add_from_the_entry_line(qtbot, editor, session):
    qtbot.keyClicks(editor.entry, "Pool-size metric had no dashboard panel")
    qtbot.keyClick(editor.entry, Qt.Key.Key_Return)
    assert factors(session)[-1] == ("Pool-size metric had no dashboard panel", True)
    assert editor.entry.text() == ""
    session.undo_stack.undo()
    assert len(factors(session)) == 5
    session.undo_stack.redo()
    assert factors(session)[-1] == ("Pool-size metric had no dashboard panel", True)


def test_edit_text_in_place(qtbot, editor, session):
    select(editor, 3)
    qtbot.keyClick(editor.list, Qt.Key.Key_F2)
    (cell,) = [w for w in editor.list.viewport().findChildren(QLineEdit) if w.isVisible()]
    cell.selectAll()
    qtbot.keyClicks(cell, "Afternoon traffic peak (3x morning load)")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: factors(session)[3][0] == "Afternoon traffic peak (3x morning load)")
    session.undo_stack.undo()
    assert factors(session)[3][0] == "Afternoon traffic peak"
    session.undo_stack.redo()
    assert factors(session)[3][0] == "Afternoon traffic peak (3x morning load)"


def test_ctrl_up_and_down_move_a_factor(qtbot, editor, session):
    original = factors(session)
    select(editor, 2)
    qtbot.keyClick(editor.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert factors(session)[1] == original[2]
    assert editor.list.currentIndex().row() == 1
    qtbot.keyClick(editor.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert factors(session)[3] == original[2]
    session.undo_stack.undo()
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert factors(session) == original
    session.undo_stack.redo()
    assert factors(session)[1] == original[2]


def test_move_buttons_stop_at_the_ends(qtbot, editor):
    select(editor, 0)
    assert not editor.up_button.isEnabled() and editor.down_button.isEnabled()
    select(editor, 4)
    assert editor.up_button.isEnabled() and not editor.down_button.isEnabled()


def test_delete_key_removes_and_undo_restores_in_place(qtbot, editor, session):
    original = session.store.get(session.pm_id).contributing_factors
    select(editor, 1)
    qtbot.keyClick(editor.list, Qt.Key.Key_Delete)
    assert [f for f, _ in factors(session)] == [f.text for i, f in enumerate(original) if i != 1]
    session.undo_stack.undo()
    assert session.store.get(session.pm_id).contributing_factors == original
    session.undo_stack.redo()
    assert len(factors(session)) == 4


def test_the_model_is_a_well_behaved_qt_model(qtbot, editor, session):
    QAbstractItemModelTester(editor.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    select(editor, 0)
    editor.move_selected(1)
    editor.move_selected(1)
    editor.entry.setText("new")
    editor.add_from_entry()
    select(editor, 5)
    editor.remove_selected()
    for _ in range(4):
        session.undo_stack.undo()
    assert [f.id for f in editor.model.rows] == [
        f.id for f in session.store.get(session.pm_id).contributing_factors
    ]
