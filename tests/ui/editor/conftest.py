"""An editing session on the example postmortem of a real temporary store."""

import pytest

from pmdesk.ui.editor.session import EditorSession


@pytest.fixture
def session(qtbot, store):
    pm_id = store.list_postmortems()[0].id
    s = EditorSession(store, pm_id)
    yield s
    s.flush()
