"""Merging imported events into a postmortem's timeline: duplicates skipped, window marked."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from pmdesk.models import Postmortem, Store, TimelineEvent


@dataclass(frozen=True)
class Candidate:
    """One imported event, and what the import knows about it."""

    event: TimelineEvent
    duplicate: bool
    outside_window: bool


@dataclass
class ImportPlan:
    """What importing a list of events into one postmortem would do."""

    candidates: list[Candidate] = field(default_factory=list)

    @property
    def new_events(self) -> list[TimelineEvent]:
        return [c.event for c in self.candidates if not c.duplicate]

    @property
    def duplicates(self) -> int:
        return sum(c.duplicate for c in self.candidates)

    @property
    def outside_window(self) -> int:
        return sum(c.outside_window and not c.duplicate for c in self.candidates)


@dataclass(frozen=True)
class ImportResult:
    added: list[TimelineEvent]
    skipped: int


def _key(event: TimelineEvent) -> tuple[datetime, str]:
    return event.at, event.text.strip()


def plan_import(store: Store, pm_id: int, events: list[TimelineEvent]) -> ImportPlan:
    """Mark events already in the timeline (same UTC time and text) and those outside the window."""
    pm = store.get(pm_id)
    seen = {(at, text.strip()) for at, text in store.timeline_keys(pm_id)}
    plan = ImportPlan()
    for event in sorted(events, key=lambda e: e.at):
        key = _key(event)
        plan.candidates.append(Candidate(event, key in seen, _outside(pm, event.at)))
        seen.add(key)  # the same event twice in one file is added once
    return plan


def _outside(pm: Postmortem, at: datetime) -> bool:
    return (pm.started_at is not None and at < pm.started_at) or (
        pm.ended_at is not None and at > pm.ended_at
    )


def apply_import(store: Store, pm_id: int, events: list[TimelineEvent]) -> ImportResult:
    """Add the events not yet in the timeline, in one transaction; duplicates are skipped.

    The check runs inside the write transaction, so an import racing another
    window's edit still adds nothing twice.
    """
    with store.transaction():
        plan = plan_import(store, pm_id, events)
        added = store.add_events(pm_id, plan.new_events)
    return ImportResult(added=added, skipped=plan.duplicates)
