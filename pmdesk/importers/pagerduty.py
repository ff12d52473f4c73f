"""PagerDuty incident log entries, as the REST API v2 returns them (`log_entries`).

The entries that tell the story of the response become events: the trigger,
acknowledgements, notes (with their text), escalations, reassignments and the
resolution. Notifications ("paged Dana by SMS") repeat the escalations and
would drown the timeline, so they are left out, as are other bookkeeping entries.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from pmdesk.importers.errors import TimelineImportError
from pmdesk.importers.reading import check_event_count, decode_text, load_json
from pmdesk.importers.times import UTC, parse_time
from pmdesk.models import TimelineEvent

SOURCE = "pagerduty"

#: entry type -> how its event reads when the entry has no usable summary
_KEPT = {
    "trigger_log_entry": "Incident triggered",
    "acknowledge_log_entry": "Incident acknowledged",
    "unacknowledge_log_entry": "Acknowledgement timed out",
    "annotate_log_entry": "Note added",
    "escalate_log_entry": "Incident escalated",
    "assign_log_entry": "Incident reassigned",
    "delegate_log_entry": "Incident delegated",
    "exhaust_escalation_path_log_entry": "Escalation policy exhausted",
    "priority_change_log_entry": "Priority changed",
    "urgency_change_log_entry": "Urgency changed",
    "resolve_log_entry": "Incident resolved",
}


def log_entries(data: bytes, name: str = "file") -> list[dict[str, Any]]:
    """The `log_entries` list of an API response (or a bare list of entries)."""
    found = load_json(decode_text(data, name), name)
    entries = found.get("log_entries") if isinstance(found, dict) else found
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("type"), str) for e in entries
    ):
        raise TimelineImportError(
            f"{name} is not a PagerDuty log_entries response (expected a 'log_entries' list)"
        )
    check_event_count(len(entries), name)
    return entries


def read_pagerduty(data: bytes, tz: tzinfo = UTC, name: str = "file") -> list[TimelineEvent]:
    """Timeline events for the response steps in a PagerDuty incident log."""
    events: dict[str, TimelineEvent] = {}
    for number, entry in enumerate(log_entries(data, name), 1):
        kind = entry["type"].removesuffix("_reference")
        if kind not in _KEPT:
            continue
        at = parse_time(entry.get("created_at"), tz, f"{name}: created_at of entry {number}")
        text = _text(entry, kind)
        key = str(entry.get("id") or f"{at.isoformat()} {text}")
        events.setdefault(key, TimelineEvent(at=at, text=text, source=SOURCE))
    return sorted(events.values(), key=lambda e: e.at)


def _text(entry: dict[str, Any], kind: str) -> str:
    summary = _clean(entry.get("summary")) or _KEPT[kind]
    if kind == "trigger_log_entry":
        # "Triggered through the API." says how, not what: name the problem.
        what = _clean(_get(entry, "event_details", "description")) or _clean(
            _get(entry, "incident", "summary")
        )
        return f"Incident triggered: {what}" if what else summary
    if kind != "annotate_log_entry":
        return summary
    note = _note(entry)
    who = _clean(_get(entry, "agent", "summary"))
    if not note:
        return summary
    return f"Note from {who}: {note}" if who else f"Note: {note}"


def _note(entry: dict[str, Any]) -> str:
    """A note's text: the API has carried it in several channel fields over the years."""
    channel = entry.get("channel")
    if isinstance(channel, dict):
        for field in ("content", "notes", "summary"):
            text = _clean(channel.get(field))
            if text:
                return text
    return _clean(entry.get("note"))


def _get(value: Any, *keys: str) -> Any:
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _clean(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""
