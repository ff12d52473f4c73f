"""Time the linter as a user meets it, beside other prose linters on the same text.

    .venv/bin/python benchmarks/lint_speed.py

1. A 1 MB Markdown document built from the corpus (timeline bullets and paragraphs, 15% blame),
   each line stamped with its own time, linted by a whole `pmdesk lint` process: start-up,
   loading the English parser, linting, printing JSON. Only the timestamps are new: the linter
   leaves an opening timestamp out of what it judges, so it reads each of the corpus's
   sentences once. This is the old benchmark's document, kept for comparison; it is not a
   document of distinct sentences.
   Beside it, in the same run, proselint, write-good and alex on the same file, where they
   are installed (`pip install proselint`; `npm install write-good alex` in a folder named by
   PMDESK_PEERS, or on PATH); a peer that is missing is said, not skipped silently.
2. When ../shared/realtext is here: the first 1 MB of the published postmortems, the same way.
   This is the document of distinct sentences, and the figure that counts.
3. The editor's keystroke path. On the UI thread the window asks `lint_cached`, which answers
   from the linter's cache or says "not yet" without parsing; a worker then lints the new
   sentence. Both are timed per keystroke while a paragraph is typed one character at a time.

The sentences come from ../shared/corpus when it is here, else from a few built in.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pmdesk.lint import default_linter

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "sentences.jsonl"
BUILT_IN = [
    ("14:05 Priya deleted the production DNS zone instead of the staging one.", True),
    ("We should have rolled back the moment error rates doubled.", True),
    ("The health check failed to detect the stale cache, so traffic kept flowing.", False),
    ("The alert should fire at 80% disk usage, and the runbook says how to drain a node.", False),
    ("Dana acknowledged the page and opened the incident channel.", False),
    ("Replication lag on the EU replica reached 40 seconds before the failover.", False),
    ("The deploy pipeline has no canary stage for the payments service.", False),
]


def sentences() -> tuple[list[str], list[str], str]:
    if CORPUS.exists():
        rows = [
            json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line
        ]
        pairs = [(r["text"], r["blame"]) for r in rows]
        source = "../shared/corpus"
    else:
        pairs, source = BUILT_IN, "built-in sentences (../shared/corpus not here)"
    return [t for t, b in pairs if b], [t for t, b in pairs if not b], source


def document(size: int, blame_share: float = 0.15) -> str:
    """Realistic Markdown with no sentence repeated: headings, timeline bullets, paragraphs."""
    blamed, neutral, _ = sentences()
    parts: list[str] = []
    n = 0

    def one() -> str:
        nonlocal n
        n += 1
        due = int(n * blame_share) > int((n - 1) * blame_share)
        text = blamed[n % len(blamed)] if due else neutral[n % len(neutral)]
        return f"{n // 3600 % 24:02d}:{n // 60 % 60:02d}:{n % 60:02d} {text}"

    section = 0
    while sum(map(len, parts)) < size:
        section += 1
        parts.append(f"## Section {section}\n\n")
        parts.append("".join(f"- {one()}\n" for _ in range(4)) + "\n")
        parts.append(" ".join(one() for _ in range(5)) + "\n\n")
    return "".join(parts)[:size]


def real_document(size: int) -> str | None:
    folder = SHARED / "realtext"
    if not folder.exists():
        return None
    out, total = [], 0
    for path in sorted(folder.glob("*.md")):
        if path.name == "README.md":
            continue
        text = path.read_text(encoding="utf-8")
        out.append(text)
        total += len(text)
        if total >= size:
            break
    return "\n\n".join(out)[:size]


def peers() -> list[tuple[str, list[str]]]:
    """The other linters found here: name and command (the file is appended)."""
    found: list[tuple[str, list[str]]] = []
    bin_dir = Path(sys.executable).parent
    if (bin_dir / "proselint").exists():
        found.append(("proselint", [str(bin_dir / "proselint"), "check"]))
    elif shutil.which("proselint"):
        found.append(("proselint", ["proselint", "check"]))
    else:
        found.append(("proselint", []))
    folder = Path(os.environ.get("PMDESK_PEERS", "")) / "node_modules" / ".bin"
    for name in ("write-good", "alex"):
        exe = folder / name if (folder / name).exists() else shutil.which(name)
        found.append((name, [str(exe)] if exe else []))
    return found


def whole_process(command: list[str], runs: int = 3) -> tuple[float, int]:
    """Best wall time of `runs` runs of a whole process, and its exit status."""
    best, status = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        status = subprocess.run(command, capture_output=True, check=False).returncode
        best = min(best, time.perf_counter() - start)
    return best, status


def bare_python() -> float:
    return whole_process([sys.executable, "-c", "pass"])[0]


def compare(label: str, text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "postmortem.md"
        path.write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "pmdesk", "lint", "--format", "json", str(path)]
        ours, status = whole_process(command)
        found = json.loads(subprocess.run(command, capture_output=True, text=True).stdout or "[]")
        print(f"{label} ({len(text):,} characters):")
        print(f"  pmdesk lint, whole process: {ours:.2f} s (best of 3; {len(found):,} findings)")
        for name, peer in peers():
            if not peer:
                print(f"  {name}: not installed here")
                continue
            seconds, _ = whole_process([*peer, str(path)], runs=1)
            print(f"  {name}, whole process: {seconds:.2f} s")


def keystrokes() -> None:
    linter = default_linter()
    linter.prepare()
    blamed, neutral, _ = sentences()
    ui, worker = [], []
    for round_ in range(6):
        # modulo: without ../shared there are only a few built-in sentences to go round
        head = " ".join(neutral[(round_ * 3 + k) % len(neutral)] for k in range(3))
        tail = blamed[round_ % len(blamed)]
        for j in range(1, len(tail) + 1):
            text = f"{head} {tail[:j]}"
            start = time.perf_counter()
            answer = linter.lint_cached(text)
            ui.append(time.perf_counter() - start)
            if answer is None:
                start = time.perf_counter()
                linter.lint(text)
                worker.append(time.perf_counter() - start)
    print(f"keystroke path ({len(ui)} keystrokes, a paragraph typed one character at a time):")
    print(
        f"  on the UI thread (lint_cached, never parses): median {statistics.median(ui) * 1000:.3f} ms,"
        f" 95th percentile {sorted(ui)[int(len(ui) * 0.95)] * 1000:.3f} ms"
    )
    if worker:
        print(
            f"  in the worker (lint of the new sentence): median {statistics.median(worker) * 1000:.1f} ms,"
            f" 95th percentile {sorted(worker)[int(len(worker) * 0.95)] * 1000:.1f} ms"
        )


def main() -> int:
    _, _, source = sentences()
    print(f"sentences from {source}; a bare Python process starts in {bare_python():.2f} s")
    compare("1 MB of corpus sentences under distinct timestamps, 15% blame", document(1_000_000))
    real = real_document(1_000_000)
    if real is None:
        print("real writing: ../shared/realtext is not here; skipped")
    else:
        compare("the first 1 MB of the published postmortems in ../shared/realtext", real)
    keystrokes()
    return 0


if __name__ == "__main__":
    sys.exit(main())
