"""How well the public version redacts the test set, and how long a redaction takes.

Run: .venv/bin/python benchmarks/redaction_quality.py [--leaks]

Recall counts occurrences of planted identifiers (names, handles, emails, internal hosts,
IPs, internal URLs, ticket keys, secrets, chat channels) in the source that are gone from
the public Markdown; "words kept" is the share of every other word of the source still
there. Every section is published for this measure (the default leaves revenue impact and
meeting notes out, which would hide leaks in them). The files named heldout were written
before the redaction first ran on them; their first-run figures are in the README.

Timing: the redaction of each postmortem (find, replace, build the copy) beside a floor
measured in the same run, rendering the same postmortem as Markdown.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from pmdesk.export.markdown import render_markdown
from pmdesk.models import Postmortem
from pmdesk.share import names
from pmdesk.share.measure import Score, score
from pmdesk.share.redact import RedactionChoices, plan_redaction

SET = Path(__file__).resolve().parents[1] / "tests" / "data" / "redaction"
EVERYTHING = RedactionChoices(internal=frozenset())


def best_ms(fn, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def main() -> None:
    start = time.perf_counter()
    names.given_names(), names.surnames(), names.common_words()
    print(f"one-time load of the name lists: {(time.perf_counter() - start) * 1000:.0f} ms")
    total, tuning, heldout = Score(), Score(), Score()
    rows = []
    for path in sorted(SET.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        pm = Postmortem.from_dict(data["postmortem"])
        public = plan_redaction(pm, EVERYTHING).public
        s = score(render_markdown(pm), render_markdown(public), data["planted"])
        total.add(s)
        (heldout if "heldout" in path.stem else tuning).add(s)
        redact = best_ms(lambda pm=pm: plan_redaction(pm, EVERYTHING))
        floor = best_ms(lambda pm=pm: render_markdown(pm))
        rows.append((path.stem, s, redact, floor))
    print(
        f"{'postmortem':<30} {'planted':>7} {'leaked':>6} {'recall':>7} {'kept':>7} "
        f"{'redact ms':>9} {'floor ms':>8}"
    )
    for stem, s, redact, floor in rows:
        print(
            f"{stem:<30} {s.planted:>7} {s.leaked:>6} {s.recall:>7.3f} {s.kept:>7.1%} "
            f"{redact:>9.1f} {floor:>8.2f}"
        )
    for label, group in (("all", total), ("tuned on", tuning), ("held out", heldout)):
        print(
            f"{label:<30} {group.planted:>7} {group.leaked:>6} {group.recall:>7.3f} "
            f"{group.kept:>7.1%}"
        )
    print(
        "by kind:",
        ", ".join(
            f"{kind} {n - leaked}/{n}" for kind, (n, leaked) in sorted(total.by_kind.items())
        ),
    )
    median = statistics.median(r[2] for r in rows)
    print(
        f"median redaction {median:.1f} ms; floor (Markdown render) "
        f"{statistics.median(r[3] for r in rows):.2f} ms"
    )
    if "--leaks" in sys.argv:
        for leak in total.leaks:
            print("  leak:", leak)


if __name__ == "__main__":
    main()
