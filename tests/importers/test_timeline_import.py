"""Merging into a postmortem: one chronological UTC timeline, duplicates skipped, window marked."""

from datetime import UTC, datetime

import pytest

from pmdesk.importers import apply_import, plan_import, read_timeline
from pmdesk.models import Postmortem, TimelineEvent


@pytest.fixture
def incident(fresh_db):
    return fresh_db.create(
        Postmortem(
            title="Checkout errors",
            started_at="2026-03-10T14:05:00Z",
            ended_at="2026-03-10T14:52:00Z",
            timeline=[TimelineEvent(at="2026-03-10T14:13:41Z", text="Acknowledged by Dana Reyes.")],
        )
    )


def test_four_sources_one_after_another_give_one_clean_timeline(fresh_db, incident, data_dir):
    sources = [
        ("alertmanager_history.jsonl", "UTC"),
        ("pagerduty_log_entries.json", "UTC"),
        ("deploys_berlin.csv", "Europe/Berlin"),
        ("slack_export", "UTC"),
    ]
    total_read = 0
    for name, tz in sources:
        found = read_timeline(data_dir / name, tz=tz)
        total_read += len(found.events)
        apply_import(fresh_db, incident.id, found.events)
    timeline = fresh_db.get(incident.id).timeline
    times = [e.at for e in timeline]
    keys = [(e.at, e.text) for e in timeline]
    assert times == sorted(times)
    assert all(t.tzinfo == UTC for t in times)
    assert len(keys) == len(set(keys))
    # the hand-typed acknowledgement was already there: the PagerDuty one is skipped
    assert len(timeline) == total_read
    assert {e.source for e in timeline} == {
        "manual",
        "alertmanager",
        "pagerduty",
        "deploy log",
        "slack",
    }
    assert timeline[0].text.startswith("Config change: payment-gateway pool size")
    assert timeline[0].at == datetime(2026, 3, 10, 13, 58, 12, tzinfo=UTC)

    # importing it all again adds nothing
    for name, tz in sources:
        result = apply_import(fresh_db, incident.id, read_timeline(data_dir / name, tz=tz).events)
        assert result.added == []
    assert len(fresh_db.get(incident.id).timeline) == len(timeline)


def test_plan_marks_duplicates_and_events_outside_the_window(fresh_db, incident, data_dir):
    events = read_timeline(data_dir / "deploys_berlin.csv", tz="Europe/Berlin").events
    events.append(TimelineEvent(at="2026-03-10T14:13:41Z", text="  Acknowledged by Dana Reyes."))
    plan = plan_import(fresh_db, incident.id, events)
    flags = [(c.event.at.strftime("%H:%M"), c.duplicate, c.outside_window) for c in plan.candidates]
    assert flags == [
        ("13:58", False, True),
        ("14:13", True, False),
        ("14:31", False, False),
        ("14:38", False, False),
        ("15:10", False, True),
    ]
    assert plan.duplicates == 1 and plan.outside_window == 2 and len(plan.new_events) == 4
    assert len(fresh_db.get(incident.id).timeline) == 1  # planning writes nothing


def test_the_same_event_twice_in_one_file_is_added_once(fresh_db, incident):
    twice = [TimelineEvent(at="2026-03-10T14:20:00Z", text="Rollback", source="csv")] * 2
    result = apply_import(fresh_db, incident.id, twice)
    assert len(result.added) == 1 and result.skipped == 1


def test_same_text_at_another_time_is_not_a_duplicate(fresh_db, incident):
    result = apply_import(
        fresh_db,
        incident.id,
        [TimelineEvent(at="2026-03-10T14:14:41Z", text="Acknowledged by Dana Reyes.")],
    )
    assert len(result.added) == 1


def test_without_a_window_nothing_is_outside(fresh_db):
    pm = fresh_db.create(Postmortem(title="No window yet"))
    plan = plan_import(fresh_db, pm.id, [TimelineEvent(at="2020-01-01T00:00:00Z", text="x")])
    assert not plan.candidates[0].outside_window
