from datetime import UTC, datetime

import pytest

from pmdesk.models import NotFound, Postmortem, TimelineEvent


def test_timeline_keys_are_the_utc_time_and_text_of_each_event(fresh_db):
    pm = fresh_db.create(Postmortem(title="Checkout outage"))
    fresh_db.add_events(
        pm.id,
        [
            TimelineEvent(
                at="2026-03-10T14:11:00+01:00", text="Alert fires", source="alertmanager"
            ),
            TimelineEvent(at="2026-03-10T14:13:00Z", text="Page acknowledged"),
        ],
    )
    assert fresh_db.timeline_keys(pm.id) == {
        (datetime(2026, 3, 10, 13, 11, tzinfo=UTC), "Alert fires"),
        (datetime(2026, 3, 10, 14, 13, tzinfo=UTC), "Page acknowledged"),
    }


def test_timeline_keys_of_another_postmortem_are_separate(fresh_db):
    one = fresh_db.create(Postmortem(title="One"))
    two = fresh_db.create(Postmortem(title="Two"))
    fresh_db.add_event(one.id, TimelineEvent(at="2026-03-10T14:11:00Z", text="x"))
    assert fresh_db.timeline_keys(two.id) == set()


def test_timeline_keys_of_a_missing_postmortem_is_not_found(fresh_db):
    with pytest.raises(NotFound):
        fresh_db.timeline_keys(999)
