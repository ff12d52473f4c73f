"""Measure the blame-language linter against the labelled corpus and print the figures.

    .venv/bin/python benchmarks/lint_quality.py [--corpus DIR] [--heldout DIR] [--errors]

Two sets, reported side by side: the shared corpus (../shared/corpus), which the rules were
first written against, and the held-out set in tests/data (lint_heldout.jsonl and
whys_heldout.jsonl: different sentences, names, roles and shapes, written before the rules
were read). Each is also split by id parity, so a rule that works on one half and not the other
shows up as memorising, not general. Every reference rewrite in the sets is linted too: a
blameless rewrite that gets flagged is a false alarm the labels do not count.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from pmdesk.lint import CATEGORIES, check_five_whys, lint

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
HELDOUT = Path(__file__).resolve().parents[1] / "tests" / "data"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def flagged(text: str) -> list:
    return [f for f in lint(text) if f.is_warning]


def apply_first(text: str, finding) -> str:
    return text[: finding.start] + finding.suggestions[0] + text[finding.end :]


def clean_after(text: str, rounds: int) -> bool:
    """Apply the first suggestion of the widest warning, `rounds` times; then lint clean?"""
    for _ in range(rounds):
        warnings = flagged(text)
        if not warnings:
            return True
        widest = max(warnings, key=lambda f: f.end - f.start)
        if not widest.suggestions:
            return False
        text = apply_first(text, widest)
    return not flagged(text)


def parity(item_id: str) -> str:
    return "dev" if int("".join(c for c in item_id if c.isdigit())) % 2 else "check"


def sentence_figures(rows: list[dict], errors: bool) -> dict[str, float]:
    tp = fp = fn = 0
    by_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with_suggestion = one_shot = iterative = 0
    for row in rows:
        warnings = flagged(row["text"])
        if row["blame"]:
            by_cat[row["category"]][1] += 1
            if warnings:
                tp += 1
                by_cat[row["category"]][0] += 1
                if all(f.suggestions for f in warnings):
                    with_suggestion += 1
                    one_shot += clean_after(row["text"], 1)
                    iterative += clean_after(row["text"], 6)
                elif errors:
                    print(f"  NO SUGGESTION {row['id']}: {row['text']}")
            else:
                fn += 1
                if errors:
                    print(f"  MISSED {row['id']} [{row['category']}]: {row['text']}")
        elif warnings:
            fp += 1
            if errors:
                rules = ", ".join(sorted({f.rule for f in warnings}))
                print(f"  FALSE ALARM {row['id']} ({rules}): {row['text']}")
    out = {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "suggestion coverage": with_suggestion / tp if tp else 1.0,
        "clean after one suggestion": one_shot / with_suggestion if with_suggestion else 1.0,
        "clean after applying suggestions": iterative / with_suggestion if with_suggestion else 1.0,
    }
    for cat in CATEGORIES:
        hit, total = by_cat[cat]
        out[f"recall {cat}"] = hit / total if total else float("nan")
    return out


def whys_accuracy(chains: list[dict], errors: bool) -> float:
    right = 0
    for chain in chains:
        stops = bool(check_five_whys(chain["whys"], chain["root_cause"]))
        right += stops == chain["stops_at_human"]
        if errors and stops != chain["stops_at_human"]:
            print(f"  WHYS WRONG {chain['id']} expected {chain['stops_at_human']}")
    return right / len(chains) if chains else 1.0


def columns(sentences: list[dict], chains: list[dict], name: str) -> dict[str, tuple]:
    """The whole set and its odd and even halves."""
    return {
        name: (sentences, chains),
        f"{name} odd": (
            [r for r in sentences if parity(r["id"]) == "dev"],
            [c for c in chains if parity(c["id"]) == "dev"],
        ),
        f"{name} even": (
            [r for r in sentences if parity(r["id"]) == "check"],
            [c for c in chains if parity(c["id"]) == "check"],
        ),
    }


def rewrites_clean(rows: list[dict], errors: bool) -> float:
    """Share of the reference rewrites (blameless by construction) that lint clean."""
    rewrites = [r for r in rows if r.get("rewrite")]
    clean = 0
    for row in rewrites:
        if flagged(row["rewrite"]):
            if errors:
                print(f"  REWRITE FLAGGED {row['id']}: {row['rewrite']}")
        else:
            clean += 1
    return clean / len(rewrites) if rewrites else 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--heldout", type=Path, default=HELDOUT)
    parser.add_argument("--errors", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args(argv)
    sets = {
        "corpus": (args.corpus / "sentences.jsonl", args.corpus / "whys.jsonl"),
        "held-out": (args.heldout / "lint_heldout.jsonl", args.heldout / "whys_heldout.jsonl"),
    }
    table: dict[str, dict[str, float]] = {}
    sizes = []
    for set_name, (sentence_file, whys_file) in sets.items():
        if not sentence_file.exists():
            print(f"(no {set_name} set at {sentence_file})")
            continue
        sentences = load(sentence_file)
        chains = load(whys_file) if whys_file.exists() else []
        sizes.append(f"{set_name}: {len(sentences)} sentences, {len(chains)} chains")
        for name, (rows, whys) in columns(sentences, chains, set_name).items():
            whole = name == set_name
            if args.errors and not whole:
                print(f"{name}:")
            table[name] = sentence_figures(rows, args.errors and not whole)
            table[name]["five whys accuracy"] = whys_accuracy(whys, args.errors and not whole)
            table[name]["reference rewrites lint clean"] = rewrites_clean(
                rows, args.errors and not whole
            )
    if not table:
        return 2
    names = list(table)
    first = names[0]
    print(f"{'':34}" + "".join(f"{n:>15}" for n in names))
    for metric in table[first]:
        print(f"{metric:34}" + "".join(f"{table[n][metric]:>15.3f}" for n in names))
    print("\n" + "; ".join(sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
