"""Quiet checks of a timeline: events far outside the incident, and missing milestones.

A good timeline shows when the problem was detected, acknowledged, mitigated
and resolved: those four gaps are what the meeting measures (time to detect,
to respond, to mitigate). The checks recognise each milestone by words in
the event text; they only hint, they never refuse anything. Free of Qt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from pmdesk.models.postmortem import TimelineEvent

#: Events this close to the window are normal (the change that triggered the incident,
#: the message that closed it) and get no warning.
WINDOW_TOLERANCE = timedelta(minutes=15)

#: milestone -> words that mark an event as reaching it (matched as whole words, any case)
MILESTONES: dict[str, tuple[str, ...]] = {
    "detection": (
        r"alert(?:s|ed|ing)?",
        r"fire[sd]?",
        r"detect(?:s|ed|ion)?",
        r"pag(?:e|ed|es|ing)",
        r"alarm(?:s|ed)?",
        r"noticed?",
        r"reported",
    ),
    "acknowledgement": (
        r"acknowledg(?:e|ed|es|ing|ement)",
        r"ack(?:s|ed)?",
        r"responds?",
        r"responded",
    ),
    "mitigation": (
        r"mitigat(?:e|ed|es|ing|ion)",
        r"roll(?:ed|s|ing)? back",
        r"rollback",
        r"fail(?:ed|s)? over",
        r"failover",
        r"workaround",
        r"revert(?:s|ed)?",
    ),
    "resolution": (
        r"resolv(?:e|ed|es)",
        r"resolution",
        r"recover(?:s|ed|y)",
        r"back to normal",
        r"all clear",
    ),
}

_PATTERNS = {
    name: re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)
    for name, words in MILESTONES.items()
}

_QUESTIONS = {
    "detection": "when was the problem first detected (an alert, a page, a report)?",
    "acknowledgement": "when did someone acknowledge it and start responding?",
    "mitigation": "when was the impact mitigated (rollback, failover, workaround)?",
    "resolution": "when was the incident resolved?",
}


@dataclass(frozen=True)
class TimelineWarning:
    """One hint about a timeline; `event_id`/`index` name the event it is about, if any."""

    kind: str  # "before-start", "after-end" or "missing-milestone"
    message: str
    event_id: int | None = None
    index: int | None = None
    milestone: str = ""


def milestones(events: Sequence[TimelineEvent]) -> dict[str, int | None]:
    """For each milestone, the index of the first event that reaches it (None when none does)."""
    found: dict[str, int | None] = dict.fromkeys(MILESTONES)
    for index, event in enumerate(events):
        for name, pattern in _PATTERNS.items():
            if found[name] is None and pattern.search(event.text):
                found[name] = index
    return found


def check_timeline(
    events: Sequence[TimelineEvent],
    started_at: datetime | None = None,
    ended_at: datetime | None = None,
) -> list[TimelineWarning]:
    """Events outside start..end (beyond WINDOW_TOLERANCE), then missing milestones."""
    warnings: list[TimelineWarning] = []
    for index, event in enumerate(events):
        if started_at is not None and event.at < started_at - WINDOW_TOLERANCE:
            warnings.append(
                TimelineWarning(
                    "before-start",
                    f"{_when(event)} is {_gap(started_at - event.at)} before the incident started "
                    f"({started_at:%H:%M} UTC)",
                    event.id,
                    index,
                )
            )
        elif ended_at is not None and event.at > ended_at + WINDOW_TOLERANCE:
            warnings.append(
                TimelineWarning(
                    "after-end",
                    f"{_when(event)} is {_gap(event.at - ended_at)} after the incident ended "
                    f"({ended_at:%H:%M} UTC)",
                    event.id,
                    index,
                )
            )
    if events:
        for name, index in milestones(events).items():
            if index is None:
                warnings.append(
                    TimelineWarning(
                        "missing-milestone",
                        f"No {name} yet: {_QUESTIONS[name]}",
                        milestone=name,
                    )
                )
    return warnings


def _when(event: TimelineEvent) -> str:
    text = event.text if len(event.text) <= 40 else event.text[:39] + "…"
    return f"The event at {event.at:%H:%M} (“{text}”)"


def _gap(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 120:
        return f"{minutes} minutes"
    hours = minutes / 60
    if hours < 48:
        return f"{hours:.0f} hours"
    return f"{hours / 24:.0f} days"
