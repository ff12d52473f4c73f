"""Typing in the console: flags with rewrite and prompt at once, one key to accept, all saved."""

from datetime import date

from PySide6.QtCore import Qt

from pmdesk.meeting import load_agenda

NOTE = "Sam should have caught this"
SYSTEM_PROMPT = "what about the system?"


def flags_in(qtbot, field):
    """Wait for the lint worker's flags of what the field holds now (never on the UI thread)."""
    qtbot.waitUntil(field.flags_current, timeout=10_000)
    return field


def type_note(qtbot, meeting, text=NOTE):
    notes = meeting.console.notes
    notes.setFocus()
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    qtbot.keyClick(notes, Qt.Key.Key_Return)
    qtbot.keyClicks(notes, text)
    return flags_in(qtbot, notes)


def test_a_blame_note_is_flagged_with_the_rewrite_and_the_prompt(qtbot, meeting):
    panel = meeting.console.flag_panel
    assert not panel.property("flagged")
    type_note(qtbot, meeting)
    assert panel.property("flagged")
    said = panel.texts()
    assert "What someone should have done" in said
    assert "Rewrite:" in said and "This was not caught" in said
    assert SYSTEM_PROMPT in said
    assert panel.accept_button.isVisible()


def test_the_accept_key_puts_the_rewrite_in_and_it_is_saved(qtbot, meeting, store):
    notes = type_note(qtbot, meeting)
    qtbot.keyClick(notes, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert NOTE not in notes.text()
    assert notes.text().endswith("This was not caught")
    flags_in(qtbot, notes)
    assert not meeting.console.flag_panel.property("flagged")
    pm_id = meeting.session.pm_id
    qtbot.waitUntil(lambda: store.get(pm_id).meeting_notes == notes.text())
    notes.undo()  # the field's own undo brings the words back, as in any text box
    assert notes.text().endswith(NOTE)


def test_alt_enter_accepts_too(qtbot, meeting):
    notes = type_note(qtbot, meeting, "He made a careless change to the config.")
    assert "We're not here to evaluate" in meeting.console.flag_panel.texts()
    qtbot.keyClick(notes, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    assert notes.text().endswith("He made a change to the config.")


def test_without_a_rewrite_the_console_shows_the_question_and_replaces_nothing(qtbot, meeting):
    notes = type_note(qtbot, meeting, "He was careless with the config.")
    panel = meeting.console.flag_panel
    assert "Ask:" in panel.texts() and not panel.accept_button.isVisible()
    qtbot.keyClick(notes, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    assert "He was careless with the config." in notes.text()


def open_actions(meeting):
    meeting.go_to(load_agenda().index("actions"))
    assert meeting.console.tabs.currentWidget() is meeting.console.action_form
    return meeting.console.action_form


def test_capture_an_action_item_and_find_it_in_the_store(qtbot, meeting, store):
    form = open_actions(meeting)
    before = len(store.get(meeting.session.pm_id).action_items)
    qtbot.keyClicks(form.action, "Add a canary check for pool-size changes")
    form.owner.setCurrentText("Priya Raman")
    form.priority.setCurrentIndex(form.priority.findData("high"))
    qtbot.keyClicks(form.due, "2026-04-01")
    flags_in(qtbot, form.action)
    assert not meeting.console.flag_panel.property("flagged")
    qtbot.keyClick(form.due, Qt.Key.Key_Return)
    items = store.get(meeting.session.pm_id).action_items
    assert len(items) == before + 1
    added = items[-1]
    assert (added.action, added.owner, added.priority.value, added.due_date) == (
        "Add a canary check for pool-size changes",
        "Priya Raman",
        "high",
        date(2026, 4, 1),
    )
    assert form.action.text() == "" and form.due.text() == ""
    assert "Add a canary check" in meeting.audience.slide.plain_text()
    # The editor's own command: one undo takes it back, redo brings it again.
    stack = meeting.session.undo_stack
    assert stack.undoText() == "Add action item"
    stack.undo()
    assert len(store.get(meeting.session.pm_id).action_items) == before
    stack.redo()
    assert store.get(meeting.session.pm_id).action_items[-1].action == added.action


def test_an_action_aimed_at_a_person_is_flagged_and_rewritten(qtbot, meeting, store):
    form = open_actions(meeting)
    qtbot.keyClicks(form.action, "Retrain John")
    flags_in(qtbot, form.action)
    said = meeting.console.flag_panel.texts()
    assert "Aimed at a person, not the system" in said
    assert "a check, a guardrail, automation" in said
    assert "Let's change the system, not the person" in said
    qtbot.keyClick(form.action, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert form.action.text().startswith("Change the tool or step involved")
    # Now only the missing owner and date are flagged; adding is still allowed.
    flags_in(qtbot, form.action)
    said = meeting.console.flag_panel.texts()
    assert "Incomplete" in said and "No owner and no due date yet" in said
    qtbot.keyClick(form.action, Qt.Key.Key_Return)
    added = store.get(meeting.session.pm_id).action_items[-1]
    assert added.action.startswith("Change the tool or step involved")
    assert "incomplete: no owner or due date" in form.captured.text()


def test_a_bad_due_date_is_explained_and_nothing_is_added(qtbot, meeting, store):
    form = open_actions(meeting)
    before = len(store.get(meeting.session.pm_id).action_items)
    qtbot.keyClicks(form.action, "Add an alert on queue depth")
    qtbot.keyClicks(form.due, "next week")
    qtbot.keyClick(form.due, Qt.Key.Key_Return)
    assert len(store.get(meeting.session.pm_id).action_items) == before
    assert form.error.isVisible() and "not a date" in form.error.text()
    assert form.action.text() == "Add an alert on queue depth"


def test_five_whys_answers_are_built_live(qtbot, meeting, store):
    meeting.go_to(load_agenda().index("root_cause"))
    whys = meeting.console.whys
    assert meeting.console.tabs.currentWidget() is whys
    pm_id = meeting.session.pm_id
    before = list(store.get(pm_id).whys)
    qtbot.keyClicks(whys.answer, "The review tool hid the environments")
    qtbot.keyClick(whys.answer, Qt.Key.Key_Return)
    assert store.get(pm_id).whys == [*before, "The review tool hid the environments"]
    assert whys.answer.text() == ""
    assert "The review tool hid the environments" in meeting.audience.slide.plain_text()
    qtbot.keyClicks(whys.answer, "The engineer made a mistake")
    flags_in(qtbot, whys.answer)
    assert meeting.console.flag_panel.property("flagged")
    assert "ask why once more" in meeting.console.flag_panel.texts()
    qtbot.waitUntil(lambda: store.get(pm_id).whys[-1] == "The engineer made a mistake")


def test_leave_and_find_the_note_and_the_action_in_the_editor(qtbot, window, meeting, store):
    type_note(qtbot, meeting)
    form = open_actions(meeting)
    qtbot.keyClicks(form.action, "Add a pool-size check to config review")
    qtbot.keyClick(form.action, Qt.Key.Key_Return)
    qtbot.keyClick(form.action, Qt.Key.Key_Escape)
    assert window.meeting is None
    editor = window.editor
    assert editor.text_fields["meeting_notes"].text().endswith(NOTE)
    assert editor.actions.model.rows[-1].action == "Add a pool-size check to config review"
    saved = store.get(editor.session.pm_id)
    assert saved.meeting_notes.endswith(NOTE)  # written on leaving, not left in a widget
    assert saved.action_items[-1].action == "Add a pool-size check to config review"


def test_a_flag_of_an_older_text_is_never_applied(qtbot, meeting):
    """Typing on before the flags arrive: the accept key must not replace a span that moved."""
    notes = type_note(qtbot, meeting)
    assert notes.flags and notes.flags_current()
    worker = notes._worker
    worker._runner.hold(True)  # the worker is busy elsewhere: no new flags come yet
    try:
        notes.moveCursor(notes.textCursor().MoveOperation.Start)
        qtbot.keyClicks(notes, "Note: ")
        assert not notes.flags_current()
        before = notes.text()
        qtbot.keyClick(notes, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
        assert notes.text() == before
    finally:
        worker._runner.hold(False)
    flags_in(qtbot, notes)
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    qtbot.keyClick(notes, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert notes.text().startswith("Note: ") and notes.text().endswith("This was not caught")
