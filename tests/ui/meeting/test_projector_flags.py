"""Flags on the projector: worked out in the lint worker, shown only for the words on screen."""

import threading

import pytest
from PySide6.QtCore import Qt

from pmdesk.meeting import ProjectorFlags, load_agenda
from pmdesk.settings import Settings
from pmdesk.ui.lint_worker import lint_worker
from pmdesk.ui.meeting import meeting_mode
from pmdesk.ui.meeting.meeting_mode import MeetingMode

BLAME = "The engineer made a mistake"
SYSTEM = "The deploy tool hid the environment"
FLAG = "This chain stops at a person"


@pytest.fixture
def loud(qtbot, window):
    """A meeting that shows flags on the projector, at the Five Whys."""
    meeting = MeetingMode(window.editor, Settings(show_flags_on_projector=True), parent=window)
    meeting.start(window.frameGeometry().center())
    qtbot.addWidget(meeting.console)
    qtbot.addWidget(meeting.audience)
    meeting.go_to(load_agenda().index("root_cause"))
    yield meeting
    if meeting.running:
        meeting.leave()


def projected(meeting):
    return meeting.audience.slide.plain_text()


def answer(qtbot, meeting, text):
    """Type the next why in the console and save it, as leaving the box does."""
    box = meeting.console.whys.answer
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    meeting.session.flush()


def test_the_flag_reaches_the_projector_when_the_worker_delivers_it(qtbot, loud, monkeypatch):
    threads, asked = [], []
    real = meeting_mode.projector_flags

    def recorded(text):
        threads.append(threading.current_thread() is threading.main_thread())
        asked.append(text.whys[-1])
        return real(text)

    monkeypatch.setattr(meeting_mode, "projector_flags", recorded)
    answer(qtbot, loud, BLAME)
    # drawn at once with the new answer; the flag is not known yet
    assert BLAME in projected(loud) and FLAG not in projected(loud)
    qtbot.waitUntil(lambda: FLAG in projected(loud), timeout=10_000)
    assert threads and not any(threads), "the flags were worked out in the worker"
    assert "⚑" in projected(loud)
    qtbot.wait(300)
    assert asked.count(BLAME) == 1, "drawing the flag asked for it again"


def test_flags_found_in_words_since_changed_are_never_shown(qtbot, loud, monkeypatch):
    real = meeting_mode.projector_flags
    started = {BLAME: threading.Event(), SYSTEM: threading.Event()}
    release = {BLAME: threading.Event(), SYSTEM: threading.Event()}

    def held(text):
        last = text.whys[-1] if text.whys else ""
        if last in started:
            started[last].set()
            release[last].wait(10)
        return real(text)

    delivered = []

    def arrived(batch):  # connected after the meeting's own slot: called after it
        delivered.extend(r.text.whys[-1] for _, r in batch if isinstance(r, ProjectorFlags))

    lint_worker().finished.connect(arrived)
    monkeypatch.setattr(meeting_mode, "projector_flags", held)
    try:
        answer(qtbot, loud, BLAME)
        qtbot.waitUntil(started[BLAME].is_set, timeout=10_000)  # its flags are being found
        answer(qtbot, loud, SYSTEM)  # the room now reads other words
        assert SYSTEM in projected(loud) and BLAME not in projected(loud)
        release[BLAME].set()
        qtbot.waitUntil(lambda: BLAME in delivered, timeout=10_000)
        assert FLAG not in projected(loud), "the flag of the older answer was shown"
        release[SYSTEM].set()
        qtbot.waitUntil(lambda: SYSTEM in delivered, timeout=10_000)
        assert SYSTEM in projected(loud) and FLAG not in projected(loud)
        # and the blame answer back again is flagged once its own flags arrive
        answer(qtbot, loud, BLAME)
        qtbot.waitUntil(lambda: FLAG in projected(loud), timeout=10_000)
    finally:
        for event in release.values():
            event.set()
        lint_worker().finished.disconnect(arrived)


def test_the_flag_goes_as_soon_as_the_words_it_was_found_in_change(qtbot, loud):
    answer(qtbot, loud, BLAME)
    qtbot.waitUntil(lambda: FLAG in projected(loud), timeout=10_000)
    box = loud.console.whys.answer
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    loud.session.flush()
    assert BLAME[:-1] in projected(loud) and FLAG not in projected(loud)
