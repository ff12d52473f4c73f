"""Time the linter: a 1 MB Markdown document, and one paragraph re-linted per keystroke.

    .venv/bin/python benchmarks/lint_speed.py

Prints the best of several runs for the big document (one core, no parallelism) and the median
of many single-paragraph calls, the case the editor and the meeting mode hit on every keystroke.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from pmdesk.lint import default_linter, lint

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "sentences.jsonl"
FALLBACK = [
    "14:05 Priya deleted the production DNS zone instead of the staging one.",
    "The health check failed to detect the stale cache, so traffic kept flowing.",
    "We should have rolled back the moment error rates doubled.",
    "The alert should fire at 80% disk usage, and `kubectl get pods` shows why.",
]


def sentences() -> list[str]:
    if CORPUS.exists():
        lines = CORPUS.read_text(encoding="utf-8").splitlines()
        return [json.loads(line)["text"] for line in lines if line]
    return FALLBACK


def document(size: int) -> str:
    """Realistic Markdown: headings, timeline bullets, paragraphs of mixed sentences."""
    parts, texts, i = [], sentences(), 0
    while sum(map(len, parts)) < size:
        parts.append(f"## Section {i}\n\n")
        parts.append("".join(f"- {texts[(i + k) % len(texts)]}\n" for k in range(4)) + "\n")
        parts.append(" ".join(texts[(i + k) % len(texts)] for k in range(4, 9)) + "\n\n")
        i += 9
    return "".join(parts)[:size]


def main() -> int:
    default_linter()  # rule files are compiled once, before any timing
    doc = document(1_000_000)
    best = min(_time(lambda: lint(doc)) for _ in range(3))
    findings = len(lint(doc))
    paragraph = " ".join(sentences()[:5])
    calls = [_time(lambda: lint(paragraph)) for _ in range(2000)]
    print(f"1 MB document ({len(doc):,} chars, {findings:,} findings): {best:.3f} s (best of 3)")
    print(
        f"one paragraph ({len(paragraph)} chars): median {statistics.median(calls) * 1000:.3f} ms,"
        f" 95th percentile {sorted(calls)[int(len(calls) * 0.95)] * 1000:.3f} ms"
    )
    return 0


def _time(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main())
