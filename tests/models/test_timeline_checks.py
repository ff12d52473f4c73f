from datetime import UTC, datetime, timedelta

import pytest

from pmdesk.models import TimelineEvent
from pmdesk.models.timeline_checks import (
    WINDOW_TOLERANCE,
    check_timeline,
    milestones,
)

START = datetime(2026, 3, 10, 14, 5, tzinfo=UTC)
END = datetime(2026, 3, 10, 14, 52, tzinfo=UTC)


def event(hh_mm: str, text: str, event_id: int | None = None) -> TimelineEvent:
    hour, minute = map(int, hh_mm.split(":"))
    return TimelineEvent(at=datetime(2026, 3, 10, hour, minute, tzinfo=UTC), text=text, id=event_id)


COMPLETE = [
    event("14:11", "Alert fires: CheckoutErrorRateHigh"),
    event("14:13", "On-call engineer acknowledges the page"),
    event("14:38", "Rollback of the pool size completes"),
    event("14:52", "Error rate at baseline; incident resolved"),
]


def test_a_complete_timeline_inside_the_window_gets_no_warning():
    assert check_timeline(COMPLETE, START, END) == []


def test_the_example_postmortem_has_every_milestone(example):
    found = milestones(example.timeline)
    assert all(index is not None for index in found.values()), found


def test_each_missing_milestone_is_named_with_a_question():
    events = [event("14:11", "Alert fires"), event("14:20", "Dashboards checked")]
    warnings = check_timeline(events, START, END)
    assert [w.milestone for w in warnings] == ["acknowledgement", "mitigation", "resolution"]
    assert all(w.kind == "missing-milestone" for w in warnings)
    assert "acknowledge" in warnings[0].message


@pytest.mark.parametrize(
    ("text", "milestone"),
    [
        ("PagerDuty paged the on-call", "detection"),
        ("Monitoring detected elevated 500s", "detection"),
        ("Page acked by the secondary", "acknowledgement"),
        ("Traffic failed over to eu-west", "mitigation"),
        ("Config rolled back", "mitigation"),
        ("Workaround applied: cache bypass", "mitigation"),
        ("All services back to normal", "resolution"),
        ("Queue recovered", "resolution"),
    ],
)
def test_milestones_are_recognised_by_their_words(text, milestone):
    assert milestones([event("14:20", text)])[milestone] == 0


def test_words_inside_other_words_do_not_count():
    found = milestones([event("14:20", "Back-end pager config and package firewall")])
    assert found == dict.fromkeys(found)


def test_events_beyond_the_tolerance_are_flagged_with_their_id_and_index():
    events = [
        event("13:00", "Deploy of unrelated service", event_id=7),
        event("13:58", "Config change reaches production"),  # inside the tolerance
        *COMPLETE,
        event("15:00", "Status page updated"),  # inside the tolerance
        event("16:30", "Support posts an update", event_id=9),
    ]
    warnings = [w for w in check_timeline(events, START, END) if w.kind != "missing-milestone"]
    assert [(w.kind, w.event_id, w.index) for w in warnings] == [
        ("before-start", 7, 0),
        ("after-end", 9, 7),
    ]
    assert "65 minutes before the incident started (14:05 UTC)" in warnings[0].message
    assert "98 minutes after the incident ended (14:52 UTC)" in warnings[1].message


def test_the_tolerance_is_exact():
    just_inside = TimelineEvent(at=START - WINDOW_TOLERANCE, text="Alert fires")
    just_outside = TimelineEvent(at=END + WINDOW_TOLERANCE + timedelta(seconds=1), text="resolved")
    kinds = [w.kind for w in check_timeline([just_inside, just_outside], START, END)]
    assert "before-start" not in kinds
    assert "after-end" in kinds


def test_without_a_window_only_milestones_are_checked():
    warnings = check_timeline([event("03:00", "Alert fires")])
    assert {w.kind for w in warnings} == {"missing-milestone"}


def test_an_empty_timeline_gets_no_warning():
    assert check_timeline([], START, END) == []


def test_long_gaps_read_in_hours_and_days():
    far = [TimelineEvent(at=END + timedelta(days=3), text="Follow-up review")]
    (warning,) = [w for w in check_timeline(far, START, END) if w.kind == "after-end"]
    assert "3 days after" in warning.message
