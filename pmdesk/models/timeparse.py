"""Reading the time a facilitator types for a timeline event, into UTC.

People type what they see on a clock: `14:22`, `14:22:05`, or a full ISO 8601
date-time. A bare time has no date, so it takes the incident's; when the
incident crosses midnight the date that puts the time inside (or nearest to)
the incident window wins. A time without an offset is wall-clock time in the
zone the user picked and is converted to UTC, and the offset used is reported
so the editor can show what it did. Free of Qt.

Zone names and the many full date-time forms are read by pmdesk.importers.times,
which the importers share, so a time typed and a time imported mean the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from pmdesk.errors import PmdeskError, ValidationError
from pmdesk.importers.times import clip, parse_time, zone


class TimeParseError(ValidationError):
    """A typed event time that cannot be read or placed on a date."""


#: HH:MM or HH:MM:SS, optionally followed by UTC or Z (which overrides the picked zone)
_BARE = re.compile(r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?(?:\s*(?P<utc>UTC|GMT|Z))?", re.I)
_DATE_START = re.compile(r"\d{4}-\d{2}-\d{2}")
#: the time at the start of a pasted line: a full date-time, or a bare time
_LINE_TIME = re.compile(
    r"\s*[\[(]?(?P<time>\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
    r"(?:\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?"
    r"|\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:UTC|GMT|Z)\b)?)[\])]?"
    r"(?P<rest>.*)",
    re.I,
)
#: what separates a pasted line's time from its text: "14:22 - text", "14:22: text", "14:22 | text"
_SEPARATOR = re.compile(r"^\s*(?:[-–—|:>]+\s*)?")


@dataclass(frozen=True)
class ParsedTime:
    """A typed time resolved to UTC, with the zone and offset that were applied."""

    at: datetime
    zone_name: str
    offset: timedelta
    #: the wall-clock time as typed, in that zone
    local: datetime

    @property
    def is_utc(self) -> bool:
        return self.offset == timedelta(0) and self.zone_name == "UTC"

    def describe(self) -> str:
        """E.g. '14:22 Europe/Berlin = 13:22 UTC (UTC+01:00)'."""
        if self.is_utc:
            return f"{_clock(self.at)} UTC"
        utc = f"{_clock(self.at)} UTC"
        if self.at.date() != self.local.date():
            utc += f" on {self.at:%Y-%m-%d}"
        return f"{_clock(self.local)} {self.zone_name} = {utc} ({format_offset(self.offset)})"


@dataclass(frozen=True)
class PastedLines:
    """Events read from pasted text: (UTC time, text) per line, and how many lines had no time."""

    events: list[tuple[datetime, str]]
    skipped: int


def format_offset(offset: timedelta) -> str:
    """UTC+01:00, UTC-04:30, UTC+00:00."""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{mins:02d}"


def parse_event_time(
    text: str,
    *,
    zone_name: str = "UTC",
    incident_date: date | None = None,
    started_at: datetime | None = None,
    ended_at: datetime | None = None,
) -> ParsedTime:
    """Read a typed event time; a bare time is placed on the incident's date (see module doc)."""
    raw = text.strip()
    if not raw:
        raise TimeParseError("type a time for the event, e.g. 14:22 or 2026-03-10T14:22")
    tz, name = _zone(zone_name)
    bare = _BARE.fullmatch(raw)
    if bare:
        if bare["utc"]:
            tz, name = UTC, "UTC"
        return _place_bare(raw, bare, tz, name, incident_date, started_at, ended_at)
    if not _DATE_START.match(raw):
        raise TimeParseError(
            f"{clip(raw)!r} is not a time: type e.g. 14:22, 14:22:05 or 2026-03-10T14:22"
        )
    try:
        at = parse_time(raw, tz, "event time")
    except PmdeskError as exc:
        raise TimeParseError(str(exc)) from None
    explicit = _explicit_offset(raw)
    if explicit is not None:
        offset, name = explicit, "UTC" if explicit == timedelta(0) else format_offset(explicit)
    else:
        offset = at.astimezone(tz).utcoffset() or timedelta(0)
    return ParsedTime(
        at=at, zone_name=name, offset=offset, local=(at + offset).replace(tzinfo=None)
    )


def parse_pasted_lines(
    text: str,
    *,
    zone_name: str = "UTC",
    incident_date: date | None = None,
    started_at: datetime | None = None,
    ended_at: datetime | None = None,
) -> PastedLines:
    """One event per line that starts with a time ('14:22 Alert fires'); other lines are counted."""
    events: list[tuple[datetime, str]] = []
    skipped = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        match = _LINE_TIME.match(line)
        rest = _SEPARATOR.sub("", match["rest"]).strip() if match else ""
        if not match or not rest:
            skipped += 1
            continue
        try:
            parsed = parse_event_time(
                match["time"],
                zone_name=zone_name,
                incident_date=incident_date,
                started_at=started_at,
                ended_at=ended_at,
            )
        except TimeParseError:
            skipped += 1
            continue
        events.append((parsed.at, rest))
    return PastedLines(events=events, skipped=skipped)


# --- internals -----------------------------------------------------------------------


def _zone(name: str) -> tuple[tzinfo, str]:
    try:
        tz = zone(name)
    except PmdeskError as exc:
        raise TimeParseError(str(exc)) from None
    return tz, ("UTC" if tz is UTC else name.strip())


def _place_bare(
    raw: str,
    bare: re.Match[str],
    tz: tzinfo,
    name: str,
    incident_date: date | None,
    started_at: datetime | None,
    ended_at: datetime | None,
) -> ParsedTime:
    hour, minute, second = int(bare["h"]), int(bare["m"]), int(bare["s"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise TimeParseError(f"{raw!r} is not a time of day (expected 00:00 to 23:59:59)")
    wall = time(hour, minute, second)
    if started_at is not None:
        # Try the day before, of and after the start (in the picked zone) and keep the
        # one that lands inside the incident window, or nearest to it.
        base = started_at.astimezone(tz).date()
        window = (started_at, ended_at or started_at)
        days = [base + timedelta(days=d) for d in (0, 1, -1)]
        day = min(days, key=lambda d: _distance(_to_utc(d, wall, tz), window))
    elif incident_date is not None:
        day = incident_date
    else:
        raise TimeParseError(
            "this postmortem has no incident date or start time yet: "
            "type a full date and time, e.g. 2026-03-10T14:22"
        )
    local = datetime.combine(day, wall)
    at = _to_utc(day, wall, tz)
    if at.astimezone(tz).replace(tzinfo=None) != local:
        raise TimeParseError(
            f"{wall:%H:%M} does not exist in {name} on {day.isoformat()} (the clocks went forward)"
        )
    offset = local.replace(tzinfo=tz).utcoffset() or timedelta(0)
    return ParsedTime(at=at, zone_name=name, offset=offset, local=local)


def _to_utc(day: date, wall: time, tz: tzinfo) -> datetime:
    return datetime.combine(day, wall).replace(tzinfo=tz).astimezone(UTC)


def _distance(at: datetime, window: tuple[datetime, datetime]) -> timedelta:
    start, end = window
    if at < start:
        return start - at
    if at > end:
        return at - end
    return timedelta(0)


def _explicit_offset(raw: str) -> timedelta | None:
    """The offset written in a full date-time, or None when it has none."""
    if re.search(r"(?:Z|UTC|GMT)\s*$", raw, re.I):
        return timedelta(0)
    match = re.search(r"T?\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*([+-])(\d{2}):?(\d{2})$", raw)
    if not match:
        return None
    sign = 1 if match[1] == "+" else -1
    return sign * timedelta(hours=int(match[2]), minutes=int(match[3]))


def _clock(at: datetime) -> str:
    return f"{at:%H:%M}" if at.second == 0 else f"{at:%H:%M:%S}"
