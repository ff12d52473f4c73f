"""Where the windows go with one screen and with two, and how the projector view reads."""

import json
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication

from pmdesk.meeting import load_agenda
from pmdesk.settings import Settings, save_settings
from pmdesk.ui.meeting.meeting_mode import MeetingMode
from pmdesk.ui.meeting.placement import audience_screen_index, console_screen_index

LAPTOP = QRect(0, 0, 1440, 900)
PROJECTOR = QRect(1440, 0, 1920, 1080)


def test_with_one_screen_there_is_no_other_screen():
    assert audience_screen_index([LAPTOP], console=0) is None


def test_with_two_screens_the_audience_goes_where_the_console_is_not():
    screens = [LAPTOP, PROJECTOR]
    assert audience_screen_index(screens, console_screen_index(screens, QPoint(700, 400))) == 1
    # The laptop listed second, the console on it: the projector is still chosen.
    screens = [QRect(0, 0, 1920, 1080), LAPTOP.translated(1920, 0)]
    assert audience_screen_index(screens, console_screen_index(screens, QPoint(2500, 400))) == 0


def test_with_three_screens_the_biggest_other_one_is_the_projector():
    small = QRect(-1280, 0, 1280, 1024)
    assert audience_screen_index([LAPTOP, small, PROJECTOR], console=0) == 2


def test_one_screen_gives_a_normal_window_that_f11_makes_full_screen(qtbot, meeting):
    assert len(QGuiApplication.screens()) == 1  # what the offscreen platform reports
    audience = meeting.audience
    assert audience.isVisible() and not audience.isFullScreen()
    qtbot.keyClick(meeting.console.agenda_list, Qt.Key.Key_F11)
    assert audience.isFullScreen()
    qtbot.keyClick(audience.slide, Qt.Key.Key_F11)
    assert not audience.isFullScreen()


TWO_SCREENS = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from pmdesk.models import open_store
from pmdesk.ui.app import qt_settings
from pmdesk.ui.main_window import MainWindow
store = open_store(sys.argv[1])
window = MainWindow(store, qt_settings())
window.move(100, 100)
window.show()
while window.editor is None:  # the first postmortem opens after the window's first paint
    app.processEvents()
window.start_meeting()
app.processEvents()
meeting = window.meeting
print(meeting.audience.screen().name(), meeting.audience.isFullScreen(),
      meeting.audience.geometry().width(), meeting.console.screen().name())
meeting.leave()
store.close()
"""


@pytest.mark.slow
def test_two_screens_put_the_audience_full_screen_on_the_projector(tmp_path):
    config = tmp_path / "screens.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "laptop", "x": 0, "y": 0, "width": 1440, "height": 900},
                    {"name": "projector", "x": 1440, "y": 0, "width": 1920, "height": 1080},
                ]
            }
        )
    )
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(TWO_SCREENS), str(tmp_path / "s.db")],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
            "PMDESK_CONFIG_DIR": str(tmp_path / "config"),
            "HOME": str(tmp_path),
            "PATH": "/usr/bin:/bin",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["projector", "True", "1920", "laptop"]


def test_projector_type_is_large_at_1080p(qtbot, meeting):
    meeting.audience.resize(1920, 1080)
    for index in range(len(load_agenda().steps)):
        meeting.go_to(index)
        assert meeting.audience.slide.body_px >= 28, meeting.cursor.step.key


def start(qtbot, window, settings):
    meeting = MeetingMode(window.editor, settings, parent=window)
    meeting.start(window.frameGeometry().center())
    qtbot.addWidget(meeting.console)
    qtbot.addWidget(meeting.audience)
    return meeting


def pixel(meeting):
    meeting.audience.resize(1280, 720)
    return meeting.audience.slide.grab().toImage().pixelColor(4, 4)


def test_light_and_dark_themes_from_the_settings(qtbot, window):
    light = start(qtbot, window, Settings())
    assert pixel(light).lightness() > 240
    light.leave()
    dark = start(qtbot, window, Settings(meeting_theme="dark"))
    assert pixel(dark).lightness() < 30
    dark.leave()


def test_the_f5_meeting_reads_the_saved_settings(qtbot, window):
    save_settings(Settings(meeting_theme="dark"))
    window.start_meeting()
    assert window.meeting.context().theme.name == "dark"
    window.meeting.leave()


def test_flags_reach_the_projector_only_when_the_setting_is_on(qtbot, window, store):
    from pmdesk.models import ActionItem

    store.add_action(window.editor.session.pm_id, ActionItem(action="Retrain John"))
    window.refresh_editor()
    actions = load_agenda().index("actions")
    quiet = start(qtbot, window, Settings())
    quiet.go_to(actions)
    assert "Retrain John" in quiet.audience.slide.plain_text()
    assert "⚑" not in quiet.audience.slide.plain_text()
    quiet.leave()
    loud = start(qtbot, window, Settings(show_flags_on_projector=True))
    loud.go_to(actions)
    # worked out in the lint worker, then drawn
    qtbot.waitUntil(lambda: "⚑" in loud.audience.slide.plain_text(), timeout=10_000)
    loud.leave()
