"""Reading the many ways sources write a time, into UTC.

A time with an offset (or a Z, or epoch seconds) means what it says; a time
without one is wall-clock time in the zone the user picked.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pmdesk.importers.errors import TimelineImportError

#: times before this are surely misread (a day number taken for epoch seconds, say)
_EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
_LATEST = datetime(2200, 1, 1, tzinfo=UTC)

_UTC_SUFFIX = re.compile(r"\s*(?:UTC|GMT|Z)$", re.IGNORECASE)
_FRACTION = re.compile(r"(\d{2}:\d{2}:\d{2})[.,](\d+)")
_NUMBER = re.compile(r"\d{9,10}(?:\.\d+)?|\d{12,13}")


def zone(name: str | None) -> tzinfo:
    """The IANA zone called `name` (UTC when empty)."""
    if not name or name.strip().upper() in ("UTC", "Z"):
        return UTC
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise TimelineImportError(
            f"unknown time zone {name!r}: use an IANA name such as Europe/Berlin or America/New_York"
        ) from None


def from_epoch(value: float | str, what: str = "time") -> datetime:
    """A UTC time from Unix epoch seconds (Slack's ts) or milliseconds."""
    try:
        seconds = float(value)
        if seconds > 1e11:  # milliseconds
            seconds /= 1000
        at = datetime.fromtimestamp(seconds, UTC)
    except (ValueError, OverflowError, OSError, TypeError):
        raise TimelineImportError(f"{what} {value!r} is not a time") from None
    return _checked(at, value, what)


def parse_time(value: object, tz: tzinfo = UTC, what: str = "time") -> datetime:
    """A UTC datetime from ISO 8601, 'YYYY-MM-DD HH:MM[:SS]', RFC 2822 or epoch seconds."""
    if isinstance(value, bool) or value is None:
        raise TimelineImportError(f"{what} is missing")
    if isinstance(value, int | float):
        return from_epoch(value, what)
    if not isinstance(value, str):
        raise TimelineImportError(f"{what} must be text, not {type(value).__name__}")
    text = value.strip()
    if not text:
        raise TimelineImportError(f"{what} is empty")
    if _NUMBER.fullmatch(text):
        return from_epoch(text, what)
    at = _iso(text) or _rfc2822(text)
    if at is None:
        raise TimelineImportError(
            f"{what} {clip(text)!r} is not a date and time pmdesk can read "
            "(use e.g. 2026-03-10T14:22:00Z or 2026-03-10 14:22)"
        )
    if at.tzinfo is None:
        at = at.replace(tzinfo=tz)
    return _checked(at.astimezone(UTC).replace(microsecond=0), value, what)


def _iso(text: str) -> datetime | None:
    utc = bool(_UTC_SUFFIX.search(text))
    text = _UTC_SUFFIX.sub("", text) if utc else text
    # fromisoformat in 3.11 takes 3 or 6 fraction digits only; Go writes 9.
    text = _FRACTION.sub(lambda m: f"{m[1]}.{(m[2] + '000000')[:6]}", text)
    if "T" not in text and len(text) > 10 and text[10] == " ":
        text = text[:10] + "T" + text[11:].strip()
    if len(text) <= 10:
        return None  # a date alone is not a time
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        return None
    return at.replace(tzinfo=UTC) if utc and at.tzinfo is None else at


def _rfc2822(text: str) -> datetime | None:
    if not re.match(r"[A-Za-z]{3},? ", text) and not re.match(r"\d{1,2} [A-Za-z]{3} ", text):
        return None
    # imported here: email.utils brings socket and the email package (~2-5 ms), and the
    # window reads times (the timeline's) before its first paint, never in this form
    from email.utils import parsedate_to_datetime

    try:
        at = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return at


def _checked(at: datetime, raw: object, what: str) -> datetime:
    if not _EARLIEST <= at < _LATEST:
        raise TimelineImportError(f"{what} {clip(str(raw))!r} is not a plausible incident time")
    return at.replace(microsecond=0)


def clip(text: str, length: int = 40) -> str:
    """At most `length` characters of `text`, for quoting it in a one-line message."""
    return text if len(text) <= length else text[: length - 1] + "…"
