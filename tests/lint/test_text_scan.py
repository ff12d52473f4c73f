"""The one-pass scan for trigger words and needed text never rules out a sentence a pattern
matches, and finds exactly the trigger words the case-insensitive trigger regex finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pmdesk.lint import Linter
from pmdesk.lint.literals import FOLDS_TO_ASCII, WORD, plain, word_needs
from pmdesk.lint.scan import TextScan

from .rule_texts import PATTERNS, RULESET, texts
from .rule_texts import variants as shared_variants


def variants(text: str) -> list[str]:
    """The shared variants, and one with the spaces gone."""
    # every word but the first now starts inside another
    return [*shared_variants(text), text.replace(" ", "")]


WORDS = sorted(
    {w for t in texts() for w in re.findall(r"[\w'’@-]+", t)}
    | {"should", "have", "'ve", "on", "is", "to", "blame", "un", "x", "Ana's", "ſ", "K"}
)
NEEDS = [word_needs(p) for p in PATTERNS]
SCAN = TextScan({}, (c for need in NEEDS for c in need), 0)
BITS = [sum(SCAN.clauses[c] for c in set(need)) for need in NEEDS]


def holds(bits: int, text: str) -> bool:
    """What the engine asks: does the sentence hold every clause of these bits?"""
    low = plain(text)
    have = SCAN.read(low)
    missing = bits & ~have
    if missing & ~SCAN.loose:
        return False
    return not missing & ~(have | SCAN.settle(missing, low))


def assert_never_ruled_out(text: str) -> None:
    for pattern, bits in zip(PATTERNS, BITS, strict=True):
        if pattern.search(text):
            assert holds(bits, text), (pattern.pattern[:80], text)


def test_a_sentence_a_pattern_matches_holds_all_it_needs():
    for text in (v for t in texts() for v in variants(t)):
        assert_never_ruled_out(text)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(WORDS),
            st.sampled_from([" ", "  ", "\t", ", ", "; ", "\n", "-", "'", "’", "(", "/", ""]),
        ),
        min_size=1,
        max_size=14,
    )
)
def test_needed_text_holds_for_any_mix_of_rule_words_and_punctuation(parts):
    # no separator at all glues words together: a needed word then starts inside another
    text = "".join(w + sep for w, sep in parts).strip()
    if not FOLDS_TO_ASCII.search(text):  # the engine skips the shortcut for these
        assert_never_ruled_out(text)


def test_a_word_start_is_needed_only_where_the_pattern_has_one():
    broke = re.compile(r"(?<![\w-])broke\b", re.I)
    (clause,) = word_needs(broke)
    assert clause == (WORD + "broke",)
    scan = TextScan({}, [clause], 0)
    bit = scan.clauses[clause]
    assert scan.read(plain("The deploy BROKE the build.")) & bit
    assert scan.read(plain("It arrived unbroken (broke-even).")) & bit
    assert not scan.read(plain("It arrived unbroken.")) & bit
    # without the lookbehind "broke" may start inside a word: a search settles it
    (loose,) = word_needs(re.compile(r"broke\b", re.I))
    scan = TextScan({}, [loose], 0)
    assert scan.loose == scan.clauses[loose]
    assert scan.settle(scan.loose, plain("It arrived unbroke.")) == scan.loose


def test_runs_of_literal_text_make_clauses_where_each_word_alone_is_too_common():
    should_have = next(r for r in RULESET.rules if r.id == "counterfactual.should-have")
    (clause,) = word_needs(should_have.patterns[0])
    assert {WORD + "should have ", WORD + "could've ", WORD + "would not have "} <= set(clause)


def test_the_scan_finds_the_trigger_words_the_regex_finds():
    linter = Linter(RULESET)
    linter.lint("Warm up.")
    scan, below = linter._text_scan(), (1 << (len(linter.rules) + len(linter._patterns))) - 1
    # (a pattern without triggers of its own is switched on by a clause of its needed text)
    gated = linter._always & ~linter._always_plain
    assert gated
    for text in (v for t in texts() for v in variants(t)):
        if FOLDS_TO_ASCII.search(text):
            continue
        expected = linter._candidates(text) & ~gated
        assert (linter._always_plain | scan.read(plain(text)) & below) & ~gated == expected, text


def test_a_linter_prepared_ahead_finds_what_one_prepared_on_first_use_finds():
    ahead, on_use = Linter(RULESET), Linter(RULESET)
    ahead.prepare()
    assert ahead._scan is not None and on_use._scan is None
    for text in texts()[:80]:
        assert [(f.start, f.end, f.rule) for f in ahead.lint(text)] == [
            (f.start, f.end, f.rule) for f in on_use.lint(text)
        ]
