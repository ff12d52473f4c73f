"""Flags on the projector: worked out in the lint worker, shown only for the words on screen."""

from functools import partial

import pytest
from PySide6.QtCore import Qt

from pmdesk.meeting import ProjectorFlags, ProjectorText, load_agenda, projector_flags
from pmdesk.settings import Settings
from pmdesk.ui.lint_worker import lint_worker
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
    worker = lint_worker()
    asked = []
    real = worker.request

    def recorded(key, job):
        if key == loud._flags_key:
            assert job.func is projector_flags  # a description the lint process can run
            asked.append(job.args[0].whys[-1])
        real(key, job)

    monkeypatch.setattr(worker, "request", recorded)
    answer(qtbot, loud, BLAME)
    # drawn at once with the new answer; the flag is not known yet
    assert BLAME in projected(loud) and FLAG not in projected(loud)
    qtbot.waitUntil(lambda: FLAG in projected(loud), timeout=10_000)
    assert "⚑" in projected(loud)
    qtbot.wait(300)
    assert asked.count(BLAME) == 1, "drawing the flag asked for it again"


def test_flags_found_in_words_since_changed_are_never_shown(qtbot, loud):
    worker = lint_worker()
    delivered = []

    def arrived(batch):  # connected after the meeting's own slot: called after it
        delivered.extend(r.text.whys[-1] for _, r in batch if isinstance(r, ProjectorFlags))

    worker.finished.connect(arrived)
    try:
        answer(qtbot, loud, BLAME)
        blame_words = ProjectorText.of(loud.session.pm)
        qtbot.waitUntil(lambda: FLAG in projected(loud), timeout=10_000)
        answer(qtbot, loud, SYSTEM)  # the room now reads other words
        assert SYSTEM in projected(loud) and BLAME not in projected(loud)
        qtbot.waitUntil(lambda: SYSTEM in delivered, timeout=10_000)
        # the flags of the older words arrive late, under the meeting's own key
        worker.request(loud._flags_key, partial(projector_flags, blame_words))
        qtbot.waitUntil(lambda: delivered.count(BLAME) == 2, timeout=10_000)
        assert SYSTEM in projected(loud) and FLAG not in projected(loud), "an old flag was shown"
        # and the blame answer back again is flagged once its own flags arrive
        answer(qtbot, loud, BLAME)
        qtbot.waitUntil(lambda: FLAG in projected(loud), timeout=10_000)
    finally:
        worker.finished.disconnect(arrived)


def test_the_flag_goes_as_soon_as_the_words_it_was_found_in_change(qtbot, loud):
    answer(qtbot, loud, BLAME)
    qtbot.waitUntil(lambda: FLAG in projected(loud), timeout=10_000)
    box = loud.console.whys.answer
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    loud.session.flush()
    assert BLAME[:-1] in projected(loud) and FLAG not in projected(loud)
