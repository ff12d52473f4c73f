"""Draw docs/screenshots/meeting-*.png: meeting mode's two windows on the example postmortem.

Both windows at 1920×1080, 1280×720 and 1024×768, in the light and the dark theme, in the
state a facilitator sees mid-meeting: the audience view on the fourth timeline event, the
console with a blame note just typed (flag, rewrite and prompt showing). A few more
audience pictures show the other steps at 1920×1080.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_meeting.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt  # noqa: TID251 - a UI script
from PySide6.QtGui import QTextCursor  # noqa: TID251
from PySide6.QtWidgets import QApplication  # noqa: TID251

from pmdesk.meeting import load_agenda
from pmdesk.models import open_store
from pmdesk.settings import Settings
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.meeting.meeting_mode import MeetingMode

OUT = Path(__file__).resolve().parent
SIZES = [(1920, 1080), (1280, 720), (1024, 768)]
TODAY = date(2026, 3, 16)  # the example's review meeting


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def wait(app: QApplication, ready, seconds: float = 5.0) -> None:  # noqa: ANN001
    """Run the event loop until `ready()` (the first postmortem open, the lint worker's
    answers arrived) or `seconds` pass."""
    end = time.monotonic() + seconds
    while not ready() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def meeting_for(window: MainWindow, theme: str) -> MeetingMode:
    clock = iter(range(0, 10**6, 97)).__next__  # a clock that has run a few minutes
    meeting = MeetingMode(
        window.editor, Settings(meeting_theme=theme), window, clock=clock, today=lambda: TODAY
    )
    meeting.start(window.frameGeometry().center())
    return meeting


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "shots.db")
        # the window's own view state goes to the temporary folder, not the user's config
        view_state = QSettings(str(Path(tmp) / "window.ini"), QSettings.Format.IniFormat)
        window = MainWindow(store, view_state)
        window.show()
        wait(app, lambda: window.editor is not None)  # it opens just after the first paint
        settle(app)
        timeline = load_agenda().index("timeline")
        for theme in ("light", "dark"):
            meeting = meeting_for(window, theme)
            meeting.go_to(timeline)
            for _ in range(3):
                meeting.forward()
            notes = meeting.console.notes
            notes.moveCursor(QTextCursor.MoveOperation.End)
            notes.insertPlainText("\nSam should have caught this")
            notes.setFocus(Qt.FocusReason.OtherFocusReason)
            # the flag arrives from the lint worker
            from pmdesk.lint import linter_ready

            wait(app, linter_ready)
            notes.setFocus(Qt.FocusReason.OtherFocusReason)
            notes.flags_changed.emit()  # the panel shows the flag at the notes' cursor
            for width, height in SIZES:
                meeting.audience.resize(width, height)
                meeting.console.resize(width, height)
                settle(app)
                # (offscreen, a resize hands the focus to another field: give it back)
                notes.setFocus(Qt.FocusReason.OtherFocusReason)
                notes.flags_changed.emit()
                meeting.audience.grab().save(
                    str(OUT / f"meeting-audience-{theme}-{width}x{height}.png")
                )
                meeting.console.grab().save(
                    str(OUT / f"meeting-console-{theme}-{width}x{height}.png")
                )
            if theme == "light":
                meeting.audience.resize(1920, 1080)
                for key in ("opening", "impact", "root_cause", "wrap_up"):
                    meeting.go_to(load_agenda().index(key))
                    settle(app)
                    meeting.audience.grab().save(str(OUT / f"meeting-audience-{key}.png"))
            notes.undo()  # leave the example as it was
            meeting.leave()
        window.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
