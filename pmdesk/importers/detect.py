"""Which importer a file needs, told from its contents rather than its name."""

from __future__ import annotations

import re
from pathlib import Path

from pmdesk.importers.alertmanager import is_payload
from pmdesk.importers.csv_table import csv_layout
from pmdesk.importers.errors import TimelineImportError
from pmdesk.importers.json_list import is_event_list
from pmdesk.importers.reading import decode_text, load_json

FORMATS = ("csv", "alertmanager", "pagerduty", "slack", "json")

#: a key near the start that settles the format without parsing the whole file
_TELLTALES = (
    (re.compile(r'"log_entries"\s*:'), "pagerduty"),
    (re.compile(r'"alerts"\s*:\s*\['), "alertmanager"),
    (re.compile(r'"ts"\s*:\s*"\d+\.\d+"'), "slack"),
)
_HEAD = 4096


def detect_format(path: Path, data: bytes | None) -> str:
    """One of FORMATS for a file's bytes (`data`), or for a folder when `data` is None."""
    if data is None:
        return "slack"
    if data[:2] == b"PK":
        return "slack"
    name = path.name
    text = decode_text(data, name)
    start = text.lstrip()[:1]
    if start in ("{", "["):
        head = text[:_HEAD]
        for pattern, fmt in _TELLTALES:
            if pattern.search(head):
                return fmt
        return _json_format(load_json(text, name, lines_ok=True), name)
    if not start:
        raise TimelineImportError(f"{name} is empty")
    layout = csv_layout(text, name)
    if len(layout.columns) >= 2 and layout.time_column is not None:
        return "csv"
    raise TimelineImportError(
        f"{name} is in a format pmdesk does not know: expected CSV with a time column, an "
        "Alertmanager or PagerDuty JSON export, a Slack export or a JSON list of {time, text}"
    )


def _json_format(value: object, name: str) -> str:
    if isinstance(value, dict):
        if "log_entries" in value:
            return "pagerduty"
        if is_payload(value):
            return "alertmanager"
    if isinstance(value, list):
        if value and all(is_payload(v) for v in value):
            return "alertmanager"
        if is_event_list(value):
            return "json"
        if all(isinstance(v, dict) and "ts" in v for v in value):
            return "slack"
    raise TimelineImportError(
        f"{name} is JSON pmdesk does not know: expected an Alertmanager webhook payload, a "
        "PagerDuty log_entries response, Slack messages or a list of {time, text} objects"
    )
