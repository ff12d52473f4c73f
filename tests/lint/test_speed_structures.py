"""The structures that make linting fast give the same answers as linting from scratch."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from pmdesk.lint import Linter, RuleFileError, load_ruleset
from pmdesk.lint.ruleset import RuleSet

DATA = Path(__file__).resolve().parents[1] / "data"
RULESET = load_ruleset()
PARAGRAPH = (
    "14:05 Priya deleted the production DNS zone instead of the staging one. "
    "The health check failed to detect the stale cache. We should have rolled back sooner."
)


def snapshot(findings) -> list[tuple]:
    return [(f.start, f.end, f.rule, f.severity, tuple(f.suggestions)) for f in findings]


def test_cached_findings_equal_fresh_ones_and_are_not_shared():
    linter = Linter(RULESET)
    first = linter.lint(PARAGRAPH)
    first[0].suggestions.append("edited by a caller")
    again = linter.lint(PARAGRAPH)
    assert snapshot(again) == snapshot(Linter(RULESET).lint(PARAGRAPH))
    assert "edited by a caller" not in again[0].suggestions


def test_a_sentence_found_in_a_new_place_gets_offsets_of_that_place():
    linter = Linter(RULESET)
    (alone,) = linter.lint("Priya pushed the broken config.")
    text = "The alert fired at 14:02. Priya pushed the broken config."
    (moved,) = linter.lint(text)
    assert text[moved.start : moved.end] == "Priya pushed the broken config."
    assert moved.start == alone.start + text.index("Priya")


def test_a_changed_people_list_is_not_answered_from_the_cache():
    linter = Linter(RULESET)
    text = "dkim pushed the broken migration."
    assert [f for f in linter.lint(text) if f.is_warning] == []
    assert {f.category for f in linter.lint(text, ["dkim"]) if f.is_warning} == {"named-agent"}
    assert [f for f in linter.lint(text, []) if f.is_warning] == []


def test_a_suppression_around_a_cached_sentence_is_honoured():
    linter = Linter(RULESET)
    sentence = "This was preventable."
    assert linter.lint(sentence)
    assert linter.lint(f"<!-- pmdesk: allow preventable --> {sentence}") == []
    assert linter.lint(sentence)


def test_cache_forgets_the_oldest_sentences_beyond_its_size():
    linter = Linter(RULESET)
    linter.cache_size = 3
    for n in range(10):
        linter.lint(f"The job ran {n} times.")
    assert len(linter._cache) == 3
    assert snapshot(linter.lint(PARAGRAPH)) == snapshot(Linter(RULESET).lint(PARAGRAPH))


def texts() -> list[str]:
    out = []
    for name in ("lint_heldout.jsonl",):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            out += [row["text"], row.get("rewrite", "")]
    for rule in RULESET.rules:
        out += rule.must_match + rule.must_not_match
    return [t for t in out if t]


def test_triggers_never_change_what_is_found():
    """A rule's trigger words only skip sentences on which the rule could not match."""
    untriggered = RuleSet(
        [dataclasses.replace(r, triggers=(), pattern_triggers=[]) for r in RULESET.rules],
        RULESET.words,
    )
    fast, slow = Linter(RULESET), Linter(untriggered)
    for text in texts():
        assert snapshot(fast.lint(text)) == snapshot(slow.lint(text)), text


def test_triggers_are_read_from_vocabulary_and_leading_words(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text(
        """
[vocab]
OOPS = ['(?:yeet|yolo)ed', 'shipit']

[[rule]]
id = "house.yeet"
category = "judgmental"
message = "Judging the change hides what happened."
patterns = ['\\b(?:yeeted|yoloed)\\s+(?:it|this)', '{OOPS}']
triggers = ["{OOPS}"]
rewrites = ["shipped"]
""",
        encoding="utf-8",
    )
    rule = next(r for r in load_ruleset(path).rules if r.id == "house.yeet")
    assert rule.triggers == ("shipit", "yeet", "yolo")
    assert rule.pattern_triggers == [("yeeted", "yoloed"), ()]
    assert Linter.from_files(path).lint("Kim yoloed it on Friday.")


def test_a_trigger_that_is_not_a_word_is_a_clear_error(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text(
        '[[rule]]\nid = "x"\ncategory = "judgmental"\nmessage = "m."\n'
        "patterns = ['a']\ntriggers = ['two words']\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError, match="must be one word"):
        load_ruleset(path)
