"""Just enough English verb morphology to turn "Wei broke the build" into "the build was broken"."""

from __future__ import annotations

# past tense -> (base, past participle) for the irregular verbs that show up in incident prose
_IRREGULAR = {
    "broke": ("break", "broken"),
    "took": ("take", "taken"),
    "ran": ("run", "run"),
    "forgot": ("forget", "forgotten"),
    "wrote": ("write", "written"),
    "overwrote": ("overwrite", "overwritten"),
    "rewrote": ("rewrite", "rewritten"),
    "drove": ("drive", "driven"),
    "gave": ("give", "given"),
    "made": ("make", "made"),
    "left": ("leave", "left"),
    "let": ("let", "let"),
    "set": ("set", "set"),
    "reset": ("reset", "reset"),
    "put": ("put", "put"),
    "shut": ("shut", "shut"),
    "cut": ("cut", "cut"),
    "hit": ("hit", "hit"),
    "sent": ("send", "sent"),
    "built": ("build", "built"),
    "rebuilt": ("rebuild", "rebuilt"),
    "lost": ("lose", "lost"),
    "began": ("begin", "begun"),
    "brought": ("bring", "brought"),
    "threw": ("throw", "thrown"),
    "tore": ("tear", "torn"),
    "chose": ("choose", "chosen"),
    "froze": ("freeze", "frozen"),
    "blew": ("blow", "blown"),
    "knew": ("know", "known"),
    "saw": ("see", "seen"),
    "did": ("do", "done"),
    "went": ("go", "gone"),
    "got": ("get", "gotten"),
    "caught": ("catch", "caught"),
    "thought": ("think", "thought"),
    "told": ("tell", "told"),
    "sold": ("sell", "sold"),
    "held": ("hold", "held"),
    "kept": ("keep", "kept"),
    "slept": ("sleep", "slept"),
    "sat": ("sit", "sat"),
    "read": ("read", "read"),
    "spun": ("spin", "spun"),
    "stuck": ("stick", "stuck"),
    "undid": ("undo", "undone"),
    "mistook": ("mistake", "mistaken"),
    "overrode": ("override", "overridden"),
    "upgraded": ("upgrade", "upgraded"),
    "fell": ("fall", "fallen"),
    "grew": ("grow", "grown"),
    "shot": ("shoot", "shot"),
    "wound": ("wind", "wound"),
    "withdrew": ("withdraw", "withdrawn"),
    "fed": ("feed", "fed"),
    "led": ("lead", "led"),
    "paid": ("pay", "paid"),
    "laid": ("lay", "laid"),
    "meant": ("mean", "meant"),
    "found": ("find", "found"),
}
IRREGULAR_PAST = frozenset(_IRREGULAR)
_PARTICIPLE_TO_BASE = {pp: base for base, pp in _IRREGULAR.values()}
_BASE_TO_PAST = {base: past for past, (base, _pp) in _IRREGULAR.items()}
# stems that lost an "e" before "-ed" (paged -> page) end in one of these
_E_STEMS = ("at", "ag", "ic", "iz", "is", "us", "uc", "ov", "iv", "ur", "rg", "dg", "ns", "rs",
            "rc", "lv", "ps", "im", "ok", "in", "ar", "yp", "ut", "od", "id", "ud", "ir", "ac",
            "ut", "os", "as", "ap", "ib", "ok", "uir")  # fmt: skip
_KEEP_DOUBLE = ("ll", "ss", "ff", "zz")


def participle(past: str) -> str:
    """The past participle of a past-tense verb: "broke" -> "broken", "pushed" -> "pushed"."""
    low = past.lower()
    if low in _IRREGULAR:
        return _match_case(_IRREGULAR[low][1], past)
    return past


def base(verb: str) -> str:
    """The bare form of a past tense or participle: "paged" -> "page", "caught" -> "catch"."""
    low = verb.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low][0]
    if low in _PARTICIPLE_TO_BASE:
        return _PARTICIPLE_TO_BASE[low]
    if low.endswith("ing") and len(low) > 5:
        stem = low[:-3]
        if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-2:] not in _KEEP_DOUBLE:
            return stem[:-1]  # setting -> set
        return stem + "e" if stem.endswith(_E_STEMS) else stem
    if low.endswith("ied") and len(low) > 4:
        return low[:-3] + "y"
    if not low.endswith("ed") or len(low) < 4:
        return low
    stem = low[:-2]
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-2:] not in _KEEP_DOUBLE:
        return stem[:-1]  # stopped -> stop
    if stem.endswith(_E_STEMS) and not stem.endswith(("ain", "oin", "ein", "ear", "ook", "eek")):
        return stem + "e"  # escalated -> escalate
    return stem


def past(verb: str) -> str:
    """The simple past of a bare verb: "lapse" -> "lapsed", "fall" -> "fell"."""
    low = verb.lower()
    if low in _BASE_TO_PAST:
        return _BASE_TO_PAST[low]
    if low.endswith("e"):
        return low + "d"
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        return low[:-1] + "ied"
    if len(low) == 3 and low[-1] not in "aeiouwxy" and low[-2] in "aeiou" and low[0] not in "aeiou":
        return low + low[-1] + "ed"  # rot -> rotted
    return low + "ed"


def _match_case(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word
