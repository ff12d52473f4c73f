"""One pass over a sentence that finds every rule's trigger words and needed text at once.

The engine runs a pattern only on a sentence that holds one of its trigger words (each found at
the start of a word) and, for each of its clauses (see pmdesk.lint.literals), one of the
clause's strings. Testing the strings one by one costs a substring search each, and a rule set
has thousands of them. Nearly all of them can only be found where a word starts or after a
non-word character, so one regex, a trie of all of them tried at each non-word character of
the sentence's plain text, finds them all: the regex engine skips from one such character to
the next in C, and at each it finds the longest string that starts right after it. Every
shorter one that starts there is a prefix of that string, so each string the regex can return
stands for a precomputed set of triggers and clauses.

A few needed strings may start inside a word ("ing", or text after a pattern's `.*`). A
clause that holds one is settled by a second search, run only when a pattern would otherwise
run or be skipped on that clause alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import reduce
from operator import or_

from pmdesk.lint.literals import WORD, Clause, is_word_char

_KEY_CHARS = 16


class TextScan:
    """Trigger words and clauses compiled into one regex; `read` scans a sentence's plain text.

    Its answer is one int: the bits the trigger words found switch on, and above them (from
    bit `shift` up) a bit for each clause that holds.
    """

    def __init__(
        self,
        triggers: Mapping[str, int],
        clauses: Iterable[Clause],
        shift: int,
        gates: Mapping[Clause, int] | None = None,
    ) -> None:
        """`triggers`: lowercase word -> bits below 1 << `shift`; clauses are numbered from there.

        `gates`: more bits below `shift` that a clause switches on where it holds, as a trigger
        word does; only for a clause `found_at_word_starts`.
        """
        gates = gates or {}
        keys: dict[str, int] = {}  # text found right after a non-word character -> bits
        loose: dict[int, list[str]] = {}  # clause bit -> strings that may start inside a word
        for word, bits in triggers.items():
            keys[word] = keys.get(word, 0) | bits
        #: the bit of each clause
        self.clauses: dict[Clause, int] = {}
        for clause in clauses:
            bit = self.clauses.setdefault(clause, 1 << (shift + len(self.clauses)))
            credit = bit | gates.get(clause, 0)
            for s in clause:
                if _at_word_start(s):
                    # what follows the WORD mark, or the string's own non-word first character,
                    # is looked for after any non-word character: so a string may be taken as
                    # found where it is not, never missed; and a long one is cut short (a
                    # smaller regex to build, about as telling)
                    key = s[1 : 1 + _KEY_CHARS]
                    keys[key] = keys.get(key, 0) | credit
                else:
                    loose.setdefault(bit, []).append(s)
        # the regex returns only the longest string at a place; it stands for its prefixes too
        self._credit = {
            key: _or(keys.get(key[:n], 0) for n in range(1, len(key) + 1)) for key in keys
        }
        self._find = re.compile(r"\W(?=(" + trie(sorted(keys)) + "))").findall if keys else None
        self._loose = {
            bit: re.compile(trie(sorted(strings))).search for bit, strings in loose.items()
        }
        #: the clause bits that a search for strings inside words may still turn on
        self.loose = _or(self._loose)

    @staticmethod
    def found_at_word_starts(clause: Clause) -> bool:
        """True when `read` alone tells whether the clause holds (no search inside words)."""
        return all(map(_at_word_start, clause))

    def read(self, low: str) -> int:
        """What plain `low` (see literals.plain; it opens with a space) holds, as bits."""
        if self._find is None:
            return 0
        return reduce(or_, map(self._credit.__getitem__, set(self._find(low))), 0)

    def settle(self, missing: int, low: str) -> int:
        """The bits among `missing` (all of them `loose`) of clauses that `low` holds after all."""
        found = 0
        while missing:
            bit = missing & -missing
            missing ^= bit
            if self._loose[bit](low):
                found |= bit
        return found


def _at_word_start(s: str) -> bool:
    """True for a needed string found only at a word start or after a non-word character."""
    return s.startswith(WORD) or not is_word_char(s[0])


def _or(bits: Iterable[int]) -> int:
    return reduce(or_, bits, 0)


def trie(words: list[str]) -> str:
    """A regex matching any of `words`, factored as a trie so each character is tried once.

    Where one word is a prefix of another it prefers the longer (the regex is greedy).
    """
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)
