"""Meeting mode started from the main window on the example postmortem, as a user starts it."""

import pytest


@pytest.fixture
def meeting(qtbot, window):
    window.start_meeting()
    running = window.meeting
    assert running is not None
    yield running
    if running.running:
        running.leave()
