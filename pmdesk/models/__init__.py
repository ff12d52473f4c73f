"""The postmortem, its parts, and the Store that keeps them. Free of Qt."""

from pathlib import Path

from pmdesk.errors import PmdeskError, ValidationError
from pmdesk.models.checked import FileState
from pmdesk.models.example import load_example
from pmdesk.models.postmortem import (
    ActionItem,
    ActionStatus,
    ContributingFactor,
    Postmortem,
    Priority,
    Severity,
    Status,
    TimelineEvent,
    format_utc,
    parse_date,
    parse_utc,
)
from pmdesk.models.store import ActionRecord, NotFound, PostmortemSummary, Store
from pmdesk.models.store_health import (
    AlteredStore,
    DamagedStore,
    NewerStore,
    NotAPmdeskStore,
    StoreError,
    inspect_file,
)

__all__ = [
    "ActionItem",
    "ActionRecord",
    "ActionStatus",
    "AlteredStore",
    "ContributingFactor",
    "DamagedStore",
    "NewerStore",
    "NotAPmdeskStore",
    "NotFound",
    "PmdeskError",
    "Postmortem",
    "PostmortemSummary",
    "Priority",
    "Severity",
    "Status",
    "Store",
    "StoreError",
    "TimelineEvent",
    "ValidationError",
    "check_store",
    "format_utc",
    "load_example",
    "open_store",
    "parse_date",
    "parse_utc",
]


def check_store(path) -> FileState | None:  # noqa: ANN001 - str or PathLike
    """Make sure the file at `path` may be opened for writing, as opening it would (StoreError
    when not), without opening it: SQLite's integrity check and a scan of every value, skipped
    for a file unchanged since it passed them. Reads only, through a connection of its own, so
    it may run in any thread; pass what it returns to `open_store` as `checked`."""
    return inspect_file(Path(path).expanduser())


def open_store(path, *, checked: FileState | None = None) -> Store:  # noqa: ANN001
    """Open (or create) the store at `path`; a brand-new store gets the example postmortem.

    `checked`: what `check_store` returned for it (the check is not repeated if the file is
    as it was then)."""
    store = Store(path, checked=checked)
    try:
        store.seed_example_once(load_example())
    except BaseException:
        store.close()
        raise
    return store
