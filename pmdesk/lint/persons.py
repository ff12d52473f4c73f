"""Is this word a person? Known names, @handles, he/she, and names nobody told us about."""

from __future__ import annotations

from collections.abc import Iterable

# Words ending like these are things (replication, monitoring, deployment), not people.
_THING_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ing", "ance", "ence", "ics", "ogy",
                   "ism", "ure", "age", "ship", "ware", "ers", "ors", "ies", "ables", "ists",
                   "base", "flow", "ops", "bot")  # fmt: skip
_NOT_SUBJECT_BEFORE = {
    "the", "a", "an", "our", "their", "its", "his", "her", "this", "that", "these", "those",
    "of", "in", "on", "to", "from", "by", "with", "for", "at", "into", "via", "new", "old",
    "every", "each", "no", "any", "some", "your", "my",
}  # fmt: skip
_ARTICLES = {"the", "a", "an", "our", "their", "its", "this", "that", "these", "those", "every",
             "each", "no", "any", "some", "your", "my", "his", "her"}  # fmt: skip


class PersonTest:
    """Decides whether a word in a sentence names a person; built once per lint call."""

    def __init__(self, people: Iterable[str], not_names: frozenset[str]) -> None:
        known: set[str] = set()
        for name in people:
            name = name.strip().lstrip("@")
            if name:
                known.add(name.lower())
                known.update(part.lower() for part in name.split() if len(part) > 1)
        self.known = known
        self.not_names = not_names

    def __call__(self, text: str, start: int, end: int, floor: int | None = None) -> bool:
        """True when text[start:end] names a person; `floor` is where the rule's match began."""
        word = text[start:end]
        low = word.lower()
        if word.startswith("@"):
            return len(word) > 1
        if low in self.known:
            return True
        if low in ("he", "she"):
            return True
        if len(word) < 2 or not word[0].isupper() or low in self.not_names:
            return False
        rest = word[1:].replace("-", "")
        if not rest.isalpha() or rest.isupper() or _camel(word):
            return False  # DNS, S3, PagerDuty: acronyms and product names
        last = low.rsplit("-", 1)[-1]
        if last.endswith(_THING_SUFFIXES) and not (last.endswith("ing") and len(last) <= 5):
            return False  # but Ming, Jing, Ying and Mei-Ling are people
        # "the Redis cluster", "of Kubernetes": a determiner right before the match means
        # the word is not a subject; words the rule itself matched ("blame on") are fine.
        # A possessive ("thanks to Dmitri's merge") may follow a preposition, not an article.
        edge = start if floor is None else min(start, floor)
        before = text[max(0, edge - 12) : edge].split()
        if not before:
            return True
        word_before = before[-1].lower().strip(",")
        if text[end : end + 2] in ("'s", "’s"):
            return word_before not in _ARTICLES
        return word_before not in _NOT_SUBJECT_BEFORE


def _camel(word: str) -> bool:
    """GitHub, PagerDuty; but not Jae-Won or O'Neil."""
    for i in range(1, len(word)):
        if word[i].isupper() and word[i - 1] not in "-'’":
            return True
    return False
