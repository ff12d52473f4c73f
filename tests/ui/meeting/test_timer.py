"""The timebox: time left counts down, turns amber in the last minute and red when over."""

from pmdesk.meeting import load_agenda
from pmdesk.settings import Settings
from pmdesk.ui.meeting.meeting_mode import MeetingMode


class Clock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


def test_time_left_next_step_and_overtime(qtbot, window):
    clock = Clock()
    meeting = MeetingMode(window.editor, Settings(), parent=window, clock=clock)
    meeting.start(window.frameGeometry().center())
    timer = meeting.console.timer_label
    assert timer.text() == "05:00 left" and timer.property("state") == "ok"
    clock.now += 250
    meeting._tick()
    assert timer.text() == "00:50 left" and timer.property("state") == "short"
    clock.now += 70
    meeting._tick()
    assert timer.text() == "+00:20 over" and timer.property("state") == "over"
    meeting.go_to(load_agenda().index("timeline"))
    assert meeting.console.timer_label.text() == "15:00 left"
    meeting.go_to(0)  # back to the opening: its clock had stopped at 5:20
    assert timer.text() == "+00:20 over"
    meeting.leave()
