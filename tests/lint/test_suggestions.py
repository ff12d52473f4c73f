"""Rewrites: a local edit that keeps every fact and removes only the blame, or none at all.

Where no such edit exists the finding carries a reframing question (`prompt`) to show beside
the sentence, and nothing replaces the author's words.
"""

from __future__ import annotations

import re

import pytest

from pmdesk.lint import lint


def warnings(text: str) -> list:
    return [f for f in lint(text) if f.is_warning]


def applied(text: str) -> str:
    """The text with the first suggestion of its first warning applied (what Ctrl+. does)."""
    (f,) = warnings(text)
    assert f.suggestions, f
    return text[: f.start] + f.suggestions[0] + text[f.end :]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "14:05 Tomasz deleted the production DNS zone instead of the staging one.",
            "14:05 The production DNS zone was deleted instead of the staging one.",
        ),
        ("@kim pushed the config that took down auth.", "The config that took down auth was pushed."),
        ("Amara forgot to rotate the signing key before it expired.",
         "The signing key was not rotated before it expired."),
        ("They ought to have drained the node before upgrading the kernel.",
         "The node was not drained before upgrading the kernel."),
        ("This ought to have been spotted in review.", "This was not spotted in review."),
        ("It shouldn't have gone out on a Friday.", "It went out on a Friday."),
        ("It was Leo's migration that locked the orders table at 09:40.",
         "It was the migration that locked the orders table at 09:40."),
        ("Obviously, the cache was stale for 12 minutes.", "The cache was stale for 12 minutes."),
        ("It was a careless change to the retry logic.", "It was a change to the retry logic."),
        ("Omar should have drained the node first.", "The node was not drained first."),
        ("I should have double-checked the region before applying.",
         "The region was not double-checked before applying."),
    ],
)  # fmt: skip
def test_first_suggestion_is_a_local_edit_that_keeps_the_facts(text, expected):
    fixed = applied(text)
    assert fixed == expected
    assert warnings(fixed) == []
    # times, numbers and negations of the original are all still there
    for fact in re.findall(r"\d[\d:.%]*|\bnot\b|\bno\b", text):
        assert fact in fixed


@pytest.mark.parametrize(
    "text",
    [
        "Dana should have known better.",
        "How hard is it to read the runbook?",
        "Root cause: human error.",
        "The engineer responsible will be held accountable.",
        "That was the wrong decision.",
        "She deleted the production bucket thinking it was the test one.",
        "Obviously you never run a migration without a backup.",
        "The alert should have been acknowledged within five minutes, not forty.",
        "Such a thoughtless change to the auth middleware.",
        "This should have been caught by the person doing the release.",
        # without its judgement word it reads as advice (a ninth reader found it)
        "That was a boneheaded query to run on the primary at peak.",
    ],
)
def test_without_a_fact_keeping_edit_there_is_a_question_and_no_replacement(text):
    (f,) = warnings(text)
    assert f.suggestions == []
    assert f.prompt.endswith("?")


def test_no_rewrite_leaves_should_have_behind():
    # applying the rewrite of the first clause would leave "should have tested it" standing
    for f in warnings("John deployed bad code and should have tested it."):
        for suggestion in f.suggestions:
            assert "should have" not in suggestion


def test_deleting_a_hindsight_word_that_would_flip_the_claim_is_not_offered():
    assert warnings("Nothing was obviously wrong in the dashboards at 14:02.") == []


def test_a_rewrite_never_drops_a_first_act_that_shares_its_subject():
    text = "John deployed bad code and should have caught it in review."
    for f in warnings(text):
        for suggestion in f.suggestions:
            fixed = text[: f.start] + suggestion + text[f.end :]
            assert "deployed bad code" in fixed


def test_a_passive_rewrite_inside_an_inverted_had_keeps_its_grammar():
    """'Had the operator isolated the main' becomes 'Had the main been isolated', never 'Had the
    main was isolated' (an eighth reader found that one)."""
    text = "Had the operator isolated the affected main promptly, the contamination would not have spread."
    edits = [
        text[: f.start] + f.suggestions[0] + text[f.end :]
        for f in lint(text)
        if f.suggestions and f.rule.startswith("named-agent")
    ]
    assert edits == [
        "Had the affected main been isolated promptly, the contamination would not have spread."
    ]
