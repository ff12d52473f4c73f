from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QLineEdit, QWidget

from pmdesk.models import TimelineEvent
from pmdesk.ui.editor.text_field import TextField
from pmdesk.ui.editor.timeline_editor import TimelineEditor
from pmdesk.ui.editor.timeline_model import EVENT, SOURCE, TIME


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.fixture
def editor(qtbot, session):
    widget = TimelineEditor(session)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def stored(session) -> list[tuple[datetime, str, str]]:
    return [(e.at, e.text, e.source) for e in session.store.get(session.pm_id).timeline]


def shown(editor) -> list[str]:
    model = editor.model
    return [model.data(model.index(r, EVENT)) for r in range(model.rowCount())]


def open_editor(table) -> QLineEdit:
    """The line edit the table opened on its current cell."""
    (cell,) = [
        w
        for w in table.viewport().findChildren(QWidget)
        if w.isVisible() and isinstance(w, (QLineEdit, TextField))
    ]
    return cell


def commit(qtbot, table, cell) -> None:
    """Enter in a cell editor; the delegate commits on the next turn of the event loop."""
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


def add(qtbot, editor, time: str, text: str) -> None:
    qtbot.keyClicks(editor.time_entry, time)
    qtbot.keyClicks(editor.text_entry, text)
    qtbot.keyClick(editor.text_entry, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_shows_the_example_timeline_in_time_order(editor, session):
    model = editor.model
    assert model.rowCount() == len(session.pm.timeline) == 9
    assert model.data(model.index(0, TIME)) == "13:58:00"
    assert model.data(model.index(2, EVENT)).startswith("Alert fires")
    assert model.data(model.index(2, SOURCE)) == "alertmanager"
    assert model.headerData(TIME, Qt.Orientation.Horizontal) == "Time (UTC)"


def test_a_typed_event_is_stored_in_its_place_and_undo_redo_walk_it(qtbot, editor, session):
    add(qtbot, editor, "14:45", "Error rate below 1%")
    expected = (utc(2026, 3, 10, 14, 45), "Error rate below 1%", "manual")
    assert expected in stored(session)
    row = shown(editor).index("Error rate below 1%")
    assert row == 7  # between the rollback (14:38) and the resolution (14:52)
    assert editor.table.currentIndex().row() == row
    assert editor.text_entry.text() == "" and editor.time_entry.text() == ""
    new_id = session.pm.timeline[row].id

    session.undo_stack.undo()
    assert expected not in stored(session)
    assert "Error rate below 1%" not in shown(editor)
    session.undo_stack.redo()
    assert expected in stored(session)
    assert session.store.get(session.pm_id).timeline[row].id == new_id


def test_add_button_and_missing_parts_are_explained(qtbot, editor, session):
    before = stored(session)
    qtbot.keyClicks(editor.text_entry, "no time given")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert stored(session) == before
    assert "time" in editor.note.text()
    qtbot.keyClicks(editor.time_entry, "half past two")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert stored(session) == before
    assert "is not a time" in editor.conversion.text()
    editor.time_entry.clear()
    qtbot.keyClicks(editor.time_entry, "14:30")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert (utc(2026, 3, 10, 14, 30), "no time given", "manual") in stored(session)


def test_a_local_time_is_converted_and_the_offset_shown(qtbot, editor, session):
    editor.zone.setCurrentText("Europe/Berlin")
    qtbot.keyClicks(editor.time_entry, "15:50")
    assert editor.conversion.text() == "15:50 Europe/Berlin = 14:50 UTC (UTC+01:00)"
    qtbot.keyClicks(editor.text_entry, "Status page updated")
    qtbot.keyClick(editor.text_entry, Qt.Key.Key_Return)
    assert (utc(2026, 3, 10, 14, 50), "Status page updated", "manual") in stored(session)


def test_typing_part_of_any_zone_name_offers_it_once_the_box_has_the_focus(qtbot, editor):
    completer = editor.zone.completer()
    assert "America/Argentina/Ushuaia" not in completer.model().stringList()  # not at start
    editor.zone.setFocus()
    qtbot.waitUntil(editor.zone.hasFocus)
    editor.zone.lineEdit().clear()
    qtbot.keyClicks(editor.zone.lineEdit(), "Ushuaia")
    completer.setCompletionPrefix("Ushuaia")
    offered = [
        completer.completionModel().index(r, 0).data() for r in range(completer.completionCount())
    ]
    assert offered == ["America/Argentina/Ushuaia"]


def test_editing_a_time_moves_the_row_and_undo_moves_it_back(qtbot, editor, session):
    model = editor.model
    first = model.rows[0]
    with qtbot.waitSignal(model.rowsMoved):
        model.setData(model.index(0, TIME), "14:40")
    assert model.rows[6].id == first.id
    assert model.data(model.index(6, TIME)) == "14:40:00"
    event = next(e for e in session.store.get(session.pm_id).timeline if e.id == first.id)
    assert event.at == utc(2026, 3, 10, 14, 40)
    assert editor.table.currentIndex().row() == 6

    session.undo_stack.undo()
    assert model.rows[0].id == first.id
    assert session.store.get(session.pm_id).timeline[0].at == utc(2026, 3, 10, 13, 58)
    session.undo_stack.redo()
    assert model.rows[6].id == first.id


def test_editing_text_and_source_in_the_table(qtbot, editor, session):
    model = editor.model
    index = model.index(1, EVENT)
    editor.table.setCurrentIndex(index)
    editor.table.edit(index)
    cell = open_editor(editor.table)
    cell.selectAll()
    qtbot.keyClicks(cell, "Checkout error rate above 5%")
    commit(qtbot, editor.table, cell)
    assert stored(session)[1][1] == "Checkout error rate above 5%"
    model.setData(model.index(1, SOURCE), "grafana")
    assert stored(session)[1][2] == "grafana"

    session.undo_stack.undo()
    assert stored(session)[1][2] == "metrics"
    session.undo_stack.undo()
    assert stored(session)[1][1].startswith("Checkout error rate rises")
    session.undo_stack.redo()
    assert stored(session)[1][1] == "Checkout error rate above 5%"


def test_a_bad_time_in_a_cell_changes_nothing_and_says_why(qtbot, editor, session):
    before = stored(session)
    with qtbot.waitSignal(session.problem) as problem:
        editor.model.setData(editor.model.index(0, TIME), "25:99")
    assert "not a time of day" in problem.args[0]
    assert stored(session) == before
    assert session.undo_stack.count() == 0


def test_pasted_lines_are_one_undo_step(qtbot, editor, session):
    before = stored(session)
    QGuiApplication.clipboard().setText(
        "14:40 Error rate under 2%\nnotes without a time\n14:41:30 - Canary healthy\n"
    )
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    after = stored(session)
    assert len(after) == len(before) + 2
    assert (utc(2026, 3, 10, 14, 41, 30), "Canary healthy", "pasted") in after
    assert "Added 2 events" in editor.note.text()
    assert "1 line without a time was skipped" in editor.note.text()
    assert session.undo_stack.count() == 1

    session.undo_stack.undo()
    assert stored(session) == before
    assert editor.model.rowCount() == len(before)
    session.undo_stack.redo()
    assert stored(session) == after


def test_pasting_lines_into_the_entry_adds_events(qtbot, editor, session):
    mime = QMimeData()
    mime.setText("14:42 Cache warmed\n14:43 Traffic shifted back")
    editor.text_entry.insertFromMimeData(mime)
    texts = [t for _, t, _ in stored(session)]
    assert "Cache warmed" in texts and "Traffic shifted back" in texts
    assert editor.text_entry.text() == ""


def test_a_paste_without_times_adds_nothing_and_says_so(editor, session):
    before = stored(session)
    assert editor.paste_lines("just some words\nand more") == 0
    assert stored(session) == before
    assert "no line starts with a time" in editor.note.text()
    assert session.undo_stack.count() == 0


def test_delete_key_removes_the_selected_events_and_undo_restores_them(qtbot, editor, session):
    before = session.store.get(session.pm_id).timeline
    editor.table.selectRow(3)
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    after = session.store.get(session.pm_id).timeline
    assert [e.id for e in after] == [e.id for e in before if e.id != before[3].id]
    session.undo_stack.undo()
    assert session.store.get(session.pm_id).timeline == before
    assert editor.model.rows == before
    session.undo_stack.redo()
    assert session.store.get(session.pm_id).timeline == after


def test_insert_adds_an_event_at_the_selected_time_and_opens_it(qtbot, editor, session):
    editor.table.selectRow(2)
    qtbot.mouseClick(editor.insert_button, Qt.MouseButton.LeftButton)
    timeline = session.store.get(session.pm_id).timeline
    assert timeline[3].at == timeline[2].at and timeline[3].text == ""
    assert editor.table.state() == editor.table.State.EditingState
    cell = open_editor(editor.table)
    qtbot.keyClicks(cell, "Second alert: latency")
    commit(qtbot, editor.table, cell)
    assert session.store.get(session.pm_id).timeline[3].text == "Second alert: latency"
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert len(session.store.get(session.pm_id).timeline) == 9


def test_times_gain_dates_when_the_incident_crosses_midnight(qtbot, editor, session):
    model = editor.model
    with qtbot.waitSignal(model.dataChanged):
        add(qtbot, editor, "2026-03-11T00:10", "Follow-up check after midnight")
    assert model.data(model.index(0, TIME)) == "2026-03-10 13:58:00"
    assert model.data(model.index(model.rowCount() - 1, TIME)) == "2026-03-11 00:10:00"
    session.undo_stack.undo()
    assert model.data(model.index(0, TIME)) == "13:58:00"


def test_blame_language_in_an_event_gets_a_marker_and_tooltip(qtbot, editor, session):
    add(qtbot, editor, "14:44", "The engineer was careless with the rollback")
    row = shown(editor).index("The engineer was careless with the rollback")
    index = editor.model.index(row, EVENT)
    # the marker arrives from the lint worker; until then the cell paints without it
    qtbot.waitUntil(lambda: editor.model.data(index, Qt.ItemDataRole.DecorationRole) is not None)
    assert editor.model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    tip = editor.model.data(index, Qt.ItemDataRole.ToolTipRole)
    # "was careless" has no fact-keeping rewrite: the tooltip asks a question instead
    assert "Judgement of a person" in tip and "Ask:" in tip and "Try:" not in tip
    clean = editor.model.index(0, EVENT)
    assert editor.model.data(clean, Qt.ItemDataRole.DecorationRole) is None


def test_quiet_warnings_for_events_outside_the_window(editor):
    # the example's support update at 15:30 is 38 minutes after the 14:52 end
    assert editor.warnings.isVisibleTo(editor)
    assert "38 minutes after the incident ended" in editor.warnings.text()


def test_many_events_outside_the_window_are_counted_not_listed(qtbot, session):
    # the example ends at 14:52; ten more events after 16:00 join its 15:30 support update
    session.store.add_events(
        session.pm_id,
        [TimelineEvent(utc(2026, 3, 10, 16, n), f"Follow-up note {n}", "chat") for n in range(10)],
    )
    (resolved,) = [e for e in session.pm.timeline if "resolved" in e.text]
    session.store.delete_event(resolved.id)
    session.reload()
    editor = TimelineEditor(session)
    qtbot.addWidget(editor)
    editor.show()
    shown_as = QTextDocument()
    shown_as.setHtml(editor.warnings.text())
    text = shown_as.toPlainText()  # what the label shows
    assert text.count("after the incident ended") == 3
    assert "… and 8 more events outside the incident's start and end" in text
    assert "No resolution yet" in text  # a missing milestone is never counted away
    assert editor.warnings.toolTip().count("after the incident ended") == 11


def test_a_long_event_is_as_tall_as_its_wrapped_text_at_each_width(qtbot, editor, session):
    text = "The retry storm from the payment client kept the pool saturated " * 6
    add(qtbot, editor, "14:46", text.strip())
    row = shown(editor).index(text.strip())
    line = editor.table.fontMetrics().lineSpacing()

    def lines_needed() -> int:
        width = editor.table.columnWidth(EVENT) - 8
        return -(-editor.table.fontMetrics().horizontalAdvance(text) // width)

    qtbot.waitUntil(lambda: editor.table.rowHeight(row) >= line * lines_needed())
    narrow = editor.table.rowHeight(row)
    editor.resize(1600, 600)  # wider: fewer lines, measured as the width changes
    assert lines_needed() < narrow // line
    assert line * lines_needed() <= editor.table.rowHeight(row) < narrow


def test_missing_milestones_appear_as_events_change(qtbot, editor, session):
    rows = [r for r, e in enumerate(editor.model.rows) if "resolved" in e.text]
    editor.table.selectRow(rows[0])
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    assert "No resolution yet" in editor.warnings.text()
    session.undo_stack.undo()
    assert "No resolution yet" not in editor.warnings.text()


def test_a_change_made_elsewhere_is_shown(editor, session):
    session.store.add_event(session.pm_id, TimelineEvent(at="2026-03-10T14:00:00Z", text="x"))
    session.reload()
    session.part_changed.emit("timeline")
    assert shown(editor)[1] == "x"


def test_the_model_is_a_well_behaved_qt_model(qtbot, editor, session):
    QAbstractItemModelTester(editor.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    add(qtbot, editor, "14:01", "first")
    editor.paste_lines("14:02 second\n14:03 third")
    editor.model.setData(editor.model.index(0, TIME), "14:50")
    editor.table.selectRow(2)
    editor.delete_selected()
    for _ in range(4):
        session.undo_stack.undo()
    for _ in range(4):
        session.undo_stack.redo()
    assert editor.model.rowCount() == len(session.store.get(session.pm_id).timeline)


def test_an_event_cell_is_edited_with_blame_highlighting_and_ctrl_dot(qtbot, editor, session):
    table = editor.table
    index = editor.model.index(3, EVENT)
    table.setCurrentIndex(index)
    table.edit(index)
    cell = open_editor(table)
    assert isinstance(cell, TextField)
    cell.selectAll()
    qtbot.keyClicks(cell, "Omar should have drained the node first")
    qtbot.waitUntil(cell.highlighter.settled, timeout=5000)
    hit = cell.finding_at_cursor()
    assert hit is not None and hit[1].finding.suggestions
    qtbot.keyClick(cell, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert cell.text() == "The node was not drained first"
    commit(qtbot, table, cell)
    texts = [text for _, text, _ in stored(session)]
    assert "Omar should have drained the node first" not in texts
    assert cell.text() in texts


def test_findings_arriving_while_a_cell_is_edited_keep_what_is_typed(qtbot, editor, session):
    table = editor.table
    index = editor.model.index(2, EVENT)
    table.setCurrentIndex(index)
    table.edit(index)
    cell = open_editor(table)
    cell.selectAll()
    qtbot.keyClicks(cell, "Dana restarted the pool")
    editor.model.marks.changed.emit(None)  # as when the findings of every cell change
    editor.model.dataChanged.emit(index, index)  # and for exactly this cell
    assert cell.text() == "Dana restarted the pool"
