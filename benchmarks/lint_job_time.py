"""How long the slowest honest jobs take in the lint process: the figure its timeout is set from.

Builds a 40-page postmortem (about 20,000 words, 500 a page) of distinct sentences from the
published postmortems in ../shared/realtext (or the scale benchmark's made-up prose when that is
not here), then, each in a fresh lint process whose linter has never seen the text:

- the whole document's lint (the editor's findings panel) as a fresh, unwarmed child's first
  job: the parser loads inside it;
- the same after the warm-up (prepare_linter), and the warm-up alone;
- the public version (redaction and lint) of the same document, after the warm-up;
- closing the client (what a closing window waits for): with the child idle and warm, and with
  the child stopped (SIGSTOP), which cannot read that its pipe closed.

    python benchmarks/lint_job_time.py [runs]
"""

from __future__ import annotations

import os
import random
import re
import signal
import sys
import time
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path

from pmdesk.document_lint import lint_postmortem
from pmdesk.lint_process import LintProcess, prepare_linter
from pmdesk.models import Postmortem, TimelineEvent
from pmdesk.share.public import public_version_job
from pmdesk.share.redact import RedactionChoices

REALTEXT = Path(__file__).resolve().parents[2] / "shared" / "realtext"
WORDS = 40 * 500


def prose(words: int) -> tuple[list[str], str]:
    """Paragraphs of about `words` words, and where they came from."""
    if REALTEXT.is_dir():
        paras: list[str] = []
        count = 0
        for path in sorted(REALTEXT.glob("*.md")):
            for para in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
                para = " ".join(para.split())
                if len(para.split()) < 8 or para.startswith(("#", "|", "```")):
                    continue
                paras.append(para)
                count += len(para.split())
                if count >= words:
                    return paras, "../shared/realtext"
        return paras, "../shared/realtext (all of it)"
    from support.scale_store import paragraphs

    return paragraphs(random.Random(7), words).split("\n\n"), "made-up prose (scale_store)"


def forty_pages() -> tuple[Postmortem, str]:
    paras, source = prose(WORDS)
    timeline_paras, long_paras = paras[:120], paras[120:]
    third = len(long_paras) // 3
    start = datetime(2026, 3, 10, 9, tzinfo=UTC)
    pm = Postmortem(
        title="Forty-page postmortem",
        incident_date=date(2026, 3, 10),
        what_happened="\n\n".join(long_paras[:third]),
        why_it_happened="\n\n".join(long_paras[third : 2 * third]),
        why_not_caught="\n\n".join(long_paras[2 * third :]),
        timeline=[
            TimelineEvent(start + timedelta(minutes=i), text[:300])
            for i, text in enumerate(timeline_paras)
        ],
    )
    return pm, source


def timed(process: LintProcess, job) -> float:
    began = time.perf_counter()
    value, _ = process.call(job, {})
    if isinstance(value, BaseException):
        raise value
    return time.perf_counter() - began


def main(argv: list[str]) -> int:
    runs = int(argv[1]) if len(argv) > 1 else 3
    pm, source = forty_pages()
    words = sum(len(t.split()) for t in (pm.what_happened, pm.why_it_happened, pm.why_not_caught))
    words += sum(len(e.text.split()) for e in pm.timeline)
    print(f"a postmortem of {words} words ({words / 500:.0f} pages) from {source}")
    rows: dict[str, list[float]] = {}
    for _ in range(runs):
        for name in ("unwarmed lint", "warm-up", "lint", "public version"):
            rows.setdefault(name, [])
        cold = LintProcess()
        try:
            cold.call(partial(str, "started"), {})  # the child's own start is not the job's
            rows["unwarmed lint"].append(timed(cold, partial(lint_postmortem, pm)))
        finally:
            cold.close()
        for name, job in (("lint", partial(lint_postmortem, pm)), ("public version", None)):
            warm = LintProcess()
            try:
                warm.call(partial(str, "started"), {})
                if name == "lint":
                    rows["warm-up"].append(timed(warm, prepare_linter))
                else:
                    timed(warm, prepare_linter)
                    job = partial(public_version_job, 1, pm, RedactionChoices())
                rows[name].append(timed(warm, job))
            finally:
                started = time.perf_counter()
                warm.close()
                rows.setdefault("close, idle", []).append(time.perf_counter() - started)
        stopped = LintProcess()
        stopped.call(partial(str, "started"), {})
        os.kill(stopped.pid, signal.SIGSTOP)  # type: ignore[arg-type]
        started = time.perf_counter()
        stopped.close()
        rows.setdefault("close, stopped", []).append(time.perf_counter() - started)
    for name, seconds in rows.items():
        print(f"{name:>16}: " + ", ".join(f"{s:.2f} s" for s in seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
