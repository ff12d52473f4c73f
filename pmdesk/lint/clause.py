"""Reading a parsed sentence: who does what, and whether a word is a person.

A `Sentence` wraps one spaCy Doc of one sentence with the word lists (rules/words.toml) and the
names the postmortem knows to be people. The judges ask it questions in plain terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from pmdesk.lint.names import is_given_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_TIME = re.compile(
    r"^(?:\d{1,2}:\d{2}(?::\d{2})?|\d{4}-\d{2}-\d{2}(?:T[\d:]+Z?)?|[ap]\.?m\.?)$", re.I
)
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
#: what software does; a name no list knows that does these is a program
_SOFTWARE_VERBS = {
    "fail", "crash", "hang", "stall", "return", "throw", "emit", "log", "leak", "overflow",
    "panic", "segfault", "deadlock", "loop", "exceed", "exhaust", "reject", "throttle",
    "refuse", "time", "spin", "retry", "timeout", "error",
}  # fmt: skip
#: work that people, rather than programs, own: "Naoko's rollback" (but "Vitess's migration")
_PEOPLES_WORK = {
    "rollback", "decision", "call", "change", "push", "typo", "mistake", "fix", "deploy",
    "command", "edit", "script", "response", "handoff", "handling", "plan", "idea", "approval",
    "review", "commit", "merge", "hotfix", "cutover", "failover", "cleanup", "refactor",
    "pr", "upload", "run", "query", "patch", "tweak",
}  # fmt: skip
#: the words before a possessive that make its owner the author of a piece of work in a cause:
#: "it was Oluwaseun's change", "introduced by Lwazi's PR", "after Bogdan's run"
_BEFORE_WHOSE_WORK = {"was", "by", "after", "following", "since", "from", "to"}
#: a blame named only to be set aside, in the sentence that sets it aside
_SET_ASIDE = re.compile(
    r"^\W*(?:rather\s+than|instead\s+of)\s+(?:ask(?:ing)?|blam(?:e|ing)|focus(?:ing)?\s+on|"
    r"look(?:ing)?\s+for)\s+(?:why|who|whom|whose|whether|a\s+culprit|the\s+culprit)\b"
    r"|\b(?:who|whoever|which\s+(?:engineer|person|nurse|operator|driver))\s+[^.;?!]{1,40}?"
    r"(?:doesn['’]t|does\s+not|didn['’]t|did\s+not|won['’]t|will\s+not)\s+(?:really\s+)?matter\b"
    # the practice said plainly: "we don't ask whose fault it was", "we are not looking for who
    # made the mistake", "the question isn't who ...", "instead of calling it preventable, ...",
    # "we don't use words like careless", "no finding of individual fault", "not about what they
    # should have done", "I don't think anyone was careless"
    r"|\b(?:we\s+|i\s+)?(?:don['’]t|do\s+not|are\s+not|aren['’]t|['’]re\s+not|never)\s+(?:ask(?:ing)?|"
    r"look(?:ing)?\s+for|about|here\s+to\s+(?:find|ask|decide))\s+(?:who|whose|whom)\b"
    r"|\b(?:the\s+)?question\s+(?:isn['’]t|is\s+not|was\s+never|wasn['’]t|is\s+never)\s+(?:who|whose|whom)\b"
    r"|^\W*(?:instead\s+of|rather\s+than)\s+(?:calling|labell?ing|writing|saying|describing)\b"
    r"|\b(?:don['’]t|do\s+not|never|avoid)\s+(?:use|using)\s+(?:words|terms|language|labels|phrases)\s+"
    r"(?:like|such\s+as)\b"
    r"|\bno\s+finding\s+of\s+(?:individual|personal)\s+(?:fault|blame|error|negligence|culpability)\b"
    r"|\bnot\s+(?:about\s+)?(?:what|who)\s+(?:they|he|she|people|anyone|someone)\s+should\s+have\b"
    r"|\b(?:don['’]t|do\s+not|didn['’]t|did\s+not)\s+think\s+(?:anyone|anybody|they|he|she|the\s+[\w-]+)\s+"
    r"(?:was|were)\s+(?:being\s+)?(?:careless|negligent|sloppy|lazy|reckless|at\s+fault|to\s+blame|"
    r"incompetent)\b"
    r"|\bas\s+the\s+(?:start|beginning)\s+of\s+(?:an|the)\s+(?:investigation|inquiry|analysis)\b"
    r"|^\W*(?:nobody|no\s+one|no-one)\s+(?:ignored|missed|skipped|forgot|overlooked|dropped|neglected)\b"
    r"[^.;:]*[;:—–]\s*(?:it|the|this|that|they)\b"
    # hindsight's look named as such, a blame question answered "no", or discussed
    r"|\bwhat\s+(?:looks|looked|seems|seemed|appears|appeared)\s+like\s+(?:\w+\s+){0,2}(?:carelessness|"
    r"negligence|laziness|sloppiness|recklessness|incompetence|human\s+error|(?:a\s+)?mistake)\b"
    r"|\?\s*(?:[\w ]{1,30}:\s*)?(?:no|nope|absolutely\s+not|not\s+at\s+all)\b(?!\s+one\b)"
    r"|\b(?:discussed|asked|considered|examined|explored|looked\s+at)\s+whether\s+(?:anyone|anybody|"
    r"someone|somebody)\s+could\s+(?:have|reasonably\s+have)\b"
    r"|['’]s\s+(?:[\w-]+\s+)?(?:change|fix|deploy|edit|commit|work|call|config|script|query)\s+(?:was|were)\s+"
    r"(?:correct|fine|right|sound|not\s+the\s+cause|unrelated|not\s+at\s+fault)\s*[;:—–]",
    re.I,
)
#: "it would be easy to say the nurse should have double-checked, but ..." (set aside only when
#: what follows the "but" does not put a person in the subject: not "..., but the team ignored it")
_EASY_TO_SAY = re.compile(
    r"\bit(?:\s+would\s+be|\s+is|['’]s|\s+was|\s+would\s+have\s+been)\s+(?:\w+\s+)?(?:easy|tempting|natural)\s+"
    r"to\s+(?:say|blame|conclude|think|assume|write|decide|point)\b[^.]*?\bbut\b",
    re.I,
)
#: what a "... manager" is when it is a program: "the channel manager", "the secrets manager"
_SOFTWARE_MANAGERS = frozenset(
    "channel package secrets secret window certificate cert task cluster resource password "
    "device traffic file connection session lock memory process config configuration "
    "dependency download update plugin display network volume partition boot key credential "
    "identity entitlement license licence queue job workflow event state".split()
)
#: titles before a surname
#: a courtesy said after a name, in Indian English and beyond: "Rahul sir", "Ramesh ji"
_AFTER_NAME = {"sir", "ji", "madam", "ma'am", "maam", "saab", "sahab", "sahib", "garu", "bhai"}
_HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "mx",
    "prof",
    "sgt",
    "capt",
    "lt",
    "col",
    "insp",
    "supt",
    "cpl",
    "professor",
    "captain",
    "sister",
    "nurse",
    "officer",
    "sergeant",
    "inspector",
    "constable",
    "detective",
    "lieutenant",
    "corporal",
    "superintendent",
    "doctor",
    # a trade's title before a name: "Chef Tunde", "Coach Barry", "Matron Okoye"
    "chef",
    "coach",
    "matron",
    "skipper",
    "foreman",
    "ranger",
}
_PREFIXES = {"pre", "post", "multi", "non", "anti", "auto", "sub", "self", "co", "re", "de", "un",
             "semi", "mid", "inter", "intra", "micro", "macro", "cross", "geo", "tri", "bi"}  # fmt: skip
#: what only people should have done: "Sanjay should have checked", not "Vitess should have
#: rejected"
_HUMAN_CHECKS = {
    "check", "test", "verify", "confirm", "review", "read", "ask", "wait", "know", "realise",
    "realize", "notice", "escalate", "page", "tell", "warn", "look", "think", "follow", "consult",
    "coordinate", "communicate", "announce", "notify", "inform", "double-check", "listen",
    "speak", "talk", "call", "ping", "loop", "flag", "raise", "mention", "question", "insist",
}  # fmt: skip
#: acts only a person does to a system: "Chidi should not have silenced the pager"
_HUMAN_ACTS = {
    "silence", "mute", "snooze", "acknowledge", "ack", "approve", "merge", "ignore", "skip",
    "rush", "override", "bypass", "hand-edit", "push", "force-push", "sign", "wake",
}  # fmt: skip
#: what an appositive calls a program: "Gaia, the internal batch scheduler, skipped ..."
_PROGRAM_NOUNS = {
    "scheduler", "service", "bot", "tool", "job", "daemon", "agent", "operator", "controller",
    "library", "client", "server", "proxy", "system", "pipeline", "app", "application",
    "platform", "script", "worker", "process", "cron", "plugin", "framework", "engine", "box",
    "machine", "host", "node", "runner", "instance", "vm",
}  # fmt: skip


@dataclass(frozen=True)
class Words:
    """The word lists of rules/words.toml, as sets."""

    lists: dict[str, frozenset[str]]

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.lists.get(name, frozenset())


@lru_cache(maxsize=4096)
def _past(verb: str) -> str:
    from pmdesk.lint.grammar import inflect

    return inflect(verb, "VBD").lower()


#: a lowercase handle with a dot: a given name or initial, a dot, a surname or initial
_DOTTED_HANDLE = re.compile(r"^[a-z][a-z]*\.[a-z][a-z]*$")
#: what follows the dot in a file's or a host's name
_NOT_HANDLE_ENDS = {
    "py", "js", "ts", "sh", "rb", "go", "rs", "md", "txt", "log", "csv", "json", "yaml", "yml",
    "toml", "ini", "cfg", "conf", "xml", "html", "sql", "tf", "lock", "env", "com", "org",
    "net", "io", "dev", "app", "local", "internal", "int", "corp", "lan", "svc", "cluster",
    "prod", "staging", "stage", "test", "example", "cloud", "ai", "co", "uk", "de", "fr", "jar",
    "war", "zip", "gz", "tar", "tgz", "bak", "old", "tmp", "pem", "crt", "key", "cert", "service",
    "timer", "socket", "d", "db", "sqlite", "png", "jpg", "pdf", "exe", "dll", "so", "bin",
}  # fmt: skip


def dotted_handle(word: str) -> bool:
    """'j.smith ran the cleanup script', 'zeynep.k force-pushed': a chat handle without its @
    (not a file or a host: "config.yaml", "api.internal")."""
    return bool(_DOTTED_HANDLE.match(word)) and word.rsplit(".", 1)[1] not in _NOT_HANDLE_ENDS


@lru_cache(maxsize=4096)
def _in_dictionary(word: str) -> bool:
    from pmdesk.lint.grammar import lemminflect

    return bool(lemminflect().getAllLemmas(word))


def _plain_given_name(t: Token) -> bool:
    """A given name, no hyphen; "Grace", "Mark" and "Will" are words too, so for those the
    tagger must call it a name."""
    low = t.lower_
    return (
        "-" not in low
        and is_given_name(low)
        and (not _in_dictionary(low) or t.tag_ in ("NNP", "NNPS"))
    )


@lru_cache(maxsize=16)
def _phrases(words: frozenset[str]) -> re.Pattern[str]:
    """Any of `words` as whole words ("label", not the "label" in "mislabeled")."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words)) + r")\b")


@lru_cache(maxsize=4096)
def verb_lemma(word: str) -> str:
    from pmdesk.lint.grammar import lemminflect

    found = lemminflect().getLemma(word, upos="VERB")
    return found[0] if found else word


def lemma(t: Token) -> str:
    """The dictionary form of `t`; the tagger's lemma, or the verb's when it kept the word."""
    low = t.lemma_.lower()
    if low == t.lower_ and t.tag_.startswith("VB"):
        return verb_lemma(t.lower_)
    return low


#: what a group of people works on, when it names the group: "the data science group"
_DISCIPLINES = {
    "science", "data", "analytics", "research", "mobile", "frontend", "front-end", "backend",
    "back-end", "web", "release", "identity", "payments", "billing", "database", "network",
    "design", "ios", "android", "ml", "firmware", "hardware", "storage", "search", "growth",
}  # fmt: skip


#: a company's functions: "the risk function should have raised it with the board"
_CORPORATE_FUNCTIONS = {
    "finance", "risk", "compliance", "audit", "legal", "hr", "procurement", "treasury", "sales",
    "marketing", "operations", "safety", "governance",
}  # fmt: skip


#: words after which a clause, and its subject, begin
#: a part of a group of people, and what it is: "one of the nurses" is a person
_SOME_OF = {
    "none": "group", "one": "person", "some": "group", "several": "group", "two": "group",
    "three": "group", "few": "group", "most": "group", "many": "group", "half": "group",
    "all": "group", "either": "person", "neither": "person", "each": "person",
}  # fmt: skip
#: newcomers, said with "new": "the new starter"
_NEWCOMERS = {"starter", "joiner", "recruit", "grad", "arrival"}
#: what the entity recogniser calls a word that makes it a thing, not a person (it calls many a
#: name it has not seen an organisation, a place or a people: "Lerato" ORG, "Kagiso" GPE,
#: "Murali" NORP)
_THINGS_NAMED = frozenset({"PRODUCT", "FAC", "LOC", "WORK_OF_ART", "LAW", "EVENT", "LANGUAGE"})
_CLAUSE_OPENERS = {
    "so", "and", "then", "but", "because", "when", "after", "once", "until", "since", "if", "unless",
    "before", "while",
}  # fmt: skip


#: roles no piece of software is called, whatever the words before them
#: words that name a person only where the sentence is about that trade (see _person_in_context)
_TRANSPORT = frozenset({
    "train", "trains", "signal", "signals", "platform", "brake", "brakes", "braking", "braked",
    "track", "vehicle", "bus", "lorry", "truck", "tram", "crossing", "station", "depot",
    "passenger", "passengers", "cab", "collision", "derailment", "junction", "points", "doors",
    "speed", "overspeed", "spad", "caution", "danger", "line", "route", "freight", "road",
    "van", "forklift", "reversing", "siding", "possession", "mileage", "level",
})  # fmt: skip
_CONTACT = frozenset({
    "caller", "callers", "reply", "replied", "refund", "refunds", "chat", "phone", "script",
    "customer", "customer's", "complaint", "complaints", "ticket", "tickets", "escalation",
    "macro", "verification", "contact", "contacts", "customers", "call", "calls", "centre",
    "center", "callback", "callbacks", "hold", "queue",
})  # fmt: skip
CONTEXT_PEOPLE = {
    "driver": _TRANSPORT,
    "guard": _TRANSPORT | {"door", "gate", "patrol", "shift", "security", "asleep", "barrier"},
    "conductor": _TRANSPORT, "agent": _CONTACT, "rep": _CONTACT,
}  # fmt: skip
#: words that say the sentence is about a person, in any trade: "removed from driving duties"
_HUMAN_CUES = frozenset({
    "duties", "duty", "driving", "conduct", "licence", "license", "interview", "interviewed",
    "statement", "retraining", "disciplinary", "suspended", "dismissed", "colleague",
    "colleagues", "he", "she", "his", "her", "him", "himself", "herself",
})  # fmt: skip
#: what programs do and people don't: "the agent crashed", "the driver hung"
_MACHINE_FAILS = {"crash", "hang", "restart", "reboot", "segfault", "panic", "die", "freeze",
                  "stall", "leak", "timeout", "deadlock", "load", "unload", "install", "update",
                  "upgrade", "poll", "scrape", "report", "emit", "ship"}  # fmt: skip
#: modifiers that leave such a word a person: "the train driver", "our senior agent"
_HUMAN_MODS = {"train", "bus", "tram", "lorry", "truck", "van", "delivery", "taxi", "senior",
               "junior", "new", "relief", "night", "day", "duty", "support", "service",
               "security", "shift", "freight", "mainline", "forklift", "crane", "coach",
               "minibus", "ambulance", "tractor", "digger", "dumper", "reach", "pallet",
               # the people on a customer's call: "the call centre agents", "a travel agent"
               "call", "centre", "center", "contact", "customer", "sales", "booking", "travel",
               "ticket", "insurance", "estate", "front-line", "frontline", "floor"}  # fmt: skip
#: words for a trade's people that name a program too ("a queue worker", "an error handler"):
#: people only where a place of manual work says so (_TRADE_PLACES)
_TRADE_HANDS = {
    "worker", "hand", "handler", "labourer", "laborer", "operative", "staffer", "assistant",
}  # fmt: skip
_TRADE_PLACES = {
    "farm", "site", "warehouse", "factory", "plant", "construction", "field", "care", "health",
    "agency", "temp", "contract", "maintenance", "dock", "night", "day", "shift", "council",
    "ground", "baggage", "claims", "cargo", "deck", "stage", "ranch", "mill", "mine", "kitchen",
    "hospital", "ward", "retail", "store", "shop", "road", "rail", "track", "production",
    "assembly", "floor", "yard", "depot", "port", "quay", "harbour", "harbor", "airport", "ramp",
    "catering", "cleaning", "sanitation", "postal", "social", "support", "frontline",
    "front-line", "seasonal", "casual", "dairy", "orchard", "vineyard", "abattoir",
    # ("a teaching assistant", "the dental assistant"; not "the AI assistant")
    "teaching", "dental", "sales", "personal", "medical", "nursing", "lab", "laboratory",
    "research", "legal", "executive", "administrative", "healthcare", "pharmacy", "veterinary",
    "theatre", "classroom", "office",
}  # fmt: skip
_ALWAYS_PEOPLE = {
    "admin", "administrator", "engineer", "developer", "manager", "architect", "analyst",
    "technician", "dba", "sysadmin",
}  # fmt: skip


class Sentence:
    def __init__(self, doc: Doc, words: Words, people: frozenset[str]) -> None:
        self.doc = doc
        self.text = doc.text
        self.lower = doc.text.lower()
        self.w = words
        self.people = people  # lowercase single words of known people's names
        self._entities_done = False

    # -- who --------------------------------------------------------------------------------

    def is_name(self, t: Token, strict: bool = False) -> bool:
        """A word that names a person: a known name, a handle, a given name, a PERSON entity
        (strict: not on the entity recogniser's word alone)."""
        low = t.lower_
        if low in self.people:
            return True
        if t.text.startswith("@") and len(t.text) > 1:
            return True
        if dotted_handle(t.text) and t.dep_ in (
            "nsubj",
            "nsubjpass",
            "poss",
            "pobj",
            "attr",
            "compound",
        ):
            return True
        if low in self.w["not_names"] or not t.text[:1].isupper():
            return False
        if not t.is_alpha and not (t.text.replace("-", "").isalpha() and t.text.count("-") == 1):
            return False  # ("Hyun-woo", "Jae-won" are one word)
        if t.text.isupper() or any(c.dep_ == "det" for c in t.children):
            return False  # "the Kafka cluster", "DNS": things
        if (
            any(c.lower_.rstrip(".") in _HONORIFICS for c in t.children if c.dep_ == "compound")
            or (t.i > 0 and self.doc[t.i - 1].lower_.rstrip(".") in _HONORIFICS)
            or (
                t.i > 1
                and self.doc[t.i - 1].text == "."
                and self.doc[t.i - 2].lower_ in _HONORIFICS  # "Sgt. Ortiz": the tokenizer splits it
            )
        ):
            return True  # "Mr. Okafor initiated the deletion"
        if (
            t.dep_ == "compound"
            and t.head.tag_ not in ("NNP", "NNPS")
            and not (
                is_given_name(low)
                and t.head.i + 1 < len(self.doc)
                and self.doc[t.head.i + 1].text == "-"
                and t.head.i > t.i
            )  # ("Mehmet force-pushed": the parser hung the name on the verb's first half)
        ):
            return False  # "Vault config"
        if t.tag_ == "NNP" and any(
            c.dep_ == "compound" and c.text[:1].isupper() and is_given_name(c.lower_)
            for c in t.children
        ):
            return True  # "Priya Raghunathan pushed ...": a surname after a given name
        if any(c.dep_ == "appos" and lemma(c) in _PROGRAM_NOUNS for c in t.children):
            return False  # "Gaia, the internal batch scheduler, ..."
        if _plain_given_name(t):
            return True  # (as below, but before the entity recogniser, which costs 2 ms)
        if not strict and t.tag_ != "NNS" and self.entity(t) == "PERSON":
            return True
        if "-" in low:
            parts = low.split("-")
            first = parts[0]
            return (
                (not strict and self.entity(t) == "PERSON")
                or (is_given_name(first) and not _in_dictionary(first))
                or self._opening_name(t)
                or (
                    t.tag_ == "NNP"
                    and len(parts) == 2
                    and all(p.isalpha() for p in parts)
                    and len(parts[1]) <= 5
                    and not _in_dictionary(parts[0])
                    and parts[0] not in _PREFIXES
                    and low not in self.w["not_names"]
                )  # "Ji-woo", "Joon-ho": a hyphenated given name no list knows
            )
        if is_given_name(low):
            return _plain_given_name(t)
        return not strict and self._opening_name(t)

    def _unknown_word_name(self, t: Token, things: frozenset[str] = frozenset()) -> bool:
        """A one-word proper noun no dictionary or list knows: "Thabo", not "PagerDuty", "Go";
        not one the entity recogniser calls any of `things`."""
        return (
            t.text.isalpha()
            and t.text.istitle()
            and len(t.text) >= 3
            and t.lower_ not in self.w["not_names"]
            and not any(c.dep_ in ("det", "compound") for c in t.children)
            and not (t.i > 0 and self.doc[t.i - 1].lower_ in ("the", "a", "an", "our", "its"))
            and not _in_dictionary(t.lower_)
            and (not things or self.entity(t) not in things)
        )

    def _named_by_who(self, t: Token) -> bool:
        """A name no list knows, told by the "who" that follows it: "it was Thabo who skipped
        the canary", "the regression came from Lerato, who ..." ("who" is said of people)."""
        if not self._unknown_word_name(t):
            return False
        holders = [t, t.head] if t.dep_ == "attr" else [t]
        if t.dep_ == "nsubj" and lemma(t.head) == "be":
            # "Folake is the one who rebooted the primary"
            holders += [
                a for a in t.head.children if a.dep_ == "attr" and a.lower_ in ("one", "person")
            ]
        return any(
            r.dep_ == "relcl"
            and r.i > t.i
            and any(w.dep_ in ("nsubj", "nsubjpass") and w.lower_ == "who" for w in r.children)
            for h in holders
            for r in h.children
        )

    def _opening_name(self, t: Token) -> bool:
        """A name no list knows, by its place: a one-word proper noun no dictionary knows that
        opens the sentence as the subject of a past act ("Chidi bounced the primary")."""
        if self._named_by_who(t):
            return True
        hyphened = "-" in t.text  # "Mei-Ling", "Hyun-woo": the tagger guesses wildly
        if (
            t.dep_ == "pobj"
            and t.head.dep_ == "agent"
            and t.tag_ == "NNP"
            and t.text.isalpha()
            and t.text.istitle()
            and len(t.text) >= 3
            and not any(c.dep_ in ("det", "compound") for c in t.children)
            and not _in_dictionary(t.lower_)
        ):
            return True  # "the cron line was written by Vikram": who acted, in the passive
        if (
            t.dep_ == "poss"
            and t.tag_ == "NNP"
            and (
                t.i == self.lead_end() or t.i > 0 and self.doc[t.i - 1].lower_ in _BEFORE_WHOSE_WORK
            )  # ("it was Oluwaseun's cron change that ...", "after Bogdan's Ansible run")
            and t.head.lower_ in _PEOPLES_WORK
            and t.text.isalpha()
            and not any(c.isupper() for c in t.text[1:])
            and not _in_dictionary(t.lower_)
        ):
            return True  # "Naoko's hasty rollback made things worse": whose piece of work
        if (
            t.tag_ != "NNP"
            and not hyphened
            and not (t.tag_ == "NN" and t.i == self.lead_end() and t.text.istitle())
        ) or t.dep_ != "nsubj":
            return False  # (an opening name the tagger took for a noun: "Rajesh merged ...")
        if (
            t.i != self.lead_end()
            and not self._after_opening_phrases(t)
            and not (
                t.i > 0
                and (self.doc[t.i - 1].lower_ in _CLAUSE_OPENERS or self.doc[t.i - 1].is_punct)
                and self._unknown_word_name(t, _THINGS_NAMED)
            )
        ):
            return False  # (a clause opens after "so", "and", "because": "so Nishant ignored it";
            # not a name the recogniser calls a place or an organisation: "and Majora skipped")
        parts = t.text.split("-")
        if len(t.text) < 3 or any(
            any(c.isupper() for c in part[1:]) or not part.isalpha() for part in parts
        ):
            return False  # "PagerDuty", "IPv6-only": products
        if _in_dictionary(t.lower_) or (hyphened and _in_dictionary(parts[0].lower())):
            return False  # "Go", "Real-time": words ("Hyun-woo": a name)
        head = t.head
        if any(c.dep_ == "compound" for c in t.children):
            return False
        auxes = [c for c in head.children if c.dep_ == "aux"]
        if head.lemma_ == "have" and head.dep_ == "aux":
            head = head.head  # (the parser may hang the subject, and "should", on "have")
        auxes += [c for c in head.children if c.dep_ == "aux"]
        if head.tag_ == "VBN" and any(
            c.lower_ in ("should", "ought", "must", "could") for c in auxes
        ):
            # "Sanjay should have double-checked the region": what only a person does
            return lemma(head) in _HUMAN_CHECKS or lemma(head) in _HUMAN_ACTS
        perfect = head.tag_ == "VBN" and any(
            c.lower_ in ("has", "have", "had", "'s", "’s") for c in auxes
        )  # "Oluwaseun has dropped the orders table", as much second-language English tells it
        not_done = (
            head.tag_ == "VB"
            and any(c.lower_ in ("did", "does") for c in auxes)
            and any(c.dep_ == "neg" for c in head.children)
            and (lemma(head) in _HUMAN_CHECKS or lemma(head) in _HUMAN_ACTS)
        )  # "Tunde did not follow the checklist": a check not made, which only people make
        if (
            head.tag_ != "VBD"
            and not perfect
            and not not_done
            and not (
                head.tag_ in ("VBP", "VB")
                and not any(c.dep_ == "aux" for c in head.children)
                and head.lower_ == _past(lemma(head))
                and (head.lower_ != lemma(head) or any(x.tag_ == "VBD" for x in self.doc))
            )
        ):
            return False  # (but "overwrote/VBP", "misread/VBP ... and scaled": a past the
            # tagger took for a present)
        if lemma(head) in _SOFTWARE_VERBS:
            return False  # "Certbot failed to renew", "Libcurl leaked descriptors": software
        nxt = next(
            (
                x
                for x in self.doc[t.i + 1 :]
                if x.pos_ != "ADV"
                and not (
                    x.i < head.i
                    and (
                        x.dep_ in ("aux", "neg")
                        or x.i <= t.right_edge.i  # "Zanele from platform turned off ..."
                        or x.text == "-"
                        or (x.i + 2 == head.i and self.doc[x.i + 1].text == "-")
                    )  # ("Kagiso force-pushed over main")
                )
            ),
            None,
        )
        return nxt is not None and nxt.i == head.i  # "Chidi (accidentally) bounced", "Chidi
        # has bounced", not "Majora's skipper"

    def _after_opening_phrases(self, t: Token) -> bool:
        """`t` follows only phrases of time and place set off by a comma: "At 09:14, after the
        deploy, Nkechi truncated ..."."""
        if t.i == 0 or self.doc[t.i - 1].text != ",":
            return False
        for x in self.doc[: t.i]:
            while x.head.i != t.head.i and x.head.i != x.i:
                x = x.head
            if x.head.i != t.head.i or x.dep_ not in ("prep", "advmod", "npadvmod", "punct"):
                return False
        return True

    def entity(self, t: Token) -> str:
        """The entity type of `t`, running the recogniser on this sentence the first time."""
        if not self._entities_done:
            from pmdesk.lint.grammar import entities

            entities(self.doc)
            self._entities_done = True
        return t.ent_type_

    def person_kind(self, t: Token | None) -> str:
        """'person' (a name, he/she, a role), 'group' (a team, someone), 'we', or ''."""
        if t is None:
            return ""
        low = t.lower_
        if low in ("we", "us", "i", "you", "they") or (
            low == "u" and t.dep_ in ("nsubj", "nsubjpass")
        ):
            return "we"  # ("u should of run it on one shard first": chat's "you")
        if t.text == "IT" and t.dep_ in ("nsubj", "poss"):
            return "group"  # the IT department, not "it"
        if (
            t.i + 1 < len(self.doc)
            and self.doc[t.i + 1].lower_ in ("lead", "leader", "member", "manager")
            and self.doc[t.i + 1].pos_ in ("NOUN", "PROPN")
            and low in ("team", "shift", "squad", "crew", "group", "project", "tech")
        ):
            return "person"  # "the team lead kept the line running", parsed as two words
        phrase_text = self.doc.text[t.left_edge.idx : t.idx + len(t.text)].lower()
        if re.search(r"\bon[- ]?call\b|\boncall\b", phrase_text) and not re.search(
            r"\b(?:rotation|schedule|rota|tool|bot|pager|system|policy)\b", phrase_text
        ):
            return "person"
        if (
            low in self.w["team_words"]
            and t.text[:1].isupper()
            and t.i > 0
            or low in self.w["team_words"]
            and t.text[:1].isupper()
            and not any(c.dep_ == "det" for c in t.children)
            and t.dep_ in ("nsubj",)
            and (
                t.i + 1 < len(self.doc)
                and (
                    self.doc[t.i + 1].pos_ in ("VERB", "AUX", "ADV")
                    or self.doc[t.i + 1].text == ","  # "Security, as usual, approved it"
                )
            )
        ):
            return "group"
        if low in self.w["pronouns"]:
            return "person"
        if self.is_name(t):
            return "person"
        if (
            t.text[:1].isupper()
            and t.is_alpha
            and low not in self.w["not_names"]
            and t.i > 0
            and re.fullmatch(r"[A-Z]\.", self.doc[t.i - 1].text)
            and self.doc[t.i - 1].head.i == t.i
        ):
            return "person"  # "J. Mensah stacked the cartons": an initial before a surname
        if low in _AFTER_NAME and any(
            c.dep_ in ("compound", "nmod")
            and c.i < t.i
            and c.text[:1].isupper()
            and c.is_alpha
            and c.lower_ not in self.w["not_names"]
            for c in t.children
        ):
            return "person"  # "Suresh sir approved the change", "closed by Ramesh ji"
        lem = t.lemma_.lower()
        compound = " ".join(c.lower_ for c in t.children if c.dep_ == "compound")
        phrase = f"{compound} {lem}".strip()
        before = self.doc[t.i - 1] if t.i > 0 else None
        if (
            not compound
            and before is not None
            and before.dep_ == t.dep_
            and before.head.i == t.head.i
            and before.pos_ in ("NOUN", "PROPN")
        ):
            phrase = f"{before.lower_} {lem}"  # "the claims handlers": parsed as two subjects
        if low in _SOME_OF and any(
            c.lower_ == "of" and any(self.person_kind(g) in ("person", "group") for g in c.children)
            for c in t.children
        ):
            return _SOME_OF[low]  # "none of the reviewers", "one of the nurses"
        if lem in _NEWCOMERS and any(c.lower_ == "new" for c in t.children):
            return "person"  # "the new starter", "our new joiner"
        if lem in ("one", "body") and low in ("no one", "someone", "somebody"):
            return "group"
        if low == "whoever" and t.dep_ in ("nsubj", "nsubjpass"):
            return "group"  # "whoever wrote the migration was supposed to test it"
        if lem == "management" and any(
            c.dep_ == "compound"
            and c.pos_ in ("NOUN", "PROPN")
            and c.lower_ not in self.w["team_words"]
            and c.lower_ not in _DISCIPLINES
            and c.lower_ not in ("site", "store", "ward", "hospital", "company", "line", "project")
            for c in t.children
        ):
            return ""  # "certificate management is manual": a practice, not the managers (but
            # "engineering management ignored the warnings")
        if low in self.w["groups"] or lem in self.w["groups"] or phrase in self.w["groups"]:
            return "group"
        if (
            lem
            in (
                "group",
                "department",
                "squad",
                "crew",
                "folks",
                "org",
                "guild",
                "division",
            )
            and any(
                (c.lower_ in self.w["team_words"] or c.lower_ in _DISCIPLINES)
                and not (lem == "group" and c.lower_ in ("security", "search", "storage"))
                for c in t.children
                if c.dep_ in ("compound", "amod")
            )
            or (
                lem == "function"
                and any(
                    c.dep_ in ("compound", "amod") and c.lower_ in _CORPORATE_FUNCTIONS
                    for c in t.children
                )
            )
        ):  # (an AWS security group is a firewall; a "search function" is code)
            return "group"  # "the networking group", "the data science group", "the backend
            # guild", "the finance function"
        if lem == "manager" and any(
            c.dep_ == "compound" and c.lower_ in _SOFTWARE_MANAGERS for c in t.children
        ):
            return ""  # "the hotel's channel manager failed to sync": a program
        if lem in self.w["roles"] or low in self.w["roles"] or phrase in self.w["roles"]:
            # "the operator" is a person; "the Kubernetes operator" is software
            if lem not in _ALWAYS_PEOPLE and any(
                self.is_tech(c) and c.lower_ not in self.w["team_words"]
                for c in t.children
                if c.dep_ == "compound"
            ):  # (but "the game server admin" is a person: no software is an admin)
                return ""  # (but "the SRE lead", "the QA engineer" are people)
            return "person"
        if low == "one" and t.i > 0 and t.doc[t.i - 1].lower_ == "no":
            return "group"
        if self._person_in_context(t, lem):
            return "person"
        if (
            lem in _TRADE_HANDS
            and t.pos_ == "NOUN"
            and any(
                c.dep_ in ("compound", "amod", "nmod")
                and c.lower_ in _TRADE_PLACES
                or c.dep_ == "poss"
                and c.i < t.i
                and self.person_kind(c) == "person"  # "the registrar's assistant"
                for c in t.children
            )
        ):
            return "person"  # "the farm hands", "a warehouse worker", "the baggage handlers"
        if t.pos_ == "NOUN" and any(
            c.dep_ == "appos"
            and c.i == t.i + 2
            and self.doc[t.i + 1].text == ","
            and self.is_name(c)
            for c in t.children
        ):
            return "person"  # "the plant operator, Kevin, dosed alum": a job and a name
        return ""

    def _person_in_context(self, t: Token, lem: str) -> bool:
        """A word that names a person in one trade and a program in another: "the driver" of a
        train, not a device driver; "the agent" on a customer's call, not a build agent."""
        cues = CONTEXT_PEOPLE.get(lem)
        if cues is None or t.pos_ not in ("NOUN", "PROPN"):
            return False
        if any(
            c.dep_ in ("compound", "amod", "nmod")
            for c in t.children
            if c.lower_ not in _HUMAN_MODS
        ):
            return False  # "the kernel driver", "a build agent", "the NVMe driver"
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in _MACHINE_FAILS:
            return False  # "the agent crashed when the customer's upload …": a program
        return any(x.lower_ in cues or x.lower_ in _HUMAN_CUES for x in self.doc)

    def is_tech(self, t: Token) -> bool:
        return t.lower_ in self.w["not_names"] or t.text.isupper()

    def subject(self, verb: Token) -> Token | None:
        """The subject of `verb`, following conjoined and embedded verbs up to their subject."""
        seen = 0
        while verb is not None and seen < 6:
            seen += 1
            for c in verb.children:
                if c.dep_ == "csubj" and any(
                    x.lower_ in ("whoever", "whomever") for x in c.subtree
                ):
                    return next(x for x in c.subtree if x.lower_ in ("whoever", "whomever"))
                if c.dep_ in SUBJECTS:
                    if (
                        c.lower_ in ("who", "that")
                        and verb.dep_ == "ccomp"
                        and lemma(verb.head) == "be"
                    ):
                        attr = [x for x in verb.head.children if x.dep_ == "attr"]
                        if attr:
                            return attr[0]  # "It was Björn who disabled ..." read as a clause
                    if c.lower_ in ("who", "that") and verb.dep_ == "relcl":
                        head = verb.head  # "It was Sven who took down the cache"
                        if (
                            head.lower_ in ("one", "person", "guy", "engineer")
                            and head.dep_ == "attr"
                        ):
                            # "Tariq is the one who let it lapse": the one is Tariq
                            subj = [x for x in head.head.children if x.dep_ == "nsubj"]
                            return subj[0] if subj else head
                        return head
                    nxt = self.doc[c.i + 1] if c.i + 1 < len(self.doc) else None
                    if nxt is not None and nxt.dep_ == c.dep_ and nxt.head.i == verb.i:
                        return nxt  # "the integrations folks shipped": two subjects, one noun
                    return c
            hung = next(
                (
                    x
                    for c in verb.children
                    if c.dep_ == "aux"
                    for x in c.children
                    if x.dep_ in ("nsubj", "nsubjpass")
                ),
                None,
            )
            if hung is not None:
                return hung  # "Ahmed has force-pushed": the parser hung the subject on "has"
            head = verb.head
            if (
                verb.dep_ == "ccomp"
                and head.i < verb.i
                and head.dep_ == "ROOT"
                and head.lower_ in ("lead", "leads", "manager", "head")
                and any(
                    c.dep_ == "nsubj" and c.i == head.i - 1 and self.person_kind(c) == "person"
                    for c in head.children
                )
            ):
                return head  # "The team lead should have escalated": read as "team" + "lead ..."
            if verb.head.i != verb.i and (
                verb.dep_ in ("conj", "xcomp")
                or verb.dep_ == "advcl"
                and verb.tag_ in ("VBG", "VBN")  # "..., breaking prod"
            ):
                verb = verb.head
                continue
            break
        return self._name_before(verb)

    def _name_before(self, verb: Token | None) -> Token | None:
        """The tagger sometimes misreads a name before its verb ("Raj/RB pushed"): take it."""
        if verb is None or verb.i == 0 or verb.tag_ not in ("VBD", "VBZ", "VBP"):
            return None
        before = self.doc[verb.i - 1]
        if before.text.startswith("@") and len(before.text) > 1:
            return before  # "@arjun-k reset the offsets": the parser took the handle for a mark
        if (
            before.text[:1].isupper()
            and before.is_alpha
            and before.lower_ not in self.w["not_names"]
        ):
            if (
                before.lower_ in self.people
                or is_given_name(before.lower_)
                or self.entity(before) == "PERSON"
            ):
                return before
        if (
            verb.dep_ == "ROOT"
            and before.head.i == verb.i
            and before.dep_ in ("compound", "npadvmod", "nmod", "amod", "dep")
            and not any(c.dep_ in SUBJECTS for c in verb.children)
            and self.person_kind(before) in ("person", "group")
        ):
            return before  # "The paralegal forgot to ...": the parser hung the role on the verb
        if verb.dep_ == "ROOT":
            # "Tom from the warehouse team disabled the interlock": the parser hung the name,
            # with its "from …", on the verb as a modifier of time
            lead = next(
                (
                    t
                    for t in self.doc[: verb.i]
                    if t.head.i == verb.i and t.dep_ in ("npadvmod", "dep") and t.tag_ == "NNP"
                ),
                None,
            )
            if lead is not None and (lead.lower_ in self.people or is_given_name(lead.lower_)):
                return lead
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
        """A sentence about blameless practice itself ("an operator error is a symptom"), or one
        that names a blame only to set it aside ("rather than ask why Jo missed the alert, we
        asked ...", "who deployed it doesn't matter", "it would be easy to say the nurse should
        have double-checked, but ...", "nobody ignored the alarm; it was routed to ...")."""
        if _phrases(self.w["principle_words"]).search(self.lower) or _SET_ASIDE.search(self.text):
            return True
        easy = _EASY_TO_SAY.search(self.text)
        return easy is not None and not any(
            t.dep_ in ("nsubj", "nsubjpass")
            and t.idx >= easy.end()
            and t.lower_ not in ("we", "i", "us")
            and self.person_kind(t) in ("person", "group")
            for t in self.doc
        )

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
            or doc[i].is_space
            or doc[i].text in ("•", "–", "—")
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
        """True when nothing but a timestamp or marker comes before `char`, or a list marker
        run into the sentence does ("... on Friday * We should have ...")."""
        lead = self.lead_end()
        if lead >= len(self.doc) or char <= self.doc[lead].idx:
            # (a blanked "At 16:30 UTC" opens the sentence as a phrase: "At 16:30 UTC the ...")
            opening = self.doc.user_data.get("opening_time", "")
            return not re.match(r"\s*(?:at|around|about|by|from)\b", opening, re.I)
        return self.text[:char].rstrip().endswith(("*", "•", " -", "–", "—"))
