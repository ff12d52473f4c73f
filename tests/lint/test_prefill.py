"""`pmdesk lint` on a long document judges its sentences in two processes at once
(Linter.prefill): the findings must be exactly those of one process.

Run in a fresh interpreter: prefill forks only a process with no other thread, and the test
process may hold the window's worker threads from other tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"

SCRIPT = r"""
import json, sys
from pmdesk.lint import Linter
text = open(sys.argv[1], encoding="utf-8").read()
people = ["Priya", "Dana"]

def record(f):
    return [f.start, f.end, f.rule, f.category, f.severity, f.message, f.suggestions, f.prompt]

two = Linter.from_files()
forked = two.prefill(text, people)
found_two = [record(f) for f in two.lint(text, people)]
one = Linter.from_files()
found_one = [record(f) for f in one.lint(text, people)]
short = Linter.from_files().prefill(text[:5000], people)
print(json.dumps({"forked": forked, "short": short, "two": found_two, "one": found_one}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="two processes on Linux only")
def test_a_long_document_linted_in_two_processes_finds_what_one_finds(tmp_path):
    # the development sets' sentences, one paragraph each, a timeline line now and then
    lines = []
    for name in ("lint_dev15", "lint_dev16", "lint_dev17", "lint_dev18", "lint_dev19"):
        for n, row in enumerate(map(json.loads, (DATA / f"{name}.jsonl").open(encoding="utf-8"))):
            lines.append(
                f"- {n // 60:02d}:{n % 60:02d} {row['text']}" if n % 7 == 0 else row["text"]
            )
    text = "# A long postmortem\n\n" + "\n\n".join(lines) + "\n"
    assert len(text) > 100_000
    doc = tmp_path / "long.md"
    doc.write_text(text, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(doc)], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout)
    if len(os.sched_getaffinity(0)) >= 2:
        assert result["forked"] is True
    assert result["short"] is False  # a short text is not worth a second process
    assert len(result["one"]) > 300  # (a comparison that means something)
    assert result["two"] == result["one"]
    assert sum(1 for f in result["one"] if f[6]) > 20  # rewrites crossed the pipe too
