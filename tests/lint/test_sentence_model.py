"""The sentence model: a second opinion on sentences no rule flags (pmdesk/lint/sentence_model.py).

Driven through the same API as every rule: `lint`, a user's rules file, inline allow comments."""

from __future__ import annotations

import numpy as np

from pmdesk.lint import CATEGORIES, Linter, lint
from pmdesk.lint.sentence_model import model, tokens

#: no rule flags it (checked below with the model switched off); the model reads a team's
#: habitual failure in it
TEAM = "The data team once again left the pipeline half configured."
MODEL_RULES = [f"{c}.model" for c in CATEGORIES]


def without_model(tmp_path) -> Linter:
    path = tmp_path / "rules.toml"
    path.write_text(f"disable = {MODEL_RULES!r}\n".replace("'", '"'), encoding="utf-8")
    return Linter.from_files(path)


def test_the_shipped_model_is_whole():
    m = model()
    assert m.categories == CATEGORIES
    assert 0.5 < m.threshold < 1 and m.min_words >= 3
    assert len(m.keys) > 10_000 and np.all(np.diff(m.keys.astype(np.int64)) > 0)
    assert m.weights.shape == m.idf.shape == m.keys.shape
    assert m.category_weights.shape == (len(m.keys), len(CATEGORIES))


def test_a_sentence_no_rule_flags_gets_the_models_finding(tmp_path):
    assert without_model(tmp_path).lint(TEAM) == []
    (f,) = lint(TEAM)
    assert (f.rule, f.category) == ("group-blame.model", "group-blame")
    # the whole sentence but its full stop, no rewrite, and the question instead
    assert TEAM[f.start : f.end] == TEAM[:-1]
    assert f.suggestions == [] and f.prompt.endswith("?")


def test_the_model_keeps_to_plain_facts_about_people():
    for text in (
        "Ana deployed v2.3.1 to production at 09:12.",
        "Priya restarted the primary at 14:02 after the failover completed.",
        "The refund job retries three times before it pages the on-call engineer.",
        "Whoever is on call next week will get the new runbook in their first page.",
    ):
        assert model().judge(text) is None, text
        assert lint(text) == [], text


def test_a_user_can_switch_off_one_category_of_the_model(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text('disable = ["group-blame.model"]\n', encoding="utf-8")
    assert Linter.from_files(path).lint(TEAM) == []
    path.write_text('disable = ["punitive.model"]\n', encoding="utf-8")
    assert [f.rule for f in Linter.from_files(path).lint(TEAM)] == ["group-blame.model"]


def test_an_allow_comment_silences_the_model():
    assert lint(f"<!-- pmdesk: allow group-blame --> {TEAM}") == []
    assert lint(f"<!-- pmdesk: allow group-blame.model --> {TEAM}") == []


def test_a_heading_is_too_short_to_judge():
    assert model().judge("The takeover") is None
    assert len(tokens("The takeover")) < model().min_words


def test_the_model_names_no_agent_where_no_person_is_named():
    # the model alone reads this rewritten sentence as a person's act; nobody is in it
    text = "The config that took down auth was pushed."
    assert model().judge(text) == "named-agent"
    assert lint(text) == []


def test_a_rule_finding_is_not_repeated_by_the_model():
    text = "Honestly, whoever merged the schema change was supposed to run it on a copy first."
    found = lint(text)
    assert [f.rule for f in found if f.rule.endswith(".model")] == []
    assert [f.category for f in found] == ["counterfactual"]


def test_names_the_user_says_are_products_are_not_people(tmp_path):
    assert tokens("Hermes deleted the bucket")[0] == "NAME"
    assert tokens("Hermes deleted the bucket", frozenset({"hermes"}))[0] == "hermes"
