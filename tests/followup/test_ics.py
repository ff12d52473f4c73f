"""The calendar file: RFC 5545 framing checked by hand, content read back by the icalendar library."""

from datetime import UTC, date, datetime

import icalendar

from pmdesk.export.ics import escape_text, fold, postmortem_calendar, save_calendar
from pmdesk.models import ActionItem, Postmortem

NOW = datetime(2026, 3, 6, 9, 30, tzinfo=UTC)
TITLE = "Checkout, payments; the C:\\ drive — Zahlungsausfall über 47 Minuten 決済 (long title)"


def calendar(**fields) -> str:
    pm = Postmortem(
        TITLE,
        incident_date="2026-03-06",  # a Friday: day 14 = Thu 26 Mar, day 30 = Fri 17 Apr
        id=7,
        action_items=[
            ActionItem("Split the pool key, per environment", "Luis", "high", "2026-03-20")
        ],
        **fields,
    )
    return postmortem_calendar(pm, NOW, date(2026, 3, 6))


def test_lines_are_crlf_and_at_most_75_octets():
    text = calendar()
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in lines)
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert any(line.startswith(" ") for line in lines)  # the long summary was folded
    text.encode("utf-8").decode("utf-8")  # no character was cut in half by folding


def test_fold_never_splits_a_character():
    line = "SUMMARY:" + "決" * 60
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


def test_escaping():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_parses_back_with_the_events_calendar_apps_need():
    cal = icalendar.Calendar.from_ical(calendar(meeting_at="2026-03-13T15:00:00Z"))
    events = list(cal.walk("VEVENT"))
    assert [str(e["UID"]) for e in events] == [
        "pmdesk-postmortem-7-meeting@pmdesk.invalid",
        "pmdesk-postmortem-7-followup14@pmdesk.invalid",
        "pmdesk-postmortem-7-followup30@pmdesk.invalid",
    ]
    meeting, day14, day30 = events
    assert str(meeting["SUMMARY"]) == f"Postmortem review: {TITLE}"
    assert meeting.decoded("DTSTART") == datetime(2026, 3, 13, 15, 0, tzinfo=UTC)
    assert meeting.decoded("DTEND") == datetime(2026, 3, 13, 16, 0, tzinfo=UTC)
    assert day14.decoded("DTSTART") == date(2026, 3, 26)
    assert day30.decoded("DTSTART") == date(2026, 4, 17)
    assert str(day30["SUMMARY"]) == f"Day 30 follow-up: {TITLE}"
    assert "Split the pool key, per environment (Luis, High, due 2026-03-20)" in str(
        day14["DESCRIPTION"]
    )
    assert all(e.decoded("DTSTAMP") == NOW for e in events)


def test_without_a_meeting_time_the_planned_day_is_an_all_day_event():
    cal = icalendar.Calendar.from_ical(calendar())
    meeting = next(iter(cal.walk("VEVENT")))
    assert meeting.decoded("DTSTART") == date(2026, 3, 13)  # day 5 after Friday 6 March


def test_save_keeps_crlf(tmp_path):
    path = tmp_path / "pm.ics"
    save_calendar(calendar(), path)
    assert path.read_bytes().count(b"\r\n") == calendar().count("\r\n")
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind
