"""Shapes people use when they write the postmortem template by hand, read into plain values.

The parser (pmdesk.export.markdown_parse) walks the document's sections; these
helpers read the free-form pieces inside them: a duration written as words
("1 hour 15 minutes"), the Five Whys written as question lines followed by
"→ answer" lines (numbered or not), and the "All times in UTC." line above a
timeline table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pmdesk.export.markdown import ARROW

_NUMBERED = re.compile(r"^(\d{1,3}[.)]\s+)(.*)$")
# "**Why** did X happen?", "- **Why** ...", "Why did X happen?" at the start of a line
_QUESTION = re.compile(r"^(?:[-*+]\s+)?(?:\*\*why\*\*|why\b.*\?)", re.IGNORECASE)
_ARROW_LINE = re.compile(r"^\s*(?:→|->)")
_LENGTH_PART = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?)\b", re.IGNORECASE
)
_MINUTES_PER_UNIT = {"d": 1440, "h": 60, "m": 1}
_ZONE_LINE = re.compile(
    r"^\W*all\s+times\s+(?:are\s+)?(?:in\s+|shown\s+in\s+)?([A-Za-z][\w/+-]*)\W*$", re.IGNORECASE
)


def length_in_minutes(text: str) -> int | None:
    """Whole minutes in a length such as '75 minutes', '1 hour 15 minutes' or '2h 25m'."""
    parts = _LENGTH_PART.findall(text)
    if not parts:
        return None
    total = 0.0
    for number, unit in parts:
        total += float(number.replace(",", ".")) * _MINUTES_PER_UNIT[unit[0].lower()]
    return round(total)


def stated_zone(line: str) -> str | None:
    """The zone named by a line such as 'All times in UTC.', or None for any other line."""
    match = _ZONE_LINE.match(line.strip())
    return match.group(1) if match else None


@dataclass
class WhyItem:
    """One why as written: its lines without the list marker, and how they are indented."""

    lines: list[str]
    indent: int
    numbered: bool
    has_arrow: bool = False
    continuation: list[str] = field(default_factory=list)


def why_items(lines: list[str]) -> tuple[list[WhyItem], int]:
    """The whys of a Five Whys section (the root cause already cut off), and the lines that fit
    none.

    Reads numbered items ("1. **Why** ...?" with "→ answer" on the same or an indented line)
    and unnumbered ones (a "**Why** ...?" line, then a "→ answer" line).
    """
    items: list[WhyItem] = []
    loose = 0
    for line in lines:
        numbered = _NUMBERED.match(line)
        current = items[-1] if items else None
        if numbered:
            items.append(WhyItem([numbered.group(2)], len(numbered.group(1)), True))
            items[-1].has_arrow = _has_arrow(numbered.group(2))
        elif _QUESTION.match(line):
            items.append(WhyItem([line], 0, False, _has_arrow(line)))
        elif _ARROW_LINE.match(line) and not line.startswith(" "):
            if current is not None and not current.has_arrow:
                current.lines.append(line)
                current.has_arrow = True
            else:  # an answer without a question of its own
                items.append(WhyItem([line], 0, False, True))
        elif current is not None and (
            not line.strip() or line.startswith(" ") or not current.numbered
        ):
            cut = len(line) - len(line.lstrip(" "))
            current.lines.append(line[min(cut, current.indent) :])
            current.has_arrow = current.has_arrow or _has_arrow(line)
        elif line.strip():
            loose += 1
    for item in items:
        while len(item.lines) > 1 and not item.lines[-1].strip():
            item.lines.pop()
    return items, loose


def _has_arrow(text: str) -> bool:
    return ARROW in text or "->" in text


def question_and_answer(text: str) -> tuple[str, str]:
    """A why's text split into its question and its answer (after the arrow, else after '?')."""
    arrow = text.find(ARROW) if ARROW in text else text.find("->")
    if arrow >= 0:
        answer = text[arrow + (1 if text[arrow] == ARROW else 2) :]
        return text[:arrow].strip(), answer[1:] if answer.startswith(" ") else answer
    if "?" in text:
        question, answer = text.split("?", 1)
        return question.strip() + "?", answer.lstrip()
    return "", text
