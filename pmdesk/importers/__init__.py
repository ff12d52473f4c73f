"""Timeline sources: CSV, Alertmanager, PagerDuty, Slack exports and plain JSON. Free of Qt.

`read_timeline(path)` finds the format (or takes `fmt`), reads the file within
fixed memory limits and returns UTC events; `plan_import` and `apply_import`
merge them into a postmortem without duplicates. Everything a bad file can go
wrong with ends in one TimelineImportError with a one-line message.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pmdesk.lazy import lazy_exports

if TYPE_CHECKING:
    from pmdesk.importers.alertmanager import read_alertmanager
    from pmdesk.importers.csv_table import CsvLayout, csv_layout, read_csv
    from pmdesk.importers.detect import FORMATS, detect_format
    from pmdesk.importers.errors import CsvColumnsUnclear, TimelineImportError
    from pmdesk.importers.json_list import read_json_list
    from pmdesk.importers.pagerduty import read_pagerduty
    from pmdesk.importers.reading import MAX_FILE_BYTES, MAX_UNPACKED_BYTES
    from pmdesk.importers.slack import read_slack
    from pmdesk.importers.timeline import ImportedTimeline, read_timeline
    from pmdesk.importers.timeline_import import (
        Candidate,
        ImportPlan,
        ImportResult,
        apply_import,
        plan_import,
    )
    from pmdesk.importers.times import zone

__all__ = [
    "FORMATS",
    "MAX_FILE_BYTES",
    "MAX_UNPACKED_BYTES",
    "Candidate",
    "CsvColumnsUnclear",
    "CsvLayout",
    "ImportPlan",
    "ImportResult",
    "ImportedTimeline",
    "TimelineImportError",
    "apply_import",
    "csv_layout",
    "detect_format",
    "plan_import",
    "read_alertmanager",
    "read_csv",
    "read_json_list",
    "read_pagerduty",
    "read_slack",
    "read_timeline",
    "zone",
]

# Imported when first used: the window (whose time zones come from .times) paints without
# loading every reader (~13 ms of its start-up, benchmarks/scale.py).
_WHERE = {
    "FORMATS": "pmdesk.importers.detect",
    "MAX_FILE_BYTES": "pmdesk.importers.reading",
    "MAX_UNPACKED_BYTES": "pmdesk.importers.reading",
    "Candidate": "pmdesk.importers.timeline_import",
    "CsvColumnsUnclear": "pmdesk.importers.errors",
    "CsvLayout": "pmdesk.importers.csv_table",
    "ImportPlan": "pmdesk.importers.timeline_import",
    "ImportResult": "pmdesk.importers.timeline_import",
    "ImportedTimeline": "pmdesk.importers.timeline",
    "TimelineImportError": "pmdesk.importers.errors",
    "apply_import": "pmdesk.importers.timeline_import",
    "csv_layout": "pmdesk.importers.csv_table",
    "detect_format": "pmdesk.importers.detect",
    "plan_import": "pmdesk.importers.timeline_import",
    "read_alertmanager": "pmdesk.importers.alertmanager",
    "read_csv": "pmdesk.importers.csv_table",
    "read_json_list": "pmdesk.importers.json_list",
    "read_pagerduty": "pmdesk.importers.pagerduty",
    "read_slack": "pmdesk.importers.slack",
    "read_timeline": "pmdesk.importers.timeline",
    "zone": "pmdesk.importers.times",
}


__getattr__ = lazy_exports(__name__, _WHERE)
