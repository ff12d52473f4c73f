"""Practice metrics over a period, each beside its target (DESIGN.md).

A postmortem is in the period when its incident date lies in [since, until]
(both included). Postmortems without an incident date are in no period; they
are counted as `undated`. The example postmortem never counts.

The five metrics, exactly:

- **Time to postmortem**: the mean, over postmortems in the period whose meeting
  was held (a meeting time on or before `today`), of the business days from the
  incident date to the meeting date (see pmdesk.models.schedule). Postmortems
  without a held meeting are left out and counted as `missing`. Target "under 5
  business days" is read as at most 5: the schedule puts the meeting on day 5,
  so a postmortem held on schedule meets it.
- **Action items completed on time**: among the action items of postmortems in
  the period, on_time / (on_time + late + overdue), as a percentage, where
  on_time = done on or before the due date, late = done after it, overdue = open
  and past it. Left out and counted separately: items without a due date
  (`no_due_date`), open items not yet due (`not_yet_due`), and done items without
  a completion date (`done_undated`). Target: over 80% (strictly).
- **Recurring incidents**: the share of postmortems in the period that recur. A
  postmortem recurs when its root-cause category, trimmed and compared without
  regard to case, equals that of another postmortem (in the period or not) whose
  incident date is 0 to 180 days before its own; on the same date, the one with
  the lower id came first. Postmortems with no category cannot recur but stay in
  the denominator (`uncategorised` says how many). Target: under 10% (strictly).
- **Completion for P1 and P2**: the share of P1 and P2 postmortems in the period
  whose status is complete, today. Target: 100%.
- **Action items per postmortem**: all action items of postmortems in the
  period divided by the number of those postmortems. Target: 3 to 7 inclusive.

A metric with nothing to measure (no postmortem, no item with a due date...) has
no value and is neither met nor missed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from pmdesk.models.postmortem import (
    ActionStatus,
    Postmortem,
    Severity,
    Status,
    normalise_category,
)
from pmdesk.models.schedule import business_days_between

RECURRENCE_WINDOW_DAYS = 180


class Verdict(StrEnum):
    MET = "met"
    MISSED = "missed"
    NO_DATA = "no_data"

    @property
    def label(self) -> str:
        return {"met": "Met", "missed": "Missed", "no_data": "No data"}[self.value]


@dataclass(frozen=True)
class Target:
    text: str
    is_met: Callable[[float], bool]
    #: the boundary values, for drawing the target on a chart
    bounds: tuple[float, ...]


TARGETS: dict[str, Target] = {
    "time_to_postmortem": Target("≤ 5 business days", lambda v: v <= 5, (5,)),
    "on_time": Target("> 80%", lambda v: v > 80, (80,)),
    "recurring": Target("< 10%", lambda v: v < 10, (10,)),
    "completion_p1_p2": Target("100%", lambda v: v >= 100, (100,)),
    "actions_per_postmortem": Target("3 to 7", lambda v: 3 <= v <= 7, (3, 7)),
}


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    value: float | None
    unit: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def target(self) -> str:
        return TARGETS[self.key].text

    @property
    def verdict(self) -> Verdict:
        if self.value is None:
            return Verdict.NO_DATA
        return Verdict.MET if TARGETS[self.key].is_met(self.value) else Verdict.MISSED

    def formatted(self) -> str:
        """The value as a person reads it: '4.2 business days', '75%', '—'."""
        if self.value is None:
            return "—"
        if self.unit == "%":
            return f"{self.value:.0f}%"
        return f"{self.value:.1f} {self.unit}"

    def to_dict(self) -> dict[str, Any]:
        value = None if self.value is None else round(self.value, 2)
        return {
            "label": self.label,
            "value": value,
            "unit": self.unit,
            "target": self.target,
            "verdict": self.verdict.value,
            "counts": dict(self.counts),
        }


@dataclass(frozen=True)
class RecurringCategory:
    """A root-cause category that recurred in the period."""

    category: str
    count: int
    first: date
    last: date


@dataclass(frozen=True)
class PracticeMetrics:
    since: date
    until: date
    postmortems: int
    undated: int
    metrics: tuple[Metric, ...]
    recurring_categories: tuple[RecurringCategory, ...]

    def metric(self, key: str) -> Metric:
        return next(m for m in self.metrics if m.key == key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "since": self.since.isoformat(),
            "until": self.until.isoformat(),
            "postmortems": self.postmortems,
            "undated": self.undated,
            "metrics": {m.key: m.to_dict() for m in self.metrics},
            "recurring_categories": [
                {
                    "category": c.category,
                    "count": c.count,
                    "first": c.first.isoformat(),
                    "last": c.last.isoformat(),
                }
                for c in self.recurring_categories
            ],
        }


@dataclass(frozen=True, slots=True)
class ActionFacts:
    """What the metrics need of an action item."""

    due_date: date | None
    status: ActionStatus
    completed_on: date | None


@dataclass(frozen=True, slots=True)
class PostmortemFacts:
    """What the metrics need of a postmortem: no text but its root-cause category.

    `Store.metric_facts()` reads these from small indexes; a full `Postmortem`
    has the same attributes, so either kind can be measured.
    """

    id: int
    incident_date: date | None
    meeting_at: datetime | None
    root_cause_category: str
    severity: Severity
    status: Status
    is_example: bool
    action_items: tuple[ActionFacts, ...]


#: a postmortem as the metrics read it
Measured = Postmortem | PostmortemFacts


def _percent(part: int, whole: int) -> float | None:
    return None if whole == 0 else 100.0 * part / whole


def _time_to_postmortem(period: list[Measured], today: date, holidays: Collection[date]) -> Metric:
    days = [
        business_days_between(pm.incident_date, pm.meeting_at.date(), holidays)  # type: ignore[arg-type]
        for pm in period
        if pm.meeting_at is not None and pm.meeting_at.date() <= today
    ]
    mean = sum(days) / len(days) if days else None
    counts = {"measured": len(days), "missing": len(period) - len(days)}
    return Metric("time_to_postmortem", "Time to postmortem", mean, "business days", counts)


def _on_time(period: list[Measured], today: date) -> Metric:
    counts = dict.fromkeys(
        ("on_time", "late", "overdue", "not_yet_due", "no_due_date", "done_undated"), 0
    )
    for pm in period:
        for item in pm.action_items:
            if item.due_date is None:
                kind = "no_due_date"
            elif item.status is ActionStatus.DONE:
                if item.completed_on is None:
                    kind = "done_undated"
                else:
                    kind = "on_time" if item.completed_on <= item.due_date else "late"
            else:
                kind = "overdue" if item.due_date < today else "not_yet_due"
            counts[kind] += 1
    measured = counts["on_time"] + counts["late"] + counts["overdue"]
    value = _percent(counts["on_time"], measured)
    return Metric("on_time", "Action items completed on time", value, "%", counts)


def _recurring(
    period: list[Measured], everyone: list[Measured]
) -> tuple[Metric, tuple[RecurringCategory, ...]]:
    keys = {id(pm): normalise_category(pm.root_cause_category) for pm in everyone}
    keys.update((id(pm), normalise_category(pm.root_cause_category)) for pm in period)
    # per category, every (incident date, id) in order: a postmortem recurs when one
    # comes before it within the window (on the same date, a lower id comes first)
    by_category: dict[str, list[tuple[date, int]]] = {}
    for pm in everyone:
        key = keys[id(pm)]
        if key and pm.incident_date is not None:
            by_category.setdefault(key, []).append((pm.incident_date, pm.id or 0))
    for entries in by_category.values():
        entries.sort()
    window = timedelta(days=RECURRENCE_WINDOW_DAYS)

    def recurs(pm: Measured) -> bool:
        entries = by_category.get(keys[id(pm)])
        if not entries or pm.incident_date is None:
            return False
        first = bisect_left(entries, (pm.incident_date - window, -1))
        return bisect_left(entries, (pm.incident_date, pm.id or 0)) > first

    recurring = [pm for pm in period if recurs(pm)]
    uncategorised = sum(1 for pm in period if not keys[id(pm)])
    counts = {"recurring": len(recurring), "uncategorised": uncategorised}
    metric = Metric(
        "recurring", "Recurring incidents", _percent(len(recurring), len(period)), "%", counts
    )
    categories = []
    in_period: dict[str, list[Measured]] = {}
    for pm in period:
        in_period.setdefault(keys[id(pm)], []).append(pm)
    for key in sorted({keys[id(pm)] for pm in recurring}):
        dates = sorted(pm.incident_date for pm in in_period[key])  # type: ignore[type-var]
        # Show the category as it was last written, not in lower case.
        latest = max(in_period[key], key=lambda pm: (pm.incident_date, pm.id or 0))
        label = " ".join(latest.root_cause_category.split())
        categories.append(RecurringCategory(label, len(dates), dates[0], dates[-1]))
    categories.sort(key=lambda c: (-c.count, c.category.casefold()))
    return metric, tuple(categories)


def _completion(period: list[Measured]) -> Metric:
    serious = [pm for pm in period if pm.severity in (Severity.P1, Severity.P2)]
    complete = sum(1 for pm in serious if pm.status is Status.COMPLETE)
    counts = {"complete": complete, "p1_p2": len(serious)}
    return Metric(
        "completion_p1_p2",
        "Completion for P1 and P2",
        _percent(complete, len(serious)),
        "%",
        counts,
    )


def _actions_per_postmortem(period: list[Measured]) -> Metric:
    items = sum(len(pm.action_items) for pm in period)
    value = items / len(period) if period else None
    counts = {"action_items": items, "postmortems": len(period)}
    return Metric("actions_per_postmortem", "Action items per postmortem", value, "items", counts)


def practice_metrics(
    postmortems: Iterable[Measured],
    since: date,
    until: date,
    today: date,
    holidays: Collection[date] = (),
) -> PracticeMetrics:
    """The five practice metrics for incidents dated `since` to `until`, both included."""
    everyone = [pm for pm in postmortems if not pm.is_example]
    undated = sum(1 for pm in everyone if pm.incident_date is None)
    period = [
        pm for pm in everyone if pm.incident_date is not None and since <= pm.incident_date <= until
    ]
    recurring, categories = _recurring(period, everyone)
    metrics = (
        _time_to_postmortem(period, today, holidays),
        _on_time(period, today),
        recurring,
        _completion(period),
        _actions_per_postmortem(period),
    )
    return PracticeMetrics(since, until, len(period), undated, metrics, categories)


def month_starts(since: date, until: date) -> list[date]:
    """The first day of every calendar month that [since, until] touches."""
    months = []
    month = since.replace(day=1)
    while month <= until:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def monthly_metrics(
    postmortems: Iterable[Measured],
    since: date,
    until: date,
    today: date,
    holidays: Collection[date] = (),
) -> list[tuple[date, PracticeMetrics]]:
    """The metrics of each calendar month in the period (clipped to it): the chart over time."""
    everyone = list(postmortems)
    out = []
    for start in month_starts(since, until):
        end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        out.append(
            (start, practice_metrics(everyone, max(start, since), min(end, until), today, holidays))
        )
    return out


def metric_detail(metric: Metric) -> str:
    """What the value was computed from, and what was left out, in one line."""
    c = metric.counts
    if metric.key == "time_to_postmortem":
        return f"{c['measured']} measured; {c['missing']} without a meeting held"
    if metric.key == "on_time":
        measured = c["on_time"] + c["late"] + c["overdue"]
        left_out = [
            f"{c['not_yet_due']} not yet due",
            f"{c['no_due_date']} without a due date",
        ]
        if c["done_undated"]:
            left_out.append(f"{c['done_undated']} done without a date")
        return (
            f"{c['on_time']} of {measured} on time ({c['late']} late, {c['overdue']} overdue); "
            f"left out: {', '.join(left_out)}"
        )
    if metric.key == "recurring":
        return f"{c['recurring']} recurring; {c['uncategorised']} without a category"
    if metric.key == "completion_p1_p2":
        return f"{c['complete']} of {c['p1_p2']} P1/P2 postmortems complete"
    return f"{c['action_items']} action items in {c['postmortems']} postmortems"
