"""A long regular expression of alternatives, searched only where it can match.

The phrase rules are alternations of a hundred turns of phrase. Python's regular expressions try
every alternative at every position of a sentence, so one search of a 120-character sentence
costs a fifth of a millisecond, and the first stage asks it of a thousand sentences in a long
document. Here each alternative is declared with the words one of which any match of it holds
(`("obvious", r"\\bpainfully\\s+obvious\\b")`); a search tries only the alternatives whose words
are in the sentence. It finds exactly what the whole alternation would: the leftmost match, and
at a tie the alternative written first. (tests/lint/test_alternatives.py checks that every
alternative's words are in every text it can match.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

#: letters that match an ASCII letter under re.IGNORECASE without lowering to it (the dotted and
#: the dotless i, the long s): a sentence holding one is searched with the whole alternation
_UNLIKE = frozenset("\u0130\u0131\u017f")


class Alternatives:
    """Alternatives, each with its words: `(words, pattern)`, words a string or a tuple."""

    def __init__(self, *alternatives: tuple[str | tuple[str, ...], str], flags: int = re.I):
        self.alternatives = alternatives
        self.flags = flags
        self._compiled: list[re.Pattern[str] | None] = [None] * len(alternatives)
        self._by_word: dict[str, list[int]] = {}
        for i, (words, _) in enumerate(alternatives):
            for word in (words,) if isinstance(words, str) else words:
                self._by_word.setdefault(word, []).append(i)

    def __add__(self, other: Alternatives) -> Alternatives:
        """These alternatives, then `other`'s (as the whole patterns' `a|b` would try them)."""
        return Alternatives(*self.alternatives, *other.alternatives, flags=self.flags)

    @cached_property
    def whole(self) -> re.Pattern[str]:
        """The whole alternation as one pattern, compiled when first asked."""
        return re.compile("|".join(p for _, p in self.alternatives), self.flags)

    @property
    def pattern(self) -> str:
        return self.whole.pattern

    def search(self, text: str) -> re.Match[str] | None:
        """What `self.whole.search(text)` finds (the same span; its groups are numbered apart)."""
        if not _UNLIKE.isdisjoint(text):
            return self.whole.search(text)
        low = text.lower()
        tried: set[int] = set()
        for word, indices in self._by_word.items():
            if word in low:
                tried.update(indices)
        found: re.Match[str] | None = None
        for i in sorted(tried):
            compiled = self._compiled[i]
            if compiled is None:
                compiled = self._compiled[i] = re.compile(self.alternatives[i][1], self.flags)
            m = compiled.search(text)
            if m is not None and (found is None or m.start() < found.start()):
                found = m
        return found

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.whole.finditer(text)
