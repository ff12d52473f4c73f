"""Follow-through on action items: the overdue list, filters, the weekly review, the deploy gate.

An action item is overdue when it is open (not done) and its due date has passed:
on its due date it is not yet overdue, the day after it is 1 day overdue. Items
without a due date are never overdue. The example postmortem's items never count
(the Store leaves them out unless asked).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pmdesk.errors import PmdeskError
from pmdesk.models.postmortem import ActionItem, ActionStatus, Priority, parse_enum
from pmdesk.models.store import ActionRecord, Store

NO_OWNER = "(no owner)"


@dataclass(frozen=True)
class ActionRow:
    """An action item as the follow-up lists show it: with its postmortem and lateness."""

    record: ActionRecord
    days_overdue: int

    @property
    def item(self) -> ActionItem:
        return self.record.item

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `pmdesk actions --json`."""
        item = self.record.item
        return {
            "id": item.id,
            "action": item.action,
            "owner": item.owner,
            "priority": item.priority.value,
            "due_date": item.due_date.isoformat() if item.due_date else None,
            "status": item.status.value,
            "completed_on": item.completed_on.isoformat() if item.completed_on else None,
            "days_overdue": self.days_overdue,
            "postmortem_id": self.record.postmortem_id,
            "postmortem_title": self.record.postmortem_title,
            "severity": self.record.severity.value,
            "tracker_url": item.tracker_url,
        }


def _sort_key(row: ActionRow) -> tuple:
    item = row.record.item
    # Most overdue first; then the earliest due date (undated last), the highest priority.
    return (
        -row.days_overdue,
        item.due_date is None,
        item.due_date or date.max,
        -item.priority.rank,
        row.record.postmortem_id,
        item.id or 0,
    )


def action_rows(
    records: Iterable[ActionRecord],
    today: date,
    *,
    overdue_only: bool = False,
    open_only: bool = False,
    owner: str | None = None,
    priority: Priority | str | None = None,
) -> list[ActionRow]:
    """Action items, filtered, most days overdue first.

    `owner` matches the whole name, ignoring case and surrounding spaces; `priority`
    keeps that priority only (the gate, not this list, means "or higher").
    """
    wanted_owner = owner.strip().casefold() if owner else None
    wanted_priority = parse_enum(Priority, priority, "priority") if priority else None
    rows = []
    for record in records:
        item = record.item
        if overdue_only and not item.is_overdue(today):
            continue
        if open_only and not item.is_open:
            continue
        if wanted_owner is not None and item.owner.strip().casefold() != wanted_owner:
            continue
        if wanted_priority is not None and item.priority is not wanted_priority:
            continue
        rows.append(ActionRow(record, item.days_overdue(today)))
    rows.sort(key=_sort_key)
    return rows


def overdue_actions(
    records: Iterable[ActionRecord], today: date, **filters: Any
) -> list[ActionRow]:
    """Open items past their due date, most days overdue first."""
    return action_rows(records, today, overdue_only=True, **filters)


def gate_blockers(
    records: Iterable[ActionRecord], today: date, min_priority: Priority | str = Priority.HIGH
) -> list[ActionRow]:
    """Overdue open items of `min_priority` or higher: what blocks a deploy."""
    floor = parse_enum(Priority, min_priority, "priority").rank
    return [r for r in overdue_actions(records, today) if r.item.priority.rank >= floor]


@dataclass(frozen=True)
class WeeklyReview:
    """What a weekly follow-up meeting goes through."""

    #: open items per owner (names compared ignoring case), alphabetical, most overdue first
    by_owner: dict[str, list[ActionRow]]
    #: items that were not overdue a week ago and are now: due in [today - 7, today - 1]
    newly_overdue: list[ActionRow]
    #: items completed in the last 7 days (today included)
    done_this_week: list[ActionRow]


def weekly_review(records: Iterable[ActionRecord], today: date) -> WeeklyReview:
    """Open items grouped by owner, and what became overdue since a week ago."""
    records = list(records)
    open_rows = action_rows(records, today, open_only=True)
    # "Dana" and "dana " are one person; the group takes the first spelling met.
    names: dict[str, str] = {}
    groups: dict[str, list[ActionRow]] = {}
    for row in open_rows:
        name = " ".join(row.item.owner.split()) or NO_OWNER
        key = names.setdefault(name.casefold(), name)
        groups.setdefault(key, []).append(row)
    by_owner = {k: groups[k] for k in sorted(groups, key=lambda k: (k == NO_OWNER, k.casefold()))}
    week_ago = today - timedelta(days=7)
    newly = [r for r in open_rows if r.overdue and r.item.due_date >= week_ago]  # type: ignore[operator]
    done = [
        ActionRow(r, 0)
        for r in records
        if r.item.completed_on is not None and week_ago < r.item.completed_on <= today
    ]
    done.sort(key=lambda r: (r.item.completed_on, r.record.postmortem_id))
    return WeeklyReview(by_owner, newly, done)


def mark_done(store: Store, action_id: int, today: date) -> None:
    """Record an action item as done on `today` (an item already done keeps its date)."""
    item = store.get_action(action_id)
    if item.status is ActionStatus.DONE:
        return
    store.update_action(dataclasses.replace(item, status=ActionStatus.DONE, completed_on=today))


def reopen(store: Store, action_id: int, status: ActionStatus = ActionStatus.OPEN) -> None:
    """Undo `mark_done`: back to open (or in progress), without a completion date."""
    if status is ActionStatus.DONE:
        raise PmdeskError("reopen needs a status other than done")
    item = store.get_action(action_id)
    store.update_action(dataclasses.replace(item, status=status, completed_on=None))
