"""The window on a team library: typed edits reach the file, outside changes show, Sync works."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from pmdesk.library import LibraryIndex, index_path, init_library
from pmdesk.library.folder import parse_library_text
from pmdesk.models import Postmortem, Store, open_store
from pmdesk.ui.app import Workspace
from tests.library.conftest import Facilitator, git_env, incident, run_git  # noqa: F401

TITLE = "DNS resolvers dropped queries"


def only_file(root: Path) -> Path:
    [path] = [p for p in root.glob("*.md") if p.name != "README.md"]
    return path


def read(path: Path) -> Postmortem:
    return parse_library_text(path.name, path.read_bytes()).postmortem


@pytest.fixture
def library(tmp_path):
    root = init_library(tmp_path / "team")
    with LibraryIndex(root) as index:
        index.store.add_many([incident()])
        index.write_changes()
    return root


@pytest.fixture
def workspace(qtbot, library):
    workspace = Workspace(Store(index_path(library)), library=library)
    window = workspace.window
    qtbot.addWidget(window)
    window.show()
    window.library.select_first()
    yield workspace
    workspace.store.close()  # qtbot has closed (and deleted) the window by now


def test_typing_in_the_window_reaches_the_postmortems_file(qtbot, workspace, library):
    window = workspace.window
    field = window.editor.text_fields["went_well"]
    field.setFocus()
    qtbot.keyClicks(field, "The backup pool took the load.")
    assert window.flush()
    qtbot.waitUntil(lambda: read(only_file(library)).went_well == "The backup pool took the load.")
    # the file keeps its id and name: git sees an edit, not a new file
    assert only_file(library).read_text(encoding="utf-8").count("\nid: ") == 1


def test_a_file_changed_outside_shows_up_in_the_window(qtbot, workspace, library):
    path = only_file(library)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(TITLE, "DNS resolvers dropped queries in EU"), encoding="utf-8")
    workspace.window.team_library.refresh()
    editor = workspace.window.editor
    qtbot.waitUntil(lambda: editor.header.title.text() == "DNS resolvers dropped queries in EU")
    assert editor.session.pm.title == "DNS resolvers dropped queries in EU"


def test_sync_brings_a_teammates_edit_and_marks_a_field_both_changed(qtbot, tmp_path):
    remote = tmp_path / "remote.git"
    run_git(tmp_path, "init", "-q", "--bare", str(remote))
    root = init_library(tmp_path / "alice")
    run_git(root, "remote", "add", "origin", str(remote))
    with LibraryIndex(root) as index:
        index.store.add_many([incident()])
        index.write_changes()
    alice = Facilitator(root)
    alice.sync()
    run_git(tmp_path, "clone", "-q", str(remote), str(tmp_path / "bob"))
    bob = Facilitator(tmp_path / "bob")
    bob.edit(TITLE, user_impact="Lookups failed for 35% of clients.", went_well="Quick rollback.")
    bob.sync()

    workspace = Workspace(Store(index_path(root)), library=root)
    window = workspace.window
    window.show()
    window.library.select_first()
    field = window.editor.text_fields["user_impact"]
    field.selectAll()
    qtbot.keyClicks(field, "Lookups failed for 40% of EU clients.")
    team = window.team_library
    with qtbot.waitSignal(team.settled, timeout=20_000):
        team.sync_action.trigger()

    pm = window.editor.session.pm
    assert pm.went_well == "Quick rollback."
    assert "40% of EU clients" in pm.user_impact and "35% of clients" in pm.user_impact
    assert "Sync: committed" in team.status.toolTip() and "merged" in team.status.toolTip()
    assert team.conflicts.isVisible() and "user impact" in team.conflicts.text()
    assert read(only_file(root)).went_well == "Quick rollback."
    window.close()
    workspace.store.close()


def test_file_open_team_library_switches_the_window_to_the_library(
    qtbot, tmp_path, library, monkeypatch
):
    workspace = Workspace(open_store(tmp_path / "mine.db"))
    workspace.window.show()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(library))
    workspace.window.open_library_action.trigger()
    window = workspace.window
    assert window.team_library.root == library
    model = window.library.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)  # read in the background
    assert model.data(model.index(0, 0)) == TITLE
    qtbot.waitUntil(lambda: window.editor is not None)
    assert window.editor.session.pm.title == TITLE
    status = window.team_library.status
    qtbot.waitUntil(lambda: status.text().startswith("Library read: "))
    window.close()
    workspace.store.close()
