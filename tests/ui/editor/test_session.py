"""Autosave when the store cannot be written for a while: nothing typed is lost."""

from PySide6.QtWidgets import QMessageBox

from pmdesk.models import StoreError


def _fail_writes(monkeypatch, store):
    def refuse(*args, **kwargs):
        raise StoreError("the store could not be written: database is locked")

    monkeypatch.setattr(store, "update", refuse)


def test_a_failed_save_keeps_the_text_and_retries(qtbot, session, monkeypatch):
    store = session.store
    original = store.update
    _fail_writes(monkeypatch, store)
    problems = []
    session.problem.connect(problems.append)
    session.edit_text("went_well", "The rollback worked.")
    assert session.flush() is False
    assert session.has_pending and session.save_state == "error"
    assert "keeps trying" in problems[-1]
    session.edit_text("went_well", "The rollback worked first time.")  # typing goes on
    monkeypatch.setattr(store, "update", original)
    qtbot.waitUntil(lambda: session.save_state == "saved", timeout=5000)
    assert store.get(session.pm_id).went_well == "The rollback worked first time."


def test_closing_with_unsaved_edits_asks_and_can_stay(qtbot, window, store, monkeypatch):
    session = window.editor.session
    _fail_writes(monkeypatch, store)
    session.edit_text("went_well", "Typed while the store was locked")
    choices = iter(["cancel"])

    def answer(box):
        wanted = next(choices)
        for button in box.buttons():
            if (
                wanted == "cancel"
                and box.standardButton(button) == QMessageBox.StandardButton.Cancel
            ):
                box.clickedButton = lambda b=button: b
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    window.close()
    assert window.isVisible()  # stayed open: the words are still in the widget and pending
    assert session.has_pending
    monkeypatch.undo()  # the store can be written again: closing now saves and closes
    window.close()
    assert not window.isVisible()
    assert store.get(session.pm_id).went_well == "Typed while the store was locked"
