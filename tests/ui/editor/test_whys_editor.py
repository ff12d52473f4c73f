import pytest
from PySide6.QtCore import Qt

from pmdesk.models import Postmortem
from pmdesk.ui.editor.session import SAVE_DELAY_MS
from pmdesk.ui.editor.whys_editor import FIRST_QUESTION, WhysEditor, question


@pytest.fixture
def editor(qtbot, session):
    widget = WhysEditor(session)
    qtbot.addWidget(widget)
    widget.resize(800, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def whys(session) -> list[str]:
    return session.store.get(session.pm_id).whys


def test_questions_follow_the_answers():
    assert question(1, "") == FIRST_QUESTION
    assert question(2, "Checkout failed.") == "Why did this happen: checkout failed?"
    assert question(3, "") == "Why did that happen?"
    assert question(2, "DNS lookups timed out") == "Why did this happen: DNS lookups timed out?"
    assert question(2, "Dana restarted the pod", ["Dana Okafor"]).endswith(
        "Dana restarted the pod?"
    )
    long = question(2, "word " * 40)
    assert long.endswith("…?") and len(long) < 120


def test_shows_the_chain_with_numbered_questions(editor, session):
    assert len(editor.steps) == 5
    assert editor.steps[0].label.text().startswith("<b>1.</b> What happened?")
    assert "checkout requests failed with payment errors" in editor.steps[1].label.text()
    assert editor.steps[4].answer.text() == session.pm.whys[4]
    assert editor.root_cause.text() == session.pm.root_cause
    assert editor.category.currentText() == "configuration change"
    assert not editor.warning.isVisibleTo(editor)


def test_typed_answers_are_saved_after_a_pause_and_on_focus_loss(qtbot, editor, session):
    answer = editor.steps[2].answer
    answer.setFocus()
    answer.selectAll()
    qtbot.keyClicks(answer, "The pool was cut to 20 connections.")
    assert session.has_pending
    qtbot.waitUntil(lambda: whys(session)[2] == "The pool was cut to 20 connections.",
                    timeout=SAVE_DELAY_MS * 5)  # fmt: skip
    # the next question follows the new answer at once
    assert "the pool was cut to 20 connections" in editor.steps[3].label.text()
    qtbot.keyClicks(answer, " More.")
    editor.root_cause.setFocus()
    answer.focus_left.emit()  # offscreen windows are never active, so say it for Qt
    assert whys(session)[2].endswith("More.")


def test_add_step_with_ctrl_enter_in_the_last_answer(qtbot, editor, session):
    last = editor.steps[-1].answer
    last.setFocus()
    qtbot.keyClick(last, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(editor.steps) == 6 and whys(session)[-1] == ""
    assert "every environment without a canary step" in editor.steps[5].label.text()
    qtbot.keyClicks(editor.steps[5].answer, "Canary for config was never built.")
    session.flush()
    assert whys(session)[5] == "Canary for config was never built."
    session.undo_stack.undo()
    assert len(whys(session)) == 5 and len(editor.steps) == 5
    session.undo_stack.redo()
    assert whys(session)[5] == ""


def test_add_and_remove_buttons_are_undoable(qtbot, editor, session):
    original = whys(session)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert len(whys(session)) == 6
    qtbot.mouseClick(editor.steps[1].remove, Qt.MouseButton.LeftButton)
    assert whys(session) == [original[0], *original[2:], ""]
    assert editor.steps[1].answer.text() == original[2]
    session.undo_stack.undo()
    assert whys(session) == [*original, ""]
    assert editor.steps[1].answer.text() == original[1]
    session.undo_stack.undo()
    assert whys(session) == original
    session.undo_stack.redo()
    session.undo_stack.redo()
    assert whys(session) == [original[0], *original[2:], ""]


def test_a_chain_that_stops_at_a_person_is_flagged_inline(qtbot, editor, session):
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.steps[5].answer, "The engineer made a mistake.")
    # the chain is checked in the lint worker; the warning appears when that is done
    qtbot.waitUntil(lambda: editor.warning.isVisibleTo(editor))
    assert "Why 6" in editor.warning.text()
    # the question to ask next, whether the message already holds it or it comes after
    assert "What made that mistake possible" in editor.warning.text()
    assert "not yet reached" in editor.root_label.text()
    editor.steps[5].answer.selectAll()
    qtbot.keyClicks(editor.steps[5].answer, "Config review shows no environment scope.")
    qtbot.waitUntil(lambda: not editor.warning.isVisibleTo(editor))
    assert "not yet reached" not in editor.root_label.text()


def test_root_cause_text_is_saved(qtbot, editor, session):
    editor.root_cause.selectAll()
    qtbot.keyClicks(editor.root_cause, "Config changes skip the canary stage.")
    session.flush()
    assert session.store.get(session.pm_id).root_cause == "Config changes skip the canary stage."


def test_category_offers_those_in_use_and_is_undoable(qtbot, session, store):
    store.create(Postmortem(title="Another", root_cause_category="capacity"))
    editor = WhysEditor(session)
    qtbot.addWidget(editor)
    offered = [editor.category.itemText(i) for i in range(editor.category.count())]
    assert offered[:1] == ["capacity"] or "capacity" in offered
    assert "configuration change" in offered
    editor.category.setCurrentIndex(offered.index("capacity"))
    editor.category.activated.emit(editor.category.currentIndex())
    assert store.get(session.pm_id).root_cause_category == "capacity"
    session.undo_stack.undo()
    assert store.get(session.pm_id).root_cause_category == "configuration change"
    assert editor.category.currentText() == "configuration change"
    session.undo_stack.redo()
    assert store.get(session.pm_id).root_cause_category == "capacity"


def test_a_change_made_elsewhere_is_shown(editor, session):
    session.store.set_whys(session.pm_id, ["only one"])
    session.reload()
    session.part_changed.emit("whys")
    assert len(editor.steps) == 1 and editor.steps[0].answer.text() == "only one"


def test_removing_an_earlier_step_while_typing_in_a_later_one_keeps_every_answer(
    qtbot, editor, session
):
    original = whys(session)
    later = editor.steps[2].answer
    later.setFocus()
    qtbot.waitUntil(later.hasFocus)
    qtbot.mouseClick(editor.steps[0].remove, Qt.MouseButton.LeftButton)
    assert whys(session) == original[1:]
    assert [step.answer.text() for step in editor.steps] == original[1:]
    # typing on in the field that kept the cursor changes only the answer it now shows
    field = editor.steps[2].answer
    field.moveCursor(field.textCursor().MoveOperation.End)
    qtbot.keyClicks(field, " (typed)")
    session.flush()
    expected = list(original[1:])
    expected[2] += " (typed)"
    assert whys(session) == expected


def test_the_add_button_says_again_only_once_something_was_asked(qtbot, store):
    from pmdesk.ui.editor.session import EditorSession

    pm = store.create(Postmortem(title="Fresh"))
    session = EditorSession(store, pm.id)
    widget = WhysEditor(session)
    qtbot.addWidget(widget)
    assert widget.add_button.text() == "Ask the first &why"
    qtbot.mouseClick(widget.add_button, Qt.MouseButton.LeftButton)
    assert widget.add_button.text() == "Ask &why again"
    session.flush()
