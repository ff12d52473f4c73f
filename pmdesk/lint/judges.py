"""The second stage: judges that read a parsed sentence and decide whether it blames.

A judge is named by a rule (rules/*.toml, `judge = "..."`) and yields hits: a character span of
the sentence and, where one can be built that keeps the facts, an edit (pmdesk.lint.rewrite).
A judge asks grammatical questions through pmdesk.lint.clause.Sentence: who is the subject of the
act, is "have" an auxiliary, does the adjective describe a person or a thing, is it negated,
is it a question or a quotation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from pmdesk.lint import rewrite
from pmdesk.lint.clause import Sentence, lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

#: (start, end, edit or None) in the sentence
Hit = tuple[int, int, "rewrite.Edit | None"]
Judge = Callable[[Sentence], Iterator[Hit]]

JUDGES: dict[str, Judge] = {}


def judge(fn: Judge) -> Judge:
    JUDGES[fn.__name__] = fn
    return fn


# Words the act's own phrase may carry that make the act a failure by itself.
_HARMFUL_PHRASAL = {("take", "down"), ("bring", "down"), ("knock", "over"), ("knock", "out"),
                    ("wipe", "out"), ("blow", "away"), ("mess", "up"), ("screw", "up"),
                    ("fat", "finger")}  # fmt: skip
_HARMFUL = {"break", "misconfigure", "fat-finger", "mistype", "corrupt", "nuke", "botch",
            "bungle", "fumble", "mess", "screw", "misspell", "clobber", "trash"}  # fmt: skip
_REMEDY_PHRASAL = {("roll", "back"), ("back", "out"), ("turn", "back"), ("scale", "up"),
                   ("bring", "back"), ("spin", "up"), ("set", "up"), ("step", "in")}  # fmt: skip
_STRONG_FAIL = {
    "broke", "broken", "break", "breaking", "bad", "wrong", "incorrect", "faulty", "buggy",
    "untested", "unreviewed", "outage", "outages", "crash", "crashed", "crashing", "caused",
    "causing", "mistake", "mistakenly", "accidentally", "inadvertently", "unintentionally",
    "erroneously", "wrongly", "instead", "locked", "wiped", "corrupted", "corrupt",
    "corruption", "downtime", "overloaded", "exhausted", "leaked", "exposed", "failure",
    "regression", "invalid", "lost", "halted", "stalled", "froze", "culprit", "triggered",
    "disrupted", "unavailable", "offline", "mid", "without", "friday", "down", "deleted",
    "led", "resulting", "500s", "errors", "blocked", "flooded", "melted", "knocked",
}  # fmt: skip


_TOOK_DOWN = re.compile(r"\b(?:took|takes?|taking|brought|brings?|bringing|knocked|knocks?)\s+(?:\w+\s+){0,3}?(?:down|over|offline)\b", re.I)


def _words(s: Sentence) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", s.lower))


def _conditional(verb: Token) -> bool:
    """The act is only supposed: 'if Dana had run it', 'whether Ana deleted it'."""
    t = verb
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in t.children):
            return True
        if t.dep_ in ("advcl", "ccomp", "conj", "xcomp") and t.head is not t:
            t = t.head
            continue
        break
    return False


def _modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _phrasal(verb: Token) -> tuple[str, str] | None:
    prt = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return (lemma(verb), prt[0]) if prt else None


def _is_act(s: Sentence, verb: Token) -> bool:
    lem = lemma(verb)
    phrase = _phrasal(verb)
    if phrase in _REMEDY_PHRASAL or lem in s.w["remedy_verbs"]:
        return False
    return lem in s.w["act_verbs"] or phrase in _HARMFUL_PHRASAL


def _harmful(s: Sentence, verb: Token) -> bool:
    """The act went wrong: a harmful verb, a fault adverb, or failure words in the sentence."""
    lem = lemma(verb)
    if lem in _HARMFUL or _phrasal(verb) in _HARMFUL_PHRASAL:
        return True
    if any(c.lower_ in s.w["fault_adverbs"] for c in verb.children):
        return True
    if _TOOK_DOWN.search(s.text):
        return True
    found = _words(s) & _STRONG_FAIL
    if found == {"down"}:  # "shut down", "scaled down" name the act, not a failure
        return False
    if found == {"without"}:
        return bool(re.search(r"\bwithout\s+(?:any\s+|a\s+)?(?:test|review|check|approv|telling|asking|a\s+backup|backup|warning|notice|a\s+ticket|a\s+change)", s.lower))
    return bool(found)


def _past_act(verb: Token) -> bool:
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN" and any(c.lower_ in ("had", "has", "have", "'d") for c in verb.children if c.dep_ == "aux"):
        return True
    return verb.tag_ == "VBZ" and verb.pos_ == "VERB"


@judge
def agent_act(s: Sentence) -> Iterator[Hit]:
    """A person is the agent of an act that went wrong: 'Priya restarted the primary mid-backup'."""
    if s.is_question() or s.states_principle():
        return
    for verb in s.doc:
        if verb.pos_ not in ("VERB", "AUX") or not _is_act(s, verb) or not _past_act(verb):
            continue
        subj = s.subject(verb)
        if s.person_kind(subj) != "person" or subj.dep_ == "nsubjpass":
            continue
        if _conditional(verb) or _modal(verb) or s.negated(verb) or not _harmful(s, verb):
            continue
        yield s.span_start(subj), s.clause_end(verb), rewrite.passive(s, verb, subj)
        return


@judge
def group_act(s: Sentence) -> Iterator[Hit]:
    """A team, someone or everyone as the agent of a failure or omission."""
    if s.is_question() or s.states_principle():
        return
    for verb in s.doc:
        if verb.pos_ not in ("VERB", "AUX") or not _past_act(verb):
            continue
        subj = s.subject(verb)
        if s.person_kind(subj) != "group" or subj.dep_ == "nsubjpass":
            continue
        if _conditional(verb) or _modal(verb):
            continue
        lem = lemma(verb)
        omission = lem in s.w["omission_verbs"] or (lem == "bother" and s.negated(verb))
        if lem == "fail" and not any(c.dep_ == "xcomp" for c in verb.children):
            omission = False
        if not omission and not (_is_act(s, verb) and _harmful(s, verb)):
            # "nobody checked the backups": a negative group as the agent of a check
            if not (subj.lower_ in ("nobody", "one") and lem in s.w["human_checks"]):
                continue
        if s.negated(verb) and lem not in ("bother", "check", "notice", "test", "read"):
            continue
        edit = None
        if lem in ("skip", "ignore", "miss", "overlook", "bypass"):
            edit = rewrite.passive(s, verb, subj)
        yield s.span_start(subj), s.clause_end(verb), edit
        return


@judge
def agent_omission(s: Sentence) -> Iterator[Hit]:
    """A person forgot, neglected or failed to do something, or ignored what was there."""
    if s.is_question() or s.states_principle():
        return
    for verb in s.doc:
        lem = lemma(verb)
        if lem not in s.w["omission_verbs"] and lem != "bother":
            continue
        subj = s.subject(verb)
        kind = s.person_kind(subj)
        if kind not in ("person", "we") or _conditional(verb) or subj.dep_ == "nsubjpass":
            continue
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if lem == "bother":
            if not s.negated(verb):
                continue
        elif lem in ("fail", "neglect", "forget", "omit"):
            if lem == "fail" and xcomp is None:
                continue
        elif kind == "we" or lem in ("drop", "let", "sit"):
            continue  # "we missed the alert" is how teams write; "dropped the ball" is judged
        elif s.negated(verb) or _modal(verb):
            continue
        edit = None
        if xcomp is not None and xcomp.pos_ == "VERB":
            edit = rewrite.passive(s, xcomp, subj, negate=True, inner=True)
            if edit is not None:
                edit = (s.span_start(subj), edit[1], edit[2])
        elif lem in ("ignore", "skip", "miss", "overlook"):
            edit = rewrite.passive(s, verb, subj)
        yield s.span_start(subj), s.clause_end(verb), edit
        return


@judge
def agent_possessive(s: Sentence) -> Iterator[Hit]:
    """A person's piece of work as the cause: 'it was Leo's migration that locked the table'."""
    if s.is_question() or s.states_principle():
        return
    for t in s.doc:
        if t.dep_ != "poss" or t.head.lower_ not in s.w["work_nouns"]:
            continue
        person = t.lower_ in ("his", "her") or s.is_name(t)
        if not person:
            continue
        if not (_words(s) & _STRONG_FAIL):
            continue
        edit = rewrite.drop_possessive(s, t) if t.lower_ not in ("his", "her") else (
            t.idx, t.idx + len(t.text), "the" if t.i > s.lead_end() else "The"
        )
        yield t.idx, t.head.idx + len(t.head.text), edit
        return


_MODALS = {"should", "ought", "could", "must", "shouldn't", "couldn't", "mustn't"}


@judge
def counterfactual(s: Sentence) -> Iterator[Hit]:
    """What people should, could or ought to have done: judging the past by what we know now."""
    if s.states_principle():
        return
    for m in s.doc:
        if m.lower_ not in _MODALS and not (m.lower_ == "ought" or m.lemma_ == "should"):
            continue
        verb = m.head if m.dep_ == "aux" else next((c for c in m.children if c.dep_ == "xcomp"), None)
        if verb is None:
            continue
        haves = [c for c in verb.children if c.dep_ == "aux" and c.lower_ in ("have", "'ve", "of")]
        if not haves or verb.tag_ != "VBN":
            continue  # "we should have a dashboard" is a plan; only 'have' + participle looks back
        if any(c.dep_ == "mark" and c.lower_ in ("what", "which", "how") for c in verb.children):
            continue
        if s.doc[0].lower_ in ("what", "which", "how", "who", "where", "when", "why"):
            continue  # a question asks what would have helped: that is the blameless question
        subj = s.subject(verb if m.dep_ == "aux" else m)
        kind = s.person_kind(subj)
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        lem = lemma(verb)
        if lem in ("avoid", "prevent") and passive:
            continue  # "could have been prevented" is the preventable rule's
        if lem == "happen":
            continue  # "should never have happened": preventable
        low_subj = subj.lower_ if subj is not None else ""
        if kind:
            pass
        elif passive and lem in s.w["human_checks"]:
            pass
        elif low_subj in ("it", "this", "that", "these", "those") and lem in s.w["ship_verbs"]:
            pass
        elif low_subj in ("it", "this", "that") and lem in ("obvious", "clear") or lem in ("know", "realise", "realize", "notice"):
            pass
        else:
            continue  # a system's counterfactual: "the alert should have fired"
        if m.lower_ == "could" and not kind:
            continue
        yield (s.span_start(subj) if subj is not None else m.idx), s.clause_end(verb if m.dep_ == "aux" else m), _counterfactual_edit(s, m, verb, subj, passive)
        return


def _counterfactual_edit(s: Sentence, modal: Token, verb: Token, subj: Token | None, passive: bool) -> rewrite.Edit | None:
    if subj is None:
        return None
    if any(c.dep_ == "advcl" and any(g.lower_ == "if" for g in c.children) for c in verb.children):
        return None  # "...if we had checked" keeps a counterfactual in any rewrite
    if any(c.dep_ == "acomp" for c in verb.children):
        return None  # "should have been more careful": no fact to keep
    if subj.pos_ == "PRON":
        subj_text = subj.text if subj.text != "I" and subj.lower_ != "i" else "I"
    else:
        phrase = rewrite._noun_phrase(s, subj)
        if phrase is None:
            return None
        subj_text = phrase[2]
    negated = s.negated(verb) or modal.lower_.endswith("n't") or any(
        c.dep_ == "neg" for c in modal.children
    )
    if passive:
        start = s.span_start(subj)
        end = s.clause_end(verb if modal.dep_ == "aux" else modal)
        be = rewrite._be(subj)
        text = rewrite._cap(subj_text, s.at_start(start))
        participle = verb.text
        prt = [c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
        after = prt[0].i if prt else verb.i
        if prt:
            participle += " " + prt[0].text
        return start, end, f"{text} {be}{'' if negated else ' not'} {participle}" + rewrite._rest(s, after, end)
    if negated:
        return rewrite.past(s, verb, subj, subj_text)
    if lemma(verb) == "have":
        start = s.span_start(subj)
        end = s.clause_end(verb)
        lead = rewrite._cap(subj_text, s.at_start(start))
        return start, end, f"{lead} did not have" + rewrite._rest(s, verb.i, end)
    if s.object(verb) is not None:
        edit = rewrite.passive(s, verb, subj, negate=True, inner=True)
        if edit is not None and modal.dep_ != "aux":
            edit = (s.span_start(subj), edit[1], edit[2])
        return edit
    return rewrite.did_not(s, verb, subj, subj_text)


_IF_ONLY = re.compile(r"\bif\s+only\b(?!\s+(?:one|a|an|some|part|for)\b)|^\W*(?:\d{1,2}:\d{2}\S*\s+)?had\s+(?:we|they|you|he|she|someone|the\s+team|[A-Z]\w+)\s+(?:\w+ly\s+)?(?:\w+ed|known|seen|done|run|read|caught|thought|built|made)\b", re.I)
_HAD_WE = re.compile(r"\bif\s+(?:we|they|you|he|she|someone|somebody|anyone|the\s+team|[A-Z][a-z]+)\s+(?:had|'d)\s+(?:\w+ly\s+)?(?:just\s+|only\s+)?(?:\w+ed|known|seen|done|run|read|caught|thought|built|made|taken)\b[^.]*?,?\s*(?:we|they|you|he|she|it|this|the\s+\w+)\s+(?:would|could|might)(?:n't)?\s+(?:have|not\s+have|never\s+have)\b", re.I)


@judge
def counterfactual_if(s: Sentence) -> Iterator[Hit]:
    """'If only we had...', 'Had they waited...', 'If Dana had checked, we would have...'."""
    if s.states_principle() or s.is_question():
        return
    m = _IF_ONLY.search(s.text) or _HAD_WE.search(s.text)
    if m:
        yield 0, len(s.text.rstrip(" .")), None


_NONE_HAPPENS = re.compile(
    r"\b(?:none|nothing|neither)\s+of\s+(?:this|it|that|these)\b[^.?!]*\b(?:happen|happens|happened|occur)|"
    r"\b(?:would|could)(?:n't|\s+not|\s+never)?\s+(?:have\s+)?(?:been\s+)?(?:happened|occurred|avoided|prevented)\b[^.?!]*\bif\b|"
    r"\bif\b[^.?!]*\b(?:had|'d)\b[^.?!]*\b(?:would|could)(?:n't|\s+not|\s+never)?\s+have\s+(?:been\s+)?(?:happened|avoided|prevented|occurred)\b|"
    r"\bwould(?:n't|\s+not|\s+never)\s+have\s+happened\b|\bnever\s+(?:should|would)\s+have\s+happened\b|"
    r"\bshould(?:n't|\s+not|\s+never)\s+(?:ever\s+)?have\s+happened\b|\bwas\s+never\s+going\s+to\s+end\s+well\b",
    re.I,
)


@judge
def preventable_hypothesis(s: Sentence) -> Iterator[Hit]:
    """Avoidability by hypothesis: 'none of it happens if the rollout had been staged'."""
    if s.states_principle() or s.is_question():
        return
    if _NONE_HAPPENS.search(s.text):
        yield 0, len(s.text.rstrip(" .")), None


def _technical_fault(s: Sentence) -> bool:
    return any(p in s.lower for p in s.w["technical_fault"])


@judge
def preventable_words(s: Sentence) -> Iterator[Hit]:
    """'Preventable', 'avoidable', 'whose fault', 'to blame'."""
    if s.states_principle():
        return
    low = s.lower
    for t in s.doc:
        word = t.lower_
        if word in ("preventable", "avoidable", "unavoidable", "unpreventable"):
            if word.startswith("un") or s.negated(t.head) or _negated_near(s, t):
                continue
            if s.is_question():
                continue
            yield t.idx, t.idx + len(t.text), None
            return
        if word in ("avoided", "prevented") and any(c.dep_ == "auxpass" for c in t.children):
            if any(c.lower_ in ("could", "should", "would") for c in t.children) and any(c.lower_ == "have" for c in t.children):
                if s.is_question() or s.doc[0].lower_ in ("how", "what", "which"):
                    continue
                yield s.span_start(t.head) if t.dep_ != "ROOT" else s.doc[s.lead_end()].idx, s.clause_end(t), None
                return
        if word in ("fault", "faults", "blame", "blamed", "blaming", "blameworthy"):
            if s.quoted(t) or _technical_fault(s) or s.is_question() and word != "fault":
                continue
            if _negated_near(s, t) or word == "blame" and re.search(r"\b(?:not|no|never|without|avoid|don't)\b[^.]{0,30}\bblam", low):
                continue
            if word.startswith("fault") and not re.search(r"\b(?:whose|our|their|his|her|your|my|someone's|somebody's|at|the|own|anyone's)\s+fault\b|\bfault\s+(?:lies|lay|is|was)\b", low):
                continue
            yield t.idx, t.idx + len(t.text), None
            return


def _negated_near(s: Sentence, t: Token) -> bool:
    window = s.doc[max(0, t.i - 3) : t.i]
    return any(w.lower_ in ("not", "n't", "no", "never", "nobody", "isn't", "wasn't") for w in window)


@judge
def judgement(s: Sentence) -> Iterator[Hit]:
    """Judgement words on people's work: careless, sloppy, reckless, unacceptable."""
    if s.states_principle():
        return
    for t in s.doc:
        word = t.lower_
        if word not in s.w["judgement_words"] or s.quoted(t) or _negated_near(s, t):
            continue
        if word in s.w["technical_senses"] and not _about_people(s, t):
            continue
        if t.dep_ in ("amod", "advmod") and t.head.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and word not in ("unacceptable", "inexcusable", "unforgivable"):
            yield _deletion_hit(s, t)
        else:
            yield t.idx, t.idx + len(t.text), None
        return
    if "dropped the ball" in s.lower or "drop the ball" in s.lower:
        i = s.lower.index("the ball")
        yield max(0, s.lower.rfind("drop", 0, i)), i + len("the ball"), None


def _about_people(s: Sentence, t: Token) -> bool:
    """The word describes a person, a person's work or a decision, not code."""
    head = t.head
    if t.dep_ == "amod":
        return bool(s.person_kind(head)) or head.lower_ in s.w["verdict_nouns"] or head.lower_ in ("mistake", "error", "change", "review", "approach")
    if t.dep_ in ("acomp", "attr"):
        return bool(s.person_kind(s.subject(head)))
    return t.dep_ == "advmod" and bool(s.person_kind(s.subject(head)))


def _deletion_hit(s: Sentence, t: Token) -> Hit:
    words = [t]
    # "totally careless", "really sloppy": the intensifier goes with the word
    before = s.doc[t.i - 1] if t.i > 0 else None
    if before is not None and before.dep_ == "advmod" and before.head is t:
        words.insert(0, before)
    start, end = words[0].idx, t.idx + len(t.text)
    return start, end, rewrite.delete_word(s.text, start, end)


@judge
def verdict(s: Sentence) -> Iterator[Hit]:
    """A verdict on a choice: 'that was the wrong decision', 'a bad call', 'poor judgement'."""
    if s.states_principle() or s.is_question():
        return
    for t in s.doc:
        if t.lower_ in s.w["verdict_adjectives"] and t.dep_ == "amod" and t.head.lower_ in s.w["verdict_nouns"]:
            if t.head.lower_ in ("call", "calls") and any(c.lower_ in ("api", "rpc", "http", "function", "network", "service") for c in t.head.children):
                continue
            yield t.idx, t.head.idx + len(t.head.text), None
            return


_RHETORICAL = re.compile(
    r"\bhow\s+hard\s+(?:is|was|can|could)\b|\bhow\s+(?:did|could|can|do)\s+(?:nobody|no\s+one|anyone|we|they|you|he|she|[A-Z][a-z]+)\s+(?:not\s+)?(?:miss|forget|ignore|not|overlook|skip|think|let|fail|possibly)\b|"
    r"\b(?:oldest|classic|textbook|rookie|beginner'?s?|basic|schoolboy|elementary)\s+(?:mistake|error|blunder|trap)\b|\bin\s+the\s+book\b|"
    r"\bcommon\s+sense\b|\bany\s+(?:junior|intern|engineer|developer|first-year|competent|reasonable|decent|one|idiot|fool|student|novice|beginner)\b[^.?!]{0,40}\b(?:would|could|should)\b|"
    r"\b(?:everyone|everybody|anybody|anyone)\s+(?:knows|knew|could\s+see|can\s+see)\b|\bshould\s+have\s+been\s+(?:obvious|clear|apparent)\b|"
    r"\bnot\s+rocket\s+science\b|\bas\s+anyone\s+(?:can|could)\s+see\b|\bwhat\s+(?:was|were)\s+(?:they|you|he|she|we)\s+thinking\b|"
    r"\b(?:all|the\s+only\s+thing)\s+(?:you|they|he|she|we|[A-Z][a-z]+)\s+had\s+to\s+do\s+was\b|\bseriously\s*\?|\bwho\s+(?:does|would\s+do|thought\s+it\s+was\s+a\s+good\s+idea)\b",
    re.I,
)


@judge
def hindsight_rhetoric(s: Sentence) -> Iterator[Hit]:
    """Hindsight as a question or a superlative: 'how hard is it to read the runbook?'."""
    if s.states_principle():
        return
    m = _RHETORICAL.search(s.text)
    if m:
        yield 0, len(s.text.rstrip(" .")), None


@judge
def hindsight_adverb(s: Sentence) -> Iterator[Hit]:
    """Obviously, clearly, simply, just: the outcome reads back into what people knew."""
    if s.states_principle() or s.is_question():
        return
    for t in s.doc:
        word = t.lower_
        if s.quoted(t):
            continue
        if word in s.w["hindsight_adverbs"]:
            if _negated_scope(s, t):
                continue  # "nothing was obviously wrong": dropping the word flips the claim
        elif word == "clearly":
            head = t.head
            if _negated_scope(s, t) or head.tag_ in ("VB", "VBP") and not _past_or_present_report(head):
                continue
            if not (head.lemma_.lower() in s.w["seeing_verbs"] or head.lower_ in ("wrong", "broken", "stale", "bad", "visible", "marked", "labelled", "labeled", "documented", "written", "outdated", "insufficient")):
                continue
        elif word in ("simply", "just"):
            head = t.head
            after = s.doc[t.i + 1].lower_ if t.i + 1 < len(s.doc) else ""
            person = bool(s.person_kind(s.subject(head))) if head.pos_ in ("VERB", "AUX") else False
            if not (
                (after in ("forgot", "ignored", "skipped", "missed", "didn't", "did", "never", "assumed", "overlooked", "neglected") and person)
                or (after in ("had", "needed") and s.doc[t.i + 2].lower_ == "to" if t.i + 2 < len(s.doc) else False)
                or after in ("should", "could") and "have" in s.lower
            ):
                continue
        else:
            continue
        yield _deletion_hit(s, t)
        return


def _past_or_present_report(verb: Token) -> bool:
    return lemma(verb) in ("say", "state", "show")


def _negated_scope(s: Sentence, t: Token) -> bool:
    head = t.head
    for w in (head, head.head):
        if s.negated(w) or any(c.lower_ in ("nothing", "nobody", "none", "no") for c in w.children):
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("nothing", "nobody", "none") for c in w.children):
            return True
    return _negated_near(s, t)


_HUMAN_ERROR = re.compile(
    r"\b(?:human|operator|user|pilot|manual|engineer(?:ing)?|developer|personnel|people|staff|individual|careless|simple|honest|stupid|silly|dumb|rookie|typing|keyboard|clerical)\s+(?:error|mistake|oversight|slip|failure|fault)s?\b|"
    r"\bfat[\s-]?finger(?:ed|ing|s)?\b|\bpeb[ck]a[ck]\b|\bid-?10-?t\b|\blayer\s*8\b|\bbrain\s*(?:fart|glitch)\b|\bhuman\s+factor\b",
    re.I,
)
_CAUSE = re.compile(
    r"\b(?:root\s+cause|cause[sd]?|caused\s+by|due\s+to|because\s+of|result(?:ed)?\s+of|blame|attribut\w+\s+to|down\s+to|comes?\s+down|boils?\s+down|came\s+from|stem(?:s|med)\s+from|was\s+(?:a|an|the|simply|just)|were\s+(?:a|an)|is\s+(?:a|an)|reason|led\s+to|trigger\w*|source|culprit|behind|responsible)\b",
    re.I,
)


@judge
def human_error(s: Sentence) -> Iterator[Hit]:
    """Human error, a mistake or an oversight given as the cause."""
    if s.states_principle() or s.is_question():
        return
    m = _HUMAN_ERROR.search(s.text)
    if m and not s.quoted(s.doc.char_span(m.start(), m.end(), alignment_mode="expand")[0]):
        if not re.search(r"\b(?:reduce|prevent|avoid|minimi[sz]e|catch|guard\s+against|tolerate|recover\s+from|messages?|handling|rate|rates|dialog|validation)\b", s.lower):
            yield m.start(), m.end(), None
            return
    for t in s.doc:
        word = t.lower_
        if word in ("mistake", "mistakes", "oversight", "oversights", "typo", "typos", "misclick", "slip", "lapse", "blunder"):
            if s.quoted(t) or _negated_near(s, t):
                continue
            if word in ("slip", "lapse") and t.pos_ != "NOUN":
                continue
            if word in ("typo", "typos") and not _CAUSE.search(s.text):
                continue
            if word.startswith(("mistake", "oversight", "slip", "lapse", "blunder")) and not _CAUSE.search(s.text) and not _made_by_person(s, t):
                continue
            if word.startswith("lapse") and re.search(r"\b(?:certificate|cert|domain|license|licence|subscription|contract)s?\b", s.lower):
                continue
            yield t.idx, t.idx + len(t.text), None
            return


def _made_by_person(s: Sentence, t: Token) -> bool:
    head = t.head
    if head.lemma_.lower() in ("make", "commit") and s.person_kind(s.subject(head)):
        return True
    return any(c.dep_ == "poss" and (c.lower_ in ("his", "her", "my", "our", "their") or s.is_name(c)) for c in t.children)


_PUNITIVE = re.compile(
    r"\b(?:held|hold|holding|be|being|are|is|were|was|been|get|gets)\s+(?:\w+\s+){0,2}accountable\b|\baccountability\b|"
    r"\b(?:face|facing|faced|suffer|there\s+(?:will|must|should)\s+be|real|serious|without)\s+(?:\w+\s+)?consequences\b|\bconsequences\s+for\s+(?:the|whoever|him|her|them|those|anyone|people)\b|"
    r"\bdisciplin(?:e|ed|ary|ing)\b|\bpunish\w*|\bpunitive\b|\breprimand\w*|\b(?:written|formal|final)\s+warning\b|"
    r"\b(?:be|get|got|was|were|been|being)\s+(?:fired|sacked|let\s+go|demoted|suspended|written\s+up|terminated)\b|\bfire\s+(?:him|her|them|whoever|someone|the\s+(?:engineer|developer|intern|contractor|person))\b|"
    r"\bre-?train(?:ing|ed)?\b(?!\s+(?:the|a|our)?\s*(?:model|classifier|network|ml|index|embedding))|\bremedial\s+training\b|"
    r"\b(?:pay|paying|answer|answers)\s+for\s+(?:this|it|that)\b|\bheads\s+(?:will|must|should)?\s*roll\b|"
    r"\bperformance\s+(?:review|improvement\s+plan|conversation)\b|\b(?:in|on|into)\s+(?:their|his|her|your)\s+(?:next\s+|annual\s+|performance\s+)?(?:review|appraisal|record)\b|\bPIP\b|"
    r"\b(?:held|hold)\s+(?:\w+\s+)?responsible\b|\bnamed?\s+and\s+shamed?\b|\bmake\s+an\s+example\s+of\b|\bzero[\s-]tolerance\b|"
    r"\b(?:lose|losing|lost|dock|docked|cut|forfeit)\s+(?:their|his|her|your)?\s*(?:bonus|pay|access\s+rights|privileges)\b|\bon\s+probation\b|\b(?:first|second|final)\s+strike\b|"
    r"\b(?:revoke|revoked|revoking|lose|lost|losing)\s+(?:his|her|their|your)\s+(?:\w+\s+)?(?:access|rights|permissions|privileges)\b|\bmandatory\s+(?:re-?)?training\b|\bowes?\s+(?:us|everyone)\s+an?\s+apology\b|\bapologi[sz]e\s+to\s+(?:the\s+)?(?:team|everyone)\b",
    re.I,
)


@judge
def punitive(s: Sentence) -> Iterator[Hit]:
    """Punishment of people: accountable, consequences, discipline, retraining, their review."""
    if s.states_principle() or s.is_question():
        return
    for m in _PUNITIVE.finditer(s.text):
        text = m.group().lower()
        if "accountab" in text and re.search(r"\baccountable\s+for\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:" + "|".join(s.w["ownership_objects"]) + r")\b", s.lower):
            continue
        if "accountability" in text and re.search(r"\b(?:service|ownership|clear|team)\s+accountability\b|\baccountability\s+for\s+(?:the\s+)?(?:service|system|runbook|slo)", s.lower):
            continue
        if "retrain" in text and re.search(r"\b(?:model|classifier|network|ml|embeddings?|index)\b", s.lower):
            continue
        span = s.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and (s.quoted(span[0]) or _negated_near(s, span[0])) and "no consequences" not in s.lower:
            continue
        if text.startswith("be ") or text.startswith("get"):
            pass
        yield m.start(), m.end(), None
        return
