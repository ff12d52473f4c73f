"""The start: the window paints before its store is open, the store's check runs off the UI
thread meanwhile, and the store and then the first postmortem come in after that paint."""

import os
import subprocess
import sys
import threading
import weakref

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer

from pmdesk.models import NotAPmdeskStore, Postmortem, Store, open_store
from pmdesk.ui import store_check
from pmdesk.ui.app import Workspace


class PaintLog(QObject):
    """What the window held each time it painted."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.seen: list[tuple[bool, bool]] = []  # (store open, editor open) at each paint
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.seen.append((self.window.store is not None, self.window.editor is not None))
        return False


def never_refused(_window, error):
    raise AssertionError(f"refused: {error}")


def start(qtbot, path, refused=never_refused) -> Workspace:
    workspace = Workspace.opening(path, refused)
    qtbot.addWidget(workspace.window)
    return workspace


def test_the_window_paints_first_then_opens_its_store_then_the_first_postmortem(qtbot, tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.create(Postmortem(title="Cache stampede"))
    workspace = start(qtbot, path)
    window = workspace.window
    paints = PaintLog(window)
    window.show()
    with qtbot.waitSignal(window.first_opened, timeout=10_000):
        pass
    assert paints.seen[0] == (False, False)  # the first paint: the library and editor area
    assert workspace.store is window.store and window.store.path == path
    assert window.editor.header.title.text() == "Cache stampede"
    assert window.library.count_label.text() == "1 postmortem"
    qtbot.waitUntil(lambda: paints.seen[-1] == (True, True))
    workspace.store.close()


def test_a_new_store_is_made_with_the_example_after_the_first_paint(qtbot, tmp_path):
    path = tmp_path / "new.db"
    workspace = start(qtbot, path)
    paints = PaintLog(workspace.window)
    workspace.window.show()
    qtbot.waitUntil(lambda: workspace.window.editor is not None, timeout=10_000)
    assert paints.seen[0] == (False, False)
    assert "EXAMPLE" in workspace.window.editor.header.title.text()
    workspace.store.close()


def test_while_the_store_is_checked_the_window_answers_and_changes_nothing(
    qtbot, tmp_path, monkeypatch
):
    path = tmp_path / "s.db"
    open_store(path).close()
    release = threading.Event()
    real = store_check.check_store

    def slow_check(p):
        release.wait(10)
        return real(p)

    monkeypatch.setattr(store_check, "check_store", slow_check)
    workspace = start(qtbot, path)
    window = workspace.window
    window.show()
    qtbot.waitUntil(lambda: window.painted)
    qtbot.wait(50)  # the event loop turns; the check is still running
    assert window.store is None and window.library.model.rowCount() == 0
    window.new_action.trigger()
    assert "still being opened" in window.statusBar().currentMessage()
    window.followthrough_action.trigger()
    assert getattr(window, "followthrough", None) is None
    release.set()
    qtbot.waitUntil(lambda: window.editor is not None, timeout=10_000)
    assert [pm.title for pm in workspace.store.postmortems(include_examples=True)] == [
        window.editor.header.title.text()
    ]  # the store as it was: the early New Postmortem made nothing
    # the store's own actions are in the File menu once it is open
    texts = [a.text() for a in window.file_menu.actions()]
    assert texts.index("Export as &PDF…") < texts.index("Open &Store…")
    assert texts.index("Open &Team Library…") < texts.index("&Restore from Backup…")
    assert texts[-1] == "&Quit"
    workspace.store.close()


def test_a_refused_file_is_said_and_another_store_can_be_chosen(qtbot, tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("not a database")
    other = tmp_path / "other.db"
    with Store(other) as store:
        store.create(Postmortem(title="From the other store"))
    refusals = []

    def refused(window, error):
        refusals.append((window, error))
        return open_store(other)

    workspace = start(qtbot, notes, refused)
    workspace.window.show()
    qtbot.waitUntil(lambda: workspace.window.editor is not None, timeout=10_000)
    assert refusals[0][0] is workspace.window and isinstance(refusals[0][1], NotAPmdeskStore)
    assert workspace.store.path == other
    assert workspace.window.editor.header.title.text() == "From the other store"
    assert notes.read_text() == "not a database"
    workspace.store.close()


@pytest.mark.slow
def test_exit_after_startup_on_a_file_that_is_not_a_store_is_one_line_and_exit_2(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("not a database")
    result = subprocess.run(
        [sys.executable, "-m", "pmdesk", "--db", str(notes), "--exit-after-startup"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "not a pmdesk store" in result.stderr
    assert notes.read_text() == "not a database"


def test_picking_another_postmortem_while_the_first_opens_keeps_the_one_picked(qtbot, tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store:
        first = store.create(Postmortem(title="First in the list", incident_date="2026-05-02"))
        other = store.create(Postmortem(title="Picked by the user", incident_date="2026-05-01"))
    workspace = start(qtbot, path)
    window = workspace.window

    def pick() -> None:
        window.library.search.setText("Picked")  # the list fills (typing a search does that)
        window.library.refresh()  # (at once, not after the search box's pause)
        window.library.select(other.id)

    def pick_while_building() -> None:
        # two hops: the first editor's build has begun (its first turn ran) when this runs
        QTimer.singleShot(0, lambda: QTimer.singleShot(0, pick))

    window.store_attached.connect(pick_while_building)
    built = []
    window.first_opened.connect(lambda: built.append(window.editor.session.pm_id))
    window.show()
    qtbot.waitUntil(lambda: bool(built), timeout=10_000)
    assert built == [other.id] != [first.id]
    assert window.library.selected_id() == other.id
    assert window.editor.header.title.text() == "Picked by the user"
    workspace.store.close()


def test_an_editor_built_in_steps_is_the_editor_built_at_once(qtbot, store):
    from pmdesk.ui.editor.editor_widget import EditorWidget

    pm_id = store.list_postmortems()[0].id
    at_once = EditorWidget(store, pm_id)
    in_steps = EditorWidget(store, pm_id, in_steps=True)
    qtbot.addWidget(at_once)
    qtbot.addWidget(in_steps)
    assert not hasattr(in_steps, "header")  # nothing but the session yet
    assert sum(1 for _ in in_steps.steps) >= 3
    assert list(in_steps.sections) == list(at_once.sections)
    assert {n: f.toPlainText() for n, f in in_steps.text_fields.items()} == {
        n: f.toPlainText() for n, f in at_once.text_fields.items()
    }
    rows = [e.actions.table.model().rowCount() for e in (in_steps, at_once)]
    assert rows[0] == rows[1] > 0


def test_after_the_start_collection_is_back_on_and_the_start_s_objects_are_frozen(qtbot):
    import gc

    from pmdesk.ui.app import settle_objects

    gc.disable()  # as the command line does for the window's start
    try:
        cycle = [QObject()]
        cycle.append(cycle)  # the start's garbage
        garbage = weakref.ref(cycle[0])
        del cycle
        settle_objects()
        assert gc.isenabled()
        assert garbage() is None  # collected before the freeze, not kept for good
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.enable()
