"""The second stage: judges that read a parsed sentence and decide whether it blames.

A judge is named by a rule (rules/*.toml, `judge = "..."`) and yields hits: a character span of
the sentence and, where one can be built that keeps the facts, an edit (pmdesk.lint.rewrite).
A judge asks grammatical questions through pmdesk.lint.clause.Sentence: who is the subject of the
act, is "have" an auxiliary, does the adjective describe a person or a thing, is it negated,
is it a question or a quotation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from pmdesk.lint import rewrite
from pmdesk.lint.alternatives import Alternatives
from pmdesk.lint.clause import _HONORIFICS, Sentence, Words, _in_dictionary, lemma
from pmdesk.lint.grammar import inflect
from pmdesk.lint.names import is_given_name

if TYPE_CHECKING:
    from spacy.tokens import Token

#: (start, end, edit or None) in the sentence, and optionally a category other than the rule's
Hit = tuple
Judge = Callable[[Sentence], Iterator[Hit]]

JUDGES: dict[str, Judge] = {}
#: per judge, a cheap test of the raw sentence (before any parse): False means the judge
#: cannot find anything there, so the sentence is not parsed for it
GATES: dict[str, Callable[[str, Callable[[str], bool], Words], bool]] = {}


#: judges whose finds a reading of the whole sentence clears, by judge name: the name of the
#: test (defined further down) that clears them
_CLEARED_BY = {
    # a sanction said to fall on no one: "nobody is losing their job"
    **dict.fromkeys(
        ("punitive", "standing_taken", "sanction", "sanction_frame", "threat"), "_sanction_denied"
    ),
    # someone else's blame question, answered: "the family asked who was to blame, and I
    # explained that our review looks at systems"
    **dict.fromkeys(
        ("preventable_words", "preventable_hypothesis", "responsibility"),
        "_blame_reported_answered",
    ),
}


def _cleared(name: str, fn: Judge) -> Judge:
    test = _CLEARED_BY.get(name)
    if test is None:
        return fn

    def judge_it(s: Sentence) -> Iterator[Hit]:
        if not globals()[test](s):
            yield from fn(s)

    judge_it.__name__ = name
    return judge_it


def judge(fn: Judge) -> Judge:
    JUDGES[fn.__name__] = _cleared(fn.__name__, fn)
    return fn


def gated(test: Callable[..., bool]) -> Callable[[Judge], Judge]:
    """Register `test(sentence, is_person_word, words)` as the judge's first-stage gate."""

    def register(fn: Judge) -> Judge:
        GATES[fn.__name__] = test
        return fn

    return register


def _by(regex: re.Pattern[str]) -> Callable[..., bool]:
    return lambda text, _person, _words: regex.search(text) is not None


_built: dict[tuple[str, int], re.Pattern[str]] = {}


def _words_regex(name: str, words: Words, make: Callable[[Words], str]) -> re.Pattern[str]:
    """A regex made from word lists, built once per set of lists."""
    key = (name, id(words))
    found = _built.get(key)
    if found is None:
        if len(_built) > 64:
            _built.clear()
        found = _built[key] = re.compile(make(words), re.I)
    return found


_forms: dict[tuple[str, int], frozenset[str]] = {}


def _verb_forms(
    name: str, words: Words, lists: tuple[str, ...], *, last_words: bool = False
) -> frozenset[str]:
    """Every form of the words of `lists` (with `last_words`, of the last words of their
    entries of several words only)."""
    from pmdesk.lint.grammar import lemmas

    key = (name, id(words))
    found = _forms.get(key)
    if found is None:
        if len(_forms) > 64:
            _forms.clear()
        entries = set().union(*(words[n] for n in lists))
        if last_words:
            entries = {w.split()[-1] for w in entries if " " in w}
        found = _forms[key] = frozenset(lemmas(entries))
    return found


def _agent_before_verb(
    text: str, is_agent: Callable[[str], bool], verbs: frozenset[str], reach: int = 4
) -> bool:
    """An agent word with one of `verbs` (any form) among the next few words."""
    tokens = _WORDISH.findall(text)
    lowered = [t.lower().rstrip(".") for t in tokens]
    for i, token in enumerate(tokens):
        if is_agent(token):
            for w in lowered[i + 1 : i + 1 + reach]:
                # ("re-started" is "restarted")
                if w in verbs or w.endswith("n't") or ("-" in w and w.replace("-", "") in verbs):
                    return True
    return False


_OPENED = frozenset({"opened", "opens"})
_ENDED = frozenset({
    "declared", "closed", "resolved", "marked", "cleared", "signed", "released", "handed",
    "stood", "reopened", "resumed", "lifted", "cancelled", "canceled", "discharged", "ended",
    "unblocked", "restored",
})  # fmt: skip


_LEFT_POST = {"went", "walked", "left", "clocked", "knocked", "headed", "drove", "moved", "signed",
              "handed"}  # fmt: skip
_LEFT_WITHOUT = re.compile(r"\bwithout\s+(?:first\s+|even\s+|properly\s+)?\w+ing\b", re.I)


def _act_gate(text: str, person: Callable[[str], bool], words: Words) -> bool:
    verbs = _verb_forms("act", words, ("act_verbs", "harmful_verbs", "cleft_words"))
    # (9 words: "Adri fixed the collider issue and released it again without confirmation", "the
    # intern had prod credentials and used them to delete a bucket")
    if _agent_before_verb(text, person, verbs, 9):
        return True
    # "the engineer mistakenly marked the ticket resolved": a fault adverb makes any verb an act
    if _agent_before_verb(text, person, words["fault_adverbs"], 3):
        return True
    # "the nurse scanned the wrong wristband": so does a wrong target
    if _agent_before_verb(text, person, _WRONG_ONE, 7):
        return True
    # "Tom opened the bypass valve": opened, an act on the plant unless it is a ticket's
    if _agent_before_verb(text, person, _OPENED, 3):
        return True
    # "Beth declared all-clear while the queue was still backing up": an ending step too soon
    if _PREMATURE.search(text) and _agent_before_verb(text, person, _ENDED, 4):
        return True
    # "Dave walked off the level without barricading the stope": a post left, a duty undone
    if _LEFT_WITHOUT.search(text) and _agent_before_verb(text, person, _LEFT_POST, 3):
        return True
    # a person as the agent of a passive: "was pushed by a member of the web team"
    tokens = _WORDISH.findall(text)
    return any(
        tokens[i].lower() == "by"
        and any(person(w) for w in tokens[i + 1 : i + 4])
        and any(
            w.lower().endswith(("ed", "en", "wn", "ne", "de", "ut", "et"))
            for w in tokens[max(0, i - 6) : i]
        )  # ("changes made directly on the servers by Tomás")
        for i in range(1, len(tokens) - 1)
    )


#: a team as the agent of a passive: "the backup policy was ignored by the infra team"
_BY_GROUP = re.compile(
    r"\bby\s+(?:the\s+|our\s+|their\s+)?(?:[\w-]+\s+){0,2}(?:team|teams|group|department|squad|crew|folks)\b"
    r"|\bby\s+(?:QA|ops|IT|support|security|engineering|management|leadership|everyone|everybody)\b",
    re.I,
)


def _group_gate(text: str, person: Callable[[str], bool], words: Words) -> bool:
    if _BY_GROUP.search(text) or re.match(
        r"\W*they\s+(?:\w+ly\s+|never\s+|didn['’]t\s+|did\s+not\s+)?\w+", text, re.I
    ):
        return True  # ("They pushed the hotfix to all regions at once")
    groups = _verb_forms("groups", words, ("groups", "team_words", "roles", "group_openers"))
    verbs = _verb_forms(
        "group",
        words,
        ("act_verbs", "harmful_verbs", "omission_verbs", "check_verbs", "group_closers"),
    )
    # (8 words: "the NOC watched the graphs go red and did nothing")
    heads = _verb_forms(
        "group_heads",
        words,
        ("groups", "roles"),
        last_words=True,
    )  # ("the claims handlers", "the farm hands": the parse decides whether they are people)
    group = lambda w: (  # noqa: E731
        w == "IT" or w.lower() in groups or w.lower() in _GROUP_NOUNS or w.lower() in heads
    )
    return _agent_before_verb(text, group, verbs, 8) or _agent_before_verb(
        text, group, _WRONG_ONE, 5
    )  # ("support escalated to the wrong team")


#: nouns of a group that name people only with a modifier ("the data science group", "the
#: backend guild"); the parse decides (not "the AWS security group")
_GROUP_NOUNS = {
    "group", "groups", "guild", "division", "divisions", "lot", "crew", "department", "centre",
    "center",
}  # fmt: skip


def phrase_judge(
    name: str,
    *patterns: re.Pattern[str],
    questions: bool = False,
    vetoed: Callable[[str, re.Match[str]], bool] = lambda text, m: False,
    whole: bool = True,
) -> Judge:
    """A judge whose blame is a turn of phrase ("if only we had", "how hard is it to"): found by
    `patterns` in the raw sentence (which is also its gate), unless the sentence states the
    blameless principle, is a question (when `questions` is False), or `vetoed` says the phrase
    is negated. It flags the whole sentence, or only the phrase (`whole=False`)."""

    def find(text: str) -> re.Match[str] | None:
        return next((m for m in (p.search(text) for p in patterns) if m), None)

    def judge_it(s: Sentence) -> Iterator[Hit]:
        if s.states_principle() or not questions and s.is_question():
            return
        m = find(s.text)
        if m and not vetoed(s.text, m):
            yield (0, len(s.text.rstrip(" .")), None) if whole else (m.start(), m.end(), None)

    judge_it.__name__ = name
    GATES[name] = lambda text, _person, _words: find(text) is not None
    JUDGES[name] = _cleared(name, judge_it)
    return judge_it


#: a supposed act that would have made things worse undone: credit, not blame ("if Sam had not
#: restarted the service, the outage would have lasted much longer")
_CREDIT = re.compile(
    r"\b(?:if\s+[^.?!,]{1,60}?|had\s+[^.?!,]{1,40}?)\b(?:had\s+not|hadn['’]t|had\s+never|not)\b[^.?!]*?"
    r"\b(?:would|could|might)(?:\s+have|['’]ve)\s+(?:been\s+)?(?:lasted|gone\s+on|dragged\s+on|lost|"
    r"spread|grown|been\s+(?:much\s+|far\s+|a\s+lot\s+)?(?:worse|longer|bigger|larger)|(?:much\s+|far\s+)?worse|"
    r"taken\s+(?:much\s+|far\s+)?longer|hit\s+(?:every|all)|missed|been\s+(?:overwritten|deleted|wiped|"
    r"corrupted|lost|dropped|exposed|leaked|destroyed|erased))\b"
    # the act ended the harm: "if Sam hadn't restarted it, the outage wouldn't have ended so soon"
    r"|\b(?:if\s+[^.?!,]{1,60}?|had\s+[^.?!,]{1,40}?)\b(?:had\s+not|hadn['’]t|had\s+never)\b[^.?!]*?"
    r"\b(?:would|could|might)(?:\s+not|n['’]t)(?:\s+have|['’]ve)\s+(?:been\s+)?(?:ended|stopped|"
    r"recovered|resolved|caught|contained|found|fixed|restored|come\s+back|been\s+(?:caught|found|"
    r"contained|fixed|restored|resolved))\b",
    re.I,
)


#: machines that a pool or a rotation takes in and out ("the node was removed from rotation")
MACHINES = r"(?:node|host|server|instance|pod|replica|backend|machine|broker|member|worker|shard)s?"


def credit_not_blame(text: str) -> bool:
    """The sentence credits a person's act by what it averted."""
    return _CREDIT.search(text) is not None


def _negation_before(pattern: str) -> Callable[[str, re.Match[str]], bool]:
    negation = re.compile(pattern, re.I)
    return lambda text, m: negation.search(text[: m.start()]) is not None


def _alt(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_WORDISH = re.compile(r"@?[A-Za-zÀ-ÖØ-öø-ÿ][\w'’.-]*")


def _mentions_person(
    text: str, is_person_word: Callable[[str], bool], _words: Words | None = None
) -> bool:
    """A word that may name a person: a given name, a handle, he/she, a role, a known name."""
    return any(is_person_word(w) for w in _WORDISH.findall(text))


# Words the act's own phrase may carry that make the act a failure by itself.
_HARMFUL_PHRASAL = {("take", "down"), ("bring", "down"), ("knock", "over"), ("knock", "out"),
                    ("wipe", "out"), ("blow", "away"), ("mess", "up"), ("screw", "up"),
                    ("fat", "finger"), ("wave", "through"), ("wave", "off"), ("wave", "away"),
                    ("brush", "off"), ("brush", "aside"), ("shrug", "off"), ("cut", "off"),
                    ("lock", "out")}  # fmt: skip
_REMEDY_PHRASAL = {("roll", "back"), ("back", "out"), ("turn", "back"), ("scale", "up"),
                   ("bring", "back"), ("spin", "up"), ("set", "up"), ("step", "in")}  # fmt: skip


_TOOK_DOWN = re.compile(
    r"\b(?:(?:took|takes?|taking|brought|brings?|bringing)\s+(?:\w+\s+){0,3}?(?:down|offline)|(?:took|takes?|taking|knocked|knocks?|put|puts|putting)\s+(?:[\w-]+\s+){0,4}?(?:off\s+(?:the\s+)?(?:internet|air|network|line)|offline)|(?:took|takes?|taking)\s+out\s+(?:the|our|all|every|\w+['’]s)\b|(?:knocked|knocks?)\s+(?:\w+\s+){0,3}?(?:over|out))\b",
    re.I,
)
# "..., which is why the invoices vanished": the act is named as the cause
_CAUSAL = re.compile(
    r"\b(?:was|were|is)\s+(?:\w+\s+)?the\s+(?:weak(?:est)?\s+link|culprit|trigger|root\s+cause)\b|"
    r"\b(?:that['’]s|that\s+is|which\s+is|which\s+was|that\s+was|is|was)\s+what\s+(?:\w+ed|broke|took|caused|started|set\s+off|brought|made|sent|put|left|knocked)\b|"
    r"\b(?:is|was)\s+where\s+(?:this|it|the\s+[\w-]+)\s+(?:all\s+)?(?:started|began|went\s+wrong)\b|"
    r"\b(?:that's|that\s+is|which\s+is|which\s+was|that\s+was|is|was)\s+(?:exactly\s+)?why\b|\b(?:is|was)\s+(?:the\s+|exactly\s+the\s+)?(?:reason|cause)\s+(?:the|that|why|we|our)\b|,\s+so\s+(?:\w+\s+){0,3}(?:got|saw|lost|hit|failed|broke|went|couldn't|could\s+not|learned|learnt|found\s+out|heard)\b",
    re.I,
)
_MISTAKEN = re.compile(
    r"\b(?:thinking|believing|assuming)\s+(?:that\s+)?(?:it|that|this|they|he|she|the\s+[\w-]+(?:\s+[\w-]+)?)\s+"
    r"(?:was|were|is|had|would|could)\b"
    r"|\b(?:he|she|they)\s+(?:believed|thought|assumed)\s+(?:to\s+be|was|were)\s+(?:unused|safe|idle|empty|"
    r"stale|a\s+copy|the\s+test|staging|orphaned|obsolete)\b",
    re.I,
)
_TOLD = {"tell", "assure", "inform", "promise", "reassure", "advise"}
#: what people were told that was not so: "told customers it was fixed when it wasn't", "kept
#: telling users it was their own network problem"
_MISINFORMED = re.compile(
    r"\b(?:told|telling|tell|assured|assuring|informed|promised|reassured|advised)\s+(?:the\s+)?"
    r"(?:customers?|users?|clients?|callers?|patients?|families|family|passengers|tenants|residents|"
    r"guests|us|everyone|them|him|her|the\s+\w+)\s+(?:that\s+)?(?:it|this|the\s+[\w-]+|everything)\s+"
    r"(?:was|were|had\s+been|is)\s+(?:(?:\w+\s+){0,2}?(?:fixed|resolved|fine|safe|done|working|sorted|"
    r"ok|okay|back\s+up)\b[^.;]{0,30}\b(?:when|but|though|although|while)\s+(?:it|they|this|that)\s+"
    r"(?:wasn['’]t|weren['’]t|hadn['’]t|was\s+not|were\s+not|had\s+not|still\s+wasn['’]t)"
    r"|(?:their|your|his|her)\s+own\s+(?:\w+\s+)?(?:fault|problem|issue|doing|mistake|network|device|"
    r"connection|setup|error))",
    re.I,
)
#: an act done with its safeguard off, or an approval of what was never checked
_UNGUARDED = re.compile(
    r"\bwith\s+(?:the|its|their|a|an|his|her)\s+(?:[\w-]+\s+)?(?:guard|guards|interlock|interlocks|"
    r"alarm|alarms|brake|brakes|safety|lock|lockout|barrier|barriers|cover|covers|fence|shield|sensor|"
    r"sensors|harness|outriggers?|belt|seat\s+belt|seatbelt|helmet|goggles|mask)\s+(?:still\s+)?(?:off|removed|disabled|bypassed|open|down|taped|"
    r"pinned|overridden|missing|defeated|unclipped|retracted)\b"
    r"|\b(?:signed\s+off(?:\s+on)?|approved|passed|released|shipped|cleared|certified|accepted)\b"
    r"[^.;]{0,60}\b(?:that|which)\s+(?:had|has)\s+(?:never|not)\s+(?:even\s+|yet\s+)?(?:been\s+)?"
    r"(?:run|tested|checked|reviewed|inspected|verified|passed|built|launched|compiled|signed)\b",
    re.I,
)
_EXPOSED = re.compile(
    r"\b(?:token|secret|password|credential|api\s+key|private\s+key)s?\b[^.;]*\b(?:public|publicly|plain\s*text|open\s+bucket|pastebin|logs?)\b"
    r"|\b(?:api\s+key|secret|password|credential|token|private\s+key)s?\b[^.;]*\b(?:into|in)\s+(?:the\s+)?(?:(?:android|ios|mobile|web|desktop|client)\s+)?(?:app|client|binary|apk|frontend|mobile\s+app|source(?:\s+code)?|code|repo|repository)\b"
    r"|\b(?:key|keys|secret|secrets|password|passwords|credentials?|tokens?)\b[^.;]*\b(?:to|into|in|on)\s+(?:a|the|our)\s+public\s+(?:repo|repository|bucket|gist|channel|page|github|wiki|forum)\b"
    r"|\bprod(?:uction)?\s+(?:token|secret|password|credential|api\s+key|private\s+key|database\s+password)s?\b[^.;]*\b(?:into|to|in)\s+(?:the\s+|a\s+)?(?:staging|dev|test|shared|public|git|repo|repository|slack|channel|ticket|wiki|chat)\b",
    re.I,
)


def _words(s: Sentence) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", s.lower))


def _conditional(verb: Token) -> bool:
    """The act is only supposed: 'if Dana had run it', 'whether Ana deleted it'."""
    before = verb.doc.text[max(0, verb.idx - 60) : verb.idx].lower()
    if re.search(r"\b(?:in\s+case|if|whether|unless|lest)\b[^,;.]*$", before):
        return True
    for a in verb.ancestors:
        if a.lower_ == "case" and a.head.lower_ == "in":
            return True  # "in case anyone executes the attack"
    t = verb
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in t.children):
            return True
        if t.dep_ in ("advcl", "ccomp", "conj", "xcomp") and t.head.i != t.i:
            t = t.head
            continue
        break
    return False


def _modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


#: particles the small parser often takes for prepositions: "switched off the breaker"
_PARTICLES = ("off", "out", "down", "up", "over", "back")


def _phrasal(verb: Token) -> tuple[str, str] | None:
    prt = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    if not prt:
        prt = [
            c.lower_
            for c in verb.children
            if c.dep_ in ("prep", "advmod") and c.i == verb.i + 1 and c.lower_ in _PARTICLES
        ]  # ("rolled back": the parser may take the particle for an adverb)
    return (lemma(verb), prt[0]) if prt else None


def _object_of(s: Sentence, verb: Token) -> Token | None:
    """What the act was done to, also when the parser took its particle for a preposition
    ("switched off the circuit breaker": "breaker" hangs on "off")."""
    obj = s.object(verb)
    if obj is not None:
        return obj
    return next(
        (
            g
            for c in verb.children
            if c.dep_ == "prep" and c.i == verb.i + 1 and c.lower_ in _PARTICLES
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )


#: the steps that end a response or hand something back, which go wrong by coming too soon
_ENDING_ACTS = {
    "declare", "close", "resolve", "mark", "clear", "sign", "release", "hand", "stand",
    "reopen", "resume", "lift", "cancel", "discharge", "end", "unblock", "restore",
}  # fmt: skip
#: too soon: "while the queue was still backing up", "before the pressure had been confirmed"
_PREMATURE = re.compile(
    r"\bwhile\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?!(?:[\w-]+\s+){0,2}?(?:investigation|analysis|"
    r"review|inquiry|enquiry|rca|post-?mortem|diagnosis)\b)(?:[\w-]+\s+){0,3}?(?:was|were|is|are)\s+still\s+\w+\b"
    r"|\b(?:too\s+early|too\s+soon|prematurely|a\s+(?:day|week|shift|few\s+hours)\s+early)\b",
    re.I,
)
#: what is opened as part of the work of a response, not as an act on the plant
_OPENED_RECORDS = {
    "ticket", "incident", "issue", "case", "bridge", "channel", "call", "pr", "request", "bug",
    "investigation", "thread", "session", "inquiry", "enquiry", "review", "report", "dialogue",
    "conversation", "line", "meeting", "room", "page", "link", "dashboard", "file", "tab",
    "browser", "console", "terminal", "window", "app", "log", "logs", "runbook", "document",
}  # fmt: skip


def _opened_a_thing(s: Sentence, verb: Token) -> bool:
    """ "Opened the bypass valve" (an act on the plant), not "opened a ticket" (a response)."""
    obj = s.object(verb)
    if obj is None or obj.pos_ != "NOUN" or any(ch.isdigit() or ch == "#" for ch in obj.text):
        return False  # ("opened INC-4412", "opened #inc-2231": a ticket's number)
    return (
        lemma(obj) not in _OPENED_RECORDS
        and obj.lower_ not in _OPENED_RECORDS
        and not any(c.lower_ in _OPENED_RECORDS for c in obj.children if c.dep_ == "compound")
    )


#: leaving a post: what a person does when a duty is still undone
_WALKED_AWAY = {"go", "walk", "leave", "clock", "knock", "head", "sign", "drive", "move", "hand"}
#: what leaving without is no fault: "went home without waiting for the bus"
_LEISURE = {"wait", "eat", "sleep", "rest", "stop", "look", "say", "know", "realise", "realize",
            "notice", "mean", "want", "lose", "miss", "incident", "delay", "fuss", "issue"}  # fmt: skip


#: what is lifted when a restriction ends, not a load
_LIFTED_LIMITS = {"limit", "restriction", "freeze", "ban", "block", "embargo", "suspension", "hold",
                  "cap", "quota", "moratorium", "curfew", "lockdown", "order", "notice"}  # fmt: skip


def _is_act(s: Sentence, verb: Token) -> bool:
    lem = lemma(verb)
    if verb.pos_ == "VERB" and lem not in ("be", "have", "get") and _wrong_target(s, verb):
        return True  # "opened the wrong breaker", "escalated to the wrong team": any act
    if lem == "go" and re.search(r"\bback\s+to\s+(?:sleep|bed)\b", s.lower):
        return True  # "acknowledged the page and went back to bed"
    if lem == "make" and any(c.lower_ == "worse" for c in verb.subtree):
        return True  # "made it worse by restarting customers' instances"
    if lem in _WALKED_AWAY and any(
        c.dep_ == "prep"
        and c.lower_ == "without"
        and any(g.tag_ == "VBG" and lemma(g) not in _LEISURE for g in c.children)
        for c in verb.children
    ):
        return True  # "went home without sealing the cold-room door", "walked off the level
        # without barricading the stope": a post left with its duty undone
    if verb.i >= 2 and verb.doc[verb.i - 1].text == "-":
        # "hard-coded", "force-pushed": the tokenizer splits the verb at its hyphen
        first = verb.doc[verb.i - 2].lower_
        if f"{first}-{lem}" in s.w["act_verbs"] or f"{first}{lem}" in s.w["act_verbs"]:
            return True
    phrase = _phrasal(verb)
    if lem == "lift" and any(
        lemma(t) in _LIFTED_LIMITS
        for t in (_object_of(s, verb), *(c for c in verb.children if c.dep_ == "nsubjpass"))
        if t is not None
    ):
        return False  # "the rate limit was lifted by the platform team": a restriction ended
    if lem in _ENDING_ACTS and _PREMATURE.search(s.text):
        return True  # "declared all-clear while the queue was still backing up": a response's
        # step, taken too soon
    if lem == "open" and _opened_a_thing(s, verb):
        return True  # "opened the bypass valve", "propped open the fire door": not a ticket
    if phrase in _REMEDY_PHRASAL or lem in s.w["remedy_verbs"]:
        return False
    if verb.pos_ == "VERB" and any(
        c.dep_ == "advmod" and c.lower_ in s.w["fault_adverbs"] for c in verb.children
    ):
        return True  # "mistakenly marked the ticket resolved": the adverb makes it an act
    if lem in ("allow", "permit") and _WRONG_WAY.search(s.text):
        return True  # "allowed the expired certificate to remain despite three reminders"
    if lem == "carry" and any(c.lower_ == "out" for c in verb.children):
        return True  # "the password reset was carried out by the team lead"
    if lem in ("tell", "ask") and _then_went_wrong(s, verb):
        return True  # "Support told customers to reinstall the app, which wiped their data"
    if lem in _TOLD and _MISINFORMED.search(s.text):
        return True  # "Support told customers it was fixed when it wasn't"
    if lem == "add" and _kept_doing(verb):
        return True  # "Product kept adding scope until the release slipped"
    return lem in s.w["act_verbs"] or lem in s.w["harmful_verbs"] or phrase in _HARMFUL_PHRASAL


_REMOVAL = {
    "delete",
    "remove",
    "drop",
    "kill",
    "restart",
    "reboot",
    "clear",
    "flush",
    "purge",
    "drain",
    "disable",
    "stop",
    "cordon",
    "evict",
    "quarantine",
    "isolate",
    "shut",
    "rotate",
    "revoke",
    "replace",
    "reset",
    "rebuild",
    "repair",
    "roll",
    "terminate",
}
# destructive acts on data are failures by themselves unless what was removed was itself junk
_DESTRUCTIVE = {
    "drop",
    "delete",
    "wipe",
    "truncate",
    "purge",
    "overwrite",
    "erase",
    "destroy",
    "nuke",
    "unplug",
    "disconnect",
}
#: a destructive act named by its noun
_DESTROYING = {
    "deletion", "removal", "truncation", "wipe", "wiping", "purge", "purging", "erasure",
    "overwrite", "overwriting", "drop", "dropping", "decommissioning",
}  # fmt: skip
_DATA = re.compile(
    r"\b(?:tables?|databases?|db|buckets?|volumes?|backups?|index(?:es)?|zones?|records?|clusters?|rules?|polic(?:y|ies)|entries|replicas?|namespaces?|repos?(?:itory|itories)?|branch(?:es)?|keys?|secrets?|data|files?|directory|folders?|disks?|partitions?|topics?|queues?|schemas?|snapshots?|(?:audit|access|security)\s+logs?|shared\s+\w+|archives?|calibration\s+\w+"
    r"|load\s+balancers?|gateways?|mounts?|routes?|peerings?|vpcs?|subnets?|node\s+pools?|certificates?|"
    r"service\s+accounts?|dns\s+\w+|indices|ledgers?)\b",
    re.I,
)
_JUNK = re.compile(
    r"\b(?:stale|stuck|old|orphan(?:ed)?|unused|duplicate[sd]?|temporary|temp|tmp|leaked|compromised|broken|bad|faulty|failed|corrupt(?:ed)?|test|dangling|expired|obsolete|deprecated|extra|empty|zombie|hung|wedged|redundant)\b",
    re.I,
)
#: a choice made by a machine: "the classifier's poor judgment", "the planner made a bad decision"
_MACHINE_CHOICE = re.compile(
    r"\b(?:classifier|model|planner|robot|algorithm|scheduler|autoscaler|balancer|controller|router|bot|"
    r"engine|optimi[sz]er|heuristic|policy\s+engine|solver|predictor|ranker|logic|failover|service|"
    r"system|client|library|firmware|autopilot|proxy|daemon|cache)(?:['’]s)?\s+(?:[\w-]+,?\s+){0,5}?"
    r"(?:(?:made|makes|took)\s+(?:an?\s+)?)?(?:[\w-]+\s+)?(?:judg(?:e)?ments?|decisions?|calls?|choices?)\b",
    re.I,
)
_SYSTEM_CONDITION = re.compile(
    r"\bif\s+(?:the|our|a|an)\s+(?:[\w-]+\s+){0,2}(?:check|checks|alert|alerts|test|tests|monitor|monitoring|"
    r"probe|probes|tooling|pipeline|system|dashboard|canary|linter|gate|guard|automation|runbook)\s+had\b"
    # a practice that would have taught us something: "if the backups had been restored
    # regularly in testing, we would have known a full restore takes 2 hours"
    r"|\bif\s+(?:the\s+|our\s+)?[\w-]+\s+had\s+been\s+(?:\w+\s+){0,3}?(?:in|during)\s+(?:testing|a\s+drill|drills|"
    r"rehearsal|staging|game\s*days?)\b[^.;]*\bwe\s+would\s+have\s+(?:known|learned|learnt|seen|found\s+out)\b",
    re.I,
)
_NO_ONE_PERSON = re.compile(
    r"\b(?:no|not\s+(?:any|one))\s+(?:one|single)\s+(?:person|individual|engineer)\b", re.I
)
_POSITIVE = re.compile(
    r"\bconfirmed\s+(?:that\s+)?(?:no|nothing|none)\b|\b(?:helped|saved|faster|quicker|sped|improved|thanks|fixed|restored|recovered|prevented|mitigated|shortened|only\s+took|passed|succeeded|stayed\s+up|held\s+up|unblocked|instead\s+of\s+(?:forty|\d+|hours|days))\b"
    r"|\b(?:kept|held)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:under|below|within|to\s+(?:a|one|two|under))\b|\blimited\s+the\s+(?:impact|damage|blast|outage|downtime|disruption|incident|loss)"
    r"|\b(?:still\s+)?within\s+(?:spec|specification|limits?|tolerances?|thresholds?|budget|(?:the\s+)?slo)\b"
    # a protective act: "hit the emergency stop", "kept everyone clear", "raised the alarm"
    r"|\b(?:hit|pressed|pulled|slammed|pushed)\s+the\s+(?:emergency|e-?stop|fire\s+alarm|big\s+red|kill\s+switch)"
    r"|\bkept\s+(?:everyone|everybody|people|the\s+(?:crowd|public|passengers|patients|kids|children|"
    r"guests|crew|team))\s+(?:clear|safe|back|away|calm)\b|\braised\s+the\s+alarm\b|\bevacuated\b"
    r"|\bcaught\s+(?:it|this|the\s+[\w-]+)\s+(?:early|in\s+time|before)\b",
    re.I,
)


#: taking a part out (and one in its place) ...
_PART_OUT = {
    "swap",
    "replace",
    "remove",
    "pull",
    "reseat",
    "change",
    "isolate",
    "unplug",
    "exchange",
}
#: ... that had failed: a repair
_FAULTY_PART = {
    "faulty", "failed", "failing", "broken", "damaged", "dead", "defective", "blown", "leaking",
    "worn", "cracked", "burnt", "burned", "corrupted", "corrupt", "bad", "malfunctioning",
}  # fmt: skip
_FIX = re.compile(
    r"\b(?:fix(?:ed|es)?|hotfix|patch(?:ed)?|workaround|mitigation|rollback|revert)\b", re.I
)
_PURPOSE = {
    "capture",
    "collect",
    "gather",
    "measure",
    "observe",
    "profile",
    "reproduce",
    "verify",
    "avoid",
    "prevent",
    "mitigate",
    "protect",
    "stop",
    "reduce",
    "limit",
    "contain",
    "free",
    "recover",
    "restore",
    "unblock",
    "investigate",
    "confirm",
    "validate",
    "understand",
    "analyze",
    "analyse",
    "diagnose",
    "figure",
    "find",
    "fix",
    "debug",
}


def _remedy(s: Sentence, verb: Token) -> bool:
    """The act repairs: 'pushed a fixed config', 'turned off the feature to avoid ...',
    'started investigating the root cause'."""
    if lemma(verb) in ("promise", "announce", "offer", "schedule", "plan"):
        return False  # "promised a fix without asking engineering": no repair made
    if re.search(r"\bafter\s+(?:confirming|checking|verifying|validating|testing)\b", s.lower):
        return True  # "raised the rate limit after confirming the backfill was throttled"
    keep = verb if lemma(verb) == "keep" else verb.head if lemma(verb.head) == "keep" else None
    if keep is not None and any(
        c.lower_ in ("updated", "informed", "posted", "briefed", "aware") for c in keep.subtree
    ):
        return True  # "kept Kaito updated by phone while the VPN was down"
    obj = s.object(verb)
    if obj is not None and _FIX.search("".join(t.text_with_ws for t in obj.subtree)):
        return True
    if (
        obj is not None
        and lemma(verb) in _PART_OUT
        and any(c.lower_ in _FAULTY_PART for c in obj.children if c.i < obj.i)
    ):
        return True  # "swapped the faulty card", "replaced the failed pump"
    for c in verb.subtree:
        if (
            lemma(c) in _PURPOSE
            and c.i > verb.i
            and c.i > 0
            and s.doc[c.i - 1].lower_ in ("to", "and")
        ):
            return True  # "turned off the feature to avoid ...", "started to investigate"
        if c.dep_ == "xcomp" and c.head.i == verb.i and lemma(c) in _PURPOSE:
            return True
    return False


#: what followed an act went wrong: "... and it broke checkout", "... and the API started
#: returning 500s", "..., which took the queue down"
_THEN_FAILED = re.compile(
    r"^[^.;]*?\b(?:and|so|which|then|thereby|after\s+which|after\s+this|after\s+that|where)\b[^.;]*?"
    r"\b(?:broke|crashed|failed|errored|misapplied|severed|hammered|exposed|exploited|halted|"
    r"overheated|over-?infused|overdosed|breached|derailed|collided|overflowed|flooded|"
    r"continued\s+to\s+(?:flow|go|be\s+sent|be\s+routed|route)\s+(?:\w+\s+)?to\s+(?:failed|dead|unhealthy|"
    r"broken|the\s+old)|left\s+(?:the\s+|us\s+|them\s+|our\s+)?(?:[\w-]+\s+){0,3}?(?:on\s+a\s+single|"
    r"without|exposed|unprotected|blind)|"
    r"collapsed|vanished|hid|masked|corrupting|wiping|deleting|dropping|detached|removed|"
    r"(?:stopped|ceased)\s+(?:firing|printing|connecting|sending|working)|"
    r"(?:can(?:not|['’]t)|could(?:\s+not|n['’]t)|(?:was|were)\s+unable\s+to)\s+(?:connect|log\s+in|"
    r"load|reach|process|print|start|boot|authenticate|sync|fail\s+over|roll\s+back|recover|restore|"
    r"deploy|get\s+in)|"
    r"(?:began|started)\s+to\s+(?:fail|error|crash|time\s+out|drop|reject)|"
    r"fell\s+over|went\s+(?:down|dark|offline|sideways)|took\s+(?:\w+\s+){0,3}?down|"
    r"(?:started|began|kept)\s+(?:returning|throwing|failing|erroring|crashing|timing\s+out|"
    r"dropping|rejecting|serving\s+(?:errors|5\d\d))|stopped\s+(?:working|responding|serving)|"
    r"locked\s+up|corrupted|wiped|deleted|lost|"
    r"got\s+(?:us|the\s+[\w-]+|our\s+[\w-]+)\s+(?:blocklisted|blacklisted|banned|throttled|suspended|rate-limited|flagged|blocked|paged)|"
    r"(?:latency|latencies|error\s+rates?|errors|p9\d|response\s+times?|cpu|load|queue\s+depth|lag)\s+"
    r"(?:climbed|spiked|jumped|rose|soared|shot\s+up|doubled|tripled|exploded)|"
    r"stopped\s+(?:arriving|syncing|processing|loading|delivering|flowing|resolving)|"
    r"(?:backlogs?|queues?|lag|retries|dead-letter\s+queue)\s+(?:grew|ballooned|built\s+up|piled\s+up|"
    r"mounted|exploded|climbed|spiked)|set\s+off\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:storm|stampede|cascade|outage|"
    r"flood|avalanche|retry\s+storm|thundering\s+herd))\b",
    re.I,
)
_TIMES = re.compile(r"\b(?:twice|three\s+times|four\s+times|\d+\s+times|over\s+and\s+over)\b", re.I)


#: an effect on everything, or on the one thing it must not touch: "sent all traffic to a single
#: backend", "matched every request", "turned it on for 100% of users", "sent writes to the
#: lagging replica"
_BLAST = re.compile(
    r"\b(?:every|all(?:\s+the)?|each)\s+(?:[\w-]+\s+){0,2}?(?:requests?|traffic|users?|customers?|sessions?|"
    r"writes?|reads?|jobs?|hosts?|nodes?|pods?|regions?|tickets?|records?|rows?|accounts?|calls?|"
    r"messages?|invoices?|orders?|payments?|queries|services?|routes?|servers?|instances?|clients?)\b"
    r"|\b100\s*%\s+of\b|\bfor\s+(?:everyone|everybody|every\s+(?:customer|user|tenant))\b"
    r"|\b(?:the|an?)\s+(?:entire|whole)\s+[\w-]+(?:\s+region|\s+fleet|\s+cluster)?\b"
    r"|\b(?:to|at|into|onto)\s+(?:the|a)\s+(?:lagging|wrong|stale|dead|single|old|decommissioned|"
    r"retired|unhealthy|read-only|empty)\s+[\w-]+"
    r"|\b(?:the|out)\s+(?:duplicate|double)\s+[\w-]+|\bcut\s+off\s+(?:traffic|access|connectivity)\b",
    re.I,
)


#: acts that harm by their reach: to send, block or switch off everything is the fault
_REACHING = {
    "send", "route", "redirect", "point", "match", "block", "drop", "delete", "remove", "disable",
    "enable", "turn", "switch", "ship", "release", "expose", "kill", "invalidate", "wipe", "purge",
    "flush", "revoke", "cut", "flip", "push", "log", "deny", "reject", "throttle", "truncate",
}  # fmt: skip


def _blast(s: Sentence, verb: Token) -> bool:
    """What the act did reached everything, or the wrong one (said after the verb, in its own
    clause: "reverted the change, which restored every request" is not it). Reaching everything
    is a fault only for acts that harm by reach ("sent all traffic", not "migrated every
    customer over six weeks"); the wrong target is one for any act."""
    if lemma(verb) in ("be", "have", "see", "notice", "check", "find", "tell", "ask", "page"):
        return False
    after = [t for t in verb.subtree if t.i > verb.i]
    if not after:
        return False
    start, end = after[0].idx, after[-1].idx + len(after[-1].text)
    stop = min(
        (
            t.left_edge.idx
            for t in after
            if t.dep_ in ("relcl", "advcl", "conj", "ccomp") and t.head.i == verb.i
        ),
        default=end,
    )
    m = _BLAST.search(s.text[start:stop])
    if (
        m
        and not re.match(r"(?i)(?:to|at|into|onto|the|out)\b", m.group())
        and lemma(verb) not in _REACHING
    ):
        return False  # everything, reached by an act that does no harm by reach
    return bool(m) or _phrasal(verb) == ("cut", "off")


def _work_did_harm(s: Sentence, work: Token) -> bool:
    """The piece of work is the subject of a harmful act: "Hiroshi's migration script dropped
    the sessions index"."""
    if work.dep_ != "nsubj":
        return False
    verb = work.head
    if verb.dep_ == "aux" and verb.head.pos_ == "VERB":
        verb = verb.head  # "Jin's terraform apply deleted ...": the parser took "apply" for an aux
    if lemma(verb) in s.w["harmful_verbs"] or _phrasal(verb) in _HARMFUL_PHRASAL:
        return True
    if _blast(s, verb) and not _remedy(s, verb):
        return True  # "Mei's edit to the upstream block sent all traffic to a single backend"
    if lemma(verb) == "make" and any(
        c.dep_ == "ccomp"
        and (_faulty_manner(s, c) or _TIMES.search("".join(x.text_with_ws for x in c.subtree)))
        for c in verb.children
    ):
        return True  # "Li's edit to the crontab made the export run three times"
    obj = s.object(verb)
    if (
        obj is not None
        and lemma(verb) in _REMOVAL | _DESTRUCTIVE
        and any(
            r.dep_ == "relcl" and lemma(r) in ("depend", "rely", "need", "use", "require")
            for r in obj.children
        )
    ):
        return True  # "Sven's config push removed the route that the payments cluster depended on"
    obj = s.object(verb)
    if (
        obj is not None
        and lemma(verb) in _PUTTING
        and any(t.lower_ in _BAD_DATA for t in obj.subtree if t.i <= obj.i)
    ):
        return True  # "the data team's pipeline dumped 30 million duplicate rows into ..."
    if obj is None or lemma(verb) not in _DESTRUCTIVE:
        return False
    phrase = "".join(t.text_with_ws for t in obj.subtree)
    return bool(_DATA.search(phrase)) and not _JUNK.search(phrase)


#: acts that put data somewhere, and data that should not have been put there
_PUTTING = {
    "dump", "load", "write", "insert", "push", "send", "publish", "import", "inject", "copy",
    "upload", "emit", "ship",
}  # fmt: skip
_BAD_DATA = {
    "duplicate", "duplicated", "corrupt", "corrupted", "malformed", "invalid", "garbage", "junk",
    "wrong", "incorrect", "bogus", "stale", "truncated", "partial", "unvalidated",
}  # fmt: skip


def _object_did_harm(s: Sentence, verb: Token) -> bool:
    """What the person acted on did the harm: "merged the migration that dropped the index",
    "shipped the config that took checkout down"."""
    obj = s.object(verb)
    if obj is None:
        return False
    for rel in obj.children:
        if rel.dep_ != "relcl" or s.negated(rel) or _modal(rel):
            continue
        lem = lemma(rel)
        if lem in s.w["harmful_verbs"] or _phrasal(rel) in _HARMFUL_PHRASAL:
            return True
        if lem in ("fail", "crash", "break") and rel.tag_ == "VBD":
            return True  # "signed off on a build that failed on launch"
        inner = s.object(rel)
        if inner is None:
            continue
        phrase = "".join(t.text_with_ws for t in inner.subtree)
        if lem in _DESTRUCTIVE and _DATA.search(phrase) and not _JUNK.search(phrase):
            return True
        if lem == "take" and any(c.lower_ in ("down", "offline", "out") for c in rel.children):
            return True
    return False


def _then_went_wrong(s: Sentence, verb: Token) -> bool:
    """What the sentence says followed the act (after its object) went wrong."""
    obj = s.object(verb)
    end = max(t.i for t in obj.subtree) + 1 if obj is not None else verb.i + 1
    if end < len(s.doc) and _THEN_FAILED.search(_SPARED.sub(" ", s.doc[end:].text)):
        return True
    # "disconnected the feed at substation B, which left the hospital on a single supply": the
    # parser hung the clause of what followed on the object
    return obj is not None and any(
        r.dep_ == "relcl"
        and r.left_edge.lower_ == "which"
        and r.left_edge.i > 0
        and s.doc[r.left_edge.i - 1].text == ","
        and bool(_THEN_FAILED.search(s.doc[r.left_edge.i :].text))
        for r in obj.subtree
    )


#: the act as the process has it: "as the deploy tool offers for config-only changes", "as the
#: runbook says"
_SANCTIONED = re.compile(
    r"\bwith\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}(?:approval|sign-?off|go-?ahead|blessing|agreement)\b|"
    r"\bin\s+accordance\s+with\b|\b(?:as\s+)?per\s+the\s+(?:[\w-]+\s+)?(?:runbook|procedure|plan|playbook|policy)\b|"
    r"\b(?:following|followed|follows)\s+the\s+(?:downtime\s+|documented\s+|standard\s+|written\s+|approved\s+)?(?:runbook|procedure|playbook|process|checklist)\b|"
    # an act done as a document said (not "without following the guide"): "isolated the feeder
    # according to the switching schedule", "ran the migration, following the onboarding doc"
    r"(?<!without\s)(?<!not\s)(?<!of\s)(?<!than\s)\b(?:according\s+to|following|as\s+set\s+out\s+in|in\s+line\s+with)\s+"
    r"(?:the|its|their|our|his|her)\s+(?:[\w-]+\s+){0,2}(?:schedule|runbook|procedure|plan|playbook|"
    r"policy|checklist|instructions?|docs?|documentation|document|guide|manual|protocol|"
    r"prescription|work\s+order|sop|wiki|template|drawings?|specification|spec)\b|"
    r"\bas\s+(?:step\s+\d+|part|one\s+step)\s+of\s+(?:the\s+|our\s+)?(?:approved|agreed|planned|documented|signed-?off)\b|"
    r"\bas\s+(?:planned|agreed|scheduled|intended|documented|designed|ordered|prescribed|instructed|briefed)\b|\bas\s+(?:the\s+|our\s+|its\s+)?(?:[\w-]+\s+){0,3}(?:offers|allows|permits|requires|says|recommends|suggests|expects|prescribes|instructs|specifies|specified|required|instructed|stated|presented|showed|displayed|listed)\b(?!\s+(?:nothing|no|not|otherwise)\b)",
    re.I,
)


#: what followed the act was a recovery: "... and errors fell", "..., connection errors stopped"
_RECOVERED = re.compile(
    r"\b(?:errors?|error\s+rates?|latency|latencies|alerts?|5\d\ds|timeouts?|failures?|leak|backlog|lag|"
    r"the\s+(?:spike|storm|alarm|page|issue|problem|queue|outage|incident|disruption))\s+"
    r"(?:stopped|fell|dropped|subsided|cleared|recovered|went\s+away|disappeared|returned\s+to\s+normal|eased|stopped\s+firing|ended)\b"
    r"|\b(?:began|started|begun|starts|begins)\s+(?:to\s+)?(?:shrink|drain|clear|fall|eas|recover|subsid|"
    r"improv|decreas|declin|settl|come\s+down|go\s+down)\w*",
    re.I,
)


#: a failure's onset: "the 502s started", "errors spiked", "checkout began failing"
_FAILURE_ONSET = re.compile(
    r"\b(?:errors?|5\d\ds?|4\d\ds|timeouts?|crash(?:es)?|alerts?|alarms?|outage|failures?|pages|"
    r"complaints|latency|the\s+(?:spike|storm|outage|incident|leak|fire|trip))\s+(?:\w+\s+)?"
    r"(?:started|began|appeared|spiked|jumped|climbed|surged|hit|kicked\s+in|went\s+up|followed)\b"
    r"|\b(?:started|began)\s+(?:failing|erroring|crashing|timing\s+out|returning\s+\d{3}s?|"
    r"rejecting|dropping|leaking)\b",
    re.I,
)


#: the sentence goes on to put the fault on a thing, in a clause of its own: "...; the drug
#: library entry itself was wrong", "... the switching schedule, which listed the breakers in the
#: wrong order", "...; the signal sits on a curve where sighting distance is below the standard"
_THING_AT_FAULT = re.compile(
    r"[;:—–]\s*(?:but\s+)?(?P<thing>(?:the|its|their|that|this)\s+(?:[\w'’-]+\s+){0,4}?)"
    r"(?:itself\s+|themselves\s+)?(?:was|were|is|are|had\s+been|has\s+been|sits|sat|showed|listed|gave|"
    r"said|read)\b[^;.]*?\b(?:wrong|incorrect|faulty|misleading|ambiguous|out\s+of\s+date|outdated|"
    r"mislabell?ed|misconfigured|below\s+(?:the\s+)?(?:standard|spec|minimum|limit))\b"
    r"|\b(?:schedule|runbook|procedure|checklist|docs?|document|documentation|instructions|playbook|"
    r"guide|manual|label|screen|sheet|prompt|form|drawing|chart|sop|template|wiki|page)\s*,\s*which\s+"
    r"[^;.]*?\b(?:wrong|incorrect|misleading|ambiguous|out\s+of\s+date|outdated|without\s+saying|"
    r"never\s+(?:said|mentioned|warned)|did\s+not\s+(?:say|mention|list|warn)|didn['’]t\s+(?:say|mention|list|warn))\b"
    # or what let the slip through: "...; the form let a duplicate through"
    r"|[;:—–]\s*(?:but\s+)?(?P<let>the\s+(?:[\w-]+\s+){0,2}?)(?:let|allowed|permitted)\b",
    re.I,
)


#: what the act led to was good: "..., which limited the impact to 31 orders", "..., which led
#: straight to the cause"
_PROTECTED = re.compile(
    r"\bwhich\s+(?:limited|contained|capped|reduced|minimi[sz]ed)\s+the\s+(?:impact|damage|blast\s+radius|"
    r"outage|downtime|disruption|loss|spread)\b"
    r"|\bwhich\s+(?:led|pointed)\s+(?:us\s+)?(?:straight\s+|directly\s+|quickly\s+)?to\s+the\s+"
    r"(?:cause|root\s+cause|fix)\b"
    # a catch and what it stopped: "noticed the pressure drop and shut it down", "stopped the
    # lift as soon as he saw the load swing", "which prevented a worse outcome"
    r"|\b(?:noticed|spotted|saw|caught|detected)\b[^.;]{0,60}?\band\s+(?:immediately\s+|quickly\s+|promptly\s+)?"
    r"(?:shut|stopped|halted|paused|rolled|isolated|reverted|disabled|raised|escalated|reported|flagged)\b"
    r"|\bas\s+soon\s+as\s+(?:he|she|they|I|we)\s+(?:saw|noticed|spotted|heard)\b"
    r"|\bwhich\s+prevented\s+(?:a\s+)?(?:worse|further|more)\b",
    re.I,
)


def _thing_at_fault(s: Sentence) -> bool:
    """The sentence's own later clause blames a thing, not a person (see _THING_AT_FAULT)."""
    m = _THING_AT_FAULT.search(s.text)
    if m is None:
        return False
    named = next((g for g in ("thing", "let") if m.group(g)), None)
    start, end = m.span(named) if named else m.span()
    return not any(start <= t.idx < end and s.person_kind(t) in ("person", "group") for t in s.doc)


def _harmful(s: Sentence, verb: Token) -> bool:
    """The act went wrong: a harmful verb, a fault adverb, or failure words in the sentence."""
    lem = lemma(verb)
    if (_thing_at_fault(s) or _PROTECTED.search(s.text)) and not any(
        c.lower_ in s.w["fault_adverbs"] for c in verb.children
    ):
        return False
    if (
        _RECOVERED.search(s.text)
        and lem not in s.w["harmful_verbs"]
        and not any(c.lower_ in s.w["fault_adverbs"] for c in verb.children)
        and not _WRONG_WAY.search(s.text)
    ):
        return False  # "Pavel flipped the flag back to 0% at 15:06 and errors fell"
    if _SANCTIONED.search(s.text) and not any(
        c.lower_ in s.w["fault_adverbs"] for c in verb.children
    ):
        return False
    if _faulty_manner(s, verb) or lem in _MIS_VERBS:
        return True
    if _remedy(s, verb) and not _WRONG_WAY.search(s.text) and not _then_went_wrong(s, verb):
        return False  # (but "pushed the hotfix straight to main, bypassing CI" went wrong, and
        # so did "deployed the hotfix and it broke checkout")
    if _MISTAKEN.search(s.text):
        return True  # "deleted the bucket thinking it was the test one", however it parses
    if lem in _TOLD and _MISINFORMED.search(s.text):
        return True  # a false all-clear, or a fault put on the customer, told to them
    if _UNGUARDED.search(s.text):
        return True  # "ran the line with the guard off", "signed off a build that had never run
        # the integration suite": the act done without its safeguard
    if verb.tag_ == "VBZ" and not any(c.lower_ in s.w["fault_adverbs"] for c in verb.children):
        return _failure_context(s)  # a timeline in the present: "00:33 Preston wipes the DB"
    if lem in s.w["harmful_verbs"] or _phrasal(verb) in _HARMFUL_PHRASAL:
        return True
    if any(c.lower_ in s.w["fault_adverbs"] for c in verb.children):
        return True
    if _wrong_target(s, verb):
        return True  # "selected the incorrect flap setting", "opened the wrong breaker"
    obj_made = _object_of(s, verb)
    if (
        obj_made is not None
        and lem in _MAKING | {"flash", "install", "roll", "load", "upload", "launch", "publish"}
        and any(t.lower_ in _MADE_WRONG for t in obj_made.subtree if t.i <= obj_made.i)
    ):
        return True  # "flashed untested images onto the fleet", "shipped a broken build"
    if _blast(s, verb) and not _remedy(s, verb):
        return True  # (not in a timeline's present: "Preston restarts prod-7 and shifts all
        # traffic there" is a step being tried)
    if _object_did_harm(s, verb) or _then_went_wrong(s, verb):
        return True
    if (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in ("after", "when", "once") for c in verb.children)
        and _FAILURE_ONSET.search(s.doc[: verb.left_edge.i].text)
    ):
        return True  # "the 502s started right after Dmitri merged his branch": the failure's
        # onset told first, the act after it
    # (in the passive, what was acted on is the subject: "the firewall rule had been deleted")
    obj = _object_of(s, verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if lem in _DESTRUCTIVE and obj is not None:
        phrase = "".join(t.text_with_ws for t in obj.subtree)
        if (
            _DATA.search(phrase)
            and not _JUNK.search(phrase)
            and not re.search(
                r"no\s+longer\s+(?:in\s+use|needed|used)|not\s+in\s+use|unused", s.text, re.I
            )
        ):
            return True  # "dropped the orders table"
    if lem == "leave" and any(
        c.lower_
        in (
            "open",
            "exposed",
            "unlocked",
            "unpatched",
            "unencrypted",
            "public",
            "running",
            "enabled",
            "on",
            "behind",
            "unattended",
            "world-readable",
            "readable",
            "writable",
            "world-writable",
            "accessible",
            "unprotected",
            "wide",
            "off",
            "unplugged",
            "disconnected",
            "disabled",
            "blank",
            "empty",
            "incomplete",
            "half-done",
            "half-finished",
        )
        or (
            c.lower_.startswith("un")
            and c.lower_.endswith("ed")
            and (
                c.dep_ in ("oprd", "acomp")
                or c.dep_ == "amod"
                and c.head.i < c.i
                and c.head.head.i == verb.i
            )
        )  # ("left the fridge log unsigned", the state read as an adjective after its noun)
        for c in verb.subtree
    ):
        return True  # "left the debug endpoint open", "left a bucket world-readable", "left
        # the certificate unrenewed"
    if (
        lem == "leave"
        and re.search(r"\bin\s+place\b", s.lower)
        and re.search(
            r"\b(?:expired|expiring|broken|stale|revoked|compromised|leaked|vulnerable)\b", s.lower
        )
    ):
        return True  # "the expired certificate was left in place by the platform lead"
    if lem == "cause" and obj is not None:
        return True  # "caused the incident"
    if (
        lem in ("perform", "carry", "conduct", "execute", "do", "make")
        and obj is not None
        and obj.dep_ == "nsubjpass"
        and obj.lower_ in _DESTROYING
    ):
        # "the deletion of the patient-allocation table was performed by Ms. Lindqvist": the
        # act named by its noun
        of = " ".join(t.text for c in obj.children if c.lower_ == "of" for t in c.subtree)
        if _DATA.search(of) and not _JUNK.search(of):
            return True
    if _switched_off_safeguard(s, verb, obj):
        return True  # "overrode the change freeze", "silenced the disk alert" (not "silenced the
        # duplicate alerts")
    if any(
        c.dep_ == "conj" and any(g.lower_ == "never" for g in c.children) for c in verb.children
    ):
        return True  # "disabled the rate limiter and never turned it back on"
    if lem in _REMOVAL and obj is not None:
        # "restarted the stuck workers", "removed the bad node": cleaning up after a failure
        phrase = "".join(t.text_with_ws for t in obj.subtree)
        if _JUNK.search(phrase):
            inside = {t.i for t in obj.subtree}
            rest = "".join(t.text_with_ws for t in s.doc if t.i not in inside)
            return _failure_context(_Text(rest, s))
    return _failure_context(s)


_WRONG_ONE = {"wrong", "incorrect", "erroneous", "mistaken"}


def _wrong_target(s: Sentence, verb: Token) -> bool:
    """The act was done to the wrong thing: its object, or what it was done to or on ("pulled
    the wrong cable", "ran it on the wrong replica"), is called the wrong one. (Not finding the
    wrong one: "noticed the wrong version in the dashboard"; nor "did nothing wrong".)"""
    if lemma(verb) in _SEEING:
        return False
    targets = [_object_of(s, verb)] + [
        g
        for c in verb.children
        if c.dep_ == "prep"
        and c.lower_ in ("to", "on", "in", "into", "onto", "against", "at", "for", "from", "under")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if any(t is not None and t.dep_ == "pobj" and t.lower_ in _WRONG_ONE for t in targets[1:]):
        return (
            True  # "booked the pitch for the wrong Saturday": the parser took "wrong" for the noun
        )
    return any(
        t is not None
        and t.lower_ not in ("nothing", "anything", "something", "everything")
        and any(
            c.dep_ == "amod" and c.lower_ in _WRONG_ONE
            for c in [*t.children, *(g for p in t.children if p.dep_ == "poss" for g in p.children)]
        )  # ("hung the bag on the wrong patient's pump")
        for t in targets
    )


#: finding, saying or thinking about the wrong one is not acting on it
_SEEING = {
    "notice", "see", "spot", "find", "detect", "flag", "report", "catch", "identify", "discover",
    "realise", "realize", "suspect", "say", "think", "know", "look", "point", "mention", "show",
    "confirm", "note", "observe", "warn", "tell", "ask", "explain", "describe", "highlight",
}  # fmt: skip


#: acts that name their own fault: "misread the dashboard", "mislabelled by a technician"
_MIS_VERBS = {
    "misread", "mislabel", "misconfigure", "mistype", "misjudge", "misroute", "misplace",
    "mishandle", "misinterpret", "misclassify", "misapply", "mistag", "misdirect", "misspell",
    "misremember", "misunderstand", "mis-type", "misenter", "mis-enter", "miscount", "miskey",
}  # fmt: skip
#: the state the system was in while someone acted on it: "while the build was red"
_BAD_STATE = re.compile(
    r"\b(?:red|failing|broken|down|degraded|unhealthy|in\s+progress|still|frozen|under\s+load|"
    r"in\s+effect|in\s+force|mid-\w+|running|paging|firing|alerting|on\s+fire|in\s+(?:a\s+)?freeze)\b",
    re.I,
)
#: what had not yet happened when someone acted: "before the tests had finished", "before capacity
#: was added", "before review was complete"
_NOT_DONE = re.compile(
    r"\b(?:finished|completed?|done|ready|approved|reviewed|tested|merged|passed|signed\s+off|"
    r"caught\s+up|in\s+place|added|provisioned|drained|backed\s+up|verified|green|shipped|landed|"
    r"released|rolled\s+out|out)\b",
    re.I,
)


#: what people owe each other before acting: to act without it is the fault
_COURTESIES = {
    "tell", "warn", "notify", "inform", "ask", "check", "test", "coordinate", "mention",
    "consult", "announce", "review", "verify", "confirm", "wait", "alert", "escalate",
}  # fmt: skip


def _faulty_manner(s: Sentence, verb: Token) -> bool:
    """How the act was done is the fault, said in the grammar of the clause rather than a
    judgement word: against a reason not to ("signed off on the build even though the tests were
    skipped"), too soon ("launched the campaign before capacity had been added"), into a bad state
    ("kept merging while the build was red"), on the wrong thing ("ran the patch on the wrong set
    of hosts"), or twice ("uploaded the rate table twice")."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.i > verb.i:
            marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
            clause = "".join(t.text_with_ws for t in c.subtree)
            if marks & {"though", "although"}:
                return True
            if "before" in marks and (
                any(a.dep_ == "aux" and a.lower_ in ("had", "'d") for a in c.children)
                or (_NOT_DONE.search(clause) and not s.negated(c))
            ):
                return True
            if "while" in marks and _BAD_STATE.search(clause):
                return True
        if (
            c.dep_ == "advmod"
            and c.lower_ == "twice"
            and s.person_kind(s.subject(verb)) in ("person", "group")
            and not re.search(
                r"\btwice\s+(?:\w+\s+){0,3}?to\s+(?:confirm|verify|check|test|reproduce|make\s+sure|be\s+sure|compare)\b",
                s.text,
                re.I,
            )
        ):  # (but "ran the script twice to confirm the output" is care)
            return True  # (but "the data team's nightly job ran twice" is the job's doing)
        if (
            c.dep_ == "prep"
            and c.lower_ == "without"
            and any(g.dep_ == "pcomp" and lemma(g) in _COURTESIES for g in c.children)
        ):
            return True  # "changed the schema without telling the consumers", "released
            # without coordinating with backend", "handed over without mentioning the replica"
    subj = s.subject(verb)
    skip = {t.i for t in subj.subtree} if subj is not None else set()
    for t in verb.subtree:
        if t.i in skip or t.i <= verb.i:
            continue
        if (
            t.lower_ in ("wrong", "incorrect")
            and t.dep_ == "amod"
            and t.head.pos_ in ("NOUN", "PROPN")
        ):
            # (in what the person acted on, not a clause of its own: "ran the script, which
            # picked the wrong host" is the script's doing)
            if not any(a.dep_ in ("relcl", "advcl", "ccomp") for a in t.ancestors if a.i > verb.i):
                return True
    return False


class _Text:
    """A stand-in sentence for the failure-word test on part of a sentence."""

    def __init__(self, text: str, s: Sentence) -> None:
        self.text, self.lower, self.w = text, text.lower(), s.w


#: the sentence says where a failure came from: "the incident originated from a command executed
#: by Ji-woo", "the drift is attributable to changes made on the servers by Tomás"
_CAME_FROM = re.compile(
    r"\b(?:incident|outage|failure|data\s+loss|loss|problem|issue|downtime|drift|breach|defect|"
    r"regression|corruption|misrouting|misrouted\s+traffic|spike|errors)\s+(?:was\s+|is\s+)?"
    r"(?:originated|resulted|stemmed|came|arose|followed|attributable|traced|due)\s+(?:from|to|back\s+to)?\b",
    re.I,
)


def _failure_context(s: Sentence) -> bool:
    """Words in the sentence that say something went wrong."""
    if _TOOK_DOWN.search(s.text) or _EXPOSED.search(s.text) or _MISTAKEN.search(s.text):
        return True
    if _REMOVED_RELIED_ON.search(s.text):
        return True  # "removed the NAT gateway that the batch cluster depended on"
    if _CAME_FROM.search(s.text):
        return True
    if _CAUSAL.search(_SPARED.sub(" ", s.text)):
        return not _POSITIVE.search(s.text)  # "his change is why recovery took four minutes"
    if (
        re.search(
            r"\binstead\s+of\b|\bin\s+place\s+of\b|\brather\s+than\s+(?!one\s+at\s+a\s+time)",
            s.lower,
        )
        or _WRONG_WAY.search(s.text)
        or _off_time(s)
    ):
        return True
    found = _words(s) & s.w["failure_words"]
    if found:
        spared = set(
            re.findall(
                r"[a-z0-9]+", " ".join(m.group(m.lastindex or 0) for m in _SPARED.finditer(s.lower))
            )
        )
        found -= spared  # "so no requests were lost": the failure the act avoided
    if "peak" in found and re.search(r"\boff[\s-]peak\b", s.lower):
        found.discard("peak")  # "moved the job to off-peak hours"
    if "regression" in found and re.search(
        r"\bregression\s+(?:suite|tests?|testing|run|pack|checks?|job)\b", s.lower
    ):
        found.discard("regression")  # "ran the regression suite": a kind of test
    if found == {"down"}:  # "shut down", "scaled down" name the act, not a failure
        return False
    if found and re.search(r"\bwithin\s+(?:spec|specification|limits?|tolerances?)\b", s.lower):
        return False  # "… because the defect rate was still within spec": it was fine then
    if found == {"without"}:
        return bool(
            re.search(
                r"\bwithout\s+(?!(?:losing|dropping|missing|breaking|spilling|hurting|harming|injuring|"
                r"damaging|interrupting|disrupting|affecting)\b)"
                r"(?:first\s+|even\s+|properly\s+|any\s+|a\s+|the\s+)?(?:(?:required|necessary|mandatory|usual|second|proper|agreed|standard)\s+){0,2}(?:\w+ing\b|test|review|check|approv|sign-?off|confirmation|permission|warning|notice|backup|canary|rollback|ticket|change|heads-?up|evals?\b|evaluation|investigat|a\s+second\s+look)",
                s.lower,
            )
        )
    return bool(found)


#: a failure said not to have happened: "so no requests were lost", "without losing data"
_SPARED = re.compile(
    r"\b(?:so|and|with|meaning|ensuring|so\s+that)\s+(?:no|zero|none\s+of\s+the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:was|were|got|had\s+been|has\s+been|have\s+been)\s+((?:[\w-]+\s+)?[\w-]+)"
    r"|\bwithout\s+((?:losing|dropping|breaking|corrupting)\b)",
    re.I,
)


_REMOVED_RELIED_ON = re.compile(
    r"\b(?:removed|deleted|dropped|disabled|revoked|stopped|killed|shut\s+down|decommissioned|"
    r"deprovisioned|detached|unmounted)\b[^.;]*\b(?:that|which)\s+(?:the\s+|our\s+|every\s+|all\s+)?"
    r"(?:[\w-]+\s+){0,3}(?:depended|relied|depends|relies)\s+on\b",
    re.I,
)
#: an act at the wrong time or not as ordered: "gave the second dose forty minutes early",
#: "a week late", "dispensed 50 mg where 5 mg had been prescribed"
_OFF_TIME = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|fifty|sixty|several|"
    r"a\s+few|a\s+couple\s+of)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|shifts?)\s+"
    r"(?:too\s+)?(?:early|late|premature(?:ly)?|too\s+soon)\b"
    r"(?![^.;]*\b(?:because|due\s+to|owing\s+to|as\s+a\s+result|so\s+that|to\s+(?:avoid|catch|beat|get\s+ahead))\b)"
    r"|\bwhere\s+(?:[\w-]+\s+){1,4}?(?:had\s+been|was|were)\s+(?:prescribed|ordered|requested|specified|"
    r"booked|agreed|asked\s+for|scheduled|planned)\b",
    re.I,
)
#: what is done early to keep harm away: "renewed the certificates a week early"
_EARLY_IS_CARE = {
    "renew", "rotate", "patch", "upgrade", "finish", "complete", "arrive", "prepare", "warn",
    "notify", "alert", "book", "order", "test", "check", "back", "replace",
    "escalate", "page", "call", "report", "submit", "file", "update", "refresh", "extend",
}  # fmt: skip


def _off_time(s: Sentence) -> bool:
    m = _OFF_TIME.search(s.text)
    if m is None:
        return False
    care = _EARLY_IS_CARE | set(s.w["remedy_verbs"])
    if re.search(r"\bearly\b", m.group(0), re.I) and any(
        t.pos_ == "VERB" and lemma(t) in care for t in s.doc
    ):
        return False  # ("the storage team renewed the certificates a week early")
    return True


#: how an act went wrong without a failure word: "with services still in it", "against the live
#: shard", "all at once rather than one at a time", "yet again", "and went back to sleep"
_WRONG_WAY = re.compile(
    r"\bstill\s+(?:in\s+(?:it|them|use)|on\b|running|attached|enabled|live|pointing|using|serving|mounted)"
    r"|\bagainst\s+(?:the\s+)?(?:live|prod|production|primary|real)\b|\bapproved\s+(?:his|her|their|my)\s+own\b|\bpoint(?:ed|ing)?\s+(?:at|to)\s+the\s+(?:old|wrong|stale|decommissioned|retired)\b|\bto\s+zero\b|\b(?:hadn['’]t|had\s+not|wasn['’]t|was\s+not)\s+(?:finished|passed|been\s+(?:tested|reviewed|approved))\b|\brather\s+than\s+one\s+at\s+a\s+time\b|\b(?:all|every|each)\s+(?:[\w-]+\s+){0,2}at\s+once\b"
    r"|\bcontrary\s+to\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:policy|procedure|runbook|"
    r"matrix|process|guidance|instructions?|rules?|protocol|standards?|advice|checklist)\b"
    r"|\bdespite\s+(?:\w+\s+){0,3}(?:reminders?|warnings?|requests?|objections?|notices?|escalations?)\b"
    r"|\bwithout\s+the\s+(?:second|required|mandatory|necessary)\s+(?:signature|sign-?off|approval|review|signatory|"
    r"countersignature|approver|checker|check|witness)\b"
    r"|\bwith\s+the\s+(?:[\w-]+\s+){0,2}?(?:only\s+)?(?:half|partly|partially|not\s+fully)\s+(?:extended|deployed|"
    r"closed|open|opened|engaged|secured|locked|connected|tightened|inflated|fitted)\b"
    r"|\band\s+told\s+(?:nobody|no\s+one|no-one)\b"
    r"|\bwith\s+(?:the\s+|a\s+|an\s+)?(?:old\s+)?hard-?coded\s+(?:staging|test|dev|debug|old|sandbox)\b"
    r"|\bwith\s+(?:the\s+|a\s+)?(?:old\s+|staging\s+|test\s+)?(?:[\w-]+\s+){0,2}(?:keys?|passwords?|secrets?|"
    r"credentials?|endpoints?|urls?)\s+hard-?coded\b"
    r"|\bwith\s+(?:zero|no|little)\s+(?:notice|warning|heads-?up|communication)\b"
    r"|\band\s+(?:didn['’]t|did\s+not|never)\s+(?:re-?(?:enable|arm|instate|start|connect|attach|apply)|restore|"
    r"turn\s+(?:it|them)\s+back\s+on|put\s+(?:it|them)\s+back)\w*\b"
    r"|\bwhere\s+(?:the\s+)?[\w-]+\s+(?:said|specified|required|read|showed|stated)\b|\bat\s+danger\b"
    r"|\bwhile\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}(?:was|were)\s+(?:still\s+)?(?:trapped|stuck|inside|"
    r"working\s+on|on\s+the\s+(?:track|line))\b"
    r"|\bwithout\s+(?:a\s+|any\s+)?(?:word|warning|notice|heads-?up)\b|\band\s+said\s+nothing\b"
    r"|\byet\s+again\b|\bback\s+to\s+(?:sleep|bed)\b|\beven\s+though\b[^.;]*\b(?:flagged|warned|objected|failed|blocked|rejected)\b|\b(?:queues?|requests|jobs|messages|traffic|work|builds)\s+backed\s+up\b|\btwice\s+in\s+a\s+row\b|\bwith\s+no\s+(?:where|review|tests?|testing|backup|rollback|canary|approval|plan|down-?migration)\b"
    r"|\bwithout\s+(?:a\s+|any\s+)?(?:[\w-]+\s+)?(?:down-?migration|rollback\s+plan|backups?|reviews?|approvals?|sign-?offs?|canary|ticket|tests|testing|plan)\b(?!\s+(?:fail|failing|failed|breaking|broke|flak))"
    r"|\b(?:straight|directly)\s+(?:to|into|on)\s+(?:main|master|prod|production|the\s+primary|live)\b"
    r"|\boutside\s+(?:of\s+)?(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:pipeline|change\s+process|process|"
    r"terraform(?:\s+cloud)?|ci|review|change\s+window|maintenance\s+window|procedure|runbook)\b"
    r"|\b(?:ran|run|applied|sent|charged|executed|deployed|triggered|started)\s+(?:[\w-]+\s+){0,4}twice\b"
    r"(?!\s+(?:\w+\s+){0,3}?to\s+(?:confirm|verify|check|test|reproduce|make\s+sure|be\s+sure|compare))|\bdouble-(?:charg|bill|send|post|pay|process)\w*"
    r"|\bbefore\s+(?:QA|review|testing|the\s+tests?|the\s+review|the\s+backup|the\s+canary|ci|the\s+soak)\s+(?:had\s+|was\s+|were\s+)?(?:finished|completed|done|passed|run|ended)\b"
    # a step taken before the answer it waited for: "before receiving clearance", "before the
    # ID check came back" (not "forty minutes early": "renewed the certificates a week early")
    r"|\bbefore\s+(?:receiving|getting|obtaining|waiting\s+for|hearing\s+back\s+from)\s+(?:the\s+|any\s+|a\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:clearance|approval|authori[sz]ation|sign-?off|all[\s-]clear|confirmation|results?|"
    r"go-?ahead|permission|read-?back)\b"
    r"|\bbefore\s+the\s+(?:[\w-]+\s+){0,2}?(?:check|test|result|results|reading|scan|verification|call)\s+"
    r"(?:came|had\s+come)\s+back\b"
    # done before the check it waited on: "sealed trailer 44 before the last pallets were
    # scanned", "opened valve 14 prior to the pressure reading being confirmed"; done without
    # the step: "without checking deps", "without a parallel run"
    r"|\b(?:before|prior\s+to)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|all\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:was|were|had\s+been|had|being|been|got)\s+(?:fully\s+|properly\s+)?(?:scanned|confirmed|verified|signed(?:\s+off)?|"
    r"approved|checked|tested|reviewed|completed|finished|passed|drained|isolated|cleared|countersigned|"
    r"authori[sz]ed|inspected|backed\s+up|agreed)\b"
    r"|\bbefore\s+(?:the\s+)?(?:tests?|ci|checks?|build)\s+(?:finish|finished|complete|completed|pass|passed)\b"
    r"|\bwithout\s+(?:first\s+)?(?:checking|draining|testing|verifying|confirming|reviewing|scanning|backing\s+up|"
    r"telling|asking|notifying|isolating|locking\s+out)\b"
    r"|\bwithout\s+(?:a\s+|any\s+)?(?:parallel|dry|test|trial)\s+run\b"
    r"|\btoo\s+(?:early|soon|late)\b(?!\s+to\b)"
    r"|\bcost\s+us\b|\bknowing\s+(?:that\s+)?(?:it|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:was|were|had\s+been)\s+(?:red|failing|broken|down|unsafe|untested|risky|flaky)\b"
    r"|\bmade\s+(?:things|it|matters|everything|the\s+[\w-]+)\s+(?:much\s+|far\s+|a\s+lot\s+)?worse\b|\bnothing\s+worked\b|\bwith\s+no\s+(?:notice|warning|heads-?up|announcement)\b"
    r"|\bassumed\s+(?:that\s+)?(?:it|this|they|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:had|was|were|would)\b"
    r"|\b(?:despite|in\s+spite\s+of|regardless\s+of|notwithstanding)\s+(?![^.;]*\b(?:false\s+positives?|noisy|flapping|spurious|known\s+issue)\b)(?:the\s+|a\s+|an\s+|our\s+|two\s+|three\s+|several\s+|multiple\s+)?(?:[\w-]+\s+){0,2}?(?:freeze|warnings?|objections?|alerts?|alarms?|runbook|policy|concerns?|red|failing|failed|errors?|being\s+(?:told|asked|warned)|flagged|pages?|canar(?:y|ies)\s+(?:failing|red))\b"
    r"|\bwarned\b[^.;]*\b(?:anyway|regardless|nonetheless|all\s+the\s+same)\b|\b(?:during|in)\s+(?:business|working|office|peak)\s+hours\b|,\s*(?:locking|wiping|corrupting|deleting|knocking|overloading|saturating|exhausting|stalling|overwriting|breaking|dropping|destroying|erasing|clobbering|losing|exposing|leaking)\b"
    r"|,\s*(?:bypassing|skipping|circumventing|overriding|ignoring)\s+(?:the\s+)?(?:ci|review|tests?|checks?|canary|approval|gate|freeze|staging|qa|pipeline|linter)\b"
    r"|\bwhile\s+(?:the\s+|its\s+|a\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:was|were)\s+still\s+(?:\d+\s+\w+\s+)?(?:behind|lagging|running|syncing|in\s+progress|serving|copying|rebuilding|catching\s+up)\b"
    r"|\b(?:sent|routed|pointed|directed|redirected|forwarded)\s+(?:[\w-]+\s+){0,4}?to\s+the\s+(?:old|wrong|stale|decommissioned|retired|previous|dead)\b"
    r"|\b(?:staging|test|dev|sandbox)\s+(?:[\w-]+\s+){0,2}?(?:into|to|on|in)\s+(?:the\s+)?(?:production|prod|live|release\s+build)\b"
    r"|\b(?:production|prod|live)\s+(?:[\w-]+\s+){0,2}?(?:into|to|on|in)\s+(?:the\s+)?(?:staging|test|dev|sandbox)\b"
    r"|\bcould(?:n['’]t|\s+not)\s+even\b|\bhalf-(?:finished|done|tested|reverted|applied|migrated|implemented|written|complete|deployed|rolled)\b"
    r"|,\s*(?:reverting|undoing|invalidating|orphaning|resetting|erasing|clobbering|nuking|logging\s+out|kicking\s+out)\b"
    r"|\b(?:to|on|across|in)\s+(?:every|all|each)\s+(?:[\w-]+\s+){0,2}?(?:simultaneously|at\s+the\s+same\s+time)\b"
    r"|\boutside\s+(?:the\s+|a\s+|any\s+|an\s+approved\s+)?(?:change|maintenance|deploy(?:ment)?)\s+window\b"
    r"|\bbypass(?:ed|ing)?\s+(?:the\s+)?(?:staging|canary|review|ci|qa|approval|change\s+process|pipeline)\b"
    r"|\b(?:went|go|going|goes|jumped|skipped)\s+(?:straight\s+|right\s+)?past\s+(?:the\s+)?(?:canary|review|staging|gate|checks?|approval|soak)\b"
    r"|\b(?:production|prod|live)\s+(?:[\w-]+\s+){0,2}?with\s+(?:the\s+)?(?:test|staging|dev|sample|dummy)\s+(?:data|fixtures|records|rows)\b"
    r"|\b(?:outdated|stale|old|wrong|previous)\s+(?:snapshot|backup|image|version|config|build)\s+(?:over|onto|into)\s+(?:the\s+)?(?:live|production|prod|primary)\b"
    r"|\bbefore\s+(?:the\s+)?(?:replication|replicas?|sync|backup|migration|snapshot|drain|canary|soak)\s+(?:had\s+)?(?:caught\s+up|finished|completed|been\s+taken|drained|passed)\b"
    r"|\b(?:staging|test|dev|sandbox|debug)\s+(?:[\w-]+\s+){0,2}(?:baked|hard-?coded|left|compiled|bundled)\s+in\b"
    r"|\bto\s+(?:a|his|her|their|my|an?\s+unapproved)\s+personal\s+[\w-]+"
    r"|\bran\s+out\s+of\s+(?:connections|memory|disk|space|file\s+descriptors|threads|capacity|quota|ips|addresses)\b"
    r"|\bmid-(?:peak|backup|migration|deploy|deployment|failover|restore|sync|rebuild|reindex|checkout)\b"
    r"|\b(?:on|at\s+\d+\s*(?:pm|p\.m\.)\s+on)\s+a\s+friday\b|\bover\s+a\s+(?:holiday|long|bank\s+holiday)\s+weekend\b"
    r"|\bleft\s+(?:nobody|no\s+one|no-one)\s+(?:watching|on\s+call|monitoring|looking)\b"
    r"|\bleft\s+(?:the\s+rest\s+of\s+us|us|everyone|everybody|the\s+on-?call|customers)\s+to\s+(?:find\s+out|"
    r"discover|deal\s+with|clean\s+up|pick\s+up\s+the\s+pieces)\b"
    r"|\bwith\s+no\s+(?:backoff|back-off|jitter|timeouts?|rate\s+limit|limit|validation|locks?|where\s+clause|"
    r"guard|confirmation)\b|\bonly\s+on\s+(?:half|some|part|one)\s+of\b|\bon\s+only\s+(?:half|some|part)\b"
    r"|\b(?:replaced|replacing|swapped|swapping|overwrote|overwriting)\b[^.;]*?\bwith\s+(?:the|a|an|our|its)\s+"
    r"(?:old|stale|staging|test|dev|sandbox|expired|wrong|previous|outdated|revoked)\s+(?:one|ones|version|copy|[\w-]+)\b",
    re.I,
)
#: safeguards: to switch one off, or go round it, is an act that went wrong by itself
_SAFEGUARDS = {
    "freeze", "review", "gate", "check", "checks", "approval", "guardrail", "guardrails", "hook",
    "hooks", "alert", "alerts", "alarm", "alarms", "monitor", "monitoring", "breaker",
    "safeguard", "safeguards", "protection", "limiter", "limit", "limits", "lock", "backup",
    "backups", "replication", "validation", "tests", "canary", "paging", "pager", "verification",
    "authentication", "encryption", "firewall", "tls", "ssl", "rule", "rules", "policy",
    "procedure", "checklist", "control", "controls", "two-person", "sign-off", "interlock",
    "interlocks", "detector", "detectors", "sprinkler", "sprinklers", "guarding",
}  # fmt: skip


def _not_yet(verb: Token) -> bool:
    """'had not yet installed': a status, no lapse (but 'pushed it to production yet again' is
    a habit)."""
    return any(
        c.lower_ == "yet"
        and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ in ("again", "another"))
        for c in verb.children
    )


def _kept_doing(verb: Token) -> bool:
    """'The billing team keeps breaking invoicing': a habit, read as an act."""
    return verb.tag_ == "VBG" and verb.dep_ == "xcomp" and lemma(verb.head) in ("keep", "continue")


def _active_conj(verb: Token) -> bool:
    """An active verb joined to a passive one shares its subject as its agent: "Marco was
    warned about the lock and ran the migration anyway"."""
    return verb.dep_ == "conj" and not any(c.dep_ == "auxpass" for c in verb.children)


def _ellipsis_of_modal(s: Sentence, verb: Token) -> bool:
    """A bare "did not" that stands for an earlier "would have ...": "pushed a fixed config that
    would have removed the traffic but, due to the failures, did not" (the config did not)."""
    if lemma(verb) != "do" or not s.negated(verb):
        return False
    if any(c.dep_ in ("dobj", "xcomp", "ccomp", "attr") for c in verb.children):
        return False
    earlier = [t for t in s.doc[: verb.i] if t.pos_ == "VERB" and t.dep_ != "aux"]
    return bool(earlier) and _modal(earlier[-1])


def _did_nothing(verb: Token) -> bool:
    if lemma(verb) == "take" and any(
        c.dep_ == "dobj"
        and c.lower_ in ("action", "steps", "step")
        and any(g.lower_ == "no" for g in c.children)
        for c in verb.children
    ):
        # "closed the ticket as a duplicate and took no further action" (but not "took no
        # action because the alert resolved itself": the reason is given)
        return not re.search(r"\b(?:because|since|as\s+the)\b", verb.doc.text[verb.idx :], re.I)
    if lemma(verb) == "do" and any(
        c.lower_ in ("nothing", "zilch")
        and not any(
            g.lower_ in ("wrong", "unusual", "different", "improper", "unsafe", "incorrect")
            for g in c.children
        )  # (not "did nothing wrong")
        and not (
            c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ in ("wrong", "unusual", "different")
        )
        for c in verb.children
    ):
        return True
    if lemma(verb) == "watch" and any(
        c.dep_ in ("ccomp", "xcomp")
        and lemma(c) in ("burn", "fail", "die", "sink", "crash", "melt")
        for c in verb.children
    ):
        return True  # "everyone on the bridge just watched it burn"
    # (after a verb of watching the parser hangs "and did nothing" on what was watched: "the
    # NOC watched the graphs go red and did nothing")
    watching = lemma(verb) in ("watch", "see", "look", "observe", "stare", "notice")
    return any(
        _did_nothing(c)
        for c in verb.children
        if c.dep_ == "conj" or (watching and c.dep_ == "ccomp")
    )


def _esl_past(verb: Token) -> bool:
    """ "Priya was restart the primary", "Wei is change the DNS record": a past told with "was" or
    "is" and the verb's base form, as second-language English often tells it (the parser reads a
    passive; a passive would have the participle: not "was cut", "was set")."""
    if verb.tag_ != "VB" or not any(c.dep_ == "dobj" for c in verb.children):
        return False
    lem = lemma(verb)
    return (
        verb.lower_ == lem
        and inflect(lem, "VBN") != lem
        and any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "is", "are")
            for c in verb.children
        )
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _past_act(verb: Token) -> bool:
    if verb.tag_ == "VBD" or _esl_past(verb):
        return True
    if (
        verb.tag_ in ("VB", "VBP", "VBN", "NN")
        and verb.lower_.replace("-", "") == inflect(lemma(verb), "VBD").replace("-", "")
        and verb.lower_ != lemma(verb)
    ):
        return True  # "Kwame overwrote/VBP": the tagger's slip on an irregular past (and
        # lemminflect's "over-wrote")
    if (
        verb.tag_ in ("VB", "VBP")
        and verb.lower_ == lemma(verb) == inflect(lemma(verb), "VBD")
        and any(t.tag_ == "VBD" for t in verb.doc)
        and not _modal(verb)
    ):
        return True  # "@arjun-k reset the offsets, so every message replayed": a past told
        # in the past, with a verb whose past is its base form (set, reset, put, cut)
    if (
        verb.tag_ in ("VB", "VBP")
        and verb.lower_ == lemma(verb) == inflect(lemma(verb), "VBD")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in verb.children)
    ):
        return True  # "the outsourced helpdesk reset the password": a singular subject would
        # have "resets" in the present
    if (
        verb.tag_ == "VBG"
        and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "was", "were") for c in verb.children)
        and any(
            c.lower_ in ("always", "constantly", "forever", "continually") for c in verb.children
        )
    ):
        return True  # "the backend team is always breaking the mobile app": a habit
    if (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and verb.head.tag_ == "VBD"
        and verb.head.dep_ == "ROOT"  # (not "... an actor that saturated the service, crashing it")
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
    ):
        return True  # "Oksana restored the wrong snapshot, wiping a day of orders"
    if (
        verb.tag_ == "VB"
        and verb.dep_ == "xcomp"
        and verb.head.lower_ == "able"
        and verb.head.head.lower_ in ("was", "were")
    ):
        return True  # "how a single engineer was able to wipe the billing database"
    if (
        verb.tag_ == "VB"
        and verb.dep_ == "xcomp"
        and verb.head.tag_ == "VBD"
        and lemma(verb.head) in ("decide", "choose", "opt", "elect", "proceed", "go", "try", "use")
    ):
        return True  # "Beatriz decided to skip the canary": the act she chose
    if (
        verb.tag_ == "VBN"
        and verb.dep_ == "ROOT"
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    ):
        return True  # "The mobile team shipped without ...": a past tense read as a participle
    if verb.tag_ == "VBN" and any(
        c.lower_ in ("had", "has", "have", "'d") for c in verb.children if c.dep_ == "aux"
    ):
        return True
    return verb.tag_ == "VBZ" and verb.pos_ == "VERB"


def _change_made(s: Sentence, verb: Token) -> bool:
    """'The flag flip that exposed the prices was made by Lucía', 'a manual change made by an
    administrator', 'an edit that Arash made': a change, made by someone."""
    if lemma(verb) not in ("make", "do", "carry", "perform", "author", "write"):
        return False
    if verb.dep_ in ("acl", "relcl") and lemma(verb.head) in s.w["work_nouns"]:
        return True
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subj is not None and lemma(subj) in s.w["work_nouns"]


def _passive_agent(verb: Token) -> Token | None:
    """Who a passive names as the one who acted ("... was left unrenewed by the on-call
    engineer": the parser may hang "by" on the word after the verb)."""
    holders = [verb, *(c for c in verb.children if c.dep_ in ("oprd", "acomp"))]
    found = next(
        (
            g
            for h in holders
            for c in h.children
            if c.dep_ == "agent"
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )
    if found is None and any(c.dep_ == "auxpass" for c in verb.children):
        # "were committed to a public repository by the intern": the parser hung "by" on the
        # place the thing was put
        found = next(
            (
                g
                for p in verb.children
                if p.dep_ == "prep" and p.lower_ in ("to", "into", "on", "onto", "in")
                for o in p.children
                if o.dep_ == "pobj"
                for c in o.children
                if c.dep_ == "prep" and c.lower_ == "by"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
    return found


#: making or leaving a thing, in the passive: what was made says whether it went wrong
_MAKING = {
    "add", "write", "create", "introduce", "set", "configure", "make", "build", "commit",
    "author", "push", "merge", "put", "change", "edit", "enter", "type", "copy", "paste",
    "approve", "leave", "hardcode", "hard-code", "insert", "apply", "deploy", "ship",
}  # fmt: skip
#: what is wrong with a thing someone made: "the broken cron line was written by Vikram"
_MADE_WRONG = {
    "broken", "faulty", "bad", "buggy", "wrong", "incorrect", "misconfigured", "malformed",
    "invalid", "untested", "unreviewed", "flawed", "defective", "erroneous", "offending",
    "bogus", "corrupt", "expired", "insecure", "vulnerable", "unsafe", "typo'd",
}  # fmt: skip


def _made_bad(s: Sentence, verb: Token) -> bool:
    """A person named, in the passive, as the maker of a thing that went wrong: "the broken cron
    expression was written by Vikram", "the rule that blocked the replica was added by Rahul"."""
    if lemma(verb) not in _MAKING or not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    made = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if made is None:
        return False
    if any(t.lower_ in _MADE_WRONG for t in made.subtree if t.i < made.i):
        return True
    for rel in made.children:
        if rel.dep_ != "relcl" or s.negated(rel) or _modal(rel):
            continue
        if lemma(rel) in s.w["harmful_verbs"] or _phrasal(rel) in _HARMFUL_PHRASAL:
            return True
        if {t.lower_ for t in rel.subtree} & s.w["failure_words"] - {"without", "peak", "down"}:
            return True  # "the rule that blocked traffic to the replica"
        if _switched_off_safeguard(s, rel):
            return True  # "the flag that disabled TLS verification was introduced by Aleksandra"
    return False


#: acts that switch a safeguard off or go round it: by themselves, they went wrong
_SWITCH_OFF = {
    "override", "bypass", "circumvent", "skip", "disable", "silence", "mute", "snooze", "remove",
    "delete", "drop", "lift", "dismiss", "ignore", "ack", "acknowledge", "suppress",
}  # fmt: skip


def _switched_off_safeguard(s: Sentence, verb: Token, obj: Token | None = None) -> bool:
    """The act switched a safeguard off or went round it: "overrode the change freeze", "the
    flag that disabled TLS verification" (not "silenced the noisy alert", "removed the stale
    check"). `obj` is what was acted on, when the caller has found it."""
    obj = obj if obj is not None else s.object(verb)
    if obj is None or (
        lemma(obj) not in _SAFEGUARDS
        and not any(c.dep_ == "compound" and c.lower_ in _SAFEGUARDS for c in obj.children)
    ):  # ("disabled the alarm panel", "the smoke detector")
        return False
    if not (
        lemma(verb) in _SWITCH_OFF
        or verb.lower_ in ("disabled", "bypassed", "skipped", "removed", "suppressed", "silenced")
        or _phrasal(verb) in (("switch", "off"), ("turn", "off"), ("shut", "off"))
    ):  # (the tagger takes "disabled" in "the flag that disabled ..." for an adjective)
        return False
    phrase = "".join(t.text_with_ws for t in obj.subtree)
    return not _JUNK.search(phrase) and not re.search(
        r"\b(?:noisy|flapping|false|spurious)\b", phrase, re.I
    )


#: a message addressed to someone: "@dmitri you ...", "Dmitri, you ..."
_ADDRESSED = re.compile(r"^\W*(?:@[\w.-]+|(?-i:[A-Z])[a-z]+,)\s+(?:\w+\s+){0,2}?you\b", re.I)


@gated(_act_gate)
@judge
def agent_act(s: Sentence) -> Iterator[Hit]:
    """A person is the agent of an act that went wrong: 'Priya restarted the primary mid-backup'."""
    if s.is_question() or s.states_principle() or _NO_ONE_PERSON.search(s.text):
        return  # ("no one person caused this; the gap was in the tooling" says the opposite)
    for verb in s.doc:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        made_bad = _made_bad(s, verb)
        if not (_is_act(s, verb) or _change_made(s, verb) or made_bad):
            continue
        past_passive = any(
            c.dep_ == "auxpass" and c.lower_ in ("was", "were", "got") for c in verb.children
        )  # ("the partitions got reassigned by @nkosi_ops")
        if not _past_act(verb) and not _kept_doing(verb) and not past_passive:
            continue
        if (any(c.dep_ == "auxpass" for c in verb.children) and not _esl_past(verb)) or (
            verb.tag_ == "VBN"
            and verb.dep_ in ("acl", "conj")
            and any(c.dep_ == "agent" for c in verb.children)
            and (verb.dep_ == "acl" or any(c.dep_ == "auxpass" for c in verb.head.children))
        ):
            # "pods keep getting restarted": the subject is not the one who acted; but "the
            # cache was purged by Takeshi during peak traffic" names who did, and so does "an
            # incorrect value entered by the administrator'
            by = _passive_agent(verb)
            if by is None or s.person_kind(by) != "person":
                continue
            if not made_bad and not _harmful(s, verb):
                continue
            if _conditional(verb) or _modal(verb) or s.negated(verb):
                continue
            yield s.span_start(by), s.clause_end(verb), None
            return
        subj = s.subject(verb)
        if subj is None and verb.i >= 2 and s.doc[verb.i - 1].text == "-":
            # "Chinedu force-pushed to main": the parser made the name a compound of "force"
            subj = next(
                (c for c in s.doc[verb.i - 2].children if c.dep_ in ("compound", "nmod", "poss")),
                None,
            )
        if (
            subj is not None
            and subj.i + 2 == verb.i
            and s.doc[subj.i + 1].text == "-"
            and s.person_kind(subj) != "person"
        ):
            # "@aisha.b force-pushed to main": the parser took the verb's first half for its
            # subject, and hung the person on it
            subj = next(
                (c for c in subj.children if c.dep_ in ("nummod", "compound", "nmod", "poss")),
                subj,
            )
        addressed = (
            subj is not None and subj.lower_ == "you" and _ADDRESSED.match(s.text) is not None
        )  # "@dmitri you took prod down": "you" is the person the message is to
        if (s.person_kind(subj) != "person" and not addressed) or (
            subj.dep_ == "nsubjpass" and not _active_conj(verb) and not _esl_past(verb)
        ):
            continue
        if _conditional(verb) or _modal(verb) or s.negated(verb) or not _harmful(s, verb):
            continue
        edit = None if _MISTAKEN.search(s.text) else rewrite.passive(s, verb, subj)
        # ("deleted the bucket thinking it was the test one": the belief is the person's)
        yield s.span_start(subj), s.clause_end(verb), edit
        return


#: what an act did, said as a participle after it: "..., cutting off the payment gateway"
_CONSEQUENCES = {
    "cut", "halt", "stop", "block", "break", "take", "knock", "lock", "delay", "drop", "wipe",
    "overwrite", "flood", "crash", "freeze", "strand", "corrupt", "disable", "kill", "disconnect",
    "sever", "bring", "black", "shut", "expose", "leak", "orphan", "truncate", "erase", "purge",
    "double", "duplicate", "stall", "overload", "saturate", "exhaust", "blind", "silence",
}  # fmt: skip
#: what a failing system did next, said in the main clause after "when/after X did it"
_WENT_WRONG = {
    "stop", "fail", "crash", "break", "lose", "drop", "spike", "surge",
    "hang", "freeze", "reject", "refuse", "overload", "saturate", "stall", "die", "corrupt",
    "error", "timeout", "collapse", "flap", "overflow", "balloon", "ruin", "scrap", "spoil",
    "damage", "destroy", "injure", "burst", "flood", "spill", "blow", "trip", "fault", "jam",
    "seize", "melt", "overheat", "explode", "cake", "clog", "rupture", "ignite", "capsize",
    "derail", "topple", "leak", "burgle", "rob", "steal", "loot", "contaminate", "infect",
    "poison", "scald", "drown", "collide", "sink", "crush",
}  # fmt: skip
_ONSET = {"start", "begin"}
_CONSEQUENCE_GATE = re.compile(
    r",\s*(?:\w+ly\s+)?(?:cutting|halting|stopping|blocking|breaking|taking|knocking|locking|"
    r"delaying|dropping|wiping|overwriting|flooding|crashing|freezing|stranding|corrupting|"
    r"disabling|killing|disconnecting|severing|bringing|blacking|shutting|exposing|leaking|"
    r"orphaning|truncating|erasing|purging|doubling|duplicating|stalling|overloading|"
    r"saturating|exhausting|blinding|silencing|causing|triggering|leaving|allowing|letting)\b",
    re.I,
)
#: the links of a clause of what followed ("when/after/because ... , ...", ", and ...");
#: the gate also takes _LINK_ON's and _THATS_WHAT's
_CONSEQUENCE_LINK = re.compile(
    r"\b(?:after|when|once|as\s+soon\s+as|because|since|bc|cuz|coz)\b|,?\s+and\b", re.I
)
#: a link from an act to what it led to, read on the words after the act: "…, which is how
#: the records ended up outside the network", "…, so clients kept hitting the old balancer",
#: "…, this is why build is broken", "… -> outage"
_LINK_ON = re.compile(
    r"\b(?:and\s+)?(?:that['’]s|that\s+is|that\s+was|this\s+is|which\s+is|which\s+was)\s+"
    r"(?:exactly\s+|precisely\s+)?(?:why|how|where|when)\b"
    r"|,\s*which\s+(?:then\s+|in\s+turn\s+)?(?:set\s+off|triggered|caused|kicked\s+off|sparked|led\s+to)\b|[,;]\s*(?:and\s+)?(?:so|hence|thus|now)\b(?!\s+that\b)|->|→"
    r"|(?<=\bwithout\s)[^.;]*?,\s*and\b",
    re.I,
)
#: the act named as what did it: "…, and that's what lifted the relief valve"
_THATS_WHAT = re.compile(
    r"\b(?:and\s+)?(?:that['’]s|that\s+is|that\s+was|which\s+is|which\s+was)\s+(?:exactly\s+)?what\s+"
    r"(?!(?:happened|needed|mattered|worked|wanted|expected|planned|intended|asked|agreed|recommended|"
    r"suggested|required|followed|mitigated|resolved|unblocked|stopped\s+the)\b)(?:\w+ed|broke|took|caused|started|set\s+off|brought|blew|shut|sent|threw|tripped|cut|knocked|"
    r"wiped|froze|hit|let)\b",
    re.I,
)
#: what an act led to, said of people, money or stock rather than a system: "which is how the
#: patient ended up double-dosed", "so the stocktake was out by forty grand", "and that is
#: where the loss began", "that's how the fitter got caught"
_BAD_OUTCOME = re.compile(
    r"\b(?:ended|ending|end)\s+up\b|\b(?:was|were|is|are|came\s+out)\s+(?:out|short|off|down)\s+by\b"
    r"|\b(?:got|get|gets|was|were)\s+(?:caught|hurt|injured|burned|burnt|crushed|trapped|exposed|"
    r"sick|ill|harmed|overdosed|overcharged|double-\w+)\b"
    r"|\b(?:loss|losses|damage|trouble|problems?|mess|harm|injury|shortfall|discrepancy|leak|spill|"
    r"overdose|outage|incident|fire)\s+(?:began|begins|started|starts|came\s+from|comes\s+from)\b"
    r"|\b(?:read|write|retry|thundering|login|reconnect|request|traffic)?\s*(?:storm|stampede|cascade|"
    r"avalanche|pile-?up|meltdown)\b",
    re.I,
)
#: a link back from a failure to the act that caused it: "… went down bc @dani pushed …"
#: (only words of cause: "the site was still down when Mia joined the call" is a timeline)
_LINK_BACK = {"because", "bc", "cuz", "coz"}
#: the words of a system going wrong that _clause_went_wrong reads (cheap, before the parse)
_WENT_WRONG_WORDS = re.compile(
    r"\b(?:stop(?:ped|s)?|fail(?:ed|s|ing)?|crash\w*|broke|break[s]?|lost|los(?:e|es|ing)|"
    r"drop(?:ped|s)?|spik\w*|surg\w*|hung|hangs?|froze|freezes?|frozen|reject\w*|refus\w*|"
    r"overload\w*|saturat\w*|stall\w*|died|dies|corrupt\w*|error\w*|time[sd]?\s+out|timeouts?|"
    r"collaps\w*|flap\w*|overflow\w*|balloon\w*|burst|flooded|spilled|spilt|blew|tripped|faulted|"
    r"jammed|seized|melted|overheated|exploded|caked|clogged|ruptured|ignited|capsized|derailed|"
    r"toppled|leaked|invalidated|stranded|double-booked|overbooked|misrouted|burgled|burglarized|robbed|"
    r"stolen|looted|contaminated|infected|poisoned|scalded|drowned|collided|sank|crushed|"
    r"(?:logged|kicked|locked|shut)\s+out|cut\s+off|went\s+(?:down|offline|dark|dead|silent|missing|"
    r"wrong)|every\s+(?:minute|second)|twice|again|ran\s+out|took\s+(?:\w+\s+){0,3}?down|"
    r"(?:started|began)\s+\w+ing)\b",
    re.I,
)


#: the state a failure left things in: "the tags are gone", "ended up unencrypted"
_FAILED_STATE = re.compile(
    r"\b(?:gone|broken|down|outage|melted|unencrypted|exposed|duplicated?|missing|stuck|offline|"
    r"dark|dead|rejected|lost|ruined|scrapped|spoiled|damaged|destroyed|injured|hurt|expired|lapsed)\b"
    r"|\bkept\s+\w+ing\s+(?:the\s+)?(?:old|wrong|stale|dead|decommissioned|retired)\b",
    re.I,
)


def _consequence_gate(text: str) -> bool:
    return bool(
        _CONSEQUENCE_GATE.search(text)
        or _THATS_WHAT.search(text)
        or _WHY_LINK.search(text)
        or (
            (_CONSEQUENCE_LINK.search(text) or _LINK_ON.search(text))
            and (
                _WENT_WRONG_WORDS.search(text)
                or _FAILED_STATE.search(text)
                or _BAD_OUTCOME.search(text)
                or _ABSENT_WORK.search(text)
            )
        )
    )


#: work stopped on purpose: "as planned", "during the maintenance window"
_AS_PLANNED = re.compile(
    r"\bas\s+(?:planned|scheduled|agreed|intended|announced|expected)\b|\bmaintenance\s+window\b"
    r"|\bby\s+design\b|\bon\s+purpose\b|\bdeliberately\b",
    re.I,
)
#: harm that befalls people or things, as the subject of a clause of its coming about
_HARMS = {"clot", "bleed", "haemorrhage", "hemorrhage", "infection", "sepsis", "fire", "blaze",
          "flood", "spill", "leak", "injury", "fracture", "burn", "storm", "stampede", "backlog",
          "shortfall", "panic", "fight", "collision", "derailment", "outbreak"}  # fmt: skip
#: the work that should have happened and did not: "no sales were recorded", "no labels printed",
#: "nobody got paid on Thursday" (not a failure spared: "no data was lost")
_ABSENT_WORK = re.compile(
    r"\b(?:no|zero)\s+(?:[\w-]+\s+){0,3}?(?:were\s+|was\s+|got\s+|had\s+been\s+|have\s+been\s+)?"
    r"(?:recorded|printed|processed|delivered|shipped|sent|paid|received|loaded|saved|written|"
    r"backed\s+up|dispatched|answered|logged|billed|issued|scanned|collected|given|administered)\b"
    r"|\b(?:nobody|no\s+one|no-one)\s+(?:got|was|were)\s+(?:paid|fed|seen|served|told|warned|called)\b",
    re.I,
)


#: what going away is good news for: "the lag was gone", "the alerts were down to zero"
_TROUBLE_NOUNS = {
    "lag", "error", "errors", "alert", "alerts", "alarm", "alarms", "backlog", "issue", "issues",
    "problem", "problems", "spike", "latency", "queue", "warning", "warnings", "smoke", "leak",
    "noise", "pressure", "load", "symptoms", "pain",
}  # fmt: skip


def _clause_went_wrong(s: Sentence, main: Token, skip: set[int]) -> bool:
    """The clause `main` heads (without the tokens in `skip`) says a system failed then."""
    if s.negated(main) or _modal(main) or _conditional(main):
        return False
    subj = s.subject(main)
    if subj is not None and s.person_kind(subj) in ("person", "group", "we"):
        return False  # "when Ana restarted it, Bo paged the vendor": people acting, not harm
    text = "".join(t.text_with_ws for t in main.subtree if t.i not in skip)
    if _RECOVERED.search(text) or _POSITIVE.search(text):
        return False
    lem = lemma(main)
    if (
        lem in ("stop", "drop", "die", "fall")
        and subj is not None
        and {t.lower_ for t in subj.subtree} & s.w["failure_words"]
    ):
        return False  # "packet loss stopped": the failure ended
    if lem in _WENT_WRONG or lem in s.w["harmful_verbs"] or _phrasal(main) in _HARMFUL_PHRASAL:
        return True
    if (
        lem in ("be", "go", "end")
        and subj is not None
        and _FAILED_STATE.search("".join(t.text_with_ws for t in main.subtree if t.i >= main.i))
        and not (
            {t.lower_ for t in subj.subtree} & (s.w["failure_words"] | _TROUBLE_NOUNS)
        )  # ("and the lag was gone within a minute": the trouble went, not the work)
    ):
        return True  # "..., and the last six commits are gone from the remote"
    if (
        subj is not None
        and lemma(subj) in _HARMS
        and lem
        in ("form", "start", "begin", "develop", "spread", "follow", "occur", "set", "break")
    ):
        return True  # "and the clot formed overnight", "a fire started in the bin store"
    if _ABSENT_WORK.search(text):
        return True  # "so no sales were recorded until 11": what should have happened, didn't
    if lem in _ONSET and any(
        c.dep_ in ("xcomp", "ccomp")
        and (lemma(c) in _WENT_WRONG or lemma(c) in ("return", "throw"))
        for c in main.children
    ):
        return True  # "the feed started rejecting messages", "began throwing 500s"
    if lem == "go" and any(
        c.lower_ in ("down", "offline", "dark", "dead", "silent", "missing", "wrong")
        for c in main.children
    ):
        return True
    if lem == "run" and re.search(r"\b(?:twice|again|every\s+(?:minute|second)|out\s+of)\b", text):
        return True  # "billing exports ran every minute for six hours"
    return bool(_WRONG_WAY.search(text) or _TOOK_DOWN.search(text))


#: harm let in or on its way: "allowing the smoke to spread along the corridor"
_HARM_LET_IN = re.compile(
    r"\b(?:smoke|fire|flames|water|rain|gas|fumes|floodwater|sewage|intruders?|thie(?:f|ves)|attackers?|"
    r"malware|ransomware|virus|infection|contamination|bacteria|mould|mold)\s+to\s+(?:spread|enter|escape|"
    r"reach|get\s+in|flood|seep|leak|pour|run|build\s+up)\b",
    re.I,
)


def _consequence(s: Sentence, verb: Token) -> bool:
    """What the sentence says the act led to is harm: a participle after it (", cutting off
    the gateway"), or the main clause of a "when/after/once/because" clause it heads ("When
    Aigerim rotated the certificate, the feed stopped accepting messages")."""
    for c in verb.children:
        if (
            c.dep_ in ("advcl", "conj", "xcomp")
            and c.tag_ == "VBG"
            and c.i > verb.i
            and s.doc[c.i - 1].text == ","
            and lemma(c)
            in _CONSEQUENCES
            | {"cause", "trigger", "leave", "allow", "let"}
            | set(s.w["harmful_verbs"])
        ):
            if lemma(c) in (
                "cause", "trigger", "leave", "take", "bring", "knock", "black", "shut", "allow", "let",
            ):  # fmt: skip
                after = "".join(t.text_with_ws for t in c.subtree)
                if not (
                    _failure_context(_Text(after, s))
                    or _TOOK_DOWN.search(after)
                    or re.search(
                        r"\b(?:without|on\s+a\s+single|stranded|exposed|open|offline|dark)\b", after
                    )
                    or _HARM_LET_IN.search(after)
                ):
                    continue
            return True
    for c in verb.children:
        if (
            c.dep_ == "conj"
            and c.i > verb.i
            and any(x.lower_ == "and" for x in s.doc[verb.i : c.i])
            and any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
            and _clause_went_wrong(s, c, set())
        ):
            return True  # "... without a heads-up, and our integration broke"
    if _linked_to_harm(s, verb):
        return True
    if verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX"):
        mark = next((c for c in verb.children if c.dep_ == "mark"), None)
        first = s.doc[verb.left_edge.i]
        word = mark.lower_ if mark is not None else first.lower_
        if word in ("after", "when", "once", "because", "since", "as"):
            if word == "as" and not re.search(r"\bas\s+soon\s+as\b", s.lower):
                return False
            if word == "since" and verb.i > verb.head.i:
                return False
            skip = {t.i for t in verb.subtree}
            return _clause_went_wrong(s, verb.head, skip)
    return False


def _went_wrong_words(s: Sentence, text: str) -> bool:
    """Words of a failure in `text`, not of a recovery or of a failure spared."""
    if _ABSENT_WORK.search(text) and not _POSITIVE.search(text) and not _AS_PLANNED.search(s.text):
        return True  # ("so no sales were recorded until 11": not "so no data was lost")
    if (
        _RECOVERED.search(text)
        or _POSITIVE.search(text)
        or _SPARED.search(text)
        or re.search(r"\b(?:no|nothing|none|zero|never|not|n['’]t)\b", text, re.I)
    ):
        return False  # ("so no requests were lost", "which is why nothing broke")
    words = set(re.findall(r"[a-z0-9']+", text.lower()))
    return bool(
        _WENT_WRONG_WORDS.search(text)
        or _BAD_OUTCOME.search(text)
        or _TOOK_DOWN.search(text)
        or (words & s.w["failure_words"]) - {"without", "down", "led", "cause", "caused", "mid"}
        or _FAILED_STATE.search(text)
    )


#: ", and the clot formed overnight", ", and a fire broke out in the bin store"
_AND_THEN_HARM = re.compile(
    r",?\s+and\s+(?:then\s+|soon\s+after\s+|overnight\s+)?(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<harm>[a-z]+)\s+(?:formed|started|began|developed|spread|broke\s+out|followed|set\s+in)\b"
    r"(?!\s+(?:to\s+)?(?:shrink|drain|clear|fall|drop|ease|recover|subside|decreas|declin|settl|"
    r"improv|go\s+down|come\s+down)\w*)",  # (not "and the backlog began shrinking")
    re.I,
)


#: a link that gives the act as the whole explanation of what follows: "…, which is why …",
#: "…, and that is how …" (not "so" or "and", which may only tell what came next)
_WHY_LINK = re.compile(
    r"(?:[,;—–-]|\band)\s*(?:that['’]s|that\s+is|that\s+was|this\s+is|which\s+is|which\s+was)\s+"
    r"(?:exactly\s+|precisely\s+|basically\s+|also\s+)?(?:why|how|where)\b",
    re.I,
)
#: what an explanation explains that is no harm: a finding, a fix, a plain difference
_NO_HARM_TOLD = re.compile(
    r"\b(?:found|caught|noticed|spotted|learned|learnt|know|knew|discovered|realised|realized|"
    r"diagnosed|traced|fixed|solved|resolved|recovered|restored|saved|survived|stayed|kept|"
    r"works?|worked|succeeded|passed|helped|improved|agreed|decided|chose|prefer|use|uses|"
    r"differs?|looks?|reads?|appears?|shows?|named|called|listed|documented|recorded|"
    r"on\s+time|in\s+time|pulled\s+through|made\s+it|safely|safe|alive|early|ahead|smoothly|"
    r"intact|unharmed)\b",
    re.I,
)


#: a backlog or a fault that went away, and a change made since: "how the queue drained",
#: "why abbreviations are now blocked"
_DRAINED = re.compile(
    r"\b(?:drained|cleared|settled|shrank|shrunk|eased|subsided|caught\s+up|came\s+back|back\s+(?:up|to\s+normal)|"
    r"normal|now|since|these\s+days|from\s+then\s+on)\b",
    re.I,
)


#: "…, which is why unit abbreviations are now blocked": what was put in place since
_SAFEGUARD_SINCE = re.compile(
    r"\bnow\s+(?:\w+\s+)?(?:blocked|required|enforced|banned|mandatory|checked|validated|"
    r"locked|rejected|refused|disabled|forbidden|prevented|caught)\b"
    r"|\b(?:which|that)\s+is\s+(?:exactly\s+|precisely\s+)?why\s+(?:the|a|our|every)\s+[\w-]+(?:\s+[\w-]+)?\s+now\s+"
    r"(?:asks|requires|checks|blocks|prompts|warns|rejects|refuses|validates|needs|has|shows)\b",
    re.I,
)


def _outcome_told(s: Sentence, outcome: str) -> bool:
    """The clause an act is given as the explanation of tells something that went wrong, or at
    least nothing that went right: "which is why the luggage went to Lisbon" (not "which is
    how we found the leak", "which is why nothing was lost", "that is why the versions
    differ")."""
    outcome = re.split(r"[.;!?]", outcome, maxsplit=1)[0]
    if not re.search(r"[a-z]{3}", outcome, re.I):
        return False
    if _SAFEGUARD_SINCE.search(outcome):
        return False  # "which is why unit abbreviations are now blocked": the safeguard since
    first = re.match(r"\s*(?:we|i|you|they)\s+(?:\w+ly\s+)?(?:now\s+)?", outcome, re.I)
    if first and _NO_HARM_TOLD.match(outcome, first.end()):
        return False  # "the reason we know about the leak": how it was found
    if _went_wrong_words(s, outcome) or _BAD_OUTCOME.search(outcome):
        return True
    if re.match(r"\s*(?:we|i|our\s+team|the\s+team)\s+(?:\w+ly\s+)?(?:now\s+)?\w+", outcome, re.I):
        return False  # "which is why we added a dashboard": what was done about it
    return not (
        _POSITIVE.search(outcome)
        or _RECOVERED.search(outcome)
        or _DRAINED.search(outcome)
        or _SPARED.search(outcome)
        or _NO_HARM_TOLD.search(outcome)
        or re.search(r"\b(?:no|nothing|none|zero|never|not|n['’]t|nobody)\b", outcome, re.I)
    )


def _singular(word: str) -> str:
    """A plural noun's singular, crudely: enough to look a harm up in _HARMS."""
    low = word.lower()
    return low[:-1] if low.endswith("s") and low[:-1] in _HARMS else low


def _linked_to_harm(s: Sentence, verb: Token) -> bool:
    """The words say the act led to a failure, however the parser hung them: a link on to it
    after the act ("…, which is how the records ended up unencrypted"), or the failure first
    and a link back to the act ("the matchmaking servers went down bc @dani pushed …")."""
    subj = s.subject(verb)
    after = s.text[verb.idx :]
    m = _LINK_ON.search(after)
    if m and _went_wrong_words(s, after[m.start() :]) and not _SAFEGUARD_SINCE.search(after):
        return True
    why = _WHY_LINK.search(after)
    if why and _outcome_told(s, after[why.end() :]):
        return True  # "…, which is why forty patients got someone else's results"
    what = _THATS_WHAT.search(after)
    if what and not _POSITIVE.search(after[what.start() :]):
        return True  # "…, and that's what lifted the relief valve": the act named as the cause
    harm = _AND_THEN_HARM.search(after)
    if harm and _singular(harm.group("harm")) in _HARMS:
        return True  # "…, and the clot formed overnight" (which the parser may read as nouns)
    if subj is None:
        return False
    opener = s.doc[s.lead_end()] if s.lead_end() < len(s.doc) else None
    if (
        opener is not None
        and opener.lower_ in ("because", "after", "once", "since")
        and (opener.i <= subj.left_edge.i)
    ):
        rest = s.text[verb.idx :]
        comma = rest.find(",")
        if comma >= 0 and (_ABSENT_WORK.search(rest[comma:]) or _BAD_OUTCOME.search(rest[comma:])):
            return True  # "Because Jonas had paused the consumer, no labels printed"
    link = next((t for t in s.doc[subj.left_edge.i : subj.i] if t.lower_ in _LINK_BACK), None)
    if link is None and subj.left_edge.i > 0:
        link = s.doc[subj.left_edge.i - 1]  # ("bc @dani pushed": "bc" may be read as a name)
    if link is None or link.lower_ not in _LINK_BACK:
        return False
    before = s.text[: link.idx]
    if _went_wrong_words(s, before):
        return True
    # "the water went cloudy because Kevin dosed alum at twice the setpoint": the act given as
    # the whole reason for what a system or a thing did
    head = s.doc[link.i - 1] if link.i > 0 else None
    return (
        link.lower_ == "because"
        and head is not None
        and head.i > s.lead_end()
        and re.search(r"\b(?:went|got|turned|became|ended\s+up)\b", before, re.I) is not None
        and not re.search(r"\b(?:usual|normal|standard|accepted)\s+practice\b", s.text, re.I)
        and _outcome_told(s, before)
    )


@gated(
    lambda text, person, _w: (
        _consequence_gate(text)
        and (
            any(person(w) for w in _WORDISH.findall(text))
            or re.match(r"\W*you\s", text, re.I) is not None
        )
    )
)
@judge
def agent_consequence(s: Sentence) -> Iterator[Hit]:
    """A person did something, and the sentence says what it led to: 'J. Alvarez applied the
    ACL to the core router's outbound interface, cutting off the payment gateway'."""
    yield from _consequence_of(s, "person")


@gated(lambda text, _person, _w: _consequence_gate(text))
@judge
def group_consequence(s: Sentence) -> Iterator[Hit]:
    """A team did something, and the sentence says what it led to: 'they changed the API
    contract without a heads-up, and our integration broke'."""
    yield from _consequence_of(s, "group")


def _consequence_of(s: Sentence, kind: str) -> Iterator[Hit]:
    if s.is_question() or s.states_principle() or _NO_ONE_PERSON.search(s.text):
        return
    for verb in s.doc:
        if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN"):
            continue
        if any(c.dep_ == "auxpass" for c in verb.children):
            by = _passive_agent(verb)
            if by is None or s.person_kind(by) != kind:
                continue
            subj = by
        else:
            subj = s.subject(verb)
            opening = subj is not None and subj.i <= s.lead_end()
            if s.person_kind(subj) != kind and not (
                opening and (kind, subj.lower_) in (("group", "they"), ("person", "you"))
            ):  # (a "they" or a "you" that opens the sentence is people: "They changed the
                # contract", "You rotated the signing key …")
                continue
        if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            continue
        if _conditional(verb) or _modal(verb) or s.negated(verb) or _not_yet(verb):
            continue
        lem = lemma(verb)
        if (
            lem in s.w["remedy_verbs"] and not (lem == "open" and _opened_a_thing(s, verb))
        ) or lem in (  # ("opened the silo auger": a valve or a hatch, not a ticket)
            "be",
            "have",
            "say",
            "tell",
            "ask",
            "see",
            "notice",
            "think",
            "believe",
            "expect",
            "want",
            "try",
        ):
            continue
        if _remedy(s, verb) and not _WRONG_WAY.search(s.text):
            continue
        if not _consequence(s, verb):
            continue
        yield s.span_start(subj), s.clause_end(verb), None
        return


_ORG_GATE = re.compile(
    r"\b(?-i:[A-Z]|[a-z]+[A-Z])[\w-]*\s+(?:did\s+not|didn['’]t|never|has\s+not|hasn['’]t|have\s+failed|"
    r"failed|had\s+not|hadn['’]t)\s+(?:\w+\s+)?(?:catch|notice|test|respond|communicate|"
    r"review|upgrade|follow|flag|check|patch|update|reply|engage|to)\b"
    r"|\b(?-i:[A-Z]|[a-z]+[A-Z])[\w-]*\s+(?:did\s+not|didn['’]t)\s+[^.;]*?\band\s+(?:have|has)\s+failed\s+to\b"
)
_ORG_CHECKS = {
    "catch", "notice", "test", "respond", "communicate", "review", "upgrade", "follow", "flag",
    "check", "patch", "update", "reply", "engage",
}  # fmt: skip


def _organisation_omission(s: Sentence, verb: Token, subj: Token | None) -> bool:
    """'ICL didn't catch that the patch was consensus-breaking': an organisation or team named
    as the one that left a check undone. (Only checks people make: a system 'did not sync'.)"""
    if subj is None or subj.dep_ != "nsubj" or subj.lower_ in s.w["not_names"]:
        return False
    acronym = subj.text.isupper() and 2 <= len(subj.text) <= 6
    proper = subj.tag_ in ("NNP", "NNPS") and any(c.isupper() for c in subj.text)
    camel = subj.text[:1].islower() and any(c.isupper() for c in subj.text[1:]) and subj.is_alpha
    proper = proper or camel  # "cLabs", "dLocal": a company's own spelling
    if not (acronym or proper) or s.is_name(subj, strict=True):
        return False
    if not (acronym or camel) and _in_dictionary(subj.lower_):
        return False  # "Upgrade failed due to the patch not being applied": a word, capitalised
    lem = lemma(verb)
    if lem == "fail":
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        return xcomp is not None and lemma(xcomp) in _ORG_CHECKS
    return lem in _ORG_CHECKS and s.negated(verb)


#: the sentence names the missing signal as the reason nobody acted
_NO_SIGNAL = re.compile(
    r"\bbecause\s+(?:there\s+(?:was|were)\s+no|no\s+(?:alert|alarm|monitor|check|dashboard|page|"
    r"test|signal)s?\b|nothing\s+(?:alerted|paged|flagged|checked|monitored|warned))",
    re.I,
)


@gated(lambda text, person, words: _group_gate(text, person, words) or bool(_ORG_GATE.search(text)))
@judge
def group_act(s: Sentence) -> Iterator[Hit]:
    """A team, someone or everyone as the agent of a failure or omission."""
    if s.is_question() or s.states_principle() or _NO_SIGNAL.search(s.text):
        return  # ("nobody noticed the drift because there was no alert on it": the gap named)
    if re.search(r"\btook\s+(?:\w+\s+)?ownership\b", s.text, re.I):
        return  # "the team took collective ownership of cleaning up the stale records"
    if _SAFEGUARD_SINCE.search(s.text):
        return  # "someone fat-fingered a price, which is exactly why the field now asks ..."
    for verb in s.doc:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        if not _past_act(verb) and not s.negated(verb) and not _kept_doing(verb):
            continue
        by = next(
            (g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
            None,
        )
        if (
            by is not None
            and s.person_kind(by) == "group"
            and (
                lemma(verb) in s.w["omission_verbs"]
                or (_is_act(s, verb) and not _remedy(s, verb) and _harmful(s, verb))
            )
            and not (_conditional(verb) or _modal(verb) or s.negated(verb))
        ):
            # "the backup policy was ignored by the infra team for months"
            yield s.span_start(by), s.clause_end(verb), None
            return
        subj = s.subject(verb)
        if (
            subj is not None
            and lemma(subj) in ("vendor", "provider", "supplier", "manufacturer", "upstream")
            and lemma(verb) in ("ship", "release", "publish", "push", "deploy", "roll", "introduce")
        ):
            continue  # "the vendor shipped a firmware bug": a product's defect, no lapse
        others = (
            subj is not None
            and subj.lower_ == "they"
            and s.negated(verb)
            and (lemma(verb) in s.w["check_verbs"] or lemma(verb) in ("bother", "document"))
            and lemma(verb) not in ("know", "see", "expect", "think", "understand", "realise")
        ) and not re.search(
            r"\bbecause\s+(?:it|the|there|no|nothing|its)\b", s.text, re.I
        )  # "they never tested the recovery plan": another team's check not made (but "... because
        # it was not yet in the rollout plan" gives the system's reason)
        if (
            subj is not None
            and subj.lower_ == "they"
            and subj.i == s.lead_end()
            and not s.negated(verb)
            and _past_act(verb)
            and (
                (lemma(verb) in ("ignore", "overlook", "neglect", "skip", "bypass", "disregard"))
                or (_is_act(s, verb) and (_faulty_manner(s, verb) or _WRONG_WAY.search(s.text)))
                or _switched_off_safeguard(s, verb)
            )
            and not _SANCTIONED.search(s.text)
        ):
            others = True  # "They pushed the hotfix to all regions at once", "They ignored the
            # ticket we filed": a group of others as the agent (not a "they" deep in a clause)
        plural = (
            subj is not None
            and subj.tag_ in ("NN", "NNS", "NNP", "NNPS")
            and subj.lower_.endswith("s")
            and subj.lower_ != subj.lemma_.lower()
            and s.person_kind(subj) == "person"
        )  # "devs kept merging while the build was red": people, plural, are a group
        if (
            s.person_kind(subj) != "group"
            and not plural
            and not others
            and not _organisation_omission(s, verb, subj)
        ):
            continue
        passive_subject = subj is not None and subj.dep_ == "nsubjpass" and not _active_conj(verb)
        guessed = subj.lower_ in ("someone", "somebody") and any(
            c.lower_ == "must" for c in verb.children
        )  # "someone must have changed the password": a guess at whom to blame
        if passive_subject or _conditional(verb) or (_modal(verb) and not guessed):
            continue
        lem = lemma(verb)
        if _ellipsis_of_modal(s, verb):
            continue
        if _not_yet(verb):
            continue  # "the Operations Team had not yet installed the console server": a status
        if subj.lower_ in ("nobody", "none") and any(
            c.lower_ == "since"
            and c.dep_ in ("prep", "advcl", "mark")
            or c.dep_ == "advcl"
            and any(m.lower_ == "since" for m in c.children)
            for c in verb.children
        ):
            continue  # "nobody from our team has updated the extension since May": a status
        if (
            verb.dep_ == "relcl"
            and s.negated(verb)
            and verb.tag_ in ("VB", "VBP", "VBZ")
            and any(c.lower_ in ("does", "do") for c in verb.children)
        ):
            continue  # "a channel the platform team does not follow": a description, no lapse
        omission = lem in s.w["omission_verbs"] or (lem == "bother" and s.negated(verb))
        if lem == "fail" and not any(c.dep_ == "xcomp" for c in verb.children):
            omission = False
        if lem == "sit" and re.search(
            r"\b(?:sat|sits|sitting)\s+(?:in\s+)?on\s+(?:the\s+|a\s+|our\s+)?(?:[\w-]+\s+)?"
            r"(?:bridge|call|zoom|meet|channel|chair|sofa|couch|floor|desk|panel|board|committee|"
            r"fence|sidelines|war\s+room)\b",
            s.text,
            re.I,
        ):
            omission = False  # "the vendor team sat on the bridge with us until 04:00": a place
        checks = (
            lem in s.w["check_verbs"]
            or _phrasal(verb) == ("set", "up")
            or (
                lem == "think"
                and any(c.dep_ == "xcomp" and lemma(c) in s.w["check_verbs"] for c in verb.children)
            )
        )  # "nobody thought to check the replication lag"
        # "Someone deleted the runbook page": an unnamed agent of a change is a search for
        # whom to blame whatever the act's effect ("someone on call restarted it" is the role)
        unnamed = (
            subj.lower_ in ("someone", "somebody")
            and (_is_act(s, verb) or lemma(verb) == "decide")
            and not s.negated(verb)
            and not _remedy(s, verb)
            and not re.search(r"\bon[- ]?call\b", s.lower)
            and not _SAFEGUARD_SINCE.search(s.text)
        )  # (not "someone fat-fingered a price, which is why the field now asks to confirm")
        if not omission and not unnamed and not (_is_act(s, verb) and _harmful(s, verb)):
            # "nobody checked the backups", "ops still hasn't looked at the alert"
            knowing = lem in (
                "know",
                "understand",
                "realise",
                "realize",
                "expect",
                "see",
                "anticipate",
                "think",
                "report",
            )  # ("nobody reported errors" is good news; "nobody updated the runbook" a lapse)
            if lem == "think" and checks:
                knowing = False
            if lem == "report" and re.search(
                r"\b(?:broken|faulty|damaged|missing|leaking|loose|cracked|defective|failed|"
                r"failing|worn|exposed|unsafe)\b",
                verb.doc[verb.i : verb.right_edge.i + 1].text,
                re.I,
            ):
                knowing = False  # "never reported the broken balcony latch": a defect is a duty
            if not (
                checks
                and not knowing
                and (
                    subj.lower_ in ("nobody", "one", "none")
                    or s.negated(verb)
                    or any(c.lower_ == "nothing" and c.dep_ == "dobj" for c in verb.children)
                )  # ("the night shift escalated nothing for six hours")
            ):
                if not _did_nothing(verb):
                    continue
        elif s.negated(verb) and not checks:
            continue
        if s.negated(verb) and _reason_not_people(s, verb):
            continue  # "the vendor did not replace the unit because the warranty had lapsed"
        edit = None
        if lem in ("skip", "ignore", "miss", "overlook", "bypass"):
            edit = rewrite.passive(s, verb, subj)
        yield s.span_start(subj), s.clause_end(verb), edit
        return


def _reason_not_people(s: Sentence, verb: Token) -> bool:
    """What was not done has its reason given, and the reason is a thing, not people: "because
    the warranty had lapsed", "as the ticket never reached them"."""
    for c in verb.children:
        if c.dep_ != "advcl" or not any(
            m.dep_ == "mark" and m.lower_ in ("because", "as", "since") for m in c.children
        ):
            continue
        subj = s.subject(c)
        if subj is not None and not s.person_kind(subj):
            return True
    return False


def _omission_gate(words: Words) -> str:
    from pmdesk.lint.grammar import lemmas

    verbs = _alt(lemmas(words["check_verbs"] | words["act_verbs"]))
    return (
        r"\b(?:forg[eo]t\w*|neglect\w*|fail(?:ed|s|ing)?\s+to|omit\w*|ignor\w*|disregard\w*|skip\w*|miss(?:ed|es|ing)?|overlook\w*|bother\w*|let(?:s|ting)?|sle(?:pt|ep)\s+through|sat\s+on|did\s+nothing)\b|"
        rf"\b(?:never|not|\w+n['’]t)\s+(?:\w+\s+)?(?:{verbs})\b|(?:\bnever|\bnot|n['’]t)\s+even\s+\w+"
    )


#: sitting on work that was waiting: "sat on the reports", "sat on our P1 ticket"
_SAT_ON = re.compile(
    r"\b(?:sat|sitting|sits)\s+on\s+(?:the\s+|our\s+|their\s+|a\s+|his\s+|her\s+|my\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:tickets?|reports?|prs?|pull\s+requests?|requests?|alerts?|pages?|fix(?:es)?|patch(?:es)?|reviews?|escalations?|bugs?|emails?|issues?|incidents?)\b"
    r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:for|until|till|all|since|over|during|from|without|and|while|before|after|in|on|at)\b)"
    r"|\b(?:sat|sitting|sits)\s+on\s+(?:it|them|this|that)\s+(?:for\s+(?:[\w-]+\s+){1,2}(?:minutes|hours|days|"
    r"weeks|months)|all\s+(?:day|night|morning|afternoon|evening|week|weekend)|until|till)\b",
    re.I,
)


@gated(
    lambda text, person, words: (
        bool(_words_regex("omission", words, _omission_gate).search(text))
        and (_mentions_person(text, person) or bool(re.search(r"\b(?:we|they|i)\b", text, re.I)))
    )
)
@judge
def agent_omission(s: Sentence) -> Iterator[Hit]:
    """A person forgot, neglected or failed to do something, or ignored what was there."""
    if s.is_question() or s.states_principle():
        return
    for verb in s.doc:
        lem = lemma(verb)
        unmade_check = (
            s.negated(verb)
            and not _modal(verb)
            and (
                lem in s.w["check_verbs"]
                or lem in s.w["act_verbs"]
                or any(c.lower_ in ("never", "even") for c in verb.children)
            )
            and lem not in ("know", "expect", "predict", "foresee", "anticipate", "understand")
            and (lem != "think" or any(c.dep_ == "xcomp" for c in verb.children))
        )
        if lem not in s.w["omission_verbs"] and lem not in ("bother", "do") and not unmade_check:
            continue
        if lem == "do" and not unmade_check:
            subj = s.subject(verb)
            if (
                _did_nothing(verb)
                and s.person_kind(subj) == "person"
                and not (_conditional(verb) or _modal(verb))
            ):
                # "Hiroshi acknowledged the page and then did nothing for forty minutes"
                yield s.span_start(subj), s.clause_end(verb), None
                return
            continue
        if re.search(
            r"\b(?:chose|decided|opted|elected)\s+not\s+to\b[^.;]*\b(?:because|so\s+that|meaning|"
            r"which\s+meant|in\s+order\s+to|to\s+avoid|to\s+keep)\b",
            s.lower,
        ):
            continue  # "Ben chose not to roll back because the rollback would have lost payments",
            # "chose not to deploy the evening before, meaning that everyone was online"
        if lem in ("skip", "bypass", "omit") and _SANCTIONED.search(s.text):
            continue  # "skipped the canary, as the deploy tool offers for config-only changes"
        if (
            verb.tag_ == "VBN"
            and verb.dep_ not in ("ROOT", "conj")
            and not any(c.dep_ == "aux" for c in verb.children)
        ):
            continue  # "skipped quality tests": a participle describing the tests
        if _not_yet(verb):
            continue  # "members who have not yet run it": a status, not a lapse
        if unmade_check and (_SANCTIONED.search(s.text) or _reason_not_people(s, verb)):
            continue  # "Sean did not page anyone, as the runbook says to wait for the second
            # alarm": the step not taken was the one the process asks for
        subj = s.subject(verb)
        kind = s.person_kind(subj)
        if kind not in ("person", "we", "group") or _conditional(verb) or subj.dep_ == "nsubjpass":
            continue
        xcomp = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None)
        if lem == "let" and kind != "we":
            if not any(
                lemma(x) in s.w["lapse_verbs"] or x.lower_ in s.w["lapse_verbs"]
                for x in verb.subtree
                if x.i > verb.i
            ):
                continue
            yield (
                s.span_start(subj),
                s.clause_end(verb),
                None,
                "group-blame" if kind == "group" else "named-agent",
            )
            return
        if kind == "group" and lem not in ("sleep",):
            continue  # the group rule judges teams
        if lem == "sleep":
            if not any(c.lower_ == "through" for c in verb.children):
                continue
            yield s.span_start(subj), s.clause_end(verb), None, "group-blame"
            return
        if lem == "bother":
            if not s.negated(verb):
                continue
        elif lem in ("fail", "neglect", "forget", "omit"):
            if lem == "fail" and xcomp is None:
                continue
            if (
                lem == "fail"
                and verb.tag_ == "VBZ"
                and not any(
                    c.lower_
                    in ("always", "constantly", "repeatedly", "routinely", "often", "keeps")
                    for c in verb.children
                )
            ):
                continue  # "Symptom: Athena fails to sync": how a thing behaves, not a lapse
        elif lem == "sit" and kind == "person" and _SAT_ON.search(s.text):
            pass  # "the vendor's support engineers sat on our P1 ticket for nine hours"
        elif kind == "we" or lem in ("drop", "sit"):
            continue  # "we missed the alert" is how teams write; "dropped the ball" is judged
        elif unmade_check:
            did = any(
                c.dep_ == "aux" and c.lower_ in ("did", "had", "has", "have") for c in verb.children
            )
            if kind != "person" or not (_past_act(verb) or did or "never" in s.lower):
                continue
            if (
                s.entity(subj) == "PERSON"
                and not s.is_name(subj, strict=True)
                and subj.lower_ not in ("he", "she")
            ):
                continue  # a name only the entity recogniser vouches for: often a company
        elif s.negated(verb) or _modal(verb):
            continue
        edit = None
        if lem in s.w["check_verbs"] and lem not in s.w["omission_verbs"]:
            pass  # a check that was not made ("Dana never tested the restore")
        elif xcomp is not None and xcomp.pos_ == "VERB":
            edit = rewrite.passive(s, xcomp, subj, negate=True, inner=True)
            if edit is not None:
                edit = (s.span_start(subj), edit[1], edit[2])
        elif lem in ("ignore", "skip", "miss", "overlook"):
            edit = rewrite.passive(s, verb, subj)
        category = {"we": "counterfactual", "group": "group-blame"}.get(kind, "named-agent")
        yield s.span_start(subj), s.clause_end(verb), edit, category
        return


#: the failure given a cause of its own: "the failure to notify was caused by a pager bug"
_FAILURE_EXPLAINED = re.compile(
    r"\bfailure\s+to\s+[^.;]*?\b(?:was|were|is)\s+(?:\w+ly\s+)?(?:caused\s+by|due\s+to|because\s+of|"
    r"the\s+result\s+of|down\s+to|traced\s+to)\b",
    re.I,
)
#: what only people are asked to do: "the failure to notify the users" is theirs
_PEOPLES_DUTIES = {
    "notify", "communicate", "inform", "warn", "tell", "escalate", "consult", "coordinate",
    "announce", "follow", "document", "hand",
}  # fmt: skip


@gated(
    _by(
        re.compile(
            r"(?:\b(?:our|their|his|her|my|your)|['’]s)\s+(?:\w+\s+)?(?:failure|inability|refusal|reluctance)\s+to\b"
            r"|\b(?:failure|inability|refusal|reluctance)\s+of\s+(?:the\s+|our\s+|an?\s+)?(?:[\w-]+\s+){0,3}?[\w-]+\s+to\s+\w+"
            r"|\bthe\s+failure\s+to\s+(?:\w+ly\s+)?(?:notify|communicate|inform|warn|tell|escalate|"
            r"consult|coordinate|announce|follow|document|hand\s+over)\b",
            re.I,
        )
    )
)
@judge
def failure_of(s: Sentence) -> Iterator[Hit]:
    """'Our failure to finish the follow-up work': an omission owned by people."""
    if s.is_question() or s.states_principle():
        return
    for t in s.doc:
        if (
            t.lower_ == "failure"
            and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
            and not any(c.dep_ in ("poss", "prep") and c.i < t.i for c in t.children)
        ):
            # "the failure to notify the users of the downtime": a duty only people have (to
            # tell, to warn, to follow a procedure), and so people's omission, owner unsaid
            duty = next((c for c in t.children if c.dep_ in ("acl", "relcl")), None)
            if (
                duty is not None
                and lemma(duty) in _PEOPLES_DUTIES
                and all(
                    s.doc[i].lower_ == "to" or s.doc[i].pos_ == "ADV"
                    for i in range(t.i + 1, duty.i)
                )
                and not _FAILURE_EXPLAINED.search(s.text)
            ):
                yield t.idx, duty.idx + len(duty.text), None
                return
        if t.lower_ in ("failure", "inability", "refusal", "reluctance"):
            # "the failure of the assigned engineer to follow the change procedure"
            for of in (c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"):
                who = next((g for g in of.children if g.dep_ == "pobj"), None)
                if (
                    who is not None
                    and s.person_kind(who) in ("person", "group")
                    and any(
                        x.dep_ in ("acl", "relcl", "xcomp") and x.pos_ == "VERB" for x in t.subtree
                    )
                ):
                    yield t.idx, who.idx + len(who.text), None
                    return
        if t.lower_ not in ("failure", "inability", "refusal", "reluctance") or not any(
            c.dep_ == "poss" for c in t.children
        ):
            continue
        owner = next(c for c in t.children if c.dep_ == "poss")
        if (
            owner.lower_ in ("our", "their", "his", "her", "my", "your")
            or s.is_name(owner)
            or s.person_kind(owner) in ("person", "group")  # "the on-call's failure to escalate"
        ):
            if any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in t.children):
                yield owner.idx, t.idx + len(t.text), None
                return


def _failed_because_of(s: Sentence, work: Token) -> bool:
    """The piece of work given as why something failed: "the checkout failed because of Aisha's
    change", "the dashboards were wrong for three days due to her join logic"."""
    prep = work.head
    if work.dep_ != "pobj" or not (
        prep.lower_ == "of"
        and prep.head.lower_ == "because"
        or prep.lower_ == "because"  # (the parser hangs the object on "because", "of" beside)
        and any(c.lower_ == "of" for c in prep.children)
        or prep.lower_ == "to"
        and prep.head.lower_ in ("due", "owing")
    ):
        return False
    return bool(
        re.search(
            r"\b(?:fail(?:ed|s|ing)?|went\s+down|goes\s+down|errored|stopped|timed\s+out|dropped|"
            r"wrong|down|broke|unreachable|stuck)\b",
            s.text[: work.idx],
            re.I,
        )
    )


@gated(
    lambda text, person, words: (
        bool(
            _words_regex(
                "possessive",
                words,
                lambda w: (
                    rf"(?:\b(?:his|her)|['’]s)\s+(?:[\w-]+\s+){{0,2}}(?:{_alt(w['work_nouns'])})\b"
                ),
            ).search(text)
        )
        and (
            bool(re.search(r"\b(?:his|her)\b", text, re.I))
            or _mentions_person(text, person)
            or bool(
                re.search(r"\b(?:team|squad|crew|group|guild|department)['’]s\b", text, re.I)
            )  # ("the web team's cache headers took down the CDN origin")
        )
    )
)
@judge
def agent_possessive(s: Sentence) -> Iterator[Hit]:
    """A person's piece of work as the cause: 'it was Leo's migration that locked the table'."""
    if s.is_question() or s.states_principle():
        return
    for t in s.doc:
        if t.dep_ != "poss" or t.head.lower_ not in s.w["work_nouns"]:
            continue
        person = t.lower_ in ("his", "her") or s.is_name(t) or s.person_kind(t) == "person"
        team = not person and (
            s.person_kind(t) == "group" or lemma(t) == "team"
        )  # "the web team's change", "Team Falcon's deploy"
        if not person and not team:
            continue
        if _POSITIVE.search(
            re.sub(r"\bthanks\s+to\b", "", s.text, flags=re.I)
        ) or _SANCTIONED.search(s.text):
            continue  # "Sebastián's query confirmed that no customer data was exposed", "Ana's
            # cleanup job deleted the stale buckets as planned"
        if (
            not _failure_context(s)
            and not _work_did_harm(s, t.head)
            and not (person and _failed_because_of(s, t.head))
        ):
            continue
        if re.search(
            r"\bbecause\s+(?:the|its|our)\s+(?:[\w-]+\s+)?(?:service|system|pipeline|tool|script|job|cluster|platform|config(?:uration)?|scheduler|orchestrator|controller|automation|retry|retries|runner|queue|library|framework|provider|vendor|timeout)\b"
            r"|\b(?:passed|cleared)\s+(?:code\s+)?(?:review|checks|tests|ci)\b"
            r"|\b(?:was\s+)?peer-reviewed\b|\bwent\s+through\s+the\s+(?:standard|normal|usual)\b",
            s.lower,
        ):
            continue  # "... went out without a canary because the service had none configured"
        edit = (
            rewrite.drop_possessive(s, t)
            if t.lower_ not in ("his", "her")
            else (t.idx, t.idx + len(t.text), "the" if t.i > s.lead_end() else "The")
        )
        if team:
            yield t.idx, t.head.idx + len(t.head.text), None, "group-blame"
            return
        yield t.idx, t.head.idx + len(t.head.text), edit
        return


_WHO = r"(?P<who>@[\w.-]+|(?-i:Dr|Mr|Mrs|Ms|Prof|Capt|Sgt|Cllr)\.?\s+(?-i:[A-Z])[\w'’-]*|(?-i:[A-Z])\.(?-i:[A-Z])\.(?:(?-i:[A-Z])\.)?|(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?|he|she|him|her|(?:the|an?|one)\s+(?:[\w-]+\s+){0,2}[\w-]+)"
#: sentences built to say who: "it was Ingrid who flipped the flag", "caused by Oluwaseun
#: rotating the cert", "traces back to Svetlana unpinning the version", "root cause: Hiroshi
#: hand-edited nginx.conf", "because Nadia mislabeled the volume, ..."
_FRAMES = (
    # "it was the contractor, Ravi, who edited the cron schedule", "it was our network engineer,
    # Hye-jin, whose BGP announcement ...": the cleft with the name in apposition
    re.compile(
        r"\bit\s+(?:was|is|['’]s)\s+(?:the|our|their|an?)\s+(?:[\w-]+\s+){0,2}[\w-]+,\s+"
        r"(?P<who>(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?),\s+(?:who|whose)\b",
        re.I,
    ),
    re.compile(
        r"\bit\s+(?:was|is|'s|’s)\s+(?:\w+ly\s+|all\s+|always\s+|again\s+|once\s+again\s+)?"
        + _WHO
        + r"(?:['’]s\s+[\w-]+(?:\s+[\w-]+)?|\s+(?:from|in|on|at)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?"
        r"\s+(?:who|that|which)\b",
        re.I,
    ),
    re.compile(r"(?:^|[,;:—–-]\s*)" + _WHO + r"(?:\s+(?:is|was)|['’]s)\s+the\s+one\s+who\b"),
    re.compile(
        r"(?:^|[,;:—–-]\s*)"
        + _WHO
        + r"\s+(?:is|was)\s+(?:the\s+)?(?:whole\s+|only\s+|sole\s+|main\s+|entire\s+)?(?:reason|cause)\s+(?:we|that|why|the|our|for)\b"
    ),
    re.compile(
        r"\b(?:caused|triggered|started|set\s+off|kicked\s+off|brought\s+on|resulted\s+from|stemmed\s+from|came\s+from|arose\s+from|originated\s+(?:from|with))\s+(?:by\s+)?"
        + _WHO
        + r"(?:['’]s\b|(?:\s+\w+ly)?\s+\w+ing\b)",
        re.I,
    ),
    re.compile(
        r"\b(?:traces?|traced|tracing|leads?|led|goes|went)\s+(?:\w+\s+)?back\s+to\s+"
        + _WHO
        + r"(?:['’]s\b|\s+\w+ing\b|,\s+who\s+(?:\w+ly\s+)?[\w-]+(?:ed|ran|set|put|cut|hit|made|took|broke|left)\b)",
        re.I,
    ),
    # "Everything was fine until Santiago touched the BGP filters": the person's act as the
    # moment things went wrong
    re.compile(
        r"\b(?:was|were|went|ran|looked|worked|been)\s+(?:\w+\s+)?(?:fine|ok|okay|smoothly|smooth|stable|"
        r"green|great|normal|perfectly|quiet)\s+until\s+"
        + _WHO
        + r"\s+(?:\w+ly\s+)?(?:[\w-]+ed|ran|did|made|took|put|set|cut|hit|broke|left|got|began|"
        r"decided|pushed|rolled|went)\b",
        re.I,
    ),
    # "Primary cause of the 2h degradation: Olu's change to the pool size", "the mis-routed
    # payouts were Deepak's doing"
    re.compile(
        r"\b(?:cause|trigger|culprit|source)\s+of\s+[^:;.]{1,60}?:\s*" + _WHO + r"['’]s\s+[\w-]+",
        re.I,
    ),
    re.compile(
        r"\b(?:was|were|is|are)\s+(?:all\s+|entirely\s+)?" + _WHO + r"['’]s\s+doing\b", re.I
    ),
    # "Impact started the moment the team lead force-pushed to main"
    re.compile(
        r"\b(?:impact|outage|incident|problems?|trouble|errors?|downtime|degradation)\s+(?:started|began|"
        r"kicked\s+off)\s+(?:the\s+(?:moment|minute|second|instant)|as\s+soon\s+as)\s+"
        + _WHO
        + r"\s+(?:\w+ly\s+)?(?:[\w-]+ed|ran|set|put|cut|hit|made|took|broke|left|forgot|did|pushed|went)\b",
        re.I,
    ),
    re.compile(
        r"\b(?:comes?|came|boils?|boiled|(?:is|was|were|are)\s+(?:all\s+|entirely\s+|purely\s+|squarely\s+)?)\s*down\s+to\s+"
        + _WHO
        + r"(?:['’]s\b|\s+(?:not\s+|never\s+)?\w+ing\b)",
        re.I,
    ),
    re.compile(
        r"\b(?:trigger|cause|root\s+cause|culprit|reason|contributing\s+factor(?:\s*\(?#?\d+\)?)?)\s*(?:was|is|:)\s*"
        + _WHO
        + r"(?:['’]s\b|\s+[\w-]+(?:ing|ed)\b|\s+(?:ran|set|put|cut|hit|made|took|broke|left|forgot|did)\b)",
        re.I,
    ),
    re.compile(
        r"\b(?:this|it|that|the\s+(?:outage|incident|failure|root\s+cause|cause|trigger|problem))\s+"
        r"(?:was|is)\s+(?:(?:ultimately|simply|just|really|basically|essentially|in\s+the\s+end)\s+)?"
        + _WHO
        + r"\s+(?:\w+ly\s+)?(?!being\b|doing\s+(?:their|his|her)\s+job)[\w-]+ing\b",
        re.I,
    ),
    re.compile(
        r"\b(?:problems?|outage|incident|trouble|issues?|failures?|errors?|mess)\s+(?:all\s+)?(?:started|began|kicked\s+off|came)\s+when\s+"
        + _WHO
        + r"\s+(?:\w+ly\s+)?(?:[\w-]+ed|ran|set|put|cut|hit|made|took|broke|left|forgot|did|pushed|decided|chose|went)\b",
        re.I,
    ),
    re.compile(
        r"\bit\s+(?:was|is|['’]s)\s+(?:\w+ly\s+)?(?P<who>his|her|their|@[\w.-]+['’]s|(?-i:[A-Z])[\w-]*['’]s)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:that|which)\s+(?:\w+ly\s+)?[\w-]+(?:ed|ran|took|broke|made|left|wiped|cut|hit|set)\b",
        re.I,
    ),
    re.compile(
        r"\b(?:happened|occurred|started|began|was\s+possible|succeeded)\s+because\s+"
        + _WHO
        + r"\s+(?:\w+ly\s+)?(?:[\w-]+ed|ran|set|put|cut|hit|made|took|broke|left|forgot|did|chose|went|gave|sent)\b",
        re.I,
    ),
    re.compile(
        r"\bit\s+(?:was|is|['’]s)\s+(?:\w+ly\s+)?(?P<who>his|her|their|@[\w.-]+['’]s|(?-i:[A-Z])[\w-]*['’]s)\s+(?:bright\s+)?(?:idea|call|decision|suggestion|plan|choice)\s+to\b",
        re.I,
    ),
    re.compile(
        r"\b(?:it\s+)?turn(?:s|ed)\s+out\s+(?:that\s+)?"
        + _WHO
        + r"\s+(?:had\s+)?(?:\w+ly\s+)?(?:[\w-]+ed|ran|used|set|put|cut|hit|made|took|broke|left|forgot|did|sent|gave)\b",
        re.I,
    ),
    re.compile(
        r"\bthanks\s+to\s+"
        + _WHO
        + r"(?:['’]s)?\s+(?:not\s+\w+ing|ignoring|skipping|forgetting|bypassing|overriding|"
        r"missing|breaking|force-pushing|wiping|truncating)\b",
        re.I,
    ),
    re.compile(
        r"^\W*because\s+"
        + _WHO
        + r"\s+(?:\w+ly\s+)?\w+(?:ed|ran|set|put|cut|left|forgot|broke|took|made)\b[^,;]*,",
        re.I,
    ),
)


def _framed_person(s: Sentence, start: int, end: int) -> bool:
    """The framed agent is a person, and what the frame says they did is no remedy."""
    span = s.doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span[0]
    if tok.lower_ in ("his", "her", "their"):
        # "it was her script that truncated the table": whose piece of work
        owned = next((x for x in s.doc[tok.i + 1 :] if x.pos_ in ("NOUN", "PROPN")), None)
        return owned is not None and lemma(owned) in s.w["work_nouns"]
    nxt = s.doc[tok.i + 1] if tok.i + 1 < len(s.doc) else None
    if (
        nxt is not None
        and tok.text.istitle()
        and nxt.text.istitle()
        and nxt.tag_ == "NNP"
        and (_in_dictionary(tok.lower_) or _in_dictionary(nxt.lower_))
        and not is_given_name(tok.lower_)
        and tok.lower_.rstrip(".") not in _HONORIFICS  # ("Mr Byrne", "Captain Moreau")
    ):
        return False  # "Root cause: Cloud Armor blocked ...": a product's name, not a person's
    parts = tok.text.split("-")
    if re.fullmatch(r"(?:[A-Z]\.){2,3}", tok.text):
        return (
            lemma(next((x for x in s.doc if x.i > tok.i and x.pos_ == "VERB"), tok))
            not in s.w["remedy_verbs"]
        )  # "traces back to K.R., who changed the retry limit": initials are a person
    named = tok.text[:1].isupper() and (
        is_given_name(tok.lower_)
        or s.entity(tok) == "PERSON"
        or (
            len(parts) == 2
            and all(p.isalpha() for p in parts)
            and not any(_in_dictionary(p.lower()) for p in parts)
        )
        or (
            tok.tag_ == "NNP"
            and tok.i + 1 < len(s.doc)
            and s.doc[tok.i + 1].tag_ == "NNP"
            and s.doc[tok.i + 1].text.istitle()
            and tok.text.isalpha()
            and s.doc[tok.i + 1].text.isalpha()
            and not _in_dictionary(tok.lower_)
            and not _in_dictionary(s.doc[tok.i + 1].lower_)
            and tok.lower_ not in s.w["not_names"]
        )  # a full name no list knows: "Root cause: Haruto Sato disabled the canary step"
    )  # (a name the parser took for a compound: "Root cause: Keiko hand-edited ...", and a
    # hyphenated given name no list knows: "caused by Joon-ho manually editing the pool")
    if not named:
        # "the on-call engineer": the head of the phrase decides
        while tok.dep_ in ("compound", "amod") and tok.head.i > tok.i:
            tok = tok.head
        if tok.lower_ in ("the", "a", "an", "one") and tok.head.i > tok.i:
            tok = tok.head
        if s.person_kind(tok) != "person":
            return False
    after = [x for x in s.doc if x.i > tok.i]
    contracted = [x.lower_ for x in after[1:3]] == ["the", "one"]  # "Thiago's the one who"
    if after and after[0].lower_ in ("'s", "’s") and not contracted:
        owned = next((x for x in after[1:] if x.pos_ in ("NOUN", "PROPN")), None)
        return owned is not None and lemma(owned) in s.w["work_nouns"]  # not "Marius's fuzzer"
    verb = next((x for x in after if x.pos_ == "VERB" and x.lower_ not in ("was", "is")), None)
    if verb is None:
        return False
    if _WRONG_WAY.search(s.text) or _WITHOUT_CHECK.search(s.text):
        return True  # "resulted from Hamid restoring an outdated snapshot over the live volume",
        # "it was the night controller who reset the alarm without dispatching a crew to look"
    return lemma(verb) not in s.w["remedy_verbs"] and not _remedy(s, verb)


#: an act, even a fix, done without the check it needed
_WITHOUT_CHECK = re.compile(
    r"\bwithout\s+(?:first\s+)?(?:[\w-]+ing\s+)(?:[\w-]+\s+){0,4}?(?:to\s+)?(?:investigat\w*|check\w*|"
    r"verif\w*|confirm\w*|test\w*|inspect\w*|look\w*\s+into)\b",
    re.I,
)


@gated(lambda text, _p, _w: any(frame.search(text) for frame in _FRAMES))
@judge
def agent_framed(s: Sentence) -> Iterator[Hit]:
    """A sentence built to name who did it: a cleft, 'caused by', 'traces back to', 'the
    trigger was', 'because' with a person as the agent."""
    if (
        s.is_question()
        or s.states_principle()
        or _POSITIVE.search(re.sub(r"\bthanks\s+to\b", "", s.text, flags=re.I))
    ):
        return  # (a sarcastic "thanks to Dmitri ignoring the warning" is no thanks)
    for frame in _FRAMES:
        for m in frame.finditer(s.text):
            if not _framed_person(s, m.start("who"), m.end()):
                continue
            if re.search(r"\b(?:not|never|no\s+one|nobody)\b", s.text[: m.start()], re.I):
                continue
            reason = re.search(r"\b(?:reason|cause)\s+(?:why\s+|that\s+|for\s+)?", m.group(0), re.I)
            if reason and not _outcome_told(s, s.text[m.start() + reason.end() :]):
                continue  # "Dave is the reason the migration finished on time"
            end = len(s.text.rstrip().rstrip(".!;:"))
            start = max(m.start(), s.doc[s.lead_end()].idx)
            yield start, end, None
            return


@gated(
    _by(
        re.compile(
            r"\b(?:is|was|'s|’s|are|were)\s+(?:all\s+|squarely\s+|entirely\s+|firmly\s+)?on\s+(?:[A-Z@]|him\b|her\b|them\b|the\s+[\w-]+\s+(?:team|group|department|squad|folks|crew))"
        )
    )
)
@judge
def blame_on(s: Sentence) -> Iterator[Hit]:
    """'The retry storm is on Yusuf': the failure is laid on a person."""
    if s.is_question() or s.states_principle():
        return
    for t in s.doc:
        if t.lower_ != "on" or t.dep_ != "prep" or lemma(t.head) != "be":
            continue
        objs = [c for c in t.children if c.dep_ == "pobj"]
        if not objs or not (
            s.person_kind(objs[0]) in ("person", "group")
            or objs[0].lower_ in ("him", "her", "them")
        ):
            continue
        if t.head.dep_ in ("relcl", "acl"):
            continue  # "the pool that was on NVMes"
        holder = s.subject(t.head)
        if holder is not None and holder.lower_ in ("that", "which", "who"):
            continue
        yield s.span_start(t.head), objs[0].idx + len(objs[0].text), None
        return


_PERFECT = re.compile(
    r"\b(?:should|shouldn['’]t|ought|could|couldn['’]t|must|might|would)(?:\s+not|\s+never)?(?:\s*,)?\s+(?:\w+\s+){0,2}(?:have|of)\b|\b(?:should|could|must|might|would)(?:['’]?ve|a|\s+had)\b"
    r"|['’]d\s+(?:\w+\s+)?have\b",
    re.I,
)
_MODALS = {
    "should",
    "ought",
    "could",
    "shouldn't",
    "couldn't",
    "might",
    "would",
}  # not "must": "must have changed" is a deduction
_WOULD_VERBS = {
    "prevent",
    "avoid",
    "catch",
    "stop",
    "notice",
    "spot",
    "detect",
    "flag",
    "realise",
    "realize",
    "know",
    "check",
    "test",
    "verify",
}


#: what befell, not what someone did: "we could have lost the data", "it could have been worse"
_OUTCOMES = {
    "be", "go", "lose", "break", "corrupt", "crash", "fail", "cause", "hit", "affect", "impact",
    "end", "become", "get", "see", "happen", "suffer", "face", "experience", "incur", "result",
    "leak", "expose", "take", "turn", "escalate", "spread", "last", "cost", "need", "want",
    "use", "survive", "recover", "reach", "run",
}  # fmt: skip
#: what one "could have used" as a wish, not as a tool left unused
_WISHED_FOR = {"help", "hand", "break", "rest", "time", "sleep", "support", "coffee", "day", "luck"}
#: what one takes as a precaution: "could have taken a backup" (not "taken a hit")
_PRECAUTIONS = {
    "backup", "snapshot", "dump", "copy", "precaution", "look", "step", "moment", "minute",
    "second", "peek", "glance", "lock", "export",
}  # fmt: skip
#: repairs: "we could have restored it quickly" says what a safeguard would have given
_REPAIRS = {
    "restore", "recover", "continue", "fix", "repair", "resolve", "mitigate", "rollback",
    "revert", "rescue", "save", "stabilise", "stabilize", "rebuild", "resume", "reduce",
}  # fmt: skip
#: what systems do to requests and alerts: "the request should have been rejected"
#: what people write and send, not a system: "the letter should not have been sent"
_WRITTEN_BY_PEOPLE = {
    "letter", "email", "e-mail", "memo", "notice", "announcement", "grade", "grades", "invoice",
    "offer", "contract", "tweet", "newsletter", "statement", "prescription", "circular",
    "bulletin", "transcript",
}  # fmt: skip
_SYSTEM_PASSIVE = {
    "fire", "trigger", "route", "send", "deliver", "emit", "log", "replicate", "sync",
    "reject", "block", "drop", "allow", "permit", "return", "serve", "cache", "evict",
    "retry", "queue", "process", "throttle", "rate-limit", "encrypt", "compress", "index",
    "invalidate", "refresh", "expire", "renew", "rotate", "scale", "kill", "restart",
}  # fmt: skip


#: what a team could have done something with: a tool, not a person's care
_TOOLS = _SAFEGUARDS | {
    "dashboard", "metric", "metrics", "probe", "test", "linter", "lint", "tool", "tooling",
    "automation", "script", "diff", "alerting", "graph", "query", "trace", "tracing", "log",
    "logs", "check", "canary", "runbook", "playbook", "flag", "rollout", "staging",
}  # fmt: skip


def _with_tool(verb: Token) -> bool:
    """'caught the drift with a config diff alert', 'using the canary', 'through staging'."""

    def tool(g: Token) -> bool:
        # (not "with a quick check", "a five-minute look": a person's care, in hindsight)
        return lemma(g) in _TOOLS and not any(
            _CARE.search(c.text) for c in g.children if c.dep_ in ("amod", "compound", "nummod")
        )

    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("with", "using", "via", "through", "from", "by"):
            if any(tool(g) for g in c.children if g.dep_ == "pobj"):
                return True
        if c.lower_ == "using" and any(tool(g) for g in c.children):
            return True
    return False


_CARE = re.compile(r"quick|simple|basic|cursory|minute|second|little|single|careful|proper", re.I)


def _system_agent(s: Sentence, verb: Token) -> bool:
    """'...should have been rejected by the gateway': the passive's agent is a system."""
    for c in verb.children:
        if c.dep_ == "agent":
            return not any(s.person_kind(g) for g in c.children if g.dep_ == "pobj")
    return False


def _had_they(s: Sentence) -> bool:
    """A condition on what a person or a group had done, with its better outcome: "had the
    anaesthetist confirmed the allergy status, a different agent would have been selected", "if
    ana had read the runbook she'd have known", "had anyone on the rota glanced at the
    dashboard, customers never would've noticed". (Not a system's: "if the alert had fired";
    not "we", whose own lesson it is; not what a person did not do, which credits them.)"""
    for had in s.doc:
        if had.lower_ not in ("had", "'d") or had.dep_ != "aux":
            continue
        done = had.head
        if done.tag_ != "VBN" and done.lower_ != inflect(lemma(done), "VBN"):
            continue  # ("Had the anaesthetist confirmed/VBD ...": the tagger's past)
        inverted = had.i == s.lead_end() and had.lower_ == "had"
        marked = any(c.dep_ == "mark" and c.lower_ == "if" for c in done.children)
        if not (inverted or marked) or s.negated(done):
            continue
        subj = next((c for c in done.children if c.dep_ == "nsubj"), None)
        if subj is None and inverted:
            subj = next((c for c in had.head.children if c.dep_ == "nsubj"), None)
        if (
            subj is None
            or subj.lower_ in ("nobody", "none", "no-one")
            or any(c.lower_ == "no" for c in subj.children)
        ):
            continue  # ("if nobody had checked, the table would have been dropped": credit)
        after = s.doc[subj.i + 1] if subj.i + 1 < len(s.doc) else None
        thing = s.is_tech(subj) or subj.text.isupper()
        if after is not None and after.pos_ in ("NOUN", "PROPN"):
            thing = thing or after.text.isupper() or s.is_tech(after)
        who = s.person_kind(subj) if not thing else ""
        # ("had the vendor SDK honoured the Retry-After header": a program)
        if who not in ("person", "group") and subj.lower_ not in (
            "anyone",
            "anybody",
            "someone",
            "somebody",
            "everyone",
            "everybody",
        ):
            continue
        # the better outcome: a "would/could/'d have" on another verb of the sentence (or on a
        # "have" the parser made the verb), or "we'd never be here"
        if any(
            t.lower_ in ("would", "could", "'d", "might")
            and t.head.i != done.i
            and (
                any(x.lower_ in ("have", "'ve", "ve") for x in t.head.children)
                or t.head.lower_ in ("have", "'ve")
                or (
                    lemma(t.head) == "be"
                    and any(x.lower_ == "here" for x in t.head.children)
                    and s.negated(t.head)
                )
            )
            for t in s.doc
        ):
            return True
    return False


def _care_would_have(s: Sentence) -> bool:
    """People's care, named as a noun, as what would have averted it: "better vigilance by the
    crew would have averted the loss of separation", "proper adherence to the procedure by
    maintenance personnel would have prevented the injury"."""
    for verb in s.doc:
        if lemma(verb) not in ("prevent", "avert", "avoid", "stop", "catch", "save", "spare"):
            continue
        if not (
            any(c.lower_ in ("would", "could", "might") for c in verb.children)
            and any(c.lower_ in ("have", "'ve") for c in verb.children)
        ) or s.negated(verb):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ != "NOUN":
            continue
        # (the "by" may hang on the procedure: "adherence to the procedure by maintenance
        # personnel")
        if any(
            c.dep_ == "prep"
            and c.lower_ in ("by", "from", "of")
            and any(
                g.dep_ == "pobj" and s.person_kind(g) in ("person", "group") for g in c.children
            )
            for c in subj.subtree
        ):
            return True
    return False


#: a heading-like label that opens a line: "What went wrong:", "Lessons learned -"
_SECTION_LABEL = re.compile(r"^\W*(?:what|how|why|which)\b(?:\s+[\w'’]+){0,3}\s*[:—–]\s*\S", re.I)


#: words a chat message may open with before a subjectless "should have"
_CHAT_OPENERS = {
    "really", "honestly", "tbh", "ngl", "tbf", "imo", "imho", "so", "yeah", "ok", "okay", "well",
    "srsly", "seriously", "def", "definitely", "prob", "probably", "just", "i", "mean", "lol",
}  # fmt: skip


def _have(t: Token) -> bool:
    """The auxiliary "have" however it is written ("'ve", "ve", chat's "a" of "shoulda")."""
    return t.lower_ in ("have", "'ve", "’ve", "ve") or (t.lower_ == "a" and t.norm_ == "have")


#: what "anyone could have ..." claims was there to know
_FORESIGHT_VERBS = {
    "predict", "foresee", "see", "spot", "tell", "know", "guess", "anticipate", "expect",
    "catch", "notice", "avoid", "prevent", "stop", "figure", "work", "realise", "realize",
}  # fmt: skip


@gated(_by(_PERFECT))
@judge
def counterfactual(s: Sentence) -> Iterator[Hit]:
    """What people should, could or ought to have done: judging the past by what we know now."""
    if s.states_principle() or s.is_question():
        return  # "Could we have handled it better?" is the blameless question itself
    if _NO_ONE_PERSON.search(s.text) or _SYSTEM_CONDITION.search(s.text):
        return  # "no single person could have known", "we could have detected it sooner if the
        # synthetic check had covered the login flow": the system's lack, not a person's
    if (_had_they(s) or _care_would_have(s)) and not credit_not_blame(s.text):
        yield 0, len(s.text.rstrip(" .?!")), None
        return
    for m in s.doc:
        if m.lower_ not in _MODALS and not (m.lower_ == "ought" or m.lemma_ == "should"):
            continue
        verb = (
            m.head if m.dep_ == "aux" else next((c for c in m.children if c.dep_ == "xcomp"), None)
        )
        if verb is None:
            continue
        hung = None
        if _have(verb) and verb.dep_ == "aux" and verb.head.tag_ == "VBN":
            hung, verb = verb, verb.head  # "I should have double-checked": the modal and the
            # subject hang on the "have"
        haves = [
            c for c in verb.children if c.dep_ == "aux" and (_have(c) or c.lower_ == "of")
        ]  # ("shouldve pinged", "shoulda pinged": chat's spellings, which the tokenizer splits)
        if (
            not haves
            and m.i + 1 < len(s.doc)
            and (s.doc[m.i + 1].lower_ in ("of", "had") or _have(s.doc[m.i + 1]))
        ):
            haves = [s.doc[m.i + 1]]  # "should of held the train": the parser read a preposition
            # ("shoulda just waited", read as a subject; "the team should had tested", a
            # learner's perfect)
        ongoing = verb.tag_ == "VBG" and any(c.lower_ == "been" for c in verb.children)
        participle = verb.tag_ == "VBN" or (
            verb.tag_ in ("VB", "VBD", "VBP") and verb.lower_ == inflect(lemma(verb), "VBN")
        )  # ("could have at least read the runbook": the tagger took "read" for a base form)
        if not haves or (not participle and not ongoing):  # ("should have been watching")
            continue  # "we should have a dashboard" is a plan; only 'have' + participle looks back
        if any(c.dep_ == "mark" and c.lower_ in ("what", "which", "how") for c in verb.children):
            continue
        if s.doc[0].lower_ in ("what", "which", "how", "who", "where", "when", "why") and not (
            _SECTION_LABEL.match(s.text)
        ):
            continue  # a question asks what would have helped: that is the blameless question
            # (not a section's label: "What went wrong: the deployer should have rolled back")
        subj = None
        if hung is not None:
            subj = next((c for c in hung.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None:
                # "we could, and should have, done better": the subject hangs on the first
                # modal (climbing the parse from "done" would reach another clause's subject)
                subj = next(
                    (
                        t
                        for t in reversed(s.doc[: m.i])
                        if t.dep_ == "nsubj" and t.head.tag_ == "MD" and m.i - t.i <= 4
                    ),
                    None,
                )
        if subj is None:
            subj = s.subject(verb if m.dep_ == "aux" else m)
        if subj is not None and subj in haves:
            subj = None  # ("shoulda just waited for the canary": no subject, the note's writer's)
        kind = s.person_kind(subj)
        if subj is None and re.fullmatch(
            r"\W*(?:the\s+|our\s+)?(?:on[\s-]?call|oncall)(?:\s+engineer)?\s*",
            s.text[: m.idx],
            re.I,
        ):
            kind = "person"  # "on-call should've paged the DB folks": the parser split the role
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        lem = lemma(verb)
        if (
            subj is not None
            and (
                subj.lower_ in ("nobody", "no-one")
                or subj.lower_ == "one"
                and any(c.lower_ == "no" for c in subj.children)
            )
            and m.lower_ in ("could", "couldn't", "might", "would")
        ):
            continue  # "nobody could have known about the firmware bug" clears people
        if (
            subj is not None
            and m.lower_ in ("could", "might")
            and not passive
            and (
                subj.lower_ in ("anyone", "anybody")
                or any(c.lower_ == "any" for c in subj.children)
                and (s.person_kind(subj) in ("person", "group") or subj.lower_ in ("one", "of"))
            )
            and lem not in _FORESIGHT_VERBS
        ):
            continue  # "any nurse on that shift might have picked up the wrong vial", "anyone
            # could have made that slip": the substitution test, which clears the person (but
            # "anyone could have predicted it" claims foresight)
        if any(c.lower_ in ("automatically", "programmatically") for c in verb.children):
            continue  # "should have been renewed automatically by cert-manager": a system's job
        if lem in ("avoid", "prevent") and passive:
            continue  # "could have been prevented" is the preventable rule's
        if lem == "happen":
            continue  # "should never have happened": preventable
        low_subj = subj.lower_ if subj is not None else ""
        if kind:
            pass
        elif (
            subj is None
            and m.lower_ in ("should", "ought")
            and (
                m.i == s.lead_end()
                or s.doc[m.i - 1].is_punct
                or all(t.lower_ in _CHAT_OPENERS for t in s.doc[s.lead_end() : m.i])
            )
        ):
            pass  # "- should have done the change on one host first": a note about ourselves
            # (and "really shouldve pinged db oncall first")
        elif passive and lem in s.w["check_verbs"]:
            pass
        elif (
            passive
            and m.lower_ in ("should", "ought", "shouldn't")
            and (
                lem not in _SYSTEM_PASSIVE
                or subj is not None
                and (lemma(subj) in _WRITTEN_BY_PEOPLE or subj.lower_ in _WRITTEN_BY_PEOPLE)
            )
            and not _system_agent(s, verb)
        ):
            pass  # "the restore procedure should have been rehearsed": someone should have
            # (and "the outcome letter should not have been sent": people send letters)
        elif (
            subj is not None
            and lemma(subj) in s.w["work_nouns"]
            and (lem in s.w["ship_verbs"] or lem == "wait")
        ):
            pass  # "the deploy should have waited until Monday"
        elif low_subj in ("it", "this", "that", "these", "those") and lem in s.w["ship_verbs"]:
            pass
        elif (
            low_subj in ("it", "this", "that")
            and lem in ("obvious", "clear")
            or lem in ("know", "realise", "realize", "notice")
        ):
            pass
        else:
            continue  # a system's counterfactual: "the alert should have fired"
        if m.lower_ in ("could", "couldn't", "might", "would"):
            # "could have" blames only when it is about catching or stopping the failure;
            # "options we could have taken", "anyone could have created the bucket" do not
            caught = (
                passive
                and lem in ("catch", "spot", "notice")
                and m.lower_ == "could"
                and not any(c.dep_ == "agent" for c in verb.children)
            )
            # "He could have asked in the channel": any act a person could have taken, but not
            # an outcome ("we could have lost the data") and not "would" with a plain act
            obj = s.object(verb)
            taken = lem == "take" and obj is not None and lemma(obj) in _PRECAUTIONS
            ideally = m.lower_ == "would" and any(
                t.lower_ in ("ideally", "preferably") for t in s.doc[: m.i]
            )  # "ideally the DBA would have taken a snapshot first": what they could have done
            could = (
                (m.lower_ in ("could", "might") or ideally)
                and kind in ("person", "we", "group")
                and not passive
                and (
                    lem not in _OUTCOMES
                    or taken
                    or ideally
                    or (lem == "escalate" and kind in ("person", "group"))
                    or (
                        lem == "use"
                        and kind == "person"
                        and obj is not None
                        and lemma(obj) not in _WISHED_FOR
                        and not any(
                            c.lower_ in ("a", "an", "more", "some", "extra", "another")
                            for c in obj.children
                            if c.dep_ in ("det", "amod")
                        )
                    )  # "Fatima could have used the config CLI" (not "could have used a hand")
                    or (
                        kind in ("person", "group")
                        and lem in s.w["act_verbs"]
                        and lem not in s.w["harmful_verbs"]
                        and lem not in ("break", "cause", "take", "fail", "leak", "expose")
                        and obj is not None
                    )  # "the engineer could have run it with the dry-run flag first"
                )  # ("a responder could have escalated": a person's act); ("could have taken a backup": an
                # act; so is "ideally the author would have run the load test")
                and lem not in _REPAIRS
            )  # ("we could have restored it quickly" says what a safeguard would have given)
            if m.lower_ in ("could", "might") and kind == "we" and _with_tool(verb):
                continue  # so does "we could have caught the drift with a config diff alert"
            if (
                not caught
                and not could
                and (kind not in ("person", "we", "group") or lem not in _WOULD_VERBS or passive)
            ):
                continue
            if (
                s.negated(verb)
                or any(c.dep_ == "neg" for c in m.children)
                or m.lower_ == "couldn't"
            ):
                continue  # "we could not have asked for cleaner evidence"
            if subj is not None and subj.lower_ in ("anyone", "anybody"):
                continue
        if verb.dep_ in ("relcl", "acl") or m.head.dep_ in ("relcl", "acl"):
            continue  # "people that could have helped": describing, not judging
        if lem == "be" and any(c.lower_ == "able" for c in verb.children):
            continue  # "they should not have been able to log in": a system permitted it
        yield (
            (s.span_start(subj) if subj is not None else m.idx),
            s.clause_end(verb if m.dep_ == "aux" else m),
            None  # ("the team should had tested it, then we are not in this problem": a
            # learner's sentence whose next clause an edit would turn around; the question only)
            if haves[0].lower_ == "had"
            else _counterfactual_edit(s, m, verb, subj, passive),
        )
        return


def _counterfactual_edit(
    s: Sentence, modal: Token, verb: Token, subj: Token | None, passive: bool
) -> rewrite.Edit | None:
    if re.search(r"\b(?:in\s+hindsight|in\s+retrospect|looking\s+back)\b", s.text, re.I):
        return None  # the rewrite would keep "in hindsight" before a plain fact
    if subj is None or modal.lower_ in ("could", "couldn't", "might", "would"):
        return None  # "might have prevented the outage by reading ...": no fact to state
    top = verb if modal.dep_ == "aux" else modal
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in top.children):
        return None  # the subject is a first act's ("John deployed bad code and should have
        # caught it"): a rewrite from there would drop that act
    if any(c.dep_ == "advcl" and any(g.lower_ == "if" for g in c.children) for c in verb.children):
        return None  # "...if we had checked" keeps a counterfactual in any rewrite
    if re.search(r"\b(?:instead\s+of|rather\s+than)\b", s.text, re.I):
        return None  # "instead of restarting it, she should have drained it": two acts, one verb
    if any(c.dep_ == "acomp" for c in verb.children):
        return None  # "should have been more careful": no fact to keep
    if re.search(r",\s*not\b|\bat\s+least\b|\blet\s+alone\b", s.text[verb.idx :], re.I) or (
        re.search(r"\buntil\b", s.text[verb.idx :], re.I)
        and (
            modal.lower_.endswith("n't")
            or any(c.dep_ == "neg" for c in modal.children)
            or s.negated(verb)
        )
    ):
        return None  # "within five minutes, not forty", "at least once", "not ... until": the
        # negation a rewrite adds would take the wrong scope
    if top.dep_ == "advcl" and any(c.lower_ in ("when", "while", "where") for c in top.children):
        return None  # "sign-off was given when it should have been withheld"
    if passive and any(
        c.dep_ == "agent" and any(s.person_kind(g) for g in c.children) for c in verb.children
    ):
        return None  # "should have been caught by the person doing the release": still them
    if subj.pos_ == "PRON":
        subj_text = subj.text if subj.text != "I" and subj.lower_ != "i" else "I"
    else:
        phrase = rewrite._noun_phrase(s, subj)
        if phrase is None:
            return None
        subj_text = phrase[2]
    negated = (
        s.negated(verb)
        or modal.lower_.endswith("n't")
        or any(c.dep_ == "neg" for c in modal.children)
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
        return (
            start,
            end,
            f"{text} {be}{'' if negated else ' not'} {participle}" + rewrite._rest(s, after, end),
        )
    if negated:
        if s.person_kind(subj) in ("person", "group") or subj.lower_ == "you":
            return None  # "Ekaterina approved a change with no tests": still about her
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
    if s.person_kind(subj) in ("person", "group") or subj.lower_ == "you":
        return None  # "You did not wait for the canary": the person stays the agent
    return rewrite.did_not(s, verb, subj, subj_text)


_IF_ONLY = Alternatives(
    ("only", r"\bif\s+only\b(?!\s+(?:one|a|an|some|part|for)\b)"),
    (
        "had",
        r"^\W*(?:\d{1,2}:\d{2}\S*\s+)?had\s+(?:we|they|you|he|she|someone|somebody|anyone|anybody|people|the\s+team|(?-i:[A-Z])\w+)\s+(?:\w+ly\s+)?(?:[\w-]+ed|known|seen|done|run|read|caught|thought|built|made)\b",
    ),
)
_IF_ONLY = _IF_ONLY + Alternatives(
    (
        ("better", "prudent", "safer", "smarter", "wiser"),
        r"\bit\s+would\s+have\s+been\s+(?:better|wiser|smarter|prudent|safer)\s+(?:to|if)\b",
    ),
    ("right", r"\bthe\s+right\s+(?:thing|call|move)\s+(?:would\s+have\s+been|was)\s+to\b"),
    (
        "done",
        r"\bwhat\s+(?:we|they|he|she|you|(?:the|our)\s+(?:[\w-]+\s+){0,2}?(?:engineer|operator|team|crew|"
        r"driver|nurse|lead|manager|developer|dev|staff|shift|controller|dispatcher|technician|pilot))\s+"
        r"(?:should|ought\s+to)\s+have\s+done\b",
    ),
    (
        ("advisable", "appropriate", "expected", "proper", "reasonable", "sensible"),
        r"\bit\s+would\s+have\s+been\s+(?:more\s+)?(?:appropriate|sensible|advisable|reasonable|expected|proper)\s+"
        r"for\s+(?:staff|him|her|them|(?-i:[A-Z][a-z]+)|(?:the|our)\s+(?:[\w-]+\s+)?(?:team|engineer|operator|crew|"
        r"nurse|driver|on-?call|lead|manager|developer|reviewer|staff|shift|dispatcher|controller|"
        r"technician|pilot|responder)s?)\s+to\s+\w+",
    ),
    (
        "been",
        r"\b(?:and|but)\s+(?:it|that|this|they)\s+should(?:n['’]t|\s+not)\s+have\s+been\s*[.!]?\s*$",
    ),
    (
        "been",
        r"\b(?:could|should|might)(?:\s+have|['’]ve)\s+been\s+(?:handled|managed|run|done|executed|"
        r"communicated|coordinated)\s+(?:much\s+|far\s+|a\s+lot\s+|way\s+|a\s+(?:little|bit)\s+)?"
        r"(?:better|more\s+carefully|more\s+professionally)\b",
    ),
    (
        "needed",
        r"\b(?:we|they|he|she|you|(?-i:[A-Z])[a-z]+|(?:the|our|their)\s+(?:[\w-]+\s+){0,2}(?:team|crew|shift|"
        r"staff|squad|department|desk|engineers?|operators?|nurses?|drivers?|pilots?|controllers?|"
        r"dispatchers?|technicians?|contractors?|reviewers?|managers?|lead))\s+(?:really\s+)?needed\s+to\s+have\s+"
        r"(?:[\w-]+ed|run|done|taken|caught|read|told|sent|set\s+up|shut|put)\b",
    ),
)
_WOULD_IF = re.compile(
    r"\b(?:we|they|you|he|she|i|(?-i:[A-Z])[a-z]+)\s+(?:would|could|might)(?:n't)?\s+(?:have|'ve)\s+[^.;]*\bif\s+(?:we|they|you|he|she|i|someone|the\s+team|(?-i:[A-Z])[a-z]+)\s+(?:had|'d)\b",
    re.I,
)
_HAD_WE = re.compile(
    r"\bif\s+(?:we|they|you|he|she|someone|somebody|anyone|the\s+team|(?-i:[A-Z])[a-z]+)\s+(?:had|'d)\s+(?:\w+ly\s+)?(?:just\s+|only\s+)?(?:\w+ed|known|seen|done|run|read|caught|thought|built|made|taken)\b[^.]*?,?\s*(?:we|they|you|he|she|it|this|the\s+\w+)\s+(?:would|could|might)(?:n't)?\s+(?:have|not\s+have|never\s+have|still\s+be)\b",
    re.I,
)


_UNMET = re.compile(
    r"\b(?:but|and|yet)\s+(?:it\s+|we\s+|they\s+|he\s+|she\s+|I\s+)?(?:never\s+(?:did|was|were|happened)|didn['’]t|did\s+not|wasn['’]t|was\s+not|weren['’]t|hadn['’]t|never)\b"
    r"|;\s*(?:it|they|the\s+\w+)\s+(?:was|were)\s+still\b",
    re.I,
)


#: what says a need went unmet: "needed to announce it before starting, not halfway through"
_UNMET_NEED_WORDS = (
    r"\b(?:before\s+\w+ing|first|instead|actually|really|rather\s+than|but\s+(?:did|didn|never)|"
    r"not\s+(?:after|halfway|during)|and\s+(?:did|didn|never)|but\s+(?:\w+ed|went|ran|took|made|gave|left)|"
    r"but\b[^.;]*\b(?:never|not|didn['’]t))\b"
)
_UNMET_NEED = re.compile(_UNMET_NEED_WORDS, re.I)


#: the expectation met: "was expected to respond within fifteen minutes, and did"
_EXPECTATION_MET = re.compile(
    r"[,;]?\s+(?:and|which)\s+(?:he|she|they|it|we)?\s*(?:duly\s+|promptly\s+)?(?:did|was|were)"
    r"(?:\s+so)?\s*[.!]?\s*$",
    re.I,
)


@gated(
    _by(
        re.compile(
            r"\b(?:was|were|had\s+been|is|are)\s+(?:\w+\s+)?(?:supposed|expected|meant|required|asked|told)\s+to\b"
            r"|\bneeded\s+to\b",
            re.I,
        )
    )
)
@judge
def expectation(s: Sentence) -> Iterator[Hit]:
    """'He was supposed to rotate the credentials': an expectation held against a person."""
    if s.is_question() or s.states_principle() or _EXPECTATION_MET.search(s.text):
        return
    for t in s.doc:
        if t.lower_ == "needed" and t.tag_ == "VBD":
            # "Maria needed to announce the maintenance before starting it": a person's need
            # stated after the fact is what they did not do
            xcomp = next(
                (
                    c
                    for c in t.children
                    if c.dep_ in ("xcomp", "advcl") and any(g.lower_ == "to" for g in c.children)
                ),
                None,
            )
            subj = s.subject(t)
            if subj is None and t.dep_ == "acl" and t.head.i < t.i:
                subj = t.head  # ("the pilots needed to cross-check ...", read as a noun phrase)
            if (
                xcomp is not None
                and (
                    _UNMET_NEED.search(s.text, t.idx)
                    or lemma(xcomp) in s.w["check_verbs"]
                    and lemma(xcomp) not in ("do", "wait", "stop", "delay", "postpone")
                    and not re.search(r"\b(?:because|as|since|so\s+that)\b", s.text[t.idx :], re.I)
                )  # ("the pilots needed to cross-check the fuel figure": a check not made)
                and lemma(xcomp) not in ("be", "have", "get")
                and (
                    s.person_kind(subj) == "person"
                    or subj is not None
                    and subj.lower_ in ("whoever", "someone", "somebody")
                )
                and subj.lower_ not in ("i", "we", "you", "they")
                and not _conditional(t)
            ):
                yield s.span_start(subj), s.clause_end(t), None
                return
            continue
        if (
            t.lower_ not in ("supposed", "expected", "meant", "required", "asked", "told")
            or t.tag_ != "VBN"
        ):
            continue
        xcomp = next((c for c in t.children if c.dep_ == "xcomp"), None)
        if xcomp is None or not any(c.lower_ == "to" for c in xcomp.children):
            continue
        subj = s.subject(t)
        if subj is not None and not s.person_kind(subj):
            subj = next(
                (c for c in subj.children if c.dep_ == "appos" and s.person_kind(c)), subj
            )  # ("the game server admin was supposed to ...", read as "server, admin")
        # "...but didn't", "...and never did", "...; it was still public": the expectation
        # was not met, whoever held it ("the renewal was supposed to happen in August and
        # never did")
        unmet = bool(_UNMET.search(s.text, t.idx))
        if s.person_kind(subj) not in ("person", "group") and not unmet:
            continue
        if not any(c.lower_ in ("was", "were", "had") for c in t.children) or (
            lemma(xcomp) in ("be", "have", "remain", "stay", "keep")
            and not (
                unmet and lemma(xcomp) == "be" and any(c.tag_ == "VBN" for c in xcomp.children)
            )
        ):
            continue  # "engineers are expected to be on call one week in six": a policy
        if t.lower_ in ("asked", "told", "required", "expected") and not re.search(
            r"\b(?:but|and\s+didn't|and\s+did\s+not|never|yet|not\s+at)\b", s.lower
        ):
            if not (t.lower_ == "expected" and lemma(xcomp) in s.w["check_verbs"]):
                continue  # "Dana was asked to lead the call", "Maria was expected to join the
                # call at 10" are neutral events
        # (an unmet expectation whose holder the parse lost: the clause from its first word)
        start = s.span_start(subj) if subj is not None else s.doc[t.left_edge.i].idx
        yield start, s.clause_end(t), None
        return


#: what says a duty went undone: "... and skipped it", "; instead the purge went straight to
#: production", "and it never happened", "not forty minutes later", "by 02:00 at the latest"
_DUTY_UNMET = re.compile(
    r"(?:\b(?:and|but|yet)|[;—–])\s+(?:then\s+)?(?:it|that|this|they|he|she|we|I|nobody|no\s+one|none|the\s+[\w-]+|those\s+[\w-]+)?\s*"
    r"(?:never|didn['’]t|did\s+not|wasn['’]t|was\s+not|weren['’]t|skipped|missed|forgot|ignored|"
    r"went\s+(?:out|live|ahead)\s+without|(?:was|were|got)\s+skipped)\b"
    r"|\binstead\b|\bwithout\s+(?:it|them|one|that)\b|\bnot\s+(?:\w+\s+){0,2}(?:minutes?|hours?|days?|weeks?)\s+later\b"
    r"|\bat\s+the\s+latest\b|\bnever\s+(?:happened|did|was\s+done|took\s+place|got\s+done)\b"
    r"|\bwithout\s+(?:anyone|anybody|someone|a\s+person)\s+(?:\w+ly\s+)?\w+ing\b",
    re.I,
)
_SYSTEM_NOUNS = {
    "rule", "system", "service", "tool", "script", "job", "pipeline", "probe", "dashboard",
    "alerting", "detector", "sensor", "scanner", "linter", "cron", "scheduler", "bot", "queue",
    "cache", "server", "host", "node", "database", "replica", "config", "setting", "threshold",
}  # fmt: skip
_STRONG_DUTY = {"supposed", "meant", "obliged", "obligated"}
_DUTY_NOUNS = {"duty", "obligation", "responsibility", "job", "task"}


@gated(
    _by(
        re.compile(
            r"\b(?:supposed|meant|required|expected|obliged|obligated|needed|ought)\s+to\b"
            r"|\bhad\s+(?:a|an|the)\s+(?:duty|obligation|responsibility|job)\b"
            r"|\b(?:job|duty|responsibility|task)\s+of\b|['’]s\s+(?:job|duty|responsibility|task)\b|\bif\s+(?:I|we|he|she|they|(?-i:[A-Z])\w+)\s+had\s+\w+"
            r"|\b(?:was|were)\s+to\s+\w+\b[^.;]*[;—–]\s*(?:this|that|it)\s+(?:was\s+not|wasn['’]t|never)\b",
            re.I,
        )
    )
)
@judge
def unmet_duty(s: Sentence) -> Iterator[Hit]:
    """A duty someone had, told after the fact as not met: 'the engineer was required to open a
    change ticket and skipped it', 'the admin had a duty to notify the SOC', 'testing the
    down-migration was the job of the migration author, and it never happened', 'if I had
    double-checked the region, the buckets would still exist'."""
    if s.is_question() or s.states_principle():
        return
    for t in s.doc:
        low = t.lower_
        holder = None
        strong = False
        if low in _STRONG_DUTY | {"required", "expected"} and t.tag_ == "VBN":
            if not any(c.lower_ in ("was", "were", "had") for c in t.children):
                continue  # "engineers are expected to ...": a policy
            if not any(c.dep_ == "xcomp" for c in t.children) and not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in t.children
            ):
                continue
            holder = s.subject(t)
            of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if of is not None:  # "restore tests were required of the storage admin"
                holder = next((c for c in of.children if c.dep_ == "pobj"), holder)
            strong = low in _STRONG_DUTY
        elif (
            low in ("was", "were")
            and t.i + 2 < len(s.doc)
            and s.doc[t.i + 1].lower_ == "to"
            and s.doc[t.i + 2].dep_ == "xcomp"
            and s.doc[t.i + 2].head.i == t.i
        ):
            holder = s.subject(t)  # "Ms. Sato was to confirm the window; this was not done"
            if s.person_kind(holder) not in ("person", "group"):
                continue
        elif low == "needed" and t.tag_ == "VBD":
            if not any(
                c.dep_ in ("xcomp", "advcl") and any(g.lower_ == "to" for g in c.children)
                for c in t.children
            ):
                continue
            holder = s.subject(t)
        elif low == "had" and t.pos_ in ("VERB", "AUX"):
            obj = s.object(t)
            if obj is None or lemma(obj) not in _DUTY_NOUNS:
                continue
            holder = s.subject(t)
            strong = lemma(obj) in ("duty", "obligation")
        elif lemma(t) in _DUTY_NOUNS and t.dep_ == "attr" and lemma(t.head) == "be":
            of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            poss = next((c for c in t.children if c.dep_ == "poss"), None)
            holder = poss or (
                next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            )
            if holder is None or t.head.lower_ not in ("was", "were"):
                continue
        elif low == "ought" and re.match(r"ought\s+to\s+have\b", s.text[t.idx :], re.I):
            holder = s.subject(t.head) if t.head.i != t.i else s.subject(t)
            if holder is not None and (
                lemma(holder) in _SAFEGUARDS
                or lemma(holder) in _SYSTEM_NOUNS
                or any(c.lower_ in _SAFEGUARDS for c in holder.children if c.dep_ == "compound")
            ):
                continue  # "that disk rule ought to have paged at 80 percent": a system's
        elif low == "if" and t.dep_ == "mark":
            verb = t.head
            if not (
                verb.tag_ == "VBN"
                and any(c.lower_ == "had" for c in verb.children)
                and s.person_kind(s.subject(verb)) in ("person", "we")
                and re.search(
                    r"\bwould(?:n['’]t|\s+not|\s+still|\s+never|['’]ve|\s+have)\b", s.text, re.I
                )
                and not s.negated(verb)
                and lemma(verb) not in ("be", "have", "know")
            ):
                continue
            yield s.span_start(t), s.clause_end(verb.head if verb.head.i != verb.i else verb), None
            return
        else:
            continue
        if (
            holder is not None
            and holder.dep_ != "nsubjpass"  # ("the alert was not supposed to be acknowledged")
            and (lemma(holder) in _SYSTEM_NOUNS or lemma(holder) in _SAFEGUARDS)
        ):
            continue  # "it was the job of the release pipeline to block the build": a system's
        if (
            holder is not None
            and lemma(holder) in ("job", "task", "cron", "cronjob", "batch")
            and any(
                c.dep_ == "xcomp"
                and lemma(c) in ("run", "fire", "start", "execute", "trigger", "complete", "finish")
                for c in t.children
            )
        ):
            continue  # "the backup job was supposed to run at 01:00": a scheduled program's
        kind = s.person_kind(holder)
        unmet = _DUTY_UNMET.search(s.text, t.idx) is not None
        if strong and kind == "person" and holder.lower_ not in ("i", "we", "you", "they"):
            pass
        elif not unmet:
            continue
        yield s.doc[s.lead_end()].idx, len(s.text.rstrip().rstrip(".!;:")), None
        return


_ROLE = (
    r"(?:responder|reviewer|engineer|developer|on-?call(?:\s+engineer)?|operator|author|deployer|"
    r"admin|dba|sre|lead|manager|intern|approver|tester|release\s+manager|team|analyst|scientist|"
    r"designer|sysadmin|administrator|contractor|employee|person|owner|captain|agent)s?"
)
# "had the reviewer run the migration locally, ...", and a note about ourselves with no subject:
# "Forgot to cordon the node before rebooting it", "Failed to update the status page until ..."
_IF_ONLY = _IF_ONLY + Alternatives(
    (
        "had",
        r"^\W*(?:\d{1,2}:\d{2}\S*\s+)?had\s+the\s+(?:[\w-]+\s+)?"
        + _ROLE
        + r"\s+(?:\w+ly\s+)?(?:[\w-]+ed|read|run|seen|done|known|caught|taken|made|written)\b[^.?!]*\b(?:would|could|['’]d)(?:n['’]t)?\b",
    ),
    (
        ("attention", "care", "caution", "diligence", "thought", "prudence", "vigilance"),
        r"\bhad\s+(?:proper|more|due|reasonable|sufficient|adequate|basic|any|ordinary|normal|simple|"
        r"elementary|common)\s+(?:care|diligence|attention|caution|thought|prudence|vigilance)\s+been\s+"
        r"(?:exercised|taken|paid|shown|given|used)\b",
    ),
    (
        "had",
        r"\bif\s+(?:(?-i:[A-Z])[a-z]+|he|she|they|the\s+[\w-]+|someone|somebody)\s+(?:hadn['’]t|had\s+not)\s+[\w-]+[^.?!]*?(?:['’]d|would)\s+(?:still|not|never)\b",
    ),
    (
        ("anybody", "anyone", "somebody", "someone"),
        r"\bif\s+(?:someone|somebody|anyone|anybody)\b[^.?!]*?\bhad\b[^.?!]*?(?:['’]d|would|could)(?:n['’]t)?\s+have\b",
    ),
    (
        ("better", "good", "great", "helpful", "nice", "useful"),
        r"\bwould\s+have\s+been\s+(?:nice|good|great|helpful|better|useful)\s+if\s+(?:someone|somebody|anyone|anybody|they|he|she|(?-i:[A-Z])[a-z]+|the\s+[\w-]+)\s+had\b",
    ),
    (
        ("bother", "failed", "forgot", "neglected", "omitted"),
        r"^\W*(?:\d{1,2}:\d{2}\S*\s+)?(?:forgot|neglected|failed|omitted|didn['’]t\s+bother)\s+to\s+(?:\w+ly\s+)?(?:update|notify|tell|inform|check|follow|escalate|page|communicate|cordon|drain|test|review|verify|confirm|announce|post|document|rotate|renew|back\s+up|read|look|run|wait|stage|snapshot|warn|ask)\b",
    ),
)
# the condition put last, by inversion: "a dry run would have shown the 4,000 deletions, had
# anyone done one"
_IF_ONLY = _IF_ONLY + Alternatives(
    (
        "had",
        r"\bwould\s+have\s+[\w-]+\b[^.?!;]*,\s+had\s+(?:anyone|anybody|someone|somebody|they|he|she|"
        r"the\s+[\w-]+|(?-i:[A-Z])[a-z]+)\s+(?:\w+ly\s+)?(?:done|run|checked|looked|read|asked|tested|bothered)\b",
    ),
)
# a need stated and then left unmet by people: "they needed to wait for the canary to finish,
# and they didn't"
_IF_ONLY = _IF_ONLY + Alternatives(
    (
        ("had", "needed", "supposed"),
        r"\b(?:they|he|she|we|you|(?-i:[A-Z])[a-z]+|the\s+(?:[\w-]+\s+)?(?:team|engineer|on-?call|reviewer|developer|operator|owner|author|lead|sre|dba)s?)\s+(?:really\s+|clearly\s+|obviously\s+)?(?:needed|had|were\s+supposed|was\s+supposed)\s+to\s+[\w-]+\b[^.?!]*?,?\s*(?:and|but)\s+(?:they|he|she|we|you|(?-i:[A-Z])[a-z]+)\s+(?:just\s+|simply\s+)?(?:didn['’]t|did\s+not|never\s+did|never\s+do|hadn['’]t|had\s+not|never\s+had)(?:\s+(?:do\s+(?:it|so|that)|bother))?\s*[.!]?\s*$",
    ),
)
# a need of a person's, stated after the fact: "the operator needed to drain the node first",
# "whoever approved the PR needed to actually test it", "any of the three approvers could have
# noticed"
_IF_ONLY = _IF_ONLY + Alternatives(
    (
        "needed",
        r"\b(?:the\s+(?:[\w-]+\s+)?"
        + _ROLE
        + r"|he|she|whoever\s+[\w-]+(?:\s+[\w-]+){0,2})\s+(?:really\s+|actually\s+|clearly\s+|simply\s+)?needed\s+to\s+(?=[^.?!]*"
        + _UNMET_NEED_WORDS
        + r")(?:actually\s+|really\s+|first\s+)?(?!be\b|have\b)[\w-]+\b",
    ),
    (
        ("away", "earlier", "first", "immediately", "sooner"),
        r"\b(?:needed|had)\s+to\s+be\s+[\w-]+(?:ed|en|wn)(?:\s+(?:back|out|off|down|up))?\s+(?:at\s+the\s+first\s+sign|immediately|right\s+away|sooner|much\s+earlier)\b",
    ),
    (
        "could",
        r"\b(?:any|either|one|none|all)\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:approvers|reviewers|engineers|responders|people|operators|admins|developers|devs|sres|on-?calls|team\s+members)\s+could\s+have\s+(?:easily\s+)?(?:noticed|caught|spotted|seen|stopped|flagged|prevented|checked)\b",
    ),
)
# "if support had escalated when the first ticket came in, we'd have caught it hours earlier"
_IF_ONLY = _IF_ONLY + Alternatives(
    (
        "had",
        r"\bif\s+(?:the\s+)?(?:support|ops|qa|security|sre|dba|noc|it|on-?call|night\s+shift|day\s+shift|help\s*desk|[\w-]+\s+team|(?:[\w-]+\s+)?"
        + _ROLE
        + r")\s+had\s+(?:\w+ly\s+)?[\w-]+(?:ed|en|wn|ne|ad|ught)\b[^.?!]*?(?:['’]d|would|could)\s+have\s+(?:\w+ly\s+)?(?:caught|spotted|noticed|known|avoided|prevented|stopped|found|seen|fixed|been)\b",
    ),
)
phrase_judge(
    "counterfactual_if",
    _IF_ONLY,
    _HAD_WE,
    _WOULD_IF,
    vetoed=lambda text, m: credit_not_blame(text),  # ("if Sam hadn't restarted it, ...")
)


_NONE_HAPPENS = Alternatives(
    (
        ("happen", "occur"),
        r"\b(?:none|nothing|neither)\s+of\s+(?:this|it|that|these)\b[^.?!]*\b(?:happen|happens|happened|occur)",
    ),
    (
        ("avoided", "happened", "occurred", "prevented"),
        r"\b(?:would|could)(?:n't|\s+not|\s+never)?\s+(?:have\s+)?(?:been\s+)?(?:happened|occurred|avoided|prevented)\b[^.?!]*\bif\b",
    ),
    (
        ("avoided", "happened", "occurred", "prevented"),
        r"\bif\b[^.?!]*\b(?:had|'d)\b[^.?!]*\b(?:would|could)(?:n't|\s+not|\s+never)?\s+have\s+(?:been\s+)?(?:happened|avoided|prevented|occurred)\b",
    ),
    ("happened", r"\bwould(?:n't|\s+not|\s+never)\s+have\s+happened\b"),
    ("happened", r"\bnever\s+(?:should|would)\s+have\s+happened\b"),
    ("happened", r"\bshould(?:n't|\s+not|\s+never)\s+(?:ever\s+)?have\s+happened\b"),
    ("going", r"\bwas\s+never\s+going\s+to\s+end\s+well\b"),
)
_NONE_HAPPENS = _NONE_HAPPENS + Alternatives(
    ("making", r"\bof\s+our\s+own\s+making\b"),
    ("ourselves", r"\binflicted\s+(?:this|it|that)(?:\s+one)?\s+on\s+ourselves\b"),
    ("self-inflicted", r"\bself-inflicted\b"),
    ("unforced", r"\bunforced\s+error\b"),
    ("goal", r"\bown\s+goal\b"),
    (
        "unnecessary",
        r"\b(?:totally|completely|entirely)\s+unnecessary\s+(?:outage|incident|downtime|failure)\b",
    ),
    ("didn", r"\bdidn['’]?t\s+(?:need|have)\s+to\s+happen\b"),
    ("ourselves", r"\bwe\s+(?:did|brought)\s+this\s+(?:to|on)\s+ourselves\b"),
    ("finger", r"\bpoint(?:ing)?\s+fingers?\b"),
    (("blame", "fault"), r"\bwho(?:['’]s|\s+is|\s+was)\s+(?:at\s+fault|to\s+blame)\b"),
    ("blame", r"\b(?:put|place|lay|pin)\s+the\s+blame\b"),
    (
        ("gone", "occurred", "shipped"),
        r"\bnever\s+should\s+have\s+(?:occurred|gone\s+out|shipped)\b",
    ),
)

# avoidability by hypothesis with the harm undone: "had the on-call looked at the dashboard, the
# impact would have been zero", "if the checklist had been followed, we wouldn't be here" (not
# "the alert would have fired if the threshold had been 80%": nothing said about the harm)
_UNDONE = (
    r"(?:\b(?:we|I)\s+(?:would(?:n['’]t|\s+not)|['’]d\s+not)\s+be\s+(?:here|writing\s+this|having\s+this\s+(?:meeting|conversation|review)|in\s+this\s+(?:mess|situation))\b"
    r"|\b(?:nothing|nobody|no\s+one|no\s+customers?|no\s+users?|none\s+of\s+(?:this|it|that|the\s+[\w-]+))\s+(?:would|could)(?:\s+have|['’]ve)\b"
    r"|\b(?:impact|outage|incident|downtime|damage|loss)\s+would\s+have\s+been\s+(?:zero|none|nil|avoided|prevented|minimal|negligible)\b"
    r"|\bthere(?:['’]d|\s+would)\s+have\s+been\s+no\s+(?:outage|incident|downtime|impact|problem|issue|page|data\s+loss)\b"
    r"|\b(?:we|it|everything|things|all)(?:['’]d|\s+would)\s+have\s+been\s+(?:fine|ok|okay|good|alright|all\s+right)\b"
    r"|\b(?:customers|users|clients)\s+(?:would|could)(?:\s+never|\s+not|n['’]t)\s+have\s+(?:seen|noticed|been\s+(?:affected|charged|impacted|hit)|hit|lost)\b"
    r"|\b(?:we|it|they|the\s+(?:site|service|api|app|platform|system|cluster|database|db))\s+(?:could|would|might)(?:\s+have|['’]ve)\s+been\s+(?:back\s+(?:up|online)|up\s+again|restored|recovered|back)\s+(?:in|within|after)\s+(?:\w+\s+)?(?:minutes?|seconds?|hours?|\d+)\b"
    r"|\b(?:we|it|they|the\s+(?:site|service|api|app|platform|system|cluster))(?:['’]d|\s+would)(?:\s+never|n['’]t|\s+not)\s+have\s+(?:been|gone)\s+(?:down|offline|dark)\b"
    r"|\b(?:this|it|the\s+(?:outage|incident|change|bug|release))\s+(?:would(?:n['’]t|\s+not|\s+never)\s+have\s+(?:happened|occurred|shipped|gone\s+out|been\s+(?:deployed|merged|released)))"
    # any harm undone: "we'd never have had an outage", "the fraud would never have gone through"
    r"|(?:\bwould|\bcould|['’]d)(?:\s+(?:simply|just|surely|certainly))?(?:\s+never|\s+not|n['’]t)\s+have\s+"
    r"(?:gone\s+through|had\s+(?:an?\s+|the\s+|this\s+|any\s+)?(?:outage|incident|problem|issue|breach|loss|spill|"
    r"fire|injury|crash)|been\s+(?:lost|hit|affected|stranded|exposed|harmed|injured|breached|corrupted|"
    r"overcharged|double-charged)))"
)
_NONE_HAPPENS = _NONE_HAPPENS + Alternatives(
    (
        "had",
        r"^\W*had\s+(?:the\s+|our\s+|an?\s+|they\s+|we\s+|he\s+|she\s+|someone\s+|anyone\s+)?[\w-]+(?:\s+[\w-]+){0,3}?\s+(?:been\s+)?[\w-]+\b[^.?!]*?"
        + _UNDONE,
    ),
    ("if", r"\bif\s+[^.?!]{1,60}?\b(?:had|['’]d)\s+(?:been\s+)?[\w-]+[^.?!]*?" + _UNDONE),
    ("if", _UNDONE + r"[^.?!]*?\bif\s+[^.?!]{1,60}?\b(?:had|['’]d)\s+(?:been\s+)?[\w-]+"),
    (
        ("could", "happened", "happens", "would"),
        r"\b(?:nothing|no\s+one|nobody|none\s+of\s+(?:this|it|that|the\s+[\w-]+(?:\s+[\w-]+)?))\s+(?:would|could|happens|happened)\b[^.?!]*\bif\s+[^.?!]*\b(?:had|['’]d)\b",
    ),
    ("need", r"\b(?:never|didn['’]t|did\s+not)\s+need(?:ed)?\s+to\s+happen\b"),
    (
        ("happen", "occur"),
        r"\bshould(?:n['’]t|\s+not|\s+never)\s+(?:ever\s+)?(?:happen|occur)\s+in\s+(?:a|an|any)\s+(?:well[\s-]run|properly[\s-]run|"
        r"professional|competent|decent|serious|well[\s-]managed|modern)\b"
        r"|\b(?:something|things?)\s+that\s+(?:simply\s+|just\s+|really\s+)?should(?:n['’]t|\s+not|\s+never)\s+"
        r"(?:ever\s+)?(?:happen|occur)\b",
    ),
    (
        "reason",
        r"\b(?:zero|no)\s+reason\s+(?:why\s+)?(?:this|the|that)\s+[\w-]+\s+(?:ever\s+)?needed\s+to\s+happen\b",
    ),
    (
        "happen",
        r"\bshould(?:n['’]t|\s+not|\s+never)\s+(?:ever\s+)?happen\s+(?:at|to|in)\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:company|team|org|organi[sz]ation|shop|business)\b",
    ),
    (
        "reason",
        r"\bno\s+reason\s+for\s+(?:this|the|that|an?)\s+(?:[\w-]+\s+)?to\s+(?:have\s+)?(?:happen|happened|occur|occurred)\b",
    ),
    (
        ("hit", "made", "reached"),
        r"\bshould(?:\s+never|n['’]t|\s+not)\s+have\s+(?:reached|made\s+it\s+(?:to|into)|hit)\b",
    ),
    ("ourselves", r"\bbrought\s+(?:this|it|that)\s+(?:one\s+)?(?:on|upon)\s+ourselves\b"),
    (
        ("attention", "care", "checking", "diligence", "testing"),
        r"\b(?:a\s+few|five|ten|two|\d+)\s+(?:minutes|seconds)\s+of\s+(?:diligence|care|checking|attention|testing)\s+would\s+have\b",
    ),
    (
        ("avoided", "caught", "prevented", "saved", "stopped"),
        r"\b(?:a\s+)?(?:\w+|\d+)-(?:minute|second)\s+(?:look|check|review|glance|test|read)\b[^.?!]*\bwould\s+have\s+(?:prevented|avoided|caught|stopped|saved)\b",
    ),
    (
        ("allowed", "permitted", "possible"),
        r"\bshould(?:\s+never|n['’]t|\s+not)\s+(?:ever\s+)?have\s+been\s+(?:allowed|permitted|possible)\b",
    ),
    (
        ("excuse", "reason", "way"),
        r"\bno\s+(?:reason|excuse|way)\s+(?:why\s+)?(?:this|it|that|the\s+[\w-]+)\s+should\s+(?:ever\s+)?have\s+(?:reached|happened|shipped|gone|made\s+it|been)\b",
    ),
    (
        ("100%", "all", "completely", "entirely", "squarely"),
        r"\b(?:entirely|squarely|all|completely|totally|100%)\s+on\s+us\b",
    ),
    (
        "pretend",
        r"\bnot\s+pretend\s+(?:this|it|that)\s+(?:wasn['’]t|was\s+not|isn['’]t|is\s+not)\s+(?:avoidable|preventable|our\s+fault)\b",
    ),
    (
        ("inevitable", "unavoidable", "unforeseeable", "unpredictable"),
        r"\bnothing\s+about\s+(?:this|that|the)\s+(?:outage|incident|failure|breach)\s+was\s+(?:unavoidable|inevitable|unforeseeable|unpredictable)\b",
    ),
    (
        ("surprising", "unavoidable", "unexpected", "unforeseeable", "unpredictable"),
        r"\bnothing\s+(?:unforeseeable|unpredictable|surprising|unexpected|unavoidable)\s+about\s+(?:this|that|it|the\s+(?:outage|incident|failure|mistake|breach))\b",
    ),
    (
        ("blam", "fingers", "names", "throw"),
        r"\bnot\s+(?:to\s+)?(?:point(?:ing)?\s+(?:any\s+)?fingers|(?:that\s+I['’]m\s+)?blam(?:e|ing)\s+(?:anyone|anybody)|nam(?:e|ing)\s+names|throw(?:ing)?\s+(?:anyone|anybody)\s+under\s+the\s+bus)\b[^.?!]*?\b(?:but|however)\b",
    ),
    ("letting", r"\bwho['’]?s\s+responsible\s+for\s+letting\b"),
    ("excuse", r"\b(?:there['’]s|there\s+is|there\s+was|there\s+were)\s+no\s+excuse\b"),
    ("excuse", r"\bno\s+excuse\s+for\b"),
)


# avoidability in everyday idiom: what basic care would have spared, what need never have been
_NONE_HAPPENS = _NONE_HAPPENS + Alternatives(
    (
        ("need",),
        r"\bneed(?:ed)?\s+never\s+have\s+(?:been\s+)?(?:happened|occurred|[\w-]+(?:ed|en))\b",
    ),
    (
        ("basic", "simple", "proper", "elementary", "rudimentary", "routine"),
        r"\b(?:basic|simple|proper|elementary|rudimentary|routine)\s+(?:[\w-]+\s+){0,2}?(?:checks?|care|procedures?|"
        r"diligence|precautions?|housekeeping|attention|hygiene|testing|maintenance|read-?backs?)\b[^.?!]*?"
        r"\b(?:would|could)(?:\s+(?:simply|just|easily|surely|certainly))?(?:\s+have|\s+never|\s+not|n['’]t)\b",
    ),
    (
        ("quick", "simple", "single", "basic", "minute", "second"),
        r"^\W*(?:a|one)\s+(?:quick|simple|single|basic|[\w]+-minute|[\w]+-second)\s+[\w-]+(?:\s+[\w-]+)?\s+and\s+"
        r"[^.?!]*?\bwould(?:\s+never|\s+not|n['’]t)\s+have\b",
    ),
    (
        ("reason",),
        r"\bno\s+reason\s+(?:on\s+earth|whatsoever|at\s+all|in\s+the\s+world)\s+for\s+(?:this|the|that|an?)\s+(?:[\w-]+\s+)?"
        r"to\s+(?:have\s+)?(?:happen|happened|occur|occurred)\b",
    ),
    (
        ("way",),
        r"\b(?:no|any)\s+way\s+(?:this|it|that)\s+(?:wasn['’]t|was\s+not|isn['’]t|is\s+not)\s+(?:avoidable|preventable)\b",
    ),
    (
        ("happen",),
        r"\b(?:does|do)(?:n['’]t|\s+not)\s+happen\s+(?:when|if|where)\s+(?:people|someone|anyone|staff|you|we|folks|"
        r"crews?|the\s+[\w-]+)\s+(?:are|is|were|was)\s+(?:\w+\s+)?(?:paying\s+attention|careful|awake|alert|"
        r"doing\s+(?:their|his|her)\s+jobs?|following\s+(?:the\s+)?(?:procedure|process|rules|checklist))",
    ),
    (
        ("avoided", "prevented"),
        r"\bcould\s+(?:\w+ly\s+)?be\s+(?:avoided|prevented)\s+if\b[^.?!]*\b(?:properly|correctly|followed|"
        r"carefully|done\s+right)\b",
    ),
)


# avoidability in a software team's words
_NONE_HAPPENS = _NONE_HAPPENS + Alternatives(
    (
        "reason",
        r"\bno\s+(?:technical\s+|good\s+|real\s+|earthly\s+)?reason\s+for\s+(?:this|the|that)\s+(?:[\w-]+\s+){0,2}?"
        r"to\s+(?:ever\s+)?(?:happen|occur|have\s+happened)\b",
    ),
    (
        ("want", "lack"),
        r"\bfor\s+(?:the\s+)?(?:want|lack)\s+of\s+(?:a|one)\s+(?:single\s+|simple\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:check|double-check|click|test|look|review|glance|step|question|phone\s+call|call)\b",
    ),
    (
        ("needed", "had"),
        r"\b(?:none|no\s+part|not\s+a\s+minute)\s+of\s+(?:the|this|that|our)\s+(?:[\w-]+\s+){0,4}?"
        r"(?:downtime|outage|disruption|delay|loss|impact|damage)\s+(?:needed|had)\s+to\s+(?:happen|occur)\b",
    ),
    (
        "chances",
        r"\bchances\s+to\s+(?:stop|catch|prevent|avoid|head\s+off)\s+(?:this|it|that)\b[^.;]{0,30}?\b"
        r"(?:missed|ignored|wasted|blown|passed\s+up)\b",
    ),
    (
        ("reason",),
        r"^\W*(?:zero|no)\s+reason\s+(?:why\s+)?(?:this|it|that)\s+(?:ever\s+)?needed\s+to\s+"
        r"(?:take\s+down|break|happen|hit|reach|affect|cost)\b",
    ),
    (
        ("stopped", "prevented", "avoided", "caught"),
        r"\b(?:every|each)\s+(?:single\s+)?(?:step|stage|part|link)\s+of\s+(?:this|the|that)\s+[\w-]+\s+"
        r"could\s+have\s+been\s+(?:stopped|prevented|avoided|caught)\b",
    ),
    (
        ("avoided", "prevented"),
        r"\bcould\s+(?:have\s+been|be)\s+(?:avoided|prevented)\s+(?:\w+\s+)?(?:easily|trivially|simply)\b"
        r"|\b(?:are|is|were|was)\s+(?:\w+\s+)?(?:easily|trivially|simply)\s+(?:avoided|prevented)\b",
    ),
    (
        ("single", "one"),
        r"\bnot\s+(?:a\s+single|one)\s+(?:customer|user|patient|passenger|client|order|request|payment)\s+"
        r"should\s+(?:ever\s+)?have\s+been\s+(?:affected|hit|impacted|charged|harmed|exposed)\b",
    ),
    (
        ("unnecessary", "needless", "avoidable"),
        r"\b(?:downtime|outage|incident|delay|loss|disruption|minutes|hours)\b[^.;]{0,30}\b(?:was|were|is|are)\s+"
        r"(?:completely|entirely|totally|wholly|utterly)\s+(?:unnecessary|needless|avoidable)\b",
    ),
)


_NOT_PREVENTABLE = _negation_before(r"\b(?:no|not|never|without)\b[^.;]*$")
phrase_judge(
    "preventable_hypothesis",
    _NONE_HAPPENS,
    # ("make no mistake, we did this to ourselves" denies nothing)
    vetoed=lambda text, m: _NOT_PREVENTABLE(
        re.sub(r"(?i)\bmake no mistake\b", "make a mistake", text), m
    ),
)


# the fix put on people: "lessons learned: be more careful in production", "engineers need to
# actually read the alerts", "remind Pedro to double-check the region" (not "alerts need a clear
# first step": a thing, not people, is what changes)
_PEOPLE = (
    r"(?:engineers?|developers?|devs|people|everyone|everybody|we|you|staff|operators?|reviewers?|"
    r"responders?|on-?call(?:\s+engineers?)?|the\s+(?:[\w-]+\s+)?(?:team|on-?call|engineers?|developers?|"
    r"operators?|reviewers?|responders?|devs|sres?|dbas?|owners?|authors?|captain)|(?-i:[A-Z])[a-z]+|he|she|they)"
)
_EXHORTATION = re.compile(
    r"(?:^|[:;.!—–-]\s*|\b(?:lesson|lessons\s+learned|takeaway|improvement|going\s+forward|next\s+time)\b[^.?!]*?)"
    r"(?:please\s+|always\s+|just\s+)?be\s+(?:more|extra|much\s+more|a\s+lot\s+more)\s+(?:careful|vigilant|attentive|diligent|cautious|thorough|disciplined|rigorous|mindful)\b"
    r"|\b"
    + _PEOPLE
    + r"\s+(?:need|needs|must|should|have|has|got|ought)\s+(?:to\s+)?(?:actually\s+|really\s+|always\s+|all\s+|simply\s+|just\s+)?"
    r"(?:be\s+(?:more|extra)\s+(?:careful|vigilant|attentive|diligent|cautious|thorough|disciplined|rigorous|mindful)|pay\s+(?:more\s+|closer\s+)?attention|"
    r"stop\s+\w+ing|care\s+(?:more\s+)?about|take\s+(?:more\s+)?care|think\s+before)\b"
    # (reading the runbook, following the process: a fix on people when it is urged, "need to
    # actually read", "should always follow"; "engineers need to read its first section to find
    # the kill switch" says where the tool hides it)
    r"|\b"
    + _PEOPLE
    + r"\s+(?:(?:need|needs|have|has|got)\s+to\s+(?:actually|really|always|all|simply|just|start\s+to|learn\s+to)|(?:must|should|ought\s+to)(?:\s+(?:actually|really|always|all|simply|just))?)\s+"
    r"(?:read\s+the\s+(?:alerts?|runbook|docs|documentation|logs|diff|warnings?|channel)|follow\s+the\s+(?:runbook|process|procedure|checklist|playbook)|"
    r"double-check|remember\s+to)\b"
    r"|\bremind\s+(?:@[\w.-]+|(?-i:[A-Z])[a-z]+|the\s+(?:[\w-]+\s+)?(?:team|on-?call|engineers?|developers?|reviewers?|operators?)|everyone|engineers|developers|people)\s+to\s+(?:be\s+careful|double-check|check|read|follow|pay|remember|not)\b"
    r"|\bhad\s+no\s+business\s+\w+ing\b"
    r"|\b(?:devs|ops|engineers|developers|they|nobody|no\s+one|people|(?:the\s+)?[\w-]+\s+(?:team|folks|people))\s+(?:don['’]t|doesn['’]t|do\s+not|does\s+not|never)\s+(?:really\s+)?(?:care|give\s+a\s+(?:damn|toss|hoot))\b",
    re.I,
)
_NOT_EXHORTED = _negation_before(
    r"\b(?:not|never|instead\s+of|rather\s+than|no\s+longer)\s+(?:\w+\s+){0,3}$"
)


_PREVENT = {"prevent", "avoid", "stop", "catch", "dodge", "spot", "head"}
_EASE = {
    "easy", "simple", "trivial", "cheap", "straightforward", "no-brainer", "brainer",
    "effortless", "painless", "basic",
}  # fmt: skip
_EASY_GATE = re.compile(
    r"\b(?:easy|easily|simple|trivial|cheap|straightforward|no-brainer|brainer|effortless|painless|"
    r"basic)\b[^.;]*\b(?:prevent|avoid|stop|catch|dodge|spot|head\s+off)\w*"
    r"|\bcost\w*\s+(?:us\s+|them\s+)?(?:nothing|little|pennies)\s+to\b"
    r"|\b(?:every|plenty\s+of|many|several|multiple)\s+(?:opportunit\w+|chances?)\s+to\b"
    r"|\bneed\s+not\s+have\b|\bneedn['’]t\s+have\b"
    r"|\bwith\s+(?:a\s+bit\s+|a\s+little\s+|slightly\s+|just\s+|some\s+)?more\s+\w+"
    r"|\bwith\s+(?:even\s+)?(?:a\s+)?(?:minimum|modicum|shred|ounce|grain)\s+of\b"
    r"|\bwith\s+(?:even\s+)?(?:proper|ordinary|due|reasonable|basic|normal|simple)\s+(?:care|attention|"
    r"diligence|vigilance|caution)\b"
    r"|\bwould(?:['’]ve|\s+have)\s+(?:sufficed|been\s+enough|done\s+(?:it|the\s+trick))\b",
    re.I,
)


@gated(_by(_EASY_GATE))
@judge
def easy_prevention(s: Sentence) -> Iterator[Hit]:
    """The incident called easy to prevent, or not needing to happen: 'a no-brainer to
    prevent', 'it would have cost nothing to prevent this', 'such an easy one to avoid', 'we
    had every opportunity to stop it', 'the spill need not have occurred', 'with a bit more
    vigilance from the operators, this would not have happened', 'a readiness probe would've
    sufficed'."""
    if s.is_question() or s.states_principle():
        return
    whole = s.doc[s.lead_end()].idx, len(s.text.rstrip().rstrip(".!;:"))
    low = s.lower
    if re.search(
        r"\b(?:need\s+not|needn['’]t)\s+have\s+(?:occurred|happened|been|taken\s+place)\b", low
    ):
        yield (*whole, None)
        return
    if re.search(
        r"\bwith\s+(?:(?:a\s+bit\s+|a\s+little\s+|slightly\s+|just\s+|some\s+)?more|(?:even\s+)?(?:a\s+)?"
        r"(?:minimum|modicum|shred|ounce|bit|grain)\s+of|(?:even\s+)?(?:proper|ordinary|due|reasonable|"
        r"basic|normal|simple))\s+(?:\w+\s+){0,2}?"
        r"(?:vigilance|care|attention|diligence|discipline|rigou?r|caution|thought|effort|focus)\b",
        low,
    ) and re.search(r"\bwould(?:n['’]t|\s+not|\s+never)\b", low):
        yield (*whole, None)
        return
    if re.search(
        r"\bwould(?:['’]ve|\s+have)\s+(?:sufficed|been\s+enough|done\s+the\s+trick)\b", low
    ) and (_failure_context(s) or re.search(r"\b(?:prevent|avoid|stop|catch)\w*\b", low)):
        yield (*whole, None)
        return
    for t in s.doc:
        if lemma(t) not in _PREVENT or not any(c.lower_ == "to" for c in t.children):
            continue
        if lemma(t) == "head" and not any(c.lower_ == "off" for c in t.children):
            continue
        up = [t.head, t.head.head] if t.head.i != t.i else []
        if any(lemma(a) in ("make", "keep", "let", "help") for a in up):
            continue  # "the new limit makes it easy to stop a runaway job": a design
        tensed = [x for a in up for x in (a, *a.children) if x.tag_ in ("VBZ", "VBP", "VBD", "MD")]
        if tensed and not any(x.tag_ == "VBD" or x.lower_ in ("would", "'d") for x in tensed):
            continue  # "it is easy to avoid this pitfall with the new template": advice
        for a in up:
            if s.negated(a) or any(
                c.lower_ in ("hard", "difficult", "impossible") for c in a.children
            ):
                break
            near = [a, *a.children]
            if (
                any(x.lower_ in _EASE and not s.negated(x) for x in near)
                or (
                    lemma(a) == "cost"
                    and any(c.lower_ in ("nothing", "little", "pennies") for c in a.children)
                )
                or (
                    lemma(a) in ("opportunity", "chance")
                    and any(
                        c.lower_ in ("every", "plenty", "many", "several", "multiple")
                        for c in a.children
                    )
                )
            ):
                yield (*whole, None)
                return


def _not_exhortation(text: str, m: re.Match[str]) -> bool:
    """Negated, or the capitalised word it begins with is no person's name ("Clients should
    stop retrying", "Users need to read the docs")."""
    if _NOT_EXHORTED(text, m) or re.search(r"\bnot\s+to\s+(?:be|tell|ask)\b", m.group(), re.I):
        return True  # ("the lesson here is not to be more careful; it is to …")
    first = re.match(r"\W*([\w-]+)", m.group())
    word = first.group(1) if first else ""
    return (
        word[:1].isupper()
        and word.lower() not in _EXHORTED_WORDS
        and not (is_given_name(word) and not word.lower().endswith("s"))
    )


_EXHORTED_WORDS = {
    "engineers", "engineer", "developers", "developer", "devs", "people", "everyone",
    "everybody", "we", "you", "staff", "operators", "reviewers", "responders", "on-call", "he",
    "she", "they", "the", "remind", "be", "please", "always", "just", "lesson", "lessons",
    "takeaway", "improvement", "going", "next", "had",
}  # fmt: skip
phrase_judge("exhortation", _EXHORTATION, vetoed=_not_exhortation, whole=False)


def _technical_fault(s: Sentence) -> bool:
    return any(p in s.lower for p in s.w["technical_fault"])


def _called_avoidable(s: Sentence, noun: Token) -> bool:
    """'This was a completely avoidable AOG': the event itself, whatever its noun, called
    avoidable ('it', 'this', 'that' or the incident as the subject of 'was')."""
    verb = noun.head
    if noun.dep_ != "attr" or lemma(verb) != "be":
        return False
    subj = s.subject(verb)
    return subj is not None and (
        subj.lower_ in ("this", "that", "it") or subj.lower_ in _FAILURE_NOUNS
    )


#: after "preventable": prevention by a safeguard, not by someone's care ("preventable with
#: exponential backoff", "preventable only in theory until we add validation", "only
#: preventable in the sense that our tooling could have blocked it")
_PREVENTED_BY_DESIGN = re.compile(
    r"\s+(?:only\s+)?(?:with|by|through|via|using)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:backoff|"
    r"jitter|validation|guard|guards|guardrails?|checks?|alerts?|alerting|monitoring|automation|"
    r"tooling|limits?|interlocks?|timeouts?|retries|circuit\s+breakers?|canar(?:y|ies)|tests?|testing|"
    r"design|redundancy|failover|locks?|quotas?|safeguards?|controls?)\b"
    r"|\s+only\s+in\s+(?:theory|principle|hindsight|the\s+sense\s+that)\b"
    r"|\s+in\s+the\s+sense\s+that\s+(?:our|the)\s+(?:[\w-]+\s+){0,2}(?:tooling|system|pipeline|"
    r"process|design|checks?|platform)\b",
    re.I,
)

_PREVENTION_PRICED = re.compile(
    r"\b(?:basic|simple|single|one(?:-|\s+)line|trivial|quick|cheap|just|100\s?%|totally|entirely|"
    r"completely|needless|needlessly|on\s+us|our\s+fault|easily)\b",
    re.I,
)


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
            if _PREVENTED_BY_DESIGN.match(
                s.text, t.idx + len(t.text)
            ) and not _PREVENTION_PRICED.search(s.text):
                continue  # "preventable with backoff and jitter", "only in theory until we add"
                # (but not "100% preventable with a basic sanity check": priced at nothing)
            if (
                t.dep_ == "amod"
                and t.head.tag_ == "NNS"
                and not any(c.dep_ in ("det", "poss", "nummod") for c in t.head.children)
                and t.head.dep_ in ("nsubj", "nsubjpass")
            ):
                continue  # "preventable incidents are tracked each quarter": a kind, in general
            if t.dep_ == "amod" and any(
                c.dep_ == "det" and c.lower_ in ("each", "every", "any", "all", "no")
                for c in t.head.children
            ):
                continue  # "we track each avoidable risk in the register": any such, in general
            if (
                t.dep_ == "amod"
                and t.head.i > t.i
                and t.head.lower_ not in _FAILURE_NOUNS
                and t.head.lower_ not in _CHAT_ASIDES
                and not re.fullmatch(r"(?:sev|p|inc-?)\d+", t.head.lower_)
                and not _called_avoidable(s, t.head)
            ):
                continue  # "avoidable round-trips": a cost, not a verdict (but "zero excuse
                # for this one, avoidable from start to finish" and "totally avoidable tbh"
                # are verdicts the parser hung on a noun)
            if s.is_question():
                continue
            yield t.idx, t.idx + len(t.text), None
            return
        if (
            lemma(t) in ("prevent", "avoid", "avert", "catch", "spot", "stop")
            and t.dep_ == "xcomp"
            and t.head.lower_ in ("easy", "trivial", "simple", "cheap")
            and t.head.dep_ == "acomp"
            and t.head.head.lower_ in ("was", "were")
            and not s.negated(t.head.head)
            and not s.is_question()
        ):
            yield s.doc[s.lead_end()].idx, s.clause_end(t), None
            return  # "this was so easy to prevent": prevention priced at nothing
        if word in ("avoided", "prevented", "averted") and any(
            c.dep_ == "auxpass" for c in t.children
        ):
            if any(c.lower_ in ("could", "should", "would") for c in t.children) and any(
                c.lower_ == "have" for c in t.children
            ):
                if s.is_question() or s.doc[0].lower_ in ("how", "what", "which"):
                    continue
                yield (
                    s.span_start(t.head) if t.dep_ != "ROOT" else s.doc[s.lead_end()].idx,
                    s.clause_end(t),
                    None,
                )
                return
        if word in ("fault", "faults", "blame", "blamed", "blaming", "blameworthy"):
            if s.quoted(t) or _technical_fault(s) or _in_title(s, t):
                continue  # (and "Blame Game is the working title": a name)
            if (
                word == "blame"
                and t.i == s.lead_end()
                and t.i + 1 < len(s.doc)
                and s.doc[t.i + 1].tag_ in ("VBZ", "NNS")
                and s.doc[t.i + 1].lower_.endswith("s")
                and s.doc[t.i + 1].lower_ not in ("lies", "rests", "falls", "sits", "lands", "goes")
            ):
                continue  # "Blame shuts down reporting": talk about blame, read as a command
            if word == "fault" and re.search(
                r"\b(?:nobody|no\s+one|noone)'?s?\s+fault\s+but\b", low
            ):
                yield t.idx, t.idx + len(t.text), None  # "nobody's fault but Gustavo's"
                return
            if s.is_question() and word != "fault" and "to blame" not in low:
                continue
            if t.dep_ == "compound" and t.head.pos_ == "NOUN":
                continue  # "the blame field of the template", "a fault line": a name for a thing
            if word in ("blame", "blamed") and t.pos_ == "VERB":
                blamed = s.object(t) if word == "blame" else None
                if (
                    blamed is not None
                    and blamed.pos_ in ("NOUN", "PROPN")
                    and not s.person_kind(blamed)
                    and not s.is_name(blamed)
                    and not any(
                        s.person_kind(g) for c in t.children if c.dep_ == "prep" for g in c.children
                    )
                ):
                    continue  # "blame the clock skew": a system named as the cause
            if (
                word == "blame"
                and t.dep_ in ("nsubj", "nsubjpass")
                and not (
                    lemma(t.head) in ("rest", "lie", "fall", "sit", "be", "land")
                    and any(c.lower_ in ("with", "on") for c in t.head.children)
                )
            ):
                continue  # "blame shuts down the flow of information": talk about blame
            if "to blame" in low:
                cop = next(
                    (
                        x
                        for x in s.doc
                        if x.lower_ == "to"
                        and x.i + 1 < len(s.doc)
                        and s.doc[x.i + 1].lower_ == "blame"
                    ),
                    None,
                )
                holder = s.subject(cop.head) if cop is not None and cop.head is not None else None
                if (
                    holder is not None
                    and holder.lower_ not in ("who", "whom", "this", "that", "it")
                    and not s.person_kind(holder)
                ):
                    continue  # "the storage driver is to blame": a component, not a person
            if word in ("blame", "blaming") and t.dep_ == "csubj" and s.negated(t.head):
                continue  # "blaming individuals would not change the outcome": a principle
            if word in ("blamed", "blame", "blaming") and t.pos_ == "VERB":
                subj = s.subject(t)
                if (
                    subj is not None
                    and not s.person_kind(subj)
                    and subj.lower_ not in ("who", "this", "that")
                ):
                    continue  # "an error that blamed their input"
            if "at fault" in low and word == "fault":
                holder = s.subject(t.head.head) if t.head.lower_ == "at" else None
                if holder is not None and (
                    not s.person_kind(holder) or holder.lower_ in ("nobody", "noone", "none")
                ):
                    continue  # "nothing was at fault in the logs", "nobody on the call is at
                    # fault for the stale page"
            if (
                word == "fault"
                and t.dep_ == "nsubj"
                and lemma(t.head) in ("lie", "rest", "sit", "be", "fall")
            ):
                on = [
                    g
                    for c in t.head.children
                    if c.dep_ == "prep" and c.lower_ in ("with", "on", "in")
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
                if on and all(_thing_noun(s, g) and not s.person_kind(g) for g in on):
                    continue  # "the fault lay with the power supply firmware": a component
            if (
                _negated_near(s, t, 5)
                or word == "blame"
                and re.search(r"\b(?:not|no|never|without|avoid|don't)\b[^.]{0,30}\bblam", low)
            ):
                continue
            if word.startswith("fault") and not re.search(
                r"\b(?:whose|our|their|his|her|your|my|someone's|somebody's|at|own|anyone's|[a-z]+'s)\s+fault\b|\bfault\b[^.;]{0,60}\b(?:lies|lay|rests?|rested|falls?|fell|sits?|sat|is|was)\s+(?:\w+\s+)?(?:with|on)\b|\bthe\s+fault\s+(?:is|was)\s+(?:his|hers|theirs|ours|yours|mine|(?-i:[A-Z])\w+'s)\b",
                low,
            ):
                continue
            yield t.idx, t.idx + len(t.text), None
            return


_RESPONSIBLE = re.compile(
    r"\b(?:is|are|was|were|be|being)\s+(?:\w+\s+)?responsible\s+for\s+(?:the\s+|this\s+|that\s+|our\s+)?(?:[\w-]+\s+){0,3}?(?:outage|downtime|incident|failure|breach|loss|mess|disruption|breakage|degradation|crash|stampede|mistake|error|problem|leak|corrupted|broken|lost|failed|deleted|bad|outbreak|collapse|contamination|spill|overdose|chaos|shortfall)s?\b"
    r"(?!\s+(?:response|prevention|control|management|plans?|planning|drills?|procedures?|reporting|"
    r"investigations?|reviews?|handling|recovery|process|runbooks?|tooling|budget)\b)|"
    r"\b(?:they|he|she|crew|team|shift|staff|contractors?|operators?|engineers?|drivers?|nurses?|"
    r"technicians?|(?-i:[A-Z][a-z]+))\s+(?:is|are|was|were)\s+(?:\w+\s+)?responsible\s+for\s+(?:the\s+|this\s+|that\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:trip|fire|injury|injuries|spill|overdose|collision|derailment|accident|flood|"
    r"near[\s-]miss|fall|blackout)\b|"
    r"\bresponsibility\s+for\s+(?!(?:the\s+|these\s+|all\s+)?(?:follow-?ups?|actions?|action\s+items|fix(?:es)?|remediations?|roll-?outs?|migrations?|upgrades?|next\s+steps)\b)(?:[\w-]+\s+){1,4}(?:falls|lies|rests|sits)\s+(?:squarely\s+|entirely\s+)?(?:on|with)\b|\b(?:find|finding|identify|name)\s+(?:the\s+)?(?:culprit|guilty\s+party|person\s+responsible|one\s+responsible)\b|\bculprit\s+(?:behind|responsible)\b|\bwitch[\s-]?hunt\b|\b(?:full|complete|detailed)\s+accounting\s+of\s+who\b|"
    r"\b(?:root|failure|cause|problem|origin)\s+(?:of\s+(?:this|the\s+[\w-]+)\s+)?(?:lies|lay|rests|rested|"
    r"originates|originated|sits)\s+(?:squarely\s+|firmly\s+|entirely\s+)?with\s+(?:the\s+|our\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:crew|team|staff|maintainers?|shift|department|engineers?|operators?|"
    r"contractors?|drivers?|nurses?|controllers?|agents?|desk|office|gang|lads|developers?|devs)\b|"
    r"\bwhose\s+(?:mistake|error|idea|call|change|fault|decision|bright\s+idea)\b|\bwho\s+(?:let|allowed)\s+(?:this|that|it)\s+(?:to\s+)?happen\b|\bwho\s+(?:did|broke|caused|approved|signed\s+off\s+on|merged|pushed|deployed|shipped|wrote|changed|deleted|disabled|ran|touched|configured)\s+(?:this|that|it)\b"
    r"|^\W*who\s+(?:signed\s+off|approved|green-?lit|okayed|ok['’]d|authori[sz]ed|decided|thought)\b[^.?!]*\?"
    # a duty put as a question that answers itself: "wasn't it his responsibility to read back the
    # dose?", "why didn't he roll back as soon as the error rate doubled?"
    r"|\b(?:wasn['’]t|isn['’]t|was\s+it\s+not|is\s+it\s+not)\s+(?:it\s+)?(?:his|her|their|your)\s+(?:job|responsibility|duty)\s+to\b"
    r"|^\W*(?:[\w ]{0,40}:\s*)?why\s+(?:didn['’]t|did\s+not|wasn['’]t|hadn['’]t|couldn['’]t)\s+(?:he|she|you)\b[^?]*\?",
    re.I,
)


phrase_judge(
    "responsibility",
    _RESPONSIBLE,
    questions=True,
    vetoed=lambda text, m: (
        re.search(  # in the clause of the match: "the crew did not lock out the line; they
            r"\b(?:not|no\s+one|nobody|no\s+single)\b",  # are responsible for the trip"
            text[max(text.rfind(";", 0, m.start()), text.rfind(":", 0, m.start())) + 1 : m.start()],
            re.I,
        )
        is not None
        or re.search(
            r"\b(?:rests?|lies|sits|falls)\s+(?:squarely\s+|entirely\s+)?with\s+(?:the\s+|our\s+)?"
            r"(?:organi[sz]ation|company|business|process|system|design|leadership|management|us)\b",
            text,
            re.I,
        )
        is not None
    ),  # ("responsibility rests with the organisation that designed the process": no culprit)
    whole=False,
)

#: what people were told, ignored, with the people left out: "the checklist ... was ignored",
#: "the warnings were brushed aside" (not "the flag is ignored by the client")
_IGNORED = re.compile(
    r"\bsat\s+(?:untouched\s+|unread\s+)?in\s+(?:(?-i:[A-Z])[a-z]+['’]s|his|her|their|the\s+[\w-]+\s+team['’]s)\s+(?:queue|inbox|backlog|review\s+queue)\b|"
    r"\b(?:warnings?|checklists?|runbooks?|procedures?|process|polic(?:y|ies)|advice|tickets?|concerns?|feedback|comments?|objections?|escalations?|it|this|they)\s+"
    r"(?:was|were|got|had\s+been|have\s+been|has\s+been)\s+(?:\w+ly\s+|just\s+|simply\s+|all\s+)?"
    r"(?:ignored|disregarded|brushed\s+(?:off|aside)|waved\s+(?:off|away|through)|shrugged\s+off)\b(?!\s+by\s+(?:the\s+)?(?:client|server|parser|system|tool|sdk|library|proxy|kernel|driver|api|scheduler|pipeline|app))",
    re.I,
)
phrase_judge("ignored", _IGNORED, vetoed=_negation_before(r"\b(?:not|never|no)\b[^.;]*$"))


#: a chat aside the parser may take for a noun ("totally avoidable tbh")
_CHAT_ASIDES = {"tbh", "imo", "imho", "ngl", "fwiw", "lol", "tho", "honestly", "smh", "fr"}
_FAILURE_NOUNS = {
    "risk",
    "distress",
    "suffering",
    "hazard",
    "outcome",
    "consequence",
    "accident",
    "injury",
    "harm",
    "collision",
    "derailment",
    "spill",
    "overdose",
    "fire",
    "misconfiguration",
    "outage",
    "outages",
    "incident",
    "incidents",
    "downtime",
    "failure",
    "failures",
    "mistake",
    "mistakes",
    "error",
    "errors",
    "loss",
    "breach",
    "disruption",
    "crash",
    "regression",
    "problem",
    "issue",
    "mess",
    "event",
    "events",
    "repeat",
    "recurrence",
    "slip",
    "misstep",
    "missteps",
    "expiry",
    "exposure",
    "oversight",
    "corruption",
    "lapse",
    "blunder",
    "fiasco",
    "disaster",
    "screwup",
    "screw-up",
    "one",
    "page",
    "pages",
    "escalation",
    "rollback",
    "delay",
    "tragedy",
    "death",
    "deaths",
    "fatality",
    "near-miss",
    "miss",
    "flood",
    "leak",
    "fall",
    "explosion",
    "casualty",
    "damage",
    "setback",
    "catastrophe",
}


def _negated_near(s: Sentence, t: Token, width: int = 3) -> bool:
    window = s.doc[max(0, t.i - width) : t.i]
    return any(
        w.lower_ in ("not", "n't", "no", "never", "nobody", "isn't", "wasn't") for w in window
    )


#: judgement in phrases and hyphenated words (one token each side of a hyphen to the parser)
_JUDGED = Alternatives(
    ("wrong", r"\bwhat\s+(?:he|she|they|(?-i:[A-Z])[a-z]+)\s+did\s+wrong\b"),
    (
        ("champ", "einstein", "genius", "hotshot", "rockstar"),
        r",\s*(?:genius|einstein|champ|hotshot|rockstar)\b",
    ),
    (
        ("abysmally", "badly", "poorly", "terribly"),
        r"\b(?:performed|behaved|acted|handled\s+(?:it|things|the\s+\w+))\s+(?:very\s+|really\s+)?(?:poorly|badly|terribly|abysmally)\b",
    ),
    (
        ("habit", "history", "pattern", "record"),
        r"\b(?:team|teams|he|she|they|ops|engineers?|developers?|devs|folks)\s+(?:has|have|had)\s+a\s+(?:long\s+|well-known\s+|known\s+)?(?:history|track\s+record|habit|pattern)\s+of\s+(?:\w+\s+)?\w+ing\b",
    ),
    (
        "asleep",
        r"\b(?:the\s+)?(?:soc|noc|ops|team|on-?call(?:\s+engineer)?|[\w-]+\s+(?:team|shift)|they|he|she|reviewers?|engineers?)\s+(?:was|were)\s+(?:\w+ly\s+)?asleep\b(?!\s+(?:when|while|at|during|in))",
    ),
    (
        ("lesson", "masterclass", "study", "textbook"),
        r"\b(?:masterclass|lesson|case\s+study|textbook\s+example)\s+in\s+how\s+not\s+to\b",
    ),
    (
        "believe",
        r"\b(?:I|we)\s+(?:can(?:no|['’])?t|cannot|could(?:n['’]t|\s+not)|still\s+can['’]t)\s+believe\s+(?:that\s+)?(?:we|they|he|she|someone|somebody|anyone|nobody|no\s+one|(?-i:[A-Z])[a-z]+)\s+(?:\w+\s+)?(?:let|left|forgot|skipped|missed|ignored|broke|approved|(?:shipped|deployed|pushed|merged|released|ran)\b[^.!?]*\b(?:with|without|again|untested|broken))\b",
    ),
    ("examined", r"\bneeds?\s+(?:their|his|her|your)\s+heads?\s+examined\b"),
    (
        ("charitably", "generously", "gently", "kindly", "mildly", "politely"),
        r"\bto\s+put\s+it\s+(?:kindly|mildly|politely|charitably|gently|generously)\b",
    ),
    (
        "expect",
        r"\bnot\s+what\s+(?:we|I)\s+(?:would\s+)?(?:expect|expected)\s+(?:of|from)\s+(?:a|an|our|the|any)\s+(?:[\w-]+\s+)?(?:engineer|developer|team|sre|person|professional|adult|lead|manager)\b",
    ),
    (
        ("bulldozed", "forced", "railroaded", "rammed", "steamrolled", "waved"),
        r"\b(?:rammed|forced|bulldozed|railroaded|steamrolled|waved)\s+(?:it\s+|this\s+|that\s+|the\s+[\w-]+\s+)?through\s+(?:code\s+)?(?:review|approval|the\s+review|cab|the\s+gate|qa)\b",
    ),
    (
        "trusted",
        r"\b(?:they|he|she|(?-i:[A-Z])[a-z]+|ops|people|engineers|devs|developers|(?:the\s+)?[\w-]+\s+(?:team|folks|crew|squad))\s+(?:still\s+|clearly\s+|simply\s+)?(?:can(?:no|['’])?t|cannot)\s+be\s+trusted\s+(?:with|to|near|around)\b",
    ),
    (
        (
            "bone-headed",
            "half-assed",
            "half-baked",
            "half-hearted",
            "ill-advised",
            "ill-considered",
            "screw-up",
            "short-sighted",
            "sub-standard",
        ),
        r"\b(?:half-baked|half-assed|half-hearted|short-sighted|ill-advised|ill-considered|bone-headed|sub-standard|screw-up)\b",
    ),
    ("hack", r"\bhack\s+job\b"),
    ("rubber", r"\brubber[\s-]stamp(?:s|ed|ing)?\b"),
    ("amateur", r"\bamateur\s+hour\b"),
    (
        "lack",
        r"\black\s+of\s+(?:judg(?:e)?ment|care|rigou?r|diligence|discipline|competence|professionalism|attention|focus|thoroughness|common\s+sense)\b",
    ),
    (
        "best",
        r"\b(?:was|is|were|are)\s+(?:\w+\s+)?(?:naive|sloppy|lazy|careless|clumsy|amateurish|lacking|lackadaisical|haphazard|shoddy|superficial|sketchy|half-hearted)\s+at\s+best\b",
    ),
    (
        "poorly",
        r"\bpoorly\s+(?:thought[\s-]out|thought\s+through|executed|planned|judged|handled|run|managed)\b",
    ),
    ("badly", r"\bbadly\s+(?:executed|handled|planned|managed|botched)\b"),
    ("might", r"\bso\s+bad\s+(?:that\s+)?(?:they|it|you|we)\s+might\s+as\s+well\b"),
    (
        ("circus", "clown", "disaster", "dumpster", "fiasco", "joke", "mess", "shambles", "wreck"),
        r"\b(?:was|were|is|are)\s+(?:a\s+|an\s+)?(?:complete\s+|total\s+|utter\s+|absolute\s+|real\s+)?(?:disaster|shambles|fiasco|joke|trainwreck|train\s+wreck|mess|dumpster\s+fire|clown\s+show|circus)\b(?!\s+recovery)",
    ),
    (
        "paying",
        r"\b(?:wasn['’]t|was\s+not|weren['’]t|were\s+not|isn['’]t|aren['’]t|not)\s+(?:even\s+)?paying\s+attention\b",
    ),
    ("asleep", r"\basleep\s+(?:at\s+the\s+(?:wheel|switch)|on\s+the\s+job)\b"),
    ("bothered", r"\b(?:could(?:n['’]t|\s+not)|can['’]t|cannot)\s+be\s+bothered\b"),
    ("bothered", r"\bhad\s+(?:even\s+)?bothered\s+to\b"),
    (
        "habit",
        r"\bha(?:s|ve|d)\s+a\s+(?:bad\s+|nasty\s+|real\s+)?habit\s+of\s+(?:skipping|ignoring|forgetting|breaking|bypassing|shipping|cutting|dropping|missing)\b",
    ),
    ("corners", r"\bcut(?:ting|s)?\s+corners\b"),
    (("corner-cutting", "corner"), r"\bcorner[\s-]cutting\b"),
    (("cock-up", "cock-ups", "cockup", "cock"), r"\bcock[\s-]?ups?\b"),
    (
        ("napkin", "envelope", "mat", "packet"),
        r"\b(?:written|drawn\s+up|planned|scribbled|sketched)\s+(?:up\s+)?on\s+the\s+back\s+of\s+(?:a|an|the)\s+"
        r"(?:napkin|envelope|beer\s+mat|cigarette\s+packet)\b",
    ),
    (
        "place",
        r"\b(?:troubleshooting|handling|communication|comms|response|investigation|debugging|approach|"
        r"coordination|handover)\s+(?:was|were)\s+(?:\w+\s+)?all\s+over\s+the\s+place\b",
    ),
    (
        ("appalled", "ashamed", "disappointed", "dismayed"),
        r"\b(?:disappointed|dismayed|appalled|ashamed)\s+(?:in|with|by|at)\s+(?:how\s+)?(?:the\s+[\w-]+\s+(?:team|group|department|engineer|on-?call)|him|her|them|(?-i:[A-Z])[a-z]+|the\s+(?:engineer|team|on-?call|reviewer|developer|operator))\b",
    ),
    (
        ("bad", "careless", "poor", "questionable", "reckless", "sloppy"),
        r"\b(?:poor|bad|questionable|sloppy|careless|reckless)\s+(?:decision[\s-]making|judg(?:e)?ment|choices?|calls?|work)\s+(?:by|from|on\s+the\s+part\s+of)\b",
    ),
    ("job", r"\b(?:you|they|he|she)\s+had\s+(?:one|a\s+single)\s+job\b"),
    (
        (
            "astonishing",
            "baffles",
            "baffling",
            "belief",
            "bewildering",
            "boggling",
            "incredible",
            "staggering",
            "unbelievable",
        ),
        r"\b(?:it['’]s|it\s+is|it\s+was)\s+(?:\w+ly\s+)?(?:unbelievable|incredible|astonishing|mind-?boggling|staggering|baffling|bewildering|beyond\s+belief|baffles\s+me)\s+(?:that\b|(?=(?:nobody|no\s+one|no-one|they|he|she|we|anyone)\b))",
    ),
    ("down", r"\blet\s+(?:us|everyone|me|the\s+team|the\s+company|our\s+customers)\s+down\b"),
    ("record", r"\blet\s+the\s+record\s+show\b"),
    (("ashamed", "embarrassed"), r"\bshould\s+be\s+(?:embarrassed|ashamed)\b"),
    (
        ("ashamed", "embarrassed"),
        r"\b(?:embarrassed|ashamed)\s+of\s+(?:themselves|himself|herself)\b",
    ),
    ("feet", r"\bdrag(?:ged|ging|s)?\s+(?:their|his|her|its|our|your)\s+feet\b"),
    ("part", r"\b(?:failure|failing|lapse|negligence)\s+on\s+the\s+part\s+of\b"),
    (
        ("busy", "complacent", "distracted", "lazy", "preoccupied", "tired"),
        r"\btoo\s+(?:busy|distracted|lazy|tired|preoccupied|complacent)\s+to\s+(?:notice|check|see|look|read|care|respond|bother|follow)\b",
    ),
    (
        ("attention", "care", "caution", "diligence", "judg", "rigo", "thoroughness"),
        r"\b(?:insufficient|inadequate|poor|little|no)\s+(?:diligence|care|attention|rigou?r|judg(?:e)?ment|thoroughness|caution)\s+(?:on\s+the\s+part\s+of|by|from)\b",
    ),
    (
        ("accountability", "care", "discipline", "ownership", "rigo", "urgency"),
        r"\black\s+of\s+(?:ownership|accountability|discipline|care|rigou?r|urgency)\s+(?:by|from|on\s+the\s+part\s+of|in|within)\s+(?:the\s+)?[\w-]+\s+(?:team|group|department|squad|folks)\b",
    ),
    (
        ("care", "competence", "diligence", "discipline", "judg", "ownership", "professionalism"),
        r"\bfailure\s+of\s+(?:basic\s+|simple\s+)?(?:professionalism|competence|judg(?:e)?ment|diligence|discipline|care|ownership)\b",
    ),
    (
        ("disgrace", "embarrassment", "liability"),
        r"\b(?:team|group|department|squad|he|she|they|engineer|developer|operator|admin)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+\s+){0,4}?(?:a\s+)?(?:liability|disgrace|embarrassment)\b",
    ),
    ("better", r"\b(?:should|ought\s+to)\s+know\s+better\b"),
    ("better", r"\bknows?\s+better\s+than\s+to\b"),
    ("better", r"\bexpect(?:ed)?\s+(?:much\s+)?better\s+(?:from|of)\b"),
    (
        ("clue", "idea"),
        r"\b(?:had|has|have)\s+no\s+(?:idea|clue)\s+what\s+(?:they|he|she|you|we)\s+(?:were|was|are|is)\s+doing\b",
    ),
    (
        "doing",
        r"\b(?:didn['’]t|did\s+not)\s+know\s+what\s+(?:they|he|she)\s+(?:were|was)\s+doing\b",
    ),
)


#: a person's act called typical of them: "classic Sam, rebooting the primary to see"
_TYPICAL = re.compile(r"^\W*(?:classic|typical|vintage|peak)\s+(?P<who>@?[\w.-]+)\s*[,:!—–-]", re.I)


def _judgement_gate(text: str, _person: Callable[[str], bool], words: Words) -> bool:
    """A judgement word, or one of the judged phrases: the parse is needed for nothing else
    (the rule's trigger words include common ones, such as "part" and "job", for the phrases)."""
    if _JUDGED.search(text) or "ball" in text.lower() or _TYPICAL.match(text):
        return True
    return bool(
        _words_regex("judgement", words, lambda w: rf"\b(?:{_alt(w['judgement_words'])})\b").search(
            text
        )
    )


def _in_title(s: Sentence, t: Token) -> bool:
    """`t` is a word of a capitalised name of two words or more, a song's, a game's, a team's
    ("Careless Whisper", "Blame Game", "Lazy Sundays"): it and a neighbour are capitalised
    words, the neighbour not the sentence's first word nor "I"."""
    if not t.text[:1].isupper():
        return False
    first = s.lead_end()
    for n in (t.i - 1, t.i + 1):
        if 0 <= n < len(s.doc) and n != first:
            w = s.doc[n].text
            if w.isalpha() and w[:1].isupper() and not w.isupper() and w != "I":
                return True
    return False


@gated(_judgement_gate)
@judge
def judgement(s: Sentence) -> Iterator[Hit]:
    """Judgement words on people's work: careless, sloppy, reckless, unacceptable."""
    if s.states_principle():
        return
    for t in s.doc:
        word = t.lower_
        if word not in s.w["judgement_words"] or s.quoted(t) or _negated_near(s, t):
            continue
        if t.text.isupper() and len(t.text) > 1:
            continue  # "YOLO", a testnet's name
        if _in_title(s, t):
            continue  # "Careless Whisper was playing", "a quiz team called Lazy Sundays": a name
        if (
            t.i + 2 < len(s.doc)
            and s.doc[t.i + 1].text == "-"
            and s.doc[t.i + 2].lower_
            in (
                "looking",
                "seeming",
            )
        ):
            continue  # "a careless-looking config line": how it looks, not a verdict
        if (
            t.i + 2 < len(s.doc)
            and s.doc[t.i + 1].text == "-"
            and s.doc[t.i + 2].pos_ in ("NOUN", "VERB", "ADJ")
            and any(
                x.lower_ in ("flag", "mode", "option", "setting") for x in s.doc[t.i + 2 : t.i + 5]
            )
        ):
            continue  # "the careless-write flag on the storage driver": a setting's name
        if t.dep_ == "amod" and t.head.lower_ in ("default", "defaults", "setting", "settings"):
            continue  # "a careless default in the library's config": a setting, not a person
        if (
            word in s.w["technical_senses"]
            and t.dep_ == "acomp"
            and t.i + 2 < len(s.doc)
            and s.doc[t.i + 1].lower_ == "to"
            and lemma(s.doc[t.i + 2]) in ("use", "read", "navigate", "operate")
        ):
            continue  # "the dashboards were embarrassing to use": how a tool is to use
        if word == "sloppy" and t.head.lower_ in ("quorum", "quorums", "mode"):
            continue  # Dynamo's "sloppy quorum", JavaScript's "sloppy mode": terms of the trade
        if (
            t.i + 2 < len(s.doc)
            and s.doc[t.i + 1].text == "-"
            and s.doc[t.i + 2].dep_ in ("amod", "compound")
            and s.doc[t.i + 2].head.i > t.i + 2
            and _thing_noun(s, s.doc[t.i + 2].head)
        ):
            continue  # "the reckless-driving classifier": what a program detects, by its name
        if (
            word in ("unacceptable", "inexcusable", "embarrassing", "ridiculous")
            and t.dep_ == "amod"
            and not _about_people(s, t)
        ):
            continue  # "unacceptable risk": a judgement of a risk, not of people
        if word in s.w["technical_senses"] and t.dep_ == "amod" and not _about_people(s, t):
            continue  # "lazy loading"; but code that "was lazy and untested" is judged
        if (
            t.dep_ == "amod"
            and any(c.dep_ == "compound" for c in t.head.children)
            and _thing_noun(s, t.head)
        ):
            continue  # "a naive eviction policy": a kind of program
        if (
            word in s.w["technical_senses"]
            and t.dep_ == "acomp"
            and any(a.lower_ in ("intentionally", "deliberately", "by design") for a in t.children)
        ):
            continue  # "the edge proxy is intentionally dumb": a design, not a verdict
        if (
            t.dep_ in ("acomp", "advmod")
            and t.head.pos_ in ("VERB", "AUX")
            and word not in _CRAFT_WORDS
            and _thing_judged(s, t.head)
        ):
            continue  # "the parser is sloppy about whitespace", "the pool evaluates lazily"
        if (
            t.dep_ in ("amod", "advmod")
            and t.head.pos_ in ("NOUN", "PROPN", "VERB", "ADJ")
            and word not in ("unacceptable", "inexcusable", "unforgivable")
        ):
            yield _deletion_hit(s, t)
        else:
            yield t.idx, t.idx + len(t.text), None
        return
    for m in _JUDGED.finditer(s.text):
        span = s.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and span.root.pos_ in ("VERB", "AUX") and _thing_judged(s, span.root):
            continue  # "a policy that performed badly with our access pattern"
        if not _negation_before(r"\b(?:no|not|never|nothing|n't)\b[^.;]*$")(s.text, m) and not (
            _IDIOM.search(m.group()) and _said_of_a_machine(s, m.start())
        ):
            yield m.start(), m.end(), None
            return
    typical = _TYPICAL.match(s.text)
    if typical:
        who = s.doc.char_span(typical.start("who"), typical.end("who"), alignment_mode="expand")
        if who is not None and (
            s.person_kind(who[0]) == "person" or is_given_name(who[0].lower_.lstrip("@"))
        ):
            yield typical.start(), typical.end("who"), None  # "classic Sam, rebooting ..."
            return
    if "dropped the ball" in s.lower or "drop the ball" in s.lower:
        i = s.lower.index("the ball")
        if not _said_of_a_machine(s, i):  # ("the old broker dropped the ball whenever ...")
            yield max(0, s.lower.rfind("drop", 0, i)), i + len("the ball"), None


#: idioms of inattention that a writer may use of software too
_IDIOM = re.compile(r"\basleep\b|\bball\b|\bwheel\b|\bswitch\b", re.I)


def _said_of_a_machine(s: Sentence, idx: int) -> bool:
    """The clause holding character `idx` has a thing as its subject, no person: an idiom of
    blame used of software ("the scheduler was asleep at the wheel once its clock drifted")."""
    span = s.doc.char_span(idx, idx + 1, alignment_mode="expand")
    if span is None:
        return False
    t = span[0]
    while t.dep_ not in ("ROOT", "conj", "relcl", "advcl", "ccomp") and t.head is not t:
        t = t.head
    subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subj is not None
        and subj.pos_ in ("NOUN", "PROPN")
        and not s.person_kind(subj)
        and not s.is_name(subj)
    )


#: nouns for software and equipment: a judgement word on one of these is about a program
_MACHINE_NOUNS = {
    "parser", "cache", "pool", "policy", "logic", "algorithm", "scheduler", "balancer",
    "service", "server", "database", "cluster", "node", "daemon", "proxy", "client", "library",
    "driver", "api", "endpoint", "model", "classifier", "planner", "controller", "router",
    "switch", "network", "disk", "queue", "worker", "compiler", "optimizer", "optimiser",
    "resolver", "loader", "allocator", "collector", "heuristic", "heuristics", "implementation",
    "engine", "firmware", "kernel", "sensor", "pump", "valve", "relay", "breaker", "generator",
    "autopilot", "detector", "monitor", "agent", "runtime", "framework", "sdk", "module",
    "function", "method", "handler", "validator", "serializer", "tokenizer", "retry", "backoff",
    "limiter", "throttle", "watchdog", "failover", "replica", "replication", "index", "query",
    "orm", "ui", "app", "application", "tool", "tooling", "system", "software",
}  # fmt: skip


#: words that judge the skill or the care of whoever made a thing, even said of the thing
_CRAFT_WORDS = {"amateurish", "amateur", "incompetent", "unprofessional", "negligent",
                "irresponsible", "reckless", "careless", "idiotic", "stupid", "shoddy",
                "slapdash", "half-assed"}  # fmt: skip


def _thing_judged(s: Sentence, verb: Token) -> bool:
    """The clause of `verb` is about a program: its active subject is a noun for software or
    equipment, no one's ("the parser is sloppy about whitespace", "a policy that performed
    badly", "the failover logic made the wrong decision"); not "the manifests were thrown
    together carelessly", where the adverb is on someone's act."""
    subj = s.subject(verb)
    if subj is not None and subj.lower_ in ("that", "which") and verb.dep_ == "relcl":
        subj = verb.head
    return subj is not None and subj.dep_ != "nsubjpass" and _thing_noun(s, subj)


def _thing_noun(s: Sentence, noun: Token) -> bool:
    """A noun for software or equipment, not a person's and not a team's."""
    if noun.pos_ != "NOUN" or noun.lower_ not in _MACHINE_NOUNS:
        return False
    return not any(
        c.dep_ == "poss" and (s.person_kind(c) in ("person", "group") or s.is_name(c))
        for c in noun.children
    )  # ("our load balancer" is a machine; "Ana's parser" may be her work)


def _about_people(s: Sentence, t: Token) -> bool:
    """The word describes a person, a person's work or a decision, not code."""
    head = t.head
    if t.dep_ == "amod":
        return (
            bool(s.person_kind(head))
            or head.lower_ in s.w["verdict_nouns"]
            or head.lower_
            in (
                "mistake",
                "error",
                "change",
                "review",
                "approach",
                "oversight",
                "blunder",
                "slip",
                "copy-paste",
                "paste",
                "deploy",
                "rollout",
                "fix",
                "workaround",
                "edit",
                "handoff",
                # a person's way of working: "a lazy mindset", "a gung-ho attitude"
                "attitude",
                "mindset",
                "behaviour",
                "behavior",
                "conduct",
                "demeanour",
                "demeanor",
                "manner",
                "move",
            )  # fmt: skip
        )
    if t.dep_ in ("acomp", "attr"):
        return bool(s.person_kind(s.subject(head)))
    return t.dep_ == "advmod" and bool(s.person_kind(s.subject(head)))


def _hindsight_hit(s: Sentence, t: Token) -> Hit:
    """Dropping "obviously" or "simply" helps only when what is left is a plain fact: not
    "they had to check the dashboard" (an obligation on people, minus the sneer) and not
    "the engineer didn't understand ..." (a person at the centre, minus the adverb)."""
    start, end, edit = _deletion_hit(s, t)
    head = t.head
    subject = s.subject(head) if head.pos_ in ("VERB", "AUX") else None
    if t.lower_ in ("just", "simply", "merely") or s.person_kind(subject) in ("person", "group"):
        edit = None
    return start, end, edit


def _deletion_hit_span(s: Sentence, first: Token, last: Token) -> Hit:
    start, end = first.idx, last.idx + len(last.text)
    return start, end, rewrite.delete_word(s.text, start, end)


#: nouns that say nothing once their judgement word goes: "a sloppy deploy" is a fact about a
#: deploy, but "a careless way", "a dumb decision" and "lazy work" are only the judgement
_EMPTY_WITHOUT = {
    "way", "manner", "mindset", "demeanour", "demeanor", "decision", "decisions", "move", "work", "piece", "attitude", "quality", "strategy",
    "job", "call", "mess", "reviewing", "thing", "idea", "choice", "effort", "behaviour",
    "behavior", "approach", "mistake", "error", "deploy", "practice", "engineering", "thinking",
    "handling", "conduct", "response", "performance", "execution",
    "oversight", "lapse", "slip", "stunt",
}  # fmt: skip
_INTENSIFIERS = {"pretty", "very", "really", "so", "totally", "quite", "rather", "extremely",
                 "incredibly", "utterly", "just", "plain", "truly", "completely", "downright"}  # fmt: skip


def _deletion_hit(s: Sentence, t: Token) -> Hit:
    """Delete the judgement word when what is left still states a fact; else ask instead."""
    words = [t]
    # "totally careless", "pretty sloppy": the intensifier goes with the word
    before = s.doc[t.i - 1] if t.i > 0 else None
    if before is not None and (
        before.dep_ == "advmod" and before.head.i == t.i or before.lower_ in _INTENSIFIERS
    ):
        words.insert(0, before)
    start, end = words[0].idx, t.idx + len(t.text)
    if t.dep_ == "amod" and t.head.lower_ in _EMPTY_WITHOUT:
        return start, end, None
    if t.dep_ == "amod" and (
        t.head.dep_ == "ROOT" or not any(x.pos_ in ("VERB", "AUX") for x in t.head.ancestors)
    ):
        return start, end, None  # "A reckless descent rate for a training flight, no two ways
        # about it": with no verb, the judgement is all the fragment says
    owners = list(t.head.children) + (
        list(t.head.head.children) if t.head.dep_ == "compound" else []
    )
    if t.dep_ == "amod" and any(
        c.dep_ == "poss" and (s.is_name(c) or c.tag_ == "NNP" or s.person_kind(c)) for c in owners
    ):
        return start, end, None  # "Bartholomew's sloppy commit message": he stays the cause
    if t.dep_ == "amod" and (
        s.is_name(t.head) or lemma(t.head) in s.w["roles"] or t.head.lower_ in s.w["roles"]
    ):
        return start, end, None  # "a lazy engineer wrote that loop": the person stays the agent
    if t.dep_ == "amod" and (
        any(
            c.dep_ in ("relcl", "acl") and any(g.lower_ == "to" for g in c.children)
            for c in t.head.children
        )
        or t.head.i + 2 < len(s.doc)
        and s.doc[t.head.i + 1].lower_ == "to"
        and s.doc[t.head.i + 2].tag_ == "VB"
    ):  # (however the parser hung "to run": "a boneheaded query to run on the primary")
        return start, end, None  # "a careless change to push during peak": "a change to push
        # during peak" reads as the plan
    if s.doc[s.lead_end()].lower_ in ("such", "what", "how"):
        return start, end, None  # "Such a thoughtless change!": nothing is left but the cry
    last_word = max((c.i for c in t.head.subtree if not c.is_punct), default=t.i)
    if (
        t.dep_ == "advmod"
        and t.head.pos_ == "VERB"
        and t.i == last_word
        and not any(c.dep_ in ("dobj", "prep", "prt") for c in t.head.children)
    ):
        return start, end, None  # "was handled incompetently" -> "was handled": nothing left
    return start, end, rewrite.delete_word(s.text, start, end)


@judge
def verdict(s: Sentence) -> Iterator[Hit]:
    """A verdict on a choice: 'that was the wrong decision', 'a bad call', 'poor judgement'
    (a person's: not "the classifier's poor judgment", "the planner made a bad decision")."""
    if s.states_principle() or s.is_question() or _MACHINE_CHOICE.search(s.text):
        return
    for t in s.doc:
        if (
            t.lower_ in s.w["verdict_adjectives"]
            and t.dep_ == "amod"
            and t.head.lower_ in s.w["verdict_nouns"]
        ):
            if t.head.lower_ in ("call", "calls") and any(
                c.lower_ in ("api", "rpc", "http", "function", "network", "service", "to")
                for c in t.head.children
            ):
                continue
            if t.head.dep_ in ("dobj", "attr") and _thing_judged(s, t.head.head):
                continue  # "the failover logic made the wrong decision": a program's choice
            yield t.idx, t.head.idx + len(t.head.text), None
            return


_RHETORICAL = Alternatives(
    ("hard", r"\bhow\s+hard\s+(?:is|was|can|could)\b"),
    (
        "how",
        r"\bhow\s+(?:did|could|can|do)\s+(?:nobody|no\s+one|anyone|we|they|you|he|she|(?-i:[A-Z])[a-z]+)\s+(?:not\s+)?(?:miss|forget|ignore|not|overlook|skip|think|let|fail|possibly)\b",
    ),
    (
        ("basic", "classic", "elementary", "oldest", "textbook"),
        r"\b(?:oldest|classic|textbook|basic|elementary)\s+(?:mistake|error|blunder|trap)\b",
    ),
    ("book", r"\bin\s+the\s+book\b"),
    ("sense", r"\bcommon\s+sense\b"),
    (
        "any",
        r"\bany\s+(?:junior|intern|engineer|developer|first-year|competent|reasonable|decent|one|idiot|fool|student|novice|beginner)\b[^.?!]{0,40}\b(?:would|could|should)\b(?!\s+(?:have\s+|['’]ve\s+)?(?:just\s+)?(?:made(?!\s+(?:sure|certain|a\s+point))|done\s+(?:the\s+same|that|it|likewise|exactly)|slipped|missed|fallen|pressed|clicked|typed|picked|grabbed|mixed|misread|forgotten)\b)",
    ),
    (
        ("anybody", "anyone", "everybody", "everyone"),
        r"\b(?:everyone|everybody|anybody|anyone)\s+(?:knows|knew|could\s+see|can\s+see)\b(?!\s+(?:where|how\s+to\s+find|who\s+to))",
    ),
    (("apparent", "clear", "obvious"), r"\bshould\s+have\s+been\s+(?:obvious|clear|apparent)\b"),
    ("rocket", r"\b(?:not|hardly|isn['’]t|wasn['’]t|ain['’]t)\s+(?:exactly\s+)?rocket\s+science\b"),
    # "This is Health and Safety 101", "this is textbook", "it doesn't take an engineer to see",
    # "you didn't need a risk assessment to tell you", "... and everybody on site knew it"
    (
        "101",
        r"\b(?:is|was|that['’]s|it['’]s)\s+(?:just\s+|literally\s+)?(?:[A-Za-z&-]+\s+){1,4}101\b",
    ),
    ("textbook", r"\b(?:this|that|it)\s+(?:is|was)\s+textbook\b"),
    (
        "take",
        r"\b(?:doesn['’]t|does\s+not|didn['’]t|did\s+not)\s+take\s+(?:a|an)\s+[\w-]+\s+to\s+"
        r"(?:see|know|spot|tell|realise|realize|work\s+out|figure\s+out)\b",
    ),
    (
        "need",
        r"\b(?:didn['’]t|did\s+not|don['’]t|do\s+not)\s+need\s+(?:a|an)\s+(?:[\w-]+\s+){1,3}?to\s+"
        r"(?:tell|see|know|spot|show)\s+(?:you|us|them|anyone)\b",
    ),
    (
        "knew",
        r"\band\s+(?:everybody|everyone)\s+(?:[\w-]+\s+){0,3}?knew\s+it\b",
    ),
    ("giveaway", r"\b(?:a|the)\s+dead\s+giveaway\b"),
    (
        ("caught", "flagged", "noticed", "seen", "spotted"),
        r"\bhow\s+(?:was|were|is|did|could)\s+(?:this|that|it)\s+not\s+(?:get\s+)?(?:spotted|caught|noticed|seen|flagged)\s+"
        r"(?:in|during|at|by)\s+(?:code\s+)?(?:the\s+)?(?:review|reviewers?|approver)\b",
    ),
    (
        "believe",
        r"\bhard\s+to\s+believe\s+(?:that\s+)?[^.?!]{0,60}?\b(?:slipped|got|went)\s+(?:past|by|through)\s+"
        r"(?:\w+\s+)?(?:reviewers?|approvers?|people|engineers|of\s+us|pairs\s+of\s+eyes)\b",
    ),
    ("anyone", r"\bas\s+anyone\s+(?:can|could)\s+see\b"),
    ("thinking", r"\bwhat\s+(?:was|were)\s+(?:they|you|he|she|we|(?-i:[A-Z])[a-z]+)\s+thinking\b"),
    (
        "do",
        r"\b(?:all|the\s+only\s+thing)\s+(?:you|they|he|she|we|anyone|anybody|someone|somebody|people|(?-i:[A-Z])[a-z]+)\s+(?:had|needed|need|have)\s+to\s+do\s+(?:was|is)\b",
    ),
    (
        ("evident", "obvious", "plain"),
        r"\bit\s+(?:was|is|had\s+been|should\s+have\s+been)\s+(?:obvious|evident|plain)\s+(?:that|from)\b",
    ),
    (
        ("apparent", "clear", "evident", "obvious", "plain"),
        r"\bit\s+(?:was|is|had\s+been)\s+(?:\w+ly\s+|pretty\s+|plain\s+)(?:clear|obvious|evident|apparent|plain)\s+(?:that|from)\b",
    ),
    (
        ("anybody", "anyone", "everyone"),
        r"\b(?:clear|obvious|evident|apparent|plain)\s+to\s+(?:anyone|everyone|anybody)\b",
    ),
    (
        ("evident", "obvious", "plain"),
        r"\bit\s+(?:was|is|had\s+been|should\s+have\s+been)\s+(?:\w+ly\s+)?(?:obvious|evident|plain)\s+"
        r"(?:the\s+|a\s+|an\s+|this\s+|it\s+|our\s+|their\s+)(?:[\w-]+\s+){0,3}?(?:was|were)\s+"
        r"(?:coming|going\s+to|about\s+to|heading\s+for|on\s+the\s+way)\b",
    ),  # ("it was obvious the roof was coming in": the "that" left out)
    (
        ("screaming", "shouting", "yelling"),
        r"\b(?:logs?|alerts?|alarms?|graphs?|dashboards?|metrics|signs|warnings|data|numbers|errors|"
        r"readings|gauges?|lag|trend|\w+kills|\w+errors)\b[^.;?!]{0,30}?\b(?:was|were|had\s+been|kept)\s+"
        r"(?:literally\s+|practically\s+|basically\s+|all\s+but\s+)?(?:screaming|shouting|yelling)\b",
    ),  # ("the OOMKills were screaming at us for days": evidence that could not be missed)
    (
        ("unmistakable", "glaring", "unmissable", "blatant", "staring"),
        r"\b(?:trend|pattern|signs?|warnings?|signals?|symptoms?|readings?|results|data|evidence|"
        r"red\s+flags?)\b[^.;?!]{0,40}?\b(?:was|were)\s+(?:\w+\s+)?(?:unmistakable|glaring|unmissable|"
        r"blatant|staring\s+(?:us|them|everyone)\s+in\s+the\s+face)\b",
    ),  # ("the upward trend in the results was unmistakable")
    (
        ("impossible", "difficult", "hard"),
        r"\b(?:was|were|had\s+been)\s+(?:frankly\s+|honestly\s+|simply\s+|just\s+)?(?:impossible|hard|difficult)\s+"
        r"to\s+(?:miss|overlook|ignore)\b",
    ),  # ("the red flags in the audit were impossible to miss")
    (
        "there",
        r"\b(?:was|were|had\s+been)\s+(?:right\s+|all\s+)?there\b[^.;?!]{0,50}?\bfor\s+(?:anyone|anybody|"
        r"everyone|all)\s+to\s+(?:see|read|notice|find|check)\b",
    ),  # ("the warning was right there in the release notes for anyone to read")
    (
        ("plainly", "clearly", "obviously"),
        r"\b(?:plainly|clearly|obviously)\s+going\s+to\s+(?:fail|break|happen|collapse|go\s+wrong|blow)\b",
    ),
    (
        "tell",
        r"\b(?:everyone|everybody|anyone|anybody|any\s+fool|a\s+child)\s+(?:could|can)\s+"
        r"(?:\w+\s+)?tell\b(?!\s+(?:you|them|us|him|her|me)\b)",
    ),  # ("everyone could tell the new till system wasn't ready")
    (
        "clear",
        r"\bclear\s+(?:that|from)\b[^.?!]*\b(?:all\s+along|from\s+the\s+start|(?:days|weeks|hours)\s+before)\b",
    ),
    (
        ("clear", "evident", "obvious"),
        r"\b(?:painfully|glaringly|blindingly|blatantly|patently|crystal|dead|so|totally|completely)\s+(?:obvious|clear|evident)\b",
    ),
    ("self-evident", r"\bself-evident\b"),
    (
        ("caught", "found", "prevented", "revealed", "shown", "spotted", "surfaced"),
        r"\b(?:a|one|any)\s+(?:quick|simple|single|basic|five-minute|cursory|two-minute|10-second|ten-second)\s+(?:[\w-]+\s+){1,2}(?:would|could)\s+have\s+(?:revealed|shown|caught|found|spotted|surfaced|prevented)\b",
    ),
    (
        ("caught", "checked", "known", "noticed", "realised", "realized", "seen", "spotted"),
        r"\b(?:any(?:one|body)|every(?:one|body))\s+(?:with\s+)?[^.?!]{0,40}\b(?:would|could|should)\s+have\s+(?:known|checked|seen|noticed|caught|spotted|realised|realized)\b",
    ),
    ("brain", r"\bhalf\s+a\s+brain\b"),
    ("took", r"\b(?:only|just)\s+took\s+(?:one|a|a\s+single)\s+(?:look|glance|minute|second)\b"),
    ("look", r"\bone\s+look\s+at\b"),
    (("just", "merely", "simply"), r"\b(?:simply|just|merely)\s+\w+ing\b[^.?!]*\bwould\s+have\b"),
    ("who", r"\bwho\s+(?:let|allowed)\s+this\b"),
    ("plain", r"\bplain\s+as\s+day\b"),
    ("staring", r"\bstaring\s+(?:us|them|you|him|her|everyone)\s+in\s+the\s+face\b"),
    ("written", r"\bwritten\s+all\s+over\b"),
    ("flag", r"\bred\s+flags?\s+(?:everywhere|all\s+over)\b"),
    (
        (
            "careful",
            "competent",
            "decent",
            "experienced",
            "first-year",
            "good",
            "junior",
            "reasonable",
            "seasoned",
            "senior",
        ),
        r"\b(?:a|an|any)\s+(?:competent|decent|good|reasonable|experienced|careful|half-decent|seasoned|senior|junior|first-year)\s+(?:\w+\s+)?(?:engineer|sre|developer|dev|admin|dba|operator|person|one|programmer)\s+(?:would|could|should)(?:\s+never|\s+not|n['’]t)?\s+have\b",
    ),
    (
        (
            "attentive",
            "careful",
            "competent",
            "decent",
            "experienced",
            "good",
            "qualified",
            "reasonable",
            "seasoned",
            "sensible",
            "trained",
        ),
        # any trade's practitioner: "any experienced driver would have recognised the load was
        # shifting", "a trained eye would have spotted it", "every experienced nurse knows ..."
        r"\b(?:a|an|any|every)\s+(?:competent|decent|good|reasonable|experienced|careful|seasoned|trained|"
        r"qualified|sensible|attentive)\s+(?:[\w-]+\s+){1,2}?(?:would|could|should)\s+have\s+(?:\w+ly\s+)?"
        r"(?:seen|noticed|spotted|recogni[sz]ed|caught|known|realised|realized|picked\s+up|clocked|"
        r"smelt|smelled|heard|twigged|identified|diagnosed|questioned)\b"
        r"|\b(?:every|any)\s+(?:competent|experienced|trained|qualified|seasoned|decent|good)\s+"
        r"[\w-]+\s+(?:knows|would\s+know)\b",
    ),
    ("seriously", r"\bseriously\s*\?"),
    ("who", r"\bwho\s+(?:does|would\s+do|thought\s+it\s+was\s+a\s+good\s+idea)\b"),
)
#: hindsight named as the bias it is: "obvious in hindsight, which is exactly why we're looking
#: at what the dashboards showed at the time", "obvious now, not then"
_HINDSIGHT_OWNED = re.compile(
    r"^[^.;]*?\b(?:which\s+is\s+(?:exactly\s+|precisely\s+)?why\s+we|but\s+not\s+(?:then|at\s+the\s+time)|"
    r"not\s+(?:then|at\s+the\s+time)|what\s+(?:\w+\s+){0,3}(?:showed|saw|knew)\s+at\s+the\s+time)\b",
    re.I,
)
_RHETORICAL = _RHETORICAL + Alternatives(
    (
        "could",
        r"\b(?:any(?:one|body)|a\s+child|a\s+five-year-old)\s+could\s+(?:have\s+)?(?:see|seen|tell|told|spot|spotted)\b",
    ),
    (("genius", "scientist"), r"\bdoesn['’]t\s+take\s+a\s+(?:genius|rocket\s+scientist)\b"),
    ("writing", r"\bwriting\s+(?:was|is)\s+on\s+the\s+wall\b"),
    (
        "seen",
        r"\b(?:should(?:\s+have|['’]ve)|could(?:\s+have|['’]ve)|would(?:\s+have|['’]ve))\s+seen\s+(?:it|this|that)\s+coming\b",
    ),
    (
        "do",
        r"\b(?:all|the\s+only\s+thing)\s+(?:you|they|he|she|we|anyone|anybody|someone|somebody|people|(?-i:[A-Z])[a-z]+)\s+(?:had|needed|need|have)\s+to\s+do\b",
    ),
    (
        ("just", "merely", "only", "simply"),
        r"\b(?:simply|only|just|merely)\s+(?:needed|had)\s+to\b",
    ),
    (
        ("competence", "diligence", "hygiene"),
        r"\bbasic\s+(?:due\s+)?(?:diligence|hygiene|competence)\b",
    ),
    ("obvious", r"\bobvious(?:ly)?\s+(?:to\s+anyone|in\s+hindsight|in\s+retrospect)\b"),
)
# hindsight by other turns: "of course it fell over", "the answer was right there", "this is
# Ops 101", "any SRE worth their salt", "who didn't see that coming?", "you just roll back"
_RHETORICAL = _RHETORICAL + Alternatives(
    (
        ("course", "inevitably", "naturally", "predictably", "unsurprisingly"),
        r"^\W*(?:of\s+course|naturally|predictably|unsurprisingly|inevitably)\b,?\s+(?:[\w'’-]+\s+){0,5}(?:fell|broke|crashed|failed|locked|went\s+(?:cold|down|sideways)|blew|took\s+(?:\w+\s+)?down|skipped|ignored|missed|forgot|overloaded|tripled|doubled|timed\s+out|mattered)\b",
    ),
    (
        ("front", "there"),
        r"\b(?:answer|cause|fix|problem|culprit|signs?|warning\s+signs?|clues?|evidence|error|bug)\s+(?:was|were)\s+(?:all\s+)?(?:right\s+)?(?:there|in\s+front\s+of)\b"
        # ("the signs of a failing track circuit were all there in the fault log")
        r"|\b(?:signs?|warnings?|clues?|evidence)\s+of\s+(?:[\w-]+\s+){1,5}?(?:was|were)\s+all\s+(?:right\s+)?there\b",
    ),
    (
        "clear",
        r"\b(?:was|were|is|it['’]s)\s+(?:as\s+)?clear\s+as\s+(?:anything|day|daylight|crystal|a\s+bell|glass)\b",
    ),
    (
        ("nobody", "no"),
        r"^\W*how\s+(?:could|did|do|does|can|would)\s+(?:nobody|no\s+one|no-one)\s+(?:[\w-]+\s+){0,4}?"
        r"(?:notice|see|spot|catch|check|realise|realize|question|pick\s+up)\b",
    ),
    (
        "any",
        r"^\W*(?:anyone|anybody)\s+(?:\w+ing|with|in|on|at)\s+(?:[\w'’-]+\s+){0,5}?(?:could|would)"
        r"(?:\s+have|['’]ve)\s+(?:seen|smelled|smelt|heard|spotted|noticed|told|felt)\b",
    ),
    ("front", r"\bright\s+in\s+front\s+of\s+(?:us|them|you|him|her|everyone)\b"),
    ("stared", r"\bstared\s+(?:us|them|you|him|her|everyone)\s+in\s+the\s+face\b"),
    ("walked", r"\bwalked\s+right\s+past\b"),
    (
        "101",
        r"\b(?:is|was|['’]s)\s+(?:basic\s+|literally\s+|just\s+)?(?:(?-i:[A-Z])[\w-]*\s+){1,3}101\b",
    ),
    (
        ("nobody", "no"),
        r"^\W*(?:was|were|is|are)\s+(?:nobody|no\s+one|no-one)\s+(?:even\s+|actually\s+|really\s+)?"
        r"(?:reading|watching|checking|looking|monitoring|listening|paying\s+attention|awake|minding)\b[^?]*\?",
    ),
    (
        ("nobody", "no"),
        r"\b(?:nobody|no\s+one|no-one)\s+(?:\w+ly\s+)?(?:expected|thought|saw|predicted|anticipated|considered|"
        r"imagined|figured)\b[^?.!]*\?",
    ),
    (
        ("think", "thought", "expect", "imagine"),
        r"\bwhat\s+(?:exactly\s+|on\s+earth\s+|the\s+hell\s+)?did\s+(?:we|they|you|anyone|he|she)\s+"
        r"(?:think|expect|imagine)\s+(?:would|was\s+going\s+to|will)\s+happen\b",
    ),
    (
        ("coming",),
        r"\b(?:every\s+one\s+of\s+us|everyone|everybody|we\s+all|all\s+of\s+us|the\s+whole\s+(?:team|floor|office))\s+"
        r"(?:\w+\s+)?saw\s+(?:this|it|that)\s+coming\b"
        r"|\bwho\s+(?:didn['’]?t|did\s+not)\s+see\s+(?:this|it|that)\s+coming\b",
    ),
    (
        ("predictable", "inevitable", "foreseeable"),
        r"\bmade\s+(?:this|the|that|it)\s+(?:[\w-]+\s+)?(?:entirely\s+|totally\s+|completely\s+|utterly\s+|wholly\s+)?"
        r"(?:predictable|inevitable|foreseeable)\b",
    ),
    (
        "other",
        r"\bhow\s+(?:could|would|else\s+could)\s+(?:this|it|that)\s+(?:have\s+)?(?:end(?:ed)?|go(?:ne)?|turn(?:ed)?\s+out)\s+"
        r"(?:any\s+)?other\s+way\b",
    ),
    (
        "screaming",
        r"\b(?:practically|literally|basically|all\s+but)\s+screaming\s+(?:that|at\s+us|at\s+them)\b",
    ),
    (
        "how",
        r"^\W*how\s+(?:was|were|is|could)\s+(?:anyone|anybody|we|they|you)\s+(?:be\s+)?(?:surprised|shocked)\b",
    ),
    ("stuff", r"\bbasic\s+stuff\b"),
    (
        ("complicated", "difficult", "hard"),
        r"\b(?:it'?s|it\s+is|it\s+was|that'?s)\s+not\s+(?:hard|difficult|complicated)\b",
    ),
    (
        "worth",
        r"\bworth\s+(?:their|his|her|your|the|a)\s+(?:salt|pager|paycheck|title|badge|name)\b",
    ),
    (
        ("any", "someone"),
        r"\b(?:any(?:one|body)|someone)\s+with\s+(?:a|one|two|some|half)\s+[^.?!]{0,30}\b(?:knows?|would|could)\b",
    ),
    (
        ("competent", "decent", "first-year", "junior"),
        r"\b(?:any|a)\s+(?:competent|decent|first-year|junior|half-decent)\s+[\w-]+\s+(?:knows?|would|could)\b",
    ),
    (
        "coming",
        r"\bwho\s+(?:didn['’]t|did\s+not|wouldn['’]t|couldn['’]t)\s+see\s+(?:that|this|it)\s+coming\b",
    ),
    ("how", r"\bhow\s+did\s+(?:nobody|no\s+one)\b"),
    ("past", r"\bhow\s+did\s+(?:this|that|it)\s+get\s+past\b"),
    ("expect", r"\bwhat\s+did\s+(?:they|you|he|she|we|(?-i:[A-Z])[a-z]+)\s+expect\s*[?!]"),
    ("really", r"\b(?:was|is)\s+it\s+really\s+(?:that|so)\s+(?:hard|difficult)\b"),
    (
        "just",
        r"\bwhy\s+(?:didn['’]t|did\s+not|wouldn['’]t)\s+(?:we|they|you|he|she|anyone|(?-i:[A-Z])[a-z]+|the\s+[\w-]+)\s+just\b",
    ),
    (
        (
            "deletes",
            "deploys",
            "drops",
            "pushes",
            "restarts",
            "runs",
            "ships",
            "shuts",
            "switches",
            "turns",
        ),
        r"\bwho\s+(?:turns|switches|shuts|deletes|drops|deploys|pushes|ships|runs|restarts)\b[^.?!]*\?",
    ),
    ("surely", r"\bsurely\s+(?:somebody|someone|anyone|anybody|they|we|you|he|she)\b[^.?!]*\?"),
    ("come", r"\bcome\s+on\b"),
    ("always", r"\b(?:was\s+)?always\s+going\s+to\s+(?:end|happen|break|fail|blow)\b"),
    (
        "easy",
        r"\beasy\s+to\s+(?:spot|see|catch|avoid|notice)\b[^.?!]*\b(?:really|honestly|frankly)\b",
    ),
    ("spot,", r"\b(?:easy|trivial)\s+to\s+spot,\s+really\b"),
    ("trivially", r"\btrivially\s+(?:easy|simple|obvious|avoidable)\b"),
    ("trivial", r"\b(?:was|is)\s+trivial,?\s+(?:so|yet|and|but)\b"),
    (
        ("just", "simply"),
        r"\b(?:you|we|they)\s+(?:just|simply)\s+(?:restart|roll|check|read|look|revert|drain|run)\b[^.?!]*(?:not\s+hard|that['’]s\s+it|simple|easy|all\s+there\s+is)",
    ),
    ("kind", r"\bkind\s+of\s+mistake\b"),
    (
        ("competent", "experienced", "first-year", "junior", "senior"),
        r"\bmistakes?\s+(?:a|any|no)\s+(?:senior|junior|competent|first-year|experienced)\b",
    ),
    (
        "think",
        r"\b(?:didn['’]t|did\s+not)\s+(?:anyone|anybody|someone|somebody|they|we|you)\s+think\s+to\b",
    ),
    ("think", r"\bwhy\s+would\s+(?:anyone|anybody|you|they|someone)\s+think\b"),
    (
        ("hindsight", "looking", "retrospect"),
        r"\b(?:in\s+hindsight|in\s+retrospect|looking\s+back),?\s+it(?:['’]s|\s+was|\s+is)\s+(?:now\s+)?(?:so\s+|pretty\s+|painfully\s+)?(?:obvious|clear|evident)\b",
    ),
    (
        ("foreseeable", "predictable"),
        r"\b(?:was|were|had\s+been)\s+(?:entirely|totally|completely|utterly|wholly|perfectly|eminently|100%)\s+(?:predictable|foreseeable)\b",
    ),
    (
        ("take", "took"),
        r"\b(?:was|is)\s+all\s+it\s+(?:would\s+have\s+taken|took|would\s+take|takes)\b",
    ),
    (
        ("flags", "signs"),
        r"\bgiven\s+(?:the|all\s+the|those|these)\s+(?:warning\s+signs|red\s+flags|signs)\b",
    ),
    ("happens", r"\bthis\s+is\s+what\s+happens\s+when\b"),
    (
        ("competent", "decent", "first-year", "junior"),
        r"\b(?:any|a)\s+(?:competent|decent|first-year|junior|half-decent)\s+(?:[\w-]+\s+){1,2}(?:knows?|would|could)\b",
    ),
    (
        "how",
        r"\bhow\s+(?:could|did|can|does)\s+(?:an?|any|the|our)\s+(?:[\w'’-]+\s+){0,6}?(?:miss|forget|ignore|overlook|skip|not\s+(?:see|notice|know|check))\b[^.?!]*\?",
    ),
    (
        "kind",
        r"\bwhat\s+kind\s+of\s+(?:engineer|developer|person|team|sre|admin|operator|reviewer)\b[^.?!]*\?",
    ),
    (
        ("brain", "clue", "experience", "neuron", "sense"),
        r"\b(?:nobody|no\s+one|no-one|anyone|anybody)\s+with\s+(?:any|an\s+ounce\s+of|a\s+shred\s+of|half\s+a|a\s+working|a\s+functioning|basic|common|a\s+single)\s+(?:experience|sense|clue|brain|brain\s+cell|neuron)s?\b",
    ),
    (
        (
            "careful",
            "competent",
            "decent",
            "experienced",
            "good",
            "professional",
            "reasonable",
            "sane",
            "serious",
        ),
        r"\bno\s+(?:reasonable|competent|sane|decent|experienced|good|careful|serious|professional)\s+(?:engineer|sre|developer|dev|admin|dba|operator|person|team|reviewer)\s+(?:would|could|should)(?:\s+ever)?\s+have\b",
    ),
    (
        ("evident", "obvious"),
        r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:obvious|evident)\s+(?:from\s+(?:day\s+one|the\s+(?:start|beginning|outset))|all\s+along)\b",
    ),
    (
        "many",
        r"\bhow\s+many\s+times\s+(?:do|did|must|will|should)\s+(?:we|I)\s+(?:have\s+to\s+|need\s+to\s+)?(?:tell|remind|ask|say|explain)\b",
    ),
    (
        ("decided", "decides", "thinks", "thought"),
        r"\bwho\s+(?:thinks|thought|decided|decides)\s+(?:it['’]s|it\s+is|it\s+was|that['’]s|that\s+is)\s+(?:ok|okay|fine|acceptable|a\s+good\s+idea|smart|wise|reasonable|sensible)\s+to\b",
    ),
    (
        ("brain", "clue", "sense"),
        r"\bif\s+(?:the\s+[\w-]+|he|she|they|(?-i:[A-Z])[a-z]+)\s+had\s+(?:any|an\s+ounce\s+of|half\s+a|a\s+shred\s+of)\s+(?:sense|brain|clue|common\s+sense)\b",
    ),
    (
        ("brain", "eyes", "pulse", "sense"),
        r"\b(?:any(?:one|body)|someone|somebody)\s+with\s+(?:eyes|a\s+brain|half\s+a\s+brain|common\s+sense|any\s+sense|a\s+pulse)\b",
    ),
    ("writing", r"\bwriting\s+(?:had\s+been|has\s+been|was)\s+on\s+the\s+wall\b"),
    ("beyond", r"\b(?:it['’]s|it\s+is)\s+beyond\s+me\s+(?:how|why)\b"),
    (
        ("into", "past", "through"),
        r"\bhow\s+(?:on\s+earth\s+)?(?:did|could|does)\s+(?:this|that|it)\s+(?:get|make\s+it|slip)\s+(?:through|past|into)\b",
    ),
    (
        "doing",
        r"\bwhat\s+(?:were|was)\s+(?:they|you|he|she|(?-i:[A-Z])[a-z]+|the\s+[\w-]+)\s+doing\b[^.?!]*\?",
    ),
    ("else", r"\b(?:any(?:one|body)|any\s+[\w-]+)\s+else\s+would\s+have\b"),
    # the sign was in plain view: "it was right there", "all there on the screen", "sitting in
    # plain view", "couldn't have been more obvious", "anyone walking past could see", "the
    # clearest signal we've ever had", "the most basic failure imaginable"
    (
        "there",
        r"\b(?:it|this|that|everything)\s+(?:was|is)\s+(?:all\s+|literally\s+|just\s+)?(?:right\s+)?there\s+"
        r"(?:on\s+the\s+(?:screen|dashboard|graph|chart|page|board|monitor)|in\s+(?:the\s+logs?|black\s+and\s+white|"
        r"front\s+of\s+(?:us|them|him|her|you|everyone)))\b"
        r"|\b(?:it|this|that|everything)\s+was\s+(?:all\s+|literally\s+|just\s+)?right\s+there(?=\s*(?:[.!;:,—–]|$|lol|lmao|smh))",
    ),
    (
        "plain",
        r"\b(?:sitting|sat|hiding|hidden|lay|lying|right)\s+(?:there\s+)?in\s+plain\s+(?:sight|view)\b",
    ),
    (
        "been",
        r"\bcould(?:n['’]t|\s+not|\s+hardly)\s+have\s+been\s+(?:any\s+)?(?:more\s+)?(?:obvious|clearer|more\s+visible|more\s+glaring)\b",
    ),
    (
        "could",
        r"\b(?:any(?:one|body)|every(?:one|body))\s+(?:walking\s+(?:past|by)|passing(?:\s+by)?|with\s+(?:eyes|a\s+screen))\s+"
        r"could\s+(?:have\s+)?(?:see|seen|tell|told|spot|spotted|smell|smelled|smelt|hear|heard)\b",
    ),
    (
        ("clearest", "loudest", "biggest", "plainest", "obvious"),
        r"\b(?:clearest|loudest|biggest|plainest|most\s+obvious)\s+(?:early\s+)?(?:signal|warning|sign|red\s+flag|hint|alarm)\s+"
        r"(?:(?:that\s+)?(?:we|you|they|anyone|the\s+\w+)\s*(?:['’]ve|had|have|has|could|would)|imaginable|possible)\b",
    ),
    (
        "most",
        r"\bthe\s+most\s+(?:basic|elementary|obvious|predictable|avoidable|rookie)\s+(?:failure|mistake|error|blunder|oversight|thing)\s+"
        r"(?:imaginable|possible|ever|in\s+the\s+(?:world|book))\b",
    ),
    # how a plain sign went unseen for so long, asked in disbelief: "how could a pressure sore
    # that size go unnoticed across three shifts?", "how do u miss a 40% drop lmao" (not the
    # section's question "how did this go unnoticed?", which asks for the gap)
    (
        "how",
        r"\bhow\s+(?:on\s+earth\s+)?(?:could|did|can|do|does|is|was|were|has|have)\b[^.?!]{0,80}?"
        r"\b(?:go(?:es)?\s+unnoticed|gone\s+unnoticed|went\s+unnoticed|escaped?\s+(?:notice|attention)|"
        r"(?:u|you|we|they|anyone|people)\s+(?:just\s+)?(?:miss|overlook|ignore)|"
        r"(?:nobody|no\s+one|noone)\s+(?:see|saw|notice|noticed|spot|spotted|catch|caught))\b"
        r"(?=[^.?!]*?(?:\b(?:for|across|over|in)\s+(?:\w+\s+){0,2}(?:days|weeks|months|quarters|shifts|hours|years|"
        r"sprints|releases)\b|\ball\s+(?:weekend|week|day|night|morning|month)\b|\b(?:lol|lmao|smh|ffs|wtf)\b|"
        r"[^.?!]*\?\s*(?:it|the|this)\s+(?:is|was)\s+(?:written|right|in\s+red|on\s+the)))",
    ),
    (
        (
            "attentive",
            "better",
            "careful",
            "competent",
            "decent",
            "diligent",
            "experienced",
            "good",
            "professional",
            "proper",
            "real",
            "responsible",
            "rigorous",
            "senior",
            "sharper",
            "smarter",
            "thorough",
            "wiser",
        ),
        r"\b(?:a|an|any)\s+(?:more\s+(?:careful|experienced|senior|attentive|competent|diligent|thorough|rigorous)|better|smarter|wiser|sharper|proper|real|good|competent|decent|responsible|professional)\s+(?:engineer|sre|developer|dev|admin|dba|operator|person|programmer|team|reviewer)\s+(?:would|could|should)(?:\s+never|\s+not|n['’]t)?\s+have\b",
    ),
    (
        ("reminded", "reminding", "telling", "told"),
        r"\bshould(?:n['’]t)?\s+(?:need|have\s+needed)\s+(?:telling|reminding|to\s+be\s+(?:told|reminded))\b",
    ),
    (
        ("month", "year"),
        r"\b(?:\w+\s+)?(?:years?|months?)\s+(?:on|in)\s+the\s+(?:team|job|role|rota|rotation)\s+and\s+(?:he|she|they|(?-i:[A-Z])[a-z]+)\s+still\b",
    ),
    ("beggars", r"\b(?:it\s+)?beggars\s+belief\b"),
    (
        ("foreseen", "guessed", "imagined", "predicted"),
        r"\bwho\s+could\s+(?:possibly\s+|ever\s+)?have\s+(?:predicted|foreseen|guessed|imagined)\b[^.?!]*\?\s*(?:oh|ah)\b",
    ),
    ("oh", r"\boh\s+(?:right|wait),?\s+(?:everyone|everybody|all\s+of\s+us)\b"),
    (
        ("shocking", "surprise", "surprising", "unexpected"),
        r"\b(?:was|is)\s+it\s+(?:really|honestly)\s+(?:a\s+|such\s+a\s+)?(?:surprise|surprising|unexpected|shocking)\b",
    ),
    (
        "must",
        r"\b(?:they|he|she|(?:the\s+)?(?:people|engineers?|designers?|team|developers?|authors?)(?:\s+who\s+[\w-]+(?:\s+[\w-]+){0,3})?)\s+must\s+(?:surely\s+|have\s+)?(?:have\s+)?(?:known|realised|realized|seen\s+(?:it|this)\s+coming)\b",
    ),
    (
        ("doing", "done"),
        r"\bhad\s+(?:the\s+|our\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:done|been\s+doing)\s+(?:their|his|her|your)\s+jobs?\b",
    ),
    (
        ("believe", "imagine", "understand"),
        r"\b(?:it['’]s|it\s+is|it\s+was)\s+(?:hard|difficult|impossible)\s+to\s+(?:believe|imagine|understand)\s+(?:that\s+|how\s+|why\s+)?(?:a|an|the|our|any)\s+(?:[\w-]+\s+)?(?:engineer|developer|admin|sre|person|analyst|team|professional|lead|employee|reviewer|operator)\s+(?:would|could|did|was|let)\b",
    ),
    (
        ("glanced", "looked", "looking"),
        r"\b(?:anyone|anybody|everyone|everybody)\s+(?:looking|who\s+(?:looked|glanced))\s+at\b[^.?!]*\b(?:could|would|can)\s+(?:have\s+)?(?:see|seen|tell|told|spot|spotted|know|known)\b",
    ),
    ("whole", r"\bhow\b[^.?!]*\b(?:missed|overlooked|ignored)\s+for\s+(?:\w+\s+)?whole\b"),
    (
        "why",
        r"\bwhy\s+would\s+(?:anyone|anybody|someone|somebody)\s+(?:ever\s+)?(?:run|deploy|push|delete|drop|restart|disable|ship|merge|do|touch|skip|turn|change)\b[^.!]*\?",
    ),
    (
        ("certainly", "clearly", "obviously", "surely"),
        r"\b(?:must|should)\s+(?:surely|certainly|obviously|clearly)\s+have\s+(?:realised|realized|known|seen|noticed|understood|spotted)\b",
    ),
    (
        ("expect", "think"),
        r"\bwhat\s+did\s+(?:we|they|you|he|she)\s+(?:think|expect)\s+(?:was\s+going\s+to|would)\s+happen\b",
    ),
    (
        ("classic", "textbook", "typical"),
        r"\b(?:textbook|classic|typical)\s+(?:beginner|rookie|newbie|junior|novice|amateur)(?:['’]s|s['’])?\s+(?:mistake|error|move)\b",
    ),
    (
        ("apparent", "clear", "evident", "obvious", "visible"),
        r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:obvious|clear|evident|apparent|visible)\s+to\s+(?:the\s+)?(?:[\w-]+\s+)?(?:engineers|team|people|everyone|on-?call|responders|operators|developers|them|him|her)\b",
    ),
    ("reason", r"\b(?:was|were|is|are)\s+there\s+for\s+a\s+reason\b"),
    ("trouble", r"\basking\s+for\s+trouble\b"),
    (
        "whoever",
        r"\bwhoever\s+(?:thought|decided|figured|signed\s+off|agreed)\b[^.?!]*\b(?:good\s+idea|smart|clever|fine|ok|okay|acceptable|sensible|safe)\b",
    ),
    (
        ("hard", "hidden", "new", "obscure", "quiet", "secret", "subtle", "unknown"),
        r"\bit['’]s\s+not\s+(?:like|as\s+if|as\s+though)\s+(?:the\s+[\w-]+|it|they|this|that)\s+(?:was|were|is|are)\s+(?:exactly\s+)?(?:subtle|hidden|hard\s+to\s+(?:see|find|miss|spot)|quiet|a\s+secret|new|unknown|obscure)\b",
    ),
    (
        "think",
        r"\byou(?:['’]d|\s+would)\s+think\b[^.?!]*\b(?:someone|somebody|anyone|anybody|they|we|people|he|she)\s+(?:would|might|could)\s+have\b",
    ),
    (
        ("cost", "taken"),
        r"\bwould\s+have\s+(?:cost|taken)\s+(?:(?:him|her|them|you|anyone|someone|(?-i:[A-Z])[a-z]+|the\s+[\w-]+)\s+(?:all\s+of\s+|just\s+|only\s+|maybe\s+|less\s+than\s+|under\s+)?|(?:all\s+of|just|only|a\s+mere|maybe|less\s+than|under|barely)\s+)(?:a\s+few|a|one|two|three|five|ten|fifteen|thirty|\d+)\s+(?:seconds?|minutes?|moments?)\s+to\b",
    ),
    (
        (
            "attentive",
            "careful",
            "closer",
            "diligent",
            "half-decent",
            "proper",
            "rigorous",
            "second",
            "thorough",
        ),
        r"\b(?:a|an|any)\s+(?:more\s+(?:careful|attentive|diligent|thorough|rigorous)|proper|closer|careful|diligent|thorough|second|half-decent)\s+(?:code\s+)?(?:review|look|read(?:ing)?|check|glance)\s+(?:would|could|should)(?:['’]ve|\s+have)\s+(?:caught|spotted|found|flagged|noticed|prevented|stopped)\b",
    ),
    (
        ("difficult", "hard", "impossible"),
        r"\b(?:it\s+is|it['’]s|it\s+was)\s+(?:difficult|hard|impossible)\s+to\s+(?:understand|see|believe|fathom|comprehend|explain)\s+how\b[^.?!]*\b(?:escaped|missed|overlooked|unnoticed|slipped|got\s+past|ignored|nobody|no\s+one|went\s+unchecked|"
        r"not\s+(?:recogni[sz]ed|noticed|acted\s+(?:on|upon)|picked\s+up|identified|seen|escalated))\b",
    ),
    ("why", r"\bwhy\s+(?:on\s+earth|in\s+the\s+world|the\s+hell|the\s+heck)\b"),
    ("why", r"\bwhy\s+(?:did|didn['’]t)\s+(?:nobody|no\s+one)\b"),
    (
        "who",
        r"\b(?:any(?:one|body)|every(?:one|body)|any\s+[\w-]+)\s+who\s+(?:has|['’]s|have|had)\s+(?:ever\s+)?(?:worked|used|touched|run|operated|dealt|administered|managed|deployed|been)\b[^.?!]{0,60}?\b(?:knows?\s+(?:that\s+)?(?:you|one|we|they|nobody|no\s+one)\s+(?:never|always|don['’]t|do\s+not|must|should|can['’]t|cannot|shouldn['’]t|need\s+to|have\s+to)|would\s+have\s+known|would\s+tell\s+you)\b",
    ),
    (
        ("apparent", "clear", "evident", "foreseeable", "obvious", "predictable"),
        r"^\W*(?:wasn['’]t|isn['’]t|was\s+it\s+not|is\s+it\s+not|shouldn['’]t\s+it\s+have\s+been)\s+(?:it|this|that)\s+(?:\w+\s+)?(?:obvious|clear|evident|apparent|predictable|foreseeable)\s+that\b[^.!?]*\b(?:would|was\s+going\s+to|will|could)\b[^.!]*\?",
    ),
)


# hindsight as a rhetorical turn: "what else did people expect?", "surely nobody thought
# removing the retry logic would be fine?", "even a first-year apprentice would have recognised
# it", "there for anyone who cared to look", "surprised precisely no one", "called it"
_RHETORICAL = _RHETORICAL + Alternatives(
    (
        ("else", "more"),
        r"\bwhat\s+(?:else|more)\s+(?:did|do|does|could|would)\s+(?:you|they|people|anyone|he|she)\s+"
        r"(?:expect|need|want)\b(?!\s+to\b)",
    ),
    (
        ("thought", "expected", "believed", "imagined"),
        r"\b(?:surely\s+)?(?:who\s+(?:honestly|really|seriously|actually|possibly|on\s+earth|in\s+their\s+right\s+mind)|"
        r"nobody|no\s+one|anyone|anybody)\s+(?:\w+\s+)?(?:thought|expected|believed|"
        r"imagined)\s+(?:that\s+)?[^.;?!]{3,80}?\b(?:would|was|were|to)\s+(?:be\s+)?(?:fine|ok|okay|safe|"
        r"last|hold|work|survive|cope|go\s+well)\b",
    ),
    (
        "even",
        r"\beven\s+(?:a|an)\s+(?:first-year|first\s+year|junior|intern|apprentice|trainee|novice|beginner|"
        r"student|child|rookie|graduate|new\s+hire|work-experience)\b[^.;?!]{0,30}\b(?:would|could|should)\b",
    ),
    (
        "anyone",
        r"\bas\s+anyone\s+(?:with|who)\b[^.;?!]{0,40}\b(?:could|can|would|will)\s+(?:see|tell|have\s+seen)\b"
        r"|\bfor\s+anyone\s+(?:who\s+)?(?:cared|bothered|wanted|took\s+the\s+time)\s+to\s+(?:look|see|check|read)\b",
    ),
    (
        "surprised",
        r"\bsurprised\s+(?:precisely|absolutely|exactly|literally)?\s*(?:no\s+one|nobody|no-one)\b"
        r"(?!\s+(?:who|that|which|with|on\s+the\s+(?:design|review)))",
    ),
    (
        "called",
        r"^\W*(?:i|we|(?:i|we)\s+totally|(?:i|we)\s+literally)?\s*called\s+it\b(?!\s+(?:in|out|a|an|the|off|up))",
    ),
    (
        ("plain", "clear", "obvious"),
        r"\bmade\s+it\s+(?:plain|clear|obvious)\s+(?:that\b|(?=(?:the|a|an|this|it|our|their)\b))[^.;?!]{0,50}\b"
        r"(?:was\s+coming|would\s+(?:\w+\s+)?(?:fail|break|happen|be|go|give|run|flood|trip|collapse)|was\s+going\s+to|"
        r"was\s+about\s+to)\b",
    ),
)


#: plain to the people in the response at the time ("obvious to everyone on the call that the
#: primary was down"), or the lesson drawn now in the present ("in retrospect, it is clear that we
#: needed more capacity"): no claim that it was there to see before
_SEEN_THEN_OR_LEARNED = re.compile(
    r"\b(?:clear|obvious|evident|apparent|plain)\s+to\s+(?:everyone|everybody|all\s+of\s+us|us)\s+"
    r"(?:on|in)\s+(?:the\s+)?(?:call|bridge|room|channel|war\s+room|incident\s+channel)\b"
    # a diagnosis made then, from the evidence: "obvious to the responders, from the volume of
    # 502s, that the upstream was failing", "obvious from the flame graph that JSON dominated"
    # (not "obvious from the logs that the disk would fill")
    r"|(?<!\bbeen\s)(?<!\bbe\s)\b(?:clear|obvious|evident|apparent|plain)\s+(?:to\s+(?:the\s+)?(?:responders?|"
    r"on-?call|team|engineers?|operators?|crew)\b(?:(?!\b(?:first|start|beginning|earliest)\b)[^.;]){0,60}?|"
    r"from\s+the\s+(?!(?:very\s+)?first\b)(?:[\w-]+\s+){0,2}?(?:graphs?|logs?|traces?|profiles?|dashboards?|"
    r"data|metrics|responses|readings|alerts)\b[^.;]{0,20}?)\s*,?\s*that\s+"
    r"(?![^.;]*\b(?:would|was\s+going\s+to|were\s+going\s+to|about\s+to|will|could|should|everybody|"
    r"everyone|anyone|anybody)\b)"
    r"|^\W*(?:in\s+retrospect|in\s+hindsight|looking\s+back),?\s+it(?:['’]s|\s+is)\s+(?:clear|obvious|evident)"
    r"\s+(?:that\s+)?(?:we|our|the\s+(?:system|design|plan|process|service))\s+(?:needed|need|lacked|lack|should\s+add)\b",
    re.I,
)


# hindsight in everyday idiom: the sign was plain, the outcome was coming, anyone would have seen
_RHETORICAL = _RHETORICAL + Alternatives(
    (
        ("obvious", "clear", "evident", "plain"),
        r"\bit\s+(?:was|is|['’]s)\s+(?:\w+\s+)?(?:obvious|clear|evident|plain)\s+(?:that\s+)?(?:the|this|that|it|they)\b"
        r"[^.?!;:]*?\b(?:was|were)\s+going\s+to\b",
    ),
    (
        ("come", "earth"),
        r"\bhow\s+(?:come|on\s+earth)\s+(?:nobody|no\s+one|no-one|none\s+of\s+(?:us|you|them))\s+(?:[\w-]+\s+){0,2}?"
        r"(?:see|saw|seen|notice|noticed|spot|spotted|catch|caught|check|checked|realise|realize|pick)\b",
    ),
    (
        ("clue", "hint", "giveaway", "tip-off"),
        r"\b(?:might|may)\s+have\s+been\s+(?:a|the)\s+(?:\w+\s+)?(?:clue|hint|giveaway|tip-off)\b",
    ),
    (("wall",), r"\b(?:writing|written)\s+(?:was\s+)?(?:all\s+)?(?:over\s+|on\s+)the\s+wall\b"),
    (
        ("ball",),
        r"\b(?:no(?:body|\s+one)\s+needed|(?:didn['’]t|did\s+not|don['’]t)\s+need|no\s+need\s+for)\s+a\s+crystal\s+ball\b",
    ),
    (
        ("literally",),
        r"\bliterally\s+(?:told|said|showed|says|tells|shows|spelled\s+out|spelt\s+out)\s+(?:you|us|them|him|her|everyone)\b",
    ),
    (
        ("clearer", "obvious", "plainer", "louder", "explicit"),
        r"\bhow\s+much\s+(?:clearer|more\s+obvious|plainer|louder|more\s+explicit)\s+(?:could|can|does|did|would|do)\b",
    ),
    (
        ("even",),
        r"\beven\s+(?:a|an)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:would|could)\s+have\s+(?:realised|realized|noticed|seen|known|"
        r"spotted|caught|twigged|understood|smelled|smelt|heard)\b",
    ),
    (
        ("all",),
        r"^\W*all\s+(?!we\b|i\b|you\b)(?:the\s+|our\s+|that\s+|this\s+|their\s+)?"
        r"(?!(?:[\w-]+\s+)?(?:script|job|service|system|code|app|tool|pipeline|config|server|cluster|process|"
        r"function|query|test|check|alert|monitor|bot|cron|migration|deploy|release|patch|fix)\s)(?:[\w-]+\s+){1,2}?"
        r"(?:needed|had|was\s+supposed|were\s+supposed|was\s+asked|were\s+asked)\s+to\s+do\s+was\b",
    ),
    (
        ("hindsight", "retrospect"),
        r"^\W*in\s+(?:hindsight|retrospect),?\s+the\s+(?:answer|cause|problem|culprit|signs?)\s+(?:is|was|are|were)\s+"
        r"(?:\w+\s+)?(?:obvious|clear|evident|plain)\b",
    ),
    (
        ("claim", "pretend", "say"),
        r"\b(?:nobody|no\s+one|no-one)\s+can\s+(?:claim|say|pretend)\s+(?:that\s+)?(?:they|he|she|we)\s+"
        r"(?:didn['’]t|did\s+not|weren['’]t|wasn['’]t)\s+(?:know|see|notice|aware|warned|told)\b",
    ),
)


_RHETORICAL = _RHETORICAL + Alternatives(
    (
        ("obvious", "clear", "evident"),
        r"\b(?:it['’]s|it\s+is)\s+(?:\w+\s+)?(?:obvious|clear|evident)\s+now\s+(?:that\s+)?(?:the|this|that|it|they)\b"
        r"[^.?!;:]*?\b(?:was|were)\s+going\s+to\b",
    ),
    (
        ("obvious", "plain", "clear"),
        r"^\W*(?:looking\s+back|in\s+hindsight|with\s+hindsight),?\s+(?:the|this|that|their|its)\s+(?:[\w-]+\s+){1,4}?"
        r"made\s+(?:the|this|it|that)\s+(?:[\w-]+\s+)?(?:obvious|plain|clear)\b",
    ),
    (
        ("sake",),
        r"\b(?:was|were|is|are)\s+(?:\w+\s+){0,2}?(?:visible|there|obvious|plain|clear|audible|written)\b[^.?!]*"
        r"\bfor\s+(?:heaven|god|pete|goodness)['’]s?\s+sake\b",
    ),
    (
        ("loud",),
        r"\b(?:was|were|is|are)\s+(?:\w+\s+){0,2}?(?:visible|there|obvious|plain|clear|audible|written)\b[^.?!]*"
        r"\bfor\s+crying\s+out\s+loud\b",
    ),
)


phrase_judge(
    "hindsight_rhetoric",
    _RHETORICAL,
    questions=True,
    vetoed=lambda text, m: (
        re.search(
            r"(?:\b(?:not|never|hardly)|n['’]t)\s+(?!(?:it|this|that)\b)(?:\w+\s+)?"
            r"(?:clear|obvious|evident|apparent)\b",  # ("it wasn't obvious to anyone", but not
            text[: m.end()],  # "wasn't it obvious to anyone?")
            re.I,
        )
        is not None
        or _HINDSIGHT_OWNED.search(text[m.end() :]) is not None
        or _SEEN_THEN_OR_LEARNED.search(text) is not None
    ),
)


_FORESEE = {
    "expect", "predict", "foresee", "anticipate", "know", "think", "imagine", "guess", "realise",
    "realize", "suppose", "see", "believe",
}  # fmt: skip
_UNFORESEEN = {
    "mystery", "surprise", "secret", "shock", "news", "unexpected", "unforeseeable",
    "unpredictable", "obvious", "clear", "predictable", "foreseeable", "surprising", "shocking",
    "hidden", "unknown", "puzzle", "revelation", "evident",
}  # fmt: skip
_RHETORIC_MARKS = {"really", "honestly", "seriously", "genuinely", "actually", "truly", "possibly"}


@gated(
    lambda text, _p, _w: (
        "?" in text
        and re.search(
            r"\b(?:expect|predict|foresee|anticipat|know|knew|think|thought|imagin|guess|reali[sz]|"
            r"suppos|see|saw|seen|believ|mystery|surpris|secret|shock|news|unexpected|unforesee|"
            r"unpredict|obvious|clear|predictab|foreseeab|hidden|unknown|puzzle|revelation|evident)",
            text,
            re.I,
        )
        is not None
    )
)
@judge
def foresight_question(s: Sentence) -> Iterator[Hit]:
    """A rhetorical question that says the outcome was there to see: 'who didn't expect the
    leap-day bug to bite?', 'was it really a mystery that ...?', 'how was this not obvious?',
    'did anyone honestly expect the old scheduler to cope?'. (A plain question asks: 'did we
    expect this load?'; and a 'why' question is the facilitator's own.)"""
    if "?" not in s.text or s.states_principle():
        return
    end = s.text.index("?")
    if re.match(r"\W*(?:\w+,\s*)?why\b", s.text, re.I):
        return
    for t in s.doc:
        if t.idx > end:
            break
        lem = lemma(t)
        marks = {c.lower_ for c in t.children} | {
            c.lower_ for c in t.head.children if t.dep_ in ("acomp", "attr")
        }
        negated = bool(marks & {"not", "n't", "never"})
        marked = (
            negated
            or bool(marks & _RHETORIC_MARKS)
            or bool(re.search(r"\b(?:honestly|seriously|really)\b", s.text[:end], re.I))
        )
        if t.pos_ == "VERB" and lem in _FORESEE:
            subj = s.subject(t)
            who = subj.lower_ if subj is not None else ""
            if who == "who" and negated:
                pass  # "who didn't expect ...?" (but "who could have predicted the leap
                # second?" says no one could)
            elif who in ("anyone", "anybody", "someone", "somebody", "you", "they") and marked:
                pass  # "did anyone honestly expect ...?"
            else:
                continue
            if lem == "see" and not re.search(r"\bcoming\b|\bthis\b|\bthat\b", s.text[:end], re.I):
                continue
            yield s.doc[s.lead_end()].idx, end + 1, None
            return
        if lem in _UNFORESEEN and t.dep_ in ("acomp", "attr", "dobj", "nsubj") and marked:
            head = t.head
            if lemma(head) != "be" and t.dep_ != "nsubj":
                continue
            if not negated and lem in ("obvious", "clear", "evident", "predictable", "foreseeable"):
                continue  # "was it really clear?" asks; "how was this not obvious?" says
            if negated and lem in (
                "mystery",
                "surprise",
                "secret",
                "shock",
                "news",
                "unexpected",
                "unforeseeable",
                "unpredictable",
                "hidden",
                "unknown",
                "puzzle",
                "revelation",
                "surprising",
                "shocking",
            ):
                continue  # "wasn't it a surprise?" is another question
            yield s.doc[s.lead_end()].idx, end + 1, None
            return


#: looking back now, or a scoff: what makes "was inevitable" a claim about what people
#: should have seen, not about how the system works
_LOOKING_BACK = re.compile(
    r"\b(?:in\s+retrospect|in\s+hindsight|looking\s+back|with\s+hindsight|in\s+the\s+end)\b"
    r"|^\W*(?:duh|well,?\s+duh|of\s+course|predictably|surprise,?\s+surprise|shocker)\b",
    re.I,
)
_FOREGONE = re.compile(
    r"\b(?:was|were|became|looked)\s+(?:\w+\s+)?(?:inevitable|a\s+certainty|a\s+given|a\s+foregone\s+conclusion|"
    r"bound\s+to\s+(?:happen|fail|break)|only\s+a\s+matter\s+of\s+time)\b"
    r"|\bmade\s+(?:this|the|it|that)\s+(?:[\w-]+\s+)?(?:a\s+certainty|inevitable|a\s+foregone\s+conclusion)\b"
    r"|\b(?:was|were)\s+going\s+to\s+(?:break|fail|happen|bite|blow\s+up|fall\s+over|go\s+wrong|crash)\b"
    r"|\bwarning\s+signs?\s+(?:were|was)\s+(?:screaming|staring|flashing|everywhere|all\s+over)\b",
    re.I,
)
_NO_SURPRISE = re.compile(
    r"\b(?:should(?:n['’]t|\s+not)?|shouldn['’]t)\s+(?:have\s+)?(?:come|came)\s+as\s+(?:a|no|any)\s+(?:surprise|shock)\b",
    re.I,
)
_NO_EXPERT = re.compile(
    r"\b(?:does(?:n['’]t|\s+not)|did(?:n['’]t|\s+not)|do(?:n['’]t|\s+not)|wouldn['’]t|would\s+not)\s+"
    r"(?:take|need|require)\s+(?:to\s+be\s+)?(?:a|an)\s+(?:[\w-]+\s+)?(?:crystal\s+ball|genius|expert|"
    r"rocket\s+scientist|phd|psychic|fortune\s+teller|oracle|mind\s+reader|detective)\s+to\s+"
    r"(?:see|know|tell|predict|spot|realise|realize|guess|work\s+out|figure\s+out|notice)\b"
    r"|\b(?:you|one|anyone)\s+did(?:n['’]t|\s+not)\s+need\s+to\s+be\s+(?:a|an)\s+(?:[\w-]+\s+)?"
    r"(?:expert|genius|specialist|senior|veteran)\s+to\s+(?:see|know|tell|predict|spot)\b",
    re.I,
)


@gated(
    lambda text, _p, _w: bool(
        _FOREGONE.search(text) or _NO_SURPRISE.search(text) or _NO_EXPERT.search(text)
    )
)
@judge
def foregone(s: Sentence) -> Iterator[Hit]:
    """The outcome called certain, after the fact: 'it doesn't take a crystal ball to know a
    99% full WAL volume is going to stop the database', 'none of this should come as a
    surprise', 'a glance at last year's numbers made this outage a certainty', and, looking
    back or with a scoff, 'in retrospect the runaway cost was inevitable', 'duh — a hardcoded
    2023 was going to break in January'. (Without the look back, 'the failover was inevitable
    once the quorum was lost' is how the system works.)"""
    if s.states_principle() or s.is_question():
        return
    whole = s.doc[s.lead_end()].idx, len(s.text.rstrip().rstrip(".!;:"))
    no_surprise = _NO_SURPRISE.search(s.text)
    if no_surprise and not re.search(
        r"\bshould\s+(?:not\s+)?come\s+as\s+no\s+surprise\s+(?:to\s+(?:customers|users|anyone\s+reading))",
        s.lower,
    ):
        yield (*whole, None)
        return
    if _NO_EXPERT.search(s.text):
        yield (*whole, None)
        return
    m = _FOREGONE.search(s.text)
    if m and (
        _LOOKING_BACK.search(s.text)
        or re.match(r"made\b", m.group(), re.I)
        or re.match(r"warning", m.group(), re.I)
    ):
        if not re.search(r"\b(?:not|never|hardly|n['’]t)\s+(?:\w+\s+)?$", s.text[: m.start()]):
            yield (*whole, None)


@judge
def hindsight_adverb(s: Sentence) -> Iterator[Hit]:
    """Obviously, clearly, simply, just: the outcome reads back into what people knew."""
    if s.states_principle() or s.is_question():
        return
    for t in s.doc:
        word = t.lower_
        if s.quoted(t):
            continue
        opening = t.i == s.lead_end() and t.i + 1 < len(s.doc)
        if opening and t.head.tag_ == "VB" and not s.subject(t.head):
            continue  # "Clearly define the channel's purpose": an instruction
        if t.i > 0 and s.doc[t.i - 1].lower_ in ("most", "more", "less", "least"):
            continue  # "most obviously": most notably
        if word in s.w["hindsight_adverbs"]:
            nxt = s.doc[t.i + 1] if t.i + 1 < len(s.doc) else None
            if (
                nxt is not None
                and (nxt.pos_ == "ADJ" or nxt.tag_ == "VBN")
                and nxt.dep_ == "amod"
                and nxt.head.i > nxt.i
                and nxt.head.pos_ == "NOUN"
            ):
                continue  # "obviously invalid values are now rejected": a kind of value
            if _negated_scope(s, t) and not opening:
                continue  # "nothing was obviously wrong": dropping the word flips the claim
            head = t.head
            if not opening and not (
                s.person_kind(s.subject(head))
                or head.lower_
                in (
                    "wrong",
                    "broken",
                    "stale",
                    "bad",
                    "faulty",
                    "misconfigured",
                    "incorrect",
                    "missing",
                )
            ):
                continue  # "this obviously hampered testing": an aside, not a verdict
        elif (
            word in ("naturally",)
            or word == "of"
            and t.i + 1 < len(s.doc)
            and s.doc[t.i + 1].lower_ == "course"
        ):
            if not opening or not re.search(
                r"\b(?:going\s+to|bound\s+to|would|was\s+always|inevitabl\w*|needed\s+to|had\s+to)\b",
                s.lower,
            ):
                continue  # "of course" alone is a shrug; with "was going to" it is hindsight
            if word == "of":
                yield _deletion_hit_span(s, t, s.doc[t.i + 1])
                return
        elif word == "clearly":
            head = t.head
            if _negated_scope(s, t) and not opening:
                continue
            if head.dep_ == "amod" or (
                t.i + 2 < len(s.doc)
                and s.doc[t.i + 1].tag_ in ("VBN", "JJ")
                and s.doc[t.i + 2].pos_ in ("NOUN", "PROPN")
            ):
                continue  # "clearly labelled dashboards": how a thing is made, no claim
            if not opening and head.tag_ in ("VB", "VBP") and not _past_or_present_report(head):
                continue
            if (
                not opening
                and head.tag_ == "VBN"
                and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in head.children)
            ):
                continue  # "until clearly documented": a participle, no claim
            if not opening and not (
                lemma(head) in s.w["seeing_verbs"]
                or head.lower_
                in (
                    "wrong",
                    "broken",
                    "stale",
                    "bad",
                    "visible",
                    "marked",
                    "labelled",
                    "labeled",
                    "documented",
                    "written",
                    "outdated",
                    "insufficient",
                )
            ):
                continue
        elif word in ("simply", "just", "merely"):
            head = t.head
            after = s.doc[t.i + 1].lower_ if t.i + 1 < len(s.doc) else ""
            person = bool(s.person_kind(s.subject(head))) if head.pos_ in ("VERB", "AUX") else False
            subj = s.subject(head) if head.pos_ in ("VERB", "AUX") else None
            if word == "merely":
                pass
            if not (
                (
                    after
                    in (
                        "forgot",
                        "ignored",
                        "skipped",
                        "missed",
                        "didn't",
                        "did",
                        "never",
                        "assumed",
                        "overlooked",
                        "neglected",
                    )
                    and person
                )
                or after in ("had", "needed", "took", "required")
                and t.i + 2 < len(s.doc)
                and s.doc[t.i + 2].lower_ in ("to", "a", "one", "the")
                or after in ("should", "could")
                and "have" in s.lower
                or word == "simply"
                and subj is not None
                and subj.lower_ == "you"
                and head.tag_ in ("VBP", "VB", "VBD")
            ):
                continue
        else:
            continue
        yield _hindsight_hit(s, t)
        return


def _past_or_present_report(verb: Token) -> bool:
    return lemma(verb) in ("say", "state", "show")


def _negated_scope(s: Sentence, t: Token) -> bool:
    if t.i > 0 and s.doc[t.i - 1].lower_ in ("not", "n't", "never", "nothing"):
        return True
    head = t.head
    for w in (head, head.head):
        if s.negated(w) or any(c.lower_ in ("nothing", "nobody", "none", "no") for c in w.children):
            return True
        if any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("nothing", "nobody", "none")
            for c in w.children
        ):
            return True
    before = s.text[: t.idx]
    if re.search(r"\b(?:nothing|nobody|no\s+one|none)\b", before, re.I) and not re.search(
        r"\b(?:but|although|though|however|yet)\b|[;,]", before[-40:], re.I
    ):
        return True  # "At 03:12 nothing on the board looked obviously wrong" (the parser hung
        # "nothing" on "at")
    return _negated_near(s, t)


_HUMAN_ERROR = Alternatives(
    (
        ("error", "failure", "fault", "mistake", "oversight", "slip"),
        r"\b(?:human|operator|user|pilot|manual|engineer(?:ing)?|developer|personnel|people|staff|individual|careless|simple|honest|stupid|silly|dumb|rookie|typing|keyboard|clerical)\s+(?:error|mistake|oversight|slip|failure|fault)s?\b",
    ),
    ("finger", r"\bfat[\s-]?finger(?:ed|ing|s)?\b"),
    (
        ("clicked", "entered", "keyed", "mistyped", "typo'd"),
        r"\b(?:mis-?keyed|mistyped|mis-?entered|mis-?clicked|typo'd)\b",
    ),
    ("peb", r"\bpeb[ck]a[ck]\b"),
    ("wetware", r"\bwetware\s+(?:bug|error|issue|problem|failure|fault)s?\b"),
    ("10", r"\bid-?10-?t\b"),
    ("layer", r"\blayer\s*8\b"),
    (("fart", "glitch"), r"\bbrain\s*(?:fart|glitch)\b"),
    ("human", r"\bhuman\s+factor\b"),
    ("human", r"\bhuman[\s-]factors?\s+(?:failure|error|issue|problem|lapse|incident)s?\b"),
)
_HUMAN_ERROR = _HUMAN_ERROR + Alternatives(
    ("slip", r"\bslip-?ups?\b"),
    ("finger", r"\bfinger\s+trouble\b"),
    (
        ("misstep", "mistake", "oversight", "slip"),
        r"\b(?:user|operator|manual|human)\s+(?:slip|mistake|oversight|misstep)s?\b",
    ),
    ("people", r"\bpeople\s+problem\b"),
    # a human as the cause, in so many words: "a human made a mistake in the IAM policy", "the
    # failure was a human one", "the underlying cause was the operator, not the router"
    (
        ("mistake", "error", "slip"),
        r"\ba\s+human\s+(?:made|makes|make)\s+(?:a|an)\s+(?:\w+\s+)?(?:mistake|error|slip)\b",
    ),
    (
        "human",
        r"\b(?:failure|error|cause|problem|fault|breakdown)\s+(?:was|is)\s+(?:a\s+)?(?:purely\s+|entirely\s+|simply\s+)?human\s+one\b",
    ),
    # a slip named without "error": "a simple mix-up of hostnames", "a wrong click on approve
    # all", "miskeying the amount", "someone reading 0.5 as 5"
    (
        ("mix-up", "mixup", "mix"),
        r"\b(?:simple|human|honest|clerical)\s+mix-?up\b|\bmix-?up\s+(?:of|between)\s+(?:the\s+)?[\w-]+|"
        r"\bmix-?up\b[^.;]{0,40}\b(?:was|is)\s+the\s+(?:cause|trigger|reason)\b",
    ),
    (
        ("click", "clicks", "keystroke", "tap"),
        r"\b(?:wrong|stray|accidental|mistaken)\s+(?:click|clicks|keystroke|tap)\b",
    ),
    ("miskeying", r"\bmiskeying\b"),
    ("mistyping", r"\bmistyping\b"),
    (
        ("reading", "read", "misread", "entering", "entered", "keying", "keyed", "typing", "typed"),
        r"\b(?:reading|read|misread|entering|entered|keying|keyed|typing|typed)\s+[\d.,]+\s*(?:[a-z%]+\s+)?as\s+[\d.,]+\b",
    ),
    # an act done "by mistake", a step left out "through an oversight"
    (
        ("mistake", "oversight"),
        r"\b(?:by\s+mistake|(?:through|by)\s+(?:an?\s+)?(?:simple\s+|honest\s+|unfortunate\s+)?oversight)\b",
    ),
    # a trade's own hands named by its field ("a nursing error", "crew error"), a human
    # "oops" or "blunder", "a human performance failure", "the error of the person"
    (
        ("error", "mistake", "slip"),
        r"\b(?:nursing|crew|cockpit|pharmacist|prescriber|dispenser|rider|courier)\s+(?:error|mistake|slip)s?\b",
    ),
    (
        ("oops", "blunder", "goof", "screw"),
        r"\b(?:human|operator|user|manual)\s+(?:oops|blunder|goof|screw-?up)s?\b",
    ),
    (
        "performance",
        r"\bhuman\s+performance\s+(?:failure|issue|error|lapse|problem|deficienc(?:y|ies))\b",
    ),
    (
        ("error", "mistake", "fault"),
        r"\b(?:error|mistake|fault)\s+of\s+(?:the|a|one|an)\s+(?:person|individual|operator|engineer|employee|"
        r"staff\s+member|human|user|technician|nurse|driver|pilot)\b(?!\s+(?:interface|account|role|record))",
    ),
    (
        ("incorrect", "wrong"),
        r"\b(?:wrong|incorrect)\s+(?:button|key|command|terminal|window|tab)\b",
    ),
)
# the kinds of human slip named as a cause: "a copy-paste error by the admin", "an accidental
# keystroke", "error on the part of the technician", "a mistake in manual data entry"
_HUMAN_ERROR = _HUMAN_ERROR + Alternatives(
    (
        (
            "admin",
            "entry",
            "input",
            "keying",
            "keystroke",
            "paste",
            "procedural",
            "technician",
            "transcription",
        ),
        r"\b(?:copy[\s-]?paste|keying|keystroke|data[\s-]entry|procedural|administrator|admin|technician|input|paste|transcription)\s+(?:error|mistake|slip)s?\b",
    ),
    (
        ("error", "mistake", "oversight"),
        r"\b(?:error|mistake|oversight)s?\s+(?:by|on\s+the\s+part\s+of)\s+(?:the\s+|an?\s+|our\s+)?(?:[\w-]+\s+)?(?:admin|administrator|operator|technician|engineer|on-?call|staff|user|responder|developer|intern|contractor|person|team)s?\b",
    ),
    (
        (
            "blunder",
            "error",
            "lapse",
            "misjudg",
            "misread",
            "misstep",
            "mistake",
            "oversight",
            "slip",
        ),
        r"\b(?:administrator|admin|operator|engineer|technician|user|developer|responder|intern|contractor|analyst|maintainer|employee|reviewer|person|someone|somebody|sysadmin|dba|on-?call)['’]s\s+(?:error|mistake|oversight|slip|misread(?:ing)?|misjudge?ment|misstep|blunder|lapse)\b",
    ),
    ("accidental", r"\baccidental\s+(?:keystroke|click|paste|deletion|command|key\s*press)\b"),
    ("paste", r"\bwrong\s+paste\b"),
    ("read", r"\bmis-?read\s+(?:timestamp|value|number|graph|dashboard|time|date|label)\b"),
    (
        ("error", "mistake", "oversight", "slip"),
        r"\b(?:error|mistake|slip|oversight)s?\s+on\s+(?:the\s+)?(?:operator|engineer|user|admin|administrator|technician|developer|human|responder|on-?call)(?:['’]s|s['’])?\s+(?:side|part|end)\b",
    ),
    (
        ("entry", "manual", "selection", "typed"),
        r"\b(?:mistake|error)s?\s+in\s+(?:manual|hand-?typed|data\s+entry|[\w-]+\s+selection)\b",
    ),
    ("made", r"\b(?:mistake|error)s?\s+made\s+(?:by\s+hand|manually)\b"),
    ("oversight", r"\boversight\s+in\s+who\b"),
    (
        ("boil", "came", "come"),
        r"\b(?:comes?|came|boils?|boiled)\s+down\s+to\s+(?:someone|somebody|one\s+person|a\s+person|an?\s+(?:engineer|operator|developer|admin|human))\s+(?:not\s+|never\s+|failing\s+to\s+)?\w+",
    ),
    # a person who mis-did something (the small parser often takes "misread" for a noun): "the
    # on-call misread the dashboard", "Dana mistyped the region"
    (
        "mis",
        r"\b(?:an?\s+(?:person|human|employee|operator|engineer|admin|user|clerk|technician|annotator|analyst)|someone|somebody)\s+(?:\w+ly\s+)?mis-?(?:keyed|typed|read|entered|clicked|labell?ed|copied|pasted)\b",
    ),
    (
        (
            "agent",
            "analyst",
            "annotator",
            "approver",
            "cashier",
            "clerk",
            "dispatcher",
            "driver",
            "label",
            "moderator",
            "nurse",
            "pilot",
            "reviewer",
            "teller",
            "tester",
            "trader",
        ),
        r"\b(?:annotator|labell?er|clerk|reviewer|approver|tester|analyst|dispatcher|agent|cashier|nurse|pilot|driver|trader|teller|moderator)['’]?s?\s+(?:error|mistake|slip|oversight|blunder)s?\b",
    ),
    (
        "mis",
        r"(?:^|[:;,—–-]\s*)(?:operator|engineer|on-?call|admin|administrator|developer|technician|dba)\s+mis(?:read|typed|keyed|clicked|entered|configured|labell?ed)\b",
    ),
    (
        "manually",
        r"\b(?:entered|typed|keyed|set)\s+manually\s+by\s+(?:the\s+|an?\s+)?(?:operator|engineer|admin|administrator|user|technician|staff|person)\b",
    ),
    (
        "person",
        r"\bperson\s+(?:carrying\s+out|doing|running|performing|executing)\s+(?:[\w-]+\s+){0,4}?in\s+the\s+wrong\s+order\b",
    ),
    (
        "mis",
        r"\b(?:he|she|the\s+(?:[\w-]+\s+)?(?:operator|engineer|on-?call|admin|administrator|user|developer|responder|technician|reviewer|dba|sre|intern|contractor|deployer|analyst)|(?-i:[A-Z])[a-z]+)\s+(?:\w+ly\s+)?mis(?:read|typed|keyed|clicked|heard|labell?ed|configured|entered|judged|copied|pasted)\s+(?:the|a|an|his|her|their|step|which|what)\b",
    ),
    (
        "meant",
        r"\bmeant\s+for\s+(?:staging|test|testing|dev|development|another\s+\w+)\b[^.;]*\b(?:typed|run|ran|pasted|executed|entered|applied)\s+(?:in|into|on|against)\s+(?:the\s+)?(?:prod|production|live)\b",
    ),
    # the failure said to be human, or a person at the controls as the cause
    (
        "human",
        r"\b(?:failure|error|cause|problem|fault|issue)\s+(?:was|is)\s+(?:purely\s+|entirely\s+|simply\s+|just\s+)?human\b",
    ),
    (
        ("console", "controls", "keyboard", "keys", "terminal", "wheel"),
        r"\b(?:was|is|['’]s)\s+(?:\w+\s+)?the\s+(?:person|human|guy|one|people|user)\s+(?:at|behind|on)\s+the\s+(?:keyboard|wheel|controls|console|terminal|keys)\b",
    ),
    # a person named as the root cause or the weak point: "the root cause was me", "whoever
    # wrote that cron entry is the root cause", "the human in the loop was the failure point"
    (
        ("cause", "link", "point"),
        r"\b(?:(?:root|underlying|real|actual|primary)\s+cause|weakest\s+link|failure\s+point|point\s+of\s+failure)\b[^.;]{0,20}?\b(?:was|is)\s+"
        r"(?:me|him|her|them|whoever\b|the\s+(?:person|human|engineer|operator|on-?call|user|admin|"
        r"administrator|approver|reviewer|developer|intern|contractor)\b"
        r"(?!\s+(?:interface|console|account|role|experience|guide|manual|session|input|config|"
        r"error\s+rates?|permissions?|documentation|docs)\b))",
    ),
    (
        ("cause", "link", "point"),
        r"\b(?:whoever|the\s+(?:person|human|engineer|operator|user|approver|reviewer)|he|she)\b[^.;]{0,60}?"
        r"\b(?:is|was)\s+(?:\w+\s+)?the\s+(?:root\s+cause|weakest\s+link|failure\s+point|point\s+of\s+failure)\b",
    ),
)
#: a slip, when a person is said to have made it: "an error by one of their technicians", "an
#: oversight on the part of the change approver"
_SLIPS = {
    "error", "errors", "mistake", "mistakes", "oversight", "oversights", "lapse", "lapses", "slip",
    "slips", "blunder", "misstep", "inattention", "carelessness", "negligence", "misjudgement",
    "misjudgment",
}  # fmt: skip


def _of_whom(t: Token) -> Token | None:
    """The object of the "of" that hangs on `t` ("part of the approver" -> approver)."""
    return next(
        (g for c in t.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None
    )


def _slip_by_person(s: Sentence) -> Token | None:
    """The slip noun whose maker the sentence names ("an error by the ground-handling agent")."""
    for t in s.doc:
        if t.lower_ not in _SLIPS or t.pos_ != "NOUN":
            continue
        preps = list(t.children)
        nxt = t.right_edge.i + 1
        if nxt < len(s.doc) and s.doc[nxt].lower_ == "by" and s.doc[nxt].head.i != t.i:
            preps.append(s.doc[nxt])  # ("traces to a mistake by one of the operators": the
            # parser hung "by" on the verb)
        for prep in preps:
            if prep.dep_ not in ("prep", "agent") or prep.lower_ not in ("by", "on", "of"):
                continue
            who = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if who is not None and prep.lower_ == "on" and who.lower_ == "part":
                who = _of_whom(who)  # "on the part of the approver"
            if who is not None and who.lower_ == "one":
                who = _of_whom(who) or who  # "one of their technicians"
            if who is None or who.lower_ in ("we", "us", "our", "you", "it", "this"):
                continue
            if prep.lower_ == "of" and t.lower_ not in (
                "inattention",
                "carelessness",
                "negligence",
            ):
                continue  # ("the error of the sensor", "a mistake of judgement")
            if s.person_kind(who) in ("person", "group") and not _negated_near(s, t):
                return t
    return None


#: what an act done wrong is called when it is named by its noun
_FAULTY = {"incorrect", "mistaken", "wrong", "erroneous", "inadvertent", "accidental", "improper"}


#: nouns that name an act as faulty by themselves: "a misconfiguration made by an engineer"
_FAULT_NOUNS = {"misconfiguration", "misconfigurations", "misjudgement", "misjudgment",
                "blunder", "misstep", "miskey", "mis-key", "misentry", "misclick", "typo"}  # fmt: skip


def _faulty_act_of_person(s: Sentence) -> Hit | None:
    """An act named by its noun, called wrong, and a person's: "incorrect action by laboratory
    staff", "the mistaken disconnection of the live feeder by field personnel", "an incorrect
    manual adjustment made by the operations desk", "an individual's error in configuring the
    rule"."""
    for t in s.doc:
        if t.pos_ != "NOUN":
            continue
        by = None
        if t.lower_ in _FAULT_NOUNS or any(
            c.dep_ == "amod" and c.lower_ in _FAULTY for c in t.children
        ):
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    by = next((g for g in c.children if g.dep_ == "pobj"), None)
                elif c.dep_ == "acl" and lemma(c) in ("make", "perform", "carry", "do", "enter"):
                    by = _passive_agent(c)  # "an incorrect adjustment made by the desk"
                if by is not None:
                    break
            head = t.head
            if (
                by is None
                and t.dep_ == "dobj"
                and not any(c.dep_ in ("auxpass", "agent") for c in head.children)
            ):
                # "followed an inadvertent shutdown of the loop by a contractor": the parser hung
                # the "by" on the active verb, where it cannot belong
                by = next(
                    (
                        g
                        for c in head.children
                        if c.dep_ == "prep" and c.lower_ == "by" and c.i > t.i
                        for g in c.children
                        if g.dep_ == "pobj"
                    ),
                    None,
                )
        elif t.lower_ in ("error", "mistake", "slip", "lapse", "oversight") and any(
            c.dep_ == "prep" and c.lower_ == "in" for c in t.children
        ):
            by = next((c for c in t.children if c.dep_ == "poss"), None)
        if by is not None and s.person_kind(by) in ("person", "group") and not s.negated(t.head):
            return t.left_edge.idx, by.right_edge.idx + len(by.right_edge.text), None
    return None


_ERROR_TALK = re.compile(
    r"\b(?:mistakes?|oversights?|typos?|misclick|slip|lapse|blunder|misunderstanding|miscommunication|misjudge?ments?|assumption)\b|"
    r"\b(?:error|mistake)s?\s+(?:was|were)\s+made\b|\bmade\s+(?:an?\s+)?(?:\w+\s+)?(?:error|mistake)s?\b|\b(?:input|inputs|values?|change|command|edit|entry)\s+from\b",
    re.I,
)
_PREVENTION = re.compile(
    r"\b(?:reduc\w*|prevent\w*|avoid\w*|minimi[sz]\w*|guard\w*\s+against|make\s+(?:it|them|this)\s+(?:hard|harder|impossible)|such\s+a\s+mistake)\b",
    re.I,
)
_CAUSE = re.compile(
    r"\b(?:root\s+cause|cause[sd]?|causing|stemmed|part\s+of\s+the\s+problem|caused\s+by|due\s+to|because\s+of|result(?:ed)?\s+of|blame|attribut\w+\s+to|down\s+to|comes?\s+down|boils?\s+down|came\s+from|stem(?:s|med)\s+from|was\s+(?:a|an|the|simply|just)|were\s+(?:a|an)|is\s+(?:a|an)|reason|led\s+to|trigger\w*|source|culprit|behind|responsible)\b",
    re.I,
)


#: what follows a named error to clear it: "human error was ruled out", "… is not a factor"
_RULED_OUT = re.compile(
    r"\W*(?:[\w-]+\s+){0,2}?(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
    r"(?:ruled\s+out|excluded|eliminated|discounted|not\s+(?:a\s+(?:contributing\s+)?factor|the\s+cause|a\s+cause|involved))\b",
    re.I,
)


_SLIP_GATE = re.compile(
    r"\b(?:error|mistake|oversight|lapse|slip|blunder|misstep|inattention|carelessness|negligence|"
    r"misjudge?ment)s?\s+(?:by|on\s+the\s+part\s+of|of)\b"
    r"|\b(?:incorrect|mistaken|wrong|erroneous|inadvertent|accidental|improper)\s+(?:[\w-]+\s+){0,6}?"
    r"(?:made\s+|performed\s+|carried\s+out\s+|entered\s+)?by\b"
    r"|['’]s\s+(?:error|mistake|slip|lapse|oversight)\s+in\b"
    r"|\b(?:misconfiguration|misjudg(?:e)?ment|blunder|misstep|mis-?key|typo)s?\s+(?:made|committed|"
    r"introduced|entered)\s+by\b",
    re.I,
)


#: a trade's word before "error": "clinician error", "driver error" (asked of the word's person)
_TRADE_ERROR = re.compile(r"\b([\w-]+)\s+(?:error|mistake|slip)s?\b", re.I)
_INADVERTENT_GATE = re.compile(
    r"['’]s\s+(?:[\w-]+\s+)?(?:inadvertent|accidental|mistaken|erroneous|unintended|careless)\b",
    re.I,
)


#: the conditions that made a slip likely, which is the systemic question itself: "what made the
#: mistake easy to make", "a screen that makes this error easy", "made it easy to slip"
_MISTAKE_MADE_EASY = re.compile(
    r"\b(?:make|makes|making|made)\s+(?:the|that|this|such\s+an?|an?|these|those)\s+(?:kind\s+of\s+)?"
    r"(?:mistake|error|slip|misread\w*|mix-?up)s?\s+(?:so\s+|too\s+|more\s+|very\s+|far\s+)?"
    r"(?:easy|easier|likely|likelier|possible|inevitable|understandable|probable)\b"
    r"|\b(?:make|makes|making|made)\s+(?:the|a|an|that|this)\s+(?:wrong|incorrect|mistaken|bad)\s+"
    r"[\w-]+\s+(?:so\s+|too\s+|very\s+)?(?:easy|easier)\s+to\b"
    r"|\b(?:make|makes|making|made)\s+it\s+(?:so\s+|too\s+|very\s+)?(?:easy|easier)\s+to\s+"
    r"(?:make|slip|misread|mix|pick|select|confuse)\b"
    # the system that let the slip through, or the change the slip led to: "the system let one
    # keystroke drop a table", "which is exactly why the field now asks for confirmation"
    r"|\bthe\s+(?:system|tool|tooling|process|design|ui|interface|form|field|screen|console|workflow|"
    r"software|platform)\s+(?:let|allowed|permitted)\b"
    r"|\bwhich\s+is\s+(?:exactly\s+|precisely\s+)?why\s+(?:the|we|our)\s+(?:[\w-]+\s+){0,3}"
    r"(?:now|has\s+since|have\s+since)\b",
    re.I,
)


@gated(
    lambda text, person, _w: bool(
        _HUMAN_ERROR.search(text)
        or _HUMAN_CAUSE_IDIOM.search(text)
        or _ERROR_TALK.search(text)
        or _SLIP_GATE.search(text)
        or _INADVERTENT_GATE.search(text)
        or any(person(m.group(1)) for m in _TRADE_ERROR.finditer(text))
    )
)
@judge
def human_error(s: Sentence) -> Iterator[Hit]:
    """Human error, a mistake or an oversight given as the cause."""
    if s.states_principle() or s.is_question() or _MISTAKE_MADE_EASY.search(s.text):
        return
    m = _HUMAN_ERROR.search(s.text)
    if m and re.search(r"\b(?:never|not|no)\s+(?:\w+\s+)?$", s.text[: m.start()]):
        m = None  # "indicates a bug, never user error"
    if m and _RULED_OUT.match(s.text, m.end()):
        m = None  # "human error was ruled out by the investigation"
    if m and (
        not s.quoted(s.doc.char_span(m.start(), m.end(), alignment_mode="expand")[0])
        or _RECORDED_CAUSE.search(s.text)
    ):
        if not re.search(
            r"\b(?:reduc\w*|prevent\w*|avoid\w*|minimi[sz]\w*|catch|guard\s+against|guard|safeguards?|tolerate|recover\s+from|messages?|handling|(?:error|failure|mistake|fault)\s+rates?|dialog|validat\w*|4xx|5xx|http|status|slo|sli|budget|count(?:s|ed)?\s+as|responses?|(?<!cause\s)codes?|threw|throws|thrown|raised|raises|"
            r"fat-?finger\s+(?:limits?|checks?|protection|controls?|guards?|guardrails?|thresholds?|validation))\b",
            s.lower,
        ):
            yield m.start(), m.end(), None
            return
    idiom = _HUMAN_CAUSE_IDIOM.search(s.text)
    if idiom is not None and not _PREVENTION.search(s.text):
        yield idiom.start(), idiom.end(), None  # "the weak link turned out to be the human one"
        return
    slip = _slip_by_person(s)
    if slip is not None and not _PREVENTION.search(s.text):
        yield slip.left_edge.idx, slip.right_edge.idx + len(slip.right_edge.text), None
        return
    faulty = _faulty_act_of_person(s)
    if faulty is not None and not _PREVENTION.search(s.text):
        yield faulty
        return
    for t in s.doc:
        word = t.lower_
        if word in ("error", "errors", "mistake", "mistakes", "slip", "slips") and t.pos_ == "NOUN":
            mods = {c.lower_ for c in t.children if c.dep_ in ("amod", "compound")}
            if any(
                (
                    c.dep_ == "compound"
                    and c.pos_ == "NOUN"
                    and s.person_kind(c) in ("person", "group")
                )
                or (c.dep_ == "amod" and c.lower_ in s.w["roles"])
                for c in t.children
            ):  # ("clinician" may be tagged an adjective)
                mods.add("personnel")  # "clinician error", "driver error": a trade's own hands
            by = any(
                c.dep_ == "prep"
                and c.lower_ in ("by", "of", "from")
                and any(s.person_kind(g) in ("person", "group") for g in c.children)
                for c in t.children
            )  # "a labeling error by a night shift worker", "error of the staff at reception"
            if (
                (mods & _HANDS_ON or by)
                and not (t.dep_ == "dobj" and lemma(t.head) in _SYSTEM_SAYS)
                and (not s.quoted(t) or _RECORDED_CAUSE.search(s.text))
                and not _negated_near(s, t)
                and not _PREVENTION.search(s.text)
                and (by or _CAUSE.search(s.text) or _failure_context(s))
            ):
                yield t.left_edge.idx, t.idx + len(t.text), None  # "a manual entry mistake"
                return
        if (
            t.pos_ == "NOUN"
            and any(c.dep_ == "amod" and c.lower_ in _INADVERTENT for c in t.children)
            and any(
                c.dep_ == "poss" and (s.person_kind(c) == "person" or not s.is_tech(c))
                for c in t.children
            )  # (only people are inadvertent: "a maintenance worker's")
            and not _PREVENTION.search(s.text)
        ):
            # "a maintenance worker's inadvertent press of the release button"
            yield t.left_edge.idx, t.idx + len(t.text), None
            return
        if (
            word in ("error", "mistake", "errors", "mistakes")
            and t.dep_ == "nsubjpass"
            and lemma(t.head) == "make"
        ):
            yield t.idx, t.idx + len(t.text), None  # "an error was made when republishing"
            return
        if word in (
            "misunderstanding",
            "miscommunication",
            "misjudgment",
            "misjudgement",
            "assumption",
        ) and _CAUSE.search(s.text):
            if word != "assumption" or any(
                c.lower_ in ("incorrect", "mistaken", "wrong", "bad", "false", "faulty")
                for c in t.children
            ):
                yield t.idx, t.idx + len(t.text), None  # "this misunderstanding led to ..."
                return
        if (
            word in ("error", "errors")
            and lemma(t.head) == "make"
            and s.person_kind(s.subject(t.head)) in ("person", "group")
        ):
            yield t.idx, t.idx + len(t.text), None  # "a person made an error when copying"
            return
        if (
            word in ("input", "inputs", "values", "value", "change", "command", "edit", "entry")
            and any(
                c.lower_ == "from" and any(s.person_kind(g) == "person" for g in c.children)
                for c in t.children
            )
            and _failure_context(s)
        ):
            yield t.idx, t.idx + len(t.text), None  # "bad input from an admin corrupted the index"
            return
        if word in (
            "mistake",
            "mistakes",
            "oversight",
            "oversights",
            "typo",
            "typos",
            "misclick",
            "slip",
            "lapse",
            "blunder",
        ):
            if s.quoted(t) or _negated_near(s, t) or _PREVENTION.search(s.text):
                continue
            if word in ("slip", "lapse") and t.pos_ != "NOUN":
                continue
            if (
                t.dep_ == "nsubj"
                and lemma(t.head) == "be"
                and any(
                    c.dep_ == "prep"
                    and c.lower_ == "in"
                    and any(g.dep_ == "pobj" and not s.person_kind(g) for g in c.children)
                    for c in t.head.children
                )
            ):
                continue  # "the mistake was in the regex": a defect's place, not a person's slip
            made = _made_by_person(s, t)
            agent = (
                t.dep_ == "nsubj" and t.head.pos_ == "VERB"
            )  # "an oversight ... granted the public user", "a typo in the hostname sent writes"
            typo_did = (
                agent
                and lemma(t.head) not in ("be", "have", "appear", "exist", "remain")
                and not re.search(r"\b(?:vendor|upstream|third-party|provider)['’]?s?\b", s.lower)
            )  # ("a typo in the vendor's documentation listed the wrong port": theirs)
            if (
                word in ("typo", "typos")
                and not _CAUSE.search(s.text)
                and not made
                and not typo_did
            ):
                continue
            if (
                word.startswith(("mistake", "oversight", "slip", "lapse", "blunder"))
                and not _CAUSE.search(s.text)
                and not made
                and not agent
            ):
                continue
            if word.endswith("s") and not _CAUSE.search(s.text) and not made:
                continue  # "we cover our own mistakes": a general statement
            if (
                word.startswith("mistake")
                and not made
                and any(
                    c.dep_ == "prep"
                    and c.lower_ == "in"
                    and any(g.pos_ in ("NOUN", "PROPN") for g in c.children)
                    and not re.search(
                        r"\b(?:manual|manually|by\s+hand|hand-)",
                        c.right_edge.doc[c.i : c.right_edge.i + 1].text,
                        re.I,
                    )
                    for c in t.children
                )
            ):
                continue  # "the mistake in the config template was a missing quote": a defect
            if word.startswith("lapse") and re.search(
                r"\b(?:certificate|cert|domain|license|licence|subscription|contract)s?\b", s.lower
            ):
                continue
            yield t.idx, t.idx + len(t.text), None
            return


#: a cause written down in quotation marks is still the record's verdict: "root cause recorded
#: as 'staff error'", "cause coded as 'human error (slip)' on the register", "Primary factor as
#: entered on the form: 'Operator error'" (not one replaced: "we no longer accept 'human error'")
_RECORDED_CAUSE = re.compile(
    r"^(?!.*\b(?:no\s+longer|not|never|n['’]t|instead|rather\s+than|replac\w*|chang\w*|banned|"
    r"stop(?:ped)?\s+(?:using|writing|accepting)|don['’]t\s+(?:use|accept))\b)"
    r".*\b(?:(?:recorded|coded|entered|logged|selected|listed|filed|classified|categori[sz]ed|"
    r"marked|ticked|given|put\s+down|written\s+up)\s+(?:as|on|in|under|for)\b|"
    r"(?:cause|factor|category|finding|reason)\b[^'‘\"“]{0,40}[:—–-]\s*['‘\"“])",
    re.I | re.S,
)


#: the human as the cause in idiom: "turned out to be the human one", "the pump didn't fail; the
#: person operating it did", "the failure was one of human judgement", "the one remaining
#: variable: the person at the keyboard", "humans make mistakes, and a human made one here"
_HUMAN_CAUSE_IDIOM = re.compile(
    r"\b(?:turned\s+out\s+to\s+be|was|is|comes?\s+down\s+to|came\s+down\s+to|boils?\s+down\s+to)\s+"
    r"(?:simply\s+|just\s+)?the\s+human\s+(?:one|element|side|factor|link|part|bit)\b(?!\s+of\s+(?:the\s+)?(?:review|design))"
    r"|\b(?:didn['’]t|did\s+not|wasn['’]t|was\s+not)\s+(?:\w+\s+)?(?:fail|faulty|at\s+fault)\s*[;,—–-]+\s*"
    r"(?:but\s+)?the\s+(?:person|operator|driver|guy|man|woman|user|engineer|human|people|crew|one)\b[^.;]{0,40}?\b(?:did|was)\b"
    r"|\b(?:failure|cause|fault|problem)\s+was\s+(?:one\s+of\s+)?human\s+(?:judgement|judgment|fallibility|frailty)\b"
    r"|[:—–-]\s*the\s+(?:person|human|guy|one)\s+(?:at|behind|on)\s+the\s+(?:keyboard|controls|wheel|desk|console|helm|terminal)\b"
    r"|\bhumans?\s+make\s+mistakes\b[^.?!]*\b(?:a\s+human|someone|somebody|one\s+of\s+them|he|she)\s+made\s+one\b"
    r"|\b(?:the\s+)?human\s+element\s+(?:messing|mucking|screwing)\s+up\b",
    re.I,
)


#: what a person's hands did, named on the error itself: "a manual entry mistake", "a keying
#: error", "a labelling slip"
_HANDS_ON = {
    "manual", "entry", "data-entry", "keying", "keyboard", "typing", "labeling", "labelling",
    "picking", "clerical", "transcription", "dispensing", "scanning", "operator", "human",
    "user", "pilot", "personnel", "staff", "execution", "handling",
}  # fmt: skip
#: what software does with an error it names: "the parser threw a user error"
_SYSTEM_SAYS = {"throw", "return", "raise", "log", "emit", "show", "display", "report", "surface"}
_INADVERTENT = {"inadvertent", "accidental", "mistaken", "erroneous", "unintended", "careless"}


#: what a person has at work that a sanction takes away
_STANDING = {
    "job", "role", "position", "post", "promotion", "pay", "salary", "bonus", "raise", "rights",
    "privileges", "title", "seniority", "rating", "commission", "shifts", "badge", "licence",
    "license", "certification", "credentials", "registration", "accreditation", "clearance",
    "access", "permissions", "fee", "fees", "wages", "overtime",
}  # fmt: skip
#: what an access or a fee word names when it is a thing: "access token", "fee schedule"
_ACCESS_THINGS = {"token", "tokens", "key", "keys", "log", "logs", "list", "lists", "control",
                  "controls", "policy", "policies", "schedule", "structure", "table", "point",
                  "pattern", "patterns", "request", "requests", "level", "levels"}  # fmt: skip
#: people whose access is taken away to stop harm, not to sanction them
_INTRUDERS = {"attacker", "attackers", "intruder", "intruders", "hacker", "hackers", "thief",
              "thieves", "bot", "bots", "spammer", "spammers", "scraper", "scrapers", "fraudster"}  # fmt: skip
_TAKE_AWAY = {
    "lose", "strip", "revoke", "dock", "withhold", "forfeit", "suspend", "cut", "deny", "remove",
    "pull", "freeze", "claw",
}  # fmt: skip
_STANDING_GATE = re.compile(
    r"\b(?:lose|losing|lost|strip|stripped|stripping|revoke[sd]?|revoking|dock(?:ed|ing)?|"
    r"withh[oe]ld\w*|forfeit\w*|suspend\w*|cut|denied|deny|remove[sd]?|pull(?:ed|ing|s)?|frozen|freeze|"
    r"claw\w*|keeps?|against|apolog\w*)\b",
    re.I,
)


def _possessed_by_person(s: Sentence, t: Token) -> bool:
    poss = next((c for c in t.children if c.dep_ == "poss"), None)
    return (
        poss is not None
        and poss.lower_ not in _INTRUDERS
        and (
            poss.lower_ in ("his", "her", "their", "your", "my", "our") or s.person_kind(poss) != ""
        )
    )


@gated(_by(_STANDING_GATE))
@judge
def standing_taken(s: Sentence) -> Iterator[Hit]:
    """A sanction on a person's standing at work: 'strip the junior devs of merge rights',
    'I'm going to lose my job over this', 'whether the team lead keeps her role', 'incidents
    like this count against your promotion case', 'pay docked for the night shift', 'must give
    a public apology'. (Not access taken from a key or an account: 'revoked the leaked keys'.)"""
    if s.states_principle():
        return
    whole = s.doc[s.lead_end()].idx, len(s.text.rstrip().rstrip(".!;:?"))
    for t in s.doc:
        lem = lemma(t)
        if (
            lem == "apology"
            and any(c.lower_ in ("public", "formal", "written") for c in t.children)
            and re.search(
                r"\b(?:must|has\s+to|have\s+to|will|is\s+to|required\s+to|should)\b", s.lower
            )
        ):
            yield (*whole, None)  # "the developer must give a public apology at the all-hands"
            return
        if t.pos_ != "NOUN" or (lem not in _STANDING and t.lower_ not in _STANDING):
            continue
        if t.i + 1 < len(s.doc) and s.doc[t.i + 1].lower_ in _ACCESS_THINGS:
            continue  # "remove your access token": a thing, however the parser read it
        if s.negated(t.head) or _PREVENTION.search(s.text):
            continue
        head = t.head
        # "lose my job", "keeps her role", "revoke his promotion"
        if t.dep_ in ("dobj", "nsubjpass", "nsubj") and _possessed_by_person(s, t):
            if lemma(head) in _TAKE_AWAY or (
                lemma(head) == "keep" and re.search(r"\bwhether\b|\bif\b", s.lower)
            ):
                yield (*whole, None)
                return
        # "strip the junior devs of merge rights" (also as the parser may read "of deploy
        # rights": "deploy" a verb under "of")
        if head.dep_ == "pcomp" and head.head.lower_ == "of":
            head = head.head
        if head.lower_ == "of":
            owner = head.head  # the verb, or the people it was hung on
            verb = owner if owner.pos_ == "VERB" else owner.head if owner.dep_ == "dobj" else None
            who = s.object(verb) if verb is owner and verb is not None else owner
            if (
                verb is not None
                and lemma(verb) in _TAKE_AWAY
                and who is not None
                and s.person_kind(who) in ("person", "group")
            ):
                yield (*whole, None)
                return
        # "count against your promotion case", "held against his rating"
        if (
            head.lower_ == "against"
            and _possessed_by_person(s, t)
            or (
                t.dep_ == "compound"
                and t.head.head.lower_ == "against"
                and _possessed_by_person(s, t.head)
            )
        ):
            yield (*whole, None)
            return
        # "pay docked for the night shift"
        if (
            lem == "pay"
            and lemma(head) in _TAKE_AWAY
            and any(
                c.lower_ == "for"
                and any(s.person_kind(g) in ("person", "group") for g in c.children)
                for c in head.children
            )
        ):
            yield (*whole, None)
            return


def _made_by_person(s: Sentence, t: Token) -> bool:
    for c in t.subtree:
        if (
            c.dep_ == "pobj"
            and c.head.lower_ == "by"
            and c.head.head.i in {x.i for x in t.subtree}
            and s.person_kind(c) == "person"
        ):
            return True  # "mistakes like this one by Hana"
    for c in t.children:
        if c.dep_ in ("acl", "relcl") and lemma(c) in ("make", "commit", "introduce"):
            for g in c.subtree:
                if g.dep_ == "pobj" and g.head.lower_ == "by" and s.person_kind(g):
                    return True  # "a mistake made by Hamid"
    head = t.head
    if head.lemma_.lower() in ("make", "commit") and s.person_kind(s.subject(head)):
        return True
    return any(
        c.dep_ == "poss" and (c.lower_ in ("his", "her", "my", "our", "their") or s.is_name(c))
        for c in t.children
    )


#: a person barred from their work (see punitive(), which checks the person)
_BARRED_PATTERN = (
    r"\b([A-Za-z][a-z]+|the\s+(?:intern|new\s+hire|junior(?:\s+[\w-]+)?|contractor|engineer|developer|"
    r"admin|operator|on-?call|reviewer|technician|trainee))\s+(?:is|are|was|were|will\s+no\s+longer\s+be|"
    r"won['’]t\s+be|will\s+not\s+be)\s+(?:no\s+longer\s+|not\s+)?(?:allowed|permitted|trusted)\s+"
    r"(?:to\s+(?:approve|deploy|merge|push|release|touch|run|lead|ship|operate|drive|sign)|"
    r"(?:anywhere\s+)?near|on\s+(?:the\s+)?(?:on-?call|rota|rotation|console|floor|line))\b"
)
_BARRED = re.compile(_BARRED_PATTERN, re.I)
_PUNITIVE = Alternatives(
    (
        "accountable",
        r"\b(?:held|hold|holding|be|being|are|is|were|was|been|get|gets)\s+(?:\w+\s+){0,3}accountable\b",
    ),
    ("accountability", r"\baccountability\b"),
    (
        "consequences",
        r"\b(?:face|facing|faced|suffer|there\s+(?:will|must|should)\s+be|real|serious|without)\s+(?:\w+\s+)?consequences\b",
    ),
    ("consequences", r"\bconsequences\s+for\s+(?:the|whoever|him|her|them|those|anyone|people)\b"),
    ("disciplin", r"\bdisciplin(?:e|ed|ary|ing)\b"),
    ("repercussion", r"\brepercussions?\b"),
    ("consequences", r"\bconsequences\s+(?:will|must|should|are\s+going\s+to)\s+follow\b"),
    (
        ("hr", "resources"),
        r"\b(?:conversation|talk|meeting|report|escalat\w+|sit-down)\s+(?:\w+\s+){0,2}(?:with|to)\s+(?:HR|human\s+resources)\b",
    ),
    ("conduct", r"\b(?:his|her|their|(?-i:[A-Z])\w+'s)\s+conduct\b"),
    (
        ("access", "permissions", "privileges", "rights"),
        r"\b(?:suspend|revoke|pull|strip|remove)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:[\w-]+'s|his|her|their)\s+(?:[\w-]+\s+)?(?:access|privileges|rights|permissions)\b",
    ),
    ("punish", r"\bpunish\w*"),
    ("punitive", r"\bpunitive\b"),
    ("reprimand", r"\breprimand\w*"),
    ("warning", r"\b(?:written|formal|final|official|verbal)\s+warning\b"),
    (
        "capability",
        r"\b(?:formal\s+)?capability\s+(?:plan|procedure|process|hearing|meeting|review)\b",
    ),
    (
        ("perms", "permissions", "access", "rights", "privileges", "keys"),
        r"\b(?:their|his|her|your|[\w-]+['’]s)\s+(?:[\w-]+\s+)?(?:perms|permissions|access|rights|privileges|keys)\s+"
        r"(?:yanked|pulled|revoked|taken\s+away|stripped|removed|cut\s+off)\b",
    ),
    (
        (
            "demoted",
            "fired",
            "let",
            "removed",
            "sacked",
            "suspended",
            "terminated",
            "written",
            "dismissed",
        ),
        r"\b(?:be|get|gets|getting|got|was|were|been|being)\s+(?:\w+ly\s+)?(?:fired|sacked|let\s+go|demoted|suspended|written\s+up|terminated|dismissed|removed\s+from\s+(?:the\s+)?(?:on-?call|rotation|rota|team|project))\b",
    ),
    (
        "consequences",
        r"\bthere\s+(?:will|must|should|needs?\s+to|has\s+to|have\s+to|ought\s+to|had\s+better)\s+be\s+(?:\w+\s+)?consequences\b",
    ),
    ("consequences", r"\bconsequences\s+for\s+(?:\w+ing)\b"),
    (
        "head",
        r"\bheads?\s+(?:should|will|must|is\s+going\s+to|are\s+going\s+to|needs?\s+to)?\s*roll\b",
    ),
    (
        "fire",
        r"\bfire\s+(?:him|her|them|whoever|someone|the\s+(?:engineer|developer|intern|contractor|person))\b",
    ),
    (
        "train",
        r"\bre-?train(?:ing|ed)?\b(?!\s+(?:the|a|our)?\s*(?:model|classifier|network|ml|index|embedding))",
    ),
    ("remedial", r"\bremedial\s+training\b"),
    (("answer", "pay"), r"\b(?:pay|paying|answer|answers)\s+for\s+(?:this|it|that)\b"),
    (
        ("answer", "pay"),
        r"\b(?:will|must|should|to|has\s+to|have\s+to|going\s+to)\s+(?:pay|answer)\s+for\s+the\b",
    ),
    ("heads", r"\bheads\s+(?:will|must|should)?\s*roll\b"),
    ("performance", r"\bperformance\s+(?:reviews?|improvement\s+plans?|conversations?)\b"),
    (
        ("appraisal", "record", "review"),
        r"\b(?:in|on|into)\s+(?:their|his|her|your)\s+(?:next\s+|annual\s+|performance\s+)?(?:review|appraisal|record)\b",
    ),
    ("pip", r"\bPIP\b"),
    ("responsible", r"\b(?:held|hold)\s+(?:\w+\s+)?responsible\b"),
    ("shame", r"\bnamed?\s+and\s+shamed?\b"),
    ("example", r"\bmake\s+an\s+example\s+of\b"),
    ("tolerance", r"\bzero[\s-]tolerance\b"),
    (
        ("bonus", "pay", "privileges", "rights"),
        r"\b(?:lose|losing|lost|dock|docked|cut|forfeit)\s+(?:the\s+)?(?:their|his|her|your|[\w-]+'s)?\s*(?:[\w-]+\s+)?(?:bonus|bonuses|pay|access\s+rights|privileges)\b",
    ),
    (
        ("access", "permissions", "privileges", "rights"),
        r"\b(?:lose|losing|revoke|revoking|pull|pulling)\s+(?:her|his|their|your)?\s*(?:production|prod|admin|root|deploy|commit|merge)\s+(?:access|rights|permissions|privileges)\b",
    ),
    ("probation", r"\bon\s+probation\b"),
    ("strike", r"\b(?:first|second|final)\s+strike\b"),
    (
        ("access", "permissions", "privileges", "rights"),
        r"\b(?:revoke|revoked|revoking|lose|lost|losing)\s+(?:his|her|their|your)\s+(?:\w+\s+)?(?:access|rights|permissions|privileges)\b",
    ),
    ("mandatory", r"\bmandatory\s+(?:re-?)?training\b"),
    ("apology", r"\bowes?\s+(?:us|everyone)\s+an?\s+apology\b"),
    ("apologi", r"\bapologi[sz]e\s+to\s+(?:the\s+)?(?:team|everyone)\b"),
)
_PUNITIVE = _PUNITIVE + Alternatives(
    (
        ("consequence", "disciplinary", "penalty", "punishment", "sanction"),
        r"\bas\s+(?:a\s+|the\s+)?(?:penalty|punishment|sanction|consequence|disciplinary\s+(?:measure|step|action))\b",
    ),
    (
        "taken",
        r"\b(?:action|steps|measures)\s+(?:has|have|was|were|will|is|are)\s+(?:been\s+|be\s+|being\s+)?taken\s+(?:with|against|regarding)\s+(?:the\s+)?(?:individuals?|people|persons?|staff|employees?|engineers?|team\s+members?|those|him|her|them)\b",
    ),
    (
        "penali",
        r"\bpenali[sz](?:e|ed|es|ing)\s+(?:him|her|them|the\s+(?:engineer|developer|operator|team|person|on-?call|intern|contractor)|(?-i:[A-Z])[a-z]+)\b",
    ),
    (
        ("banned", "barred", "blocked", "kicked", "pulled", "removed", "taken"),
        r"\b(?:banned|barred|blocked|removed|taken|pulled|kicked)\s+(?:off\s+|from\s+)?(?:deploying|deploys|the\s+(?:on-?call\s+)?rotation|on-?call|production|prod|the\s+project|merging|the\s+team)\b",
    ),
    (
        ("access", "permissions", "privileges", "rights"),
        r"\b(?:lose|loses|lost|losing|revoke|revoked|revoking|strip|stripped|pull|pulled)\s+(?:\w+\s+){0,3}(?:access|rights|privileges|permissions)\b",
    ),
    ("write", r"\bwrite\s+(?:him|her|them|(?-i:[A-Z])[a-z]+)\s+up\b"),
    ("formal", r"\bformal\s+(?:complaint|warning|review|reprimand)\b"),
    (
        "escalat",
        r"\bescalat\w*\s+(?:this|it|him|her|them)\s+to\s+(?:HR|their\s+manager|his\s+manager|her\s+manager|management)\b",
    ),
    (
        ("need", "ought"),
        r"\b(?:needs?|ought)\s+to\s+be\s+(?:disciplined|punished|fired|let\s+go|held\s+responsible|reprimanded|written\s+up)\b",
    ),
    (
        "what",
        r"\bwhat\s+(?:we\s+are|we['’]re|we\s+will\s+be|we\s+plan\s+to\s+be|is\s+being)\s+(?:doing|done)\s+(?:about|with)\s+(?:that|the|this)\s+(?:person|engineer|individual|developer|employee|guy|contractor|intern)\b",
    ),
    (
        "deal",
        r"\b(?:deal|dealt|dealing)\s+with\s+(?:that|the|this)\s+(?:person|individual|engineer|developer|employee|guy|contractor|intern)\b",
    ),
    (
        ("cut", "fit", "ready", "suited"),
        r"\b(?:is|are|was|were|be)\s+(?:really\s+|actually\s+)?(?:suited|fit|cut\s+out|ready)\s+(?:to|for)\s+(?:on-?call|the\s+(?:on-?call\s+)?(?:role|job|team|rotation|position)|this\s+(?:role|job|work|team)|production|prod|(?:on-?call|production|ops)\s+work)\b",
    ),
    (
        ("pulled", "removed", "revoked", "stripped", "suspended", "withdrawn"),
        r"\b(?:[\w-]+['’]s|his|her|their)\s+(?:[\w-]+\s+)?(?:access|privileges|rights|permissions)\s+(?:is|are|was|were|has\s+been|have\s+been|will\s+be)\s+(?:\w+\s+)?(?:revoked|suspended|removed|pulled|withdrawn|stripped)\b",
    ),
    (
        ("cancel", "ended", "renewed", "terminated"),
        r"\b(?:engagement|contract|employment)\s+(?:was|were|has\s+been|will\s+be|is\s+being)\s+(?:\w+\s+)?(?:terminated|ended|cancell?ed|not\s+renewed)\b",
    ),
    # a person barred from their work: "Rosa is no longer allowed to approve releases", "the
    # intern will no longer be allowed anywhere near production" (the person checked in
    # punitive(): "Jenkins is no longer allowed to deploy on Fridays" is a rule for a program)
    (("allowed", "permitted", "trusted"), _BARRED_PATTERN),
    # sanctions in a workplace's own words: "struck off the match-day rota", "sackings are on
    # the table", "asked for names so that action can be taken", "fined a week's wages",
    # "going into Mr. Rahman's file"
    (
        ("struck",),
        r"\bstruck\s+off\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:rota|rotation|register|roster|list|panel)\b",
    ),
    (("sacking", "sackings"), r"\bsackings?\b"),
    (
        "names",
        r"\b(?:asked|asking|asks|want|wants|wanted)\s+(?:for\s+)?names\b(?!\s+(?:of|for|to))",
    ),
    (
        "fined",
        r"\bfined\s+(?:a|an|one|two|three|a\s+full)?\s*(?:week['’]s|day['’]s|month['’]s|weeks['’]|days['’])\s+(?:wages|pay|salary)\b",
    ),
    (
        ("file", "record"),
        r"\b(?:going|goes|go|went|will\s+go|put)\s+(?:into|in|on)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?:[\w-]+['’]s|his|her|their)\s+"
        r"(?:personnel\s+|permanent\s+|HR\s+|employment\s+)?(?:file|record)\b",
    ),
    # a person's standing held back: "Dmitri's commit rights are on hold until further notice",
    # "has been asked to step down as release manager", "Gabriel's bonus is under discussion"
    (
        "hold",
        r"\b(?:[\w-]+['’]s|his|her|their)\s+(?:[\w-]+\s+)?(?:access|privileges|rights|permissions)\s+(?:is|are|was|were|has\s+been|have\s+been|will\s+be)\s+(?:put\s+)?on\s+hold\b",
    ),
    ("step", r"\b(?:asked|told|made|forced|invited)\s+to\s+step\s+down\b"),
    (
        ("bonus", "bonuses"),
        r"\b(?:[\w-]+['’]s|his|her|their)\s+(?:[\w-]+\s+){0,3}?bonus(?:es)?\b[^.;]{0,40}?\b(?:under\s+(?:review|discussion)|on\s+hold|at\s+risk|withheld|being\s+reviewed|being\s+discussed)\b",
    ),
    (
        "let",
        r"\blet\s+go\s+of\s+(?:the|an?|our|that|this)\s+(?:\w+\s+)?(?:employee|engineer|developer|contractor|person|intern|staff|member|admin|operator)\b",
    ),
    (
        ("appraisal", "review"),
        r"\bat\s+(?:[\w-]+['’]s|his|her|their)\s+(?:annual\s+|next\s+|yearly\s+|performance\s+|mid-?year\s+)?(?:review|appraisal)\b",
    ),
    ("conduct", r"\bconduct\s+(?:matter|issue|concern)\b"),
    ("personnel", r"\bpersonnel\s+(?:file|record)\b"),
    (
        ("forwarded", "referred", "reported", "sent"),
        r"\b(?:forwarded|sent|referred|reported)\s+to\s+(?:HR|human\s+resources)\b",
    ),
    (
        ("kicked", "moved", "pulled", "rotated", "taken", "transferred"),
        r"\b(?:was|were|has\s+been|have\s+been|will\s+be|is\s+being|been|being)\s+(?:moved|taken|removed|pulled|rotated|kicked|transferred)\s+(?:off|out\s+of|from)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:team|rotation|rota|on-?call|project|squad|account)\b",
    ),
    (
        "review",
        r"\breview(?:ing|ed)?\s+(?:[\w-]+['’]s|his|her|their)\s+(?:access|role|position|permissions|future|place|suitability)\b",
    ),
    (
        "lesson",
        r"\b(?:a\s+)?(?:valuable\s+|hard\s+|good\s+|salutary\s+)?lesson\s+(?:to|for)\s+(?:those|everyone|anyone|the\s+people|him|her|them)\s+who\s+(?:\w+ed|argued|thought|said|insisted|wanted|decided|ignored|skipped|didn['’]t|did\s+not|were|was|chose)\b",
    ),
    (
        "taken",
        r"\b(?:appropriate|necessary|suitable|disciplinary|corrective)\s+(?:action|steps|measures)\s+(?:will\s+be|has\s+been|have\s+been|is\s+being|are\s+being)\s+taken\b",
    ),
    (
        ("concerned", "involved", "responsible"),
        r"\b(?:had|have\s+had|will\s+have|held)\s+a\s+(?:serious\s+|frank\s+|firm\s+)?(?:conversation|word|chat|talk|meeting)\s+with\s+(?:the\s+)?(?:individual|person|engineer|employee|staff\s+member|people|developer|contractor)s?\s+(?:involved|concerned|responsible)\b",
    ),
    (
        "dealt",
        r"\b(?:responsible|involved|concerned)\s+(?:is|are|has\s+been|have\s+been|will\s+be)\s+(?:being\s+)?dealt\s+with\b",
    ),
    ("employment", r"\bwhether\b[^.;]*\bemployment\b"),
    ("employment", r"\bemployment\b[^.;]*\b(?:should|will|can)\s+(?:continue|end)\b"),
    (
        "bonus",
        r"\bbonus(?:es)?\b[^.;]*\b(?:will\s+be|are|were|have\s+been)\s+(?:\w+\s+)?(?:reduced|cut|withheld|docked|cancell?ed|forfeited)\b",
    ),
    ("price", r"\bpay\s+the\s+price\b"),
    ("answer", r"\banswer\s+to\s+(?:the\s+)?(?:VP|CTO|CEO|director|management|leadership)\b"),
    ("pip", r"\bon\s+(?:a|his|her|their)\s+PIP\b"),
)
# the people and places punishment goes through: a person's manager, their review or record,
# their pay, their standing ("raise it with his manager", "this goes in her file")
_PUNITIVE = _PUNITIVE + Alternatives(
    (
        "manager",
        r"\b(?:his|her|their|(?-i:[A-Z])[\w-]*['’]s|the\s+(?:engineer|developer|operator|intern|contractor|responder)['’]s)\s+(?:line\s+)?manager\b(?!\s+(?:of|for)\s+(?:the\s+)?(?:service|system|platform))",
    ),
    (
        ("appraisal", "evaluation", "file", "rating", "record", "review", "scorecard"),
        r"\b(?:in|on|into|onto|against)\s+(?:his|her|their|your|(?-i:[A-Z])[\w-]*['’]s|the\s+team['’]s)\s+(?:\w+\s+){0,2}(?:review|appraisal|record|file|evaluation|rating|scorecard)\b",
    ),
    (
        ("appraisal", "evaluation", "rating", "scorecard"),
        r"\b(?:quarterly|annual|yearly|performance)\s+(?:rating|appraisal|evaluation|scorecard)s?\b",
    ),
    (
        ("appraisal", "promotion", "rating"),
        r"\b(?:appraisal|promotions?|promotion\s+case|performance\s+rating)\b[^.;]*\b(?:factor|reflect|count|hurt|affect|note|hit)",
    ),
    (
        ("appraisal", "bonus", "compensation", "pay", "promotion", "rating", "review"),
        r"\b(?:factor|reflect|count|note|mention|record)\w*\s+(?:it\s+|this\s+|that\s+)?(?:in|into|against)\s+(?:promotions?|(?:the\s+|their\s+|his\s+|her\s+)?(?:year-end\s+|annual\s+|mid-year\s+|quarterly\s+|performance\s+)?(?:bonus|pay|compensation|reviews?|appraisals?|ratings?))\b",
    ),
    (
        ("bonus", "compensation", "pay", "raise"),
        r"\b(?:bonus|bonuses|compensation|pay|raise)\s+(?:should|will|must|ought\s+to|needs?\s+to)\s+(?:\w+\s+)?(?:reflect|suffer|take\s+a\s+hit|be\s+(?:cut|docked|reduced|withheld))\b",
    ),
    ("career", r"\bcareer[\s-]limiting\b"),
    ("job", r"\bjobs?\s+(?:is|are|will\s+be)\s+on\s+the\s+line\b"),
    ("names", r"\b(?:want|wants|need|needs|get|demand|demands)\s+(?:some\s+)?names\b"),
    ("penance", r"\bpenance\b"),
    ("example", r"\bmade?\s+an\s+example\b"),
    ("demotion", r"\bdemotion\b"),
    (
        "demot",
        r"\bdemot(?:e|ed|ing)\s+(?:him|her|them|(?-i:[A-Z])[a-z]+\b(?!\s*\d)|the\s+(?:\w+\s+)?(?:engineer|commander|lead|manager|developer|operator|intern|on-?call|responder))",
    ),
    ("certif", r"\bre-?certif(?:y|ied|ication)\b"),
    ("retake", r"\bretake\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:certification|course|training|exam)\b"),
    (
        ("bootcamp", "onboarding", "school", "training"),
        r"\bback\s+(?:to|through)\s+(?:\w+\s+){0,2}(?:school|training|bootcamp|onboarding)\b",
    ),
    (
        ("brought", "called", "informed", "involved", "looped", "notified", "told"),
        r"\b(?:HR|human\s+resources)\s+(?:has|have|is|are|was|were|will|should|needs?)\s+(?:been\s+)?(?:looped|involved|informed|notified|told|brought|called)\b",
    ),
    (
        ("good", "indefinitely", "permanently"),
        r"\b(?:off|from)\s+the\s+(?:on-?call\s+)?(?:rota|rotation|pager)\s+(?:permanently|for\s+good|indefinitely)\b",
    ),
    (
        ("access", "permissions", "rights"),
        r"\bno\s+more\s+(?:prod|production|deploy|admin|root)\s+(?:access|rights|permissions)\b",
    ),
    (
        ("access", "permissions", "privileges", "rights"),
        r"\b(?:suspend|suspending|suspended|pull|pulling|revoke|revoking)\s+(?:@?[\w.-]+(?:['’]s)?\s+){0,3}(?:deploy|deployment|merge|commit|prod|production|admin|pager)\s+(?:permissions|rights|access|privileges)\b",
    ),
    (
        ("escalate", "report"),
        r"\b(?:report|escalate)\s+(?:him|her|them|the\s+responsible\s+\w+|whoever\s+\w+(?:\s+\w+)?|the\s+(?:engineer|developer|operator|intern)s?)\s+to\b",
    ),
    ("strike", r"\bstrike\s+against\b"),
    ("conduct", r"\bconduct\s+review\b"),
    ("engagement", r"\bengagement\s+is\s+being\s+(?:terminated|ended)\b"),
    ("whether", r"\bwhether\s+(?:\w+\s+){1,2}should\s+keep\s+(?:his|her|their)\b"),
    (
        "keep",
        r"\bkeep\s+(?:his|her|their)\s+(?:deploy|prod|production|admin|root|merge|commit|on-?call)\s+(?:access|rights|permissions|privileges|role)\b",
    ),
    (("firing", "termination"), r"\b(?:termination|firing)\s+is\s+on\s+the\s+table\b"),
    (
        "dock",
        r"\bdock(?:ing|ed|s)?\s+(?:[\w'’-]+\s+){0,3}(?:bonus|pay|compensation|salary|wages)\b",
    ),
    (
        ("names", "people", "those"),
        r"\b(?:a|the)\s+list\s+of\s+(?:the\s+)?(?:names|people\s+(?:involved|responsible)|those\s+(?:involved|responsible))\b",
    ),
    ("names", r"\bname\s+names\b"),
    (
        ("confidence", "faith", "trust"),
        r"\blost\s+(?:all\s+)?(?:confidence|trust|faith)\s+in\s+(?:the\s+[\w-]+\s+(?:team|group|department|squad)|(?-i:[A-Z])[a-z]+|him|her|them|our\s+[\w-]+\s+team)\b",
    ),
    (
        ("hr", "resources"),
        r"\b(?:HR|human\s+resources)\s+(?:will|is|are|has|have|should|needs?|must|was|were|to)\s+(?:be\s+|been\s+)?(?:\w+ly\s+)?(?:contact|speak|talk|meet|review|investigat|involv|loop|inform|notif|call|follow|reach|look|interview|sit)\w*",
    ),
    (
        ("extended", "renewed"),
        r"\bcontracts?\s+(?:will\s+not|won['’]t|is\s+not\s+going\s+to|shall\s+not)\s+be\s+(?:renewed|extended)\b",
    ),
    ("performance", r"\b(?:on|onto)\s+(?:a\s+)?performance\s+(?:improvement\s+)?plan\b"),
    (
        ("unless", "until", "without"),
        r"\b(?:may|can|will|shall)\s+not\s+(?:deploy|merge|push|ship|touch\s+prod(?:uction)?)\s+(?:again\s+)?(?:without|unless|until)\b",
    ),
    (
        "apology",
        r"\b(?:whoever\s+\w+(?:\s+\w+)?|he|she|they|(?-i:[A-Z])[a-z]+|the\s+[\w-]+)\s+owes?\s+(?:[\w-]+\s+){0,3}an?\s+apology\b",
    ),
    (
        "involved",
        r"\b(?:people|person|engineers?|individuals?|team)\s+involved\s+(?:understand|know|realise|realize|learn|see)\s+how\s+(?:serious|bad|costly|unacceptable|expensive)\b",
    ),
    ("guilty", r"\bguilty\s+part(?:y|ies)\b"),
    (
        "dealt",
        r"\b(?:has|have|will)\s+been\s+dealt\s+with\b(?=[^.]*\b(?:party|person|engineer|individual|him|her|them)\b)",
    ),
    (
        "dealt",
        r"\b(?:party|person|engineer|individual|intern|contractor)\b[^.]*\b(?:has|have)\s+been\s+dealt\s+with\b",
    ),
    (
        "own",
        r"\b(?:needs?|has|have|must|should|ought)\s+to\s+own\s+(?:this|that|the|their|his|her)\s+(?:mistake|error|screw-?up|blunder)\b",
    ),
    (("fall", "heat", "rap"), r"\btake\s+the\s+(?:fall|rap|heat)\b"),
    (
        "personal",
        r"\b(?:owners?|engineers?|person|people|whoever\s+\w+|responsible|responder)\b[^.;]*\bpersonal\s+apolog(?:y|ies)\b",
    ),
    (
        ("beer", "coffee", "donuts", "doughnuts", "drinks", "lunch", "pizza"),
        r"\bbuy\s+(?:the\s+)?(?:whole\s+)?(?:team|everyone|everybody)\s+(?:lunch|donuts|doughnuts|beers?|pizza|coffee|drinks)\b",
    ),
    ("shame", r"\b(?:wall|hall|board)\s+of\s+shame\b"),
    ("trusted", r"\bshould(?:n['’]t|\s+not|\s+no\s+longer)\s+be\s+trusted\s+with\b"),
    (
        "should",
        r"\bshould(?:n['’]t|\s+not|\s+never|\s+no\s+longer)\s+be\s+(?:allowed|let|permitted)\s+(?:anywhere\s+)?(?:near|to\s+(?:touch|deploy|push|merge|run|have|use|access)|on\s+(?:call|the\s+rotation))\b",
    ),
    ("explanation", r"\bformal\s+explanation\b"),
    (
        "responsible",
        r"\b(?:those|(?:the\s+)?(?:team|person|people|engineers?|individuals?))\s+responsible\s+(?:will|must|shall|should)\s+(?:be\s+(?:asked|required|expected|made)\s+to\s+)?(?:present|explain|answer|apologi[sz]e|report|account)\b",
    ),
    (
        ("herself", "himself", "themselves", "yourself", "yourselves"),
        r"\bexplain\s+(?:themselves|himself|herself|yourself|yourselves)\b",
    ),
    ("office", r"\bin\s+my\s+office\b"),
    ("should", r"\bshould(?:n['’]t|\s+not)\s+be\s+on[\s-]?call\b"),
    ("business", r"\bno\s+business\s+(?:being|running|touching|deploying)\b"),
    ("fit", r"\bwhether\s+(?:[\w'’-]+\s+){1,3}(?:is|are)\s+(?:a\s+|the\s+)?(?:right|good)\s+fit\b"),
    ("roll", r"\bheads?\s+to\s+roll\b"),
    (
        "against",
        r"\b(?:take|taking|took|taken)\s+(?:\w+\s+)?(?:measures|action|steps)\s+against\s+(?:them|him|her|those|the\s+(?:person|people|persons|individuals?|engineers?|staff|involved))\b",
    ),
    (
        ("bonus", "review", "appraisal"),
        r"\b(?:remembered|noted|counted|come\s+up)\s+(?:at|in|during)\s+(?:bonus|review|appraisal)\s+time\b",
    ),
    (
        "guilty",
        r"\b(?:post|name|share|pin|shame)\s+(?:the\s+)?guilty\s+(?:commit|party|person|engineer|change|pr)\b",
    ),
    # punishment told by its purpose: "that'll teach him", "let this be a lesson", an act that
    # "has consequences", a charge made "as a deterrent"
    (
        "teach",
        r"\b(?:that|this|it)(?:['’]ll|\s+will|\s+should|\s+ought\s+to)\s+teach\s+(?:him|her|them|em|['’]em|you|the\s+[\w-]+|those\s+[\w-]+)\b",
    ),
    ("lesson", r"\blet\s+(?:this|that|it)\s+be\s+a\s+lesson\b"),
    (
        "consequences",
        r"\b\w+ing\s+(?:[\w-]+\s+){0,3}(?:has|have|carries|carry|will\s+have)\s+(?:real\s+|serious\s+)?consequences(?=\s*(?:[.!;:,—–]|$|and\b))",
    ),
    (
        "deterrent",
        r"\b(?:billed|charged|fined|docked|invoiced|suspended|banned|disciplined|named|penali[sz]ed|made\s+to\s+pay)\b[^.;]{0,60}\bas\s+a\s+deterrent\b",
    ),
    (
        ("wages", "pay", "salary", "paycheck", "bonus", "commission"),
        r"\b(?:come|comes|coming|came|taken|deducted|docked|recovered|withheld|out)\s+(?:out\s+of|from|of)\s+(?:his|her|their|the\s+[\w-]+['’]s|(?-i:[A-Z])\w+['’]s)\s+(?:wages|pay|salary|paycheck|bonus|commission)\b",
    ),
    (
        "apologi",
        r"\b(?:made|forced|required|told|ordered)\s+to\s+(?:personally\s+|publicly\s+)?apologi[sz]e\b",
    ),
)


def _head_of_unit(s: Sentence, t: Token) -> bool:
    """ "the head of operations", "the head of the sales team": a person by role (not "the head
    of the queue")."""
    if t.lower_ not in ("head", "heads"):
        return False
    for of in t.children:
        if of.lower_ != "of":
            continue
        for unit in of.children:
            if unit.dep_ == "pobj" and (
                s.person_kind(unit) == "group"
                or unit.lower_ in s.w["team_words"]
                or lemma(unit) in ("department", "division", "unit", "function", "engineering")
                or unit.text[:1].isupper()
            ):
                return True
    return False


#: what a word of punishment may describe and still be about punishing people: "punitive
#: measures", "a punitive culture", "a punishing review"
_SANCTION_HEADS = {
    "measure", "action", "step", "response", "approach", "culture", "sanction", "consequence",
    "discipline", "tone", "reaction", "attitude", "mindset", "review", "environment", "process",
    "meeting", "conversation", "talk", "treatment", "regime", "policy", "stance", "damage",
    "way", "message", "note", "email", "memo", "letter", "punishment", "penalty", "retraining",
}  # fmt: skip


# sanctions in plain words of other trades and registers: relieved of duty, a deduction from
# pay, answering to the board, marks off a score, not sent back, "paid off", "how long he lasts"
_PUNITIVE = _PUNITIVE + Alternatives(
    (
        "relieved",
        r"\b(?:was|were|been|be|is|are|being|got|get)\s+(?:\w+\s+)?relieved\s+(?:of\s+(?:his|her|their|the)?\s*"
        r"(?:duty|duties|command|post|position|role|watch|shift|licence|license)|from\s+(?:duty|post))\b",
    ),
    (
        ("deduction", "deductions"),
        r"\b(?:payroll|pay|wage|wages|salary|bonus)\s+deductions?\b[^.;]*\b(?:applied|made|taken|to|from|against)\b",
    ),
    (
        ("answering", "answer"),
        r"\b(?:going\s+to\s+be|will\s+be|is\s+going\s+to|will|gonna|has\s+to|have\s+to|must)\s+"
        r"(?:be\s+)?answer(?:ing)?\s+to\s+(?:the\s+)?(?:board|ceo|cto|cio|cfo|coo|ciso|md|vp|director|management|"
        r"hr|me|us|the\s+chief|head\s+of\s+\w+|their\s+manager|his\s+manager|her\s+manager)\b",
    ),
    (
        ("marks", "points"),
        r"\b(?:marks|points)\s+(?:will\s+be\s+|are\s+being\s+|have\s+been\s+)?(?:taken|knocked|docked)\s+off\s+"
        r"(?:[\w'’-]+\s+){0,3}(?:performance|appraisal|review|bonus|kpi|quality)\b",
    ),
    (
        ("remain", "stay", "continue"),
        r"\bwhether\s+(?:the\s+|our\s+|his\s+|her\s+)?[\w-]+(?:\s+[\w-]+)?\s+should\s+(?:remain|stay|continue)\s+"
        r"(?:in\s+(?:the|his|her|their)\s+(?:role|post|position|job|team)|on\s+(?:the\s+)?(?:team|rota|project|account))\b",
    ),
    (("paid",), r"\b(?:been|was|were|got)\s+paid\s+off\s+and\b"),
    (
        ("long",),
        r"\bhow\s+long\s+(?:he|she|they|s?he)\s+(?:lasts?|survives?|keeps?\s+(?:his|her|their)\s+job)\b",
    ),
    (
        ("back",),
        r"\bnot\s+to\s+send\s+(?:that|the|this|him|her|them)\s*(?:[\w-]+\s+)?back\b",
    ),
    (
        ("out",),
        r"^\W*(?:the\s+)?next\s+(?:person|one|engineer|dev|developer|guy|idiot)\s+(?:who\s+|to\s+)[^.;]*?\b(?:is|will\s+be)\s+out\b",
    ),
    (
        ("revoked", "removed", "suspended", "withdrawn"),
        r"\b(?:access|privileges|rights|permissions)\b[^.;]{0,40}\b(?:is|are|has\s+been|have\s+been|will\s+be)\s+"
        r"(?:revoked|removed|suspended|withdrawn)\s+until\s+(?:they|he|she|you|the\s+team)\b[^.;]*\b(?:prove|trusted|show|earn)\w*\b",
    ),
)


# sanctions in a software team's words: deploys only under supervision, an example made, access
# revoked pending review, probation extended, a query letter from HR
_PUNITIVE = _PUNITIVE + Alternatives(
    (
        ("allowed", "permitted"),
        r"\b(?:won['’]t|will\s+not|will\s+no\s+longer|is\s+no\s+longer|are\s+no\s+longer)\s+(?:be\s+)?"
        r"(?:allowed|permitted)\s+to\s+(?:deploy|merge|push|release|ship|approve|work|touch|drive|operate|fly|"
        r"dispense)\s+(?:[\w-]+\s+){0,3}?(?:without\s+(?:supervision|a\s+(?:buddy|chaperone|second\s+pair)|sign-?off)|"
        r"unsupervised|alone|on\s+(?:his|her|their)\s+own|for\s+the\s+(?:next|rest))",
    ),
    (
        ("example",),
        r"\b(?:an\s+)?example\s+(?:be|is|will\s+be|should\s+be|must\s+be|to\s+be|being)\s+made\s+of\b"
        r"|\bmake\s+an\s+example\s+of\b",
    ),
    (
        ("pending",),
        r"\b(?:his|her|their|your|(?-i:[A-Z])[\w-]*['’]s)\s+(?:[\w-]+\s+){0,3}?(?:access|rights|privileges|permissions|"
        r"licen[cs]e|badge)\b[^.;]{0,30}\b(?:revoked|suspended|removed|pulled|withdrawn)\s+pending\s+"
        r"(?:a\s+|the\s+|an\s+)?(?:review|investigation|inquiry|hearing|outcome)\b",
    ),
    (
        ("probation",),
        r"\bprobation(?:ary)?\s+(?:period\s+)?(?:has\s+been|was|is\s+being|will\s+be)\s+(?:extended|reset|restarted)\b",
    ),
    (
        ("query", "letter", "warning"),
        r"\b(?:issued|given|served|handed)\s+(?:with\s+)?(?:a\s+|an\s+)?(?:query|show[- ]cause|warning|"
        r"disciplinary)\s+letter\b",
    ),
)


@gated(lambda text, _p, _w: bool(_PUNITIVE.search(text)))
@judge
def punitive(s: Sentence) -> Iterator[Hit]:
    """Punishment of people: accountable, consequences, discipline, retraining, their review.
    (A question asks it too: "can we just fire whoever did this?")"""
    if s.states_principle():
        return
    for m in _PUNITIVE.finditer(s.text):
        text = m.group().lower()
        if re.search(
            r"\b(?:rather\s+than|instead\s+of)\s+(?:\w+\s+){0,2}$", s.text[: m.start()], re.I
        ):
            continue  # "rather than retraining individuals, we will fix the UI": set aside
        if re.search(
            r"\b(?:bot|bots|service|token|key|account|app|integration|script|job|runner|robot|ci|cron|"
            r"webhook|client|pipeline|worker|user\s+agent)['’]s?\s+(?:[\w-]+\s+)?(?:access|privileges|rights|"
            r"permissions)\b",
            text,
        ):
            continue  # "the bot's access was revoked pending review": a program's access
        if "punitive" in text and re.search(
            r"\bpunitive\s+(?:rate|limits?|throttl\w*|pricing|fees?|charges?|timeouts?|back-?off|"
            r"retr(?:y|ies)|quotas?|caps?|tiers?|surcharges?|costs?|egress|bills?|billing)\b",
            s.lower,
        ):
            continue  # "the partner API's punitive rate limit": a harsh setting, no sanction
        barred = _BARRED.fullmatch(m.group())
        if barred is not None and not (
            barred.group(1).lower().startswith("the ")
            or (barred.group(1)[:1].isupper() and is_given_name(barred.group(1)))
        ):
            continue  # "Jenkins is no longer allowed to deploy on Fridays": a program's rule
        if barred is not None and not re.search(
            r"\bno\s+longer\b|\bnot\s+be\b|won['’]t\s+be", text
        ):
            continue  # "Priya is allowed to approve releases": a permission, no sanction
        if "punish" in text:
            span = s.doc.char_span(m.start(), m.end(), alignment_mode="expand")
            verb = next(
                (x for x in span if x.lower_.startswith("punish") and x.pos_ == "VERB"), None
            )
            subj = s.subject(verb) if verb is not None else None
            if subj is not None and subj.dep_ == "nsubj" and _thing_noun(s, subj):
                continue  # "the retry logic punished slow clients": a program's harshness
        if "punish" in text and re.search(
            r"\bpunish\w*\s+(?:[\w-]+\s+){0,3}(?:would|will|only|just|tends?\s+to|leads?\s+to|"
            r"makes?|drives?|teaches?)\b",
            s.lower,
        ):
            continue  # "punishing individuals would just teach people to hide near-misses"
        if "discipline" in text and re.search(
            r"\bthe\s+discipline\s+of\s+\w+ing\b|\b(?:engineering|operational|release|process|naming|"
            r"testing|commit|review|config|code|documentation|change|deployment|branch|tagging|logging|"
            r"alerting|schema|version(?:ing)?)\s+discipline\b",
            s.lower,
        ):
            continue  # "the discipline of writing the timeline first": a practice
        if "accountab" in text and re.search(
            r"\baccountable\s+for\s+(?:delivering|shipping|fixing|completing|owning|running|"
            r"implementing|tracking|driving|landing)\b",
            s.lower,
        ):
            continue  # "the platform team is accountable for delivering the fix by Q3": ownership
        if re.search(
            r"\b(?:nothing|none\s+of\s+(?:this|it|what)|no\s+part\s+of)\b[^.;]*?\b(?:would|will)\s+be\s+used\b",
            s.lower,
        ):
            continue  # "the partner API's punitive rate limit": a harsh setting, no sanction
        if "accountab" in text and re.search(
            r"\baccountable\s+for\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:"
            + "|".join(s.w["ownership_objects"])
            + r")\b",
            s.lower,
        ):
            continue
        if "accountability" in text and re.search(
            r"\b(?:service|ownership|clear|team)\s+accountability\b|\baccountability\s+for\s+(?:the\s+)?(?:service|system|runbook|slo)"
            r"|\baccountability\s+for\s+(?:the\s+|our\s+|a\s+)?(?:[\w-]+\s+){0,3}?(?:redesign|fix|fixes|checklist|"
            r"remediation|rollout|project|improvements?|migration|follow-?ups?|action\s+items?)\b",
            s.lower,
        ):
            continue  # "accountability for the alerting redesign sits with the observability team"
        if "accountab" in text and re.search(
            r"\baccountable\s+(?:owner|lead|person\s+for\s+the\s+fix)\b", s.lower
        ):
            continue  # "Elif is the accountable owner for the new checklist": who owns the fix
        if "disciplined" in text and re.search(
            r"\bdisciplined\s+(?:use|approach|process|rollout|engineering|practice|way|testing|release)",
            s.lower,
        ):
            continue  # "disciplined use of feature flags": a way of working, not a sanction
        if "performance review" in text and re.search(
            r"\bperformance\s+reviews?\s+(?:[\w']+\s+){0,4}?(?:of|on)\s+(?:the|a|an|our|its|this)\s+(?!(?:engineer|developer|operator|team|person|on-?call|intern|contractor)s?\b)",
            s.lower,
        ):
            continue  # "a performance review of the query planner": how fast a thing runs
        if re.search(
            rf"\b{MACHINES}\b[^.;]{{0,40}}\b(?:removed|taken|pulled|dropped)\s+(?:out\s+)?(?:from|of)\s+"
            r"(?:the\s+)?(?:rotation|pool)\b",
            s.lower,
        ):
            continue  # "the node was removed from rotation": a machine out of the load balancer
        if "retrain" in text and re.search(
            r"\b(?:model|models|classifier|network|ml|embeddings?|index|drift|dataset|data|"
            r"pipeline|weights)\b|\bretraining\s+(?:run|job|jobs|schedule|pipeline|step)\b",
            s.lower,
        ):
            continue
        span = s.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if (
            span is not None
            and (s.quoted(span[0]) or _negated_near(s, span[0]))
            and "no consequences" not in s.lower
        ):
            continue
        root = span.root if span is not None else None
        if root is not None and root.dep_ == "amod":
            root = root.head  # ("disciplinary action is not part of this review")
        if root is not None and root.dep_ in ("nsubj", "nsubjpass") and s.negated(root.head):
            continue  # "retraining is not listed as an action"
        if span is not None and len(span) == 1:
            word = span[0]
            if (
                word.dep_ == "amod"
                and word.lower_ in ("punitive", "punishing")
                and word.head.lemma_.lower() not in _SANCTION_HEADS
                and not s.person_kind(word.head)
            ):
                continue  # "the punishing heat", "the punitive interest rate": harsh things
        if re.search(
            r"\b(?:nobody|no\s+one|none\s+of|not|never|won't|isn't|aren't|n't)\b",
            s.text[: m.start()],
            re.I,
        ):
            continue  # "nobody here is going to be fired": the blameless promise
        if re.search(r"\b(?:fired|terminated|suspended|sacked|let\s+go|demoted|dismissed)\b", text):
            verb = next(
                (
                    x
                    for x in s.doc
                    if x.idx >= m.start()
                    and x.lower_
                    in ("fired", "terminated", "suspended", "sacked", "let", "demoted", "dismissed")
                ),
                None,
            )
            clause = (
                next((c for c in verb.children if c.dep_ in ("csubj", "csubjpass")), None)
                if verb is not None
                else None
            )  # "whoever leaked the notes will be let go": the clause's own subject is the one
            if clause is not None:
                holder = next((c for c in clause.children if c.dep_ == "nsubj"), clause)
            else:
                holder = s.subject(verb) if verb is not None else None
            whose = (
                next((c for c in holder.children if c.dep_ == "poss"), None)
                if holder is not None and lemma(holder) in ("engagement", "contract", "employment")
                else None
            )  # "the contractor's engagement was terminated": the person's
            if (
                holder is not None
                and not s.person_kind(holder)
                and holder.lower_ not in ("who", "whoever")
                and not _head_of_unit(s, holder)
                and not (
                    whose is not None
                    and s.person_kind(whose) in ("person", "group")
                    and lemma(whose) not in ("vendor", "supplier", "provider", "partner")
                )
            ):
                continue  # "multiple calls were fired", "the pods were terminated"
        if "repercussion" in text and not re.search(
            r"\brepercussions?\s+for\s+(?:this|that|it|the\s+(?:team|engineer|person|people)|him|her|them|whoever)|\b(?:be|need|needs|must|will)\s+(?:to\s+be\s+)?(?:\w+\s+)?repercussions\b",
            s.lower,
        ):
            continue  # "had repercussions on how users connect": effects, not punishment
        yield m.start(), m.end(), None
        return


_NO_ONE = {"nobody", "noone", "no-one", "none"}
_CONDITION_MARKS = {"if", "unless", "until", "when", "whenever", "once"}


def _no_one(s: Sentence, t: Token) -> bool:
    """ "nobody", "no one", "no engineer": a subject that names no one."""
    if t.lower_ in _NO_ONE:
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in t.children) and (
        t.lower_ == "one" or s.person_kind(t) in ("person", "group")
    )


def _sanction_denied(s: Sentence) -> bool:
    """ "Nobody is losing their job", "no engineer will be disciplined for the rollback": a
    sanction said to fall on no one is a reassurance. True when some clause's subject names no
    one, outside a condition ("if nobody owns up, we will discipline the team" is a threat), and
    no other clause has a person for its subject but the speaker."""
    denied = False
    for t in s.doc:
        if t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if _no_one(s, t):
            if any(c.dep_ == "relcl" for c in t.children) or any(
                c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in t.head.children
            ):
                return False  # ("no one who touched prod that night keeps their access")
            if t.head.dep_ in ("advcl", "relcl", "ccomp") and t.head.head.dep_ == "ROOT":
                continue  # ("make an example of him so nobody tries it again": a purpose)
            denied = True
        elif t.lower_ not in ("i", "we", "you", "me", "us") and s.person_kind(t) in (
            "person",
            "group",
        ):
            return False
    return denied


#: someone else's question or claim about blame, reported: "the family asked who was to blame",
#: "customers reckoned it was the operator's fault", "the claimant was told it was the handler's"
_BLAME_REPORTED = re.compile(
    r"\b(?:ask(?:ed|ing|s)?|wonder(?:ed|ing|s)?|reckon(?:ed|s)?|thought|said|told|claim(?:ed|s)?|"
    r"suggest(?:ed|s)?|assum(?:ed|es)|speculat(?:ed|es)|insist(?:ed|s)?|believ(?:ed|es)|felt|"
    r"complain(?:ed|s)?|want(?:ed|s)?\s+to\s+know)\b[^;:.?!]{0,40}?"
    r"\b(?:who(?:['’]s|\s+is|\s+was|\s+to)?|whose|(?:that\s+)?it\s+(?:was|is|['’]s)|whether)\b",
    re.I,
)
#: ... and answered in the same sentence: "; the honest answer is that our release process",
#: ", but the scanner was reading the wrong barcode", "; that isn't our view"
_ANSWERED = re.compile(
    r"(?:[;:,—–-]|\band\b)\s*(?:(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:explained|redirected|answered|"
    r"replied|clarified|responded|pointed\s+out|steered|turned|brought|moved)\b|but\b(?!\s+(?:he|she|they|him|her|them|nobody|no\s+one|"
    r"everyone|we\s+all|let['’]s|of\s+course)\b)|(?:the\s+)?(?:\w+\s+)?answer\s+(?:is|was)\b|(?:that|this)\s+"
    r"(?:isn['’]t|is\s+not|wasn['’]t|was\s+not|['’]s\s+not)\b|(?:i|we)\s+(?:explained|said|told|"
    r"answered|replied|pointed\s+out)\b|in\s+fact\b|actually\b|the\s+(?:real\s+|actual\s+)?"
    r"(?:cause|issue|problem|answer)\s+(?:is|was)\b)",
    re.I,
)


def _blame_reported_answered(s: Sentence) -> bool:
    m = _BLAME_REPORTED.search(s.text)
    return m is not None and _ANSWERED.search(s.text, m.end()) is not None


from pmdesk.lint import frames as _frames  # noqa: E402,F401  (registers the frame judges)
from pmdesk.lint import phrases as _phrases  # noqa: E402,F401  (registers the idiom judges)

#: the rules named "<category>.model" in blame.toml: the engine asks pmdesk.lint.sentence_model
#: about every sentence no other rule flags, and keeps its answer only when one of these rules
#: (the answer's category) is in force. No parse is asked for them.
MODEL_JUDGE = "sentence_model"


def _model_judge(s: Sentence) -> Iterator[Hit]:
    """Answered by the engine, not from the parse (see MODEL_JUDGE)."""
    return iter(())


JUDGES[MODEL_JUDGE] = _model_judge
