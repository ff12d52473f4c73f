"""Merging imported events into a postmortem's timeline: duplicates skipped, window marked."""

from __future__ import annotations

import time
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


#: events written per statement group; several groups fill one transaction
IMPORT_CHUNK = 500
#: the longest one transaction of an import holds the write lock
HOLD_S = 0.1
#: the gap left between transactions: longer than the 100 ms between the polls of
#: SQLite's busy handler, so a save waiting for the lock always finds the gap
PAUSE_S = 0.11


def apply_import(
    store: Store,
    pm_id: int,
    events: list[TimelineEvent],
    chunk: int = IMPORT_CHUNK,
    *,
    hold_s: float = HOLD_S,
    pause_s: float = PAUSE_S,
) -> ImportResult:
    """Add the events not yet in the timeline, in short transactions; duplicates are skipped.

    A long import never holds the write lock for long: each transaction writes
    for at most `hold_s`, then the import lets go for `pause_s`, so the window's
    autosave (or another process) gets in between; each transaction lands whole
    or not at all. If another writer wrote in between, what is left is checked
    again against the timeline, so nothing is added twice; an import cut short
    leaves whole transactions, and running it again adds only the rest.
    """
    seen_version = store.data_version()
    plan = plan_import(store, pm_id, events)
    pending = plan.new_events
    added: list[TimelineEvent] = []
    skipped = plan.duplicates
    first = True
    while pending or first:
        if not first:
            time.sleep(pause_s)
        first = False
        started = time.monotonic()
        with store.transaction():
            if store.data_version() != seen_version:  # someone else wrote: check again
                again = plan_import(store, pm_id, pending)
                skipped += again.duplicates
                pending = again.new_events
                seen_version = store.data_version()
            while True:
                batch, pending = pending[:chunk], pending[chunk:]
                # the search index is rewritten once, with the last batch
                added += store.add_events(pm_id, batch, reindex=not pending)
                if not pending or time.monotonic() - started > hold_s:
                    break
    return ImportResult(added=added, skipped=skipped)
