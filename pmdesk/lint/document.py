"""Lint a whole postmortem: every free-text field, timeline entry, Five Whys answer and action."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache

from pmdesk.lint import Finding, check_five_whys, lint
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


def lint_postmortem(pm: Postmortem) -> list[DocumentFinding]:
    """Every finding in the document, in the template's order."""
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
        add("action_items", i, f"Action item {i + 1}", item.action)
    add("meeting_notes", None, "Meeting notes", pm.meeting_notes)
    return out


def lint_lines(text: str, people: tuple[str, ...]) -> list[Finding]:
    """lint() line by line, as the editor highlights, remembering each line's findings.

    The findings panel re-lints the whole document after every save; with the
    lines remembered, that costs one lint of the line that changed.
    """
    found: list[Finding] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            for f in _lint_line(line, people):
                found.append(dataclasses.replace(f, start=f.start + offset, end=f.end + offset))
        offset += len(line) + 1
    return found


@lru_cache(maxsize=16384)
def _lint_line(line: str, people: tuple[str, ...]) -> tuple[Finding, ...]:
    return tuple(lint(line, people))
