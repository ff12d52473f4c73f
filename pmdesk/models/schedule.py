"""Business days and the practice schedule of a postmortem.

Counting rules, used by the schedule, the dashboard and the metrics alike:

- A business day is Monday to Friday and not one of the holidays in the settings.
- Day 0 is the incident's date, whatever day of the week it is.
- Day N (N >= 1) is the Nth business day after day 0. An incident on a Friday
  evening (or on a weekend) therefore has its day 1 on the Monday after it.
- The business days from A to B count the business days d with A < d <= B, so a
  meeting on day 5 is "5 business days after the incident".

The schedule (DESIGN.md, "Facts from practice"), as business-day numbers:

    step                     P2 and P3    P1
    gather data, timeline    days 1-2     day 1
    write the draft          days 3-4     day 2
    share the draft          day 4        day 2     (the business day before the meeting,
                                                     which is how "24 hours before" is read;
                                                     earlier when the meeting is set earlier)
    review meeting           day 5        day 3
    follow-up: in progress   day 14       day 14    (every action item in progress or done)
    follow-up: done          day 30       day 30    (every action item done)

Every function takes `today` and the holidays as arguments: there is no hidden clock.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from pmdesk.models.postmortem import ActionStatus, Postmortem, Severity, Status

#: a step not yet done whose due date is at most this many business days ahead is "due soon"
DUE_SOON_BUSINESS_DAYS = 3


def is_business_day(day: date, holidays: Collection[date] = ()) -> bool:
    return day.weekday() < 5 and day not in holidays


def business_day(start: date, n: int, holidays: Collection[date] = ()) -> date:
    """Day `n` counted from day 0 = `start`: the nth business day after it (n >= 0)."""
    if n < 0:
        raise ValueError("business days are counted forwards from the incident")
    day = start
    while n:
        day += timedelta(days=1)
        if is_business_day(day, holidays):
            n -= 1
    return day


def previous_business_day(day: date, holidays: Collection[date] = ()) -> date:
    """The last business day before `day`."""
    day -= timedelta(days=1)
    while not is_business_day(day, holidays):
        day -= timedelta(days=1)
    return day


def business_days_between(start: date, end: date, holidays: Collection[date] = ()) -> int:
    """Business days d with start < d <= end; negative when `end` comes before `start`."""
    if end < start:
        return -business_days_between(end, start, holidays)
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        count += is_business_day(day, holidays)
    return count


class StepState(StrEnum):
    DONE = "done"
    LATE = "late"
    DUE_SOON = "due_soon"
    UPCOMING = "upcoming"

    @property
    def label(self) -> str:
        return {"done": "Done", "late": "Late", "due_soon": "Due soon", "upcoming": "Upcoming"}[
            self.value
        ]


@dataclass(frozen=True)
class Step:
    """One step of the schedule: what, from which day to which, and where it stands."""

    key: str
    label: str
    first_day: int
    last_day: int
    starts: date
    due: date
    state: StepState


@dataclass(frozen=True)
class Schedule:
    """The steps of one postmortem, in order."""

    postmortem_id: int | None
    title: str
    severity: Severity
    incident_date: date
    steps: tuple[Step, ...]

    def step(self, key: str) -> Step:
        return next(s for s in self.steps if s.key == key)


#: (key, label, first day, last day) for P2/P3 and for P1
_PLAN = (
    ("gather", "Gather data, build the timeline", (1, 2), (1, 1)),
    ("draft", "Write the draft", (3, 4), (2, 2)),
    ("share", "Share the draft", (4, 4), (2, 2)),
    ("meeting", "Review meeting", (5, 5), (3, 3)),
    ("followup14", "Follow-up: items in progress", (14, 14), (14, 14)),
    ("followup30", "Follow-up: items done", (30, 30), (30, 30)),
)
_PLAN_KEYS = [key for key, *_ in _PLAN]


def _done_steps(pm: Postmortem, today: date) -> set[str]:
    """Which steps the postmortem itself shows to be done.

    A held meeting (a meeting time on or before today, or status complete) closes
    every step before it: those can no longer be done late.
    """
    done: set[str] = set()
    held = pm.status is Status.COMPLETE or (
        pm.meeting_at is not None and pm.meeting_at.date() <= today
    )
    shared = held or pm.draft_shared_at is not None
    drafted = shared or pm.status is not Status.DRAFT
    gathered = drafted or bool(pm.timeline)
    for key, flag in (
        ("gather", gathered),
        ("draft", drafted),
        ("share", shared),
        ("meeting", held),
    ):
        if flag:
            done.add(key)
    # With no action items there is nothing to follow up on.
    if all(a.status is not ActionStatus.OPEN for a in pm.action_items):
        done.add("followup14")
    if all(a.status is ActionStatus.DONE for a in pm.action_items):
        done.add("followup30")
    return done


def postmortem_schedule(
    pm: Postmortem,
    today: date,
    holidays: Collection[date] = (),
    *,
    soon: int = DUE_SOON_BUSINESS_DAYS,
) -> Schedule:
    """The schedule of one postmortem as of `today`; it needs an incident date."""
    if pm.incident_date is None:
        raise ValueError("a postmortem without an incident date has no schedule")
    day0 = pm.incident_date
    soon_limit = business_day(today, soon, holidays)
    done = _done_steps(pm, today)
    planned: list[tuple[str, str, int, int, date]] = []
    for key, label, normal, p1 in _PLAN:
        first, last = p1 if pm.severity is Severity.P1 else normal
        due = business_day(day0, last, holidays)
        if key == "share" and pm.meeting_at is not None:
            # A meeting set earlier than planned moves the draft's deadline with it.
            before = previous_business_day(pm.meeting_at.date(), holidays)
            if day0 < before < due:
                due = before
                first = last = business_days_between(day0, due, holidays)
        planned.append((key, label, first, last, due))
    # ...and the steps before it with it: data is gathered before the draft is written, and
    # written before it is shared, so the schedule never lists them out of order
    for i in range(_PLAN_KEYS.index("share") - 1, -1, -1):
        key, label, first, last, due = planned[i]
        after = planned[i + 1]
        if after[4] < due:
            planned[i] = (key, label, min(first, after[3]), after[3], after[4])
    steps = []
    for key, label, first, last, due in planned:
        if key in done:
            state = StepState.DONE
        elif due < today:
            state = StepState.LATE
        elif due <= soon_limit:
            state = StepState.DUE_SOON
        else:
            state = StepState.UPCOMING
        starts = business_day(day0, first, holidays)
        steps.append(Step(key, label, first, last, starts, due, state))
    return Schedule(pm.id, pm.title, pm.severity, day0, tuple(steps))


@dataclass(frozen=True)
class DueStep:
    """A step of some postmortem that is late or due soon (one row of the dashboard)."""

    schedule: Schedule
    step: Step


@dataclass(frozen=True)
class ScheduleDashboard:
    late: list[DueStep]
    due_soon: list[DueStep]
    #: titles of postmortems that have no incident date, hence no schedule
    undated: list[str]


def schedule_dashboard(
    postmortems: Iterable[Postmortem],
    today: date,
    holidays: Collection[date] = (),
    *,
    soon: int = DUE_SOON_BUSINESS_DAYS,
) -> ScheduleDashboard:
    """Late steps (longest late first) and steps due soon (soonest first); examples never count."""
    late: list[DueStep] = []
    due_soon: list[DueStep] = []
    undated: list[str] = []
    for pm in postmortems:
        if pm.is_example:
            continue
        if pm.incident_date is None:
            undated.append(pm.title)
            continue
        schedule = postmortem_schedule(pm, today, holidays, soon=soon)
        for step in schedule.steps:
            if step.state is StepState.LATE:
                late.append(DueStep(schedule, step))
            elif step.state is StepState.DUE_SOON:
                due_soon.append(DueStep(schedule, step))
    late.sort(key=lambda d: (d.step.due, d.schedule.postmortem_id or 0))
    due_soon.sort(key=lambda d: (d.step.due, d.schedule.postmortem_id or 0))
    return ScheduleDashboard(late, due_soon, undated)
