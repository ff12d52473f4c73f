"""The postmortem as dataclasses: the currency between the store, the exporters and the UI.

Values are checked and normalised when a dataclass is made, so every object in
circulation is valid: strings become enums, dates and UTC datetimes, and
anything that cannot raises ValidationError with a readable message.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any, Self, TypeVar

from pmdesk.errors import ValidationError


class Status(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    COMPLETE = "complete"

    @property
    def label(self) -> str:
        return {"draft": "Draft", "in_review": "In review", "complete": "Complete"}[self.value]


class Severity(StrEnum):
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"

    @property
    def label(self) -> str:
        return self.value


class Priority(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def rank(self) -> int:
        """3 for high, 1 for low: compare with >= to mean 'this priority or higher'."""
        return {"high": 3, "medium": 2, "low": 1}[self.value]


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"

    @property
    def label(self) -> str:
        return {"open": "Open", "in_progress": "In progress", "done": "Done"}[self.value]


# --- value parsing -------------------------------------------------------------------

E = TypeVar("E", bound=StrEnum)
R = TypeVar("R")


def parse_enum(enum: type[E], value: object, what: str) -> E:
    """`value` as a member of `enum`, accepting labels and any letter case."""
    if isinstance(value, enum):
        return value
    if isinstance(value, str):
        wanted = value.strip().casefold().replace(" ", "_").replace("-", "_")
        for member in enum:
            if wanted in (member.value.casefold(), member.name.casefold()):
                return member
    choices = ", ".join(m.value for m in enum)
    raise ValidationError(f"unknown {what} {value!r}: expected one of {choices}")


def parse_date(value: object, what: str = "date") -> date | None:
    """A calendar date from a `date` or an ISO `YYYY-MM-DD` string; empty means none."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValidationError(f"{what} {value!r} is not a date (expected YYYY-MM-DD)")


def parse_utc(value: object, what: str = "time") -> datetime | None:
    """A UTC datetime (whole seconds) from a datetime or an ISO 8601 string.

    A value without an offset is taken to be UTC already, as every time in a
    postmortem is; a value with an offset is converted.
    """
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        if text.endswith(("z", "Z")):
            text = text[:-1] + "+00:00"
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            raise ValidationError(
                f"{what} {value!r} is not a date and time (expected e.g. 2026-03-10T14:22:00Z)"
            ) from None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).replace(microsecond=0)
    raise ValidationError(f"{what} {value!r} is not a date and time")


def format_utc(value: datetime | None) -> str:
    """ISO 8601 with a Z, as stored and exported: 2026-03-10T14:22:00Z."""
    return "" if value is None else value.strftime("%Y-%m-%dT%H:%M:%SZ")


def _text(value: object, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(f"{what} must be text, not {type(value).__name__}")
    return value


# --- the records ---------------------------------------------------------------------


@dataclass
class TimelineEvent:
    """One thing that happened, at a UTC time, and where we learned of it."""

    at: datetime
    text: str
    source: str = "manual"
    id: int | None = None

    def __post_init__(self) -> None:
        at = parse_utc(self.at, "event time")
        if at is None:
            raise ValidationError("a timeline event needs a time")
        self.at = at
        self.text = _text(self.text, "event text")
        self.source = _text(self.source, "event source") or "manual"


@dataclass
class ContributingFactor:
    """One line of the contributing-factors checklist."""

    text: str
    checked: bool = False
    id: int | None = None

    def __post_init__(self) -> None:
        self.text = _text(self.text, "contributing factor")
        self.checked = bool(self.checked)


@dataclass
class ActionItem:
    """A follow-up that changes the system, with an owner and a date."""

    action: str
    owner: str = ""
    priority: Priority = Priority.MEDIUM
    due_date: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    completed_on: date | None = None
    tracker_url: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        self.action = _text(self.action, "action")
        self.owner = _text(self.owner, "owner")
        self.priority = parse_enum(Priority, self.priority, "priority")
        self.due_date = parse_date(self.due_date, "due date")
        self.status = parse_enum(ActionStatus, self.status, "action status")
        self.completed_on = parse_date(self.completed_on, "completion date")
        self.tracker_url = _text(self.tracker_url, "tracker link").strip()
        if self.status is not ActionStatus.DONE and self.completed_on is not None:
            raise ValidationError("an action item that is not done cannot have a completion date")

    @property
    def is_open(self) -> bool:
        return self.status is not ActionStatus.DONE

    def days_overdue(self, today: date) -> int:
        """Whole days past the due date while open; 0 when not overdue."""
        if not self.is_open or self.due_date is None:
            return 0
        return max(0, (today - self.due_date).days)

    def is_overdue(self, today: date) -> bool:
        return self.days_overdue(today) > 0


@dataclass
class Postmortem:
    """Everything the postmortem template holds, for one incident."""

    title: str
    incident_date: date | None = None
    authors: list[str] = field(default_factory=list)
    status: Status = Status.DRAFT
    severity: Severity = Severity.P2
    started_at: datetime | None = None
    ended_at: datetime | None = None
    user_impact: str = ""
    revenue_impact: str = ""
    timeline: list[TimelineEvent] = field(default_factory=list)
    what_happened: str = ""
    why_it_happened: str = ""
    why_not_caught: str = ""
    whys: list[str] = field(default_factory=list)
    root_cause: str = ""
    root_cause_category: str = ""
    contributing_factors: list[ContributingFactor] = field(default_factory=list)
    went_well: str = ""
    could_improve: str = ""
    action_items: list[ActionItem] = field(default_factory=list)
    meeting_notes: str = ""
    draft_shared_at: datetime | None = None
    meeting_at: datetime | None = None
    is_example: bool = False
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        self.title = _text(self.title, "title")
        self.incident_date = parse_date(self.incident_date, "incident date")
        self.authors = parse_authors(self.authors)
        self.status = parse_enum(Status, self.status, "status")
        self.severity = parse_enum(Severity, self.severity, "severity")
        self.started_at = parse_utc(self.started_at, "incident start")
        self.ended_at = parse_utc(self.ended_at, "incident end")
        check_window(self.started_at, self.ended_at)
        for name in SCALAR_TEXT_FIELDS:
            setattr(self, name, _text(getattr(self, name), name.replace("_", " ")))
        self.timeline = [_record(TimelineEvent, e) for e in self.timeline]
        self.whys = [_text(w, "Five Whys answer") for w in self.whys]
        self.contributing_factors = [
            _record(ContributingFactor, f) for f in self.contributing_factors
        ]
        self.action_items = [_record(ActionItem, a) for a in self.action_items]
        self.draft_shared_at = parse_utc(self.draft_shared_at, "draft shared time")
        self.meeting_at = parse_utc(self.meeting_at, "meeting time")
        self.is_example = bool(self.is_example)
        self.created_at = parse_utc(self.created_at, "creation time")
        self.updated_at = parse_utc(self.updated_at, "update time")

    @property
    def duration_minutes(self) -> int | None:
        """Whole minutes from start to end of the incident, when both are known."""
        if self.started_at is None or self.ended_at is None:
            return None
        return int((self.ended_at - self.started_at) / timedelta(minutes=1))

    def people(self) -> list[str]:
        """Names known to be persons in this document: authors and action owners."""
        seen: dict[str, None] = {}
        for name in [*self.authors, *(a.owner for a in self.action_items)]:
            name = name.strip()
            if name:
                seen.setdefault(name, None)
        return list(seen)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values: ISO dates, UTC times with Z, enum values."""
        return _plain(self)

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """The inverse of to_dict; unknown keys are an error, missing ones take defaults."""
        if not isinstance(data, dict):
            raise ValidationError("a postmortem must be a JSON object")
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known - {"duration_minutes"})
        if unknown:
            raise ValidationError(f"unknown postmortem field {unknown[0]!r}")
        values = {k: v for k, v in data.items() if k in known}
        if "title" not in values:
            raise ValidationError("a postmortem needs a title")
        return cls(**values)


#: free-text fields of Postmortem held directly on it (not lists, not dates)
SCALAR_TEXT_FIELDS = (
    "user_impact",
    "revenue_impact",
    "what_happened",
    "why_it_happened",
    "why_not_caught",
    "root_cause",
    "root_cause_category",
    "went_well",
    "could_improve",
    "meeting_notes",
)


def normalise_category(text: str) -> str:
    """The form in which two root-cause categories are the same one (recurrences)."""
    return " ".join(text.split()).casefold()


def check_window(started_at: datetime | None, ended_at: datetime | None) -> None:
    """Raise when the incident would end before it starts."""
    if started_at is not None and ended_at is not None and ended_at < started_at:
        raise ValidationError(
            f"the incident cannot end ({format_utc(ended_at)}) before it starts "
            f"({format_utc(started_at)})"
        )


def parse_authors(value: object) -> list[str]:
    """Names from a list, or from one comma-separated string."""
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list | tuple):
        raise ValidationError("authors must be a list of names")
    return [_text(a, "author").strip() for a in value if _text(a, "author").strip()]


def _record(cls: type[R], value: object) -> R:
    if isinstance(value, cls):
        return value
    if isinstance(value, dict):
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        unknown = sorted(set(value) - names)
        if unknown:
            raise ValidationError(f"unknown field {unknown[0]!r} in {cls.__name__}")
        return cls(**value)
    raise ValidationError(f"expected {cls.__name__}, got {type(value).__name__}")


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, Postmortem):
            out["duration_minutes"] = value.duration_minutes
        return out
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime):
        return format_utc(value)
    if isinstance(value, date):
        return value.isoformat()
    return value
