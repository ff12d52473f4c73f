"""The overdue list, its filters, the weekly review, marking done and the deploy gate."""

from datetime import date, timedelta

import pytest

from pmdesk.errors import ValidationError
from pmdesk.models import ActionStatus
from pmdesk.models.followup import (
    NO_OWNER,
    action_rows,
    gate_blockers,
    mark_done,
    overdue_actions,
    reopen,
    weekly_review,
)

from .conftest import TODAY


def actions_of(rows):
    return [r.item.action for r in rows]


def test_overdue_list_is_most_overdue_first_and_skips_the_example(followup_store):
    rows = overdue_actions(followup_store.actions(), TODAY)
    assert [(r.item.action, r.days_overdue) for r in rows] == [
        ("Automate the rollback", 10),
        ("Dashboards for pool use", 2),
        ("Update the runbook", 1),
    ]
    # The example's open items were due in 2026-03/04 but belong to no real postmortem.
    assert all(not r.record.postmortem_title.startswith("EXAMPLE") for r in rows)


def test_due_today_is_not_overdue_tomorrow_it_is(followup_store):
    tomorrow = overdue_actions(followup_store.actions(), TODAY + timedelta(days=1))
    assert ("Alert on index age", 1) in [(r.item.action, r.days_overdue) for r in tomorrow]
    assert "Capacity review" not in actions_of(tomorrow)  # no due date: never overdue


def test_filters_by_owner_ignoring_case_and_by_priority(followup_store):
    records = followup_store.actions()
    assert actions_of(overdue_actions(records, TODAY, owner="DANA OKAFOR")) == [
        "Automate the rollback",
        "Update the runbook",
    ]
    assert actions_of(overdue_actions(records, TODAY, priority="medium")) == [
        "Dashboards for pool use"
    ]
    assert actions_of(action_rows(records, TODAY, priority="High")) == [
        "Automate the rollback",
        "Canary for config",
        "Alert on index age",
        "Capacity review",
    ]
    with pytest.raises(ValidationError, match="unknown priority"):
        action_rows(records, TODAY, priority="urgent")


def test_json_shape(followup_store):
    row = overdue_actions(followup_store.actions(), TODAY)[0]
    data = row.to_dict()
    assert {k: data[k] for k in ("action", "owner", "priority", "due_date", "status")} == {
        "action": "Automate the rollback",
        "owner": "Dana Okafor",
        "priority": "high",
        "due_date": "2026-03-10",
        "status": "open",
    }
    assert data["days_overdue"] == 10
    assert data["postmortem_title"] == "Checkout 502s after deploy"
    assert isinstance(data["postmortem_id"], int)


def test_gate_blocks_exactly_while_a_high_item_is_overdue(followup_store):
    blockers = gate_blockers(followup_store.actions(), TODAY)
    assert actions_of(blockers) == ["Automate the rollback"]
    assert len(gate_blockers(followup_store.actions(), TODAY, "medium")) == 2
    assert len(gate_blockers(followup_store.actions(), TODAY, "low")) == 3
    # The day before the rollback item was due, nothing high was overdue.
    assert gate_blockers(followup_store.actions(), date(2026, 3, 10)) == []
    mark_done(followup_store, blockers[0].item.id, TODAY)
    assert gate_blockers(followup_store.actions(), TODAY) == []
    # Tomorrow the "Alert on index age" item (due today) starts blocking.
    tomorrow = gate_blockers(followup_store.actions(), TODAY + timedelta(days=1))
    assert actions_of(tomorrow) == ["Alert on index age"]


def test_mark_done_records_the_date_and_reopen_clears_it(followup_store):
    row = overdue_actions(followup_store.actions(), TODAY)[0]
    mark_done(followup_store, row.item.id, TODAY)
    stored = followup_store.get_action(row.item.id)
    assert stored.status is ActionStatus.DONE and stored.completed_on == TODAY
    mark_done(followup_store, row.item.id, TODAY + timedelta(days=3))  # already done: kept
    assert followup_store.get_action(row.item.id).completed_on == TODAY
    reopen(followup_store, row.item.id)
    stored = followup_store.get_action(row.item.id)
    assert stored.status is ActionStatus.OPEN and stored.completed_on is None


def test_weekly_review_groups_open_items_by_owner(followup_store):
    review = weekly_review(followup_store.actions(), TODAY)
    groups = {owner: actions_of(rows) for owner, rows in review.by_owner.items()}
    assert groups == {
        "Dana Okafor": ["Automate the rollback", "Update the runbook"],
        "Luis Ferreira": ["Dashboards for pool use"],
        "Priya Raman": ["Alert on index age"],
        NO_OWNER: ["Capacity review"],
    }
    # A week ago (Fri 13) none of these was overdue yet; the rollback item already was.
    assert actions_of(review.newly_overdue) == ["Dashboards for pool use", "Update the runbook"]
    assert review.done_this_week == []  # the canary item was done on 27 Feb


def test_nothing_to_review_without_action_items(fresh_db):
    assert overdue_actions(fresh_db.actions(), TODAY) == []
    review = weekly_review(fresh_db.actions(), TODAY)
    assert review.by_owner == {} and review.newly_overdue == []
    assert gate_blockers(fresh_db.actions(), TODAY) == []
