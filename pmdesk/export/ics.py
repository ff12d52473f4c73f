"""The meeting and the day-14 / day-30 follow-ups of one postmortem as an iCalendar file (RFC 5545).

The meeting is a timed event at its UTC time when one is set (an hour long),
otherwise an all-day event on the planned meeting day; the follow-ups are
all-day events on their business days. UIDs are stable per postmortem and
event, so importing the file again updates the events instead of doubling them.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, timedelta
from pathlib import Path

from pmdesk.files import write_atomically
from pmdesk.models.postmortem import Postmortem
from pmdesk.models.schedule import postmortem_schedule

PRODID = "-//pmdesk//pmdesk follow-through//EN"
MEETING_LENGTH = timedelta(hours=1)
MAX_LINE_OCTETS = 75


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets, never inside a UTF-8 character."""
    out: list[str] = []
    current = ""
    size = 0
    limit = MAX_LINE_OCTETS
    for char in line:
        n = len(char.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            # A continuation line starts with one space, which counts towards its 75.
            current, size, limit = char, n, MAX_LINE_OCTETS - 1
        else:
            current += char
            size += n
    out.append(current)
    return "\r\n ".join(out)


def _utc(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ")


def _day(day: date) -> str:
    return day.strftime("%Y%m%d")


def _actions_text(pm: Postmortem) -> str:
    lines = []
    for item in pm.action_items:
        due = f", due {item.due_date.isoformat()}" if item.due_date else ""
        owner = item.owner or "no owner"
        lines.append(f"- [{item.status.label}] {item.action} ({owner}, {item.priority.label}{due})")
    return "\n".join(lines) if lines else "No action items yet."


def _event(uid: str, stamp: datetime, summary: str, description: str, when: list[str]) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{_utc(stamp)}",
        *when,
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(description)}",
        "TRANSP:OPAQUE" if when[0].startswith("DTSTART:") else "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _all_day(day: date) -> list[str]:
    return [f"DTSTART;VALUE=DATE:{_day(day)}", f"DTEND;VALUE=DATE:{_day(day + timedelta(days=1))}"]


def postmortem_calendar(
    pm: Postmortem, now: datetime, today: date, holidays: Collection[date] = ()
) -> str:
    """The .ics text (CRLF line endings) for the meeting and follow-ups of `pm`."""
    schedule = postmortem_schedule(pm, today, holidays)
    ident = pm.id if pm.id is not None else "new"
    uid = f"pmdesk-postmortem-{ident}-{{}}@pmdesk.invalid"
    actions = _actions_text(pm)
    if pm.meeting_at is not None:
        when = [f"DTSTART:{_utc(pm.meeting_at)}", f"DTEND:{_utc(pm.meeting_at + MEETING_LENGTH)}"]
    else:
        when = _all_day(schedule.step("meeting").due)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    lines += _event(
        uid.format("meeting"),
        now,
        f"Postmortem review: {pm.title}",
        f"Blameless postmortem review of the {pm.severity.value} incident of "
        f"{pm.incident_date.isoformat()}.\nThe draft is shared a day before.\n\n"  # type: ignore[union-attr]
        f"Action items:\n{actions}",
        when,
    )
    for key, check in (
        ("followup14", "check that every action item is in progress"),
        ("followup30", "check that every action item is done"),
    ):
        step = schedule.step(key)
        lines += _event(
            uid.format(key),
            now,
            f"Day {step.last_day} follow-up: {pm.title}",
            f"Postmortem follow-up: {check}.\n\nAction items:\n{actions}",
            _all_day(step.due),
        )
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def save_calendar(text: str, path: Path) -> None:
    """Write the calendar, bytes as given (CRLF kept), whole or not at all."""
    write_atomically(path, text.encode("utf-8"))
