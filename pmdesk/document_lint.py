"""Lint a whole postmortem: every free-text field, timeline entry, Five Whys answer and action.

This sits above the linter (pmdesk.lint imports nothing from the rest of pmdesk): it knows the
postmortem's fields and meeting mode's check of action items.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pmdesk.lint import Finding, lint
from pmdesk.models.postmortem import Postmortem

#: free-text fields in the order of the template, with the names the editor shows
TEXT_FIELDS = (
    ("title", "Title"),
    ("user_impact", "User impact"),
    ("revenue_impact", "Revenue impact"),
    ("what_happened", "What happened"),
    ("why_it_happened", "Why it happened"),
    ("why_not_caught", "Why it was not caught earlier"),
    ("root_cause", "Root cause"),
    ("went_well", "What went well"),
    ("could_improve", "What could be improved"),
    ("meeting_notes", "Meeting notes"),
)


@dataclass(frozen=True)
class DocumentFinding:
    """A finding and where in the postmortem it is."""

    field: str  # a Postmortem field name: "what_happened", "timeline", "whys", ...
    index: int | None  # the row of a list field; None for a text field and for the chain
    label: str  # where, in words: "What happened", "Timeline 14:22", "Why 3"
    finding: Finding


def five_whys_findings(answers: list[str], root_cause: str) -> list[Finding]:
    """The Five Whys check of a chain (pmdesk.lint.check_five_whys), as a lint job the window
    can send by name: the check's module compiles its patterns when imported (~25 ms), which
    the window's process never needs to do."""
    from pmdesk.lint import check_five_whys  # in the lint process

    return check_five_whys(answers, root_cause)


def lint_postmortem(pm: Postmortem) -> list[DocumentFinding]:
    """Every finding in the document, in the template's order."""
    from pmdesk.lint import check_five_whys  # in the lint process: the window needs none of it

    people = tuple(pm.people())
    out: list[DocumentFinding] = []

    def add(field: str, index: int | None, label: str, text: str) -> None:
        out.extend(DocumentFinding(field, index, label, f) for f in lint_lines(text, people))

    for field, label in TEXT_FIELDS[:6]:
        add(field, None, label, getattr(pm, field))
    for i, event in enumerate(pm.timeline):
        add("timeline", i, f"Timeline {event.at:%H:%M}", event.text)
    for i, answer in enumerate(pm.whys):
        add("whys", i, f"Why {i + 1}", answer)
    if any(w.strip() for w in pm.whys) or pm.root_cause.strip():
        out.extend(
            DocumentFinding("whys", None, "Five Whys chain", f)
            for f in check_five_whys(pm.whys, pm.root_cause)
        )
    for field, label in TEXT_FIELDS[6:9]:
        add(field, None, label, getattr(pm, field))
    for i, factor in enumerate(pm.contributing_factors):
        add("contributing_factors", i, f"Contributing factor {i + 1}", factor.text)
    for i, item in enumerate(pm.action_items):
        out.extend(
            DocumentFinding("action_items", i, f"Action item {i + 1}", f)
            for f in action_findings(item.action, people)
        )
    add("meeting_notes", None, "Meeting notes", pm.meeting_notes)
    return out


def text_findings(text: str, people: tuple[str, ...]) -> list[Finding]:
    """lint() of one text (a paragraph, a cell), as a job the window's lint worker can send."""
    return list(lint(text, list(people))) if text.strip() else []


def each_text_findings(texts: list[str], people: tuple[str, ...]) -> list[list[Finding]]:
    """The findings of each of `texts`; one the linter fails on has none (an import preview
    must not be blocked by a linter bug)."""
    out: list[list[Finding]] = []
    for text in texts:
        try:
            out.append(text_findings(text, people))
        except Exception:  # noqa: BLE001 - see above
            out.append([])
    return out


def lint_lines(text: str, people: tuple[str, ...]) -> list[Finding]:
    """lint() line by line, as the editor highlights (a line is what one field row shows).

    Nothing is remembered here: the linter keeps one cache of results per sentence, keyed by
    the rules in force, so re-linting a whole document after a save costs one lookup per
    sentence, and a changed rules file is seen at once.
    """
    found: list[Finding] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            for f in lint(line, people):
                found.append(f.shifted(offset))
        offset += len(line) + 1
    return found


def action_findings(action: str, people: tuple[str, ...]) -> list[Finding]:
    """Blame language in an action, plus an action aimed at a person or too vague to finish.

    The second check is meeting mode's (pmdesk.meeting.action_check); the editor's
    action table and findings panel use it too, so an action item is judged the
    same way wherever it is written.
    """
    from pmdesk.meeting.action_check import check_action_item

    found = lint_lines(action, people)
    for problem in check_action_item(action, "owner", date.min):
        if problem.field == "action":
            found.append(
                Finding(
                    start=problem.start,
                    end=problem.end or len(action),
                    rule=problem.rule,
                    category="action-item",
                    severity="warning",
                    message=problem.message,
                    suggestions=list(problem.suggestions),
                )
            )
    return found
