"""Texts the linter's shortcut tests run over: our held-out sentences and every rule example."""

from __future__ import annotations

import json
from pathlib import Path

from pmdesk.lint import load_ruleset

DATA = Path(__file__).resolve().parents[1] / "data"
RULESET = load_ruleset()
PATTERNS = [p for rule in RULESET.rules for p in rule.patterns]


def texts() -> list[str]:
    out = []
    for line in (DATA / "lint_heldout.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        out += [row["text"], row.get("rewrite", "")]
    for rule in RULESET.rules:
        out += rule.must_match + rule.must_not_match
    return [t for t in out if t]


def variants(text: str) -> list[str]:
    """The same words with other case, spacing and apostrophes: what the plain form hides."""
    return [
        text,
        text.upper(),
        text.replace(" ", "\t").replace("'", "’"),
        text.replace(" ", "  \n "),
        text.title(),
    ]
