"""Rewrite templates: "{obj|cap} {obj|be} {verb|participle}" filled from a rule's match."""

from __future__ import annotations

import re

from pmdesk.lint import inflect

_SLOT = re.compile(r"\{(\w+)(\??)((?:\|\w+)*)\}")
LEAD = re.compile(r"(\s*(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*UTC|Z)?\s*[-–—:]?\s*)?)")
_PLURAL_HEADS = ("these", "those", "all", "both", "several", "many", "some")


def _be(phrase: str) -> str:
    words = phrase.lower().split()
    if not words:
        return "was"
    if words[0] in _PLURAL_HEADS or (words[0].isdigit() and words[0] != "1"):
        return "were"
    last = words[-1]
    plural = last.endswith("s") and not last.endswith(("ss", "us", "is", "'s", "ys"))
    return "were" if plural and len(last) > 3 else "was"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _lower(s: str) -> str:
    # keep acronyms and names (DNS, Kubernetes) as they are; lower "The" and "Pushing"
    first = s.split(" ", 1)[0]
    if len(first) > 1 and (first[1].isupper() or not first.isalpha()):
        return s
    return s[:1].lower() + s[1:]


FILTERS = {
    "cap": _cap,
    "lower": _lower,
    "strip": str.strip,
    "participle": lambda s: _participle(s),
    "base": lambda s: " ".join([inflect.base(s.split()[0]), *s.split()[1:]]),
    "past": lambda s: " ".join([inflect.past(s.split()[0]), *s.split()[1:]]),
    "be": _be,
    "pp": lambda s: " ".join(
        [inflect.participle(inflect.past(inflect.base(s.split()[0]))), *s.split()[1:]]
    ),
    "clause": lambda s: re.sub(r"^\s*(?:[A-Za-z]+,\s+)+", "", s),
    "and_verb": lambda s: _and_clause(s, verb=True),
    "and_adj": lambda s: _and_clause(s, verb=False),
}


# A verb phrase that opens with these has no participle: "didn't notice" is not "was didn't".
_NO_PARTICIPLE = {"did", "didn't", "didnt", "never", "hasn't", "haven't", "wouldn't", "refused",
                  "failed", "couldn't", "just", "still", "keeps", "keep", "must", "should",
                  "sat", "slept", "let", "left"}  # fmt: skip


def _participle(phrase: str) -> str | None:
    words = phrase.split()
    if words[0].lower() in _NO_PARTICIPLE:
        return None
    return " ".join([inflect.participle(words[0]), *words[1:]])


def _and_clause(after: str, *, verb: bool) -> str | None:
    """ " and sent broken links." -> " sent broken links." when its first word is (not) a verb."""
    m = re.match(r"\s*,?\s*and\s+(\w+)(.*)", after, re.S)
    if not m:
        return None
    word = m.group(1).lower()
    is_verb = (word.endswith("ed") and not word.startswith("un")) or word in inflect.IRREGULAR_PAST
    if not m.group(2).strip(" .!?;,"):
        is_verb = False  # "careless and rushed." ends there: an adjective, not a new clause
    return " " + m.group(1) + m.group(2) if is_verb == verb else None


def uses_context(template: str) -> bool:
    """True when the template writes the whole sentence ({before} or {after})."""
    return any(m.group(1) in ("before", "after") for m in _SLOT.finditer(template))


def render(template: str, values: dict[str, str | None]) -> str | None:
    """Fill the template; None when it needs a group that did not take part in the match."""
    missing = False

    def one(m: re.Match[str]) -> str:
        nonlocal missing
        value = values.get(m.group(1))
        if m.group(2) and not value:
            return ""  # {name?}: optional
        if value is None or (not value.strip() and m.group(1) not in ("before", "after")):
            missing = True
            return ""
        for name in filter(None, m.group(3).split("|")):
            value = FILTERS[name](value) if value else value
            if value is None:
                missing = True
                return ""
        return value

    out = _SLOT.sub(one, template)
    return None if missing else out


def splice(sentence: str, start: int, end: int, replacement: str) -> str:
    """The sentence with [start:end) replaced, tidied and capitalised where a sentence begins."""
    head = sentence[:start]
    if not head.strip() or LEAD.fullmatch(head):
        replacement = _cap(replacement.lstrip())
    return tidy(head + replacement + sentence[end:])


def tidy(s: str) -> str:
    s = re.sub(r"[ \t]{2,}", " ", s.strip())
    s = re.sub(r"\s+([,.;:!?])", r"\1", s)
    s = re.sub(r"([,;:])\1+", r"\1", s)
    s = re.sub(r"\?[.,;:]+", "?", s)
    s = re.sub(r"([;,] )(What|Why|How|Which)\b", lambda m: m.group(1) + m.group(2).lower(), s)
    s = re.sub(r"^[\s,;:]+", "", s)
    s = re.sub(r"\b([Aa]n?) (?=(?:an?|the) )", "", s)  # "a a manual step"
    s = re.sub(r"\b([Aa]) (?=[aeioAEIO][a-z])(?!one\b|once\b)", r"\1n ", s)
    lead = LEAD.match(s).end()
    return s[:lead] + _cap(s[lead:])
