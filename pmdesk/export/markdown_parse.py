"""Markdown in the postmortem template's layout read back into a Postmortem.

Reads what pmdesk.export.markdown writes, and documents written by hand in the
template (no front matter, HH:MM times, a missing or an extra section). It
takes what it can and says, one line each, what it skipped; malformed input
is never an exception, only an empty or partial postmortem with notes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pmdesk.errors import PmdeskError, ValidationError
from pmdesk.export.markdown import (
    FIVE_WHYS_FIRST,
    FIVE_WHYS_NEXT,
    trim_blank_lines,
    unescape_html,
)
from pmdesk.export.markdown_shapes import (
    length_in_minutes,
    question_and_answer,
    stated_zone,
    why_items,
)
from pmdesk.input_files import MARKDOWN, read_text
from pmdesk.models.postmortem import (
    ActionItem,
    ActionStatus,
    ContributingFactor,
    Postmortem,
    Priority,
    Severity,
    Status,
    TimelineEvent,
    parse_date,
    parse_enum,
    parse_utc,
)


class MarkdownImportError(PmdeskError):
    """The file cannot be read as a postmortem at all."""


@dataclass
class MarkdownImport:
    """The postmortem read from a document, and one line per thing that was skipped."""

    postmortem: Postmortem
    skipped: list[str] = field(default_factory=list)
    #: the front matter's `id:`, the postmortem's identifier in a team library ("" if none)
    uid: str = ""


_SECTIONS = {
    "impact": "impact",
    "impact summary": "impact",
    "timeline": "timeline",
    "root cause analysis": "rca",
    "root cause": "rca",
    "five whys analysis": "whys",
    "five whys": "whys",
    "5 whys": "whys",
    "contributing factors": "factors",
    "what went well": "went_well",
    "what could be improved": "could_improve",
    "what could have gone better": "could_improve",
    "what went wrong": "could_improve",
    "action items": "actions",
    "meeting notes": "meeting_notes",
}
_SECTION_TITLES = {
    "impact": "Impact Summary",
    "timeline": "Timeline",
    "rca": "Root Cause Analysis",
    "whys": "Five Whys Analysis",
    "factors": "Contributing Factors",
    "went_well": "What Went Well",
    "could_improve": "What Could Be Improved",
    "actions": "Action Items",
}
# the title keeps any closing "#": "C#" is a title, not a heading decoration
_H1 = re.compile(r"^#\s+(.*?)\s*$")
_H2 = re.compile(r"^##\s+(.*?)\s*#*\s*$")
_H3 = re.compile(r"^###\s+(.*?)\s*#*\s*$")
_ESCAPED_HEADING = re.compile(r"^\\(\\*#{1,6}(\s|$))")
_FIELD = re.compile(r"^\*\*([^*]+?):?\*\*:?[ \t]?(.*)$")
_LABEL = re.compile(r"^[-*+]\s+\*\*([^*]+?):?\*\*:?[ ]?(.*)$")
_BULLET = re.compile(r"^[-*+]\s")
_CHECK = re.compile(r"^[-*+]\s+\[([ xX])\](?:\s(.*))?$")
_ROOT = re.compile(r"^\*\*Root[ -]cause:?\*\*:?[ ]?(.*)$", re.IGNORECASE)
_CLOCK = re.compile(
    r"(?:(\d{4}-\d{2}-\d{2})[ T])?(\d{1,2}:\d{2}(?::\d{2})?)(?:\s*(?:Z|UTC)\b)?", re.IGNORECASE
)
_MAX_LINES = 1_000_000
_USER_IMPACT = ("user impact", "users affected", "customer impact", "customers affected", "impact")
_REVENUE_IMPACT = ("revenue impact", "business impact")
_UTC_NAMES = ("utc", "gmt", "z", "zulu")


def read_markdown_file(path: str | Path) -> MarkdownImport:
    """Read a Markdown file from disk; errors reading it are one-line PmdeskErrors."""
    path = Path(path)
    text = read_text(path, MARKDOWN, error=MarkdownImportError)
    try:
        return parse_markdown(text)
    except MarkdownImportError as exc:
        raise MarkdownImportError(f"{path}: {exc}") from None


def parse_markdown(text: str) -> MarkdownImport:
    """The postmortem in `text`; raises MarkdownImportError only when nothing of one is there."""
    return _Reader(text).read()


class _Reader:
    def __init__(self, text: str) -> None:
        text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        self.lines = text.split("\n")
        if len(self.lines) > _MAX_LINES:
            # Refused, not cut: sections after the cut would be reported as left empty.
            raise MarkdownImportError(
                f"the text has {len(self.lines):,} lines, more than the {_MAX_LINES:,} pmdesk "
                "imports from one postmortem"
            )
        self.skipped: list[str] = []
        self.values: dict[str, Any] = {}
        self.front: dict[str, Any] = {}
        self.recognised = False
        self.unread_date: str | None = None  # a **Date:** value that is not a real date

    def skip(self, message: str) -> None:
        self.skipped.append(message)

    # --- the document ----------------------------------------------------------------

    def read(self) -> MarkdownImport:
        lines = self._front_matter(self.lines)
        preamble, sections = _split_sections(lines)
        self._preamble(preamble)
        seen: set[str] = set()
        for heading, body in sections:
            key = _SECTIONS.get(_heading_key(heading))
            if key is None and _heading_key(heading).startswith("timeline"):
                key = "timeline"
            if key is None:
                self.skip(f"skipped section '## {_short(heading)}': pmdesk has no place for it")
                continue
            if key in seen:
                self.skip(f"skipped a second '## {_short(heading)}' section")
                continue
            seen.add(key)
            self.recognised = True
            getattr(self, f"_section_{key}")(body)
        for key, title in _SECTION_TITLES.items():
            if key not in seen:
                self.skip(f"no '## {title}' section: left empty")
        if not self.recognised:
            raise MarkdownImportError(
                "this does not look like a postmortem: no '# Postmortem:' title, "
                "no **Date:**-style header lines and no template sections"
            )
        self._apply_front_matter()
        start = self.values.get("started_at")
        if start is not None and "incident_date" not in self.values and not self.unread_date:
            self.values["incident_date"] = start.date()  # "**Duration:** 2025-03-11 09:02 to ..."
        uid = self.front.get("id", "")
        return MarkdownImport(self._postmortem(), self.skipped, uid if isinstance(uid, str) else "")

    def _postmortem(self) -> Postmortem:
        values = self.values
        values.setdefault("title", "")
        try:
            return Postmortem(**values)
        except ValidationError as exc:
            # only the incident window can still disagree: every value was checked alone
            self.skip(f"skipped the incident end: {exc}")
            values["ended_at"] = None
            return Postmortem(**values)

    # --- front matter ----------------------------------------------------------------

    def _front_matter(self, lines: list[str]) -> list[str]:
        if not lines or lines[0].strip() != "---":
            return lines
        try:
            end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
        except StopIteration:
            self.skip("skipped the front matter: its closing '---' line is missing")
            return lines[1:]
        items: list[dict[str, str]] | None = None
        for line in lines[1:end]:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            match = re.match(r"^(\s*)(-\s+)?([A-Za-z_][\w-]*):(?:\s+(.*))?$", line)
            if not match:
                self.skip(f"skipped front-matter line {_short(line)!r}")
                continue
            indent, dash, key, raw = match.groups()
            value = self._scalar(raw or "")
            if not indent and not dash:
                items = None
                if key == "action_items" and not value:
                    items = self.front.setdefault("action_items", [])
                elif key == "pmdesk":
                    continue
                else:
                    self.front[key] = value
            elif items is not None:
                if dash:
                    items.append({})
                if items:
                    items[-1][key] = value
            else:
                self.skip(f"skipped front-matter line {_short(line)!r}")
        self.recognised = True
        return lines[end + 1 :]

    def _scalar(self, raw: str) -> str:
        raw = raw.strip()
        if raw.startswith('"'):
            try:
                value = json.loads(raw)
            except ValueError:
                self.skip(f"skipped front-matter value {_short(raw)!r}: not a valid quoted string")
                return ""
            return value if isinstance(value, str) else ""
        if raw.startswith("'") and raw.endswith("'") and len(raw) >= 2:
            return raw[1:-1].replace("''", "'")
        return raw

    def _apply_front_matter(self) -> None:
        for key, value in self.front.items():
            if key in ("action_items", "id"):
                continue
            if key == "root_cause_category":
                self.values[key] = value
            elif key in ("draft_shared_at", "meeting_at"):
                self._set(key, value, lambda v, k=key: parse_utc(v, k.replace("_", " ")))
            else:
                self.skip(f"skipped front-matter key {key!r}: pmdesk does not know it")

    def _set(self, key: str, raw: str, parse: Any) -> None:
        try:
            self.values[key] = parse(raw)
        except ValidationError as exc:
            self.skip(f"skipped {key.replace('_', ' ')}: {exc}")

    # --- title and header lines ------------------------------------------------------

    def _preamble(self, lines: list[str]) -> None:
        stray = 0
        for line in lines:
            title = _H1.match(line)
            field_match = _FIELD.match(line.rstrip())
            if title and "title" not in self.values:
                text = title.group(1)
                if text.casefold().startswith("postmortem:"):
                    text = text[len("postmortem:") :].strip()
                self.values["title"] = unescape_html(text)
                self.recognised = True
            elif field_match:
                self._header(field_match.group(1).strip(), field_match.group(2).strip())
            elif line.strip():
                stray += 1
        if "title" not in self.values:
            self.skip("no '# Postmortem: …' title line: the title is left empty")
        if stray:
            self.skip(f"skipped {stray} line(s) of text before the first section")

    def _header(self, label: str, value: str) -> None:
        key = label.casefold()
        self.recognised = True
        if key in ("date", "incident date"):
            self._set("incident_date", value, lambda v: parse_date(v, "date"))
            if value and "incident_date" not in self.values:
                self.unread_date = value
        elif key == "duration":
            self._duration(value)
        elif key in ("authors", "author"):
            self.values["authors"] = unescape_html(value)
        elif key == "status":
            first = re.split(r"\s*\|\s*", value)[0] if value else ""
            self._set("status", first, lambda v: parse_enum(Status, v or "draft", "status"))
        elif key == "severity":
            first = re.split(r"\s*\|\s*", value)[0] if value else ""
            self._set("severity", first, lambda v: parse_enum(Severity, v or "P2", "severity"))
        else:
            self.skip(f"skipped header line '**{_short(label)}:**': pmdesk has no place for it")

    # --- sections --------------------------------------------------------------------

    def _section_impact(self, lines: list[str]) -> None:
        items, loose = _items(lines, _BULLET, 2)
        if not items:
            self.values["user_impact"] = _text(lines)
            return
        if loose:
            self.skip(f"skipped {loose} line(s) in Impact Summary outside its list")
        # Items the template has no field for ("Services Affected") join the user impact,
        # under their own label, rather than being lost.
        more: list[str] = []
        for first, rest in items:
            match = _LABEL.match(first)
            label = match.group(1).strip().casefold() if match else ""
            body = "\n".join([match.group(2) if match else first, *rest])
            if label == "duration":
                self._duration(body)
            elif label in _USER_IMPACT and "user_impact" not in self.values:
                self.values["user_impact"] = _text(body.split("\n"))
            elif label in _REVENUE_IMPACT and "revenue_impact" not in self.values:
                self.values["revenue_impact"] = _text(body.split("\n"))
            else:
                more.append(_text([_BULLET.sub("", first, count=1), *rest]))
        if more:
            user = self.values.get("user_impact", "")
            self.values["user_impact"] = trim_blank_lines("\n".join([user, *more]))

    def _duration(self, text: str) -> None:
        """A duration line: start and end times, a length ("75 minutes"), or both."""
        found = list(_CLOCK.finditer(text))
        minutes = length_in_minutes(_CLOCK.sub(" ", text))
        day = self.values.get("incident_date")
        if found:
            start = self._clock(found[0], day, "incident start")
            if len(found) == 1:
                until = re.search(r"\buntil\b", text, re.IGNORECASE)
                if start is not None:
                    self.values["ended_at" if until else "started_at"] = start
            else:
                end = self._clock(found[1], start.date() if start else day, "incident end")
                if start and end and end < start and not found[1].group(1):
                    end = _next_day(end, start)  # "23:40 – 00:25" runs past midnight
                if start:
                    self.values["started_at"] = start
                if end:
                    self.values["ended_at"] = end
        elif minutes is None:
            if text.strip().casefold() not in ("", "unknown"):
                self.skip(f"skipped the duration {_short(text)!r}: it has no times or length")
            return
        if minutes is not None:
            self._length(minutes, text)

    def _length(self, minutes: int, text: str) -> None:
        """A stated length: it fills in a missing start or end, and must agree with both."""
        start, end = self.values.get("started_at"), self.values.get("ended_at")
        if start and end:
            actual = int((end - start) / timedelta(minutes=1))
            if actual != minutes:
                self.skip(
                    f"the duration {_short(text)!r} says {minutes} minutes but the incident "
                    f"runs {actual} minutes from start to end: kept the start and end"
                )
        elif start:
            self.values["ended_at"] = start + timedelta(minutes=minutes)
        elif end:
            self.values["started_at"] = end - timedelta(minutes=minutes)
        else:
            self.skip(
                f"skipped the duration {_short(text)!r}: pmdesk works it out from the "
                "incident's start and end, and the document gives neither"
            )

    def _clock(self, match: re.Match[str], day: date | None, what: str) -> datetime | None:
        on, at = match.group(1), match.group(2)
        if not on and day is None:
            self.skip(f"skipped the {what} {at!r}: it has no date and the document has none")
            return None
        try:
            hour, rest = at.split(":", 1)
            return parse_utc(f"{on or day.isoformat()}T{int(hour):02d}:{rest}", what)  # type: ignore[union-attr]
        except ValidationError as exc:
            self.skip(f"skipped the {what}: {exc}")
            return None

    def _section_timeline(self, lines: list[str]) -> None:
        zones = [zone for line in lines if (zone := stated_zone(line))]
        header, rows, loose = _table([line for line in lines if not stated_zone(line)])
        if loose:
            self.skip(f"skipped {loose} line(s) in Timeline outside its table")
        zone = self._timeline_zone(zones[0]) if zones else None
        columns = _columns(header, {"time": 0, "event": 1, "source": None})
        events: list[TimelineEvent] = []
        start = self.values.get("started_at")
        day = self.values.get("incident_date") or (start.date() if start else None)
        undated: list[int] = []
        for number, cells in enumerate(rows, 1):
            stamp = _get(cells, columns["time"])
            match = _CLOCK.fullmatch(stamp.strip())
            if not match:
                self.skip(f"skipped timeline row {number}: {_short(stamp)!r} is not a time")
                continue
            if not match.group(1) and day is None:
                undated.append(number)
                continue
            at = self._clock(match, day, f"time of timeline row {number}")
            if at is None:
                continue
            if zone is not None:
                at = at.replace(tzinfo=zone).astimezone(UTC)
            if not match.group(1) and events and at < events[-1].at:
                at = _next_day(at, events[-1].at)  # a night-long incident: 23:58, then 00:03
            source = _get(cells, columns["source"]) or "manual"
            events.append(TimelineEvent(at=at, text=_get(cells, columns["event"]), source=source))
        why = (
            f"the document's date {self.unread_date!r} is not a real date"
            if self.unread_date
            else "the document has no **Date:** line"
        )
        if rows and not events:
            many = len(rows) > 1
            lost = (
                f"none of the {len(rows)} timeline times can be read"
                if many
                else "the timeline's one time cannot be read"
            )
            if undated:
                lost += f": {'they have' if many else 'it has'} no date of"
                lost += f" {'their' if many else 'its'} own and {why}"
            raise MarkdownImportError(
                f"{lost}; fix the file and import again (nothing was imported)"
            )
        if undated:
            numbers = ", ".join(str(n) for n in undated)
            rows_have = "rows {} have" if len(undated) > 1 else "row {} has"
            self.skip(f"skipped timeline {rows_have.format(numbers)} a time without a date: {why}")
        self.values["timeline"] = events

    def _timeline_zone(self, name: str) -> ZoneInfo | None:
        """The zone a line such as 'All times in UTC.' names; None for UTC itself."""
        if name.casefold() in _UTC_NAMES:
            return None
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            self.skip(
                f"the timeline says its times are in {name!r}, which is not a time zone "
                "pmdesk knows (e.g. Europe/Berlin): read them as UTC"
            )
            return None

    def _section_rca(self, lines: list[str]) -> None:
        current: str | None = None
        parts: dict[str, list[str]] = {}
        loose = 0
        for line in lines:
            heading = _H3.match(line)
            if heading:
                key = _heading_key(heading.group(1))
                current = (
                    "why_not_caught"
                    if "caught" in key
                    else "why_it_happened"
                    if key.startswith("why")
                    else "what_happened"
                    if "what happened" in key
                    else None
                )
                if current is None or current in parts:
                    self.skip(f"skipped '### {_short(heading.group(1))}' in Root Cause Analysis")
                    current = None
                else:
                    parts[current] = []
            elif current is not None:
                parts[current].append(line)
            elif line.strip():
                loose += 1
        if loose:
            self.skip(f"skipped {loose} line(s) in Root Cause Analysis outside its questions")
        for key, body in parts.items():
            self.values[key] = _text(body)

    def _section_whys(self, lines: list[str]) -> None:
        root_at = next((i for i, line in enumerate(lines) if _ROOT.match(line)), None)
        if root_at is not None:
            first = _ROOT.match(lines[root_at]).group(1)  # type: ignore[union-attr]
            self.values["root_cause"] = _text([first, *lines[root_at + 1 :]])
            lines = lines[:root_at]
        items, loose = why_items(lines)
        if loose:
            self.skip(f"skipped {loose} line(s) in Five Whys Analysis outside its list")
        whys, questions = [], []
        for item in items:
            question, answer = question_and_answer("\n".join(item.lines))
            whys.append(unescape_html(trim_blank_lines(answer)))
            if question and question not in (FIVE_WHYS_FIRST, FIVE_WHYS_NEXT):
                questions.append(question.replace("**", ""))
        if questions:
            self.skip(
                f"Five Whys: kept the {len(whys)} answers; the questions (first: "
                f"{_short(questions[0], 50)!r}) are not stored, pmdesk asks 'Why did that "
                "happen?' before each answer"
            )
        self.values["whys"] = whys

    def _section_factors(self, lines: list[str]) -> None:
        items, loose = _items(lines, _CHECK, 2)
        if loose:
            self.skip(f"skipped {loose} line(s) in Contributing Factors that are not '- [ ]' items")
        self.values["contributing_factors"] = [
            ContributingFactor(
                text=unescape_html(trim_blank_lines("\n".join([m.group(2) or "", *rest]))),
                checked=m.group(1) != " ",
            )
            for first, rest in items
            if (m := _CHECK.match(first))
        ]

    def _section_went_well(self, lines: list[str]) -> None:
        self.values["went_well"] = _text(lines)

    def _section_could_improve(self, lines: list[str]) -> None:
        self.values["could_improve"] = _text(lines)

    def _section_meeting_notes(self, lines: list[str]) -> None:
        self.values["meeting_notes"] = _text(lines)

    def _section_actions(self, lines: list[str]) -> None:
        header, rows, loose = _table(lines)
        if loose:
            self.skip(f"skipped {loose} line(s) in Action Items outside its table")
        wanted = {"action": 0, "owner": 1, "priority": 2, "due": 3, "status": None}
        columns = _columns(header, wanted)
        extra = self.front.get("action_items") or []
        if not isinstance(extra, list) or not all(isinstance(e, dict) for e in extra):
            self.skip("skipped the front matter's action_items: not a list of key: value entries")
            extra = []
        if extra and len(extra) != len(rows):
            self.skip(
                f"the front matter lists {len(extra)} action item(s) and the table "
                f"{len(rows)}: statuses were matched by position"
            )
        items = []
        for number, cells in enumerate(rows, 1):
            more = extra[number - 1] if number <= len(extra) else {}
            items.append(self._action(number, cells, columns, more))
        self.values["action_items"] = [item for item in items if item is not None]

    def _action(
        self, number: int, cells: list[str], columns: dict[str, int | None], more: dict[str, str]
    ) -> ActionItem | None:
        action = _get(cells, columns["action"])
        fields: dict[str, Any] = {"action": action, "owner": _get(cells, columns["owner"])}
        checks = {
            "priority": (
                _get(cells, columns["priority"]),
                lambda v: parse_enum(Priority, v or "medium", "priority"),
            ),
            "due_date": (_get(cells, columns["due"]), lambda v: parse_date(v, "due date")),
            "status": (
                more.get("status") or _get(cells, columns["status"]),
                lambda v: parse_enum(ActionStatus, v or "open", "status"),
            ),
            "completed_on": (more.get("completed_on", ""), lambda v: parse_date(v, "date")),
        }
        for key, (raw, parse) in checks.items():
            try:
                fields[key] = parse(raw)
            except ValidationError as exc:
                self.skip(f"action item {number}: skipped its {key.replace('_', ' ')}: {exc}")
        fields["tracker_url"] = more.get("tracker_url", "")
        for key in set(more) - {"status", "completed_on", "tracker_url"}:
            self.skip(f"action item {number}: skipped front-matter key {key!r}")
        try:
            return ActionItem(**fields)
        except ValidationError as exc:
            self.skip(f"action item {number}: skipped its completion date: {exc}")
            fields.pop("completed_on", None)
            return ActionItem(**fields)


# --- line-level helpers -----------------------------------------------------------------


def _split_sections(lines: list[str]) -> tuple[list[str], list[tuple[str, list[str]]]]:
    preamble: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    for line in lines:
        heading = _H2.match(line)
        if heading and not line.startswith("###"):
            sections.append((heading.group(1), []))
        elif sections:
            sections[-1][1].append(line)
        else:
            preamble.append(line)
    return preamble, sections


def _heading_key(text: str) -> str:
    text = text.casefold().replace("’", "'").replace("-", " ")
    text = re.sub(r"\(.*?\)", "", text)
    return " ".join(re.sub(r"[^\w' ]", " ", text).split())


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unescape(line: str) -> str:
    return _ESCAPED_HEADING.sub(r"\1", line)


def _text(lines: list[str]) -> str:
    """Free text of a section: the heading escapes undone, blank lines around it dropped."""
    return unescape_html(trim_blank_lines("\n".join(_unescape(line) for line in lines)))


def _items(
    lines: list[str], start: re.Pattern[str], width: int | None
) -> tuple[list[tuple[str, list[str]]], int]:
    """List items (first line, dedented continuation lines) and how many lines fit none."""
    items: list[tuple[str, list[str]]] = []
    loose = 0
    indent = 0
    for line in lines:
        match = start.match(line)
        if match:
            items.append((line, []))
            indent = width if width is not None else len(match.group(1))
        elif items and (not line.strip() or line.startswith(" ")):
            cut = len(line) - len(line.lstrip(" "))
            items[-1][1].append(line[min(cut, indent) :])
        elif line.strip():
            loose += 1
    return [(first, _trailing_trimmed(rest)) for first, rest in items], loose


def _trailing_trimmed(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _table(lines: list[str]) -> tuple[list[str], list[list[str]], int]:
    """The header cells, the rows' cells and the count of non-table lines of a section."""
    header: list[str] = []
    rows: list[list[str]] = []
    loose = 0
    for line in lines:
        stripped = line.strip()
        if not stripped.startswith("|"):
            loose += bool(stripped)
            continue
        cells = _cells(stripped)
        if not header:
            header = cells
        elif all(re.fullmatch(r":?-+:?", c.strip()) for c in cells if c.strip()) and not rows:
            continue
        else:
            rows.append(cells)
    return header, rows, loose


def _cells(line: str) -> list[str]:
    cells: list[str] = []
    pos, end = 1, len(line)
    while True:
        # one regex step per cell, not one Python step per character: a team library of
        # thousands of files spends most of its parsing time in these tables
        match = _CELL_TEXT.match(line, pos)
        text = match.group()  # type: ignore[union-attr]
        pos = match.end()  # type: ignore[union-attr]
        if pos >= end:
            if text.strip():
                cells.append(text)
            break
        cells.append(text)
        pos += 1  # the "|"
    return [unescape_html(_decode_cell(c.strip())) for c in cells]


# a cell's text: escaped characters (a backslash and any one character) and any
# character but "|" and "\"; a lone backslash at the end of the line is text
_CELL_TEXT = re.compile(r"(?:\\.|\\\Z|[^\\|])*")
# a backslash before an ASCII punctuation character, or a <br> line break
_CELL_ESCAPE = re.compile(r"\\([\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f])|<br>")


def _decode_cell(text: str) -> str:
    return _CELL_ESCAPE.sub(lambda m: m.group(1) if m.group(1) is not None else "\n", text)


def _columns(header: list[str], wanted: dict[str, int | None]) -> dict[str, int | None]:
    """Which cell holds what, from the header's words; the template's order when none match."""
    names = [_heading_key(h) for h in header]
    synonyms = {
        "time": ("time", "when", "timestamp"),
        "event": ("event", "what", "description", "details"),
        "source": ("source",),
        "action": ("action", "task", "item", "action item"),
        "owner": ("owner", "assignee", "who"),
        "priority": ("priority",),
        "due": ("due", "due date", "deadline"),
        "status": ("status", "state"),
    }
    found = {
        key: next(
            (
                i
                for i, n in enumerate(names)
                if n.split(" ")[0] in synonyms[key] or n in synonyms[key]
            ),
            None,
        )
        for key in wanted
    }
    if not any(v is not None for v in found.values()):
        return dict(wanted)
    return found


def _next_day(at: datetime, after: datetime) -> datetime:
    """`at` moved on by whole days until it is not before `after` (within the calendar)."""
    try:
        return at + timedelta(days=(after - at).days + 1)
    except OverflowError:
        return at


def _get(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""
