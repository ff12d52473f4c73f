"""Action items that change a person or nothing get a flag and a system-focused rewrite."""

from datetime import date

import pytest

from pmdesk.meeting import check_action_item
from pmdesk.models import load_example

DUE = date(2026, 4, 1)


def kinds(action: str) -> list[str]:
    return [f.kind for f in check_action_item(action, "Dana Okafor", DUE)]


@pytest.mark.parametrize(
    "action",
    [
        "Retrain John",
        "Retrain John on the deploy tool",
        "Remind the team to rotate the keys",
        "Remind the team",
        "Coach the on-call engineers on failover",
        "Dana needs retraining on the failover runbook",
        "Send @kim to a training on Terraform",
    ],
)
def test_actions_aimed_at_a_person(action):
    assert kinds(action) == ["targets-person"]


@pytest.mark.parametrize(
    "action",
    [
        "Be more careful",
        "Be more careful with config changes",
        "double-check the pool size before deploying",
        "Pay more attention to the dashboards",
        "Make sure to update the runbook",
        "Follow the change process more closely",
        "Communicate better during incidents",
        "Try harder next time",
    ],
)
def test_actions_that_cannot_be_done_or_checked(action):
    assert kinds(action) == ["not-actionable"]


@pytest.mark.parametrize(
    "action",
    [
        "Add an alert on connection-pool saturation above 80%",
        "Add a CI job that double-checks the pool size",
        "Train the anomaly model on last year's traffic",
        "Ask the vendor to raise the rate limit",
        "Automate the certificate rotation and alert 14 days before expiry",
    ],
)
def test_actions_that_change_a_system_pass(action):
    assert kinds(action) == []


def test_the_example_action_items_pass():
    for item in load_example().action_items:
        assert check_action_item(item.action, item.owner, item.due_date) == [], item.action


def test_rewrites_change_a_system_and_keep_what_was_meant():
    [retrain] = check_action_item("Retrain John on the deploy tool", "Sam", DUE)
    assert retrain.suggestions[0].startswith("Change the deploy tool so that the safe way")
    [remind] = check_action_item("Remind the team to rotate the keys", "Sam", DUE)
    assert remind.suggestions[0] == (
        "Make “rotate the keys” automatic, or add an alert when it has not been done"
    )
    [watch] = check_action_item("Pay more attention to the dashboards.", "Sam", DUE)
    assert watch.suggestions[0] == "Add an alert on the dashboards, so nobody has to watch for it"
    for finding in (retrain, remind, watch):
        assert finding.field == "action" and finding.suggestions
        for text in finding.suggestions:  # a rewrite is never flagged itself
            assert kinds(text) == [], text


def test_missing_owner_or_due_date_is_incomplete():
    found = check_action_item("Add an alert on queue depth", "  ", None)
    assert [(f.kind, f.field) for f in found] == [
        ("incomplete", "owner"),
        ("incomplete", "due_date"),
    ]
    assert all(not f.suggestions for f in found)


def test_one_flag_per_phrase():
    # "remind ... to double-check" is one problem, said once.
    assert kinds("Remind the team to double-check the config") == ["targets-person"]
