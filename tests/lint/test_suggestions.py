"""Rewrites: each warning has one, and applying it leaves clean text that keeps the facts."""

from __future__ import annotations

import pytest

from pmdesk.lint import lint


def apply_first(text: str) -> str:
    """Apply the first suggestion of the widest warning until none is left (at most 5)."""
    for _ in range(5):
        found = [f for f in lint(text) if f.is_warning]
        if not found:
            break
        f = max(found, key=lambda f: f.end - f.start)
        text = text[: f.start] + f.suggestions[0] + text[f.end :]
    return text


@pytest.mark.parametrize(
    ("text", "facts", "gone"),
    [
        (
            "Priya deleted the production DNS zone instead of the staging one.",
            ["DNS zone"],
            "Priya",
        ),
        ("Hiroshi misconfigured the rate limiter, so partners got 429s.", ["429s"], "Hiroshi"),
        ("Amara forgot to rotate the signing key.", ["signing key"], "Amara"),
        ("We neglected to update the runbook after the migration.", ["runbook"], "neglected"),
        ("You should have paged the database team an hour earlier.", ["an hour"], "should"),
        ("It was clear to anyone that the disk was filling up.", ["disk"], "clear"),
        ("Root cause: human error in the billing config.", ["billing config"], "human error"),
    ],
)
def test_applied_suggestion_lints_clean_and_keeps_facts(text, facts, gone):
    fixed = apply_first(text)
    assert [f for f in lint(fixed) if f.is_warning] == []
    assert gone not in fixed
    for fact in facts:
        assert fact in fixed


def test_named_agent_rewrite_is_passive_and_keeps_the_timestamp():
    (f,) = lint("14:05 Priya deleted the production DNS zone instead of the staging one.")
    assert (
        f.suggestions[0] == "14:05 The production DNS zone was deleted instead of the staging one."
    )


def test_every_warning_has_a_suggestion_even_without_a_template():
    (f,) = lint("The warning signs were plain as day the whole week.")
    assert f.suggestions and "?" in f.suggestions[0]
