"""The one-time tip: shown over the first window, never again, and never blocking."""

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from pmdesk.settings import load_settings, settings_path
from pmdesk.ui.app import qt_settings
from pmdesk.ui.first_run_tip import show_first_run_tip_once
from pmdesk.ui.main_window import MainWindow


def open_window(qtbot, store):
    w = MainWindow(store, qt_settings())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.editor is not None and w.editor.updatesEnabled())  # after the paint
    return w


def test_the_tip_is_shown_once_then_never_again(qtbot, store):
    first = open_window(qtbot, store)
    tip = show_first_run_tip_once(first)
    assert tip is not None and tip.isVisible()
    assert "F5" in tip.label.text() and "underlined" in tip.label.text()
    assert load_settings().first_run_tip_shown is True
    # inside the window, in its lower right corner, not a dialog of its own
    assert tip.parentWidget() is first and not tip.isWindow()
    assert first.rect().contains(tip.geometry())
    assert tip.geometry().right() > first.width() // 2
    first.close()

    second = open_window(qtbot, store)
    assert show_first_run_tip_once(second) is None
    assert second.findChild(type(tip), "firstRunTip") is None


def test_got_it_dismisses_without_stealing_focus(qtbot, store):
    window = open_window(qtbot, store)
    window.library.search.setFocus()
    assert window.focusWidget() is window.library.search
    tip = show_first_run_tip_once(window)
    assert window.focusWidget() is window.library.search
    with qtbot.waitSignal(tip.dismissed):
        qtbot.mouseClick(tip.close_button, Qt.MouseButton.LeftButton)
    assert not tip.isVisible()
    assert show_first_run_tip_once(window) is None


def test_the_tip_follows_the_window_when_it_is_resized(qtbot, store):
    window = open_window(qtbot, store)
    tip = show_first_run_tip_once(window)
    window.resize(900, 640)
    qtbot.waitUntil(lambda: window.rect().contains(tip.geometry()))
    assert window.width() - tip.geometry().right() < 40


def test_open_the_guide_from_the_tip(qtbot, store):
    window = open_window(qtbot, store)
    tip = show_first_run_tip_once(window, open_guide=window.help_actions.guide_action.trigger)
    qtbot.mouseClick(tip.guide_button, Qt.MouseButton.LeftButton)
    help_window = window.help_actions.help_window
    assert help_window is not None and help_window.isVisible() and help_window.page == "guide"


def test_not_remembered_shows_it_again(qtbot, store):
    window = open_window(qtbot, store)
    assert show_first_run_tip_once(window, remember=False) is not None
    assert not settings_path().exists()
    assert show_first_run_tip_once(window) is not None


def test_a_settings_file_pmdesk_cannot_read_means_no_tip_and_no_write(qtbot, store):
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"{ this is not json")
    window = open_window(qtbot, store)
    assert show_first_run_tip_once(window) is None
    assert path.read_bytes() == b"{ this is not json"


def test_other_settings_are_kept_when_the_tip_is_remembered(qtbot, store):
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"page_size": "Letter", "holidays": ["2026-12-25"]}')
    show_first_run_tip_once(open_window(qtbot, store))
    settings = load_settings()
    assert settings.page_size == "Letter" and [d.isoformat() for d in settings.holidays] == [
        "2026-12-25"
    ]
    assert settings.first_run_tip_shown


@pytest.mark.slow
def test_exit_after_startup_neither_blocks_on_the_tip_nor_uses_it_up(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "pmdesk", "--db", str(tmp_path / "s.db"), "--exit-after-startup"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert not settings_path().exists()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_tip_covers_no_button_of_the_window(qtbot, store, size):
    from PySide6.QtWidgets import QAbstractButton

    window = open_window(qtbot, store)
    window.resize(*size)
    tip = show_first_run_tip_once(window, remember=False)
    qtbot.wait(20)
    for section in ("timeline", "action_items", "whys"):
        window.editor.jump_to(section)
        qtbot.wait(20)
        for button in window.findChildren(QAbstractButton):
            if not button.isVisible() or tip.isAncestorOf(button):
                continue
            shown = button.visibleRegion().boundingRect()
            if shown.isEmpty():
                continue
            where = shown.translated(button.mapTo(window, shown.topLeft()) - shown.topLeft())
            assert not where.intersects(tip.geometry()), (section, button.text())
