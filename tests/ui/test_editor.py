"""The editor shell: header, free-text sections, autosave, outline, new/delete with undo."""

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from pmdesk.ui.editor.session import SAVE_DELAY_MS


def _editor(window):
    assert window.editor is not None
    return window.editor


def test_typing_reaches_the_store_within_a_second(qtbot, window, store):
    editor = _editor(window)
    pm_id = editor.session.pm_id
    field = editor.text_fields["went_well"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Rollback worked first time.")
    assert window.save_label.text() == "Saving…"
    qtbot.waitUntil(
        lambda: store.get(pm_id).went_well == "Rollback worked first time.", timeout=1000
    )
    assert window.save_label.text() == "All changes saved"


def test_focus_loss_saves_at_once(qtbot, window, store):
    editor = _editor(window)
    field = editor.text_fields["what_happened"]
    field.setFocus()
    field.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(field, " More detail.")
    editor.text_fields["why_it_happened"].setFocus()
    assert store.get(editor.session.pm_id).what_happened.endswith(" More detail.")


def test_header_edits_are_saved_and_undoable(qtbot, window, store):
    editor = _editor(window)
    pm_id = editor.session.pm_id
    header = editor.header
    header.severity.setFocus()
    header.severity.setCurrentIndex(header.severity.findData("P1"))
    header.severity.activated.emit(header.severity.currentIndex())
    assert store.get(pm_id).severity.value == "P1"
    window.undo_action.trigger()
    assert store.get(pm_id).severity.value == "P2"
    assert header.severity.currentData() == "P2"
    window.redo_action.trigger()
    assert store.get(pm_id).severity.value == "P1"
    # the library row follows
    row = window.library.model.row_of(pm_id)
    assert window.library.model.data(window.library.model.index(row, 2)) == "P1"


def test_duration_follows_typing_and_bad_times_are_refused(qtbot, window, store):
    header = _editor(window).header
    pm_id = window.editor.session.pm_id
    header.ended_at.setFocus()
    header.ended_at.selectAll()
    qtbot.keyClicks(header.ended_at, "2026-03-10 16:05")
    assert header.duration.text().startswith("120 min")
    qtbot.keyClick(header.ended_at, Qt.Key.Key_Return)
    assert store.get(pm_id).ended_at == datetime(2026, 3, 10, 16, 5, tzinfo=UTC)
    header.ended_at.selectAll()
    qtbot.keyClicks(header.ended_at, "2026-03-10 13:00")
    assert "cannot end" in header.duration.text()
    qtbot.keyClick(header.ended_at, Qt.Key.Key_Return)
    assert store.get(pm_id).ended_at == datetime(2026, 3, 10, 16, 5, tzinfo=UTC)
    assert "cannot end" in window.statusBar().currentMessage()


def test_new_postmortem_from_the_template_then_undo_and_redo(qtbot, window, store):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(store.list_postmortems()) == 2
    editor = _editor(window)
    pm = store.get(editor.session.pm_id)
    assert pm.title == "Untitled postmortem" and len(pm.contributing_factors) == 6
    qtbot.keyClicks(editor.header.title, "Queue backlog")
    editor.header.title.clearFocus()
    editor.flush()
    assert store.get(pm.id).title == "Queue backlog"
    window.undo_group.setActiveStack(window.library_stack)
    window.undo_action.trigger()
    assert len(store.list_postmortems()) == 1
    window.redo_action.trigger()
    assert store.get(pm.id).title == "Queue backlog"


def test_delete_asks_first_and_undo_brings_it_back(qtbot, window, store, monkeypatch):
    pm_id = window.editor.session.pm_id
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Cancel)
    window.delete_action.trigger()
    assert store.list_postmortems()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Yes)
    window.delete_action.trigger()
    assert store.list_postmortems() == []
    assert window.editor is None
    window.undo_action.trigger()
    assert [r.id for r in store.list_postmortems()] == [pm_id]
    assert window.editor is not None and window.editor.session.pm_id == pm_id
    assert len(store.get(pm_id).action_items) == 5


def test_switching_postmortems_saves_what_was_typed(qtbot, window, store):
    from pmdesk.models import Postmortem

    other = store.create(Postmortem(title="Other", incident_date="2020-01-01")).id
    window.library.refresh()
    editor = _editor(window)
    pm_id = editor.session.pm_id
    field = editor.text_fields["could_improve"]
    field.setFocus()
    field.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(field, " Typed just before switching.")
    window.library.select(other)  # well before the autosave pause ends
    assert window.editor.session.pm_id == other
    assert store.get(pm_id).could_improve.endswith("Typed just before switching.")


def test_outline_jumps_to_a_section(qtbot, window):
    editor = _editor(window)
    window.resize(1200, 700)
    qtbot.wait(SAVE_DELAY_MS // 4)
    editor.jump_to("action_items", focus=True)
    assert editor.scroll.verticalScrollBar().value() > 0


def test_blame_is_underlined_and_one_key_applies_the_rewrite(qtbot, window, store):
    editor = _editor(window)
    field = editor.text_fields["what_happened"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "John deployed bad code")
    # the findings come from the lint worker, never from the keystroke itself
    qtbot.waitUntil(field.highlighter.settled, timeout=5000)
    block = field.document().firstBlock()
    findings = field.highlighter.block_findings(block)
    assert findings and findings[0].finding.severity in ("warning", "error")
    qtbot.keyClick(field, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert "John" not in field.text()
    qtbot.waitUntil(lambda: "John" not in store.get(editor.session.pm_id).what_happened)
    # the rewrite is one step of the field's own undo
    field.undo()
    assert field.text() == "John deployed bad code"


def test_findings_panel_lists_and_jumps(qtbot, window):
    editor = _editor(window)
    field = editor.text_fields["why_not_caught"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Someone should have caught this.")
    editor.flush()
    qtbot.waitUntil(lambda: len(editor.findings.cards) > 0)
    said = editor.findings.texts()[0]
    finding = editor.findings.cards[0].found.finding
    # the category, where, the flagged phrase, and the rewrite (or the question to ask)
    assert "What someone should have done — Why it was not caught earlier" in said
    assert "“Someone should have caught this" in said
    if finding.suggestions:
        assert f"Rewrite: {finding.suggestions[0]}" in said
    else:
        assert f"Ask: {finding.prompt}" in said
    card = editor.findings.cards[0]
    field.clearFocus()
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert field.hasFocus() or field.textCursor().hasSelection()


def test_allow_here_silences_that_finding_and_is_saved(qtbot, window, store):
    editor = _editor(window)
    field = editor.text_fields["went_well"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "The rollback was quick. Human error caused the outage.")
    qtbot.waitUntil(field.highlighter.settled, timeout=5000)
    hit = field.finding_at_cursor()
    assert hit is not None and hit[1].finding.category == "human-error-cause"
    field.allow_here(*hit)
    qtbot.waitUntil(field.highlighter.settled, timeout=5000)
    spans = field.highlighter.block_findings(field.document().firstBlock())
    assert not [s for s in spans if s.finding.category == "human-error-cause"]
    editor.flush()
    assert store.get(editor.session.pm_id).went_well.startswith(
        "<!-- pmdesk: allow human-error-cause -->"
    )


def test_authors_times_and_category_are_saved_while_typing(qtbot, window, store):
    """Nothing typed waits in a widget for focus to leave: a crash would lose it."""
    editor = _editor(window)
    pm_id = editor.session.pm_id
    header = editor.header
    header.authors.setFocus()
    header.authors.selectAll()
    qtbot.keyClicks(header.authors, "Dana Okafor, Mei Tanaka")
    header.meeting_at.setFocus()
    header.meeting_at.selectAll()
    qtbot.keyClicks(header.meeting_at, "2026-03-17 09:30")
    category = editor.whys.category.lineEdit()
    category.setFocus()
    category.selectAll()
    qtbot.keyClicks(category, "capacity")
    assert category.hasFocus()  # still typing: nothing has been left
    qtbot.waitUntil(
        lambda: (
            store.get(pm_id).authors == ["Dana Okafor", "Mei Tanaka"]
            and store.get(pm_id).meeting_at == datetime(2026, 3, 17, 9, 30, tzinfo=UTC)
            and store.get(pm_id).root_cause_category == "capacity"
        ),
        timeout=2000,
    )


def test_a_half_typed_time_is_not_an_error_until_the_field_is_left(qtbot, window, store):
    header = _editor(window).header
    header.started_at.setFocus()
    header.started_at.selectAll()
    qtbot.keyClicks(header.started_at, "2026-03")
    qtbot.wait(900)
    assert "not a date" not in window.statusBar().currentMessage()
    assert store.get(window.editor.session.pm_id).started_at == datetime(
        2026, 3, 10, 14, 5, tzinfo=UTC
    )


def test_edits_from_another_process_appear_when_the_window_is_activated(qtbot, window, store):
    from pmdesk.models import Store

    pm_id = window.editor.session.pm_id
    with Store(store.path) as other:  # a second connection, as another pmdesk process has
        other.update(pm_id, went_well="Written by the other window")
        other.update(pm_id, severity="P1")
    window._pick_up_outside_changes()  # what activating the window does
    assert window.editor.text_fields["went_well"].text() == "Written by the other window"
    assert window.editor.header.severity.currentData() == "P1"


def test_underlines_appear_once_the_linter_is_ready(qtbot, window):
    editor = _editor(window)
    field = editor.text_fields["went_well"]
    field.setPlainText("Someone should have caught this.")
    # the linter gets ready in the lint process (its parser loads in about a second there)
    qtbot.waitUntil(
        lambda: bool(field.highlighter.block_findings(field.document().firstBlock())),
        timeout=20_000,
    )
    block = field.document().firstBlock()
    qtbot.waitUntil(lambda: any(r.format.underlineStyle() for r in block.layout().formats()))
