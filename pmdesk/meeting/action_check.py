"""Is an action item worth doing? Flags actions aimed at a person or too vague to finish.

The rules are data (resources/meeting/action_items.toml): each names a kind
("targets-person" or "not-actionable"), patterns, and whole-action rewrites that
change a system instead (a check, an alert, a guardrail, automation). An item
without an owner or a due date is also flagged, as incomplete.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from string import Formatter

from pmdesk.errors import PmdeskError
from pmdesk.resource_files import read_text

KINDS = ("targets-person", "not-actionable", "incomplete")
_PLACEHOLDER = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


class ActionRulesError(PmdeskError):
    """The action-item rules shipped with pmdesk cannot be read (a broken installation)."""


@dataclass(frozen=True)
class ActionFinding:
    """One problem with an action item; `start:end` point into the field it concerns."""

    kind: str
    rule: str
    message: str
    #: "action", "owner" or "due_date"
    field: str
    start: int = 0
    end: int = 0
    #: whole-action rewrites, best first
    suggestions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Rule:
    id: str
    kind: str
    message: str
    patterns: tuple[re.Pattern[str], ...]
    exceptions: tuple[re.Pattern[str], ...]
    suggestions: tuple[str, ...]


@cache
def _rules() -> tuple[_Rule, ...]:
    try:
        data = tomllib.loads(read_text("meeting", "action_items.toml"))
        words = data.get("words", {})

        def compile_all(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
            return tuple(
                re.compile(_PLACEHOLDER.sub(lambda m: words[m.group(1)], p), re.IGNORECASE)
                for p in patterns
            )

        rules = tuple(
            _Rule(
                r["id"],
                r["kind"],
                r["message"],
                compile_all(r["patterns"]),
                compile_all(r.get("exceptions", [])),
                tuple(r.get("suggestions", [])),
            )
            for r in data["rule"]
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, re.error) as exc:
        raise ActionRulesError(f"the action-item rules cannot be read: {exc}") from None
    for rule in rules:
        if rule.kind not in KINDS:
            raise ActionRulesError(f"action-item rule {rule.id}: unknown kind {rule.kind!r}")
    return rules


def check_action_item(
    action: str, owner: str = "", due_date: date | None = None
) -> list[ActionFinding]:
    """What keeps this action item from changing the system, or from being followed up."""
    findings: list[ActionFinding] = []
    taken: list[tuple[int, int]] = []
    for rule in _rules():
        if any(e.search(action) for e in rule.exceptions):
            continue
        for pattern in rule.patterns:
            match = pattern.search(action)
            if match is None or _overlaps(match.span(), taken):
                continue
            taken.append(match.span())
            findings.append(
                ActionFinding(
                    rule.kind,
                    rule.id,
                    rule.message,
                    "action",
                    match.start(),
                    match.end(),
                    _suggestions(rule, match),
                )
            )
            break
    if not owner.strip():
        findings.append(
            ActionFinding(
                "incomplete", "incomplete.owner", "No owner yet: who will drive it?", "owner"
            )
        )
    if due_date is None:
        findings.append(
            ActionFinding(
                "incomplete", "incomplete.due-date", "No due date yet: by when?", "due_date"
            )
        )
    return findings


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


def _suggestions(rule: _Rule, match: re.Match[str]) -> list[str]:
    """Each template whose groups were all found, filled in; the plain ones always."""
    groups = {k: _clean(v) for k, v in match.groupdict().items() if v and _clean(v)}
    out: list[str] = []
    for template in rule.suggestions:
        names = {name for _, name, _, _ in Formatter().parse(template) if name}
        if names <= groups.keys():
            text = template.format(**groups)
            if text not in out:
                out.append(text)
    return out


def _clean(text: str) -> str:
    """A captured phrase as it reads inside a sentence: no trailing 'more closely', no stop."""
    text = " ".join(text.split()).strip(" ,.;:!?")
    text = re.sub(r"\s+(?:more\s+)?(?:closely|carefully|often|next\s+time|in\s+future)$", "", text)
    return text
