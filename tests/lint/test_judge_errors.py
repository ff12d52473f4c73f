"""A judge that fails on a parse it did not foresee costs its own finding, never the lint."""

from __future__ import annotations

import pytest

from pmdesk.lint import Linter, load_ruleset
from pmdesk.lint import judges as judges_module


def _raising(_sentence):
    raise AttributeError("'NoneType' object has no attribute 'left_edge'")
    yield  # (a generator, as the judges are)


def test_a_judge_error_drops_that_judges_finding_and_keeps_the_others(monkeypatch):
    monkeypatch.setitem(judges_module.JUDGES, "agent_act", _raising)
    text = "Priya restarted the primary mid-backup. This outage was entirely preventable."
    monkeypatch.delenv("PMDESK_LINT_STRICT", raising=False)
    found = Linter(load_ruleset()).lint(text)  # (a linter of its own: nothing cached)
    assert [f.category for f in found if f.is_warning] == ["preventable"]
    monkeypatch.setenv("PMDESK_LINT_STRICT", "1")  # as the tests run: the error is a failure
    with pytest.raises(AttributeError):
        Linter(load_ruleset()).lint(text)
