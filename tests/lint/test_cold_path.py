"""The shortcuts of the cold path (needed text, plain-text triggers, rewrites on demand) never
change a finding: same spans, rules and suggestions as linting the long way round."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pmdesk.lint import Finding, Linter
from pmdesk.lint.finding import PendingSuggestions
from pmdesk.lint.literals import FOLDS_TO_ASCII, lacks, needs, plain
from pmdesk.lint.ruleset import RuleSet

from .rule_texts import PATTERNS, RULESET, texts, variants


def snapshot(findings: list[Finding]) -> list[tuple]:
    return [(f.start, f.end, f.rule, tuple(f.suggestions)) for f in findings]


def test_a_sentence_that_lacks_the_needed_text_never_matches():
    for text in (v for t in texts() for v in variants(t)):
        low = plain(text)
        for pattern in PATTERNS:
            if pattern.search(text):
                assert not lacks(needs(pattern), low), (pattern.pattern[:80], text)


WORDS = sorted(
    {w for t in texts() for w in re.findall(r"[\w'’@-]+", t)}
    | {"should", "have", "'ve", "on", "is", "to", "blame", "HTTP", "Ana's", "ſ", "K"}
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "  ", "\t", ", ", "; ", "\n"])),
        min_size=1,
        max_size=14,
    )
)
def test_needed_text_holds_for_any_mix_of_rule_words(parts):
    text = "".join(w + sep for w, sep in parts).strip()
    if FOLDS_TO_ASCII.search(text):
        return  # the engine skips the shortcut for these; see the test below
    low = plain(text)
    for pattern in PATTERNS:
        if pattern.search(text):
            assert not lacks(needs(pattern), low), (pattern.pattern[:80], text)


def test_folds_to_ascii_lists_every_non_ascii_letter_a_regex_takes_for_an_ascii_one():
    ascii_letter = re.compile("[a-z]", re.I)
    odd = {chr(c) for c in range(128, 0x110000) if ascii_letter.fullmatch(chr(c))}
    assert odd == {c for c in odd if FOLDS_TO_ASCII.fullmatch(c)} == set("\u212a\u017f\u0130\u0131")


def test_shortcuts_find_exactly_what_the_long_way_finds():
    untriggered = Linter(
        RuleSet(
            [dataclasses.replace(r, triggers=(), pattern_triggers=[]) for r in RULESET.rules],
            RULESET.words,
        )
    )
    untriggered.shortcuts = False
    fast = Linter(RULESET)
    for i, text in enumerate(v for t in texts() for v in variants(t)):
        people = ("Priya", "dkim") if i % 2 else ()
        assert snapshot(fast.lint(text, people)) == snapshot(untriggered.lint(text, people)), text


def test_text_with_a_letter_that_folds_onto_ascii_is_linted_as_before():
    # (a trigger spelled with a long s is not found either way: "ſhould" is no "should")
    slow = Linter(RULESET)
    slow.shortcuts = False
    fast = Linter(RULESET)
    odd = ["Priya ſkipped the review and broke the build.", "Someone ſhould have caught thİs."]
    for text in [*odd, *(f"{t} \u212a" for t in texts()[:40])]:
        assert snapshot(fast.lint(text)) == snapshot(slow.lint(text)), text
    assert [f.rule for f in fast.lint(odd[0])] == ["named-agent.fail-verb"]


def test_whole_sentence_rewrites_are_worked_out_on_first_read():
    linter = Linter(RULESET)
    text = "Wei broke the build. Someone should have caught this in code review."
    findings = linter.lint(text)
    assert findings and all(
        isinstance(f.__dict__["suggestions"], PendingSuggestions) for f in findings
    )
    eager = [dataclasses.replace(f) for f in Linter(RULESET).lint(text)]  # read: worked out
    assert findings == eager
    assert [f.to_dict() for f in findings] == [f.to_dict() for f in eager]
    assert all(s for f in findings for s in f.suggestions)


def test_a_pending_finding_copies_pickles_and_shares_nothing():
    linter = Linter(RULESET)
    text = "Wei broke the build."
    first, second = linter.lint(text), linter.lint(text)  # the second from the cache
    clone = copy.deepcopy(first[0])
    restored = pickle.loads(pickle.dumps(second[0]))
    first[0].suggestions.append("edited by a caller")
    assert "edited by a caller" not in second[0].suggestions
    assert clone.suggestions == restored.suggestions == second[0].suggestions
    assert clone.suggestions and clone == restored


def test_pending_suggestions_are_computed_once():
    calls = []
    pending = PendingSuggestions(lambda: calls.append(1) or ["The build broke."])
    a = Finding.later(0, 5, "r", "named-agent", "warning", "m", pending)
    b = Finding.later(0, 5, "r", "named-agent", "warning", "m", pending)
    assert calls == []
    assert a.suggestions == b.suggestions == ["The build broke."]
    assert calls == [1]
    assert a.suggestions is not b.suggestions
