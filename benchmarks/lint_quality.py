"""Measure the blame-language linter against the labelled corpus and print the figures.

    .venv/bin/python benchmarks/lint_quality.py [--corpus DIR] [--errors]

The corpus is split by id parity: odd ids were used while writing rules ("dev"), even ids only
to check ("check"); a rule that works on one half and not the other is memorising, not general.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from pmdesk.lint import CATEGORIES, check_five_whys, lint

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--errors", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args(argv)
    sentences = load(args.corpus / "sentences.jsonl")
    chains = load(args.corpus / "whys.jsonl")
    columns = {
        "all": (sentences, chains),
        "dev (odd ids)": (
            [r for r in sentences if parity(r["id"]) == "dev"],
            [c for c in chains if parity(c["id"]) == "dev"],
        ),
        "check (even ids)": (
            [r for r in sentences if parity(r["id"]) == "check"],
            [c for c in chains if parity(c["id"]) == "check"],
        ),
    }
    table: dict[str, dict[str, float]] = {}
    for name, (rows, whys) in columns.items():
        if args.errors:
            print(f"{name}:")
        table[name] = sentence_figures(rows, args.errors and name != "all")
        table[name]["five whys accuracy"] = whys_accuracy(whys, args.errors and name != "all")
    names = list(table)
    print(f"{'':34}" + "".join(f"{n:>18}" for n in names))
    for metric in table["all"]:
        print(f"{metric:34}" + "".join(f"{table[n][metric]:>18.3f}" for n in names))
    print(f"\n{len(sentences)} sentences, {len(chains)} Five Whys chains from {args.corpus}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
