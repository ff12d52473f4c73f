"""File → Open Store / New Store: switching the store the window works in."""

from PySide6.QtWidgets import QFileDialog, QMessageBox

from pmdesk.models import Postmortem, Store, open_store
from pmdesk.ui.app import Workspace, remembered_store


def test_open_another_store_swaps_window_and_store_and_is_remembered(qtbot, tmp_path, monkeypatch):
    first = open_store(tmp_path / "mine.db")
    with Store(tmp_path / "team.db") as team:
        team.create(Postmortem(title="Team incident"))
    workspace = Workspace(first)
    workspace.window.show()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "team.db"), "")
    )
    workspace.window.open_store_action.trigger()
    assert workspace.store.path == tmp_path / "team.db"
    library = workspace.window.library.model
    assert [library.data(library.index(r, 0)) for r in range(library.rowCount())] == [
        "Team incident"
    ]
    assert remembered_store() == tmp_path / "team.db"
    workspace.window.close()
    workspace.store.close()


def test_a_file_that_is_not_a_store_leaves_the_current_one_open(qtbot, tmp_path, monkeypatch):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database")
    store = open_store(tmp_path / "mine.db")
    workspace = Workspace(store)
    warnings = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: warnings.append(box.text()))
    assert workspace.open(str(notes)) is False
    assert workspace.store is store and "not a pmdesk store" in warnings[0]
    assert notes.read_text() == "not a database"
    workspace.window.close()
    store.close()


def test_new_store_creates_one_with_the_example(qtbot, tmp_path, monkeypatch):
    store = open_store(tmp_path / "mine.db")
    workspace = Workspace(store)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "fresh.db"), "")
    )
    workspace.window.new_store_action.trigger()
    assert workspace.store.path == tmp_path / "fresh.db"
    assert [r.is_example for r in workspace.store.list_postmortems()] == [True]
    workspace.window.close()
    workspace.store.close()


def test_switching_store_while_a_postmortem_is_opening_leaves_nothing_running(
    qtbot, tmp_path, monkeypatch
):
    first = open_store(tmp_path / "mine.db")
    long_id = first.create(
        Postmortem(title="Long one", what_happened="A paragraph of what happened.\n\n" * 400)
    ).id
    with Store(tmp_path / "team.db") as team:
        team.create(Postmortem(title="Team incident"))
    workspace = Workspace(first)
    old_window = workspace.window
    old_window.show()
    qtbot.waitExposed(old_window)
    old_window.open_in_turns(long_id)  # its editor is built over the next turns
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "team.db"), "")
    )
    with qtbot.capture_exceptions() as raised:
        old_window.open_store_action.trigger()
        qtbot.wait(400)  # the turns the old window had queued come and go
    assert raised == []  # nothing of the old window reached for its closed store
    assert workspace.store.path == tmp_path / "team.db"
    assert old_window.editor is None or not old_window.isVisible()
    workspace.window.close()
    workspace.store.close()
