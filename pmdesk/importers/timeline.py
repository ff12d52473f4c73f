"""Reading a timeline file of any supported format: see the package's docstring."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path

from pmdesk.importers.alertmanager import read_alertmanager
from pmdesk.importers.csv_table import read_csv
from pmdesk.importers.detect import FORMATS, detect_format
from pmdesk.importers.errors import TimelineImportError
from pmdesk.importers.json_list import read_json_list
from pmdesk.importers.pagerduty import read_pagerduty
from pmdesk.importers.reading import read_file
from pmdesk.importers.slack import read_slack
from pmdesk.importers.times import zone
from pmdesk.models import TimelineEvent


@dataclass(frozen=True)
class ImportedTimeline:
    """The events read from one file, with the format and zone used to read them."""

    format: str
    zone: str
    events: list[TimelineEvent]


_READERS = {
    "alertmanager": read_alertmanager,
    "pagerduty": read_pagerduty,
    "json": read_json_list,
}


def read_timeline(
    path: str | Path,
    fmt: str | None = None,
    tz: str | None = "UTC",
    *,
    time_column: str | int | None = None,
    text_column: str | int | None = None,
) -> ImportedTimeline:
    """Read the events in `path` (a file, or a Slack export folder), times in UTC."""
    path = Path(path)
    if fmt is not None and fmt not in FORMATS:
        raise TimelineImportError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    zone_info: tzinfo = zone(tz)
    zone_name = str(zone_info) if tz else "UTC"
    if os.path.isdir(path):  # False, not an error, for a name too long to exist
        if fmt not in (None, "slack"):
            raise TimelineImportError(f"{path.name} is a folder; only a Slack export can be one")
        events = read_slack(path, zone_info, path.name or str(path))
        return ImportedTimeline("slack", zone_name, events)
    data = read_file(path)
    fmt = fmt or detect_format(path, data)
    if fmt == "slack":
        events = read_slack(data, zone_info, path.name)
    elif fmt == "csv":
        events = read_csv(
            data, zone_info, path.name, time_column=time_column, text_column=text_column
        )
    else:
        events = _READERS[fmt](data, zone_info, path.name)
    return ImportedTimeline(fmt, zone_name, events)
