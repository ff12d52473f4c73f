"""Reading a parsed sentence: who does what, and whether a word is a person.

A `Sentence` wraps one spaCy Doc of one sentence with the word lists (rules/words.toml) and the
names the postmortem knows to be people. The judges ask it questions in plain terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_TIME = re.compile(r"^(?:\d{1,2}:\d{2}(?::\d{2})?|\d{4}-\d{2}-\d{2}(?:T[\d:]+Z?)?|[ap]\.?m\.?)$", re.I)
_NON_PERSON_ENTS = {
    "ORG", "PRODUCT", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "LANGUAGE",
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "EVENT",
}  # fmt: skip
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}


@dataclass(frozen=True)
class Words:
    """The word lists of rules/words.toml, as sets."""

    lists: dict[str, frozenset[str]]

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.lists.get(name, frozenset())


@lru_cache(maxsize=4096)
def _in_dictionary(word: str) -> bool:
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(word))


@lru_cache(maxsize=4096)
def verb_lemma(word: str) -> str:
    from lemminflect import getLemma

    found = getLemma(word, upos="VERB")
    return found[0] if found else word


def lemma(t: Token) -> str:
    """The dictionary form of `t`; the tagger's lemma, or the verb's when it kept the word."""
    low = t.lemma_.lower()
    if low == t.lower_ and t.tag_.startswith("VB"):
        return verb_lemma(t.lower_)
    return low


class Sentence:
    def __init__(self, doc: Doc, words: Words, people: frozenset[str]) -> None:
        self.doc = doc
        self.text = doc.text
        self.lower = doc.text.lower()
        self.w = words
        self.people = people  # lowercase single words of known people's names

    # -- who --------------------------------------------------------------------------------

    def is_name(self, t: Token) -> bool:
        """A word that names a person: a known name, a PERSON entity, or a name-like word."""
        low = t.lower_
        if low in self.people:
            return True
        if t.text.startswith("@") and len(t.text) > 1:
            return True
        if low in self.w["not_names"] or not t.text[:1].isupper() or not t.is_alpha:
            return False
        if t.ent_type_ == "PERSON":
            return True
        if t.text.isupper() or any(c.dep_ == "det" for c in t.children):
            return False
        if not _in_dictionary(low) and t.dep_ in ("nsubj", "poss", "nsubjpass", "conj", "appos"):
            # a capitalised word no English dictionary knows, standing where a person would:
            # a name (the tagger and the entity recogniser miss many names in tech prose)
            return True
        if t.ent_type_ in _NON_PERSON_ENTS:
            return False
        # a capitalised word the tagger calls a proper noun, with no article before it
        # ("the Kafka cluster" is a thing) and not the first word of a compound noun
        if t.tag_ not in ("NNP", "NNPS"):
            return False
        if any(c.dep_ == "det" for c in t.children):
            return False
        return not (t.dep_ == "compound" and t.head.tag_ not in ("NNP", "NNPS"))

    def person_kind(self, t: Token | None) -> str:
        """'person' (a name, he/she, a role), 'group' (a team, someone), 'we', or ''."""
        if t is None:
            return ""
        low = t.lower_
        if low in ("we", "us", "i", "you", "they"):
            return "we"
        if low in self.w["pronouns"]:
            return "person"
        if self.is_name(t):
            return "person"
        lemma = t.lemma_.lower()
        compound = " ".join(c.lower_ for c in t.children if c.dep_ == "compound")
        phrase = f"{compound} {lemma}".strip()
        if lemma in ("one", "body") and low in ("no one", "someone", "somebody"):
            return "group"
        if low in self.w["groups"] or lemma in self.w["groups"] or phrase in self.w["groups"]:
            return "group"
        if lemma in self.w["roles"] or low in self.w["roles"] or phrase in self.w["roles"]:
            # "the operator" is a person; "the Kubernetes operator" is software
            if any(self.is_tech(c) for c in t.children if c.dep_ == "compound"):
                return ""
            return "person"
        if low == "one" and t.i > 0 and t.doc[t.i - 1].lower_ == "no":
            return "group"
        return ""

    def is_tech(self, t: Token) -> bool:
        return t.lower_ in self.w["not_names"] or t.text.isupper()

    def subject(self, verb: Token) -> Token | None:
        """The subject of `verb`, following conjoined and embedded verbs up to their subject."""
        seen = 0
        while verb is not None and seen < 6:
            seen += 1
            for c in verb.children:
                if c.dep_ in SUBJECTS:
                    if c.lower_ in ("who", "that") and verb.dep_ == "relcl":
                        return verb.head  # "It was Sven who took down the cache"
                    return c
            if verb.dep_ in ("conj", "xcomp", "ccomp", "advcl") and verb.head is not verb:
                verb = verb.head
                continue
            if verb.dep_ == "relcl":
                return None
            return None
        return None

    def object(self, verb: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ in ("dobj", "obj"):
                return c
        return None

    def negated(self, verb: Token) -> bool:
        return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in verb.children)

    def is_question(self) -> bool:
        return self.text.rstrip().endswith("?")

    def states_principle(self) -> bool:
        """A sentence about blameless practice itself ("an operator error is a symptom")."""
        low = self.lower
        return any(p in low for p in self.w["principle_words"])

    def quoted(self, t: Token) -> bool:
        """The word sits inside quote marks (talk about a word, not use of it)."""
        before = self.text[: t.idx]
        return before.count('"') % 2 == 1 or before.count("“") > before.count("”")

    # -- where ------------------------------------------------------------------------------

    def lead_end(self) -> int:
        """The token index after a timestamp, list marker or label that opens the sentence."""
        i = 0
        doc = self.doc
        while i < len(doc) and (
            _TIME.match(doc[i].text)
            or doc[i].is_punct
            or doc[i].text in ("-", "*", "UTC", "Z")
            or (doc[i].like_num and i + 1 < len(doc) and doc[i + 1].text in (":", ")", "."))
        ):
            i += 1
        return i

    def span_start(self, t: Token) -> int:
        """Start of `t`'s phrase, after any opening timestamp."""
        first = max(t.left_edge.i, self.lead_end() if t.left_edge.i < t.i else t.left_edge.i)
        first = min(first, t.i)
        return self.doc[first].idx

    def clause_end(self, top: Token) -> int:
        """End of the clause `top` heads, without the closing punctuation."""
        last = top.right_edge
        while last.i > top.i and (last.is_punct and last.text not in ('"', ")")):
            last = self.doc[last.i - 1]
        return last.idx + len(last.text)

    def at_start(self, char: int) -> bool:
        """True when nothing but a timestamp or marker comes before `char`."""
        lead = self.lead_end()
        return lead >= len(self.doc) or char <= self.doc[lead].idx
