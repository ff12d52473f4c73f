"""Rewrites that keep the facts: local edits built from the parse, or nothing.

Each builder returns (start, end, replacement) for a span of the sentence, or None when it cannot
build an edit it trusts; the engine then offers the rule's question as a prompt instead. Every
rewrite is linted before it is offered (pmdesk.lint.engine), so one that still blames is dropped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pmdesk.lint.grammar import inflect

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pmdesk.lint.clause import Sentence

Edit = tuple[int, int, str]

#: words dropped with the agent: they judge or hedge the act, and say nothing about the system
_DROPPABLE = {
    "just", "simply", "really", "definitely", "clearly", "obviously", "easily", "surely",
    "certainly", "then", "also", "again", "accidentally", "mistakenly", "inadvertently",
    "carelessly", "wrongly", "erroneously", "unintentionally", "unknowingly", "blindly",
    "recklessly", "hastily", "apparently", "probably", "at", "least", "even", "somehow",
    "sloppily", "lazily", "thoughtlessly", "stupidly", "foolishly", "negligently", "still",
}  # fmt: skip
_NO_FACT = {
    "be",
    "know",
    "realise",
    "realize",
    "think",
    "see",
    "understand",
    "expect",
    "foresee",
    "anticipate",
    "guess",
    "care",
    "bother",
    "try",
    "do",
}
_PLURAL_PRONOUNS = {"they", "them", "these", "those", "we", "us"}
_OBJECT_PRONOUNS = {
    "it": "it",
    "them": "they",
    "this": "this",
    "that": "that",
    "these": "these",
    "those": "those",
}


def _text(s: Sentence, a: int, b: int) -> str:
    """The sentence's text from token a to token b (inclusive)."""
    doc = s.doc
    return doc.text[doc[a].idx : doc[b].idx + len(doc[b].text)]


def _be(head: Token) -> str:
    if head.tag_ in ("NNS", "NNPS") or head.lower_ in _PLURAL_PRONOUNS:
        return "were"
    if head.lower_ in ("i",):
        return "was"
    # "the logs and the metrics" -> were; "the zone instead of the staging one" -> was
    if any(c.dep_ == "cc" and c.lower_ in ("and",) for c in head.children):
        return "were"
    return "was"


def _noun_phrase(s: Sentence, head: Token) -> tuple[int, int, str] | None:
    """(first token, last token, text) of the phrase `head` heads, when it is contiguous."""
    tokens = sorted(head.subtree, key=lambda t: t.i)
    first, last = tokens[0].i, tokens[-1].i
    if last - first + 1 != len(tokens):
        return None
    low = head.lower_
    if head.pos_ == "PRON":
        if low not in _OBJECT_PRONOUNS or first != last:
            return None
        return first, last, _OBJECT_PRONOUNS[low]
    if any(t.lower_ in ("his", "her", "him") for t in tokens):
        return None  # the person would stay in the sentence
    # the phrase ends at its head noun: what follows it ("in review", "that locked the table")
    # stays where it is, after the verb
    last = head.i
    for c in head.children:
        if c.dep_ in ("relcl", "acl") and c.i > head.i:
            if s.doc[c.left_edge.i].lower_ in ("where", "when", "while", "whereas"):
                return None  # "the 50 mg tablets where 5 mg had been prescribed": the parser
                # hung on the noun what says where or when the act was wrong
            last = max(last, c.right_edge.i)  # "the config that took down auth" stays whole
        if c.dep_ == "prep" and c.i == head.i + 1:
            if c.lower_ == "of":
                last = max(last, c.right_edge.i)  # "the severity of the issue" stays whole
            elif c.lower_ in ("about", "for"):
                return None  # "tickets about failed payments": where the phrase ends is unsure
    while (
        last + 1 < len(s.doc)
        and s.doc[last + 1].head.i == last
        and s.doc[last + 1].dep_ in ("compound", "nummod", "npadvmod")
    ):
        last += 1
    nxt = s.doc[last + 1] if last + 1 < len(s.doc) else None
    if any(c.dep_ == head.dep_ and c.i > head.i for c in head.head.children):
        return None  # two objects: the parse is unsure where the phrase ends
    if nxt is not None and (
        nxt.pos_ in ("NOUN", "PROPN", "VERB")
        or not s.doc[last].whitespace_
        and not nxt.is_punct
        or nxt.text in ("-", "–", "/")
    ):
        return None  # the parse split a compound ("the primary mid-backup"): do not guess
    return first, last, _text(s, first, last)


def _cap(text: str, at_start: bool) -> str:
    if at_start:
        return text[:1].upper() + text[1:]
    first = text.split(" ", 1)[0]
    if first in ("The", "A", "An", "This", "That", "These", "Those", "It", "Our", "Their"):
        return text[:1].lower() + text[1:]
    return text


def _rest(s: Sentence, after: int, end_char: int) -> str:
    """The clause's text after token `after`, up to `end_char`."""
    doc = s.doc
    if after + 1 >= len(doc):
        return ""
    start = doc[after].idx + len(doc[after].text)
    return doc.text[start:end_char]


def _between_ok(s: Sentence, a: int, b: int, allowed: set[str]) -> bool:
    """Only droppable words (and particles) between tokens a and b."""
    return all(s.doc[i].lower_ in allowed or s.doc[i].lower_ in _DROPPABLE for i in range(a + 1, b))


#: a time said after the object, which the passive would fold into it
_TIME_NOUNS = {"weeks", "days", "hours", "minutes", "months", "years", "seconds", "week", "day"}
#: where an object sits, which the parser may hang on the verb
_PLACE_PREPS = {
    "around",
    "near",
    "beside",
    "behind",
    "under",
    "inside",
    "outside",
    "next",
    "beneath",
}


def passive(
    s: Sentence, verb: Token, subj: Token, *, negate: bool = False, inner: bool = False
) -> Edit | None:
    """'Priya restarted the primary' -> 'The primary was restarted'; negate adds 'not'."""
    obj = s.object(verb)
    if obj is None or obj.i < verb.i:
        return None
    if any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children):
        return None  # a second act by the same agent would lose its subject
    if any(c.dep_ in ("dative", "ccomp", "xcomp", "oprd") for c in verb.children):
        return None
    if verb.dep_ in ("relcl", "acl"):
        return None  # the parser made the act a clause of something else: its subject is unsure
    if any(
        t.tag_ == "VBG"
        and t.dep_ in ("pcomp", "advcl")
        and not any(c.dep_ == "nsubj" for c in t.children)
        for t in s.doc[: subj.left_edge.i]
    ):
        return None  # "Before touching the HSM, the operator …": the passive would leave the
        # opening phrase hanging from the object
    if any(
        c.dep_ in ("relcl", "acl") and c.left_edge.i > 0 and s.doc[c.left_edge.i - 1].text == ","
        for c in obj.children
    ):
        return None  # "skipped the walkdown, which is why …": the aside would lose its place
    if any(
        c.dep_ in ("advcl", "pcomp")
        and c.tag_ == "VBG"
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        and s.doc[c.i - 1].lower_ in ("while", "whilst", "when")
        for c in s.doc[verb.i + 1 :]
    ):
        return None  # "deleted the bucket while cleaning old test resources": the passive
        # would leave "while cleaning" with no one doing it
    if subj.left_edge.i > 0 and s.doc[subj.left_edge.i - 1].pos_ in ("NOUN", "PROPN"):
        return None  # "After the contractor Mr. Adebayo disabled ...": a noun the parser left
        # beside the subject would stay behind, agent of nothing
    if any(
        c.dep_ in ("acl", "relcl") and c.tag_ == "VB" and any(g.lower_ == "to" for g in c.children)
        for c in obj.children
    ):
        return None  # "rushed the lashing to beat the tide": the purpose would move to the object
    phrase = _noun_phrase(s, obj)
    if phrase is None:
        return None
    first, last, obj_text = phrase
    if s.doc[last].lower_ in _TIME_NOUNS:
        return None  # "checked the expiry date weeks before": the time would join the object
    if last + 1 < len(s.doc) and (
        s.doc[last + 1].pos_ in ("VERB", "AUX")
        or s.doc[last + 1].dep_ == "prep"
        and s.doc[last + 1].head.i == verb.i
        and s.doc[last + 1].lower_ in _PLACE_PREPS
    ):
        return None  # "known the sandbox doesn't mirror prod": a clause, not an object; "ignored
        # the zone around the crane": where would move from the zone to the act
    if last + 1 < len(s.doc) and (
        s.doc[last + 1].pos_ == "NOUN"
        or (s.doc[last + 1].head.i == obj.i and s.doc[last + 1].dep_ in ("amod", "compound"))
    ):
        return None  # "set the gem drop multiplier to 100": the parser cut the object short
    if last - first > 12:
        return None  # a long object before "was pushed" leaves the verb dangling at the end
    particles = [c for c in verb.children if c.dep_ == "prt"]
    if not _between_ok(s, verb.i, first, {p.lower_ for p in particles if p.i < first}):
        return None
    after = last
    trailing = [p for p in particles if p.i == last + 1]
    if trailing:
        after = trailing[0].i
    participle = inflect(verb.lemma_.lower(), "VBN")
    if particles:
        participle += " " + " ".join(p.lower_ for p in particles)
    start = s.span_start(subj)
    end = s.clause_end(verb)
    if any(c.dep_ in ("acl", "relcl", "appos", "prep") and c.i > subj.i for c in subj.children):
        return None  # "the person performing the kernel upgrade forgot to drain the node": the
        # subject's own facts (which upgrade) would go with the person
    if not inner and not _between_ok(s, subj.i, verb.i, set()) and not _only_aux(s, subj.i, verb.i):
        return None  # (inner: the caller has read what stands between, "forgot to", "ought to")
    if after + 1 < len(s.doc) and (
        s.doc[after + 1].lower_ == "of"
        or s.doc[after + 1].text == "#"
        or s.doc[after + 1].text[:1].isdigit()
    ):
        return None  # "completed step 4 of the runbook", "merged PR #4471": the parser split
        # the object's phrase
    if verb.lemma_.lower() in ("tell", "inform", "notify", "warn", "ask", "remind", "brief"):
        return None  # "neglected to tell support that the page was stale": who was told, and
        # what, do not survive the passive
    be = _be(obj)
    if any(c.dep_ == "aux" and c.lower_ == "had" and c.i < subj.i for c in verb.children):
        be = "been"  # "Had the operator isolated the main" -> "Had the main been isolated"
    new = f"{_cap(obj_text, s.at_start(start))} {be} {'not ' if negate else ''}{participle}"
    return start, end, new + _rest(s, after, end)


def _only_aux(s: Sentence, a: int, b: int) -> bool:
    return all(
        s.doc[i].dep_ in ("aux", "neg") or s.doc[i].lower_ in _DROPPABLE for i in range(a + 1, b)
    )


def did_not(s: Sentence, verb: Token, subj: Token, subj_text: str) -> Edit | None:
    """'We should have waited for the backup' -> 'We did not wait for the backup'."""
    start = s.span_start(subj)
    end = s.clause_end(verb)
    base = verb.lemma_.lower()
    if base in _NO_FACT:
        return None  # "should have known better" states no act to keep
    lead = _cap(subj_text, s.at_start(start))
    return start, end, f"{lead} did not {base}" + _rest(s, verb.i, end)


def past(s: Sentence, verb: Token, subj: Token, subj_text: str) -> Edit | None:
    """'It shouldn't have gone out on a Friday' -> 'It went out on a Friday'."""
    start = s.span_start(subj)
    end = s.clause_end(verb)
    if re.search(r"\b(?:let\s+alone|much\s+less|never\s+mind)\b", s.text[start:]):
        return None  # "should never have made it past Friday, let alone into the peak"
    lead = _cap(subj_text, s.at_start(start))
    return start, end, f"{lead} {inflect(verb.lemma_.lower(), 'VBD')}" + _rest(s, verb.i, end)


_ARTICLE = re.compile(r"(?<![\w-])([Aa]n?) $")


def delete_word(text: str, start: int, end: int) -> Edit:
    """Remove text[start:end] without leaving a gap, a stray comma or a wrong article."""
    after = re.compile(r"[ \t]*,?[ \t]*").match(text, end)
    stop = after.end() if after else end
    head = text[:start]
    lead = re.match(r"^\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:UTC)?\s*[-–—:]?\s*)?", text)
    if lead and start <= lead.end():
        # the first word goes: the next one takes its capital
        nxt = text[stop : stop + 1]
        if nxt.islower():
            return start, stop + 1, nxt.upper()
        return start, stop, ""
    article = _ARTICLE.search(head)
    if article:
        nxt = text[stop : stop + 1].lower()
        a = article.group(1)
        an = nxt in "aeiou" and nxt != ""
        new = ("An" if a[0] == "A" else "an") if an else ("A" if a[0] == "A" else "a")
        return article.start(1), stop, new + " "
    if text[start - 1 : start] == " " and text[end : end + 1] in (",", "."):
        return start - 1, end, ""
    if after and after.group().strip() == "," and text[start - 1 : start] == " ":
        return start - 1, stop - 1 if text[stop - 1 : stop] == " " else stop, ""
    return start, stop, ""


def drop_possessive(s: Sentence, name: Token) -> Edit | None:
    """'It was Leo's migration that locked the table' -> 'It was the migration that ...'."""
    doc = s.doc
    case = [c for c in name.children if c.dep_ == "case"]
    if not case:
        return None
    first = name.left_edge.i
    last = case[0].i
    start = doc[first].idx
    end = doc[last].idx + len(doc[last].text)
    word = "The" if s.at_start(start) else "the"
    following = doc[last + 1] if last + 1 < len(doc) else None
    if following is None:
        return None
    return start, end + (1 if doc.text[end : end + 1] == " " else 0), word + " "
