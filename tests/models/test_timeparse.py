from datetime import UTC, date, datetime, timedelta

import pytest

from pmdesk.errors import PmdeskError
from pmdesk.models.timeparse import (
    TimeParseError,
    format_offset,
    parse_event_time,
    parse_pasted_lines,
)

DAY = date(2026, 3, 10)
START = datetime(2026, 3, 10, 14, 5, tzinfo=UTC)
END = datetime(2026, 3, 10, 14, 52, tzinfo=UTC)
# an incident that crosses midnight UTC
NIGHT_START = datetime(2026, 3, 10, 23, 30, tzinfo=UTC)
NIGHT_END = datetime(2026, 3, 11, 0, 40, tzinfo=UTC)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_a_bare_time_takes_the_incident_date():
    parsed = parse_event_time("14:22", incident_date=DAY)
    assert parsed.at == utc(2026, 3, 10, 14, 22)
    assert parsed.describe() == "14:22 UTC"


def test_seconds_are_kept():
    parsed = parse_event_time("14:22:05", started_at=START, ended_at=END)
    assert parsed.at == utc(2026, 3, 10, 14, 22, 5)
    assert parsed.describe() == "14:22:05 UTC"


def test_a_single_digit_hour_is_read():
    assert parse_event_time("9:05", incident_date=DAY).at == utc(2026, 3, 10, 9, 5)


def test_after_midnight_lands_on_the_next_day_of_an_incident_that_crosses_it():
    parsed = parse_event_time(
        "00:10", incident_date=DAY, started_at=NIGHT_START, ended_at=NIGHT_END
    )
    assert parsed.at == utc(2026, 3, 11, 0, 10)


def test_before_midnight_stays_on_the_first_day_of_such_an_incident():
    parsed = parse_event_time("23:45", started_at=NIGHT_START, ended_at=NIGHT_END)
    assert parsed.at == utc(2026, 3, 10, 23, 45)


def test_a_time_outside_the_window_takes_the_nearest_date():
    # 01:30 is 50 minutes after the end on the 11th, but 22 hours before the start on the 10th
    parsed = parse_event_time("01:30", started_at=NIGHT_START, ended_at=NIGHT_END)
    assert parsed.at == utc(2026, 3, 11, 1, 30)
    # a follow-up an hour after a daytime incident stays on its day
    assert parse_event_time("15:30", started_at=START, ended_at=END).at == utc(2026, 3, 10, 15, 30)


def test_a_local_time_is_converted_to_utc_and_the_offset_reported():
    parsed = parse_event_time("14:22", zone_name="Europe/Berlin", incident_date=DAY)
    assert parsed.at == utc(2026, 3, 10, 13, 22)
    assert parsed.offset == timedelta(hours=1)
    assert parsed.describe() == "14:22 Europe/Berlin = 13:22 UTC (UTC+01:00)"


def test_summer_time_gives_the_summer_offset():
    parsed = parse_event_time("09:00", zone_name="America/New_York", incident_date=date(2026, 7, 1))
    assert parsed.at == utc(2026, 7, 1, 13, 0)
    assert parsed.describe() == "09:00 America/New_York = 13:00 UTC (UTC-04:00)"


def test_a_local_time_whose_utc_date_differs_says_so():
    parsed = parse_event_time("00:30", zone_name="Europe/Berlin", incident_date=DAY)
    assert parsed.at == utc(2026, 3, 9, 23, 30)
    assert "23:30 UTC on 2026-03-09" in parsed.describe()


def test_local_times_pick_the_date_inside_the_window_in_that_zone():
    # 23:30-00:40 UTC is 00:30-01:40 in Berlin, all on the 11th there
    parsed = parse_event_time(
        "01:00", zone_name="Europe/Berlin", started_at=NIGHT_START, ended_at=NIGHT_END
    )
    assert parsed.at == utc(2026, 3, 11, 0, 0)


def test_a_utc_suffix_overrides_the_picked_zone():
    parsed = parse_event_time("14:22 UTC", zone_name="Europe/Berlin", incident_date=DAY)
    assert parsed.at == utc(2026, 3, 10, 14, 22)


def test_a_time_in_the_spring_forward_gap_is_refused():
    with pytest.raises(TimeParseError, match="does not exist in Europe/Berlin"):
        parse_event_time("02:30", zone_name="Europe/Berlin", incident_date=date(2026, 3, 29))


@pytest.mark.parametrize(
    ("typed", "expected", "described"),
    [
        ("2026-03-10T14:22:00Z", utc(2026, 3, 10, 14, 22), "14:22 UTC"),
        ("2026-03-10 14:22", utc(2026, 3, 10, 14, 22), "14:22 UTC"),
        (
            "2026-03-10T14:22:00+01:00",
            utc(2026, 3, 10, 13, 22),
            "14:22 UTC+01:00 = 13:22 UTC (UTC+01:00)",
        ),
        ("2026-03-11T01:00:00-05:00", utc(2026, 3, 11, 6, 0), None),
    ],
)
def test_a_full_iso_date_time_means_what_it_says(typed, expected, described):
    parsed = parse_event_time(typed, zone_name="UTC", incident_date=DAY)
    assert parsed.at == expected
    if described:
        assert parsed.describe() == described


def test_a_full_date_time_without_offset_is_in_the_picked_zone():
    parsed = parse_event_time("2026-03-10T14:22", zone_name="Europe/Berlin")
    assert parsed.at == utc(2026, 3, 10, 13, 22)
    assert parsed.describe() == "14:22 Europe/Berlin = 13:22 UTC (UTC+01:00)"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "type a time"),
        ("soon", "is not a time"),
        ("25:00", "not a time of day"),
        ("14:61", "not a time of day"),
        ("2026-13-40T10:00", "not a date and time"),
    ],
)
def test_bad_input_is_one_clear_error(typed, message):
    with pytest.raises(TimeParseError, match=message) as info:
        parse_event_time(typed, incident_date=DAY)
    assert isinstance(info.value, PmdeskError)
    assert "\n" not in str(info.value)


def test_a_bare_time_without_any_incident_date_asks_for_a_full_one():
    with pytest.raises(TimeParseError, match="no incident date"):
        parse_event_time("14:22")


def test_an_unknown_zone_is_a_clear_error():
    with pytest.raises(TimeParseError, match="unknown time zone"):
        parse_event_time("14:22", zone_name="Mars/Olympus", incident_date=DAY)


def test_format_offset():
    assert format_offset(timedelta(hours=5, minutes=30)) == "UTC+05:30"
    assert format_offset(timedelta(hours=-3, minutes=-30)) == "UTC-03:30"
    assert format_offset(timedelta(0)) == "UTC+00:00"


def test_pasted_lines_become_events_and_lines_without_a_time_are_counted():
    text = """
14:22 Alert fires: payment error rate > 5%
14:25 - On-call acknowledges
[14:31] Rollback started
Notes from the bridge call follow
14:40:30: error rate falling
2026-03-10T14:52:00Z | resolved

just words
"""
    pasted = parse_pasted_lines(text, incident_date=DAY)
    assert pasted.events == [
        (utc(2026, 3, 10, 14, 22), "Alert fires: payment error rate > 5%"),
        (utc(2026, 3, 10, 14, 25), "On-call acknowledges"),
        (utc(2026, 3, 10, 14, 31), "Rollback started"),
        (utc(2026, 3, 10, 14, 40, 30), "error rate falling"),
        (utc(2026, 3, 10, 14, 52), "resolved"),
    ]
    assert pasted.skipped == 2


def test_pasted_lines_use_the_zone_and_the_incident_window():
    text = "23:50 deploy starts\n00:20 alert fires\n"
    pasted = parse_pasted_lines(text, zone_name="UTC", started_at=NIGHT_START, ended_at=NIGHT_END)
    assert [at for at, _ in pasted.events] == [utc(2026, 3, 10, 23, 50), utc(2026, 3, 11, 0, 20)]
    berlin = parse_pasted_lines("15:00 alert", zone_name="Europe/Berlin", incident_date=DAY)
    assert berlin.events == [(utc(2026, 3, 10, 14, 0), "alert")]


def test_a_line_with_a_time_but_no_text_or_an_impossible_time_is_skipped():
    pasted = parse_pasted_lines("14:22\n99:99 nonsense\n14:23 ok", incident_date=DAY)
    assert pasted.events == [(utc(2026, 3, 10, 14, 23), "ok")]
    assert pasted.skipped == 2
