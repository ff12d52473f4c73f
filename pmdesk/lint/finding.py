"""What the linter reports: one span of text, why it matters, and better wordings."""

from __future__ import annotations

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


@dataclass(slots=True)
class Finding:
    """A span of `text[start:end]` that a rule flagged, with replacements for that span."""

    start: int
    end: int
    rule: str
    category: str
    severity: str
    message: str
    suggestions: list[str] = field(default_factory=list)
    #: Five Whys findings only: which answer the offsets point into ("root_cause" or "why 3")
    where: str = ""

    @property
    def is_warning(self) -> bool:
        """True for the severities that make `pmdesk lint` fail (warning and error)."""
        return self.severity != "info"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
