"""A plain JSON list of {"time": ..., "text": ...} objects, the simplest thing a script writes."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from pmdesk.importers.errors import TimelineImportError
from pmdesk.importers.reading import check_event_count, decode_text, load_json
from pmdesk.importers.times import UTC, parse_time
from pmdesk.models import TimelineEvent

SOURCE = "json"
_TIME_KEYS = ("time", "at", "timestamp")


def is_event_list(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(v, dict) and "text" in v and any(k in v for k in _TIME_KEYS) for v in value
    )


def read_json_list(data: bytes, tz: tzinfo = UTC, name: str = "file") -> list[TimelineEvent]:
    """Timeline events from a list of {time, text[, source]} objects ("at" works for "time")."""
    found = load_json(decode_text(data, name), name)
    if not isinstance(found, list):
        raise TimelineImportError(f"{name} is not a JSON list of {{time, text}} objects")
    check_event_count(len(found), name)
    events = []
    for number, item in enumerate(found, 1):
        if not isinstance(item, dict):
            raise TimelineImportError(f"{name}: item {number} is not an object")
        when = next((item[k] for k in _TIME_KEYS if k in item), None)
        text = item.get("text")
        if not isinstance(text, str):
            raise TimelineImportError(f"{name}: item {number} has no text")
        source = item.get("source")
        source = source.strip() if isinstance(source, str) and source.strip() else SOURCE
        at = parse_time(when, tz, f"{name}: time of item {number}")
        events.append(TimelineEvent(at=at, text=" ".join(text.split()), source=source))
    events.sort(key=lambda e: e.at)
    return events
