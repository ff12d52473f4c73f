"""The postmortem, its parts, and the Store that keeps them. Free of Qt."""

from pmdesk.errors import PmdeskError, ValidationError
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
    "format_utc",
    "load_example",
    "open_store",
    "parse_date",
    "parse_utc",
]


def open_store(path) -> Store:  # noqa: ANN001 - str or PathLike
    """Open (or create) the store at `path`; a brand-new store gets the example postmortem."""
    store = Store(path)
    try:
        store.seed_example_once(load_example())
    except BaseException:
        store.close()
        raise
    return store
