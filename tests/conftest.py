"""Shared fixtures: a fresh store per test, and Qt kept offscreen and away from the user's files."""

from __future__ import annotations

import os

# Set before anything imports Qt: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A linter judge that raises fails the test (a user's lint only loses that judge's finding).
os.environ["PMDESK_LINT_STRICT"] = "1"

import pytest  # noqa: E402 - after the environment above
from hypothesis import settings  # noqa: E402

from pmdesk.models import Postmortem, Store, load_example  # noqa: E402

# CI runs the property tests on a fixed sequence of examples, so a submission is
# judged on the same inputs every time; locally they keep exploring new ones.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's store, settings or rules."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PMDESK_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("PMDESK_DB", str(home / "data" / "pmdesk.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg-cache"))
    monkeypatch.setenv("PMDESK_CACHE_DIR", str(home / "cache"))


@pytest.fixture
def fresh_db(tmp_path) -> Store:
    store = Store(tmp_path / "test.db")
    yield store
    store.close()


@pytest.fixture
def example() -> Postmortem:
    return load_example()


@pytest.fixture
def example_db(tmp_path) -> str:
    """The path of a store that exists and holds the example, as after the window's first start."""
    from pmdesk.models import open_store

    path = tmp_path / "s.db"
    open_store(path).close()
    return str(path)


def pytest_sessionfinish(session, exitstatus):
    """Empty the clipboard before the interpreter goes: data a test put there is Qt's, and
    Qt and Python both freeing it at exit kills the process (the app does this on aboutToQuit,
    which pytest-qt never emits)."""
    import sys

    if "PySide6.QtGui" in sys.modules:
        from PySide6.QtGui import QGuiApplication

        if QGuiApplication.instance() is not None:
            QGuiApplication.clipboard().clear()
