"""Prometheus Alertmanager webhook payloads: one, a JSON list of them, or JSON Lines.

Each alert becomes a "firing" event at its startsAt and, once resolved, a
"resolved" event at its endsAt. Alertmanager re-sends an alert with every
group notification, so an alert is known by its fingerprint (or its labels)
and each of its starts and ends is kept once.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from pmdesk.importers.errors import TimelineImportError
from pmdesk.importers.reading import check_event_count, decode_text, load_json
from pmdesk.importers.times import UTC, parse_time
from pmdesk.models import TimelineEvent

SOURCE = "alertmanager"
#: Go's zero time: Alertmanager's endsAt of an alert that has not ended
_ZERO_TIME_PREFIX = "0001-01-01"


def payloads(data: bytes, name: str = "file") -> list[dict[str, Any]]:
    """The webhook payloads in `data`, whichever of the three layouts it uses."""
    text = decode_text(data, name)
    if not text.strip():
        raise TimelineImportError(f"{name} is empty")
    found = load_json(text, name, lines_ok=True)
    items = found if isinstance(found, list) else [found]
    if not items or not all(is_payload(p) for p in items):
        raise TimelineImportError(
            f"{name} is not an Alertmanager webhook payload (no 'alerts' list found)"
        )
    check_event_count(sum(len(p["alerts"]) for p in items), name)
    return items


def is_payload(value: object) -> bool:
    return isinstance(value, dict) and isinstance(value.get("alerts"), list)


def read_alertmanager(data: bytes, tz: tzinfo = UTC, name: str = "file") -> list[TimelineEvent]:
    """Timeline events for every alert start and resolution in Alertmanager payloads."""
    events: dict[tuple[str, str, str], TimelineEvent] = {}
    for number, payload in enumerate(payloads(data, name), 1):
        for alert in payload["alerts"]:
            if not isinstance(alert, dict):
                raise TimelineImportError(
                    f"{name}: payload {number} holds an alert that is not an object"
                )
            identity = _identity(alert)
            title = _title(alert)
            starts = alert.get("startsAt")
            if starts:
                at = parse_time(starts, tz, f"{name}: startsAt of {title!r}")
                events.setdefault(
                    (identity, "firing", at.isoformat()),
                    TimelineEvent(at=at, text=f"Alert firing: {title}", source=SOURCE),
                )
            ends = alert.get("endsAt")
            resolved = alert.get("status") == "resolved"
            if resolved and isinstance(ends, str) and not ends.startswith(_ZERO_TIME_PREFIX):
                at = parse_time(ends, tz, f"{name}: endsAt of {title!r}")
                events.setdefault(
                    (identity, "resolved", at.isoformat()),
                    TimelineEvent(at=at, text=f"Alert resolved: {title}", source=SOURCE),
                )
    return sorted(events.values(), key=lambda e: e.at)


def _labels(alert: dict[str, Any]) -> dict[str, str]:
    labels = alert.get("labels")
    return {str(k): str(v) for k, v in labels.items()} if isinstance(labels, dict) else {}


def _identity(alert: dict[str, Any]) -> str:
    fingerprint = alert.get("fingerprint")
    if isinstance(fingerprint, str) and fingerprint:
        return fingerprint
    return repr(sorted(_labels(alert).items()))


def _title(alert: dict[str, Any]) -> str:
    annotations = alert.get("annotations")
    if isinstance(annotations, dict):
        summary = annotations.get("summary")
        if isinstance(summary, str) and summary.strip():
            return " ".join(summary.split())
    name = _labels(alert).get("alertname", "").strip()
    return name or "unnamed alert"
