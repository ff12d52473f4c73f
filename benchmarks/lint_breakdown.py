"""Where one `pmdesk lint --format json FILE` process spends its time, stage by stage.

    .venv/bin/python benchmarks/lint_breakdown.py [FILE]

Runs the command's own code (pmdesk.cli.main) in this process, with a CPU-time counter around
each stage of the linter, and prints the counters: CPU time, so that other work on the machine
counts less than in a wall-clock figure. A stage that calls another includes it (the parse
includes loading the pipeline the first time). Without FILE: the first 1 MB of the published
postmortems in ../shared/realtext (as benchmarks/lint_speed.py builds it).
"""

from __future__ import annotations

import time

START = time.process_time()

import collections  # noqa: E402
import contextlib  # noqa: E402
import io  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

import pmdesk.cli  # noqa: E402

CLI = time.process_time()

from pmdesk.lint import clause, engine, grammar, judges, names, report  # noqa: E402

IMPORTS = time.process_time()
spent: collections.Counter[str] = collections.Counter()
calls: collections.Counter[str] = collections.Counter()


def count(owner: object, name: str, label: str, table: dict | None = None) -> None:
    """Add the CPU time and the calls of owner.name (or table[name]) to spent and calls."""
    inner = getattr(owner, name) if table is None else table[name]

    def timed(*args: object, **kwargs: object) -> object:
        begin = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - begin
            calls[label] += len(args[0]) if name == "parse" else 1

    if table is None:
        setattr(owner, name, timed)
    else:
        table[name] = timed


def only_for(linter_gate):
    """Wrap Linter._gate to count the sentences kept for one judge alone."""

    def gate(self, sentence, rules, people):
        kept = linter_gate(self, sentence, rules, people)
        judged = {self.rules[i].judge for i in range(kept.bit_length()) if kept >> i & 1}
        if len(judged) == 1:
            calls[f"kept only for {judged.pop()}"] += 1
        return kept

    return gate


STAGES = [
    (engine, "load_ruleset", "rules (with importing spaCy and inflecting the word lists)"),
    (grammar, "import_spacy", "  importing spaCy (the first time)"),
    (engine, "make_view", "the Markdown view and the sentences"),
    (engine.Linter, "_candidates", "first stage: trigger words"),
    (engine.Linter, "_gate", "first stage: the judges' gates"),
    (names, "given_names", "  the given names"),
    (clause, "_in_dictionary", "  is a word in the dictionary (lemminflect)"),
    (grammar, "parse", "parsing (with loading the pipeline the first time; calls: sentences)"),
    (grammar, "pipeline", "  loading the English pipeline"),
    (grammar, "_annotate", "  parts of speech and lemmas from the tags"),
    (engine.Linter, "_judge", "the judges"),
    (grammar, "entities", "  the entity recogniser"),
    (report, "finding_record", "the JSON records, with the rewrites checked"),
]


def main() -> int:
    engine.Linter._gate = only_for(engine.Linter._gate)
    for owner, name, label in STAGES:
        count(owner, name, label)
    for judge in judges.GATES:
        count(None, judge, f"gate of {judge}", judges.GATES)
    if len(sys.argv) > 1:
        target = Path(sys.argv[1])
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from lint_speed import real_document

        text = real_document(1_000_000)
        if text is None:
            print("../shared/realtext is not here: name a file")
            return 2
        target = Path(tempfile.mkdtemp()) / "postmortem.md"
        target.write_text(text, encoding="utf-8")
    sys.argv = ["pmdesk", "lint", "--format", "json", str(target)]
    run = time.process_time()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
        pmdesk.cli.main()
    total = time.process_time() - run + IMPORTS - START
    print(f"pmdesk lint --format json {target}: {total:.3f} s of CPU (not counting Python's start)")
    print(f"  {CLI - START:.3f}  importing pmdesk.cli")
    print(f"  {IMPORTS - CLI:.3f}  importing the linter")
    for _, _, label in STAGES:
        print(f"  {spent[label]:.3f}  {label} ({calls[label]:,} calls)")
    print("the costliest gates:")
    gates = [(t, label) for label, t in spent.items() if label.startswith("gate of ")]
    for seconds, label in sorted(gates, reverse=True)[:6]:
        print(f"  {seconds:.3f}  {label} ({calls[label]:,} sentences)")
    print("sentences parsed for one judge alone:")
    alone = [(n, label) for label, n in calls.items() if label.startswith("kept only for ")]
    for n, label in sorted(alone, reverse=True)[:4]:
        print(f"  {n:,}  {label[len('kept ') :]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
