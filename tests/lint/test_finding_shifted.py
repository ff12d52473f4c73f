"""Moving a finding along the text keeps its suggestions pending until they are read."""

from __future__ import annotations

import dataclasses

from pmdesk.document_lint import lint_lines
from pmdesk.lint import Finding, Linter, load_ruleset
from pmdesk.lint.finding import PendingSuggestions

RULESET = load_ruleset()


def pending(finding: Finding) -> bool:
    return isinstance(finding.__dict__["suggestions"], PendingSuggestions)


def test_a_shifted_finding_is_the_same_finding_further_on():
    found = Linter(RULESET).lint("Someone should have caught this in code review.")[0]
    assert pending(found)
    moved = found.shifted(10)
    assert pending(moved) and pending(found)
    assert (moved.start, moved.end) == (found.start + 10, found.end + 10)
    expected = dataclasses.replace(found, start=found.start + 10, end=found.end + 10)
    assert moved == expected and moved.suggestions == found.suggestions
    assert moved.suggestions is not found.suggestions


def test_an_eager_list_is_copied_not_shared():
    found = Finding(0, 5, "r", "judgmental", "warning", "m", ["x"], where="why 2")
    moved = found.shifted(3)
    moved.suggestions.append("edited by a caller")
    assert found.suggestions == ["x"] and moved.where == "why 2"


def test_lint_lines_points_into_the_text_and_reads_no_suggestions_ahead():
    text = "The alert fired.\n\nSomeone should have caught this in code review.\nWei broke it."
    found = lint_lines(text, ())
    assert [text[f.start : f.end] for f in found if f.category == "counterfactual"] == [
        "Someone should have caught this in code review"
    ]
    sentence_wide = [f for f in found if f.end - f.start > 20]
    assert sentence_wide and all(pending(f) for f in sentence_wide)
    assert all(s for f in found for s in f.suggestions)
