"""The review meeting's agenda: the steps, their timeboxes and scripts, and where we are in it.

The agenda itself is data (resources/meeting/agenda.toml). This module adds the two
pieces of logic the meeting needs and a test can check without a screen: walking the
agenda one step (and, in the timeline, one event) at a time, and the clock of each step.
"""

from __future__ import annotations

import time
import tomllib
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from functools import cache

from pmdesk.errors import PmdeskError
from pmdesk.models.postmortem import Postmortem
from pmdesk.models.schedule import postmortem_schedule
from pmdesk.resource_files import read_text

#: the step that walks the timeline one event at a time
TIMELINE_STEP = "timeline"


class AgendaError(PmdeskError):
    """The agenda file shipped with pmdesk cannot be read (a broken installation)."""


@dataclass(frozen=True)
class AgendaStep:
    key: str
    title: str
    minutes: int
    script: tuple[str, ...]

    @property
    def seconds(self) -> int:
        return self.minutes * 60


@dataclass(frozen=True)
class Agenda:
    opening_statement: str
    steps: tuple[AgendaStep, ...]
    #: what the facilitator can say aloud, by flag category; "default" for the rest
    prompts: dict[str, str]

    def index(self, key: str) -> int:
        for i, step in enumerate(self.steps):
            if step.key == key:
                return i
        raise KeyError(key)

    def after(self, index: int) -> AgendaStep | None:
        """The step that comes next, or None after the last one."""
        return self.steps[index + 1] if index + 1 < len(self.steps) else None

    def prompt(self, category: str) -> str:
        return self.prompts.get(category) or self.prompts.get("default", "")

    @property
    def total_minutes(self) -> int:
        return sum(s.minutes for s in self.steps)


@cache
def load_agenda() -> Agenda:
    """The agenda shipped in resources/meeting/agenda.toml."""
    try:
        data = tomllib.loads(read_text("meeting", "agenda.toml"))
        steps = tuple(
            AgendaStep(s["key"], s["title"], int(s["minutes"]), tuple(s["script"]))
            for s in data["step"]
        )
        agenda = Agenda(data["opening_statement"], steps, dict(data["prompts"]))
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise AgendaError(f"the meeting agenda cannot be read: {exc}") from None
    if not steps or TIMELINE_STEP not in {s.key for s in steps}:
        raise AgendaError("the meeting agenda has no timeline step")
    return agenda


class MeetingCursor:
    """Where the meeting is: a step, and in the timeline step one event of it.

    Forward from the timeline step's heading goes to its first event, from the last
    event on to the next step; back mirrors that. A timeline without events is one stop.
    """

    def __init__(self, agenda: Agenda, events: int) -> None:
        self.agenda = agenda
        self.events = max(0, events)
        self.step_index = 0
        #: the event shown in the timeline step (0-based), None elsewhere
        self.event_index: int | None = None

    @property
    def step(self) -> AgendaStep:
        return self.agenda.steps[self.step_index]

    @property
    def at_end(self) -> bool:
        return self.step_index == len(self.agenda.steps) - 1

    def forward(self) -> bool:
        """One event or one step on; False when the meeting is at its last step."""
        if self._in_timeline() and self.events:
            if self.event_index is None:
                self.event_index = 0
                return True
            if self.event_index < self.events - 1:
                self.event_index += 1
                return True
        if self.at_end:
            return False
        self.step_index += 1
        self.event_index = 0 if self._in_timeline() and self.events else None
        return True

    def back(self) -> bool:
        """One event or one step back; False at the opening."""
        if self._in_timeline() and self.event_index:
            self.event_index -= 1
            return True
        if self.step_index == 0:
            return False
        self.step_index -= 1
        self.event_index = self.events - 1 if self._in_timeline() and self.events else None
        return True

    def go_to(self, index: int) -> None:
        """Jump to a step (from the console's list); the timeline starts at its first event."""
        self.step_index = max(0, min(index, len(self.agenda.steps) - 1))
        self.event_index = 0 if self._in_timeline() and self.events else None

    def set_events(self, events: int) -> None:
        """The timeline changed length while the meeting runs; stay on a real event."""
        self.events = max(0, events)
        if self.event_index is not None:
            self.event_index = min(self.event_index, self.events - 1) if self.events else None

    def _in_timeline(self) -> bool:
        return self.step.key == TIMELINE_STEP


class StepClock:
    """Time spent in each step; coming back to a step continues its clock."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._spent: dict[str, float] = {}
        self._current: str | None = None
        self._since = 0.0

    def enter(self, key: str) -> None:
        if key == self._current:
            return
        self._stop()
        self._current = key
        self._since = self._clock()

    def spent(self, key: str) -> float:
        """Seconds spent in `key` so far, including the running stretch."""
        total = self._spent.get(key, 0.0)
        if key == self._current:
            total += self._clock() - self._since
        return total

    def remaining(self, step: AgendaStep) -> float:
        """Seconds left in the step's timebox; negative once it is over."""
        return step.seconds - self.spent(step.key)

    def _stop(self) -> None:
        if self._current is not None:
            self._spent[self._current] = self.spent(self._current)


def format_remaining(seconds: float) -> str:
    """ "04:12" while time is left, "+01:05" once the timebox is over."""
    sign = "" if seconds >= 0 else "+"
    minutes, secs = divmod(int(abs(seconds)), 60)
    return f"{sign}{minutes:02d}:{secs:02d}"


@dataclass(frozen=True)
class FollowUps:
    day14: date
    day30: date


def follow_up_dates(
    pm: Postmortem, holidays: Collection[date] = (), today: date | None = None
) -> FollowUps | None:
    """The day-14 and day-30 follow-up dates (business days); None without an incident date."""
    if pm.incident_date is None:
        return None
    schedule = postmortem_schedule(pm, today or date.today(), holidays)
    return FollowUps(schedule.step("followup14").due, schedule.step("followup30").due)
