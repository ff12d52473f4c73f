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
    opened = []
    w.first_opened.connect(lambda: opened.append(True))
    w.show()
    qtbot.waitExposed(w)
    # the first postmortem opens after the first paint, in turns of the event loop
    qtbot.waitUntil(lambda: bool(opened))
    return w
