"""Business days and the schedule, against dates counted by hand on a 2026 calendar."""

from datetime import date

import pytest

from pmdesk.models import ActionItem, Postmortem, TimelineEvent
from pmdesk.models.schedule import (
    StepState,
    business_day,
    business_days_between,
    is_business_day,
    postmortem_schedule,
    previous_business_day,
    schedule_dashboard,
)

D = date.fromisoformat
EASTER = [D("2026-04-03"), D("2026-04-06")]  # Good Friday, Easter Monday


def dues(schedule):
    return {s.key: s.due for s in schedule.steps}


def test_weekends_and_holidays_are_not_business_days():
    assert is_business_day(D("2026-03-06"))  # Friday
    assert not is_business_day(D("2026-03-07"))  # Saturday
    assert not is_business_day(D("2026-03-08"))  # Sunday
    assert not is_business_day(D("2026-04-06"), EASTER)
    assert is_business_day(D("2026-04-06"))


def test_friday_evening_incident_has_day_1_on_monday():
    # Fri 6 March: day 1 Mon 9, day 5 Fri 13, day 14 Thu 26 March, day 30 Fri 17 April.
    pm = Postmortem("Queue backlog", incident_date="2026-03-06", started_at="2026-03-06T21:40:00Z")
    schedule = postmortem_schedule(pm, today=D("2026-03-06"))
    assert dues(schedule) == {
        "gather": D("2026-03-10"),
        "draft": D("2026-03-12"),
        "share": D("2026-03-12"),
        "meeting": D("2026-03-13"),
        "followup14": D("2026-03-26"),
        "followup30": D("2026-04-17"),
    }
    assert schedule.step("gather").starts == D("2026-03-09")
    assert schedule.step("draft").starts == D("2026-03-11")


def test_weekend_incident_counts_like_the_friday_before():
    saturday = postmortem_schedule(Postmortem("x", incident_date="2026-03-07"), D("2026-03-07"))
    sunday = postmortem_schedule(Postmortem("x", incident_date="2026-03-08"), D("2026-03-07"))
    assert dues(saturday)["meeting"] == dues(sunday)["meeting"] == D("2026-03-13")


def test_p1_on_good_friday_skips_the_easter_holidays():
    # Day 0 Fri 3 April (a holiday); Mon 6 is a holiday: day 1 Tue 7, day 2 Wed 8, day 3 Thu 9.
    pm = Postmortem("Payments down", incident_date="2026-04-03", severity="P1")
    with_holidays = postmortem_schedule(pm, D("2026-04-03"), EASTER)
    assert dues(with_holidays)["gather"] == D("2026-04-07")
    assert dues(with_holidays)["draft"] == dues(with_holidays)["share"] == D("2026-04-08")
    assert dues(with_holidays)["meeting"] == D("2026-04-09")
    # Without the holidays the meeting is a day earlier (day 3 = Wed 8).
    assert dues(postmortem_schedule(pm, D("2026-04-03")))["meeting"] == D("2026-04-08")


def test_business_day_counting():
    assert business_day(D("2026-03-06"), 0) == D("2026-03-06")
    assert business_days_between(D("2026-03-06"), D("2026-03-13")) == 5
    assert business_days_between(D("2026-03-06"), D("2026-03-07")) == 0
    assert business_days_between(D("2026-03-06"), D("2026-03-09")) == 1
    assert business_days_between(D("2026-03-13"), D("2026-03-06")) == -5
    assert business_days_between(D("2026-04-02"), D("2026-04-07"), EASTER) == 1
    assert previous_business_day(D("2026-04-07"), EASTER) == D("2026-04-02")
    with pytest.raises(ValueError):
        business_day(D("2026-03-06"), -1)


def test_states_as_of_a_day():
    # Mon 2 March, P2: gather due Wed 4, draft and share Fri 6, meeting Mon 9, day 14 Fri 20.
    pm = Postmortem(
        "Search latency", incident_date="2026-03-02", action_items=[ActionItem("Add a cache")]
    )
    schedule = postmortem_schedule(pm, today=D("2026-03-05"))
    states = {s.key: s.state for s in schedule.steps}
    assert states == {
        "gather": StepState.LATE,  # no timeline yet, due yesterday
        "draft": StepState.DUE_SOON,  # Fri 6 is within 3 business days of Thu 5
        "share": StepState.DUE_SOON,
        "meeting": StepState.DUE_SOON,  # Mon 9 is business day 2 after Thu 5
        "followup14": StepState.UPCOMING,
        "followup30": StepState.UPCOMING,
    }
    assert schedule.step("followup14").due == D("2026-03-20")


def test_steps_are_done_by_what_the_postmortem_holds():
    pm = Postmortem(
        "Search latency",
        incident_date="2026-03-02",
        timeline=[TimelineEvent("2026-03-02T10:00:00Z", "p99 rises")],
        draft_shared_at="2026-03-05T09:00:00Z",
        meeting_at="2026-03-06T14:00:00Z",
        action_items=[ActionItem("Add a cache", status="in_progress")],
    )
    before = {s.key: s.state for s in postmortem_schedule(pm, D("2026-03-05")).steps}
    assert before["gather"] is before["draft"] is before["share"] is StepState.DONE
    assert before["meeting"] is StepState.DUE_SOON  # set for tomorrow, not held yet
    after = {s.key: s.state for s in postmortem_schedule(pm, D("2026-04-20")).steps}
    assert after["meeting"] is after["followup14"] is StepState.DONE
    assert after["followup30"] is StepState.LATE  # day 30 was Mon 13 April; the item is open


def test_a_meeting_set_early_moves_the_draft_deadline():
    pm = Postmortem("x", incident_date="2026-03-02", meeting_at="2026-03-05T15:00:00Z")
    share = postmortem_schedule(pm, D("2026-03-02")).step("share")
    assert share.due == D("2026-03-04") and share.last_day == 2


def test_a_postmortem_without_action_items_has_nothing_to_follow_up():
    states = postmortem_schedule(Postmortem("x", incident_date="2026-01-05"), D("2026-06-01"))
    assert states.step("followup14").state is states.step("followup30").state is StepState.DONE


def test_dashboard_lists_late_and_soon_and_ignores_the_example(example):
    late = Postmortem("Old one", incident_date="2026-03-02", id=1)
    soon = Postmortem("New one", incident_date="2026-03-12", severity="P1", id=2)
    undated = Postmortem("No date yet", id=3)
    example.id = 4
    board = schedule_dashboard([late, soon, undated, example], today=D("2026-03-13"))
    assert [(d.schedule.title, d.step.key) for d in board.late] == [
        ("Old one", "gather"),  # due Wed 4
        ("Old one", "draft"),  # due Fri 6
        ("Old one", "share"),
        ("Old one", "meeting"),  # due Mon 9
    ]
    assert [(d.schedule.title, d.step.key, d.step.due) for d in board.due_soon] == [
        ("New one", "gather", D("2026-03-13")),
        ("New one", "draft", D("2026-03-16")),
        ("New one", "share", D("2026-03-16")),
        ("New one", "meeting", D("2026-03-17")),
    ]
    assert board.undated == ["No date yet"]


def test_no_postmortems_no_dashboard_rows():
    board = schedule_dashboard([], today=D("2026-03-13"))
    assert board.late == board.due_soon == board.undated == []


def test_an_early_meeting_keeps_the_steps_before_it_in_order():
    from datetime import date

    from pmdesk.models import Postmortem
    from pmdesk.models.schedule import postmortem_schedule

    pm = Postmortem(title="x", incident_date="2026-03-09", meeting_at="2026-03-11T10:00:00Z")
    steps = postmortem_schedule(pm, date(2026, 3, 9), []).steps
    gather, draft, share = (s.due for s in steps[:3])
    # the draft is shared the day before the meeting, and written and gathered no later
    assert share == date(2026, 3, 10)
    assert gather <= draft <= share
    assert [s.key for s in sorted(steps[:3], key=lambda s: s.due)] == ["gather", "draft", "share"]
