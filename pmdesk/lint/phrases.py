"""Judges whose blame is carried by an idiom rather than by who did what.

Each is a `phrase_judge`: patterns over the raw sentence, vetoed when the phrase is negated,
never asked of a sentence that states the blameless principle. They are families of idiom, each
written from the way the idiom works, not from any one sentence: foresight claimed after the fact
("predictably, ...", "the warning signs were there"), avoidability priced in seconds ("a
two-minute look would have spared us"), sanctions by way of rotas, HR and pay, a fix that is a
reminder to people, verdicts by standard ("falls short of what I expect"), teams that sat on or
looked away from the work, and duties stated as what someone was meant to do.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache

from pmdesk.lint.alternatives import Alternatives
from pmdesk.lint.judges import (
    _NOT_EXHORTED,
    MACHINES,
    _negation_before,
    credit_not_blame,
    phrase_judge,
)
from pmdesk.lint.names import is_given_name
from pmdesk.lint.ruleset import builtin_text

#: a capitalised word that may be a name (not "It", "This", "There" opening a sentence)
_NAME = (
    r"(?!(?:it|this|that|there|these|those|what|which|everything|nothing|something|each|every|"
    r"all|our|their|its|no|one|some|any|ideally|if)\b)(?-i:[A-Z])[a-z]+"
)
_WHO = (
    r"(?:he|she|they|you|" + _NAME + r"|the\s+(?:[\w-]+\s+)?(?:engineer|on-?call|responder|"
    r"team|operator|developer|reviewer|admin|dba|sre|lead|manager|intern|contractor))"
)

# ---------------------------------------------------------------- hindsight: it was foreseeable

_FORESEEN = Alternatives(
    (
        ("foreseen", "guessed", "predictably", "predicted", "surprise", "told", "unsurprisingly"),
        r"^\W*(?:predictably|unsurprisingly|to\s+no\s+one['’]s\s+surprise|surprise,\s+surprise|as\s+(?:anyone|everyone|anybody)\s+could\s+have\s+(?:predicted|foreseen|guessed|told\s+you))\s*[,—–:]",
    ),
    (
        ("clear", "evident", "foreseeable", "obvious", "predictable"),
        r"\bit\s+(?:was|is)\s+(?:\w+ly\s+)?(?:obvious|clear|evident|predictable|foreseeable)\s+(?:that\s+)?(?:this|it|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:would|was\s+going\s+to|were\s+going\s+to)\b",
    ),
    (
        "surely",
        r"\bsurely\b[^.?!]*\b(?:clear|obvious|known|knew|saw|realised|realized|predictable|foreseeable)\b",
    ),
    (
        ("flags", "signs", "writing"),
        r"\b(?:warning\s+signs|red\s+flags|signs|writing)\s+(?:had\s+been|were|was|have\s+been)\s+(?:all\s+)?(?:there|everywhere|on\s+the\s+wall)\b",
    ),
    (
        "jump",
        r"\bjumps?\s+(?:right\s+)?(?:off|out\s+(?:at|of))\s+(?:the\s+page|the\s+screen|you)\b",
    ),
    ("staring", r"\bstaring\s+(?:\w+\s+)?in\s+the\s+face\b"),
    (
        ("classic", "schoolbook", "textbook"),
        r"\b(?:textbook|classic|schoolbook)\s+(?:case|example)\s+of\s+(?:not\s+\w+ing|ignoring|skipping|forgetting|rushing|cutting|someone|people|engineers|a\s+team)\b",
    ),
    ("right", r"\bin\s+(?:their|his|her|your)\s+right\s+mind\b"),
    (
        ("body", "one"),
        r"^\W*(?:did|has|had|does)\s+(?:no\s+one|nobody|no-one)\s+(?:\w+\s+)?(?:think|check|notice|look|read|test|consider|realise|realize|bother|stop)\b",
    ),
    (
        ("honestly", "really", "truly"),
        r"\b(?:really|honestly|truly)\s+(?:that|so)\s+(?:surprising|unexpected|hard|difficult)\b",
    ),
    (
        ("honestly", "really", "truly"),
        r"\b(?:was|is)\s+it\s+(?:really|honestly|truly)\s+(?:so\s+|that\s+)?(?:hard|difficult|surprising)\b",
    ),
    (
        "surpris",
        r"\b(?:nobody|no\s+one|no-one|none\s+of\s+us)\s+can\s+(?:honestly\s+)?(?:claim|pretend|say)\b[^.?!]*\bsurpris",
    ),
    (
        "warned",
        r"\b(?:had|['’]d)\s+been\s+warned\s+(?:about\s+(?:this|exactly|precisely|that)|repeatedly|more\s+than\s+once|(?:twice|three\s+times|many\s+times))\b",
    ),
    ("much", r"\btoo\s+much\s+to\s+ask\b"),
    (
        "front",
        r"\bhad\s+(?:all\s+)?(?:the\s+)?(?:clues|information|signs|evidence|facts)\s+(?:right\s+)?in\s+front\s+of\s+(?:him|her|them|you|us)\b",
    ),
    (
        ("avoidable", "foreseeable", "predictable"),
        r"\b(?:the\s+)?most\s+(?:predictable|foreseeable|avoidable)\s+(?:outage|incident|failure|thing|mistake)\b",
    ),
    (
        "must",
        r"\b(?:he|she|they|"
        + _NAME
        + r")\s+must\s+have\s+(?:realised|realized|known|seen|noticed)\b",
    ),
    (
        ("hindsight", "looking", "retrospect"),
        r"\b(?:looking\s+(?:at\s+it\s+)?(?:back|now)|in\s+hindsight|in\s+retrospect)\b[^.?!]*\b(?:impossible|hard)\s+to\s+miss\b",
    ),
    (
        "many",
        r"\bhow\s+many\s+times\s+(?:do|does|must|will|did|have)\s+(?:we|they|you|people|engineers)\b",
    ),
    (
        "always",
        r"\bwas\s+always\s+going\s+to\s+(?:bite|fail|break|happen|blow|end\s+badly|go\s+wrong|catch)\b",
    ),
    (
        "coming",
        r"\b(?:we\s+all|everyone|everybody|anyone|anybody|we|they|you)\s+(?:could\s+)?(?:saw|see|seen|have\s+seen)\s+(?:this|it|that)(?:\s+one)?\s+coming\b",
    ),
    (
        "coming",
        r"\bwho\s+(?:didn['’]t|did\s+not|couldn['’]t|could\s+not)\s+see\s+(?:[\w-]+\s+){0,4}coming\b",
    ),
    (
        "how",
        r"^\W*how\s+(?:could|did|do|can)\s+(?:nobody|no\s+one|no-one|none\s+of\s+us|we\s+not|they\s+not)\s+(?:have\s+)?(?:see|seen|notice|noticed|spot|spotted|catch|caught|realise|realize|realised|realized|know|known)\b",
    ),
    (
        "known",
        r"\b(?:was|were)\s+(?:well|widely)\s+known\s+(?:\w+\s+){0,2}(?:before|ahead\s+of|prior\s+to)\b",
    ),
    ("surprised", r"\b(?:act|acting|pretend|pretending|play|playing)\s+(?:to\s+be\s+)?surprised\b"),
    (
        "why",
        r"^\W*why\s+would\s+(?:you|anyone|anybody|someone|somebody|they|he|she)\s+(?:ever\s+)?(?:\w+\s+){0,2}\w+",
    ),
    (
        ("anybody", "anyone", "somebody", "someone"),
        r"^\W*(?:was|were|is|did)\s+(?:anybody|anyone|somebody|someone)\s+(?:actually|even|really)\b",
    ),
    (
        "there",
        # the sign in plain view: "the warning was right there on the screen in red", "the cert
        # expiry date was sitting right there on the dashboard", "the alert was there the
        # whole time"
        r"\b(?:warnings?|alerts?|alarms?|errors?|messages?|dates?|readings?|flags?|signs?|values?|"
        r"numbers?|figures?|graphs?|trends?|banners?|pop-?ups?|notices?|labels?|evidence|clues?|answers?)"
        r"\s+(?:was|were|had\s+been)\s+(?:(?:sitting|showing|flashing|displayed)\s+)?(?:right\s+there"
        r"(?!\s+(?:for|when)\s+(?:the|us|them|anyone)\b)|there\s+(?:the\s+whole\s+time|all\s+along))\b",
    ),
    (
        ("clear", "obvious", "plain", "evident"),
        # plainness insisted on: "it was very clear from the temperature logs that the fridge
        # was not holding", "the readings made it perfectly clear the slope was about to go"
        r"\b(?:was|is|made\s+it)\s+(?:very|perfectly|abundantly|crystal|painfully|blindingly|so|"
        r"completely|totally)\s+(?:clear|obvious|plain|evident)\s+(?:from\s+[^.;]{1,50}?\s+)?(?:that\s+)?"
        r"(?:the|a|an|this|it|our|their)\b",
    ),
)


def _name_not_person(text: str, m: re.Match[str]) -> bool:
    """The capitalised word the phrase needs a person for is no given name ("Kafka must have
    seen the offsets")."""
    caps = re.findall(r"\b(?-i:[A-Z])[a-z]+\b", m.group())
    named = [w for w in caps if w.lower() not in ("the", "surely", "it", "did", "has", "had")]
    if not named or re.search(r"\b(?:he|she|they|the\s+\w+)\s+must\b", m.group(), re.I):
        return False
    return not any(is_given_name(w) for w in named) and bool(
        re.search(r"\bmust\s+have\b", m.group(), re.I)
    )


_NOT_FORESEEN = _negation_before(r"\b(?:not|never|wasn['’]t|isn['’]t)\s+(?:\w+\s+){0,2}$")
phrase_judge(
    "hindsight_foreseen",
    _FORESEEN,
    questions=True,
    vetoed=lambda text, m: _NOT_FORESEEN(text, m) or _name_not_person(text, m),
)

# ------------------------------------------------- preventable: priced in seconds, or needless

_CHEAP = (
    r"(?:just\s+one|a\s+single|a\s+simple|a\s+quick|a\s+basic|a\s+cursory|one\s+quick|one\s+simple|"
    r"(?:a\s+few|one|two|three|five|ten|fifteen|thirty|sixty|\d+)[\s-](?:seconds?|minutes?)\s+(?:of|spent)|"
    r"(?:a|one)\s+(?:\w+|\d+)-(?:second|minute))"
)
#: what a person does in a moment: a look, a check, a question (not "a simple alert")
_MOMENT = (
    r"(?:[\w`'’-]+\s+){0,4}?(?:look|glance|check|checking|review|read|reading|test|question|rollback|"
    r"roll-?back|plan|peek|dry[\s-]run|conversation|call|ping|message|care|attention|thought)\b"
)
_PRICED = Alternatives(
    (
        ("needed", "required", "take", "took"),
        r"\ball\s+(?:it|that)\s+(?:would\s+have\s+taken|would\s+take|took|needed|required)\s+(?:was|is|would\s+have\s+been)\b",
    ),
    (
        ("aved", "pared"),
        r"\bwould\s+have\s+(?:spared|saved)\s+(?:us|them|everyone|the\s+team|customers|the\s+company)\b",
    ),
    (
        ("avoided", "caught", "flagged", "prevented", "saved", "spared", "stopped"),
        r"\b"
        + _CHEAP
        + r"\s+"
        + _MOMENT
        + r"[^.;]{0,60}?\bwould\s+have\s+(?:avoided|prevented|caught|stopped|spared|saved|flagged)\b",
    ),
    (
        ("does", "never", "non", "wouldn"),
        r"^\W*(?:"
        + _CHEAP
        + r"|one|a)\s+"
        + _MOMENT
        + r"[^.;]{0,60}?\band\s+(?:this|it|customers|users|we|nobody|no\s+one|none\s+of\s+(?:this|it))\s+(?:never|doesn['’]t|does\s+not|wouldn['’]t|would\s+never|would\s+(?:be|have\s+been)\s+a\s+non)\b",
    ),
    ("version", r"\bno\s+version\s+of\s+(?:this|events|the\s+(?:incident|outage|story))\b"),
    ("good", r"\bfor\s+no\s+good\s+reason\b"),
    (
        ("needless", "pointless"),
        r"\b(?:was|is|were)\s+(?:entirely\s+|completely\s+|totally\s+|wholly\s+)?(?:needless|pointless)\b",
    ),
    (
        ("needless", "pointless", "unnecessary"),
        r"\b(?:a|an|this|the|that)\s+(?:entirely\s+|completely\s+|totally\s+|wholly\s+)?(?:needless|pointless|unnecessary)\s+(?:outage|incident|failure|loss|downtime|episode)\b",
    ),
    (
        "right",
        r"\bwas\s+(?:sitting\s+)?right\s+there\s+in\s+the\s+(?:runbook|docs|documentation|wiki|ticket|alert|logs?)\b",
    ),
    ("within", r"\bwithin\s+reach\s+if\b"),
    (
        "there",
        r"\bthere(?:['’]d|\s+would)\s+be\s+no\s+(?:postmortem|incident|outage|review|retro|meeting)\b",
    ),
    (
        "turned",
        r"\bturned\s+(?:a|an)\s+(?:non-event|minor|small|routine|trivial|harmless)\b[^.;]*\binto\s+(?:a|an)\b",
    ),
    (
        "would",
        r"^\W*\w+ing\s+(?:[\w-]+\s+){0,5}?(?:properly|carefully|correctly|first|once)\s+would\s+have\b",
    ),
    (
        ("attention", "care", "checking", "diligence", "reading", "thought"),
        r"\b(?:seconds?|minutes?)\s+of\s+(?:care|attention|diligence|checking|thought|reading)\b",
    ),
)
phrase_judge(
    "preventable_cheap",
    _PRICED,
    vetoed=_negation_before(r"\b(?:not|never|no\s+one\s+can\s+say)\s+(?:\w+\s+){0,2}$"),
)

# ------------------------------------------------------- punitive: rotas, HR, pay, strikes

_SANCTION = re.compile(
    r"\b(?:HR|human\s+resources)\s+(?:in\s+the\s+loop|involved|present|on\s+the\s+call|in\s+the\s+room|to\s+(?:open|start|file|look))\b"
    r"|\b(?:loop|looped|looping|bring|brought|bringing|get|getting|involve|involving)\s+(?:in\s+)?(?:HR|human\s+resources)\b|\basked\s+(?:HR|human\s+resources)\b"
    r"|\bopen\s+a\s+file\s+on\b|\brepeat\s+offenders?\b|\bthree\s+strikes\b|\b(?:one|two|last)\s+more\s+strike\b"
    r"|\b(?:be\s+removed|removed|removing|remove|kicked|kicking|banned|barred|benched|suspended|pulling|pulled)\s+(?:(?-i:[A-Z])[a-z]+\s+|him\s+|her\s+|them\s+)?(?:off|out\s+of|from)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}(?:rota|rotation|roster)|(?:[\w-]+\s+)?(?:incident|response|responder|on-?call|release|reviewer|review|deploy)\s+pool)\b"
    r"|\b(?:you['’]re|you\s+are|she['’]s|he['’]s|they['’]re)\s+(?:off|out\s+of)\s+the\s+(?:[\w-]+\s+){0,2}(?:rota|rotation|team|roster)\b"
    r"|\bif\s+"
    + _WHO
    + r"\s+(?:does|do|pulls?|tries)\s+(?:this|that|it|something\s+like\s+this)\s+again\b[^.;]*\b(?:out|gone|done|fired|finished)\b"
    r"|\buntil\s+"
    + _WHO
    + r"\s+(?:completes?|finish(?:es)?|pass(?:es)?)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}(?:course|training|certification)\b"
    r"|\b(?:dock|docks|docking|docked)\b[^.;]*\b(?:score|pay|bonus|rating|objectives|points|salary)\b"
    r"|\bbonus\s+(?:eligibility|payout|pool|calculation)\b|\bbonus(?:es)?\b[^.;]*\bon\s+hold\b|\bheads?\s+(?:is|are|will\s+be)\s+on\s+the\s+(?:block|chopping\s+block|line)\b|\bchopping\s+block\b"
    r"|\bwon['’]t\s+be\s+(?:getting\s+)?promoted\b|\b(?:no|not\s+(?:be\s+)?(?:getting\s+)?a?)\s*promotion\s+this\s+(?:cycle|year|round|half)\b"
    r"|\b(?:get|gets|getting|got|receive|receives|received|earn|earns|earned|deserves?|deserved)\s+(?:a\s+)?(?:formal\s+|official\s+)?write-?up\b"
    r"|\b(?:follow|following)\s+up\s+with\s+(?:their|his|her)\s+managers?\b|\bnames\s+of\s+(?:everyone|everybody|anyone|the\s+people|those)\s+who\b",
    re.I,
)
#: a machine taken out of a pool: "the node was removed from rotation"
_MACHINE_OUT = re.compile(
    rf"\b{MACHINES}\s+(?:[\w-]+\s+)?(?:was|were|got|is|are|has\s+been|have\s+been|had\s+been)\s+$",
    re.I,
)
phrase_judge(
    "sanction",
    _SANCTION,
    vetoed=lambda text, m: (
        _negation_before(r"\b(?:not|never|nobody|no\s+one|won['’]t|will\s+not)\b[^.;]*$")(text, m)
        or _MACHINE_OUT.search(text[: m.start()]) is not None
    ),  # ("the health check failed and the node was removed from rotation")
)

# --------------------------------------- human error: the fix is a reminder, the cause a slip

_REMINDER = re.compile(
    r"\b(?:action\s+items?|corrective\s+actions?|mitigations?|remediations?|preventive\s+(?:measures?|actions?)|"
    r"preventative\s+(?:measures?|actions?)|lessons?\s+learned|takeaways?|follow-?ups?|going\s+forward|next\s+time|fix)\b[^.?!]*?"
    r"\b(?:remind(?:ed|ing|er)?\s+(?:to\s+)?(?:all\s+)?(?:staff|engineers|operators|everyone|everybody|the\s+(?:[\w-]+\s+)?team|people|developers|reviewers|responders|on-?call)"
    r"|memo|more\s+carefully|more\s+careful|(?:take|taking|takes)\s+(?:more|extra|greater)\s+care|pay(?:ing|s)?\s+(?:closer|more)\s+attention|slow\s+down|be\s+(?:more\s+)?vigilant)\b"
    r"|\b(?:staff|engineers|operators|everyone|the\s+(?:[\w-]+\s+)?team|developers|reviewers|responders)\s+(?:were\s+|have\s+been\s+|has\s+been\s+|was\s+|will\s+be\s+)?reminded\s+to\b"
    r"|\b(?:will|must|shall|need\s+to|needs\s+to)\s+(?:now\s+)?pay\s+(?:closer|more)\s+attention\b"
    r"|\b(?:asked|ask|asking|told|tell|telling|reminded|remind)\s+(?:everyone|everybody|all\s+\w+|engineers|staff|operators|the\s+(?:[\w-]+\s+)?team|people|developers|reviewers)\s+to\s+(?:pay\s+(?:closer|more)\s+attention|be\s+(?:more\s+|extra\s+)?(?:careful|vigilant)|take\s+(?:more|extra)\s+care|slow\s+down|double-check)\b"
    r"|\bslipped\s+through\s+the\s+cracks\b"
    r"|\b(?:one|a|single)\s+(?:wrong|bad|mistyped|stray|errant|misplaced)\s+(?:keystroke|key\s*press|click|character|command|flag)\b[^.;]*\b(?:nothing|came\s+down|cause|was\s+it)\b"
    r"|\bcame\s+down\s+to\s+(?:one|a|a\s+single)\s+(?:wrong|bad|mistyped|stray|errant)\b"
    r"|\bon\s+the\s+human\s+side\b|\b(?:error|mistake|slip)\s+(?:made|committed)\s+by\s+(?:a|an|one|the)\s+(?:\w+\s+){0,3}?(?:member|engineer|employee|operator|person|individual|developer|admin|staff)\b"
    r"|\blapse\s+(?:in|of)\s+(?:attention|concentration|judg(?:e)?ment|focus|vigilance)\b|\bbetween\s+the\s+(?:chair|desk)\s+and\s+the\s+keyboard\b",
    re.I,
)


def _reminder_refused(text: str, m: re.Match[str]) -> bool:
    """Negated, or the reminder is the fix the sentence turns down ("the fix is to make the
    path safe, not to ask people to be more careful")."""
    if re.search(
        r"^\s*(?:[\w-]+\s+){0,4}?(?:is|are)\s+not\b|^\s*(?:[\w-]+\s+){0,4}?isn['’]t\b|^[^.;]*\binstead\b",
        text[m.end() :],
        re.I,
    ):
        return True  # "telling people to be careful is not an action item": the principle
    return _NOT_EXHORTED(text, m) or bool(
        re.search(
            r"\b(?:not|never|rather\s+than|instead\s+of|no\s+longer|without)\s+(?:to\s+|by\s+)?"
            r"(?:ask|asking|tell|telling|remind|reminding|rely|relying|depend|depending|expect|expecting)\b"
            r"|\bnot\s+to\s+be\s+(?:more\s+|extra\s+)?(?:careful|vigilant)\b",
            m.group(),
            re.I,
        )
    )


phrase_judge("reminder", _REMINDER, vetoed=_reminder_refused)

# ----------------------------------------------- judgmental: verdicts by a standard not met

_SHORT_OF = re.compile(
    r"\b(?:baffling|bizarre|inexplicable|indefensible|incomprehensible|head-scratching|mystifying)\s+(?:decision|choice|call|move|idea|thing\s+to\s+do)\b"
    r"|\bnot\s+(?:great|good|the\s+best|sound)\s+judg(?:e)?ment\b|\bfalls?\s+(?:well\s+|far\s+|way\s+)?short\s+of\s+(?:what\s+(?:I|we)|the\s+standard|our\s+standards?|(?:my|our)\s+expectations)\b"
    r"|\bnot\s+the\s+(?:standard|level|kind)\s+of\s+(?:\w+\s+)?(?:diligence|care|professionalism|rigou?r|work|judg(?:e)?ment)\s+(?:we|I)\s+expect\b"
    r"|\bhow\s+casually\b|\b(?:treated|handled|approached)\s+(?:so\s+|this\s+|very\s+)?casually\b"
    r"|\b(?:come|came|comes|coming)\s+across\s+as\s+(?:\w+\s+)?(?:indifferent|careless|lazy|dismissive|uninterested|arrogant|clueless|incompetent|cavalier|negligent)\b"
    r"|\b(?:I|we)\s+expect\s+(?:much\s+|a\s+lot\s+|far\s+)?better\s*(?:from\b|of\b|next\s+time\b|than\s+this\b|[.!]?$)|\banother\s+(?:brilliant|genius|stellar)\s+(?:idea|move|plan|call)\b"
    r"|\bclearly\s+(?:didn['’]t|did\s+not|doesn['’]t|does\s+not)\s+(?:understand|know|grasp|read|care)\b"
    r"|\btells?\s+(?:you\s+)?(?:a\s+lot|everything|all\s+you\s+need\s+to\s+know)\s+about\s+(?:someone|somebody|their|his|her|the\s+(?:team|engineer|person))"
    # a standard a person fell short of: "fell well below acceptable standards", "not performed
    # to the standard we would reasonably expect of an engineer"
    r"|\bf[ae]ll(?:s|ing)?\s+(?:well\s+|far\s+|way\s+|a\s+long\s+way\s+)?(?:short\s+of|below)\s+(?:what\s+(?:is|was|would\s+be)\s+"
    r"(?:expected|required|acceptable)|(?:any\s+|the\s+)?acceptable\s+(?:standards?|levels?)|the\s+(?:standards?|level)\s+"
    r"(?:expected|required|of)|(?:our|the\s+expected)\s+standards?|expectations)\b"
    r"|\bnot\s+(?:performed|done|carried\s+out|completed|conducted)\s+to\s+the\s+standard\s+(?:we|one|I)\s+"
    r"(?:would\s+)?(?:reasonably\s+)?expect\b"
    r"|\bas\s+(?:badly|poorly)\s+as\s+(?:it\s+is\s+|it['’]s\s+)?(?:humanly\s+)?possible\b"
    r"|\bnothing\s+says\s+(?:quality|professionalism|care|competence|excellence|reliability|attention\s+to\s+detail)\s+like\b"
    r"|\bclown\s+(?:move|show|behaviou?r|decision|call)\b"
    r"|\b(?:poor|shoddy|sloppy|lousy|terrible|shocking(?:ly\s+poor)?)\s+piece\s+of\s+(?:work|engineering|code)\b"
    r"|\b(?:impressive|world[\s-]class|stellar|excellent|top-?notch|outstanding)\s+(?:work|job|effort)\s+"
    r"(?:deleting|dropping|wiping|breaking|taking\s+down|nuking|crashing|corrupting|losing)\b",
    re.I,
)
_NOT_NEGATED_SHORT = _negation_before(r"\b(?:not|never|nobody)\s+(?:\w+\s+){0,2}$")
#: whose standard: a person's, or a person's conduct or work ("the driver's conduct … fell well
#: below", not "latency fell well below the standard expected of the premium tier")
_SOMEONES = re.compile(
    r"['’]s\b|\b(?:conduct|performance|work|handling|response|behaviou?r|he|she|they|you|his|her|"
    r"their|engineer|operator|driver|team|staff|crew|judge?ments?|decisions?|choices?|calls?)\b",
    re.I,
)


def _short_of_vetoed(text: str, m: re.Match[str]) -> bool:
    if _NOT_NEGATED_SHORT(text, m):
        return True
    return bool(re.match(r"f[ae]ll", m.group(), re.I)) and not _SOMEONES.search(text[: m.start()])


phrase_judge("short_of", _SHORT_OF, vetoed=_short_of_vetoed)

# ---------------------------------- group blame: work sat on, looked away from, let lapse

_NEGLECT = re.compile(
    r"\b(?:looked|look|looking|looks)\s+the\s+other\s+way\b|\bturn(?:ed|ing|s)?\s+a\s+blind\s+eye\b"
    r"|\b(?:sat|sitting|sit|sits)\s+on\s+(?:the|that|this|those|these|their|our|a|an|customer|user)\s+(?:[\w-]+\s+){0,2}(?:tickets?|reports?|complaints?|alerts?|pages?|escalations?|prs?|pull\s+requests?|requests?|bugs?|fix|patch|issues?|reviews?|emails?)\b"
    r"|\b(?:held|holding|hung|hanging)\s+(?:onto|on\s+to)\b[^.;]{0,60}\binstead\s+of\b"
    r"|\b(?:let|lets|letting)\s+(?:the\s+|a\s+|an\s+|their\s+|our\s+|its\s+)?(?:[\w-]+\s+){0,3}(?:lapse|rot|languish|fester)\b"
    r"|\blet\s+(?:the\s+|a\s+|an\s+|their\s+|our\s+|its\s+)?(?:[\w-]+\s+){0,2}(?:certificate|cert|domain|contract|licen[cs]e|subscription|registration|token|key|warranty|support\s+plan)\s+expire\b"
    r"|\bnot\s+(?:one|a\s+single)\s+(?:person|engineer|member|responder|reviewer|soul|human|developer|one)\b(?!\s+(?:was|were)\s+(?:hurt|harmed|affected|paged|woken))"
    r"|\bnever\s+once\s+(?:looked|checked|tested|opened|read|asked|verified|reviewed|ran|tried|bothered)\b"
    r"|\btoo\s+busy\s+\w+ing\b[^.;]*\bto\s+(?:\w+\s+)?(?:roll|look|check|respond|answer|act|fix|notice|escalate|fail|move|page|call|ack|acknowledge|revert)\b"
    r"|\b(?:their|his|her)\s+(?:own\s+)?mess\b",
    re.I,
)
#: a crew, shift or team that never did a part of its own work: "the morning crew never
#: restocked the sterile packs" (not what it never knew, saw, got or was told)
_GROUP_NEVER = re.compile(
    r"(?:\b(?:the|our|their|that|this|whole)\s+(?:[\w-]+\s+){0,2}(?:team|crew|shift|staff|squad|"
    r"department|desk|folks|guys|lot|contractors|engineers|guards|officers|nurses|drivers|operators|"
    r"technicians|cleaners|porters|administrators|admins|managers|supervisors|dispatchers|units|"
    r"patrols|clerks|inspectors|wardens|stewards|marshals|invigilators|reviewers|testers|"
    r"developers|devs|planners|loaders|pickers|electricians|fitters|mechanics|crews|teams|shifts)"
    r"|^\W*(?:housekeeping|reception|dispatch|catering|facilities|payroll|procurement|registry|"
    r"estates|admissions|maintenance|security))\s+(?:never|didn['’]t|did\s+not|failed\s+to|neglected\s+to|"
    r"forgot\s+to)\s+(?:\w+ly\s+)?(?!(?:know|knew|see|saw|seen|receive|received|get|got|hear|heard|"
    r"expect|expected|realis|realiz|have|had|need|needed|want|wanted|think|thought|anticipate|find|"
    r"found|exist|happen|appear|seem|affect|impact|notice|noticed|use|used|work|worked|come|came|go|"
    r"went|return|returned|respond|responded|reply|replied|change|changed|lose|lost|stop|stopped|"
    r"consider|considered|mean|meant|make|made|take|took|hit|run|ran|own|owned|touch|touched|"
    r"intend|intended|agree|agreed|plan|planned|try|tried|wait|waited)\w*\b)"
    r"[a-z]+\s+(?:the|a|an|any|its|their|our|his|her|[\w-]+s)\b",
    re.I,
)
_NEGLECT_NEGATED = _negation_before(
    r"\b(?:not|never|didn['’]t|did\s+not|nobody)\s+(?:\w+\s+){0,2}$"
)
#: a reason given for what a group did not do makes it a decision: "the team didn't restart
#: the service because the primary was healthy", "… as the runbook says"
_FOR_A_REASON = re.compile(
    r"\b(?:because|since|as|given\s+that|so\s+as\s+not|in\s+order\s+not)\b"
    r"|\b(?:per|according\s+to)\s+(?:the\s+)?(?:runbook|plan|policy|procedure|process)\b",
    re.I,
)


#: a warning or a duty passed off, or a known risk shipped regardless: "treated the alerts as
#: someone else's problem", "trained it on last year's prices and shipped it anyway"
_SHRUGGED = re.compile(
    r"\btreat(?:ed|s|ing)?\s+(?:[\w'’-]+\s+){1,4}?(?:as|like)\s+(?:someone|somebody|anyone|anybody)\s+"
    r"else['’]?s\s+(?:problem|job|concern|issue|business|responsibility)\b"
    r"|\band\s+(?:shipped|deployed|released|pushed|merged|launched|went\s+ahead|signed\s+(?:it\s+)?off)\s+"
    r"(?:it\s+|them\s+|the\s+[\w-]+\s+)?anyway\b",
    re.I,
)


def _neglect_vetoed(text: str, m: re.Match[str]) -> bool:
    if m.re is _GROUP_NEVER:
        return _FOR_A_REASON.search(text, m.end()) is not None
    if m.re is _SHRUGGED:
        return re.search(r"\b(?:we|I|us|our)\b", text[: m.start()], re.I) is not None or (
            _NEGLECT_NEGATED(text, m)
        )  # ("we treated it as someone else's problem": a team owning its part)
    return _NEGLECT_NEGATED(text, m)


phrase_judge("neglect", _NEGLECT, _GROUP_NEVER, _SHRUGGED, vetoed=_neglect_vetoed)

# ------------------------------------------------- punitive: a sanction threatened or set in motion

#: a sanction as what a next slip will bring, a fine, a hearing, a credential taken, a rating hit
_THREAT = re.compile(
    r"\b(?:will|would|['’]ll|is\s+going\s+to|shall)\s+(?:mean|lead\s+to|result\s+in|end\s+in|warrant|bring)\s+"
    r"(?:(?:a|an|the|his|her|their|immediate|instant|formal|summary|final|written)\s+)*(?:dismissal|sacking|"
    r"disciplinary|suspension|demotion|warning|termination\s+of\s+(?:employment|contract)|the\s+sack|"
    r"being\s+(?:sacked|fired|let\s+go|dismissed|suspended|demoted|disciplined))\b"
    r"|\bfine\s+(?:whoever|whomever|anyone|anybody|him|her|them)\b"
    r"|\breported\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?for\s+(?:a\s+)?(?:fitness[\s-]to[\s-]practi[sc]e|"
    r"disciplinary|misconduct|conduct|capability)\b"
    r"|\btak(?:e|es|ing|en)\s+(?:[\w'’-]+['’]s\s+|his\s+|her\s+|their\s+)(?:[\w-]+\s+){0,2}?(?:certificates?|"
    r"licen[cs]es?|badges?|keys?|access|pass(?:es)?|cards?|permits?|rights|privileges|logins?|tickets?)\s+"
    r"(?:off|away\s+from)\s+(?:him|her|them)\b"
    r"|\b(?:his|her|their)\s+(?:appraisal|performance|annual|year-end)\s+(?:rating|review|score|grade)s?\s+"
    r"(?:will|would|is\s+going\s+to|['’]ll)\s+(?:be\s+)?(?:impacted|affected|reflect|suffer|take\s+a\s+hit|"
    r"marked\s+down|go\s+down)\b"
    r"|\b(?:will\s+be|['’]ll\s+be|is|are)\s+off\s+the\s+(?:[\w-]+\s+)?(?:rota|roster|rotation|schedule|"
    r"team|project|ward|line|desk)\s+(?:for\s+good|permanently)\b"
    r"|\b(?:getting|get|got|have|having|had)\s+(?:their|his|her)\s+(?:bonus(?:es)?|pay|wages?|salary|salaries)\s+"
    r"(?:docked|cut|withheld|stopped|clawed\s+back)\b"
    r"|\b(?!(?:app|product|software|service|server|account|company|vendor|site|domain|certificate|"
    r"cert|key|token|tool|plugin|cluster|bot|client|user|tenant|project|repo|package)['’]s)"
    r"(?-i:[A-Za-z]+)['’]s\s+(?:authority|licen[cs]e|privileges|rights)\s+(?:to\s+\w+\s+)?(?:has|have|had|was|were)\s+"
    r"(?:been\s+)?(?:withdrawn|revoked|suspended|removed|taken\s+away)\b"
    r"|\bstood\s+down\s+from\s+(?:[\w-]+\s+){0,2}duties\b"
    r"|\breview(?:ing)?\s+the\s+employment\s+(?:status|position|contracts?)\s+of\b"
    # dismissal said sideways: "won't be with us by the end of the month", "if it happens again
    # she's gone", "gets walked off site"
    r"|\bwon['’]t\s+be\s+(?:with\s+us|working\s+here|here|around|on\s+the\s+team)\s+(?:by|for\s+long|"
    r"much\s+longer|after|past|come|next\s+(?:week|month|year|quarter|season|shift))\b"
    r"|\b(?:will|would|is\s+going\s+to|['’]ll|shall|could|may)\s+(?:now\s+)?face\s+(?:immediate\s+|instant\s+|"
    r"summary\s+|formal\s+)?(?:dismissal|disciplinary|the\s+sack|termination|a\s+(?:disciplinary\s+)?hearing|"
    r"prosecution)\b"
    r"|\b(?:sackable|fireable|firing|dismissable|dismissible)\s+offen[cs]e\b"
    r"|\b(?:being|been|is|are|was|were|will\s+be|gets?|got)\s+let\s+go\b(?!\s+of\b)"
    r"|\bshow[\s-]cause\s+notice\b"
    r"|\b(?:if|next\s+time)\b[^.;]{0,40}\b(?:again|happens)\b[^.;]{0,20}\b(?:he|she|they|you)(?:['’]s|['’]re|"
    r"\s+is|\s+are|['’]ll\s+be|\s+will\s+be)\s+(?:gone|out|finished|done\s+here)\b"
    r"|\b(?:gets?|got|getting|be|been|being|is|are|was|were)\s+(?:walked|marched)\s+(?:off|out\s+of)\s+"
    r"(?:the\s+)?(?:site|premises|building|property|ward|floor|yard)\b"
    # the sanction asked of an organisation, or sought, against the people involved
    r"|\b(?:enforcement|disciplinary|legal|criminal)\s+(?:action|proceedings)\s+against\s+(?:the\s+)?"
    r"(?:individuals?|staff|employees?|people|persons?|those|whoever|officers?|crew|drivers?|nurses?)\b"
    r"|\bsanctions?\s+(?:have\s+been\s+|has\s+been\s+|were\s+|was\s+|be\s+|are\s+|is\s+)?(?:applied|imposed|"
    r"taken)\s+(?:to|on|against)\s+(?:the\s+)?(?:staff|individuals?|employees?|people|persons?|those|crew|"
    r"officers?)\b"
    r"|\blucky\s+to\s+(?:keep|hold\s+on\s+to)\s+(?:his|her|their|your)\s+(?:job|registration|licen[cs]e|"
    r"badge|place|position|post|role|ticket|certification|contract)\b",
    re.I,
)
phrase_judge(
    "threat",
    _THREAT,
    vetoed=_negation_before(r"\b(?:not|never|no\s+one|nobody|won['’]t)\s+(?:\w+\s+){0,3}$"),
)

# ---------------------------------------- preventable: the incident priced at one person's act

_PLAINLY_PREVENTABLE = re.compile(
    r"\band\s+we(?:['’]re|\s+are)\s+not\s+here\b|\bwe(?:\s+(?:wouldn['’]t|would\s+not|would\s+never)|['’]d\s+never)\s+be\s+"
    r"(?:here|having\s+this\s+(?:conversation|meeting|review|postmortem))\b"
    r"|\ball\s+(?:that\s+)?(?:was|it)\s+(?:needed|required|took)\s+was\b"
    r"|\b(?:one|a\s+single|any)\s+(?:careful|competent|attentive|half-decent|decent|diligent|sharp-eyed|alert)\s+"
    r"(?:reviewer|engineer|operator|person|pair\s+of\s+eyes|tester|human|nurse|driver|signaller|clerk)\s+"
    r"would\s+have\s+(?:stopped|caught|prevented|spotted|flagged|noticed|avoided)\b"
    r"|\bwouldn['’]t\s+have(?:\s+happened)?\s+if\s+(?:anyone|anybody|someone|somebody|they|he|she|the\s+"
    r"(?:team|engineer|operator|crew|staff|reviewer))\s+had\b"
    r"|^\W*(?:preventable|avoidable)\s*\?\s*(?:yes|absolutely|definitely|100\s*%)"
    r"|\bwould\s+(?:not|never)\s+have\s+(?:occurred|happened)\s+had\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:office|team|crew|staff|engineer|operator|driver|signaller|controller|desk|shift|person|nurse|"
    r"he|she|they|anyone|someone|somebody)\b"
    r"|\b(?:team|crew|staff|they|he|she|engineer|operator|we)\s+could\s+(?:easily|readily|simply|so\s+easily)\s+"
    r"have\s+(?:avoided|prevented|stopped|caught)\b"
    r"|\bpreventable\s+by\s+(?:the\s+)?(?:team|staff|crew|engineers?|operators?|nurses?|people|clinicians?)\b"
    # "no way this needed to happen", "no reason for this fire to ever start", "could have been
    # headed off with one call" (a verdict priced at nothing is cheap_frame's: "did not have to
    # happen", "within our power to prevent")
    r"|\bno\s+way\s+(?:this|that|it)\s+(?:needed|had)\s+to\s+happen\b"
    r"|\bno\s+reason\s+for\s+(?:this|that|the|it)\b[^.;]{0,40}?\bto\s+(?:ever\s+)?(?:start|happen|occur|fail|"
    r"break)\b"
    r"|\bcould\s+(?:easily\s+)?have\s+been\s+(?:headed\s+off|nipped\s+in\s+the\s+bud|stopped\s+in\s+its\s+"
    r"tracks)\s+(?:with|by)\b",
    re.I,
)
phrase_judge(
    "preventable_plain",
    _PLAINLY_PREVENTABLE,
    vetoed=_negation_before(r"\b(?:not|never|nobody|no\s+one)\s+(?:\w+\s+){0,2}$"),
)


# ------------------------------------- counterfactual: what someone was meant to do instead

_MEANT = re.compile(
    r"\bthe\s+least\s+(?:they|he|she|you|the\s+(?:[\w'’-]+\s+){0,2}?[\w-]+|(?-i:[A-Z])\w+)\s+could\s+have\s+done\s+(?:was|is)\b"
    r"|^\W*\w+ing\b[^.;]{0,60}\b(?:was|were)\s+never\s+(?:supposed|meant)\s+to\s+happen\b"
    r"|\b(?:was|were)\s+(?:supposed|meant|required)\s+to\s+(?:go|pass|be\s+run)\s+through\s+(?:\w+\s+){0,3}?"
    r"(?:certification|review|approval|testing|qa|sign-?off|checks?|the\s+cab)\b"
    r"|\b(?:was|were)\s+required\s+to\b[^.;]*\b(?:and|but)\s+(?:that|this|the|it)\s+(?:[\w-]+\s+)?(?:was|were)\s+"
    r"(?:skipped|not\s+done|never\s+done|missed|ignored|not\s+carried\s+out)\b"
    r"|\b(?:have|has|must|need|needs)\s+to\s+be\s+\w+ed\b[^.;]*\b(?:and|but)\s+(?:that|this|it)\s+(?:was|were)\s+"
    r"(?:not|never)\s+(?:done|the\s+case)\b|"
    r"\bideally,?\s+(?:(?:the\s+)?(?:[\w-]+\s+)?(?:engineer|on-?call|responder|team|operator|developer|reviewer)|we|he|she|they|"
    + _NAME
    + r")\s+would\s+have\b"
    r"|\b(?:was|were)\s+(?:meant|supposed|there)\s+to\s+be\s+(?:\w+ed|acted\s+on|dealt\s+with|looked\s+at|picked\s+up)\s+(?:(?:\w+\s+){0,3}?(?:weeks|days|months|hours)\s+ago\b|by\s+(?:the\s+|whoever\b|its\s+)?(?:[\w-]+\s+)?(?:on-?call|engineer|owner|team|secondary|primary|responder|reviewer|whoever|lead|manager|operator|shift)\b)"
    r"|\b(?:you|he|she|they|"
    + _NAME
    + r"|the\s+(?:[\w-]+\s+)?(?:engineer|on-?call|team|reviewer|operator|developer|responder))\s+(?:was|were)\s+(?:expected|supposed|meant|required)\s+to\s+(?!be\s+(?:paged|notified|told|informed))\w+\b[^.;]*\b(?:before|first|instead|not)\b"
    r"|\bwould\s+have\s+been\s+\w+ed\b[^.?!]*\bif\s+"
    + _NAME
    + r"\s+had\b|\bif\s+"
    + _NAME
    + r"\s+had\s+(?:been\s+)?\w+[^.?!]*\bwould\s+have\b",
    re.I,
)


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Capitalised words that name products and companies (words.toml's `not_names`)."""
    words = tomllib.loads(builtin_text("words.toml"))["words"]
    return frozenset(words["not_names"])


def _meant_vetoed(text: str, m: re.Match[str]) -> bool:
    if credit_not_blame(text):
        return True  # "if Sam had not restarted it, the outage would have lasted longer"
    found = re.search(r"\b[Ii]f\s+([A-Z][a-z]+)\s+had\b", m.group())
    if found and (not is_given_name(found.group(1)) or found.group(1).lower() in _not_names()):
        return True  # "if Kafka had rebalanced, the lag would have been ...": a system
    return _negation_before(r"\b(?:not|never)\s+(?:\w+\s+){0,2}$")(text, m)


phrase_judge("meant", _MEANT, vetoed=_meant_vetoed)
