from datetime import UTC, date, datetime

import pytest

from pmdesk.models import (
    ActionItem,
    ActionStatus,
    Postmortem,
    Priority,
    Severity,
    Status,
    TimelineEvent,
    ValidationError,
)


def test_strings_become_typed_values():
    pm = Postmortem(
        title="Cache stampede",
        incident_date="2026-02-01",
        severity="p1",
        status="In review",
        started_at="2026-02-01T10:00:00+02:00",
        ended_at="2026-02-01T09:30:00Z",
    )
    assert pm.severity is Severity.P1
    assert pm.status is Status.IN_REVIEW
    assert pm.incident_date == date(2026, 2, 1)
    assert pm.started_at == datetime(2026, 2, 1, 8, 0, tzinfo=UTC)
    assert pm.duration_minutes == 90


def test_duration_unknown_without_both_ends():
    assert Postmortem(title="x", started_at="2026-02-01T10:00:00Z").duration_minutes is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"severity": "P7"}, "unknown severity 'P7'"),
        ({"status": "closed"}, "unknown status 'closed'"),
        ({"incident_date": "31/02/2026"}, "is not a date"),
        ({"incident_date": "2026-02-30"}, "is not a date"),
        ({"started_at": "yesterday"}, "is not a date and time"),
        (
            {"started_at": "2026-02-01T10:00:00Z", "ended_at": "2026-02-01T09:00:00Z"},
            "cannot end",
        ),
        ({"authors": 42}, "authors must be a list"),
    ],
)
def test_bad_values_raise_one_readable_error(fields, message):
    with pytest.raises(ValidationError, match=message):
        Postmortem(title="x", **fields)


def test_action_item_rules():
    item = ActionItem("Add an alert", priority="HIGH", due_date="2026-03-01")
    assert item.priority is Priority.HIGH and item.status is ActionStatus.OPEN
    assert item.days_overdue(date(2026, 3, 4)) == 3
    assert item.days_overdue(date(2026, 2, 20)) == 0
    done = ActionItem("x", status="done", completed_on="2026-03-02", due_date="2026-03-01")
    assert done.days_overdue(date(2026, 4, 1)) == 0
    with pytest.raises(ValidationError, match="not done cannot have a completion date"):
        ActionItem("x", status="open", completed_on="2026-03-02")
    with pytest.raises(ValidationError, match="unknown priority"):
        ActionItem("x", priority="urgent")


def test_event_needs_a_time():
    with pytest.raises(ValidationError, match="needs a time"):
        TimelineEvent(at=None, text="x")


def test_dict_round_trip_keeps_every_field(example):
    again = Postmortem.from_dict(example.to_dict())
    assert again == example
    assert example.to_dict()["duration_minutes"] == 47


def test_from_dict_rejects_unknown_fields():
    with pytest.raises(ValidationError, match="unknown postmortem field 'colour'"):
        Postmortem.from_dict({"title": "x", "colour": "red"})
    with pytest.raises(ValidationError, match="unknown field 'due'"):
        Postmortem.from_dict({"title": "x", "action_items": [{"action": "a", "due": "soon"}]})


def test_people_are_authors_then_owners_once_each(example):
    people = example.people()
    assert people[:2] == ["Dana Okafor", "Luis Ferreira"]
    assert "Priya Raman" in people and len(people) == len(set(people))
