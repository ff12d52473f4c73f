"""What the linter flags, per category, and the hard cases it must leave alone."""

from __future__ import annotations

import pytest

from pmdesk.lint import lint


def warnings(text: str, people=()) -> list:
    return [f for f in lint(text, people) if f.is_warning]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("John deployed bad code on Friday.", "named-agent"),
        ("@kim forgot to renew the cert.", "named-agent"),
        ("he broke prod again", "named-agent"),
        ("Ana's change took down checkout.", "named-agent"),
        ("Bea wiped the staging bucket by mistake.", "named-agent"),
        ("We should have rolled back sooner.", "counterfactual"),
        ("They neglected to check the disk quota.", "counterfactual"),
        ("If only they had read the changelog.", "counterfactual"),
        ("The rollout plan was careless.", "judgmental"),
        ("That was a rookie mistake.", "judgmental"),
        ("Root cause: operator error.", "human-error-cause"),
        ("The port number was fat-fingered.", "human-error-cause"),
        ("Obviously the cache was stale.", "hindsight"),
        ("Any competent engineer would have seen the leak.", "hindsight"),
        ("The team didn't notice for an hour.", "group-blame"),
        ("QA missed the regression.", "group-blame"),
        ("This was preventable.", "preventable"),
        ("Whose fault was the cert expiry?", "preventable"),
        ("Someone needs to be held accountable.", "punitive"),
        ("The intern needs retraining.", "punitive"),
    ],
)
def test_flags_blame(text, category):
    found = warnings(text)
    assert category in {f.category for f in found}, found
    # a rewrite that keeps the facts, or a question to ask: never nothing
    assert all(f.suggestions or f.prompt.endswith("?") for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "The health check failed to detect the stale cache.",
        "The pipeline should have rejected the config.",
        "The alert should fire at 80% disk usage.",
        "14:24 Dana acknowledged the page.",
        "Kim rolled back the release.",
        "Thanks to Omar for the quick rollback.",
        "Error rate returned to baseline.",
        "The cause was not obvious from the dashboards.",
        "We no longer accept 'human error' as a root cause.",
        "The retry queue failed to apply backoff and hammered the recovering service.",
        "Replication broke when the primary rotated its binlog.",
        "Terraform deleted the transit gateway attachment instead of updating it.",
        "The SDK swallows the error and returns an empty list.",
    ],
)
def test_leaves_neutral_text_alone(text):
    assert warnings(text) == []


def test_known_people_are_recognised_even_when_lowercase_or_unusual():
    text = "dkim pushed the broken migration."
    assert warnings(text) == []
    assert {f.category for f in warnings(text, people=["dkim"])} == {"named-agent"}


def test_offsets_point_into_the_text():
    text = "All good so far. Priya deleted the prod zone instead of staging."
    (f,) = warnings(text)
    assert text[f.start : f.end] == "Priya deleted the prod zone instead of staging"
    assert f.suggestions == ["The prod zone was deleted instead of staging"]
