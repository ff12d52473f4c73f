"""Sentences in shapes the shared corpus does not use: other names, roles, tenses, clefts.

A handful per category from the held-out set's kind (tests/data/lint_heldout.jsonl is measured
whole by benchmarks/lint_quality.py); these guard the linguistic patterns the rules encode.
"""

from __future__ import annotations

import pytest

from pmdesk.lint import lint


def warnings(text: str) -> list:
    return [f for f in lint(text) if f.is_warning]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Oluwaseun dropped the orders table while cleaning up staging.", "named-agent"),
        ("@nguyen.van.an misrouted the pager, so the alert went nowhere.", "named-agent"),
        ("Mei-Ling accidentally ran the purge job against production.", "named-agent"),
        ("Thanks to Dmitri's bad merge, the API returned 500s all afternoon.", "named-agent"),
        ("The outage happened because Joaquín restarted the primary at noon.", "named-agent"),
        ("He was supposed to rotate the credentials last quarter.", "counterfactual"),
        ("Had anyone looked at the dashboard, the disk would never have filled.", "counterfactual"),
        ("The responder could easily have checked the status page first.", "counterfactual"),
        ("Mateus did not follow the checklist for the schema change.", "counterfactual"),
        ("Hardcoding the password was a terrible call.", "judgmental"),
        ("Her approach to capacity planning has been careless for months.", "judgmental"),
        ("It was a simple typo by an engineer, nothing more.", "human-error-cause"),
        ("It all boiled down to one engineer's slip during the cutover.", "human-error-cause"),
        ("Pilot error, basically: the wrong cluster was picked.", "human-error-cause"),
        ("The mistake was glaringly obvious.", "hindsight"),
        ("A quick grep would have revealed the hardcoded hostname.", "hindsight"),
        ("They merely had to read the error message.", "hindsight"),
        ("Ops let the disk fill up again.", "group-blame"),
        ("None of the reviewers caught the hardcoded credential.", "group-blame"),
        ("Someone silenced the alert and never told anyone.", "group-blame"),
        ("Whose mistake was it?", "preventable"),
        ("This entire outage could have been avoided.", "preventable"),
        ("It's on the DBA; it was her responsibility.", "preventable"),
        ("There need to be repercussions for this.", "punitive"),
        ("Revoke her production access until further notice.", "punitive"),
        ("We need to hold the on-call accountable.", "punitive"),
    ],
)
def test_flags_blame_in_new_shapes(text, category):
    found = warnings(text)
    assert category in {f.category for f in found}, found
    assert all(f.suggestions for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "Jenkins failed the build because the test image was missing.",
        "At 02:30 Amara deleted the stuck pods so the controller would recreate them.",
        "Jonas restarted the broker, which triggered a partition rebalance.",
        "@lena-k started the incident timeline in the shared doc.",
        "Because of Haruto's alert tuning, we caught it within two minutes.",
        "We removed avoidable round-trips from the login path.",
        "Clearly labelled dashboards helped the responders orient quickly.",
        "Our template has no field for who is to blame, on purpose.",
        "Nobody here is going to be fired over an incident.",
        "The storage driver is to blame for the corrupted snapshots, per the vendor.",
        "No one on the call knew the cache had a second tier, because it wasn't documented.",
        "Engineers are expected to be on call one week in six.",
        "Mark the incident as resolved once the queue drains.",
        "The key rotation failed to reach two regions.",
    ],
)
def test_leaves_hard_neutral_sentences_alone(text):
    assert warnings(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The change was pushed with a cavalier attitude toward testing.",
            "The change was pushed with an attitude toward testing.",
        ),
        (
            "They merely had to read the error message.",
            "What would have made it easier to read the error message?",
        ),
        (
            "A keyboard slip by the DBA dropped the wrong partition.",
            "A keyboard slip that nothing caught dropped the wrong partition.",
        ),
        (
            "@ingrid.h let the TLS certificate on the payments gateway expire.",
            "The TLS certificate on the payments gateway expired.",
        ),
    ],
)
def test_first_suggestion_reads_as_english_and_keeps_the_facts(text, expected):
    found = warnings(text)
    f = max(found, key=lambda f: f.end - f.start)
    assert text[: f.start] + f.suggestions[0] + text[f.end :] == expected
