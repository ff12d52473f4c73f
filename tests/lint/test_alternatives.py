"""Alternatives find what the whole alternation finds, because each alternative's words are in
every text it can match.

The words are declared by hand beside each pattern; this test reads each pattern with the
standard library's own parser (re._parser, private, so only here and never in pmdesk) and works
out the literal text that any match must hold.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import pmdesk.lint.frames
import pmdesk.lint.judges
import pmdesk.lint.phrases
from pmdesk.lint.alternatives import Alternatives

_parser = pytest.importorskip("re._parser")
_c = pytest.importorskip("re._constants")

DATA = Path(__file__).resolve().parents[1] / "data"


def declared() -> list[tuple[str, Alternatives]]:
    found = []
    for module in (pmdesk.lint.judges, pmdesk.lint.phrases, pmdesk.lint.frames):
        for name, value in vars(module).items():
            if isinstance(value, Alternatives):
                found.append((f"{module.__name__}.{name}", value))
    return found


def holds_a_word(items, words: tuple[str, ...]) -> bool:
    """Every text that `items` (a parsed pattern) matches holds one of `words`: a run of literal
    letters it must match contains one, or a group it must match holds one in each branch."""
    run = ""
    for op, arg in [*items, (None, None)]:
        if op is _c.LITERAL:
            run += chr(arg).lower()
            continue
        if any(w in run for w in words):
            return True
        run = ""
        if op is _c.SUBPATTERN:
            found = holds_a_word(arg[-1], words)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            found = arg[0] >= 1 and holds_a_word(arg[2], words)
        elif op is _c.BRANCH:
            found = all(holds_a_word(branch, words) for branch in arg[1])
        else:
            found = False  # (anything else may match without a given literal)
        if found:
            return True
    return False


def test_there_are_alternatives_to_check():
    assert len(declared()) >= 5


@pytest.mark.parametrize("name, alternatives", declared(), ids=lambda v: str(v)[:40])
def test_every_match_holds_one_of_its_words(name, alternatives):
    for words, pattern in alternatives.alternatives:
        words = (words,) if isinstance(words, str) else words
        assert words and all(w and w.isascii() and w == w.lower() for w in words), pattern
        tree = _parser.parse(pattern, alternatives.flags)
        assert holds_a_word(list(tree), words), f"{name}: {words} not in every match of {pattern}"


def sentences() -> list[str]:
    texts = []
    for path in sorted(DATA.glob("lint_*.jsonl")):
        if "sealed" in path.name:
            continue
        texts += [json.loads(line)["text"] for line in path.read_text().splitlines() if line]
    return texts


def test_search_finds_what_the_whole_pattern_finds():
    texts = sentences()
    texts += ["Surely ſomeone knew.", "Was it really İmpossible to miss?", ""]
    for _, alternatives in declared():
        for text in texts:
            ours, whole = alternatives.search(text), alternatives.whole.search(text)
            assert (ours and ours.span()) == (whole and whole.span()), text


def test_ties_go_to_the_alternative_written_first():
    both = Alternatives(("ab", r"ab"), ("abc", r"abc"))
    assert both.search("xabc").group() == "ab"
    later = Alternatives(("abc", r"abc"), ("ab", r"ab"))
    assert later.search("xabc").group() == "abc"
    assert (both + later).pattern == "ab|abc|abc|ab"


def test_the_check_refuses_a_word_a_match_can_lack():
    def holds(pattern: str, *words: str) -> bool:
        return holds_a_word(list(_parser.parse(pattern, re.I)), words)

    assert holds(r"\bhow\s+hard\b", "hard")
    assert holds(r"\b(?:any(?:one|body)|every(?:one|body))\s+knew", "any", "every")
    assert not holds(r"\b(?:anyone|everyone)\s+knew", "any")  # "everyone knew"
    assert not holds(r"\b(?:very\s+)?obvious", "very")
    assert not holds(r"\bwas\s+[a-z]+", "was ")  # the blank may be a tab
