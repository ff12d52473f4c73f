"""The redaction pass: what will be replaced, by which placeholder, and the redacted text.

A facilitator's choices for one postmortem (replacements rejected, terms added, sections
kept internal) are a `RedactionChoices`; `plan_redaction` turns a postmortem and its choices
into a `RedactionPlan` that the review window lists and the exporters apply.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterable
from dataclasses import dataclass, field

from pmdesk.errors import PmdeskError
from pmdesk.models.postmortem import Postmortem
from pmdesk.share.detect import Kind, Span, find_entities, find_spans
from pmdesk.share.fields import (
    DEFAULT_INTERNAL,
    SECTION_NAMES,
    TextField,
    text_fields,
    with_texts,
    without_sections,
)

_CONTEXT = 40


class ChoicesError(PmdeskError):
    """Stored redaction choices that cannot be read."""


@dataclass(frozen=True)
class RedactionChoices:
    """What the facilitator decided for one postmortem; empty means 'as pmdesk proposes'."""

    rejected: frozenset[str] = frozenset()
    added: tuple[tuple[str, Kind], ...] = ()
    internal: frozenset[str] = DEFAULT_INTERNAL

    def to_json(self) -> str:
        return json.dumps(
            {
                "rejected": sorted(self.rejected),
                "added": [{"text": t, "kind": k.value} for t, k in self.added],
                "internal": sorted(self.internal),
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> RedactionChoices:
        try:
            data = json.loads(text)
            return cls(
                rejected=frozenset(str(t) for t in data.get("rejected", [])),
                added=tuple((str(a["text"]), Kind(a["kind"])) for a in data.get("added", [])),
                internal=frozenset(s for s in data.get("internal", []) if s in SECTION_NAMES),
            )
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise ChoicesError(f"the saved public-version choices cannot be read: {exc}") from None

    def rejecting(self, text: str, rejected: bool = True) -> RedactionChoices:
        new = self.rejected | {text} if rejected else self.rejected - {text}
        return RedactionChoices(new, self.added, self.internal)

    def adding(self, text: str, kind: Kind) -> RedactionChoices:
        text = " ".join(text.split())
        if not text:
            raise PmdeskError("type the text to replace")
        added = tuple(a for a in self.added if a[0] != text) + ((text, Kind(kind)),)
        return RedactionChoices(self.rejected - {text}, added, self.internal)

    def with_internal(self, sections: Iterable[str]) -> RedactionChoices:
        return RedactionChoices(self.rejected, self.added, frozenset(sections) & SECTION_NAMES)


@dataclass(frozen=True)
class Occurrence:
    path: str
    label: str
    start: int
    end: int
    #: the sentence around the find, with the find between « and »
    context: str


@dataclass
class Replacement:
    """One string that the public version replaces (or would, if not rejected)."""

    kind: Kind
    original: str
    placeholder: str
    occurrences: list[Occurrence] = field(default_factory=list)
    accepted: bool = True
    added: bool = False


@dataclass
class RedactionPlan:
    replacements: list[Replacement]
    public: Postmortem

    def leaks(self) -> list[Replacement]:
        """Rejected replacements: text the facilitator chose to publish as written."""
        return [r for r in self.replacements if not r.accepted]


def plan_redaction(pm: Postmortem, choices: RedactionChoices | None = None) -> RedactionPlan:
    """Find everything to replace in `pm`, apply `choices`, and build the public copy."""
    choices = choices or RedactionChoices()
    kept = without_sections(pm, choices.internal)
    for item in kept.action_items:
        item.tracker_url = ""  # trackers are internal systems; a reader cannot open them
    fields = text_fields(kept)
    entities = find_entities(fields, kept.people(), choices.added)
    spans = find_spans(fields, entities)
    added_keys = {f"{k}:{t.casefold()}" for t, k in choices.added}
    placeholders = _placeholders(spans)
    by_text: dict[tuple[str, str], Replacement] = {}
    labels = {f.path: f for f in fields}
    for span in spans:
        row = by_text.get((span.key, span.text))
        if row is None:
            row = by_text[(span.key, span.text)] = Replacement(
                span.kind,
                span.text,
                placeholders[span.key],
                accepted=span.text not in choices.rejected,
                added=span.key in added_keys,
            )
        row.occurrences.append(_occurrence(labels[span.path], span))
    applied = [s for s in spans if s.text not in choices.rejected]
    public = with_texts(kept, _apply(fields, applied, placeholders))
    public.id = None
    public.is_example = False
    return RedactionPlan(list(by_text.values()), public)


def _placeholders(spans: list[Span]) -> dict[str, str]:
    """One placeholder per entity, numbered by kind in the order the document first names it."""
    counts: dict[Kind, int] = {}
    out: dict[str, str] = {}
    for span in spans:
        if span.key in out:
            continue
        n = counts[span.kind] = counts.get(span.kind, 0) + 1
        out[span.key] = _placeholder(span.kind, n)
    return out


def _placeholder(kind: Kind, n: int) -> str:
    letters = _letters(n)
    return {
        Kind.PERSON: f"Engineer {letters}",
        Kind.TEAM: f"Team {letters}",
        Kind.EMAIL: f"email address {n}",
        Kind.HOST: f"internal host {n}",
        Kind.IP: f"IP address {n}",
        Kind.URL: f"internal URL {n}",
        Kind.TICKET: f"ticket {n}",
        Kind.CHANNEL: f"internal channel {n}",
        Kind.SECRET: f"[secret {n} removed]",
    }[kind]


def _letters(n: int) -> str:
    """1 → A, 26 → Z, 27 → AA."""
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = string.ascii_uppercase[rest] + out
    return out


def _occurrence(f: TextField, span: Span) -> Occurrence:
    left = f.text[max(0, span.start - _CONTEXT) : span.start]
    right = f.text[span.end : span.end + _CONTEXT]
    left = ("…" if span.start > _CONTEXT else "") + left
    right = right + ("…" if span.end + _CONTEXT < len(f.text) else "")
    context = re.sub(r"\s+", " ", f"{left}«{span.text}»{right}")
    return Occurrence(f.path, f.label, span.start, span.end, context)


def _apply(
    fields: list[TextField], spans: list[Span], placeholders: dict[str, str]
) -> dict[str, str]:
    by_path: dict[str, list[Span]] = {}
    for span in spans:
        by_path.setdefault(span.path, []).append(span)
    out = {}
    for f in fields:
        text = f.text
        for span in sorted(by_path.get(f.path, []), key=lambda s: s.start, reverse=True):
            text = text[: span.start] + placeholders[span.key] + text[span.end :]
        if text != f.text:
            out[f.path] = text
    return out
