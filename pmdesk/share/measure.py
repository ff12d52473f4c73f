"""How well a public version did: the planted identifiers it removed, the other words it kept.

Both figures are read from what a reader gets, the rendered Markdown of the source and of
the public copy. Recall counts occurrences: a name left once in the timeline is a leak even
if every other mention was replaced.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

# Placeholders are blanked before words are compared, so "Engineer A" cannot pass for a word
# the source had.
_PLACEHOLDER = re.compile(
    r"Engineer [A-Z]{1,2}\b|Team [A-Z]{1,2}\b|(?:email address|internal host|IP address|"
    r"internal URL|ticket|internal channel) \d+|\[secret \d+ removed\]"
)
_WORD = re.compile(r"\w+")


@dataclass
class Score:
    planted: int = 0
    leaked: int = 0
    words: int = 0
    words_kept: int = 0
    leaks: list[str] = field(default_factory=list)
    by_kind: dict[str, list[int]] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        return 1.0 if not self.planted else 1 - self.leaked / self.planted

    @property
    def kept(self) -> float:
        return 1.0 if not self.words else self.words_kept / self.words

    def add(self, other: Score) -> None:
        self.planted += other.planted
        self.leaked += other.leaked
        self.words += other.words
        self.words_kept += other.words_kept
        self.leaks += other.leaks
        for kind, (n, leaked) in other.by_kind.items():
            total = self.by_kind.setdefault(kind, [0, 0])
            total[0] += n
            total[1] += leaked


def occurrences(identifier: str, text: str, kind: str) -> int:
    flags = 0 if kind == "person" else re.IGNORECASE
    return len(re.findall(rf"(?<!\w){re.escape(identifier)}(?!\w)", text, flags))


def score(source: str, public: str, planted: dict[str, list[str]]) -> Score:
    """Compare the source and public Markdown; `planted` maps a kind to its identifiers."""
    result = Score()
    blanked = source
    for kind, identifiers in planted.items():
        counts = result.by_kind.setdefault(kind, [0, 0])
        for identifier in identifiers:
            n = occurrences(identifier, source, kind)
            leaked = min(n, occurrences(identifier, public, kind))
            counts[0] += n
            counts[1] += leaked
            result.planted += n
            result.leaked += leaked
            if leaked:
                result.leaks.append(f"{kind}: {identifier} ({leaked} of {n})")
            flags = 0 if kind == "person" else re.IGNORECASE
            blanked = re.sub(rf"(?<!\w){re.escape(identifier)}(?!\w)", " ", blanked, flags=flags)
    words = Counter(_WORD.findall(blanked))
    left = Counter(_WORD.findall(_PLACEHOLDER.sub(" ", public)))
    result.words = sum(words.values())
    result.words_kept = sum((words & left).values())
    return result
