"""Times: offsets honoured, wall-clock times read in the chosen zone, stored in UTC."""

from datetime import UTC, datetime

import pytest

from pmdesk.importers import TimelineImportError, read_timeline, zone
from pmdesk.importers.times import parse_time

BERLIN = zone("Europe/Berlin")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-10T14:22:00Z", utc(2026, 3, 10, 14, 22)),
        ("2026-03-10T14:22:00+05:30", utc(2026, 3, 10, 8, 52)),
        ("2026-03-10T14:22:00.123456789-04:00", utc(2026, 3, 10, 18, 22)),
        ("Tue, 10 Mar 2026 14:22:00 +0000", utc(2026, 3, 10, 14, 22)),
        ("2026-03-10 14:22 UTC", utc(2026, 3, 10, 14, 22)),
        ("1773152520", utc(2026, 3, 10, 14, 22)),
        ("1773152520.250", utc(2026, 3, 10, 14, 22)),
        ("1773152520000", utc(2026, 3, 10, 14, 22)),
    ],
)
def test_times_with_an_offset_ignore_the_chosen_zone(text, expected):
    assert parse_time(text, BERLIN) == expected


def test_wall_clock_times_are_read_in_the_chosen_zone():
    assert parse_time("2026-03-10 14:22", BERLIN) == utc(2026, 3, 10, 13, 22)  # CET
    assert parse_time("2026-07-10 14:22:05", BERLIN) == utc(2026, 7, 10, 12, 22, 5)  # CEST
    assert parse_time("2026-03-10 14:22", zone("America/New_York")) == utc(2026, 3, 10, 18, 22)
    assert parse_time("2026-03-10 14:22") == utc(2026, 3, 10, 14, 22)


def test_the_zone_applies_to_a_whole_file(data_dir):
    in_utc = read_timeline(data_dir / "deploys_berlin.csv")
    in_berlin = read_timeline(data_dir / "deploys_berlin.csv", tz="Europe/Berlin")
    assert in_berlin.zone == "Europe/Berlin" and in_utc.zone == "UTC"
    assert [e.at.hour for e in in_utc.events] == [14, 15, 15, 16]
    assert [e.at.hour for e in in_berlin.events] == [13, 14, 14, 15]


@pytest.mark.parametrize("bad", ["Mars/Olympus", "../../etc/passwd", "Europe/"])
def test_an_unknown_zone_is_one_clear_error(bad):
    with pytest.raises(TimelineImportError, match="unknown time zone .*IANA"):
        zone(bad)


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "yesterday",
        "10/03/2026 14:22",
        "2026-03-10",
        "0001-01-01T00:00:00Z",
        "99999999999999999999",
    ],
)
def test_unreadable_times_are_refused(bad):
    with pytest.raises(TimelineImportError):
        parse_time(bad)
