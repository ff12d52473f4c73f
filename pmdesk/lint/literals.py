"""The text a regular expression cannot match without: a cheap test that rules a sentence out.

`needs(pattern)` reads the compiled pattern's syntax tree and returns clauses: every match
contains, for each clause, at least one of its strings. `lacks(clauses, plain(sentence))` is
then true for a sentence that cannot match, and the engine skips the regex there.
A substring test in C is much cheaper than running a large case-insensitive regex over every
position of the sentence, and most sentences that hold a rule's trigger word hold no match.

The reading is conservative: whatever it does not understand (classes like \\w, backreferences,
cased non-ASCII letters) it treats as "any text", which only makes the clauses weaker, never
wrong. Strings are compared with `plain(text)`: lowercase, every run of whitespace one space
(so `\\s+on\\s+` needs " on ", not just "on"), a space at each end. That holds the plain form
of every string the pattern matched, except where Unicode case folding maps other letters onto
ASCII ones; `FOLDS_TO_ASCII` finds those, and a text containing one skips this shortcut.

`word_needs(pattern)` says a little more: a string that opens with `WORD` starts a word
(the pattern has \\b, ^ or a lookbehind without \\w there), which pmdesk.lint.scan uses to
look for every needed string of every rule in one pass over the word starts of a sentence.
Any run of literal text in a pattern makes a clause, so "should have" is needed even where
"should" and "have" alone are too common to tell anything.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

try:  # the parser behind re.compile; its module name changed in Python 3.11
    from re import _constants as _sre
    from re import _parser as _parse
except ImportError:  # pragma: no cover - older Pythons
    _sre = _parse = None  # type: ignore[assignment]

#: the non-ASCII characters a case-insensitive regex takes for an ASCII letter (Kelvin sign,
#: long s, dotted and dotless i); str.lower() does not turn the last three into that letter
FOLDS_TO_ASCII = re.compile("[\u212a\u017f\u0130\u0131]")

_MAX_STRINGS = 48  # a set of alternatives larger than this is not spelled out
_MAX_RUN = 512  # nor a run of literal text ("should" "n't" "have") that spells more strings
# Words in nearly every sentence: a clause that offers one of them rules out almost nothing.
_COMMON = frozenset(
    "the a an and or of to in on at by for with from is was are were be been it its this that"
    " these those we they he she i you not no did do does have has had but as if so just all"
    " back out up down off then than when which who what how can could would should will".split()
)

#: opens a needed string that starts a word: the character before it is no letter, digit or _
WORD = "\x00"

Clause = tuple[str, ...]
_SPACES = (_sre.CATEGORY_UNI_SPACE, _sre.CATEGORY_SPACE) if _sre is not None else ()
_WORD_CLASSES = (_sre.CATEGORY_UNI_WORD, _sre.CATEGORY_WORD) if _sre is not None else ()
_Exact = set[str] | None


def needs(pattern: re.Pattern[str]) -> tuple[Clause, ...]:
    """Clauses every match of `pattern` satisfies; () when nothing useful can be told."""
    return tuple(
        tuple(sorted({s.replace(WORD, "") for s in clause})) for clause in word_needs(pattern)
    )


def word_needs(pattern: re.Pattern[str]) -> tuple[Clause, ...]:
    """`needs`, where a string that opens with `WORD` is only found at the start of a word."""
    return _needs(pattern.pattern, pattern.flags)


@lru_cache(maxsize=1024)  # a Linter rebuilt for a changed user rules file reads each once
def _needs(source: str, flags: int) -> tuple[Clause, ...]:
    if _parse is None:
        return ()
    try:
        tree = _parse.parse(source, flags)
        exact, clauses = _sequence(_items(tree))
    except Exception:  # a construct this reader does not know: no shortcut, never a wrong one
        return ()
    if exact is not None:
        clauses = [*clauses, *_clause(exact)]
    return _useful(clauses)


def plain(text: str) -> str:
    """The form `lacks` compares with: lowercase, whitespace runs as one space, padded."""
    return " " + " ".join(text.lower().split()) + " "


def lacks(clauses: tuple[Clause, ...], text: str) -> bool:
    """True when plain `text` misses every string of some clause (so the pattern cannot match)."""
    for clause in clauses:
        for s in clause:
            if s in text:
                break
        else:
            return True
    return False


def is_word_char(ch: str) -> bool:
    """What \\w matches in a str pattern (and \\b and \\W are made of)."""
    return ch.isalnum() or ch == "_"


def _weak(s: str) -> bool:
    """A string found in most sentences ("is", " the "); requiring it saves nothing."""
    core = s.replace(WORD, "").strip()
    return len(core) < 2 or core in _COMMON or (len(core) == 2 and core.isalpha() and s == core)


def _cost(clause: Clause) -> tuple[int, int]:
    """Smaller is better: fewer weak strings, then fewer strings."""
    return sum(map(_weak, clause)), len(clause)


def _useful(clauses: list[Clause]) -> tuple[Clause, ...]:
    out: list[Clause] = []
    for c in clauses:
        if c and not any(map(_weak, c)):
            # "mistakes" is found wherever "mistake" is: the longer string adds nothing
            kept: list[str] = []
            for s in sorted(set(c), key=len):
                if not any(o in s for o in kept):
                    kept.append(s)
            c = tuple(sorted(kept))
            if c not in out:
                out.append(c)
    # the longest strings first (the rarest, so likeliest to rule a sentence out at once)
    return tuple(sorted(out, key=lambda c: (-min(map(len, c)), len(c))))


def _clause(exact: set[str], at_word: bool = False) -> list[Clause]:
    """An exact set of strings as a clause (none when it may match the empty string).

    `at_word`: the strings follow a non-word character (or open the text).
    """
    strings = {_mark_words_only(_join(WORD, s) if at_word else s) for s in exact}
    if not strings or "" in strings or " " in strings:
        return []
    return [tuple(sorted(strings))]


def _mark_words_only(s: str) -> str:
    """Drop a WORD mark that does not stand before a word character (it tells nothing)."""
    if s.startswith(WORD) and not (len(s) > 1 and is_word_char(s[1])):
        return s[1:]
    return s


def _join(a: str, b: str) -> str:
    if a and b.startswith(WORD):
        b = b[1:]  # a word start after other text: not worth knowing, so not kept
    return a + b[1:] if a.endswith(" ") and b.startswith(" ") else a + b


def _spell(elements: list[set[str]], limit: int) -> set[str] | None:
    """Every string the concatenation of `elements` spells; None for more than `limit`."""
    run = {""}
    for exact in elements:
        if len(run) * len(exact) > limit:
            return None
        run = {_join(a, b) for a, b in product(run, exact)}
    return run


def _windows(elements: list[set[str]], at_word: list[bool]) -> list[Clause]:
    """A clause for each longest stretch of `elements` that spells few enough strings.

    `at_word[i]` tells that the text before element i ends with a non-word character, so a
    stretch that starts there starts a word.
    """
    out: list[Clause] = []
    reached = 0
    for i in range(len(elements)):
        run, j = ({WORD} if at_word[i] else {""}), i
        while j < len(elements) and len(run) * len(elements[j]) <= _MAX_RUN:
            run = {_join(a, b) for a, b in product(run, elements[j])}
            j += 1
        if j > reached:  # (a stretch inside an earlier one tells nothing more)
            out += _clause(run)
            reached = j
    return out


def _sequence(items: list, after_nonword: bool = False) -> tuple[_Exact, list[Clause]]:
    """Analyse a concatenation: the strings it matches if few, and the clauses it needs.

    `after_nonword`: the text before it surely ends with a non-word character (or is none).
    """
    clauses: list[Clause] = []
    known: list[set[str]] = []  # the elements of exact text since the last of unknown text
    at_word: list[bool] = []
    whole = True
    for op, av in items:
        if op is _sre.LITERAL:  # the most common item by far: the same as below, sooner
            ch = _char(av)
            if ch is not None and ch != " " and known and len(known[-1]) == 1:
                (last,) = known[-1]
                known[-1] = {last + ch}
                after_nonword = not is_word_char(ch)
                continue
        exact, more = _node(op, av, after_nonword)
        clauses += more
        if exact is None:
            clauses += _windows(known, at_word)
            known, at_word, whole = [], [], False
        elif len(exact) == 1 and known and len(known[-1]) == 1:
            # plain text goes on: one element, so a clause starts only where the text does
            known[-1] = {_join(*known[-1], *exact)}
        else:
            known.append(exact)
            at_word.append(after_nonword)
        if exact is None or op is _sre.LITERAL or op is _sre.IN:
            may_be_empty, ends_nonword = _shape(op, av)
        else:  # (cheaper than walking the tree again)
            may_be_empty, ends_nonword = _exact_shape(exact)
        if not ends_nonword:
            after_nonword = False
        elif not may_be_empty or _opens_word(op, av):
            after_nonword = True
    if whole:
        spelled = _spell(known, _MAX_STRINGS)
        if spelled is not None:
            return spelled, clauses
    return None, clauses + _windows(known, at_word)


def _opens_word(op, av) -> bool:
    r"""True for ^, \A and lookbehinds like (?<![\w-]) and (?<=\s): no word character before.

    Also for \b, which says the same of a word character that follows it.
    """
    if op is _sre.AT:
        return av in (_sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING, _sre.AT_BOUNDARY)
    if op is _sre.ASSERT_NOT:
        behind, sub = av
        return (
            behind < 0
            and len(sub) == 1
            and sub[0][0] is _sre.IN
            and any(o is _sre.CATEGORY and a in _WORD_CLASSES for o, a in sub[0][1])
        )
    if op is _sre.ASSERT:
        behind, sub = av
        if behind > 0:
            return False
        may_be_empty, ends_nonword = _sequence_shape(_items(sub))
        return ends_nonword and not may_be_empty
    return False


def _shape(op, av) -> tuple[bool, bool]:
    """Whether a node may match no text, and whether any text it matches ends in a non-word
    character (both False when not known)."""
    if op is _sre.LITERAL:
        return False, not is_word_char(chr(av))
    if op is _sre.IN:
        if len(av) == 1 and av[0][0] is _sre.CATEGORY and av[0][1] in _SPACES:
            return False, True
        chars = _chars(av)
        return False, chars is not None and not any(map(is_word_char, chars))
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return True, True  # no text of its own
    if op in (_sre.SUBPATTERN, _sre.ATOMIC_GROUP):
        return _sequence_shape(_items(av[3] if op is _sre.SUBPATTERN else av))
    if op is _sre.BRANCH:
        shapes = [_sequence_shape(_items(alt)) for alt in av[1]]
        return any(e for e, _ in shapes), all(n for _, n in shapes)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
        lo, _, sub = av
        may_be_empty, ends_nonword = _sequence_shape(_items(sub))
        return may_be_empty or lo == 0, ends_nonword
    return False, False


def _exact_shape(exact: set[str]) -> tuple[bool, bool]:
    texts = [s.replace(WORD, "") for s in exact]
    return "" in texts, not any(is_word_char(t[-1]) for t in texts if t)


def _sequence_shape(items: list) -> tuple[bool, bool]:
    for op, av in reversed(items):
        may_be_empty, ends_nonword = _shape(op, av)
        if not ends_nonword:
            return False, False
        if not may_be_empty:
            return False, True
    return True, True


def _node(op, av, after_nonword: bool) -> tuple[_Exact, list[Clause]]:
    if op is _sre.LITERAL:
        ch = _char(av)
        return ({ch} if ch is not None else None), []
    if op is _sre.IN:
        if len(av) == 1 and av[0][0] is _sre.CATEGORY and av[0][1] in _SPACES:
            return {" "}, []  # \\s
        return _chars(av), []
    if op is _sre.SUBPATTERN:
        return _sequence(_items(av[3]), after_nonword)
    if op is _sre.ATOMIC_GROUP:
        return _sequence(_items(av), after_nonword)
    if op is _sre.AT:
        return ({WORD} if _opens_word(op, av) else {""}), []
    if op is _sre.ASSERT:  # a lookahead or lookbehind: its text is in the sentence too
        behind, sub = av
        exact, clauses = _sequence(_items(sub), after_nonword and behind > 0)
        return ({WORD} if _opens_word(op, av) else {""}), clauses + (
            _clause(exact, after_nonword and behind > 0) if exact is not None else []
        )
    if op is _sre.ASSERT_NOT:
        return ({WORD} if _opens_word(op, av) else {""}), []
    if op is _sre.BRANCH:
        return _branch(av[1], after_nonword)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        # (clauses hold for the first time round, which follows the text before)
        exact, clauses = _sequence(_items(sub), after_nonword)
        if exact == {" "}:  # whitespace: any run of it is one space in plain text
            return ({" "} if lo else {"", " "}), []
        if lo == 0:
            if hi == 1 and exact is not None and len(exact) < _MAX_STRINGS:
                return exact | {""}, []
            return None, []
        if lo == hi == 1:
            return exact, clauses
        return None, clauses + (_clause(exact, after_nonword) if exact is not None else [])
    return None, []  # ANY, NOT_LITERAL, GROUPREF, conditionals: any text


def _branch(alternatives: list, after_nonword: bool) -> tuple[_Exact, list[Clause]]:
    results = [_sequence(_items(alt), after_nonword) for alt in alternatives]
    if all(e is not None for e, _ in results):
        union = set().union(*(e for e, _ in results))
        if len(union) <= _MAX_STRINGS:
            return union, []
    # one clause per alternative, the most telling one; the branch needs one of them
    merged: set[str] = set()
    for exact, clauses in results:
        options = [*clauses, *(_clause(exact, after_nonword) if exact is not None else [])]
        if not options:
            return None, []
        merged.update(min(options, key=_cost))
    return None, [tuple(sorted(merged))]


def _items(node) -> list:
    """The items of a parsed (sub)pattern: its list itself (iterating the node is slower)."""
    return getattr(node, "data", node)


@lru_cache(maxsize=4096)
def _char(code: int) -> str | None:
    """A literal character as plain text has it; None for a cased non-ASCII letter."""
    ch = chr(code)
    if ch == WORD:
        return None  # (a NUL in a pattern is taken for any text, not for the mark)
    if ch.isspace():
        return " "
    if ch.isascii():
        return ch.lower()
    return ch if ch.lower() == ch == ch.upper() else None  # ’ is itself in any case


def _chars(items: list) -> set[str] | None:
    """The characters of a small class like [\\x27’] or [- ]; None for \\w, ranges, negation."""
    out: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            codes = [av]
        elif op is _sre.RANGE and av[1] - av[0] < 4:
            codes = list(range(av[0], av[1] + 1))
        else:
            return None
        for code in codes:
            ch = _char(code)
            if ch is None:
                return None
            out.add(ch)
    return out
