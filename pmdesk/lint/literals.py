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

_MAX_STRINGS = 48  # more alternatives than this are not worth spelling out
# Words in nearly every sentence: a clause that offers one of them rules out almost nothing.
_COMMON = frozenset(
    "the a an and or of to in on at by for with from is was are were be been it its this that"
    " these those we they he she i you not no did do does have has had but as if so just all"
    " back out up down off then than when which who what how can could would should will".split()
)

Clause = tuple[str, ...]
_SPACES = (_sre.CATEGORY_UNI_SPACE, _sre.CATEGORY_SPACE) if _sre is not None else ()
_Exact = set[str] | None


def needs(pattern: re.Pattern[str]) -> tuple[Clause, ...]:
    """Clauses every match of `pattern` satisfies; () when nothing useful can be told."""
    return _needs(pattern.pattern, pattern.flags)


@lru_cache(maxsize=1024)  # a Linter rebuilt for a changed user rules file reads each once
def _needs(source: str, flags: int) -> tuple[Clause, ...]:
    if _parse is None:
        return ()
    try:
        tree = _parse.parse(source, flags)
        exact, clauses = _sequence(list(tree))
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


def _weak(s: str) -> bool:
    """A string found in most sentences ("is", " the "); requiring it saves nothing."""
    core = s.strip()
    return len(core) < 2 or core in _COMMON or (len(core) == 2 and core.isalpha() and s == core)


def _cost(clause: Clause) -> tuple[int, int]:
    """Smaller is better: fewer weak strings, then fewer strings."""
    return sum(map(_weak, clause)), len(clause)


def _useful(clauses: list[Clause]) -> tuple[Clause, ...]:
    out: list[Clause] = []
    for c in clauses:
        if c and not any(map(_weak, c)):
            # "mistakes" is found wherever "mistake" is: the longer string adds nothing
            c = tuple(sorted(s for s in set(c) if not any(o != s and o in s for o in c)))
            if c not in out:
                out.append(c)
    # the longest strings first (the rarest, so likeliest to rule a sentence out at once)
    return tuple(sorted(out, key=lambda c: (-min(map(len, c)), len(c))))


def _clause(exact: set[str]) -> list[Clause]:
    """An exact set of strings as a clause (none when it may match the empty string)."""
    if not exact or "" in exact or " " in exact:
        return []
    return [tuple(sorted(exact))]


def _join(a: str, b: str) -> str:
    return a + b[1:] if a.endswith(" ") and b.startswith(" ") else a + b


def _sequence(items: list) -> tuple[_Exact, list[Clause]]:
    """Analyse a concatenation: the strings it matches if few, and the clauses it needs."""
    run: set[str] | None = {""}
    clauses: list[Clause] = []
    whole = True
    for op, av in items:
        exact, more = _node(op, av)
        clauses += more
        if exact is not None and run is not None and len(run) * len(exact) <= _MAX_STRINGS:
            run = {_join(a, b) for a, b in product(run, exact)}
            continue
        whole = False
        if run is not None:
            clauses += _clause(run)
        run = set(exact) if exact is not None else None
    if run is not None and not whole:
        clauses += _clause(run)
    return (run if whole else None), clauses


def _node(op, av) -> tuple[_Exact, list[Clause]]:
    if op is _sre.LITERAL:
        ch = _char(av)
        return ({ch} if ch is not None else None), []
    if op is _sre.IN:
        if len(av) == 1 and av[0][0] is _sre.CATEGORY and av[0][1] in _SPACES:
            return {" "}, []  # \\s
        return _chars(av), []
    if op is _sre.SUBPATTERN:
        return _sequence(list(av[3]))
    if op is _sre.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is _sre.AT:
        return {""}, []
    if op is _sre.ASSERT:  # a lookahead or lookbehind: its text is in the sentence too
        exact, clauses = _sequence(list(av[1]))
        return {""}, clauses + (_clause(exact) if exact is not None else [])
    if op is _sre.ASSERT_NOT:
        return {""}, []
    if op is _sre.BRANCH:
        return _branch(av[1])
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        exact, clauses = _sequence(list(sub))
        if exact == {" "}:  # whitespace: any run of it is one space in plain text
            return ({" "} if lo else {"", " "}), []
        if lo == 0:
            if hi == 1 and exact is not None and len(exact) < _MAX_STRINGS:
                return exact | {""}, []
            return None, []
        if lo == hi == 1:
            return exact, clauses
        return None, clauses + (_clause(exact) if exact is not None else [])
    return None, []  # ANY, NOT_LITERAL, GROUPREF, conditionals: any text


def _branch(alternatives: list) -> tuple[_Exact, list[Clause]]:
    results = [_sequence(list(alt)) for alt in alternatives]
    if all(e is not None for e, _ in results):
        union = set().union(*(e for e, _ in results))
        if len(union) <= _MAX_STRINGS:
            return union, []
    # one clause per alternative, the most telling one; the branch needs one of them
    merged: set[str] = set()
    for exact, clauses in results:
        options = [*clauses, *(_clause(exact) if exact is not None else [])]
        if not options:
            return None, []
        merged.update(min(options, key=_cost))
    return None, [tuple(sorted(merged))]


def _char(code: int) -> str | None:
    """A literal character as plain text has it; None for a cased non-ASCII letter."""
    ch = chr(code)
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
