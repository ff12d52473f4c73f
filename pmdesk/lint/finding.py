"""What the linter reports: one span of text, why it matters, and better wordings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

SEVERITIES = ("info", "warning", "error")

#: the blame categories, in the order the documentation lists them
CATEGORIES = (
    "named-agent",
    "counterfactual",
    "judgmental",
    "human-error-cause",
    "hindsight",
    "group-blame",
    "preventable",
    "punitive",
)


@dataclass
class Finding:
    """A span of `text[start:end]` that a rule flagged, with replacements for that span.

    `suggestions` may be worked out only when first read (see `Finding.later`): finding the
    rewrites that lint clean costs as much as the linting itself, and most findings in a long
    document are never looked at. Reading, comparing, copying or converting a finding gives
    the same list an eager one would hold.
    """

    start: int
    end: int
    rule: str
    category: str
    severity: str
    message: str
    suggestions: list[str] = field(default_factory=list)
    #: Five Whys findings only: which answer the offsets point into ("root_cause" or "why 3")
    where: str = ""
    #: a reframing question to show beside the text; the only help when there is no rewrite
    prompt: str = ""

    @classmethod
    def later(
        cls,
        start: int,
        end: int,
        rule: str,
        category: str,
        severity: str,
        message: str,
        suggestions: PendingSuggestions,
        prompt: str = "",
    ) -> Finding:
        """A finding whose suggestions are computed by `suggestions` on first read."""
        finding = cls(start, end, rule, category, severity, message, prompt=prompt)
        finding.__dict__["suggestions"] = suggestions
        return finding

    def shifted(self, delta: int) -> Finding:
        """The same finding `delta` characters further on; pending suggestions stay pending."""
        moved = Finding(
            self.start + delta,
            self.end + delta,
            self.rule,
            self.category,
            self.severity,
            self.message,
            where=self.where,
            prompt=self.prompt,
        )
        value = self.__dict__["suggestions"]
        moved.__dict__["suggestions"] = list(value) if isinstance(value, list) else value
        return moved

    def preview(self, text: str) -> str:
        """The sentence of `text` that holds the finding, as the first suggestion would leave it;
        "" when there is no suggestion. (A suggestion replaces only its span, which may be a
        single word: the user should see the sentence it makes.)"""
        value = self.suggestions
        if not value:
            return ""
        start = max(
            text.rfind("\n", 0, self.start),
            *(text.rfind(p, 0, self.start) for p in (". ", "? ", "! ")),
        )
        start = 0 if start < 0 else start + (1 if text[start] == "\n" else 2)
        stops = [i for i in (text.find(p, self.end) for p in ("\n", ". ", "? ", "! ")) if i >= 0]
        end = (
            min(stops) + (1 if min(stops) < len(text) and text[min(stops)] in ".?!" else 0)
            if stops
            else len(text)
        )
        return (text[start : self.start] + value[0] + text[self.end : end]).strip()

    @property
    def is_warning(self) -> bool:
        """True for the severities that make `pmdesk lint` fail (warning and error)."""
        return self.severity != "info"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __getstate__(self) -> dict[str, Any]:
        # copy, deepcopy and pickle take the worked-out list, never the pending computation
        return {**self.__dict__, "suggestions": self.suggestions}


class PendingSuggestions:
    """Suggestions still to be worked out; `compute` runs once, however many findings share it."""

    __slots__ = ("_compute", "_value")

    def __init__(self, compute: Callable[[], list[str]]) -> None:
        self._compute: Callable[[], list[str]] | None = compute
        self._value: tuple[str, ...] | None = None

    def get(self) -> list[str]:
        """A fresh list, so a caller that edits its copy changes no other finding's."""
        if self._value is None:
            compute = self._compute
            if compute is not None:  # (two threads may both compute: same answer, no harm)
                self._value = tuple(compute())
                self._compute = None
        return list(self._value or ())


class _Suggestions:
    """The `suggestions` attribute: stored as given, or computed from a pending value on read."""

    def __get__(self, obj: Finding | None, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__["suggestions"]
        if isinstance(value, PendingSuggestions):
            value = obj.__dict__["suggestions"] = value.get()
        return value

    def __set__(self, obj: Finding, value: list[str]) -> None:
        obj.__dict__["suggestions"] = value


# Installed after @dataclass has read the field, so __init__, __eq__, __repr__, replace() and
# asdict() all go through it.
Finding.suggestions = _Suggestions()  # type: ignore[assignment]
