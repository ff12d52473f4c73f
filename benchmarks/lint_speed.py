"""Time the linter: a 1 MB Markdown document, and one paragraph re-linted per keystroke.

    .venv/bin/python benchmarks/lint_speed.py

Prints the best of several runs for the big document (one core, no parallelism) and the median
of many single-paragraph calls, the case the editor and the meeting mode hit on every keystroke.

The linter remembers sentences it has seen (an LRU cache), so every figure says which case it
is: "cold" clears the cache first; "no sentence repeated" gives every sentence a timestamp of
its own, so nothing in the document repeats and the cache cannot help; "keystroke" types the
paragraph's last sentence one character at a time, so each call sees a sentence it has never
seen. The corpus is half blame sentences; a real postmortem is mostly neutral, so the
no-repeat document is also built with 15% blame sentences (the figure the README quotes).
Whole-sentence rewrites are worked out when a finding's suggestions are first read (the editor
reads them on hover), so that case is timed with and without reading them.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from pmdesk.lint import default_linter, lint

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "sentences.jsonl"
FALLBACK = [
    "14:05 Priya deleted the production DNS zone instead of the staging one.",
    "The health check failed to detect the stale cache, so traffic kept flowing.",
    "We should have rolled back the moment error rates doubled.",
    "The alert should fire at 80% disk usage, and `kubectl get pods` shows why.",
]


def sentences(blame: bool | None = None) -> list[str]:
    """Corpus sentences: all of them, or only the blame (True) or blameless (False) ones."""
    if not CORPUS.exists():
        return FALLBACK if blame is None else FALLBACK[:1] if blame else FALLBACK[1:]
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]
    return [r["text"] for r in rows if blame is None or r["blame"] == blame]


def document(size: int, distinct: bool = False, blame_share: float | None = None) -> str:
    """Realistic Markdown: headings, timeline bullets, paragraphs of mixed sentences.

    `blame_share` None takes the corpus in order (half of it is blame language); a number
    makes that share of the sentences blame and the rest blameless, spread evenly.
    """
    parts, texts, i = [], sentences(), 0
    n = 0
    if blame_share is not None:
        blamed, neutral = sentences(True), sentences(False)
        texts = []
        for k in range(len(blamed) + len(neutral)):
            due = int((k + 1) * blame_share) > int(k * blame_share)  # evenly, not in runs
            texts.append(blamed[k % len(blamed)] if due else neutral[k % len(neutral)])

    def one(k: int) -> str:
        nonlocal n
        n += 1
        text = texts[(i + k) % len(texts)]
        if not distinct:
            return text
        return f"{n // 3600 % 24:02d}:{n // 60 % 60:02d}:{n % 60:02d} {text}"

    while sum(map(len, parts)) < size:
        parts.append(f"## Section {i}\n\n")
        parts.append("".join(f"- {one(k)}\n" for k in range(4)) + "\n")
        parts.append(" ".join(one(k) for k in range(4, 9)) + "\n\n")
        i += 9
    return "".join(parts)[:size]


def main() -> int:
    linter = default_linter()  # rule files are compiled once, before any timing
    build = _time(linter.prepare)
    print(f"building the one-pass scan of every rule's words (once a process): {build:.3f} s")
    doc = document(1_000_000)
    cold = min(_time(lambda: lint(doc), before=linter.clear_cache) for _ in range(3))
    warm = min(_time(lambda: lint(doc)) for _ in range(3))
    findings = len(lint(doc))
    print(
        f"1 MB document ({len(doc):,} chars, {findings:,} findings): {cold:.3f} s (best of 3, cold)"
    )
    print(f"  the same document linted again (warm cache): {warm:.3f} s")
    for share, name in ((None, "half the sentences blame"), (0.15, "15% blame, like a real one")):
        distinct_doc = document(1_000_000, distinct=True, blame_share=share)
        lint(distinct_doc)  # as in a running app, only the sentence cache starts empty
        best = min(
            _time(lambda d=distinct_doc: lint(d), before=linter.clear_cache) for _ in range(3)
        )
        found = lint(distinct_doc)
        read = min(
            _time(lambda d=distinct_doc: _read_all(d), before=linter.clear_cache) for _ in range(3)
        )
        print(
            f"  1 MB with no sentence repeated, {name} ({len(found):,} findings):"
            f" {best:.3f} s (best of 3, cold); every suggestion read too: {read:.3f} s"
        )

    texts = sentences()
    paragraph = " ".join(texts[:5])
    keystrokes = []
    for round_ in range(8):  # type the last sentence again and again, one character a call
        head = " ".join(texts[round_ * 5 : round_ * 5 + 4])
        tail = texts[round_ * 5 + 4]
        for j in range(1, len(tail) + 1):
            text = f"{head} {tail[:j]}"
            keystrokes.append(_time(lambda text=text: lint(text)))
    same = [_time(lambda: lint(paragraph)) for _ in range(2000)]
    cold_para = [_time(lambda: lint(paragraph), before=linter.clear_cache) for _ in range(300)]
    print(
        f"one paragraph per keystroke ({len(keystrokes)} keystrokes):"
        f" median {statistics.median(keystrokes) * 1000:.3f} ms,"
        f" 95th percentile {_p95(keystrokes) * 1000:.3f} ms"
    )
    print(
        f"  one paragraph ({len(paragraph)} chars) unchanged: median"
        f" {statistics.median(same) * 1000:.3f} ms; cold: median"
        f" {statistics.median(cold_para) * 1000:.3f} ms, 95th percentile {_p95(cold_para) * 1000:.3f} ms"
    )
    return 0


def _read_all(text: str) -> None:
    """Lint and read every finding's suggestions, as `pmdesk lint` and the JSON output do."""
    for f in lint(text):
        f.suggestions  # noqa: B018 - reading is the point: rewrites are worked out on demand


def _p95(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.95)]


def _time(fn: Callable[[], object], before: Callable[[], None] | None = None) -> float:
    if before is not None:
        before()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main())
