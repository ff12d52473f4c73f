"""User rule files: add rules, switch rules off, and say clearly what is wrong with a bad one."""

from __future__ import annotations

import pytest

from pmdesk.lint import Linter, RuleFileError, lint, user_rules_path

EXTRA = """
[[rule]]
id = "house.yolo"
category = "judgmental"
severity = "warning"
message = "Calling a change YOLO judges it; describe the checks it skipped."
patterns = ['\\byolo\\b']
rewrites = ["unreviewed"]
"""


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_user_file_in_the_config_folder_adds_a_rule():
    assert lint("That was a yolo deploy.") == []
    write(user_rules_path(), EXTRA)
    (f,) = lint("That was a yolo deploy.")
    assert f.rule == "house.yolo" and f.suggestions == ["unreviewed"]


def test_user_file_switches_off_a_category_or_a_rule(tmp_path):
    path = write(tmp_path / "r.toml", 'disable = ["preventable", "hindsight.adverb"]\n')
    linter = Linter.from_files(path)
    assert linter.lint("This was preventable. Obviously the cache was stale.") == []
    assert linter.lint("Root cause: human error.")


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[[rule]\n", "not valid TOML"),
        ('[[rule]]\nid = "x"\n', "category and message are required"),
        (EXTRA.replace("\\byolo\\b", "(unclosed"), "bad pattern"),
        (EXTRA.replace("\\byolo", "{NOPE}"), "unknown vocabulary"),
        ("colour = 1\n", "unknown section"),
    ],
)
def test_bad_rule_file_is_one_clear_error(tmp_path, text, says):
    path = write(tmp_path / "r.toml", text)
    with pytest.raises(RuleFileError, match=says):
        Linter.from_files(path)


def test_missing_rules_file_is_an_error(tmp_path):
    with pytest.raises(RuleFileError, match="no such rules file"):
        Linter.from_files(tmp_path / "nope.toml")


def test_a_pattern_that_nests_repetitions_is_refused_before_it_can_run_for_minutes(tmp_path):
    path = write(tmp_path / "r.toml", EXTRA.replace("\\byolo\\b", "(a+)+!"))
    with pytest.raises(RuleFileError, match="nests one repetition inside another"):
        Linter.from_files(path)


def test_a_broken_user_file_leaves_the_built_in_rules_working_and_says_why():
    from pmdesk.lint import rules_problem

    write(user_rules_path(), "[[rule]\n")
    assert [f.category for f in lint("Root cause: human error.")] == ["human-error-cause"]
    assert "not valid TOML" in rules_problem() and "built-in rules" in rules_problem()
    write(user_rules_path(), EXTRA)  # fixed: in force again, and nothing to say
    assert lint("That was a yolo deploy.") and rules_problem() == ""


def test_user_words_teach_the_linter_a_product_name():
    text = "Hermes deleted the production bucket instead of the staging one."
    assert lint(text)
    write(user_rules_path(), '[words]\nnot_names = ["Hermes"]\n')
    assert lint(text) == []
