"""Linting a whole postmortem: what the findings panel lists."""

from pmdesk.document_lint import action_findings, lint_lines, lint_postmortem
from pmdesk.models import ActionItem, Postmortem, TimelineEvent


def test_offsets_point_into_the_whole_field_across_lines():
    text = "The deploy went out at 14:00.\nJohn deployed bad code."
    [finding] = [f for f in lint_lines(text, ("John",)) if f.severity != "info"]
    assert text[finding.start : finding.end].startswith("John")


def test_every_part_of_the_document_is_linted_and_labelled(example):
    example.what_happened = "Obviously the config was wrong."
    example.timeline.append(TimelineEvent("2026-03-10T14:16:00Z", "Sam broke prod again."))
    example.action_items.append(ActionItem("Retrain John on config changes", owner="Ana"))
    example.meeting_notes = "Someone should have caught this."
    found = lint_postmortem(example)
    labels = {(f.field, f.label) for f in found if f.finding.severity != "info"}
    assert ("what_happened", "What happened") in labels
    assert ("timeline", "Timeline 14:16") in labels
    assert ("action_items", "Action item 6") in labels
    assert ("meeting_notes", "Meeting notes") in labels


def test_clean_example_has_no_warnings(example):
    assert [f for f in lint_postmortem(example) if f.finding.severity != "info"] == []


def test_an_action_aimed_at_a_person_is_flagged_with_a_system_change():
    [problem] = [
        f
        for f in action_findings("Remind the team to be more careful", ())
        if f.category == "action-item"
    ]
    assert problem.severity == "warning" and problem.suggestions
    assert action_findings("Add an alert on pool saturation above 80%", ()) == []


def test_a_new_postmortem_has_nothing_to_flag():
    assert lint_postmortem(Postmortem(title="Untitled postmortem", whys=[""])) == []
