"""Walking the agenda with the keyboard, and the timeline one event at a time."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from pmdesk.meeting import load_agenda


def stop(meeting):
    return meeting.cursor.step.key, meeting.cursor.event_index


def test_f5_and_the_toolbar_start_meeting_mode(qtbot, window):
    assert window.meeting_action in window.toolbar.actions()
    assert window.meeting_action.shortcut().toString() == "F5"
    window.activateWindow()
    qtbot.keyClick(window.editor.header.title, Qt.Key.Key_F5)
    meeting = window.meeting
    assert meeting is not None and meeting.running
    assert meeting.console.isVisible() and meeting.audience.isVisible()
    assert "not to evaluate individuals" in meeting.audience.slide.plain_text()
    meeting.leave()


def test_walk_the_whole_agenda_with_the_keyboard(qtbot, meeting, store):
    pm = meeting.session.pm
    keys = [Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Space]
    meeting.console.agenda_list.setFocus()  # not a text box: arrows and Space move the meeting
    seen = [stop(meeting)]
    for n in range(40):
        qtbot.keyClick(meeting.console.agenda_list, keys[n % len(keys)])
        if stop(meeting) == seen[-1]:
            break
        seen.append(stop(meeting))
        slide = meeting.audience.slide.plain_text()
        if meeting.cursor.event_index is not None:
            assert pm.timeline[meeting.cursor.event_index].text in slide
    events = [("timeline", i) for i in range(len(pm.timeline))]
    assert seen == [
        ("opening", None),
        ("impact", None),
        *events,
        ("root_cause", None),
        ("actions", None),
        ("wrap_up", None),
    ]
    wrap_up = meeting.audience.slide.plain_text()
    assert "Day 14" in wrap_up and "Mon 30 Mar 2026" in wrap_up
    assert "Day 30" in wrap_up and "Tue 21 Apr 2026" in wrap_up
    assert pm.action_items[0].action in wrap_up
    assert meeting.console.step_label.text() == "6 / 6 · Wrap-up"
    assert "end of the meeting" in meeting.console.next_label.text()


def test_each_step_shows_its_script_and_what_comes_next(qtbot, meeting):
    agenda = load_agenda()
    for index, step in enumerate(agenda.steps):
        meeting.go_to(index)
        assert meeting.console.step_label.text().endswith(step.title)
        assert step.script[0] in meeting.console.script.text().replace("&#x27;", "'")
        following = agenda.after(index)
        if following is not None:
            assert following.title in meeting.console.next_label.text()


def test_timeline_forwards_and_backwards(qtbot, meeting):
    events = meeting.session.pm.timeline
    audience = meeting.audience.slide
    meeting.go_to(load_agenda().index("impact"))
    qtbot.keyClick(audience, Qt.Key.Key_PageDown)  # the clicker, pointed at the projector
    assert stop(meeting) == ("timeline", 0)
    qtbot.keyClick(audience, Qt.Key.Key_Right)
    qtbot.keyClick(audience, Qt.Key.Key_Right)
    assert stop(meeting) == ("timeline", 2)
    assert f"Event 3 of {len(events)}" in audience.plain_text()
    assert "Event 3 of" in meeting.console.on_screen.text()
    # The current event stands out; its neighbours are there, dimmed.
    current = audience.document.find(events[2].text)
    neighbour = audience.document.find(events[1].text)
    assert current.charFormat().fontWeight() == QFont.Weight.Bold
    assert neighbour.charFormat().fontWeight() != QFont.Weight.Bold
    assert neighbour.charFormat().foreground().color().name() == meeting.context().theme.dim
    assert events[5].text not in audience.plain_text()  # far events wait their turn
    qtbot.keyClick(audience, Qt.Key.Key_Left)
    assert stop(meeting) == ("timeline", 1)
    qtbot.keyClick(audience, Qt.Key.Key_PageUp)
    qtbot.keyClick(audience, Qt.Key.Key_PageUp)
    assert stop(meeting) == ("impact", None)
    qtbot.keyClick(audience, Qt.Key.Key_PageDown)
    assert stop(meeting) == ("timeline", 0)
    for _ in range(len(events)):
        qtbot.keyClick(audience, Qt.Key.Key_PageDown)
    assert stop(meeting) == ("root_cause", None)
    qtbot.keyClick(audience, Qt.Key.Key_PageUp)
    assert stop(meeting) == ("timeline", len(events) - 1)


def test_typing_a_space_in_a_note_does_not_move_the_meeting(qtbot, meeting):
    qtbot.keyClicks(meeting.console.notes, "a b")
    qtbot.keyClick(meeting.console.notes, Qt.Key.Key_Right)
    assert stop(meeting) == ("opening", None)
    qtbot.keyClick(meeting.console.notes, Qt.Key.Key_PageDown)  # the clicker always works
    assert stop(meeting) == ("impact", None)


def test_escape_leaves_from_either_window(qtbot, window, meeting):
    qtbot.keyClick(meeting.audience.slide, Qt.Key.Key_Escape)
    assert window.meeting is None and not meeting.running
    assert not meeting.audience.isVisible() and not meeting.console.isVisible()
    assert window.library.isEnabled()
