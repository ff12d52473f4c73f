"""Flags for the facilitator: what was said, a better wording, and what to say aloud.

Everything typed in the meeting console (notes, Five Whys answers, action items)
goes through here. A LiveFlag carries the span it concerns, the text that would
replace that span, and the redirect prompt of its category from the agenda.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from pmdesk.lint import check_five_whys, lint
from pmdesk.lint.labels import CATEGORY_LABELS
from pmdesk.meeting.action_check import check_action_item
from pmdesk.meeting.agenda import load_agenda

LABELS = {
    **CATEGORY_LABELS,
    "action-targets-person": "Aimed at a person, not the system",
    "action-not-actionable": "Not something that can be done",
    "action-incomplete": "Incomplete",
}


@dataclass(frozen=True)
class LiveFlag:
    category: str
    message: str
    start: int
    end: int
    #: what replaces text[start:end] when the facilitator accepts; None: nothing to offer
    replacement: str | None
    prompt: str
    #: which field or answer the flag is about ("text", "why 3", "owner", ...)
    where: str = "text"
    #: the reframing question to ask when there is no rewrite that keeps the facts
    question: str = ""
    #: the sentence as the rewrite leaves it, for showing (the replacement may be one word)
    preview: str = ""

    @property
    def label(self) -> str:
        return LABELS.get(self.category, self.category.replace("-", " ").capitalize())

    def rewritten(self, text: str) -> str | None:
        """`text` with the replacement in place, or None when there is none."""
        if self.replacement is None:
            return None
        return text[: self.start] + self.replacement + text[self.end :]


def flags_for_text(text: str, people: Iterable[str] = ()) -> list[LiveFlag]:
    """Blame-language flags in free text (a note, an answer), in the order of the text."""
    agenda = load_agenda()
    return [
        LiveFlag(
            f.category,
            f.message,
            f.start,
            f.end,
            f.suggestions[0] if f.suggestions else None,
            agenda.prompt(f.category),
            question=f.prompt,
            preview=f.preview(text),
        )
        for f in lint(text, list(people))
        if f.is_warning
    ]


def flags_for_whys(whys: Sequence[str], root_cause: str) -> list[LiveFlag]:
    """The Five Whys check: a chain that stops at a person gets 'ask why once more'."""
    agenda = load_agenda()
    out = []
    for f in check_five_whys(list(whys), root_cause):
        # The last suggestion is the question to ask next, not a rewrite of the answer.
        rewrite = f.suggestions[0] if len(f.suggestions) > 1 else None
        out.append(
            LiveFlag(
                f.category, f.message, f.start, f.end, rewrite, agenda.prompt(f.category), f.where
            )
        )
    return out


def flags_for_action(
    action: str, owner: str, due_date: date | None, people: Iterable[str] = ()
) -> list[LiveFlag]:
    """An action item's flags: aimed at a person, not actionable, blame words, incomplete."""
    agenda = load_agenda()
    out: list[LiveFlag] = []
    missing: list[str] = []
    for f in check_action_item(action, owner, due_date):
        if f.field != "action":
            missing.append(f.field)
            continue
        category = f"action-{f.kind}"
        # Action rewrites replace the whole action: "retrain John" has no good half.
        replacement = f.suggestions[0] if f.suggestions else None
        out.append(
            LiveFlag(category, f.message, 0, len(action), replacement, agenda.prompt(category))
        )
    if missing:
        # One flag for what is missing, so the console shows both at once.
        message = {
            ("owner",): "No owner yet: who will drive it?",
            ("due_date",): "No due date yet: by when?",
        }.get(tuple(missing), "No owner and no due date yet: who will drive it, and by when?")
        out.append(
            LiveFlag(
                "action-incomplete",
                message,
                0,
                0,
                None,
                agenda.prompt("action-incomplete"),
                ",".join(missing),
            )
        )
    blame = flags_for_text(action, people)
    if any(f.replacement for f in out):
        # "Retrain John": the action's own rewrite replaces the whole action, punitive word
        # included, so a blame flag with nothing to offer would only repeat it
        blame = [f for f in blame if f.replacement is not None]
    # Blame words first when there are any: they are what the room should not hear twice.
    return [*blame, *out] if blame else out


def answer_flags(
    text: str, whys: list[str], root_cause: str, people: tuple[str, ...]
) -> list[LiveFlag]:
    """The flags of a Five Whys answer being typed (the last of `whys`): where the chain stops
    at a person, "ask why once more" is what the room needs to hear first; the sentence's own
    wording comes after it."""
    where = f"why {len(whys)}"
    chain = [f for f in flags_for_whys(whys, root_cause) if f.where == where]
    return chain + flags_for_text(text, people)


def root_cause_flags(text: str, whys: list[str], people: tuple[str, ...]) -> list[LiveFlag]:
    """The flags of the root cause being typed: its wording, else the chain stopping at it."""
    chain = [f for f in flags_for_whys(whys, text) if f.where == "root_cause"]
    return flags_for_text(text, people) or chain


def flags_with_text(text: str, find: Callable[[], list[LiveFlag]]) -> tuple[str, list[LiveFlag]]:
    """`find()`'s flags beside the text they were found in: the field that asked shows them
    only while it still holds that text."""
    return text, find()


def flag_near(flags: Sequence[LiveFlag], position: int) -> LiveFlag | None:
    """The flag the cursor is on (the first listed, where spans overlap) or just after;
    else the first one with a rewrite."""
    if not flags:
        return None
    covering = [f for f in flags if f.start <= position <= f.end]
    if covering:
        return covering[0]
    before = [f for f in flags if f.start <= position]
    if before:
        return before[-1]
    return next((f for f in flags if f.replacement is not None), flags[0])
