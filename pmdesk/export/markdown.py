"""The postmortem as Markdown, in the template's own layout, for wikis and git repositories.

The template's headings, header lines, tables and checklists carry what they
can; what the template has no place for (each action item's status, the
root-cause category, the process dates) goes in a front-matter block of
`key: value` lines. Text is written so that pmdesk.export.markdown_parse reads
back exactly what was written: export, import and export again gives the same
bytes. Free text stays Markdown; a line that would read as one of the
document's own headings gets a backslash in front, and what a Markdown renderer
would take for HTML (a tag, a comment, an entity) is written as an entity
("<b>" as "&lt;b>", "&amp;" as "&amp;amp;") outside code spans and fenced code,
so a wiki shows what was typed. Entities, not backslashes: Python-Markdown does
not treat a backslash before "<" as an escape.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Callable
from datetime import date, datetime

from pmdesk.files import write_atomically
from pmdesk.models.postmortem import Postmortem, TimelineEvent

FORMAT_VERSION = 1
TITLE_PREFIX = "Postmortem: "
FIVE_WHYS_FIRST = "**Why** did the incident happen?"
FIVE_WHYS_NEXT = "**Why** did that happen?"
ARROW = "→"
RCA_QUESTIONS = ("What happened?", "Why did it happen?", "Why wasn't it caught earlier?")

# A line of free text that starts like a heading ("## Timeline") would end the
# section on import; one more leading backslash keeps it text (and Markdown
# shows it without the backslash).
_HEADING_LIKE = re.compile(r"^(\\*#{1,6})(\s|$)")
# What a Markdown renderer would read as raw HTML or an entity: "<b", "</", "<!--", "&amp;".
_HTML_LIKE = re.compile(r"<(?=[A-Za-z/!?])|&(?=#?\w+;)")
# An entity; after escape_html every one in the text is one it wrote.
_ENTITY = re.compile(r"&#?\w+;")
# Code, where a backslash is shown as typed: fenced blocks and `spans`.
_CODE = re.compile(
    r"^[ ]{0,3}(```|~~~)[^\n]*(?:\n.*?)?(?:\n[ ]{0,3}\1[^\n]*(?=\n|\Z)|\Z)"
    r"|(?<!`)(`+)(?!`).+?(?<!`)\2(?!`)",
    re.DOTALL | re.MULTILINE,
)
# Front-matter values written bare must read back as themselves in YAML too.
_BARE = re.compile(r"[A-Za-z0-9_./+(][^\n]*")


def escape_html(text: str) -> str:
    """`text` with each "<tag" and "&entity;" outside code written as an entity."""
    return _outside_code(text, lambda part: _HTML_LIKE.sub(_as_entity, part))


def _as_entity(match: re.Match[str]) -> str:
    return "&lt;" if match.group() == "<" else "&amp;"


def unescape_html(text: str) -> str:
    """What escape_html was given (and in a hand-written file, entities read as characters)."""
    return _outside_code(text, lambda part: _ENTITY.sub(lambda m: html.unescape(m.group()), part))


def _outside_code(text: str, change: Callable[[str], str]) -> str:
    if "<" not in text and "&" not in text:
        return text
    out, at = [], 0
    for code in _CODE.finditer(text):
        out += [change(text[at : code.start()]), code.group()]
        at = code.end()
    return "".join([*out, change(text[at:])])


def render_markdown(pm: Postmortem, *, uid: str = "") -> str:
    """The whole document, ending in one newline; `uid` is its team-library identifier."""
    parts = [
        _front_matter(pm, uid),
        f"# {TITLE_PREFIX}{escape_html(one_line(pm.title))}".rstrip(),
        _header_lines(pm),
        "## Impact Summary",
        _impact(pm),
        "## Timeline",
        _timeline(pm),
        "## Root Cause Analysis",
        *_rca(pm),
        "## Five Whys Analysis",
        _whys(pm),
        "## Contributing Factors",
        _factors(pm),
        "## What Went Well",
        free_text(pm.went_well),
        "## What Could Be Improved",
        free_text(pm.could_improve),
        "## Action Items",
        _actions(pm),
        # not in the template: written only when there are notes, so documents without
        # them keep the template's exact shape
        *(["## Meeting Notes", free_text(pm.meeting_notes)] if pm.meeting_notes.strip() else []),
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


def export_markdown(pm: Postmortem, path: str | os.PathLike[str]) -> None:
    """Write the Markdown of `pm` to `path` in one piece (UTF-8)."""
    write_atomically(path, render_markdown(pm).encode("utf-8"))


# --- pieces shared with the parser ------------------------------------------------------


def one_line(text: str) -> str:
    """A header value: one line, single spaces."""
    return " ".join(text.split())


def trim_blank_lines(text: str) -> str:
    """`text` without whitespace-only lines at its start and end (and with \\n newlines)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def free_text(text: str) -> str:
    return "\n".join(
        _HEADING_LIKE.sub(r"\\\1\2", line)
        for line in escape_html(trim_blank_lines(text)).split("\n")
    )


def indented(text: str, width: int) -> str:
    """Continuation lines of a list item, indented so Markdown keeps them in the item."""
    pad = " " * width
    return "\n".join(
        (pad + line if line else line) if i else line for i, line in enumerate(text.split("\n"))
    )


def cell(text: str) -> str:
    """A table cell: pipes and backslashes escaped, HTML as entities, line breaks as <br>."""
    text = trim_blank_lines(text).strip()
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    # a "<br>" that escape_html left alone (inside what reads as code) would come back as a
    # line break: a backslash keeps it text
    return escape_html(text).replace("<br>", "\\<br>").replace("\n", "<br>")


def row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def clock(value: datetime, day: date | None) -> str:
    """A time for the document: HH:MM on the incident's day, else with its date; seconds if any."""
    text = value.strftime("%H:%M" if value.date() == day else "%Y-%m-%d %H:%M")
    return text + value.strftime(":%S") if value.second else text


# --- sections -------------------------------------------------------------------------


def _front_matter(pm: Postmortem, uid: str = "") -> str:
    lines = ["---", f"pmdesk: {FORMAT_VERSION}"]
    if uid:
        lines.append(f"id: {_value(uid)}")
    scalars = {
        "root_cause_category": one_line(pm.root_cause_category),
        "draft_shared_at": pm.to_dict()["draft_shared_at"],
        "meeting_at": pm.to_dict()["meeting_at"],
    }
    lines += [f"{key}: {_value(value)}" for key, value in scalars.items() if value]
    if pm.action_items:
        lines.append("action_items:")
    for item in pm.action_items:
        lines.append(f"  - status: {item.status.value}")
        if item.completed_on:
            lines.append(f"    completed_on: {item.completed_on.isoformat()}")
        if item.tracker_url.strip():
            lines.append(f"    tracker_url: {_value(one_line(item.tracker_url))}")
    lines.append("---")
    return "\n".join(lines)


def _value(text: str) -> str:
    return (
        text if _BARE.fullmatch(text) and ": " not in text and " #" not in text else _quoted(text)
    )


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _header_lines(pm: Postmortem) -> str:
    values = [
        ("Date", pm.incident_date.isoformat() if pm.incident_date else ""),
        ("Authors", ", ".join(escape_html(one_line(a)) for a in pm.authors)),
        ("Status", pm.status.label),
        ("Severity", pm.severity.value),
    ]
    # two trailing spaces: a Markdown line break, so each line shows on its own
    lines = [f"**{key}:** {value}".rstrip() for key, value in values]
    return "  \n".join(lines)


def _impact(pm: Postmortem) -> str:
    lines = [f"- **Duration:** {_duration(pm)}"]
    for label, text in (("User Impact", pm.user_impact), ("Revenue Impact", pm.revenue_impact)):
        lines.append(f"- **{label}:** {indented(free_text(text), 2)}".rstrip())
    return "\n".join(lines)


def _duration(pm: Postmortem) -> str:
    start, end, minutes = pm.started_at, pm.ended_at, pm.duration_minutes
    if start and end:
        end_text = clock(end, start.date())
        return f"{minutes} minutes ({clock(start, None)} – {end_text} UTC)"
    if start:
        return f"unknown (from {clock(start, None)} UTC, end not recorded)"
    if end:
        return f"unknown (until {clock(end, None)} UTC, start not recorded)"
    return "unknown"


def _timeline(pm: Postmortem) -> str:
    lines = ["All times in UTC.", "", row("Time (UTC)", "Event", "Source"), "|---|---|---|"]
    for event in sorted_events(pm.timeline):
        lines.append(
            row(clock(event.at, pm.incident_date), cell(event.text), cell(event.source) or "manual")
        )
    return "\n".join(lines)


def sorted_events(events: list[TimelineEvent]) -> list[TimelineEvent]:
    return sorted(events, key=lambda e: e.at)


def _rca(pm: Postmortem) -> list[str]:
    texts = (pm.what_happened, pm.why_it_happened, pm.why_not_caught)
    return [
        f"### {q}\n\n{free_text(t)}".rstrip() for q, t in zip(RCA_QUESTIONS, texts, strict=True)
    ]


def _whys(pm: Postmortem) -> str:
    lines = []
    for i, answer in enumerate(pm.whys, 1):
        marker = f"{i}. "
        question = FIVE_WHYS_FIRST if i == 1 else FIVE_WHYS_NEXT
        lines.append(f"{marker}{question}")
        body = f"{ARROW} {escape_html(trim_blank_lines(answer))}".rstrip()
        lines.append(" " * len(marker) + indented(body, len(marker)))
    root = f"**Root cause:** {indented(free_text(pm.root_cause), 0)}".rstrip()
    return "\n".join(lines) + ("\n\n" if lines else "") + root


def _factors(pm: Postmortem) -> str:
    return "\n".join(
        f"- [{'x' if f.checked else ' '}] {indented(escape_html(trim_blank_lines(f.text)), 2)}".rstrip()
        for f in pm.contributing_factors
    )


def _actions(pm: Postmortem) -> str:
    lines = [row("Action", "Owner", "Priority", "Due Date"), "|---|---|---|---|"]
    for item in pm.action_items:
        due = item.due_date.isoformat() if item.due_date else ""
        lines.append(row(cell(item.action), cell(item.owner), item.priority.label, due))
    return "\n".join(lines)
