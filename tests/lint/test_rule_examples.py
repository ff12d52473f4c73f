"""Every built-in rule's own examples: what it must flag, and what it must leave alone."""

from __future__ import annotations

import pytest

from pmdesk.lint import CATEGORIES, Linter, lint, load_ruleset
from pmdesk.lint.ruleset import RuleSet

RULESET = load_ruleset()
RULES = {rule.id: rule for rule in RULESET.rules}


def alone(rule_id: str) -> Linter:
    return Linter(RuleSet([RULES[rule_id]], RULESET.words))


@pytest.mark.parametrize(
    ("rule_id", "text"), [(r.id, t) for r in RULESET.rules for t in r.examples_match]
)
def test_rule_flags_its_examples(rule_id, text):
    findings = alone(rule_id).lint(text)
    assert [f.rule for f in findings] == [rule_id], text
    # every finding offers a rewrite or, where none keeps the facts, a question to ask
    assert all(f.suggestions or f.prompt.endswith("?") for f in findings)


@pytest.mark.parametrize(
    ("rule_id", "text"), [(r.id, t) for r in RULESET.rules for t in r.examples_clean]
)
def test_rule_leaves_its_clean_examples_alone(rule_id, text):
    assert alone(rule_id).lint(text) == []


def test_every_category_has_rules_with_examples_and_a_prompt():
    for category in CATEGORIES:
        rules = [r for r in RULESET.rules if r.category == category]
        assert rules, category
        for r in rules:
            assert r.examples_match and r.examples_clean, r.id
            assert r.message.endswith(".") and r.prompt.endswith("?"), r.id


def test_every_sentence_wide_clearance_names_a_registered_judge_and_test():
    """A misspelt name in the table of judges that a whole-sentence reading clears would make
    that clearance silently do nothing; a denied sanction must then read as clean."""
    from pmdesk.lint import judges
    from pmdesk.lint import lint as run_lint

    for name, test in judges._CLEARED_BY.items():
        assert name in judges.JUDGES, name
        assert callable(getattr(judges, test, None)), test
    assert not [f for f in run_lint("Nobody is losing their job over this.") if f.is_warning]
    assert [f for f in run_lint("Somebody is losing their job over this.") if f.is_warning]


@pytest.mark.parametrize("opener", ["I think ", "So ", "Honestly, "])
def test_every_example_lints_without_an_error_whoever_says_it(opener):
    # a speaker's opener changes the parse: "I think the person deploying was expected to check
    # the dashboard and did not" once lost the expectation's holder, and linting it raised
    for rule in RULESET.rules:
        for text in rule.examples_match + rule.examples_clean:
            lint(opener + text[0].lower() + text[1:])
    found = lint(opener + "the person deploying was expected to check the dashboard and did not.")
    assert [f.category for f in found if f.is_warning] == ["counterfactual"]
