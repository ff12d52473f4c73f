"""The public version on the redaction test set: identifiers gone, other words kept."""

from __future__ import annotations

import re

import pytest

from pmdesk.export.markdown import render_markdown
from pmdesk.share.measure import Score, score
from pmdesk.share.redact import RedactionChoices, plan_redaction
from tests.share.redaction_set import cases

EVERYTHING = RedactionChoices(internal=frozenset())
CASES = cases()


def test_the_set_holds_every_kind_of_identifier_the_issue_names():
    kinds = {kind for _, _, planted, _ in CASES for kind, ids in planted.items() if ids}
    assert {"person", "email", "host", "ip", "url", "ticket", "secret"} <= kinds
    assert sum(len(ids) for _, _, planted, _ in CASES for ids in planted.values()) > 100


def test_recall_and_words_kept_over_the_whole_set():
    total = Score()
    for _, pm, planted, _ in CASES:
        public = plan_redaction(pm, EVERYTHING).public
        total.add(score(render_markdown(pm), render_markdown(public), planted))
    assert total.recall >= 0.98, total.leaks
    assert total.kept >= 0.95


@pytest.mark.parametrize("name, pm, planted, keep", CASES, ids=[c[0] for c in CASES])
def test_each_postmortem_keeps_its_tricky_neighbours(name, pm, planted, keep):
    text = render_markdown(plan_redaction(pm, EVERYTHING).public)
    lost = [k for k in keep if k not in text]
    assert not lost, f"{name} lost {lost}"


@pytest.mark.parametrize("name, pm, planted, keep", CASES, ids=[c[0] for c in CASES])
def test_one_placeholder_per_person_across_the_document(name, pm, planted, keep):
    plan = plan_redaction(pm, EVERYTHING)
    for author in pm.authors:
        placeholder = next(r.placeholder for r in plan.replacements if r.original == author)
        first = author.split()[0]
        for r in plan.replacements:
            if r.original in (first, author):
                assert r.placeholder == placeholder
        assert placeholder in plan.public.authors
    placeholders = [r.placeholder for r in plan.replacements]
    assert all(
        re.fullmatch(r"Engineer [A-Z]+|Team [A-Z]+|[\w ]+ \d+|\[secret \d+ removed\]", p)
        for p in placeholders
    )
