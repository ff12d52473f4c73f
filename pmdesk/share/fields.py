"""A postmortem's text as a flat list of addressed fields, and the way back.

The redaction pass reads every piece of text a reader could see through one list, so no
field is forgotten, and writes the redacted text back through the same addresses.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from pmdesk.models.postmortem import SCALAR_TEXT_FIELDS, Postmortem

#: sections a facilitator can leave out of the public version, with the names the window shows
SECTIONS: tuple[tuple[str, str], ...] = (
    ("user_impact", "User impact"),
    ("revenue_impact", "Revenue impact"),
    ("timeline", "Timeline"),
    ("what_happened", "What happened"),
    ("why_it_happened", "Why it happened"),
    ("why_not_caught", "Why it was not caught earlier"),
    ("whys", "Five Whys and root cause"),
    ("contributing_factors", "Contributing factors"),
    ("went_well", "What went well"),
    ("could_improve", "What could be improved"),
    ("action_items", "Action items"),
    ("meeting_notes", "Meeting notes"),
)
SECTION_NAMES = frozenset(name for name, _ in SECTIONS)
#: every section is published until the facilitator marks one internal (the issue's reading:
#: "sections the facilitator marks internal are left out"); the window lists them all
DEFAULT_INTERNAL: frozenset[str] = frozenset()


@dataclass(frozen=True)
class TextField:
    """One piece of text: `path` addresses it ("timeline.3.text"), `label` names it for people."""

    path: str
    label: str
    text: str


def text_fields(pm: Postmortem) -> list[TextField]:
    """Every user-written text of `pm`, in the order the document shows them."""
    out = [TextField("title", "Title", pm.title)]
    out += [TextField(f"authors.{i}", "Authors", a) for i, a in enumerate(pm.authors)]
    for name in ("user_impact", "revenue_impact"):
        out.append(TextField(name, _label(name), getattr(pm, name)))
    for i, event in enumerate(pm.timeline):
        label = f"Timeline {event.at:%H:%M}"
        out.append(TextField(f"timeline.{i}.text", label, event.text))
        out.append(TextField(f"timeline.{i}.source", f"{label} (source)", event.source))
    for name in ("what_happened", "why_it_happened", "why_not_caught"):
        out.append(TextField(name, _label(name), getattr(pm, name)))
    out += [TextField(f"whys.{i}", f"Why {i + 1}", w) for i, w in enumerate(pm.whys)]
    for name in ("root_cause", "root_cause_category"):
        out.append(TextField(name, _label(name), getattr(pm, name)))
    out += [
        TextField(f"contributing_factors.{i}", f"Contributing factor {i + 1}", f.text)
        for i, f in enumerate(pm.contributing_factors)
    ]
    for name in ("went_well", "could_improve"):
        out.append(TextField(name, _label(name), getattr(pm, name)))
    for i, item in enumerate(pm.action_items):
        out.append(TextField(f"action_items.{i}.action", f"Action item {i + 1}", item.action))
        out.append(TextField(f"action_items.{i}.owner", f"Action item {i + 1} owner", item.owner))
    out.append(TextField("meeting_notes", "Meeting notes", pm.meeting_notes))
    return [f for f in out if f.text]


def with_texts(pm: Postmortem, texts: dict[str, str]) -> Postmortem:
    """A copy of `pm` with the fields addressed in `texts` replaced."""
    out = copy.deepcopy(pm)
    for path, text in texts.items():
        head, *rest = path.split(".")
        if head in SCALAR_TEXT_FIELDS or head == "title":
            setattr(out, head, text)
        elif head in ("authors", "whys"):
            getattr(out, head)[int(rest[0])] = text
        elif head == "contributing_factors":
            out.contributing_factors[int(rest[0])].text = text
        elif head in ("timeline", "action_items"):
            setattr(getattr(out, head)[int(rest[0])], rest[1], text)
        else:
            raise KeyError(path)
    return out


def without_sections(pm: Postmortem, internal: frozenset[str] | set[str]) -> Postmortem:
    """A copy of `pm` with the internal sections emptied."""
    out = copy.deepcopy(pm)
    for name in internal:
        if name in ("timeline", "contributing_factors", "action_items"):
            setattr(out, name, [])
        elif name == "whys":
            out.whys, out.root_cause = [], ""
        elif name in SECTION_NAMES:
            setattr(out, name, "")
    return out


def _label(name: str) -> str:
    return {
        "user_impact": "User impact",
        "revenue_impact": "Revenue impact",
        "what_happened": "What happened",
        "why_it_happened": "Why it happened",
        "why_not_caught": "Why it was not caught earlier",
        "root_cause": "Root cause",
        "root_cause_category": "Root-cause category",
        "went_well": "What went well",
        "could_improve": "What could be improved",
    }[name]
