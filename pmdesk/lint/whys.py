"""The Five Whys check: a chain that ends at a person or a mistake has stopped too early."""

from __future__ import annotations

import re

from pmdesk.lint.finding import Finding

RULE_ID = "five-whys.stops-at-person"
CATEGORY = "five-whys"
MESSAGE = (
    "The chain stops at a person or a mistake; ask why once more. "
    "What made that mistake possible, or likely?"
)
NEXT_QUESTION = "What made that mistake possible, or likely?"
# Categories whose presence in the last answer means the chain ended at people.
_STOPPING = {
    "named-agent",
    "counterfactual",
    "judgmental",
    "human-error-cause",
    "group-blame",
    "punitive",
}  # fmt: skip (a chain that ends in a sanction ends at a person)
# A chain answer that is about a person even without blame words: "The developer did not check".
_PERSON_ENDING = re.compile(
    r"(?:^|[:?]\s*)(?:the\s+|an?\s+|our\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:engineer|developer|dev|sre|operator|reviewer|analyst|admin|on-?call(?:\s+engineer)?|intern|"
    r"dba|manager|author|responder|person|someone|somebody|whoever[^.]*?|team|user|human|administrator|"
    r"technician|contractor|approver|officer|nurse|pharmacist|clerk|agent|lead|signaller|signaler|"
    r"pilot|driver|crew|controller|dispatcher|staff|he|she)s?"
    r"(?:\s+(?:who|that|making|on|in)\b[^.;]*?)?\s+"
    r"(?:did\s+not|didn't|never|forgot|failed|neglected|missed|skipped|ignored|typed|clicked|"
    r"entered|made|chose|picked|selected|removed|deleted|ran|pushed|revoked|created|edited|dismissed|"
    r"overrode|disabled|approved|waved|misunderstood|misread|misheard|misjudged|overlooked)\b"
    # the answer a person's omission with the person left out: "didn't verify before deleting"
    r"|^\W*(?:did\s+not|didn['’]t|never|forgot\s+to|failed\s+to)\s+(?:verify|check|test|read|follow|"
    r"confirm|ask|review|look|double-check)\b"
    r"|\b(?:process|procedure|runbook|policy|checklist|sop)\s+(?:was\s+|were\s+)?not\s+followed\b"
    r"|\b(?:signaller|signaler|pilot|driver|crew|controller|staff|personnel|dispatcher|nurse|clerk|"
    r"technician|admin|administrator|dba|dev)\s+(?:error|mistake|oversight|misjudge?ment)\b"
    # the fix a word with people: "we've told the mobile team to stick to the process"
    r"|\b(?:told|asked|reminded|instructed)\s+(?:the\s+(?:[\w-]+\s+)?team|everyone|everybody|them|him|her|"
    r"staff|the\s+(?:[\w-]+\s+)?(?:engineers?|developers?|devs|operators?|crew))\s+to\s+(?:stick\s+to|follow|"
    r"be\s+(?:more\s+)?careful|read|check|double-check|pay\s+attention)\b"
    r"|\b(?:mistake|oversight|slip|lapse|carelessness|negligence|inattention|forgetfulness)\b"
    # a person's not following the plan, and an answer that gives no cause at all: "night staff
    # non-compliance with the care plan", "why not? just didn't"
    r"|\b(?:staff|crew|team|operator|engineer|nurse|driver|user)s?['’]?\s+non-?compliance\b"
    r"|(?:^|[:?]\s*)(?:they\s+|he\s+|she\s+)?(?:just|simply)\s+(?:didn['’]?t|did\s+not|forgot|never\s+did)\W*$"
    # what only a person does, or lacks: "forgot to upload it", "wasn't aware the option existed"
    r"|\b(?:forgot|skimmed|(?:was|were)(?:n['’]t|\s+not)\s+aware|(?:did\s+not|didn['’]t)\s+"
    r"(?:know|realise|realize|bother|read))\b"
    # the fix put on people: "the contractor needs security awareness training"
    r"|\bneeds?\s+(?:more\s+|better\s+|additional\s+|extra\s+|further\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:training|coaching|mentoring|re-?education)\b(?!\s+(?:data|material|materials|set|sets|pipeline|docs|job|run))"
    r"|\b(?:inadequate|insufficient|poor|sloppy|careless|cursory|lax|lazy)\s+(?:code\s+)?(?:review|reviewing|"
    r"testing|checking|attention|diligence|care)\s+(?:by|from|on\s+the\s+part\s+of)\b"
    r"|\b(?:human|operator|user|developer|engineer|analyst)\s+(?:error|mistake|oversight)\b"
    # a person not careful enough, or the fix a talk with them: "remind him to read the notices"
    r"|(?:\b(?:he|she|they|i|we)|\b(?:engineer|developer|operator|reviewer|analyst|admin|administrator|"
    r"technician|contractor|approver|officer|nurse|pharmacist|clerk|agent|lead|person|team|staff|"
    r"on-?call)s?|\b(?-i:[A-Z])[a-z]+)\s+(?:(?:just|simply|really|clearly|obviously)\s+)?(?:was|were|is|are)"
    r"(?:n['’]t|\s+not)\s+(?:\w+\s+)?"
    r"(?:careful|diligent|attentive|vigilant|"
    r"thorough|focused|cautious)(?:\s+enough)?\b|\bnot\s+paying\s+(?:\w+\s+)?attention\b"
    r"|\b(?:remind|retrain|re-train|re-educate|coach|warn|discipline)\s+(?:him|her|them|the\s+"
    r"(?:engineer|operator|developer|reviewer|admin|administrator|technician|agent|nurse|team|staff))\b"
    r"|\b(?:will|must|should)\s+be\s+(?:reminded|retrained|re-trained|warned|disciplined|coached)\b"
    r"|\bmatter\s+of\s+(?:individual|personal)\s+(?:conduct|responsibility|discipline|care)\b"
    # the fix is the person trying harder: "will be more careful", "from now on she reads every
    # diff", "he needs a louder alarm", "that's on him", "lack of initiative"
    r"|\bbe(?:ing)?\s+more\s+(?:careful|vigilant|attentive|diligent|cautious|thorough)\b"
    r"|\b(?:complete|completes|attend|attends|take|takes|undergo|undergoes|do|does)\s+(?:[\w-]+\s+){0,3}"
    r"re-?training\b|\bfrom\s+now\s+on\s+(?:he|she|they|(?-i:[A-Z])[a-z]+)\b"
    r"|\b(?:he|she)\s+(?:just\s+)?(?:needs?|has\s+to|must|should)\b"
    r"|\b(?:that['’]s|that\s+is|it['’]s|it\s+is)\s+on\s+(?:him|her|them)\b"
    r"|\black\s+of\s+(?:initiative|care|attention|diligence|discipline|focus|rigou?r|effort)\b"
    # a person's own slip, or their absence or distraction, named as the end: "Engineer's typo in
    # the connection string", "guard absent from post", "the mechanic was distracted"; and a
    # sanction as the fix: "mechanic counselled"
    r"|['’]s\s+(?:[\w-]+\s+)?(?:typo|slip|error|mistake|oversight|distraction|inattention|absence|"
    r"carelessness|lapse|forgetfulness)\b(?!\s+(?:handling|handler|rates?|codes?|messages?|paths?|"
    r"budget|logs?|page|count))"
    r"|\b(?:was|were|got|being)\s+distracted\b|\b(?:[\w-]+\s+)?distraction\s*(?:;|$)"
    r"|\b(?:absent|away)\s+from\s+(?:his|her|their|the)?\s*(?:post|station|desk|console|seat|"
    r"watch)\b"
    r"|\b(?:counsell?ed|reprimanded|written\s+up|disciplined|suspended)\b"
    # misconduct and its sanction as the end; a task left with someone: "sat unread in someone's
    # inbox"
    r"|\bmisconduct\b|\bsanctions?\s+(?:applied|imposed|issued)\b"
    r"|\b(?:someone|somebody)['’]s\s+(?:inbox|desk|plate|queue|to-?do\s+list)\b",
    re.I,
)


def check_five_whys(whys: list[str], root_cause: str) -> list[Finding]:
    """A warning when the chain ends at a person, a mistake or human error; else nothing."""
    from pmdesk.lint import lint

    answers = [w for w in whys if w and w.strip()]
    candidates = [("root_cause", root_cause or "")]
    if answers:
        candidates.insert(0, (f"why {len(answers)}", answers[-1]))
    for where, text in candidates:
        hit = _stop(text, lint)
        if (
            hit is not None
            and where != "root_cause"
            and _NOBODY.search(text)
            and (root_cause or "").strip()
            and _stop(root_cause, lint) is None
        ):
            continue  # "nobody monitors cron failures" → "no alerting on failed jobs": the chain
            # went on past the gap to the condition that left it
        if hit is not None:
            start, end, suggestions = hit
            return [
                Finding(
                    start,
                    end,
                    RULE_ID,
                    CATEGORY,
                    "warning",
                    MESSAGE,
                    [*suggestions, NEXT_QUESTION],
                    where=where,
                )
            ]
    return []


#: a gap no one filled, told as "nobody …" rather than as someone's failing
_NOBODY = re.compile(r"\b(?:nobody|no\s+one|no-one)\b", re.I)


def _stop(text: str, lint) -> tuple[int, int, list[str]] | None:
    if not text.strip():
        return None
    for f in lint(text):
        if f.is_warning and f.category in _STOPPING:
            return f.start, f.end, f.suggestions[:1]
    m = _PERSON_ENDING.search(text)
    if m:
        return 0, len(text.rstrip()), []
    return None
