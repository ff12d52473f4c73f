"""The agenda as the facilitator walks it: steps, timeboxes, the timeline event by event."""

from datetime import date

import pytest

from pmdesk.meeting import (
    MeetingCursor,
    StepClock,
    follow_up_dates,
    format_remaining,
    load_agenda,
)
from pmdesk.models import Postmortem

AGENDA = load_agenda()


def test_the_agenda_follows_the_practice():
    assert [s.key for s in AGENDA.steps] == [
        "opening",
        "impact",
        "timeline",
        "root_cause",
        "actions",
        "wrap_up",
    ]
    assert AGENDA.total_minutes == 60
    assert all(s.minutes > 0 and s.script for s in AGENDA.steps)
    assert "not to evaluate individuals" in AGENDA.opening_statement


def test_what_comes_next():
    assert AGENDA.after(AGENDA.index("impact")).key == "timeline"
    assert AGENDA.after(len(AGENDA.steps) - 1) is None


def test_redirect_prompts_are_there_for_every_blame_category():
    from pmdesk.lint import CATEGORIES

    for category in CATEGORIES:
        assert AGENDA.prompt(category) != AGENDA.prompt("no-such-category"), category
    assert "what about the system?" in AGENDA.prompt("named-agent")
    assert AGENDA.prompt("judgmental").startswith("We're not here to evaluate")


def walk(cursor: MeetingCursor) -> list[tuple[str, int | None]]:
    stops = [(cursor.step.key, cursor.event_index)]
    while cursor.forward():
        stops.append((cursor.step.key, cursor.event_index))
    return stops


def test_forward_walks_every_event_of_the_timeline_then_moves_on():
    stops = walk(MeetingCursor(AGENDA, events=3))
    assert stops == [
        ("opening", None),
        ("impact", None),
        ("timeline", 0),
        ("timeline", 1),
        ("timeline", 2),
        ("root_cause", None),
        ("actions", None),
        ("wrap_up", None),
    ]


def test_back_retraces_the_same_stops():
    cursor = MeetingCursor(AGENDA, events=3)
    forward = walk(cursor)
    backward = [(cursor.step.key, cursor.event_index)]
    while cursor.back():
        backward.append((cursor.step.key, cursor.event_index))
    assert backward == forward[::-1]
    assert not cursor.back()


def test_an_empty_timeline_is_one_stop():
    assert ("timeline", None) in walk(MeetingCursor(AGENDA, events=0))


def test_jumping_to_a_step_and_a_shrinking_timeline():
    cursor = MeetingCursor(AGENDA, events=5)
    cursor.go_to(AGENDA.index("timeline"))
    assert cursor.event_index == 0
    for _ in range(4):
        cursor.forward()
    assert cursor.event_index == 4
    cursor.set_events(2)
    assert cursor.event_index == 1
    cursor.set_events(0)
    assert cursor.event_index is None


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_each_step_keeps_its_own_clock():
    clock = FakeClock()
    timer = StepClock(clock)
    impact = AGENDA.steps[AGENDA.index("impact")]
    timer.enter("impact")
    clock.now += 90
    assert timer.remaining(impact) == 5 * 60 - 90
    timer.enter("timeline")
    clock.now += 600
    timer.enter("impact")  # back for another look: the clock continues
    clock.now += 300
    assert timer.spent("impact") == 390
    assert timer.spent("timeline") == 600
    assert format_remaining(timer.remaining(impact)) == "+01:30"


@pytest.mark.parametrize(
    ("seconds", "shown"), [(300, "05:00"), (252.7, "04:12"), (0, "00:00"), (-65.2, "+01:05")]
)
def test_time_left_reads_like_a_clock(seconds, shown):
    assert format_remaining(seconds) == shown


def test_follow_up_dates_are_business_days_14_and_30():
    # Tuesday 10 March 2026: 14 business days later is Monday 30 March, 30 is 21 April.
    pm = Postmortem(title="x", incident_date=date(2026, 3, 10))
    dates = follow_up_dates(pm, today=date(2026, 3, 17))
    assert (dates.day14, dates.day30) == (date(2026, 3, 30), date(2026, 4, 21))
    moved = follow_up_dates(pm, holidays=[date(2026, 3, 20)], today=date(2026, 3, 17))
    assert moved.day14 == date(2026, 3, 31)
    assert follow_up_dates(Postmortem(title="no date")) is None
