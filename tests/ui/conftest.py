"""Fixtures for tests that drive real widgets on a real temporary store."""

import pytest

from pmdesk.models import open_store
from pmdesk.ui.app import qt_settings
from pmdesk.ui.main_window import MainWindow


@pytest.fixture
def store(tmp_path):
    """A new store as a first-time user gets it: with the example postmortem."""
    s = open_store(tmp_path / "ui.db")
    yield s
    s.close()


@pytest.fixture
def window(qtbot, store):
    w = MainWindow(store, qt_settings())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    # the first postmortem opens just after the first paint
    qtbot.waitUntil(lambda: w.editor is not None)
    return w
