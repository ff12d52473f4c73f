"""Judges whose blame is carried by the frame of a clause, read from the parse.

Where `phrases` lists idioms, these ask who or what fills a grammatical slot, so that any
wording of the same frame is found:

- foresight claimed after the fact: an outcome as the subject of "predictable", "foreseeable",
  "inevitable" or "bound to" fail; a cause "obvious to anyone"; warning signs that "were
  obvious"; people said to have known the risk well, or known it and gone ahead; a rhetorical
  question about who could have known;
- a person's act named as the cause: "the result of an engineer restarting the primary", "it
  stopped because Ingrid commented out the cron line";
- praise that means blame: "nice work skipping the canary, that went well";
- a verdict on how people decided: "bad decision-making", "the approach taken by the
  developer was naive";
- a duty told after the fact: "whoever wrote it was supposed to test it", "if the lead had
  checked the queue, customers would not have waited", a wish that someone had acted;
- a sanction on a person: a person (or a person's access, rights, duties, pay) as what is
  suspended, revoked, removed, reassigned or let go, asked as a question too.

Each frame is vetoed by negation ("was not foreseeable"), by a thing in the slot where a person
is needed ("the pod's access was suspended by the admission controller"), by outsiders ("had
the vendor SDK honoured the header"), by credit ("if Sam hadn't restarted it, the outage would
have lasted longer") and by technical senses ("predictable latency").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pmdesk.lint.clause import Sentence, _in_dictionary, lemma
from pmdesk.lint.judges import (
    _MACHINE_CHOICE,
    _SEEN_THEN_OR_LEARNED,
    Hit,
    _blast,
    _conditional,
    _failure_context,
    _mentions_person,
    _modal,
    _outcome_told,
    _phrasal,
    _Text,
    credit_not_blame,
    gated,
    judge,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def _whole(s: Sentence) -> Hit:
    """A hit on the whole sentence, without its closing punctuation: a frame's blame is in how
    the sentence is built, not in one word."""
    return 0, len(s.text.rstrip(" .?!")), None


# --------------------------------------------------------------- hindsight: it was foreseeable

#: said of an outcome, these claim it could have been seen coming
_FORESEEABLE = {"predictable", "foreseeable", "inevitable"}
#: said of a cause, these claim it was there to see; only with "to anyone" or an intensifier
_PLAIN = {"obvious", "evident", "apparent", "unmistakable", "plain", "clear", "glaring", "visible"}
_ANYONE = {"anyone", "anybody", "everyone", "everybody", "all"}
#: what foretold the failure
_SIGNS = {"sign", "signs", "warning", "warnings", "symptom", "symptoms", "flag", "flags", "writing"}
_INTENSE = {
    "painfully", "blindingly", "glaringly", "patently", "abundantly", "plainly", "perfectly",
    "crystal", "screamingly", "blatantly", "so", "completely", "totally", "utterly",
}  # fmt: skip
#: qualities of a system that are predictable in the engineering sense
_QUALITIES = {
    "latency", "behaviour", "behavior", "cost", "performance", "load", "result", "output",
    "schedule", "pattern", "traffic", "throughput", "timing", "format", "order", "ordering",
    "name", "path", "id", "identifier", "url", "value", "size", "growth", "release", "cadence",
    "response", "rate", "workload", "interface", "api", "sequence", "hash", "seed", "placement",
}  # fmt: skip
#: what an outcome was "bound to" do
_GO_WRONG = {
    "happen", "fail", "break", "crash", "overflow", "fill", "run", "go", "bite", "give", "fall",
    "blow", "collapse", "leak", "expire", "trip", "catch", "hit", "end", "explode", "corrupt",
}  # fmt: skip
_SOME_DAY = re.compile(
    r"\b(?:eventually|sooner\s+or\s+later|one\s+day|some\s+day|at\s+some\s+point|in\s+the\s+end)\b",
    re.I,
)
_MATTER_OF_TIME = re.compile(
    r"\b(?:was|were)\s+(?:practically|virtually|all\s+but|basically|pretty\s+much)\s+guaranteed\b"
    r"|\bknown\s+all\s+along\b|\b(?:has|had)\s+been\s+(?:well\s+)?known\s+for\s+(?:years|months|weeks)\b"
    r"|\b(?:was|were)\s+(?:\w+\s+)?easy\s+to\s+(?:predict|foresee|see\s+coming|anticipate)\b"
    r"|^\W*(?:wasn['’]t|isn['’]t)\s+it\s+(?:\w+ly\s+)?(?:obvious|clear)\s+(?:that\s+)?(?:the|a|this|it)\b[^?]*\bwould\b|"
    r"\bthe\s+inevitable\s+(?:happened|occurred|came)\b|\bexactly\s+as\s+(?:\w+\s+){0,3}(?:had\s+)?(?:warned|predicted)\b"
    r"|(?:^|[,;:]\s*)(?:was|is|were)\s+anyone\s+(?:\w+ly\s+)?surprised\b|\bwhat\s+else\s+did\s+(?:we|they|you|anyone)\s+expect\b"
    r"|\b(?:nobody|no\s+one)\s+needed\s+to\s+be\s+a\s+(?:genius|rocket\s+scientist)\b"
    r"|^\W*(?:totally|entirely|completely|utterly|so)\s+(?:foreseeable|predictable)\W*$|"
    r"\bwho\s+(?:thought|decided|figured)\b[^.?!]{0,80}?\b(?:was|would\s+be|is)\s+a\s+(?:good|great|smart|"
    r"bright|wise|clever|sensible)\s+idea\b"
    r"|\b(?:it\s+was|it['’]s|was)\s+(?:\w+ly\s+)?(?:obvious|clear|predictable|evident)\s+what\s+would\s+happen\b"
    r"|\bcommon\s+knowledge\s+that\b|\bevery\s+(?:junior|engineer|developer|intern|sre|admin|dba)\s+"
    r"(?:knows|learns|should\s+know)\b|\btextbook\s+stuff\b|\b(?:nobody|no\s+one|no-one)\s+should\s+be\s+surprised\b"
    r"|^\W*(?:was|is|were)\s+anyone\s+(?:\w+ly\s+)?surprised\b|\bwhat\s+did\s+(?:we|they|you|anyone)\s+expect\b(?!\s+(?:to|would|from|of|the|it))"
    r"|^\W*what\s+part\s+of\b[^?]*\b(?:was|is)\s+(?:unclear|confusing|hard\s+to\s+understand)\b"
    r"|\b(?:five-year-old|child|toddler|intern|junior)\s+could\s+have\s+told\s+(?:you|us|them)\b|"
    r"\b(?:an?|any)\s+(?:first-year\s+student|junior|intern|child|toddler|five-year-old|monkey|trainee|"
    r"newbie|new\s+hire|student|fresher|apprentice|graduate|grad|rookie|beginner|novice|schoolkid|"
    r"schoolboy|schoolgirl|kid|first-year|first\s+year)\s+(?:would|could)(?:\s+have|['’]ve)\s+(?:spotted|caught|"
    r"noticed|seen|known|figured|understood|told\s+(?:you|us|them))\b|\bstaring\s+(?:\w+\s+){0,3}in\s+the\s+face\b"
    r"|\bwell\s+understood\s+by\b[^.;]*\b(?:yet|but|anyway|regardless)\b|"
    r"^\W*(?:anyone|anybody|everyone|everybody|a\s+child|any\s+(?:engineer|junior|intern))\s+"
    r"(?:could|would)\s+have\s+(?:predicted|foreseen|guessed|told\s+you|seen)\b"
    r"|\b(?:no|little|hardly\s+a|not\s+much\s+of\s+a)\s+surprise\s+(?:at\s+all\s+|then\s+|really\s+)?(?:that|when)\b"
    r"|\b(?:ticking\s+time\s+bomb|time\s+bomb\s+waiting)\b"
    r"|\b(?:(?:only|just)\s+a\s+matter\s+of\s+time|a\s+(?:matter|question)\s+of\s+when,?\s+not\s+if|"
    r"(?:an?\s+)?(?:accident|outage|incident|disaster|failure)\s+waiting\s+to\s+happen)\b",
    re.I,
)
#: what the people who knew went on to do (or not): "yet nobody renewed it", "but went ahead"
_WENT_AHEAD = re.compile(
    r"[,;]\s*(?:yet|but|and\s+(?:still|yet))\b|\b(?:anyway|regardless|all\s+the\s+same|nonetheless|"
    r"went\s+ahead|did\s+nothing|nobody|no\s+one)\b",
    re.I,
)


def _not(t: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't", "hardly") for c in t.children)


#: when it was there to see, said after the fact: "clear well in advance", "obvious from the
#: moment the migration was scheduled", "in retrospect, the signs were unmistakable"
_AHEAD = re.compile(
    r"\b(?:well|long|weeks|days|months|hours)\s+(?:in\s+advance|before(?:hand)?|ahead)\b"
    r"|\bfrom\s+(?:the\s+(?:very\s+)?(?:moment|minute|start|outset|beginning|first)|day\s+one)\b"
    r"|\b(?:in\s+retrospect|in\s+hindsight|with\s+hindsight|looking\s+back)\b|\ball\s+along\b"
    r"|\bthe\s+whole\s+time\b|\bfor\s+(?:\w+\s+)?(?:days|weeks|months)\b(?!\s+(?:after|later))",
    re.I,
)
#: foresight claimed for the time itself, not the view from now ("in retrospect, it is clear that
#: we needed more capacity" is a lesson): "it was clear from the outset that the plan lacked a
#: rollback path"
_AT_THE_TIME = re.compile(
    r"\b(?:well|long|weeks|months)\s+(?:in\s+advance|before(?:hand)?|ahead)\b"
    r"|\bfrom\s+(?:the\s+(?:very\s+)?(?:outset|beginning)|day\s+one)\b"
    r"|\ball\s+along\b|\bthe\s+whole\s+time\b",
    re.I,
)
_PLAIN_WORD = re.compile(
    r"\b(?:obvious|evident|apparent|unmistakable|plain|clear|glaring|visible)\b", re.I
)
_OUGHT_BEEN = re.compile(r"\b(?:should|ought\s+to|must)(?:\s+have|['’]ve)\s+been\b", re.I)
#: what an outcome is called when a sentence says it was no surprise
_OUTCOMES = {
    "failure", "outage", "outcome", "result", "crash", "breakage", "incident", "collapse",
    "consequence", "occurrence", "cascade", "overload", "breach", "disruption",
}  # fmt: skip
_NO_SURPRISE = re.compile(
    r"\b(?:was|were|came\s+as|is)\s+(?:therefore\s+|thus\s+|hence\s+|hardly\s+)?(?:no|little|"
    r"not\s+a|not\s+much\s+of\s+a)\s+surprise\b|\bsurprised\s+(?:no\s+one|nobody|no-one)\b"
    r"|\b(?:was|were)\s+(?:only\s+|entirely\s+|therefore\s+)?to\s+be\s+expected\b",
    re.I,
)
#: "anyone looking at the dashboard would've known": what anyone could have told
_ANYONE_KNOWS = {
    "know", "predict", "see", "tell", "spot", "notice", "foresee", "guess", "realise", "realize",
    "anticipate", "expect", "catch",
}  # fmt: skip


#: what a speaker does with a claim they go on to deny: "I don't think", "I doubt"
_BELIEF = {"think", "believe", "reckon", "suppose", "say", "imagine", "expect", "feel"}


def _doubted(verb: Token) -> bool:
    """The clause is the content of a belief its speaker denies or doubts: "I don't think anyone
    could have predicted it", "I doubt anybody could have foreseen it"."""
    t = verb
    while t.dep_ in ("ccomp", "xcomp", "conj") and t.head is not t:
        t = t.head
        if lemma(t) == "doubt" or (lemma(t) in _BELIEF and _not(t)):
            return True
    return False


def _anyone_could_have(s: Sentence, verb: Token) -> bool:
    """ "anyone reviewing the dashboards could have predicted it", "the team could not have
    failed to notice"."""
    if verb.tag_ != "VBN" or not any(
        c.lower_ in ("could", "would", "should", "might") for c in verb.children
    ):
        return False
    if not any(c.lower_ in ("have", "'ve", "’ve") for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    lem = lemma(verb)
    if lem == "fail" and _not(verb):  # "could not have failed to notice"
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        return xcomp is not None and lemma(xcomp) in _ANYONE_KNOWS
    if subj is None or lem not in _ANYONE_KNOWS or _not(verb) or _doubted(verb):
        return False
    return subj.lower_ in _ANYONE or (
        subj.lower_ in ("engineer", "person", "one", "reviewer", "operator")
        and any(c.lower_ == "any" for c in subj.children)
    )


def _no_surprise(s: Sentence) -> bool:
    """ "a failure of this kind was to be expected", "the outage was therefore no surprise"."""
    m = _NO_SURPRISE.search(s.text)
    if m is None or re.search(r"\b(?:not|never)\b[^.;]*$", s.text[: m.start()], re.I):
        return False
    head = s.text[: m.start()].lower()
    return any(re.search(rf"\b{w}\b", head) for w in _OUTCOMES) or bool(
        re.search(r"\b(?:it|this|that)\s+$", head)
    )


def _foreseeable_outcome(s: Sentence, adj: Token) -> bool:
    """ "the crash was predictable", "the failover mess was foreseeable to anybody", "the
    cause was blindingly obvious"."""
    low = adj.lower_
    if low == "there" and adj.dep_ == "advmod" and lemma(adj.head) == "be":
        subj = next((c for c in adj.head.children if c.dep_ == "nsubj"), None)
        return (
            subj is not None
            and lemma(subj) in _SIGNS
            and adj.head.tag_ == "VBD"
            and not _not(adj.head)
            and any(
                c.lower_ in ("clearly", "all", "plainly", "obviously") for c in adj.head.subtree
            )
        )  # "the warning signs were clearly there for anyone who looked"
    if (
        adj.dep_ == "amod"
        and low in _FORESEEABLE
        and lemma(adj.head) in _OUTCOMES
        and adj.head.dep_ in ("attr", "nsubj")
        and adj.head.head.tag_ == "VBD"
        and not _not(adj.head.head)
    ):
        return True  # "this was a foreseeable outcome of running the batch on one node"
    if adj.dep_ not in ("acomp", "attr", "oprd") or low not in _FORESEEABLE | _PLAIN:
        return False
    cop = adj.head
    if _not(cop) or _not(adj) or s.negated(cop):
        return False
    ought = cop.head if cop.dep_ == "xcomp" and cop.head.lower_ == "ought" else None
    # ("it ought to have been evident": the parser hangs the subject on "ought")
    subj = next(
        (
            c
            for c in (*cop.children, *(ought.children if ought is not None else ()))
            if c.dep_ in ("nsubj", "nsubjpass")
        ),
        None,
    )
    if subj is None:
        return False
    intense = any(c.lower_ in _INTENSE for c in adj.children if c.dep_ == "advmod")
    if ought is not None or (
        any(c.lower_ in ("should", "ought", "must") for c in cop.children)
        and any(c.lower_ in ("have", "'ve", "’ve") for c in cop.children)
    ):
        return True  # "it ought to have been evident to the engineer that ..."
    if low == "plain" and any(c.dep_ == "xcomp" and lemma(c) == "see" for c in adj.children):
        intense = True  # "the signs were plain to see"
    if low in _FORESEEABLE and cop.tag_ == "VBD" and subj.lower_ == "it":
        return True  # "it was predictable that a change to the shared library would ..."
    if (
        cop.tag_ in ("VBD", "VBN")
        and _AHEAD.search(s.text)
        and lemma(subj) not in _QUALITIES
        and not any(c.lower_ in _QUALITIES for c in subj.children)
        and (subj.lower_ not in ("it", "this", "that") or low in _FORESEEABLE)
    ):
        intense = True  # "the risk was clear well in advance", "obvious from the moment"
    if any(c.lower_ in ("would", "must") for c in cop.children) and _to_anyone(cop, adj):
        return True  # "it would have been obvious to any attentive crew member that ..."
    if subj.lower_ == "it" and cop.tag_ in ("VBD", "VBN") and _AT_THE_TIME.search(s.text):
        intense = True  # "it was clear from the outset that the plan lacked a rollback path"
    if (
        lemma(subj) in ("risk", "danger", "hazard", "outcome", "consequence", "failure")
        and cop.tag_ in ("VBD", "VBN")
        and re.search(r"\bgiven\s+(?:the|its|their|our|how)\b", s.text, re.I)
    ):
        intense = True  # "the risk of a bridge strike was obvious given the published headroom"
    if (
        subj.lower_ in ("it", "this", "that")
        and any(c.dep_ in ("ccomp", "xcomp") for c in (*cop.children, *adj.children))
        and not intense
    ):
        return False  # "it was clear that the retry loop dominated": a finding, not a verdict
        # (but "it's plainly evident that the config was wrong" is one)
    if lemma(subj) in _SIGNS and low in _PLAIN | {"there"} and cop.tag_ in ("VBD", "VBN"):
        return True  # "the warning signs were obvious for weeks"
    if lemma(subj) in _QUALITIES or any(c.lower_ in _QUALITIES for c in subj.children):
        return False  # "the latency is predictable under steady load"
    anyone = _to_anyone(cop, adj)
    if low in _FORESEEABLE:
        return cop.tag_ in ("VBD", "VBN") or anyone or intense  # (of what happened)
    return anyone or intense


def _to_anyone(cop: Token, adj: Token) -> bool:
    """Plain to anyone: "obvious to anyone", "evident to any attentive crew member"."""
    return any(
        t.lower_ in _ANYONE
        or (t.lower_ == "any" and t.dep_ == "det" and t.head.head.lower_ in ("to", "for"))
        for t in cop.subtree
        if t.i > adj.i
    )


def _bound_to_fail(s: Sentence, adj: Token) -> bool:
    """ "the disk was bound to fill up sooner or later", "it was bound to happen"."""
    if adj.lower_ != "bound" or adj.dep_ not in ("acomp", "attr", "oprd", "ROOT"):
        return False
    verb = next((c for c in adj.children if c.dep_ == "xcomp"), None)
    if verb is None or _not(adj.head) or _not(verb):
        return False
    return lemma(verb) in _GO_WRONG or bool(_SOME_DAY.search(s.text))


def _knew_the_risk(s: Sentence, verb: Token) -> bool:
    """People said to have known the risk well, or known it and gone ahead: "the staff were
    well aware the backups had not been tested", "the engineers knew the certificate was
    expiring, yet nobody renewed it"."""
    lem = lemma(verb)
    aware = None
    if lem == "be":
        aware = next((c for c in verb.children if c.dep_ == "acomp" and c.lower_ == "aware"), None)
        if aware is None:
            return False
    elif lem not in ("know", "understand"):
        return False
    if verb.tag_ not in ("VBD", "VBN") or _not(verb) or s.negated(verb):
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or s.person_kind(subj) not in ("person", "group", "we"):
        if subj is None or subj.lower_ not in _ANYONE | {"staff", "people"}:
            return False
    holder = aware if aware is not None else verb
    what = [c for c in holder.children if c.dep_ in ("ccomp", "prep", "dobj")]
    if not what:
        return False
    known = " ".join("".join(t.text_with_ws for t in c.subtree) for c in what).lower()
    risk = bool(set(re.findall(r"[a-z]+", known)) & s.w["failure_words"]) or bool(
        re.search(
            r"\b(?:had\s+not|hadn['’]t|never|would|was\s+going\s+to|were\s+going\s+to|couldn['’]t|"
            r"could\s+not|can['’]t|cannot|wouldn['’]t|"
            r"expir\w*|flaky|lagging|at\s+capacity|fragile|untested|unpatched|time\s+bomb|"
            r"out\s+of\s+date|outdated|deprecated|end\s+of\s+life|limit)\b",
            known,
        )
    )
    if not risk:
        return False
    well = (
        any(
            c.lower_ in ("well", "fully", "perfectly", "painfully", "all", "full")
            for c in holder.children
        )
        or any(c.lower_ == "all" for c in subj.children)
        or subj.lower_ in _ANYONE
    )
    rest = s.text[verb.idx :]
    if re.search(
        r"\band\s+(?:had\s+)?(?:planned|prepared|mitigated|accepted|accounted|scheduled|budgeted|"
        r"had\s+a\s+(?:plan|ticket|fix)|were\s+(?:working|preparing))\b",
        rest,
        re.I,
    ):
        return False  # "we all knew the cert was expiring and had scheduled the renewal"
    return well or bool(_WENT_AHEAD.search(rest))


_WHO_COULD_HAVE = re.compile(
    r"^\W*(?:who|how)\s+(?:could|would)\s+(?:(?:possibly|ever)\s+have\s+"
    r"(?:guessed|predicted|known|foreseen|imagined|seen|thought|expected|anticipated)\b|have\s+"
    r"(?:guessed|predicted|known|foreseen|imagined|seen|thought|expected|anticipated)\s+that\s+"
    r"[^?]*?\b\w+ing\b)"
    r"|^\W*(?:didn['’]t|did\s+not|haven['’]t|hadn['’]t|weren['’]t|wasn['’]t)\s+"
    r"(?:we|you|they|everyone|everybody|all\s+of\s+us)\s+(?:all\s+)?"
    r"(?:know|see|realise|realize|say|warn|aware)\b",
    re.I,
)


#: the sentence goes on to say why what was known was not acted on, in terms of the system:
#: "..., but the renewal was a manual task with no owner", "which nobody had been asked to read"
_UNOWNED = re.compile(
    r"\b(?:with\s+no|had\s+no|without\s+an?|there\s+was\s+no)\s+(?:clear\s+|single\s+)?owner\b"
    r"|\b(?:nobody|no\s+one|no-one)\s+(?:had\s+been|was|were)\s+(?:asked|assigned|told|responsible|tasked)\b"
    r"|\bmanual\s+(?:task|step|process|chore)\b|\bnot\s+(?:on\s+)?anyone['’]s\s+(?:job|list|plate)\b"
    r"|\b(?:no|nothing\s+in\s+the)\s+(?:process|alert|alerting|monitoring|runbook|check)\s+"
    r"(?:to|that|would|told|prompted)\b",
    re.I,
)


#: the first stage's test: one of the frames' words, in a shape a frame can take
_HINDSIGHT_GATE = re.compile(
    r"\b(?:predictable|foreseeable|inevitable|bound\s+to)\b"
    r"|\b(?:obvious|evident|apparent|unmistakable|plain|clear|glaring|visible)\s+(?:\w+\s+){0,4}(?:to|for)\s+"
    r"(?:anyone|anybody|everyone|everybody|all)\b"
    r"|\b(?:painfully|blindingly|glaringly|patently|abundantly|plainly|perfectly|crystal|screamingly|"
    r"blatantly|so|completely|totally|utterly)\s+(?:obvious|evident|apparent|plain|clear|visible|glaring)\b"
    r"|\b(?:aware|knew|known|know|understood)\b"
    r"|\b(?:signs?|warnings?|symptoms?|flags|writing)\s+(?:\w+\s+){0,3}(?:was|were|had\s+been)\s+(?:\w+\s+)?(?:there|obvious|visible|clear|evident|plain)\b"
    r"|\b(?:plainly|painfully|blindingly|glaringly|patently|abundantly|perfectly|crystal)\s+(?:obvious|evident|apparent|plain|clear)\b"
    r"|\b(?:expected|predicted|foreseen|anticipated)\s+by\s+(?:anyone|anybody|everyone|everybody|all)\b"
    r"|\bcommon\s+knowledge\b|\bevery\s+\w+\s+(?:knows|learns)\b|\btextbook\b|\bsurprised\b|\bexpect\b|\bunclear\b"
    r"|\bcould\s+have\s+told\b"
    r"|\bsurprise\b|\bsurprised\s+(?:no|nobody)\b|\bto\s+be\s+expected\b"
    r"|\b(?:could|would|should|might)(?:\s+not)?(?:\s+have|['’]ve)\s+(?:known|predicted|seen|told|"
    r"spotted|noticed|foreseen|guessed|realised|realized|anticipated|expected|caught|failed)\b"
    r"|\b(?:foreseeable|predictable|inevitable)\b"
    r"|\b(?:was|were|is|are|['’]s|been)\s+(?:\w+\s+)?(?:obvious|evident|apparent|clear|plain|unmistakable|"
    r"unmissable)\b",
    re.I,
)


#: "why didn't anyone look at the dashboard?", "how come we didn't pick this up?", "how did we
#: let this happen?": the question a postmortem asks of people, put so that it already answers
_WHY_NOT_GATE = re.compile(
    r"^(?:[^:?]{0,40}:\s*)?\W*(?:why|how\s+come|how)\b[^?]*(?:n['’]t\b|\bnot\b|\bnever\b|\bnobody\b|\bno\s+one\b|"
    r"\bno-one\b|\ballow|\blet\b|\bmissed\b|\boverlooked\b)[^?]*(?:\?|$)",
    re.I,
)
#: what people are asked why they did not do: look, check, catch, speak up
_LOOKED = {
    "check", "notice", "look", "catch", "see", "spot", "test", "review", "read", "ask", "pick",
    "flag", "raise", "escalate", "verify", "validate", "question", "think", "listen", "act",
    "respond", "stop", "revert", "page", "tell", "warn", "mention", "report", "follow", "notify",
    "say", "speak", "call", "double-check", "monitor", "watch", "investigate", "wait", "bother",
    "roll",
}  # fmt: skip
_NOBODY = {"nobody", "no one", "no-one", "none"}


def _why_not_people(s: Sentence) -> bool:
    """A why or how-come question about what people did not do, or how they let it happen."""
    if not _WHY_NOT_GATE.search(s.text):
        return False
    for verb in s.doc:
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("aux", "auxpass"):
            continue
        subj = s.subject(verb)
        if (
            subj is not None
            and subj.dep_ == "nsubjpass"
            and subj.lower_ in ("this", "that", "it")
            and lemma(verb) in ("miss", "overlook", "ignore", "skip", "allow")
            and verb.tag_ == "VBN"
            and s.doc[0].lower_ == "how"
        ):
            return True  # "how was this missed in three separate code reviews?"
        if subj is None or subj.dep_ != "nsubj":
            continue
        kind = s.person_kind(subj)
        nobody = subj.lower_ in _NOBODY or (
            subj.lower_ == "one" and any(c.lower_ == "no" for c in subj.children)
        )
        if not kind and not nobody and subj.lower_ not in _ANYONE | {"someone", "somebody"}:
            continue  # "why didn't the alert fire?" asks about the system
        past = verb.tag_ in ("VBD", "VBN") or any(
            c.dep_ == "aux" and c.lower_ in ("did", "could", "would", "had", "was", "were")
            for c in verb.children
        )
        if not past:
            continue  # "how do we make sure nobody has to check this by hand?" looks ahead
        lem = lemma(verb)
        if lem == "ring" and _not(verb) and any(lemma(c) == "bell" for c in verb.children):
            return True  # "how did that not ring any bells?"
        said = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp")]
        if lem in ("allow", "let") and any(
            t.lower_ in ("this", "that", "it") and t.dep_ in ("dobj", "nsubj")
            for c in said
            for t in (c, *c.children)
        ):
            return True  # "how did we allow this to happen?"
        if (lem in _LOOKED or lem in s.w["check_verbs"]) and (nobody or _not(verb)):
            return True  # (a duty of any trade: "why didn't the deckhand secure the lashings?")
    return False


@gated(
    lambda text, _p, _w: bool(
        _HINDSIGHT_GATE.search(text)
        or _MATTER_OF_TIME.search(text)
        or _WHO_COULD_HAVE.search(text)
        or _WHY_NOT_GATE.search(text)
        or (_PLAIN_WORD.search(text) and (_AHEAD.search(text) or _OUGHT_BEEN.search(text)))
    )
)
@judge
def hindsight_frame(s: Sentence) -> Iterator[Hit]:
    """Foresight claimed after the fact, found by the frame of the clause."""
    if s.states_principle() or _UNOWNED.search(s.text) or _SEEN_THEN_OR_LEARNED.search(s.text):
        return  # ("obvious to everyone on the call that the primary was down": seen then)
    whole = _whole(s)
    if s.is_question():
        if _WHO_COULD_HAVE.search(s.text) or _MATTER_OF_TIME.search(s.text) or _why_not_people(s):
            yield whole  # ("what part of 'never on the primary' was unclear?")
        return
    if _MATTER_OF_TIME.search(s.text) and not re.search(
        r"\bnot\s+(?:just\s+|only\s+)?a\s+matter\b", s.text, re.I
    ):
        yield whole
        return
    if _no_surprise(s) or (s.doc[0].lower_ in ("how", "why") and _why_not_people(s)):
        yield whole  # ("how did that not ring any bells" in chat, without its question mark)
        return
    for t in s.doc:
        if t.pos_ in ("VERB", "AUX") and _anyone_could_have(s, t):
            yield whole
            return
        if (
            lemma(t) in ("expect", "predict", "foresee", "anticipate")
            and t.tag_ == "VBN"
            and any(c.dep_ == "auxpass" for c in t.children)
            and not _not(t)
            and any(
                g.lower_ in _ANYONE
                for c in t.children
                if c.dep_ == "agent"
                for g in c.children
                if g.dep_ == "pobj"
            )
        ):
            yield whole  # "the outcome was completely expected by anyone familiar with it"
            return
        if (
            _foreseeable_outcome(s, t)
            or _bound_to_fail(s, t)
            or (t.pos_ in ("VERB", "AUX") and _knew_the_risk(s, t))
        ):
            yield whole
            return


# ------------------------------------------------ named agent: a person's act named as the cause

#: the words that make what follows the cause: "was the result of", "came down to"
_CAUSE_OF = re.compile(
    r"\b(?:(?:the\s+|a\s+|an\s+|direct\s+|simple\s+)*(?:result|case|consequence|product|outcome|"
    r"matter|effect)\s+of|(?:due|owing)\s+to|because\s+of|(?:came|comes|boiled|boils|traced|traces|resulted|results|stemmed|stems|"
    r"arose|arises|was\s+due|is\s+due|goes|went|dates|dated|led\s+back)\s+(?:down\s+|back\s+|"
    r"straight\s+)?(?:to|from))\s+(?:an?\s+|the\s+|one\s+|our\s+|their\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)
_CAUSE_GATE = re.compile(
    r"\b(?:(?:result|case|consequence|product|outcome|matter|effect)\s+of|(?:came|comes|boiled|boils|"
    r"traced|traces|resulted|results|stemmed|stems|arose|arises|due)\s+"
    r"(?:down\s+|back\s+|straight\s+)?(?:to|from)|(?:goes|went|dates|dated|led)\s+(?:straight\s+)?back\s+to)\b",
    re.I,
)


def _went_wrong_before(s: Sentence, i: int) -> bool:
    """The words before token `i` say what went wrong (the cause frame is about a failure)."""
    before = {w.lower_ for w in s.doc[:i]}
    return bool(
        before & s.w["failure_words"]
        or before & {"it", "this", "that", "incident", "failed", "misrouted"}
    )


#: the people of another organisation, whose acts a postmortem reports as events
_THIRD_PARTIES = {"vendor", "provider", "supplier", "partner", "customer", "user", "attacker",
                  "upstream", "carrier", "registrar", "isp", "cloud"}  # fmt: skip


@gated(lambda text, person, _w: bool(_CAUSE_GATE.search(text)) and _mentions_person(text, person))
@judge
def cause_frame(s: Sentence) -> Iterator[Hit]:
    """ "The data loss was the result of an operator running the cleanup script", "the downtime
    came down to a contractor unplugging the wrong rack": a person doing something, named as
    the cause."""
    if s.states_principle() or s.is_question():
        return
    for t in s.doc:
        who = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if (
            t.tag_ == "VBG"
            and who is not None
            and who.i < t.i
            and s.person_kind(who) in ("person", "group")
            and who.lower_ not in ("we", "us", "you")
            and lemma(who) not in _THIRD_PARTIES
            and not _not(t)
            and lemma(t) not in s.w["remedy_verbs"]
            and re.search(
                r"\b(?:due\s+to|because\s+of|caused\s+by|result\s+of|down\s+to|owing\s+to)\s*$",
                s.text[: who.left_edge.idx],
                re.I,
            )
            and _went_wrong_before(s, who.i)
        ):  # "the servers crashed due to a developer accidentally uploading a debug build",
            # the parser having made the act a clause of its own
            yield who.left_edge.idx, s.clause_end(t), None
            return
    for t in s.doc:
        if t.dep_ != "pobj" or t.head.lower_ not in ("of", "to", "from"):
            continue
        if lemma(t) in s.w["work_nouns"] and _CAUSE_OF.search(s.text[: t.left_edge.idx]):
            by = next(
                (
                    g
                    for c in t.children
                    if c.dep_ == "prep" and c.lower_ == "by"
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            if by is not None and (
                s.person_kind(by) in ("person", "group")
                or (
                    by.tag_ == "NNP"
                    and by.text[:1].isupper()
                    and not by.text.isupper()
                    and by.lower_ not in s.w["not_names"]
                )  # ("a change by Haruto": a name after "by" a change is a person's)
            ):
                yield t.left_edge.idx, by.right_edge.idx + len(by.right_edge.text), None
                return  # "the sev1 traces back to a one-line change by Haruto"
        if t.tag_ == "VBG" and not _not(t):
            # "the result of an employee uploading last month's file": the parser took the act
            # for the object and the person for its modifier
            who = next(
                (c for c in t.children if c.dep_ in ("compound", "nmod", "nsubj", "poss")), None
            )
            if (
                who is not None
                and s.person_kind(who) in ("person", "group")
                and who.lower_ not in ("we", "us", "you")
                and lemma(t) not in ("have", "be", "own", "hold", "use")
                and _CAUSE_OF.search(s.text[: who.left_edge.idx])
            ):
                if _went_wrong_before(s, who.i):
                    yield who.left_edge.idx, t.right_edge.idx + len(t.right_edge.text), None
                    return
        if s.person_kind(t) not in ("person", "group") or t.lower_ in ("we", "us", "you"):
            continue
        after = t.right_edge.i + 1
        act = next((c for c in t.children if c.dep_ == "acl" and c.tag_ == "VBG"), None)
        if act is None and after < len(s.doc):
            nxt = s.doc[after]  # "a case of an admin swapping": the parser hangs it on "case"
            if nxt.tag_ == "VBG" and nxt.dep_ in ("acl", "pcomp", "advcl") and nxt.head.i < t.i:
                act = nxt
        if act is None or _not(act) or lemma(act) in ("have", "be", "own", "hold", "use"):
            continue  # ("resulted from the client teams having the wrong address": a state)
        if not _CAUSE_OF.search(s.text[: t.idx]):
            continue
        if not _went_wrong_before(s, t.i):
            continue  # (the frame must be about what went wrong)
        yield t.left_edge.idx, act.right_edge.idx + len(act.right_edge.text), None
        return


#: a failure told in the main clause, then "because" a person acted
_BECAUSE_TRIGGERS = re.compile(
    r"\b(?:because|since|after|when|once)\s+(?:the\s+|an?\s+|our\s+|their\s+)?(?:[\w@.'’-]+\s+){0,3}?(?:\w+ly\s+)?"
    r"(?:\w+ed|ran|set|put|cut|made|took|broke|left|forgot|did|sent|wrote|pushed|shut|hit|gave|"
    r"chose|froze|overwrote|rewrote|undid|tore|drove|threw|kept|let|read|stopped|dropped)\b",
    re.I,
)
_NOT_ACTS = {
    "be", "have", "know", "think", "see", "notice", "feel", "want", "need", "seem", "believe",
    "assume", "expect", "understand", "realise", "realize", "ask", "tell", "report", "page",
    "escalate", "flag", "warn", "alert", "spot", "catch", "find", "discover", "detect", "look",
    "investigate", "help", "fix", "restore", "recover", "mitigate", "resolve", "roll",
}  # fmt: skip
#: a main clause that is the failure happening: "everything went sideways after ..."
_FELL_OVER = {
    "break",
    "fail",
    "crash",
    "die",
    "hang",
    "freeze",
    "stall",
    "collapse",
    "vanish",
    "spike",
}
_FELL_OVER_PHRASAL = {
    ("fall", "over"),
    ("go", "down"),
    ("blow", "up"),
    ("lock", "up"),
    ("back", "up"),
}
_WENT_BAD = re.compile(
    r"\b(?:went\s+(?:sideways|down|dark|offline|wrong|south|haywire|red)|started\s+(?:failing|erroring|"
    r"timing\s+out|crashing|returning\s+(?:errors|5\d\d))|began\s+(?:failing|erroring|timing\s+out|crashing)|"
    r"fell\s+over|broke|crashed|stalled)\b",
    re.I,
)
#: what was expected and did not come: "no shipment labels printed", "nothing synced"
_NOTHING_CAME = re.compile(
    r"\b(?:no|none\s+of\s+the|nothing)\s+(?:[\w-]+\s+){0,3}?(?:printed|arrived|shipped|loaded|synced|ran|"
    r"processed|sent|delivered|fired|went\s+out|came\s+through|got\s+through|was\s+(?:sent|processed|delivered|"
    r"printed|billed|paged)|were\s+(?:sent|processed|delivered|printed|billed|paged))\b",
    re.I,
)
_SETTLED = re.compile(
    r"\b(?:recovered|resolved|restored|mitigated|ended|cleared|stabili[sz]ed|rolled\s+back|"
    r"reverted|back\s+to\s+normal|caught|fixed|avoided|prevented|(?:was|were)\s+(?:\w+\s+)?(?:short|brief|"
    r"limited|contained|quick|small|minor))\b",
    re.I,
)


#: what falls when things get better
_MEASURES = {
    "latency", "error", "errors", "load", "queue", "backlog", "cpu", "memory", "lag", "rate",
    "time", "cost", "usage", "contention", "churn", "count", "p99", "p95", "traffic", "pressure",
}  # fmt: skip
#: what things do in an accident, said plainly
_MISHAP = {
    "roll", "swing", "tip", "slide", "slip", "hit", "strike", "drift", "spill",
    "burn", "trip", "blow", "flood", "overflow", "overheat", "jam", "snap", "sink", "topple",
    "collide", "scorch", "smash", "shatter", "detonate", "explode",
}  # fmt: skip


def _because_person(s: Sentence, verb: Token) -> bool:
    """ "Backups stopped being taken because Ingrid commented out the cron entry": a failure,
    and a person's act given as its reason."""
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if verb.dep_ != "advcl" or not marks & {"because", "since", "after", "when", "once"}:
        return False
    temporal = not marks & {"because", "since"}
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or s.person_kind(subj) not in ("person", "group"):
        return False
    if lemma(subj) in ("vendor", "provider", "supplier", "manufacturer", "upstream", "customer"):
        return False  # "broke because the vendor renamed the field": outside our walls
    if verb.tag_ not in ("VBD", "VBN") or lemma(verb) in _NOT_ACTS or _not(verb):
        return False
    main = verb.head
    inside = {t.i for t in verb.subtree}
    told = "".join(t.text_with_ws for t in s.doc if t.i not in inside)
    if _SETTLED.search(told):
        return False  # "we rolled back because Jane noticed the errors"
    measured = s.subject(main)
    if (
        lemma(main) in ("fall", "drop", "decrease", "ease", "improve", "shrink", "halve")
        and measured is not None
        and lemma(measured) in _MEASURES
    ):
        return False  # "latency fell because Kenji added an index": the act helped
    words = set(re.findall(r"[a-z]+", told.lower()))
    if _NOTHING_CAME.search(told):
        return True  # "because Jonas had paused the consumer, no shipment labels printed"
    if temporal:
        # "everything went sideways after Lucia bumped the pool size": the main clause must be
        # the failure happening, not an account of it ("we paged Omar after he noticed")
        return (
            verb.i > main.i
            and (
                lemma(main) in _FELL_OVER
                or _phrasal(main) in _FELL_OVER_PHRASAL
                or bool(_WENT_BAD.search(told))
                or (
                    lemma(main) in ("start", "begin")
                    and bool(
                        re.search(
                            r"\b(?:thing|mess|trouble|problem|outage|incident|it\s+all)\b",
                            told,
                            re.I,
                        )
                    )
                )  # "the whole thing started when @dmitri_k merged his branch"
            )
            and s.person_kind(s.subject(main)) not in ("person", "group", "we")
        )
    failed = bool(words & s.w["failure_words"] - {"without", "peak", "down"}) or lemma(main) in (
        "stop",
        "break",
        "fail",
        "crash",
        "freeze",
        "hang",
        "die",
        "disappear",
        "vanish",
    )
    if (
        not failed
        and verb.i > main.i
        and (
            lemma(main) in _MISHAP
            or _phrasal(main) in (("go", "off"), ("come", "down"), ("give", "way"))
        )
    ):
        # an accident told plainly, a person's act its reason: "the skip tipped into the road
        # because the driver parked it on the slope", "the shot went off early because ..."
        who = s.subject(main)
        return who is not None and s.person_kind(who) not in ("person", "group", "we")
    return failed


@gated(
    lambda text, person, _w: bool(_BECAUSE_TRIGGERS.search(text)) and _mentions_person(text, person)
)
@judge
def because_frame(s: Sentence) -> Iterator[Hit]:
    if s.states_principle() or s.is_question():
        return
    for verb in s.doc:
        if verb.pos_ == "VERB" and _because_person(s, verb):
            subj = next(c for c in verb.children if c.dep_ == "nsubj")
            yield s.span_start(subj), s.clause_end(verb), None
            return


# ------------------------------------------------------------ judgmental: praise that means blame

_IRONIC = re.compile(
    # a mocking name for whoever did it: "some genius decided to run the final on a patch"
    r"\b(?:some|our\s+resident|whichever|what\s+kind\s+of)\s+(?:genius|bright\s+spark|rocket\s+scientist|"
    r"einstein|smart\s+alec|clever\s+clogs|wise\s+guy)\b|"
    r"^\W*(?:a\s+)?(?:real|very|so|truly)\s+professional\s*[,:—–!]"
    r"|^\W*(?:(?:wow|oh|well|yeah|ah)\W+(?:just\s+)?)?(?:(?:truly|really|what\s+a|such\s+a)\s+)?(?:brilliant|great|genius|smart|clever|bright|wonderful)\s+(?:idea|move|plan|call)\s*"
    r"(?:[,:—–-]\s*\w+ing\b|to\s+(?!be\b)\w+)"
    r"|[,;:—–]\s*(?:well,\s*)?(?:that|this)\s+went\s+(?:really\s+|super\s+|so\s+)?well\s*[.!]*\s*$"
    r"|\b(?:(?:truly|real|a\s+real|what\s+a|"
    r"absolute|such\s+a)\s+(?:genius|galaxy-?brain(?:ed)?|stroke\s+of\s+genius)(?:\s+move)?|"
    r"genius\s+(?:move|idea|decision|call|plan)|thought\s+[^.;]*\s+(?:was|would\s+be)\s+a\s+bright\s+idea|"
    r"what\s+a\s+bright\s+idea|chef['’]s\s+kiss|ten\s+out\s+of\s+ten|10/10|"
    r"(?:brilliant|genius|smart|clever|great|stellar)\s+(?:move|idea|call|plan),\s+(?:really|truly|honestly)|"
    r"top-?notch\s+(?:work|engineering|job))\b"
    # praise with the emoji or the tag that turns it: "great job team, shipping a 2gb debug log
    # to every user :clap:", "merging at 6pm on a friday :facepalm: brilliant call"
    r"|\b(?:great|nice|brilliant|stellar|amazing|awesome|fantastic|genius|smart)\s+(?:job|work|call|move|"
    r"idea|one|stuff)\b[^.;?!]*?(?::slow_clap:|:facepalm:|:upside_down_face:|🤦|🙃|(?<!\w)/s\b)"
    r"|(?::facepalm:|🤦|:clap:|👏)[^.;?!]*?\b(?:brilliant|genius|great|nice|stellar|smart)\s+(?:call|move|idea|"
    r"job|work|plan)\b"
    # "… real professional work 👏", "nice of the release process to ignore the failing tests"
    r"|\b(?:real|very|truly|so)\s+professional\s+(?:work|job|stuff|engineering)\b[^.;?!]*(?:👏|:clap:|🙄|/s\b)"
    r"|^\W*(?:nice|good|great|kind|thoughtful)\s+of\s+(?:the|our|you|them|him|her)\b[^.;?!]*?\bto\s+"
    r"(?:\w+ly\s+)?(?:ignore|skip|break|take\s+down|delete|wipe|bypass|drop|lose|forget|disable)\b",
    re.I,
)
#: praise of a plan or a move, ironic when what it praises is a risk: "what a brilliant plan:
#: migrate the billing database the night before invoicing", "wow, bold move restarting every
#: pod in prod at once" (not "what a great plan: we ship the fix tonight")
_PRAISED_PLAN = re.compile(
    r"\bwhat\s+an?\s+(?:brilliant|genius|great|smart|clever|wonderful|fantastic|stellar|bright)\s+"
    r"(?:idea|move|plan|call|decision|strategy)\s*[:—–-]"
    r"|^\W*(?:wow,?\s+|well,?\s+)?(?:bold|brave|interesting|daring)\s+(?:move|choice|call|strategy)\b",
    re.I,
)
_RISKY = re.compile(
    r"\b(?:at\s+once|all\s+at\s+the\s+same\s+time|every|in\s+prod(?:uction)?|the\s+(?:night|day|hour)\s+"
    r"before|on\s+a\s+friday|during\s+(?:peak|business\s+hours|the\s+sale)|without\s+(?:a\s+)?"
    r"(?:backup|rollback|review|tests?|canary)|straight\s+to\s+(?:prod|main|production))\b",
    re.I,
)
#: what follows a praised plan that says it went well: "…, and it helped"
_POSITIVE_TURN = re.compile(r"\b(?:helped|worked|paid\s+off\s+for|saved|restored|fixed)\b", re.I)
#: a lone word of praise that closes a sentence about a failure: "… took down checkout. brilliant"
_PRAISE_CLOSE = re.compile(
    r"[.!]\s+(?:brilliant|genius|great|fantastic|stellar|awesome|lovely|perfect|classic)\W*$", re.I
)
_PRAISE = re.compile(
    r"^\W*(?:(?:really\s+)?(?:nice|great|good|fantastic|brilliant|stellar|amazing|awesome|superb)\s+"
    r"(?:work|job|going|one|stuff)|well\s+done|bravo|kudos|congrat\w*|hats\s+off|way\s+to\s+go)\b",
    re.I,
)
#: what the praise is for: a fault, not the recovery
_PRAISED_FAULT = re.compile(
    r"\bmanaged\s+to\s+(?:take|break|delete|wipe|drop|knock|bring|lose|corrupt|leak|crash)\b"
    r"|\b(?:bypassing|skipping|ignoring|pushing\s+straight|deploying\s+(?:on|at)|breaking|"
    r"taking\s+down|deleting|wiping|dropping|knocking|leaking)\b"
    r"|\b(?:down|broken|offline)\s+for\s+(?:half\s+a|a|an|\d+|two|three|several)\b"
    r"|[,;:—–-]\s*(?:we|you|they|he|she|(?-i:[A-Z])[a-z]+)\s+(?:just\s+|only\s+)?(?:took|knocked|brought)\s+"
    r"(?:\w+\s+){0,3}?(?:down|out|offline)\b"
    r"|[,;:—–-]\s*(?:we|you|they|he|she|(?-i:[A-Z])[a-z]+)\s+(?:just\s+|only\s+)?(?:broke|wiped|deleted|dropped|"
    r"nuked|crashed|lost|corrupted|leaked)\b(?!\s+(?:no|nothing|none|zero|not)\b)"
    r"|\bthanks\s+to\s+(?:a|an|the|your|his|her|their)\s+(?:[\w-]+\s+){0,2}(?:change|commit|push|"
    r"deploy|edit|typo|script|merge)\b|\bwhoever\s+(?:thought|decided|approved|pushed|merged)\b",
    re.I,
)


#: what turns thanks sour: applause emoji, an eye-roll, "/s", words in scare quotes
_SCARE_MARKS = re.compile(
    r"👏|:clap:|🙄|:eyeroll:|(?<!\w)/s\b|(?<!\w)['‘\"“][^'’\"”]{2,30}['’\"”](?!\w)"
)
#: thanks that say praise is meant, when nothing in the sentence went wrong
_SINCERE = re.compile(
    r"\b(?:thanks|thank\s+you|thx|cheers|love\s+it|let['’]s\s+do\s+it|agreed|\+1|count\s+me\s+in)\b",
    re.I,
)
_CLAPPED = re.compile(
    r"\b(?:great|nice|brilliant|stellar|amazing|awesome|fantastic)\s+(?:job|work)\b[^.;?!]*?(?::clap:|👏)"
)


@gated(
    lambda text, _p, _w: bool(
        _IRONIC.search(text)
        or (_PRAISE.search(text) and _PRAISED_FAULT.search(text))
        or _CLAPPED.search(text)
        or _PRAISE_CLOSE.search(text)
        or _PRAISED_PLAN.search(text)
    )
)
@judge
def sarcasm_frame(s: Sentence) -> Iterator[Hit]:
    """Praise that means blame: "nice work bypassing code review, that went well", "deploying
    at 5pm on a Friday, truly a genius move" (not "great work restoring the service")."""
    if s.states_principle():
        return
    ironic = _IRONIC.search(s.text)
    praised = _PRAISE.search(s.text) and _PRAISED_FAULT.search(s.text)
    plan = _PRAISED_PLAN.search(s.text)
    if not ironic and plan:
        rest = s.text[plan.end() :]
        ironic = _RISKY.search(rest) or (
            _failure_context(_Text(rest, s)) and not _POSITIVE_TURN.search(rest)
        )
    if not ironic and not praised and _PRAISE_CLOSE.search(s.text):
        closing = _PRAISE_CLOSE.search(s.text)
        praised = _failure_context(_Text(s.text[: closing.start()], s))  # the failure praised
    if not (ironic or praised) and _CLAPPED.search(s.text):
        # applause for an act that reached everyone: "great job team, shipping a 2gb debug log
        # to every user :clap:" (not "great job on the rollback everyone :clap:")
        praised = any(t.pos_ == "VERB" and t.tag_ == "VBG" and _blast(s, t) for t in s.doc) or bool(
            _PRAISED_FAULT.search(s.text)
        )
    if ironic and re.search(r"\b(?:not|no|never)\s+(?:\w+\s+)?$", s.text[: ironic.start()], re.I):
        ironic = None  # "that did not go well" is plain
    if (
        ironic
        and _SINCERE.search(s.text)
        and not _SCARE_MARKS.search(s.text)
        and not _RISKY.search(s.text)
        and not _failure_context(_Text(s.text, s))
    ):
        ironic = None  # "wow, great idea to move the standup to 9, thanks Sam": meant
    if ironic or praised:
        yield _whole(s)


# ----------------------------------------------- judgmental: a verdict on how people decided

_VERDICTS = {
    "poor", "bad", "naive", "naïve", "terrible", "awful", "questionable", "dubious", "misguided",
    "ill-judged", "ill-advised", "lazy", "sloppy", "careless", "reckless", "negligent",
    "amateurish", "unprofessional", "irresponsible", "foolish", "stupid", "dumb", "inexcusable",
    "unacceptable", "baffling", "bizarre", "incompetent", "shoddy", "lousy", "atrocious",
    "abysmal", "boneheaded", "idiotic", "clueless", "inept", "woeful", "dreadful", "horrible",
    "sluggish", "disorganised", "disorganized", "cursory", "lax", "slapdash", "half-hearted",
    "haphazard", "lackadaisical", "chaotic", "shambolic", "unconvincing", "evasive",
    "substandard", "sub-standard", "perfunctory", "superficial", "cavalier", "slipshod",
    "casual", "feeble", "daft", "useless", "hopeless", "pitiful", "sorry", "half-arsed",
}  # fmt: skip
#: what only people show or do: judged as people's whoever is named
_CONDUCT = {
    "conduct", "behaviour", "behavior", "attitude", "explanation", "explanations", "demeanour",
    "demeanor", "professionalism", "diligence", "review", "reviews", "reviewing", "oversight",
}  # fmt: skip
#: what only people do: their decisions are judged when these are
_DECIDING = {
    "decision", "decisions", "decision-making", "judgement", "judgment", "choice", "choices",
    "thinking", "reasoning", "call", "calls", "leadership", "shortcut", "shortcuts",
}  # fmt: skip
#: what people or things may do: judged as people's only when a person is named with it
_DOING = {
    "approach", "handling", "response", "execution", "work", "planning", "effort", "attempt",
    "reaction", "communication", "communications", "preparation", "testing", "coordination",
}  # fmt: skip
_DEPTH = re.compile(
    r"\bnot\s+a\s+good\s+look\s+for\b|\ba\s+(?:bad|terrible|poor)\s+look\s+for\b"
    r"|\bout\s+of\s+(?:his|her|their|your|my)\s+depth\b|\btakes?\s+a\s+special\s+kind\s+of\b"
    r"|\b(?:whoever|he|she|they|the\s+(?:author|developer|engineer|designer|reviewer|person))\b[^.;?!]*?"
    r"\b(?:has|had|have)\s+no\s+(?:idea|clue)\b"
    r"|\bclown\s+(?:show|car)\b|\bamateur[\s-]hour\b|\b(?:poor|bad)\s+form\b"
    r"|\b(?:was|is|were|are)(?:n['’]t|\s+not)\s+(?:exactly\s+)?(?:his|her|their|your)\s+strong\s+(?:suit|point)\b"
    r"|\b(?:threw|throws|throw|throwing|thrown)\s+(?:[\w-]+\s+){0,4}over\s+the\s+wall\b|\bhad\s+one\s+job\b"
    r"|\b(?:handling|response|conduct|behaviou?r)\b[^.;]{0,50}\b(?:was|is)\s+an?\s+(?:embarrassment|disgrace|shambles|"
    r"fiasco|joke)\b"
    r"|\b(?:not\s+acceptable|unacceptable)\s+(?:behaviou?r|conduct|practice)\b"
    # a standard a person fell short of, a disregard, a lack shown
    r"|\bf[ae]ll(?:s|ing)?\s+(?:well\s+|far\s+|way\s+|significantly\s+)?below\s+(?:the|our|any|a|an)\s+"
    r"(?:[\w-]+\s+)?(?:standards?|expectations?|bar)\s+(?:expected|required|demanded)\s+(?:of|from)\s+"
    r"(?:(?:a|an|any|the|registered|qualified|competent|professional|experienced)\s+)*(?:[\w-]+\s+)?"
    r"(?:professionals?|staff|engineers?|practitioners?|operators?|clinicians?|nurses?|doctors?|him|her|"
    r"them|employees?|personnel|officers?|crews?|pilots?|controllers?|people|persons?|individuals?)\b"
    r"|\bf[ae]ll(?:s|ing)?\s+(?:well\s+|far\s+|way\s+|significantly\s+)?short\s+of\s+(?:the|our|any|a|an)\s+"
    r"(?:[\w-]+\s+)?(?:standards?|expectations?|bar)\s+(?:expected|required|demanded)\s+(?:of|from)\b"
    r"|\b(?:troubling|blatant|complete|total|flagrant|wilful|willful|reckless|casual|worrying|"
    r"shocking|clear)\s+disregard\s+(?:for|of)\b"
    r"|\b(?:showed|shows|show|displayed|displays|demonstrated|demonstrates|reflects|reflected|"
    r"betrays|betrayed|revealed|reveals)\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:lack|absence)\s+of\s+"
    r"(?:basic\s+|any\s+)?(?:care|seriousness|diligence|rigou?r|attention|professionalism|"
    r"judg(?:e)?ment|urgency|discipline|competence|responsibility|common\s+sense|ownership)\b",
    re.I,
)
_NO_REGARD = re.compile(
    r"\bshow(?:ed|s|ing)?\s+(?:little|no|scant|scarcely\s+any)\s+regard\s+for\b", re.I
)
_VERDICT_GATE = re.compile(
    r"\b(?:"
    + "|".join(sorted(_VERDICTS, key=len, reverse=True))
    + r")\b|\bdepth\b|\bspecial\s+kind\b|\bno\s+(?:idea|clue)\b|\bclown\b|\bamateur\s+hour\b|\bform\b|\blook\s+for\b"
    r"|\bacceptable\s+(?:behaviou?r|conduct|practice)\b|\bshort\s+of\b|\bdisregard\b|\black\s+of\b"
    r"|\bregard\s+for\b|\bbelow\s+the\s+(?:[\w-]+\s+)?standard\b"
    r"|\bembarrassment\b|\bdisgrace\b|\bshambles\b|\bfiasco\b|\bjoke\b"
    r"|\bstrong\s+(?:suit|point)\b|\bamateur-hour\b|\bover\s+the\s+wall\b|\bone\s+job\b"
    r"|\babsence\s+of\b",
    re.I,
)


def _people_did(s: Sentence, noun: Token) -> bool:
    """The noun is a person's doing: "taken by the developer", "his handling", "our response"."""
    for c in noun.children:
        if c.dep_ == "poss" and (
            c.lower_ in ("his", "her", "their", "our", "your") or s.person_kind(c) != ""
        ):
            return True
        if c.dep_ == "acl" and any(
            g.dep_ == "agent" and any(s.person_kind(x) in ("person", "group") for x in g.children)
            for g in c.children
        ):
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ in ("of", "by")
            and any(
                g.dep_ == "pobj" and s.person_kind(g) in ("person", "group") and g.lower_ != "we"
                for g in c.children
            )
        ):
            return True  # "the response of the network team", "the conduct of the engineer"
    return False


def _verdict_on_deciding(s: Sentence, adj: Token) -> bool:
    if adj.lower_ not in _VERDICTS or _not(adj) or _not(adj.head):
        return False
    if adj.dep_ == "amod":
        noun = adj.head
    elif adj.dep_ in ("acomp", "attr"):
        noun = next((c for c in adj.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    else:
        return False
    if noun is None:
        return False
    if noun.lower_ == "making" and any(c.lower_ == "decision" for c in noun.children):
        return True  # "bad decision-making" (the tokenizer splits it)
    if any(c.dep_ == "compound" for c in noun.children):
        return False  # "poor connection handling": a component's
    low = noun.lower_
    if low in ("call", "calls") and any(c.lower_ in ("to", "api") for c in noun.children):
        return False  # "a bad call to the API"
    if low in _DECIDING or lemma(noun) in _DECIDING:
        return True
    if (low in _CONDUCT or lemma(noun) in _CONDUCT) and adj.lower_ not in ("poor", "bad"):
        owners = [c for c in noun.children if c.dep_ == "poss"] + [
            g
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj" and low not in ("review", "reviews", "reviewing", "oversight")
        ]  # ("the review of the pull request" names what was reviewed, not who)
        if _people_did(s, noun):
            return True  # "his explanation of the timeline was evasive"
        if any(
            o.lower_ not in ("his", "her", "their", "our", "your")
            and s.person_kind(o) not in ("person", "group")
            for o in owners
        ):
            return False  # "the cluster's behaviour was chaotic under load"
        return not any(c.lower_ in ("code", "automated", "system") for c in noun.children)
        # ("the review was cursory", "his explanation was evasive"; a "poor review" may be
        # of a document, so it needs a person)
    return (
        low in _DOING or lemma(noun) in _DOING or low in _CONDUCT or lemma(noun) in _CONDUCT
    ) and _people_did(s, noun)


@gated(lambda text, _p, _w: bool(_VERDICT_GATE.search(text)))
@judge
def verdict_frame(s: Sentence) -> Iterator[Hit]:
    """A verdict on how people decided or acted: "bad decision-making during the cutover", "the
    choices made in the first hour were simply poor", "out of his depth" (not "a naive
    implementation", "poor connection handling in the client")."""
    if s.states_principle() or s.is_question() or _MACHINE_CHOICE.search(s.text):
        return  # ("the classifier's poor judgment": a machine's choice)
    m = _DEPTH.search(s.text)
    if m:
        yield m.start(), m.end(), None
        return
    m = _NO_REGARD.search(s.text)
    if m and any(
        s.person_kind(t) in ("person", "group") and t.dep_ in ("poss", "nsubj")
        for t in s.doc[: s.doc.char_span(m.start(), m.end(), alignment_mode="expand").start]
    ):
        yield m.start(), m.end(), None  # "the practitioner's documentation showed little regard
        return  # for continuity of care" (not "the design showed little regard for failure")
    for t in s.doc:
        if _verdict_on_deciding(s, t):
            yield t.idx, t.idx + len(t.text), None
            return


# ------------------------------------------- preventable: prevention priced at next to nothing

#: what makes a safeguard cheap in the telling: "a simple dry run", "one grep", "basic canarying"
_MINIMAL = {
    "simple", "basic", "single", "one", "quick", "trivial", "cheap", "tiny", "small", "little",
    "any", "mere", "one-line", "two-line", "ten-line", "elementary", "rudimentary", "cursory",
    "minimal",
}  # fmt: skip
#: what a person brings, as a safeguard: "ordinary diligence would have prevented it"
_CARE = {
    "attention", "care", "diligence", "vigilance", "caution", "thought", "focus", "supervision",
    "alertness", "prudence", "watchfulness", "carefulness", "professionalism", "discipline",
}  # fmt: skip
#: ... asked for at its plainest
_ORDINARY = {
    "proper", "ordinary", "due", "reasonable", "normal", "basic", "simple", "elementary",
    "routine", "adequate", "common", "standard", "minimal", "minimum", "closer", "more",
}  # fmt: skip
_STOPPED = {
    "prevent", "catch", "stop", "expose", "avoid", "save", "spare", "flag", "reveal", "surface",
    "detect", "block", "find", "show", "head", "avert", "spot",
}  # fmt: skip
_EASILY = re.compile(
    r"^\W*(?:\w+\s+){0,2}?(?:easily|trivially)\s+(?:prevented|avoided|caught|averted|preventable|avoidable|stopped)\b"
    r"|\bso\s+(?:easily|trivially|readily)\s+(?:prevented|avoided|averted|preventable|avoidable)\b"
    r"|\beminently\s+(?:avoidable|preventable)\b|\b(?:easily|trivially)\s+(?:avoidable|preventable)\b"
    r"|\b(?:was|is|were)\s+all\s+that\s+stood\s+between\s+(?:us|them|the\s+\w+)\s+and\b"
    r"|\ball\s+(?:it|that)\s+(?:needed|took|would\s+have\s+taken|would\s+take|would\s+have\s+needed)\b"
    r"|\beasiest\s+(?:[\w-]+\s+)?to\s+(?:prevent|avoid|catch)\b"
    r"|\bany\s+[\w-]+(?:\s+[\w-]+)?\s+at\s+all\b[^.;]*\bwould\s+have\b"
    r"|\b(?:fully\s+|entirely\s+|completely\s+)?within\s+(?:our|their|his|her|the\s+[\w-]+['’]s)\s+(?:own\s+)?"
    r"(?:control|power|gift)\s+to\s+"
    r"(?:prevent|avoid|stop)\b|\bnothing\s+(?:about\s+(?:this|it)\s+)?(?:was|is)\s+(?:unavoidable|inevitable)\b"
    r"|\bthe\s+only\s+thing\s+(?:required|needed|necessary)\s+to\s+(?:avoid|prevent|stop)\b"
    r"|\b(?:need\s+not|needn['’]t|(?:did\s+not|didn['’]t|never)\s+(?:need|have)\s+to)\s+(?:have\s+)?"
    r"(?:happened|happen)\b"
    r"|^\W*(?:one|a\s+single|a\s+quick|a\s+simple|just\s+one)\b[^.;]{0,60}?\band\s+(?:we|this|none\s+of\s+(?:this|it))\s+"
    r"would(?:\s+not|n['’]t|\s+never)\b",
    re.I,
)
#: what a person spends a few minutes on
_EFFORT = {
    "look", "glance", "check", "review", "test", "run", "verification", "grep", "diff", "read",
    "conversation", "call", "chat", "question", "care", "thought", "attention", "search",
    "inspection", "walkthrough", "rehearsal", "drill", "restore", "skim", "peek", "fix", "patch",
    "comment", "message",
}  # fmt: skip
#: a safeguard priced in minutes: "a five-minute dry run", "a moment's care", "ten seconds of"
_FEW_MINUTES = re.compile(
    r"\b(?:one|two|three|five|ten|fifteen|thirty|\d+)\s*-?\s*(?:minute|second|line)s?\b"
    r"|\b(?:a\s+)?(?:moment|minute|second)['’]s\b",
    re.I,
)
_CHEAP_GATE = re.compile(
    r"\b(?:would|could)(?:\s+have|['’]ve)\s+(?:\w+\s+)?(?:prevented|caught|stopped|exposed|avoided|saved|spared|"
    r"flagged|revealed|surfaced|detected|blocked|found|shown|headed|averted|spotted)\b|\b(?:easily|trivially)\b"
    r"|\beminently\b|\breadily\b|\bneed\s+not\b|\bneedn['’]t\b|\bdid\s+not\s+need\b"
    r"|\b(?:didn['’]t|did\s+not|never)\s+(?:need|have)\s+to\s+happen\b"
    r"|\bwithin\s+[\w-]+['’]?s?\s+(?:own\s+)?(?:control|power|gift)\b|\bunavoidable\b|\binevitable\b|\bonly\s+thing\s+(?:required|needed|necessary)\b"
    r"|\bstood\s+between\b|\ball\s+(?:it|that)\s+(?:needed|took|would)\b|\beasiest\b|\bat\s+all\b"
    r"|\band\s+(?:we|this|none)\b[^.;]*\bwould(?:\s+not|n['’]t|\s+never)\b",
    re.I,
)


def _cheap_safeguard(s: Sentence, verb: Token) -> bool:
    """ "One grep of the config would have prevented the entire outage", "basic canarying would
    have stopped this": a safeguard priced at next to nothing (not "an alert on queue depth
    would have caught this", which names what to build)."""
    if lemma(verb) not in _STOPPED or verb.tag_ != "VBN" or _not(verb):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in ("would", "could", "'d") for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subj is None and any(c.dep_ == "auxpass" for c in verb.children):
        # "this could have been caught by a basic unit test": the safeguard is the agent
        subj = next(
            (g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
            None,
        )
    if subj is None or s.person_kind(subj) in ("person", "group", "we"):
        return False
    said = s.doc[subj.left_edge.i : subj.right_edge.i + 1].text
    if lemma(subj) in _CARE and any(
        c.dep_ == "amod" and c.lower_ in _ORDINARY for c in subj.children
    ):
        return True  # "proper attention at handover would have prevented the missed dose"
    return (
        any(t.lower_ in _MINIMAL for t in subj.subtree)
        or any(c.lower_ in ("just", "simply", "even") for c in verb.children)
        or any(t.lower_ == "even" for t in subj.subtree)  # "an audit, or even one negative test,"
        or (
            bool(_FEW_MINUTES.search(said))
            and subj.tag_ == "NN"
            and lemma(subj) in _EFFORT
            and not any(
                c.dep_ == "compound" and c.lower_ not in ("minute", "second", "line")
                for c in subj.children
            )
        )  # (a person's minutes; not "a five-minute alert window", "thirty-second health checks")
    )


@gated(lambda text, _p, _w: bool(_CHEAP_GATE.search(text)))
@judge
def cheap_frame(s: Sentence) -> Iterator[Hit]:
    if s.states_principle() or s.is_question():
        return
    if _EASILY.search(s.text):
        yield _whole(s)
        return
    for t in s.doc:
        if _cheap_safeguard(s, t):
            yield _whole(s)
            return


# ---------------------------------------------------- counterfactual: a wish about what they did

_WISH = re.compile(r"\b(?:wish|wished|wishing)\b", re.I)


@gated(lambda text, _p, _w: bool(_WISH.search(text)))
@judge
def wish_frame(s: Sentence) -> Iterator[Hit]:
    """ "We wish the engineer had escalated", "I wish they'd asked first": what someone did,
    wished otherwise (not "we wish the vendor's API had a sandbox")."""
    if s.states_principle() or s.is_question():
        return
    for verb in s.doc:
        if lemma(verb) != "wish" or _not(verb):
            continue
        for what in verb.children:
            if what.dep_ != "ccomp":
                continue
            had = any(a.dep_ == "aux" and a.lower_ in ("had", "'d") for a in what.children)
            subj = next((c for c in what.children if c.dep_ == "nsubj"), None)
            if (
                had
                and what.tag_ == "VBN"
                and subj is not None
                and s.person_kind(subj) in ("person", "group", "we")
                and subj.lower_ not in ("i", "we")
            ):
                yield _whole(s)
                return


# ------------------------------------------ counterfactual: what a person had to, or had not

#: verbs of the checks people make, said of a thing in the passive: "the node was supposed to be
#: drained first"
_HUMAN_CHECKS = {
    "drain", "check", "double-check", "verify", "review", "test", "confirm", "approve", "validate",
    "inspect", "sign", "announce", "communicate", "coordinate", "escalate", "read", "proofread",
    "back", "snapshot", "stage", "canary", "pause", "quiesce", "cordon", "notify", "flag",
}  # fmt: skip
_DUTY = {"supposed", "meant", "required", "expected", "obliged", "obligated", "needed"}
#: what makes a duty on a thing unmet: "before anyone ran", ", not power-cycled", "but was not"
_UNMET_MARK = re.compile(
    r"\b(?:before\s+(?:anyone|anybody|someone|somebody|the\s+\w+|we|they|he|she)|first|(?:far\s+|much\s+)?(?:sooner|earlier)|"
    r"but\s+(?:was|were|wasn['’]t|weren['’]t|never|nobody|no\s+one)|and\s+(?:wasn['’]t|weren['’]t|never))\b"
    r"|,\s*not\s+\w+",
    re.I,
)
_WHAT_WAS_MISSING = re.compile(
    # a duty laid on a person, after the fact: "it was incumbent upon the procurement officer to
    # verify the certificates"
    r"\bit\s+was\s+(?:clearly\s+|plainly\s+)?incumbent\s+(?:up)?on\s+(?:the\s+|an?\s+|his\s+|her\s+|their\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:officer|engineer|manager|operator|staff|team|lead|nurse|controller|crew|"
    r"supervisor|person|individual|technician|analyst|administrator|contractor|him|her|them)\s+to\b|"
    r"^\W*what\s+(?:was|is)\s+(?:missing|required|needed|lacking|called\s+for)\s+(?:here\s+|in\s+this\s+case\s+)?"
    r"(?:was|is)\s+(?:an?\s+|the\s+|some\s+|one\s+)?(?:[\w-]+\s+){0,2}(?:engineer|person|human|someone|"
    r"reviewer|operator|word|look|check|conversation|heads-up|second\s+pair|sanity\s+check|glance)"
    # the better course, told after the fact: "it would have been appropriate for the incident
    # commander to invoke the plan", "best practice would have been for the dev to test first",
    # "the correct move would have been to fail over"
    r"|\bwould\s+have\s+been\s+(?:more\s+|far\s+|much\s+)?(?:appropriate|better|wiser|prudent|"
    r"advisable|sensible|preferable|correct|right|best|proper)\s+for\s+(?:the\s+|an?\s+|our\s+|"
    r"(?-i:[A-Z])\w+\b)(?:[\w-]+\s+){0,3}?(?:[\w-]+\s+)?to\s+\w+"
    r"|\b(?:best\s+practice|the\s+(?:correct|right|proper|sensible|obvious|appropriate|better)\s+"
    r"(?:move|call|thing\s+to\s+do|approach|choice|course(?:\s+of\s+action)?|decision))\s+would\s+"
    r"have\s+been\s+(?:for\s+|to\s+)"
    r"|\b(?:was|were)\s+(?:supposed|meant|required|expected)\s+to\s+be\s+(?:done|rehearsed|followed|tested|"
    r"reviewed|checked|run|performed|completed|renewed|applied|verified|approved|paged|escalated|drained|"
    r"announced|communicated)\b"
    r"|\b(?:we|they|he|she|you)\s+(?:were|was)\s+(?:supposed|meant)\s+to\s+(?:renew|rotate|check|test|review|"
    r"page|escalate|update|patch|verify|apply|roll|revert|drain|notify|tell|warn)\b"
    r"|\b(?:needed|had)\s+to\b[^.;]*?,?\s+(?:and|but)\s+(?:it|that|this|they|he|she)(?:\s+[\w-]+){0,2}\s+"
    r"(?:didn['’]t|did\s+not|never\s+(?:happened|did)|wasn['’]t\s+done|was\s+not\s+done)\b"
    r"|\b(?:somebody|someone)\s+needed\s+to\s+(?:tell|warn|page|check|notify|escalate|review|test)\b"
    r"|^\W*ideally,?\s+[^.;]*\bwould\s+have\s+been\s+\w+(?:ed|en)\b[^.;]*\bbut\b"
    r"|\b(?:it\s+was|was)\s+(?:expected|required|assumed)\s+that\s+(?:the\s+|an?\s+|our\s+)?"
    r"[^.;]*?\bwould\b[^.;]*?\b(?:and|but)\s+(?:this|that|it)\s+(?:was\s+not|wasn['’]t|never\s+was|"
    r"did\s+not|didn['’]t)\s+(?:done|happen|carried\s+out|followed|performed)",
    re.I,
)
_SHOULD_HAVE_END = re.compile(
    r"\b(?:and|but)\s+(?:should|ought\s+to)\s+have\s*[.!]*\s*$|\b(?:and|but)\s+(?:didn['’]t|did\s+not)\s*[.!]*\s*$",
    re.I,
)
_DUTY_GATE = re.compile(
    r"\b(?:supposed|meant|required|expected|obliged|obligated|needed|had)\s+(?:\w+\s+)?to\b"
    r"|\bincumbent\s+(?:up)?on\b"
    r"|\bif\b[^.?!]*\b(?:had|['’]d|hadn['’]t)\b[^.?!]*\b(?:(?:would|could|might)(?:n['’]t)?|['’]d)\b"
    r"|^\W*had\b"
    r"|\b(?:(?:would|could|might)(?:n['’]t)?|['’]d)\b[^.?!]*\bif\b[^.?!]*\b(?:had|['’]d|hadn['’]t)\b|"
    r"^\W*what\s+(?:was|is)\s+(?:missing|required|needed|lacking)|\b(?:should|ought\s+to)\s+have\s*[.!]*\s*$"
    r"|\b(?:supposed|meant)\s+to\b|\bneeded\s+to\b|\bhad\s+to\b|^\W*ideally\b"
    r"|\bwould\s+have\s+been\s+(?:\w+\s+)?(?:appropriate|better|wiser|prudent|advisable|sensible|"
    r"preferable|correct|right|best|proper|for|to)\b|\b(?:expected|required|assumed)\s+that\b",
    re.I,
)


_OUTSIDE = {"vendor", "provider", "supplier", "manufacturer", "upstream", "customer", "partner"}


def _a_doer(s: Sentence, t: Token | None) -> bool:
    if t is None:
        return False
    if t.lower_ in ("whoever", "someone", "somebody", "anyone"):
        return True
    if lemma(t) in _OUTSIDE:
        return False  # "had the vendor SDK honoured the header": outside our walls
    return s.person_kind(t) in ("person", "group") and t.lower_ not in ("we", "us", "i", "you")


def _duty_on_thing(s: Sentence, t: Token) -> bool:
    """ "the node was supposed to be drained before the reboot, not power-cycled cold", "the
    region flag needed to be double-checked before anyone ran the purge": a check that people
    make, owed by a thing and not made."""
    if t.lower_ not in _DUTY or not any(c.lower_ in ("was", "were") for c in t.children):
        if not (t.lower_ == "needed" and t.tag_ == "VBD"):
            return False
    xcomp = next((c for c in t.children if c.dep_ == "xcomp"), None)
    if xcomp is None or lemma(xcomp) not in _HUMAN_CHECKS:
        return False
    if not any(c.dep_ == "auxpass" and c.lower_ == "be" for c in xcomp.children):
        return False
    if any(c.lower_ in ("automatically", "programmatically") for c in xcomp.subtree):
        return False
    return bool(_UNMET_MARK.search(s.text[xcomp.idx :]))


#: precautions that keep something before acting: "needed to capture a heap dump first"
_KEEPS = {"capture", "take", "collect", "gather", "save", "record", "copy", "export", "dump"}


def _had_to(s: Sentence, t: Token) -> bool:
    """ "Per the launch agreement, the game team had to load-test before the drop", "somebody
    really needed to double-check the field before the file went out", "before touching the
    firmware, the team needed to read the errata": a duty of a doer, told as not met."""
    if t.tag_ != "VBD" or lemma(t) not in ("have", "need") or _not(t):
        return False
    xcomp = next(
        (
            c
            for c in t.children
            if c.dep_ in ("xcomp", "advcl") and any(a.lower_ == "to" for a in c.children)
        ),
        None,
    )  # (the parser hangs "needed to double-check" on as an adverbial clause at times)
    if xcomp is None or not (
        lemma(xcomp) in _HUMAN_CHECKS
        or lemma(xcomp) in s.w["check_verbs"]
        or lemma(xcomp) in _KEEPS
    ):
        return False  # (a check or a precaution: not "needed to move fast to restore service")
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if not _a_doer(s, subj) or subj.lower_ in ("i", "we", "they"):
        return False
    marked = bool(_UNMET_MARK.search(s.text[xcomp.idx :])) or bool(
        re.match(r"\W*(?:before|per\s+the|according\s+to\s+the|under\s+the)\b", s.text, re.I)
    )
    really = any(c.lower_ in ("really", "actually", "clearly", "simply") for c in t.children)
    return marked or really


def _if_person_had(s: Sentence, verb: Token) -> bool:
    """ "If the support lead had checked the queue, customers would not have waited three days":
    a person's act, supposed, and the harm undone."""
    if verb.dep_ != "advcl" or credit_not_blame(s.text):
        return False
    marked = any(c.dep_ == "mark" and c.lower_ == "if" for c in verb.children)
    inverted = verb.i > 0 and any(
        c.dep_ == "aux" and c.lower_ == "had" and c.i == s.lead_end() for c in verb.children
    )
    if not (marked or inverted):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children):
        return False
    if any(c.dep_ == "auxpass" for c in verb.children) or lemma(verb) in ("be", "have", "know"):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if not _a_doer(s, subj):
        return False
    main = verb.head
    return any(
        c.dep_ == "aux" and c.lower_ in ("would", "could", "'d") for c in main.children
    ) and any(c.dep_ == "aux" and c.lower_ in ("have", "'ve") for c in main.children)


@gated(lambda text, _p, _w: bool(_DUTY_GATE.search(text)))
@judge
def duty_frame(s: Sentence) -> Iterator[Hit]:
    """What a person had to do, or would have done, and did not: the grammar of the duty."""
    if s.states_principle() or s.is_question():
        return
    whole = _whole(s)
    if _WHAT_WAS_MISSING.search(s.text):
        yield whole
        return
    if _SHOULD_HAVE_END.search(s.text):
        root = next((t for t in s.doc if t.dep_ == "ROOT"), None)
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None) if root else None
        if _a_doer(s, subj):
            yield whole  # "the person who got the expiry e-mail could have renewed it and should have"
            return
    for t in s.doc:
        if _duty_on_thing(s, t):
            yield whole
            return
        if (
            t.lower_ in _DUTY
            and t.tag_ == "VBN"
            and any(c.lower_ in ("was", "were") for c in t.children)
        ):
            subj = next((c for c in t.children if c.dep_ in ("nsubjpass", "nsubj")), None)
            if subj is None:
                first = s.doc[s.lead_end()] if s.lead_end() < len(s.doc) else None
                subj = first if first is not None and first.lower_ == "whoever" else None
            xcomp = next((c for c in t.children if c.dep_ == "xcomp"), None)
            if (
                _a_doer(s, subj)
                and xcomp is not None
                and lemma(xcomp) not in ("be", "have", "remain", "stay", "keep")
                and (t.lower_ in ("supposed", "meant") or _UNMET_MARK.search(s.text[t.idx :]))
            ):
                yield whole  # "whoever wrote the migration was supposed to test it"
                return
        if t.pos_ == "VERB" and _if_person_had(s, t):
            yield whole
            return
        if _had_to(s, t):
            yield whole
            return


# ------------------------------------------------------------ punitive: a sanction on a person

#: verbs of sanction when what they act on is a person
_ON_PERSON = {
    "fire", "sack", "dismiss", "terminate", "suspend", "demote", "reassign", "discipline",
    "reprimand", "sanction", "penalise", "penalize", "bench", "ban", "bar", "remove", "move",
    "pull", "strip", "replace", "relieve", "escort", "transfer", "exclude", "offboard",
    "write", "put", "place", "ground", "drop", "kick", "rotate", "stand", "renew", "take",
    "fine",
}  # fmt: skip
#: where a person is moved to or off when that is a sanction
_OFF = re.compile(
    r"\b(?:off|from)\s+(?:the\s+|our\s+|his\s+|her\s+|their\s+|any\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:team|rota|rotation|on-?call|duties|duty|role|project|account|release|deploys?|"
    r"production|prod|pager|schedule|engagement|contract|squad|incident)\b"
    r"|\b(?:off|from)\s+(?:the\s+|our\s+|their\s+)?(?:approved|preferred)\s+(?:[\w-]+\s+)?(?:list|register|panel)\b"
    r"|\bto\s+(?:a\s+|an\s+)?(?:non-[\w-]+|different|junior|lesser|back-?office|desk)\s+"
    r"(?:[\w-]+\s+)?(?:role|position|job|duties)\b|\bto\s+a\s+role\s+without\b"
    r"|\bon\s+(?:probation|(?:a\s+)?pip|(?:a\s+)?(?:performance\s+)?improvement\s+plan|"
    r"(?:unpaid\s+|administrative\s+)?leave|notice|a\s+final\s+warning)\b"
    r"|\bof\s+(?:his|her|their|all)\s+(?:[\w-]+\s+)?(?:duties|responsibilities|role|post|position|"
    r"command|access)\b"
    r"|\b(?:from|on|in|at)\s+(?:the\s+|our\s+|its\s+|their\s+|any\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:premises|site|sites|building|data\s+cent(?:re|er)s?|facility|facilities|offices?)\b",
    re.I,
)
#: what a person holds that a sanction takes or changes
_HELD = {
    "access", "rights", "privileges", "privilege", "permissions", "permission", "duties",
    "duty", "role", "responsibilities", "bonus", "bonuses", "pay", "salary", "raise",
    "probation", "contract", "badge", "shifts", "promotion", "rating", "commission",
    "clearance", "membership", "agreement", "engagement", "overtime", "sudo", "release",
    "licence", "license", "certificate", "authorisation", "authorization", "qualification",
}  # fmt: skip
_TAKE = {
    "suspend", "revoke", "remove", "withdraw", "strip", "freeze", "extend", "cut", "dock",
    "withhold", "reduce", "pause", "hold", "terminate", "end", "cancel", "rescind", "lose",
    "take", "pull", "limit", "restrict", "downgrade", "claw",
}  # fmt: skip
#: what a person no longer holds, told as news ("effective today, Layla no longer has sudo"), and
#: the outage as a matter for a person's review ("raise it as a performance concern with Pedro")
_NO_LONGER = re.compile(
    r"\bno\s+longer\s+(?:has|have|holds?|gets?)\s+(?:\w+\s+){0,2}?(?:sudo|access|rights|permissions?|"
    r"privileges?|keys?|admin|root|badge|commit|merge|deploy|on-?call|pager)\b"
    r"|\bperformance\s+(?:concern|issue|problem|conversation|discussion|improvement\s+plan)\b"
    r"|\bno\s+longer\s+(?:works?|working|employed|with\s+(?:us|the\s+(?:company|firm|team|"
    r"organi[sz]ation|business)))\b(?:\s+(?:for|at|with)\s+(?:the|us|our)\b)?"
    r"|\bno\s+longer\s+(?:be\s+)?(?:permitted|allowed|welcome)\s+(?:on|in|at|to\s+(?:enter|access|work))\b",
    re.I,
)
_STEP_BACK = re.compile(
    r"\bnames\s+of\s+(?:the\s+)?(?:individuals?|people|persons?|engineers?|whoever|those|everyone)\b[^.;]*?"
    r"\b(?:involved|responsible|on\s+my\s+desk|by\s+(?:monday|tomorrow|friday|eod|end\s+of\s+day))\b"
    r"|\b(?:step|stand)(?:s|ped|ping)?\s+(?:back|down|away|aside)\s+from\s+(?:[\w-]+\s+){0,3}?"
    r"(?:duties|duty|role|rota|rotation|on-?call|release|releases|deploys?|responsibilit\w+|"
    r"position|team|project|pager)\b"
    r"|\bdeal(?:t|ing)?\s+with\s+(?:him|her|them|whoever|the\s+(?:person|people|engineer|"
    r"contractor|culprit|individual)s?)\b"
    # a warning to a person on file, a name wanted, someone made to answer for it
    r"|\b(?:receive|receives|received|get|gets|got|be\s+given|be\s+issued|was\s+issued|"
    r"were\s+issued|was\s+given|were\s+given)\s+(?:a\s+|an\s+)?(?:(?:formal|written|final|"
    r"official)\s+warning(?:\s+letter)?|warning\s+letter)\b"
    r"|\b(?:be|was|were)\s+(?:given|issued)\s+(?:a\s+)?warning\b(?!\s+(?:that|about|from))"
    r"|\b(?:wants?|wanted|needs?|needed|demands?|demanded|asking\s+for|asked\s+for)\s+"
    r"(?:a\s+|the\s+)?(?:[\w-]+['’]s\s+)?names?\s*(?:by\s+(?:\w+day|tomorrow|tonight|eod|end\s+of)|on\s+(?:my|his|her)\s+desk|"
    r"for\s+(?:this|the\s+(?:outage|incident|breach))|[.!]|$)"
    r"|\b(?:has|have|had|needs?|must|will|should|is\s+going)\s+(?:to\s+)?answer\s+"
    r"(?:to\s+(?:[\w-]+\s+){1,3})?for\s+(?:this|that|it|the\s+(?:outage|incident|breach|mess))\b"
    r"|\bnaughty\s+list\b"
    r"|\b(?:is|are|was|were|be|been|being)\s+stood\s+down\b"
    r"|\bmak(?:e|es|ing)\s+an\s+example\s+(?:of|out\s+of)\b"
    r"|\bnam(?:e|es|ed|ing)\s+(?:the\s+)?(?:responsible|guilty|offending)\s+(?:individuals?|people|"
    r"persons?|engineers?|staff|part(?:y|ies)|operators?|agents?)\b"
    r"|\bthe\s+name\s+of\s+(?:whoever|the\s+(?:person|engineer|individual|one)\b)"
    r"|\b(?:come|comes|coming|be\s+raised|be\s+discussed|be\s+noted|be\s+brought\s+up)\s+(?:up\s+)?in\s+"
    r"(?:your|his|her|their)\s+(?:one-on-one|1:1|1-on-1|performance\s+review|appraisal|review)\b"
    r"|\b(?:pay\s+raises?|raises|bonus(?:es)?|promotions?)\b[^.;]*\b(?:on\s+hold|at\s+risk|frozen|in\s+jeopardy)\b"
    r"(?![^.;]*\b(?:budget|company-?wide|hiring\s+freeze|across\s+the\s+(?:company|org)))"
    r"|\bremoved\s+from\s+the\s+(?:[\w-]+\s+)?(?:approvers?|reviewers?|committers?|maintainers?|admins?)\s+"
    r"(?:group|list)\b"
    r"|\bnam(?:e|es|ed|ing)\s+(?:the\s+)?(?:individuals?|people|persons?|engineers?)\s+(?:responsible|involved|at\s+fault)\b"
    r"|\bidentify\s+who\b[^.;]*\btake\s+(?:appropriate|necessary|disciplinary)\s+(?:measures|action|steps)\b"
    r"|\b(?:so|to\s+make\s+sure|make\s+sure)\s+(?:that\s+)?the\s+lesson\s+sticks\b"
    r"|\b(?:somebody|someone|they|he|she|people)\s+(?:answers|will\s+answer|must\s+answer|should\s+answer)\s+"
    r"for\s+(?:this|it|that)\b"
    # formal proceedings against a person: misconduct, a referral to a regulator or to HR, a
    # capability hearing, pay forfeited, a dismissal under consideration, an example made
    r"|\bmisconduct\s+(?:investigation|hearing|proceedings?|panel|case|charges?|process|inquiry)\b"
    r"|\bgross\s+misconduct\b"
    r"|\b(?:(?:has|have|had|will|was|were|is|are)\s+(?:been\s+|be\s+|being\s+)?|and\s+(?:been\s+)?)referred\s+to\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:council|regulator|hr|human\s+resources|professional\s+standards|"
    r"fitness\s+to\s+practi[sc]e|disciplinary|conduct|(?-i:NMC|GMC|HCPC|GPhC|GDC|SRA|FCA)|"
    r"chief\s+pilot['’]?s?(?:\s+office)?|professional\s+body|licensing\s+(?:board|authority))\b"
    r"|\bcapability\s+(?:hearing|procedure|process|review|proceedings?|meeting)\b"
    r"|\b(?:bonus(?:es)?|pay|salary|commission)\b[^.;]*\b(?:forfeit(?:ed)?|clawed\s+back|deducted)\b"
    r"|\bforfeit(?:s|ed)?\s+(?:his|her|their|the)\s+(?:[\w-]+\s+){0,2}(?:bonus|incentive|commission|"
    r"allowance|pay\s+rise|raise)\b"
    r"|\bdeductions?\s+from\s+(?:his\s+|her\s+|their\s+)?(?:salary|pay|wages)\b"
    r"|\bmake\s+an\s+example\s+(?:out\s+)?of\b"
    # sanctions in a trade's or a manager's own words: "will be found and dealt with", "will be
    # discharged at the next port", "placed on leave pending the inquiry", "sent home without
    # pay", "out the door", "docking the agents' incentive", "taking it out of the till staff's
    # wages", "it will affect the increment", "naming the individuals at the all-hands", "put
    # the deckhand's name up on the notice board"
    r"|\bfound\s+and\s+dealt\s+with\b|\bdealt\s+with\s+(?:accordingly|severely|firmly|harshly)\b"
    r"|\b(?:will|shall|to)\s+be\s+discharged\s+(?:at\s+the\s+next\s+port|from\s+(?:service|duty|the\s+"
    r"(?:crew|company|force|army|navy|vessel|ship))|for\s+(?:misconduct|negligence|this|it))\b"
    r"|\bplaced\s+on\s+(?:(?:paid|unpaid|administrative|garden)\s+)?leave\s+pending\b"
    r"|\bsent\s+home\s+without\s+pay\b"
    r"|\b(?:first\s+one|next\s+one|whoever|anyone|anybody|the\s+next\s+(?:person|one)|someone|somebody)\b"
    r"[^.;]{0,80}?\b(?:is|are|['’]s|['’]re|will\s+be|be)\s+out\s+(?:of\s+)?the\s+door\b"
    r"|\bshown\s+the\s+door\b"
    r"|\b(?:tak\w+|took|deduct\w*|dock\w*)\s+(?:[\w-]+\s+){0,3}?(?:out\s+of|from)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,2}(?:wages|pay|salary|salaries|pay\s*packets?|incentives?|bonus(?:es)?)\b"
    r"|\bdock\w*\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}(?:incentives?|bonus(?:es)?|pay|wages|commission)\b"
    r"|\b(?:affect|hit|dent)\w*\s+(?:the\s+|their\s+|his\s+|her\s+)?(?:annual\s+)?(?:increment|"
    r"appraisal)\b"
    r"|\bnam(?:e|es|ed|ing)\s+(?:the\s+)?(?:individuals?|culprits?|people|persons?|staff)\s+(?:at|in|on|to)\s+"
    r"(?:the\s+)?(?:all-?hands|town\s*hall|whole\s+(?:team|company|site)|notice\s*board)\b"
    r"|\bname\s+up\s+on\s+the\s+(?:notice\s*board|board|wall)\b"
    # "named personally in our report to the regulator", "reflected in his end-of-year review",
    # "moved to nights, as a lesson", "interviewed under caution", "goes on the operator's
    # record", "three strikes", "so HR can take necessary action", "replace the picker
    # responsible", "stand the first officer down", "^Sack him.", "the hat of shame"
    r"|\bnamed\s+(?:personally|individually)\b|\bnamed\s+in\s+(?:our|the)\s+report\s+to\b"
    r"|\breflected\s+in\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,2}(?:review|appraisal|rating|bonus)\b"
    r"|,\s*as\s+a\s+lesson(?:\s+to\s+(?:others|everyone|the\s+rest(?:\s+of\s+(?:us|them))?))?\s*[.!]?\s*$"
    r"|\binterviewed\s+under\s+caution\b"
    r"|\bgoes\s+on\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:[\w-]+['’]s\s+)?(?:record|file)\b"
    r"|\bthree[\s-]strikes?\b|\bhr\s+(?:can|will|to|should|must)\s+take\s+(?:the\s+)?(?:necessary|appropriate|"
    r"suitable|strict|strong)\s+action\b"
    r"|\breplace\s+the\s+(?:[\w-]+\s+)?(?:picker|worker|driver|agent|operator|engineer|staff|person|"
    r"individual|contractor|temp|guard|nurse|officer|cleaner|porter|attendant|technician|member|"
    r"labourer|laborer|packer|handler|steward|crew|fitter|electrician)\s+responsible\b"
    r"|\bstand\s+(?:him|her|them|the\s+(?:[\w-]+\s+){0,2}(?:officer|pilot|driver|engineer|nurse|operator|"
    r"controller|signaller|captain|crew|doctor|guard|marshal))\s+down\b"
    r"|^\W*(?:sack|fire|discipline|suspend)\s+(?:him|her|them)\b|\b(?:hat|cap|badge)\s+of\s+shame\b"
    r"|\bcosts?\s+(?:somebody|someone|him|her|them)\s+(?:their|his|her)\s+(?:bonus|job|promotion|raise)\b"
    r"|\b(?:dismissal|suspension(?!\s+of\s+(?:the|a|an|its|our)\b)|termination\s+of\s+(?:his|her|their|"
    r"the\s+[\w-]+['’]s)\s+(?:employment|contract|agreement|engagement))\b[^.;]*\b(?:is|are)\s+"
    r"(?:being\s+considered|under\s+(?:review|consideration))\b",
    re.I,
)
#: the sanction verbs that say it by themselves; the rest ("moved", "removed", "held") need
#: what a person holds, or where a person was moved, in the sentence too
_PUNITIVE_STRONG = re.compile(
    r"\b(?:fire[ds]?|firing|sack(?:ed|ing)?|dismiss\w*|suspend\w*|demot\w*|reassign\w*|disciplin\w*|"
    r"reprimand\w*|sanction\w*|penali[sz]\w*|bench(?:ed|ing)|bann?ed|barred|revok\w*|stripped|"
    r"reliev\w*|escort\w*|offboard\w*|written\s+up|ground(?:ed|ing)|fined|let(?:ting|s)?\s+\w+(?:\s+\w+)?\s+go|step\w*\s+(?:back|down|away|aside)|"
    r"st(?:and|ood)\s+down|terminat\w*|renew\w*|dock\w*|withh[oe]ld\w*|deal\w*\s+with)\b",
    re.I,
)
_HELD_OR_OFF = re.compile(
    r"\b(?:access|rights|privileges?|permissions?|duties|duty|role|responsibilities|bonus\w*|pay|salary|"
    r"raises?|probation|contract|badge|shifts|promotion|rating|commission|clearance|membership|"
    r"agreement|engagement|rota|rotation|on-?call|pager|team|project|account|release|licen[cs]e|"
    r"certificate|authori[sz]ation|qualification|schedule|squad|deploys?|production|prod|premises|"
    r"site|building|facility|offices?|list|register|panel)\b",
    re.I,
)
_PAY_OR_SANCTION = re.compile(
    r"\b(?:bonus\w*|raises|salary|compensation|termination|dismissal|firing|suspension|demotion|"
    r"discipline|penalt\w+|punishment|sanctions?|pip|probation|consequences|repercussions|"
    r"pay\s+(?:adjustments?|rises?|reviews?))\b",
    re.I,
)
_PUNITIVE_TRIGGERS = re.compile(
    r"\b(?:fire|fired|sack|sacked|dismiss\w*|terminat\w*|suspend\w*|demot\w*|reassign\w*|"
    r"disciplin\w*|reprimand\w*|sanction\w*|penali[sz]\w*|bench\w*|bann?\w*|barred|remov\w*|"
    r"moved?|pulled|stripped|replac\w*|reliev\w*|escort\w*|transferr?\w*|offboard\w*|written|"
    r"put|placed?|grounded|fined|dropped|kicked|rotated|renew\w*|revok\w*|withdr[ae]w\w*|frozen|"
    r"froze|extended|cut|dock\w*|withh[oe]ld\w*|reduced|paused|held|ended|cancell?\w*|rescind\w*|"
    r"lost|taken|took|take\s+away|taking\s+away|limited|restricted|downgraded|step\w*|stand\w*|stood|let\w*|deal\w*|"
    r"bonus\w*|pay|salary|raises?|probation|rating|compensation|termination|dismissal|firing|"
    r"suspension|demotion|discipline|penalt\w+|punishment|sanctions?|pip|consequences|"
    r"repercussions|write-up)\b",
    re.I,
)
#: pay and reviews as a consequence: "bonuses for the team will reflect this incident"
_PAY_REFLECTS = re.compile(
    r"\b(?:bonus(?:es)?|(?:their\s+|his\s+|her\s+)?pay\s+(?:adjustments?|rises?|reviews?)|"
    r"(?:their|his|her)\s+(?:pay|raises?|ratings?)|compensation|"
    r"performance\s+reviews?|appraisals?|promotions?)\b[^.;]*?\b(?:will|would|should|must|is\s+going\s+to|are\s+going\s+to)\s+"
    r"(?:\w+\s+)?(?:reflect|take\s+(?:this|the\s+\w+|it)\s+(?:\w+\s+)?into\s+account|factor\s+in|"
    r"be\s+(?:affected|adjusted|reduced|cut|docked|withheld|tied))\b",
    re.I,
)


#: sanctions named as nouns: "considering termination for the responsible party"
_SANCTION_NOUNS = {
    "termination", "dismissal", "firing", "suspension", "demotion", "discipline", "reprimand",
    "write-up", "penalty", "penalties", "punishment", "sanction", "sanctions", "probation",
    "pip", "consequences", "repercussions",
}  # fmt: skip
_CULPRITS = {
    "party", "individual", "culprit", "whoever", "offender", "person", "people", "responsible",
    "engineer", "engineers", "those",
}  # fmt: skip
#: a sanction meant to deter: "a penalty so this doesn't happen again"
_DETER = re.compile(
    r"\bso\s+(?:that\s+)?(?:this|it|that|nobody|no\s+one)\s+(?:doesn['’]t|does\s+not|won['’]t|"
    r"will\s+not|never|can['’]t|cannot)\s+(?:\w+\s+)?(?:happen|do\s+(?:it|this|that))\b",
    re.I,
)
#: what pay is called when it is held back
_PAY = {
    "bonus", "bonuses", "raise", "raises", "pay", "salary", "compensation", "commission", "overtime",
    "entitlement", "entitlements", "allowance", "incentive", "incentives",
}  # fmt: skip
_TECH_PENALTY = {"sla", "rate", "latency", "performance", "cache", "cpu", "query", "memory", "gc"}


def _sanction_named(s: Sentence, noun: Token) -> bool:
    if noun.lower_ not in _SANCTION_NOUNS or _not(noun.head):
        return False
    if any(c.lower_ in _TECH_PENALTY for c in noun.children):
        return False  # "the SLA penalty"
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "against", "of", "on"):
            who = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if who is None:  # "probation for whoever merged it"
                who = next(
                    (
                        x
                        for g in prep.children
                        if g.dep_ == "pcomp"
                        for x in g.children
                        if x.dep_ == "nsubj"
                    ),
                    None,
                )
            if who is not None and (
                _a_person(s, who) or who.lower_ in _CULPRITS or lemma(who) in _CULPRITS
            ):
                return True  # "termination for the responsible party"
    return bool(_DETER.search(s.text)) and noun.i < len(s.doc) - 1


def _a_person(s: Sentence, t: Token | None) -> bool:
    if t is not None and t.dep_ == "poss" and t.lower_ in ("his", "her", "their"):
        return True  # "her commit rights"
    if (
        t is not None
        and t.dep_ == "poss"
        and t.tag_ == "NNP"
        and t.text.isalpha()
        and t.text.istitle()
        and t.lower_ not in s.w["not_names"]
        and not _in_dictionary(t.lower_)
    ):
        return True  # "Adebayo's merge rights": what only a person holds, held by a name
    return t is not None and s.person_kind(t) in ("person", "group")


#: what a person "will face" when it is a sanction
_FACED = {"sanction", "sanctions", "discipline", "charges", "charge", "consequences", "panel",
          "hearing", "tribunal", "dismissal", "action", "proceedings", "review", "inquiry"}  # fmt: skip


def _sanctioned(s: Sentence, verb: Token) -> bool:
    lem = lemma(verb)
    facing = s.subject(verb)
    if facing is None and verb.dep_ in ("ccomp", "conj"):
        facing = s.subject(verb.head)  # "Staff found responsible will face ...", parsed as two
    if lem == "face" and _a_person(s, facing):
        faced = s.object(verb)
        if (
            faced is not None
            and (faced.lower_ in _FACED or lemma(faced) in _FACED)
            and not any(c.lower_ in ("no", "zero") for c in faced.children)
            and (
                faced.lower_ not in ("action", "review", "inquiry")
                or any(c.lower_ in ("disciplinary", "conduct", "formal") for c in faced.children)
            )
        ):
            return True  # "the traders involved will face sanctions", "… a conduct panel"
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if passive:
        target = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    else:
        target = s.object(verb)
    if lem == "let" and not passive:
        go = next(
            (c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and lemma(c) == "go"), None
        )
        who = next((c for c in go.children if c.dep_ == "nsubj"), None) if go is not None else None
        if go is not None and any(
            c.lower_
            in ("home", "early", "ahead", "back", "off", "out", "to", "on", "rest", "sleep")
            or c.dep_ in ("dobj", "xcomp", "advcl")
            for c in go.children
        ):
            return False  # "we let Ana go home at 2am": a kindness
        return _a_person(s, who) and who.lower_ not in ("we", "us", "you")  # "letting Jonas go"
    if target is None:
        return False
    if target.lower_ in ("lot", "bunch", "pack", "rest", "whole"):
        # "I'll sack the lot of ye", "the whole bunch of them"
        target = next(
            (
                g
                for c in target.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
                and (g.lower_ in ("ye", "you", "yous", "youse", "them") or _a_person(s, g))
            ),
            target,
        )
        if target.lower_ in ("ye", "you", "yous", "youse", "them") and lem in ("fire", "sack"):
            return True
    owner = next((c for c in target.children if c.dep_ == "poss"), None)
    if owner is None:  # "the contract of the third-party technician has been terminated"
        owner = next(
            (
                g
                for c in target.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
    if (
        (lemma(target) in _PAY or target.lower_ in _PAY)
        and lem in _TAKE - {"extend", "end", "take", "lose", "limit", "pull"}
        and not s.negated(verb)
    ):
        return True  # "the on-call bonus for this rotation is being withheld"
    if (
        (lemma(target) in _HELD or target.lower_ in _HELD)
        and _a_person(s, owner)
        and lem == "renew"
        and s.negated(verb)
    ):
        return True  # "the contractor's agreement will not be renewed"
    if (
        (lemma(target) in _HELD or target.lower_ in _HELD)
        and _a_person(s, owner)
        and lem in _TAKE
        and not (lem == "take" and not any(c.lower_ in ("away", "off") for c in verb.children))
    ):
        return True  # "Hamid's production access has been suspended for two weeks" (but "Beth
        # took the role of incident commander" took one up)
    if lem == "write" and any(c.lower_ == "up" for c in verb.children) and _a_person(s, target):
        return True  # "she was written up"
    if lem == "take" and not any(c.lower_ in ("away", "off") for c in verb.children):
        return False
    if target.lower_ in ("nobody", "none", "noone") or any(
        c.lower_ == "no" for c in target.children
    ):
        return False  # "nobody will be disciplined for anything said here": the promise
    if not _a_person(s, target) or target.lower_ in ("we", "us", "i", "you", "it"):
        return False
    if lem not in _ON_PERSON:
        return False
    after = s.text[verb.idx :]
    if lem in ("fire", "sack", "dismiss", "demote", "discipline", "reprimand", "sanction", "terminate",
               "penalise", "penalize", "bench", "escort", "offboard", "ground", "fine"):  # fmt: skip
        return True
    if lem == "renew":
        return s.negated(verb)  # "the contractor will not be renewed"
    if lem == "suspend" or lem == "reassign":
        return True
    return bool(_OFF.search(after))


@gated(
    lambda text, person, _w: (
        bool(_NO_LONGER.search(text) or _STEP_BACK.search(text))
        or bool(_PUNITIVE_TRIGGERS.search(text))
        and bool(
            _PUNITIVE_STRONG.search(text)
            or _HELD_OR_OFF.search(text)
            or _PAY_OR_SANCTION.search(text)
        )
        and (
            _mentions_person(text, person)
            or bool(_PAY_OR_SANCTION.search(text))
            or bool(
                re.search(
                    r"['’]s\b|\b(?:his|her|their|whoever|those|contractors?|team|squad|staff|rota)\b",
                    text,
                    re.I,
                )
            )
        )
    )
)
@judge
def sanction_frame(s: Sentence) -> Iterator[Hit]:
    """A sanction on a person, found by who fills the slot of what is taken or moved (asked as
    a question too: "should we dock the team's bonus over this?")."""
    if s.states_principle():
        return
    whole = _whole(s)
    m = _STEP_BACK.search(s.text) or _PAY_REFLECTS.search(s.text)
    if m is None and any(
        s.person_kind(t) == "person"
        if t.pos_ == "PROPN"
        else s.person_kind(t) in ("person", "group")
        and t.dep_ in ("nsubj", "nsubjpass", "ROOT", "appos")
        for t in s.doc
        if t.pos_ in ("PROPN", "NOUN")
    ):
        m = _NO_LONGER.search(s.text)  # (about a person named in the sentence, or a role)
    if m and not re.search(r"\b(?:not|never|no)\b[^.;]*$", s.text[: m.start()], re.I):
        yield whole
        return
    for verb in s.doc:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        proposal = re.match(r"\W*why\s+(?:don['’]t|do\s+not|not)\b", s.text, re.I)
        if _sanctioned(s, verb) and (
            lemma(verb) == "renew" or not s.negated(verb) or proposal is not None
        ):  # ("why don't we suspend his access?" proposes it)
            yield whole
            return
    if any(_sanction_named(s, t) for t in s.doc):
        yield whole


# ------------------------------------ judgmental: people said to have fallen short of a virtue

#: what people are said to have lacked: "not careful enough", "insufficiently thorough"
_VIRTUES = {
    "careful", "thorough", "diligent", "attentive", "vigilant", "rigorous", "cautious", "alert",
    "conscientious", "meticulous", "disciplined", "watchful", "observant", "focused",
    "focussed", "proactive", "competent", "capable", "experienced", "qualified", "skilled",
    "serious",
}  # fmt: skip
#: a verdict on a person as such: "the dispatcher on nights is useless", "our new hire is
#: hopeless with the ticketing system" (of a person only: "the alert was useless at night")
_CHARACTER = {
    "useless", "hopeless", "clueless", "feeble", "pathetic", "incapable", "unreliable",
    "unfit", "inadequate", "lazy", "sloppy", "careless", "incompetent", "negligent", "daft",
    "thick", "dense", "slack", "lax", "complacent", "naive", "naïve",
}  # fmt: skip
#: what a person was not doing when they should have been: "plainly not concentrating"
_MINDING = {"concentrate", "focus", "listen", "think", "pay", "look", "watch"}
#: what people are said to have done too little of: "not watching the graphs closely enough"
_ATTENDING = {
    "watch", "monitor", "check", "look", "read", "review", "test", "listen", "follow",
    "scrutinise", "scrutinize", "inspect", "verify", "supervise", "think", "care",
}  # fmt: skip
#: a person's work that a virtue may be denied to: "the review was not thorough enough"
_PRACTICES = {
    "testing", "review", "reviews", "reviewing", "check", "checks", "checking", "handover",
    "handoff", "qa", "preparation", "planning", "supervision", "oversight", "inspection",
    "inspections", "verification", "diligence", "vetting", "scrutiny",
}  # fmt: skip
#: what people are said to have been slow to do
_SLOW_TO = {
    "respond", "react", "escalate", "notice", "act", "acknowledge", "realise", "realize", "spot",
    "pick", "answer", "raise", "flag", "report", "roll", "revert", "call", "page", "investigate",
    "recognise", "recognize", "see", "intervene", "engage", "admit", "inform", "tell", "warn",
    "pull", "stop", "take", "follow", "get", "join", "check", "action", "declare",
}  # fmt: skip
_NOT_ENOUGH_GATE = re.compile(
    r"\b(?:useless|hopeless|clueless|feeble|pathetic|incapable|unreliable|unfit|inadequate|lazy|"
    r"sloppy|careless|incompetent|negligent|daft|thick|dense|slack|lax|complacent|naive|naïve)\b"
    r"|\b(?:not|n['’]t)\s+(?:\w+\s+)?(?:concentrating|focusing|focussing|listening|thinking|paying|looking|"
    r"watching)\b|\benough\b|\binsufficiently\b|\binadequately\b|\bslow(?:er)?\s+to\b|\b(?:too|overly)\s+"
    r"(?:quick|hasty|eager|keen|ready|fast|willing)\s+to\b|\bpaid\s+(?:too\s+)?(?:little|scant|"
    r"insufficient|no)\s+(?:heed|attention)\b",
    re.I,
)


def _faulted(s: Sentence, t: Token | None) -> bool:
    """Whether `t` is someone a virtue can be denied to: a person, a group, "they" or "you"
    (not "we" or "I": a team owning its own part is how a blameless review is written)."""
    if t is None:
        return False
    if t.lower_ in ("who", "that") and t.head.dep_ == "relcl":
        t = t.head.head  # "a prescriber who was plainly not concentrating"
    if t.lower_ in ("some", "many", "most", "all", "several", "few", "half", "one", "two"):
        t = next(  # "some of the producers on this project"
            (g for c in t.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), t
        )
    return s.person_kind(t) in ("person", "group") or t.lower_ in ("they", "you")


def _subject_of(t: Token) -> Token | None:
    head = t
    while head.dep_ in ("acomp", "advmod", "xcomp", "conj") and head.head is not head:
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            break
    return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)


def _denied(t: Token) -> bool:
    """`t` or the verb it hangs on is negated ("was not careful enough")."""
    return _not(t) or _not(t.head) or any(_not(c) for c in t.head.children if c.dep_ == "aux")


@gated(lambda text, _p, _w: bool(_NOT_ENOUGH_GATE.search(text)))
@judge
def not_enough(s: Sentence) -> Iterator[Hit]:
    """People said to have fallen short of a virtue or a pace: "the engineer was not careful
    enough", "the night shift wasn't watching the alarms closely enough", "support was slow to
    escalate", "too quick to close the incident" (not "we were not careful enough", a team
    owning its part, and not "the disk was not fast enough")."""
    if s.states_principle() or s.is_question():
        return
    for t in s.doc:
        low = t.lower_
        enough = any(c.lower_ == "enough" for c in t.children) or (
            t.i + 1 < len(s.doc) and s.doc[t.i + 1].lower_ == "enough"
        )
        if low in _VIRTUES:
            short = any(c.lower_ in ("insufficiently", "inadequately") for c in t.children) or (
                enough and _denied(t)
            )
            subj = _subject_of(t) if t.dep_ != "amod" else t.head
            if short and (
                _faulted(s, subj)
                or subj is not None
                and low in ("thorough", "rigorous", "careful")
                and (subj.lower_ in _PRACTICES or lemma(subj) in _PRACTICES)
            ):
                yield t.idx, t.idx + len(t.text), None
                return
        if lemma(t) in _ATTENDING and t.pos_ in ("VERB", "AUX"):
            manner = [c for c in t.children if c.dep_ == "advmod"]
            enough_done = any(c.lower_ == "enough" for c in manner) or any(
                g.lower_ == "enough" for c in manner for g in c.children
            )
            if enough_done and (s.negated(t) or _not(t)) and _faulted(s, s.subject(t)):
                yield t.idx, t.idx + len(t.text), None
                return
        if (
            low in _CHARACTER
            and t.dep_ in ("acomp", "attr")
            and not _denied(t)
            and _faulted(s, _subject_of(t))
            and not any(c.dep_ == "prep" and c.lower_ in ("for", "to") for c in t.children)
        ):
            yield t.idx, t.idx + len(t.text), None  # ("useless for us": a thing's use)
            return
        if (
            lemma(t) in _MINDING
            and t.tag_ == "VBG"
            and (s.negated(t) or _not(t))
            and not any(c.dep_ in ("dobj", "prep") for c in t.children)
            and _faulted(s, s.subject(t))
        ):
            yield t.idx, t.idx + len(t.text), None  # "a prescriber who was plainly not
            return  # concentrating" (not "he was not watching the graph: it was muted")
        if lemma(t) == "pay" and any(lemma(c) in ("attention", "heed") for c in t.children):
            noun = next(c for c in t.children if lemma(c) in ("attention", "heed"))
            little = any(
                c.lower_ in ("little", "scant", "insufficient") for c in noun.subtree
            ) or (any(c.lower_ in ("enough", "close", "sufficient", "slightest", "any", "much")
                      for c in noun.subtree) and s.negated(t))  # fmt: skip
            if little and _faulted(s, s.subject(t)):
                yield t.idx, t.idx + len(t.text), None
                return
        if low in ("slow", "slower", "quick", "hasty", "eager", "keen", "ready", "fast", "willing"):
            to_do = next(
                (c for c in t.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None
            )
            if to_do is None or _denied(t):
                continue
            too = any(c.lower_ in ("too", "overly") for c in t.children)
            if (
                low in ("slow", "slower") and lemma(to_do) in _SLOW_TO or too and low != "slow"
            ) and (_faulted(s, _subject_of(t))):
                yield t.idx, t.idx + len(t.text), None
                return


# --------------------------------------- a verdict on people as such, or on their habit of failing

#: people called the flaw itself: "the signallers were the weak link that night", "Finance ops
#: are the reason the reconciliation broke", "the guards were asleep", "a law unto themselves"
_CALLED_THE_FLAW = re.compile(
    r"\b(?:is|are|was|were|['’]s|['’]re|(?:have|has)\s+been)\s+(?:(?:always|just|really|basically|clearly|simply|all)\s+)?"
    r"(?:(?:the|a|our)\s+(?:weak(?:est)?\s+link|(?:real\s+)?liability|(?:real\s+|whole\s+|main\s+|big\s+)?"
    r"(?:problem|headache|nightmare|menace|disaster)(?=\s*(?:here|there|again|all\s+along|for\s+(?:months|years|weeks|ages)|"
    r"from\s+the\s+start|,|\.|;|$|—|–|-))|(?:whole\s+|real\s+)?reason\s+"
    r"(?=(?:the|that|why|we|our|your|their|his|her|half|all|every|most|so\s+many|\d+)\b))|a\s+law\s+unto\s+(?:themselves|himself|herself)|"
    r"(?:half\s+|fast\s+|sound\s+)?asleep|nowhere\s+to\s+be\s+(?:seen|found)|awol|missing\s+in\s+action)",
    re.I,
)
#: a lapse told as the usual: "Support escalated late, as usual" (a verdict only after a lapse,
#: see _USUAL_LAPSE)
_AS_USUAL = re.compile(r",\s*(?:as\s+usual|once\s+again|yet\s+again|as\s+ever|as\s+always)\b", re.I)
#: a failing told as a habit: "them lot keep losing our samples", "..., as they always do",
#: "the back office team always sit on the approvals"
_FAILING_HABIT = re.compile(
    r"\bstrikes?\s+again\b"
    r"|\b(?:made|make|makes|making)\s+(?:a\s+|an\s+)?(?:right\s+|complete\s+|total\s+|proper\s+|real\s+|royal\s+)?"
    r"(?:mess|hash|hames|dog['’]s\s+dinner|pig['’]s\s+ear|shambles|balls-up|cock-up|muddle)\s+of\b"
    r"|\b(?:do|does|did)(?:\s+not|n['’]t)\s+(?:really\s+|even\s+|simply\s+|just\s+)?(?:care|give\s+a\s+\w+)\b"
    r"|\bkeeps?\s+(?:on\s+)?(?:losing|breaking|forgetting|ignoring|skipping|dropping|missing|mis-?\w+ing|"
    r"messing|screwing|getting\s+\w+\s+wrong|leaving|deleting|overriding)\b"
    r"|,?\s+(?:as|like)\s+(?:they|he|she)\s+always\s+(?:do|does|did)\b"
    r"|\bmanaged\s+to\s+(?:give|send|lose|break|delete|book|ship|double-book|wipe|drop|miss|forget|mix\s+up|"
    r"overwrite|lock|sell|bill|charge|misplace|mislabel|mis-\w+)\b"
    r"|\balways\s+(?:sit|sits)\s+on\b"
    r"|" + _AS_USUAL.pattern,
    re.I,
)
#: what makes "as usual" a verdict: the act it follows is a lapse
_USUAL_LAPSE = re.compile(
    r"\b(?:late|slow(?:ly)?|optional|ignor\w*|forg[oe]t\w*|missed|wrong|skipp\w*|broke|without|"
    r"never|nobody|sat\s+on|took\s+(?:its|their|his|her)\s+(?:sweet\s+)?time)\b",
    re.I,
)
#: "Typical of the maintenance department: they sat on the work order for six weeks"
_TYPICAL_OF = re.compile(
    r"^\W*(?:typical|classic)\s+(?:of\s+)?(?P<who>[^:;—–,.]{2,60}?)\s*[:;—–]", re.I
)
#: people no duty is asked of in the event: their sleep or habits are no verdict
_NOT_ON_DUTY = {
    "patient", "passenger", "guest", "customer", "resident", "child", "baby", "kid", "pupil",
    "student", "visitor", "tenant", "family", "relative", "member", "user", "client", "caller",
}  # fmt: skip
_FLAW_GATE = re.compile(
    r"\b(?:problem|headache|nightmare|menace|disaster|strikes?|mess|hash|hames|dinner|ear|shambles|"
    r"balls-up|cock-up|muddle|care|give|managed|like|link|liability|reason|law\s+unto|asleep|nowhere\s+to\s+be|awol|missing\s+in\s+action|keeps?|"
    r"always|usual|again|ever)\b|^\W*(?:typical|classic)\b",
    re.I,
)


def _verdict_on(s: Sentence, kinds: tuple[str, ...]) -> Iterator[Hit]:
    if s.states_principle() or s.is_question():
        return
    typical = _TYPICAL_OF.search(s.text)
    if typical is not None and any(
        typical.start("who") <= t.idx < typical.end("who") and s.person_kind(t) in kinds
        for t in s.doc
    ):
        yield _whole(s)
        return
    for m in (*_CALLED_THE_FLAW.finditer(s.text), *_FAILING_HABIT.finditer(s.text)):
        if re.search(
            r"(?:\b(?:not|never|no)|n['’]t)\s+(?:\w+\s+)?$", s.text[: m.start() + 1], re.I
        ):
            continue  # "the guards were not asleep"
        if "reason" in m.group(0).lower() and not (
            set(re.findall(r"[a-z]+", s.text[m.end() :].lower())) & s.w["failure_words"]
            or _outcome_told(s, s.text[m.end() :])
        ):
            continue  # "the nurses are the reason the patient pulled through"
        usual = _AS_USUAL.match(m.group(0)) is not None
        if usual and not _USUAL_LAPSE.search(s.text):
            continue  # "the team shipped the fix within the hour, as usual"
        if usual or re.match(r",?\s+(?:as|like)\s", m.group(0), re.I):
            verb = next((t for t in s.doc if t.dep_ == "ROOT"), None)
        else:
            verb = next(
                (t for t in s.doc if m.start() <= t.idx < m.end() and t.pos_ in ("VERB", "AUX")),
                None,
            )
        if verb is not None and verb.dep_ in ("aux", "auxpass") and verb.head.i > verb.i:
            verb = verb.head  # ("don't care": the subject is the main verb's)
        who = s.subject(verb) if verb is not None else None
        if (
            who is not None
            and who.lower_ in ("them", "those")
            and any(c.lower_ in ("lot", "bunch", "crowd") for c in who.children)
            and "group" in kinds
        ):
            yield _whole(s)  # "them lot in the lab upstairs keep losing our samples"
            return
        if who is None or s.person_kind(who) not in kinds or who.lower_ in ("we", "i", "us"):
            continue
        if lemma(who) in _NOT_ON_DUTY:
            continue  # "the patient was asleep when the alarm sounded"
        yield _whole(s)
        return


@gated(lambda text, _p, _w: bool(_FLAW_GATE.search(text)))
@judge
def group_verdict(s: Sentence) -> Iterator[Hit]:
    """A team or crew called the flaw, or its failing told as a habit."""
    yield from _verdict_on(s, ("group",))


@gated(lambda text, _p, _w: bool(_FLAW_GATE.search(text)))
@judge
def person_verdict(s: Sentence) -> Iterator[Hit]:
    """A person called the flaw, or their failing told as a habit."""
    yield from _verdict_on(s, ("person",))


# ------------------------------------------------- our own lapse: "we did not consider blank records"

#: the care a team owes its own work, left undone: "we did not consider", "we never enabled"
_DILIGENCE = {
    "consider", "catch", "test", "monitor", "check", "verify", "notice", "understand",
    "incorporate", "anticipate", "review", "validate", "realise", "realize", "enable", "recognise",
    "recognize", "spot", "detect", "account", "foresee", "plan", "communicate", "follow",
}  # fmt: skip
#: a misjudgement owned: "we underestimated the load", "we overlooked the public user"
_MISJUDGED = {"underestimate", "overlook", "neglect", "misjudge", "misread", "overestimate"}
#: an own act done by mistake: "we accidentally removed a legacy patch"
_OWN_SLIP = {
    "accidentally", "mistakenly", "inadvertently", "unadvertantly", "inadvertantly", "wrongly",
    "erroneously", "unintentionally", "carelessly",
}  # fmt: skip
_SELF_GATE = re.compile(
    r"\b(?:we|i)\b[^.;?!]{0,50}?\b(?:did\s+not|didn['’]t|never|(?:were|was)(?:\s+not|n['’]t)|underestimat\w*|overlook\w*|neglect\w*|"
    r"misjudg\w*|misread|overestimat\w*|missed|(?:were|was)\s+(?:too\s+|very\s+|quite\s+)?slow|"
    + "|".join(sorted(_OWN_SLIP))
    + r")\b",
    re.I,
)


def _own_lapse(s: Sentence, slips: bool) -> Hit | None:
    """We (or I) left our own care undone, misjudged, were slow to see, or (with `slips`) did
    something by mistake: told as fault, as a blameless review would not put it."""
    if s.is_question() or s.states_principle():
        return None
    for verb in s.doc:
        if verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VBD", "VBN", "VB", "VBG"):
            continue
        subj = s.subject(verb)
        if subj is None or subj.lower_ not in ("we", "i"):
            continue
        if (
            _conditional(verb)
            or _modal(verb)
            or any(
                c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in verb.children
            )
        ):
            continue
        before = s.doc[max(0, subj.i - 4) : subj.i]
        if any(t.lower_ in ("why", "whether", "how", "what", "if", "unless") for t in before):
            continue  # "the reason why we didn't notice": an explanation follows
        clause = s.doc[verb.i : verb.right_edge.i + 1].text.lower()
        if re.search(r"(?:,\s*|\s)but\b", clause):
            continue  # "we did not test all the links, but the ones we tried ...": a sample
        lem = lemma(verb)
        adverbs = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
        if slips:
            if adverbs & _OWN_SLIP and verb.tag_ != "VBG":
                return s.span_start(subj), s.clause_end(verb), None
            continue
        if any(
            c.lower_ in ("historically", "traditionally", "previously", "always")
            for c in verb.children
        ) or (
            any(c.lower_ in ("have", "has") and c.dep_ == "aux" for c in verb.children)
            and any(c.lower_ == "never" for c in verb.children)
        ):
            continue  # "we have never historically communicated testnet upgrades": a practice
        lapse = (
            s.negated(verb)
            and (
                lem in _DILIGENCE
                or lem in ("take", "keep")
                and re.search(r"\binto\s+account\b|\bclose\s+eye\b", clause) is not None
            )
            and verb.tag_ in ("VB", "VBN", "VBD")
            and any(
                c.lower_ in ("did", "had", "have", "never", "n't", "not") for c in verb.children
            )
        ) or (
            # "we were not monitoring closely enough": care that fell short, in its words
            s.negated(verb)
            and (lem in _DILIGENCE or lem in ("watch", "look"))
            and verb.tag_ == "VBG"
            and re.search(r"\benough\b", clause) is not None
        )
        misjudged = (
            lem in _MISJUDGED
            and not s.negated(verb)
            and not re.search(
                r"\b(?:how\s+long|the\s+time|time\s+(?:needed|it|to)|duration)\b", clause
            )
        )  # ("we underestimated how long the reindex would take": an estimate of time)
        missed = (
            lem == "miss" and not s.negated(verb) and any(c.dep_ == "ccomp" for c in verb.children)
        )  # ("we missed that a patch was marked ...", not "we missed the window")
        slow = lem == "be" and any(
            c.dep_ == "acomp" and c.lower_ == "slow" and any(g.dep_ == "xcomp" for g in c.children)
            for c in verb.children
        )
        if lapse or misjudged or missed or slow:
            return s.span_start(subj), s.clause_end(verb), None
    return None


@gated(lambda text, _p, _w: bool(_SELF_GATE.search(text)))
@judge
def own_lapse(s: Sentence) -> Iterator[Hit]:
    """'We did not consider blank records properly', 'we underestimated the load', 'we were
    slow to realise': our own care told as the fault."""
    hit = _own_lapse(s, slips=False)
    if hit is not None:
        yield hit


@gated(lambda text, _p, _w: bool(_SELF_GATE.search(text)))
@judge
def own_slip(s: Sentence) -> Iterator[Hit]:
    """'We accidentally removed a legacy patch': our own act told as a slip."""
    hit = _own_lapse(s, slips=True)
    if hit is not None:
        yield hit
