"""Measure the blame-language linter on labelled sentences and on real published postmortems.

    .venv/bin/python benchmarks/lint_quality.py [--errors] [--rewrites FILE]

Sets, side by side:

- the shared corpus (../shared/corpus, when present): the sentences the first rules were
  written against;
- the dev set (tests/data/lint_dev.jsonl, whys_dev.jsonl): once held out, since tuned against,
  so it measures nothing new;
- the used sets (tests/data/lint_used1/, lint_used2/): sealed sets 1 and 2, each measured once
  and then made development sets, so they are tuned against too;
- the sealed set (tests/data/lint_sealed3/), with --sealed: written before any tuning by
  someone who read no rule, never used to develop rules. Only its totals are printed, never a
  sentence, even with --errors; measure it once per release, not while tuning;
- real writing (../shared/realtext, when present): 200 published postmortems that are not ours
  (read from ../shared, never copied). Flags per 1,000 sentences; recall on the sentences
  hand-labelled as blame (benchmarks/realtext_labels/part*.jsonl: file, offset, length,
  category, strength); precision on the flags hand-judged in flag_judgements.jsonl (file,
  offset, verdict). A flag nobody has judged yet is counted and said.

Rewrites: how many findings offer one, and of those how many make a sentence that lints clean,
keeps the original's numbers, times and negations, and says no "should have"; the share judged
grammatical and meaning-keeping by hand is in rewrite_judgements.jsonl. --rewrites FILE writes
every first suggestion (set, where, original sentence, rewritten sentence) for such a reading;
for real writing it writes the file and offset, and the reader looks the sentence up.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from pmdesk.lint import CATEGORIES, check_five_whys, lint
from pmdesk.lint.markdown import make_view

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
LABELS = HERE / "realtext_labels"
FACT = re.compile(r"\d[\d:.,%]*|\b(?:not|no|never)\b", re.I)
STILL_COUNTERFACTUAL = re.compile(
    r"\b(?:should|ought|could|must)\s+(?:not\s+)?(?:have|'ve)\b", re.I
)


def load(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def warnings(text: str) -> list:
    return [f for f in lint(text) if f.is_warning]


class Rewrites:
    """Every first suggestion seen, and the mechanical checks on each."""

    def __init__(self) -> None:
        self.findings = self.offered = self.clean = self.facts = self.no_should = 0
        self.rows: list[dict] = []

    def add(self, where: dict, text: str, finding) -> None:
        self.findings += 1
        if not finding.suggestions:
            return
        self.offered += 1
        sentence = finding.preview(text)
        new_text = text[: finding.start] + finding.suggestions[0] + text[finding.end :]
        self.clean += not warnings(sentence)
        self.no_should += not STILL_COUNTERFACTUAL.search(sentence)
        original = text[max(text.rfind("\n", 0, finding.start), 0) : finding.end + 200]
        kept = [f for f in FACT.findall(original) if f.lower() not in ("no", "not", "never")]
        self.facts += all(f in new_text for f in kept)
        self.rows.append({**where, "rewritten": sentence})

    def report(self) -> None:
        print(
            f"  findings {self.findings}, with a rewrite {self.offered} ({pct(self.offered, self.findings)})"
        )
        if self.offered:
            print(
                f"  of those: lint clean {pct(self.clean, self.offered)}, numbers and times kept "
                f"{pct(self.facts, self.offered)}, no 'should have' left {pct(self.no_should, self.offered)}"
            )


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def pct(a: int, b: int) -> str:
    return f"{a / b:.1%}" if b else "n/a"


def sentences(name: str, rows: list[dict], errors: bool, rewrites: Rewrites | None) -> None:
    tp = fp = fn = 0
    by_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        found = warnings(row["text"])
        if row["blame"]:
            by_cat[row["category"]][1] += 1
            if found:
                tp += 1
                by_cat[row["category"]][0] += 1
            else:
                fn += 1
                if errors:
                    print(f"  MISSED {row['id']} [{row['category']}]: {row['text']}")
        elif found:
            fp += 1
            if errors:
                print(f"  FALSE ALARM {row['id']} {[f.rule for f in found]}: {row['text']}")
        if rewrites is not None:
            for f in found:
                rewrites.add(
                    {"set": name, "id": row["id"], "original": row["text"]}, row["text"], f
                )
    print(
        f"{name}: {len(rows)} sentences; precision {tp / max(tp + fp, 1):.3f}, "
        f"recall {tp / max(tp + fn, 1):.3f} ({tp} flagged, {fp} false alarms, {fn} missed)"
    )
    cats = "  ".join(f"{c} {by_cat[c][0] / by_cat[c][1]:.2f}" for c in CATEGORIES if by_cat[c][1])
    print(f"  by category: {cats}")


def chains(name: str, rows: list[dict], errors: bool) -> None:
    right = 0
    for row in rows:
        stops = bool(check_five_whys(row["whys"], row["root_cause"]))
        right += stops == row["stops_at_human"]
        if errors and stops != row["stops_at_human"]:
            print(f"  FIVE WHYS {row['id']}: expected stops_at_human={row['stops_at_human']}")
    if rows:
        print(f"{name} Five Whys: {right}/{len(rows)} = {right / len(rows):.3f}")


def realtext(errors: bool, rewrites: Rewrites | None) -> None:
    folder = SHARED / "realtext"
    if not folder.exists():
        print("real writing: ../shared/realtext is not here; skipped")
        return
    labels = [r for part in sorted(LABELS.glob("part*.jsonl")) for r in load(part)]
    by_file: dict[str, list[dict]] = defaultdict(list)
    for r in labels:
        by_file[r["file"]].append(r)
    verdicts = {
        (j["file"], j["offset"]): j["verdict"] for j in load(LABELS / "flag_judgements.jsonl")
    }
    files = sorted(p for p in folder.glob("*.md") if p.name != "README.md")
    n_sentences = flags = 0
    judged: Counter[str] = Counter()
    found_by: Counter[str] = Counter()
    total_by: Counter[str] = Counter()
    for path in files:
        text = path.read_text(encoding="utf-8")
        view = make_view(text)
        n_sentences += sum(1 for a, b in view.sentences if view.masked[a:b].strip())
        found = warnings(text)
        flags += len(found)
        for f in found:
            verdict = verdicts.get((path.name, f.start))
            if verdict is None:
                # a flag inside a sentence labelled as blame is a true one
                inside = any(
                    r["offset"] - 2 <= f.start <= r["offset"] + r["length"]
                    for r in by_file[path.name]
                )
                verdict = "blame (labelled)" if inside else "unjudged"
            judged[verdict] += 1
            if errors and verdict not in ("blame", "blame (labelled)"):
                print(f"  FLAG {verdict}: {path.name} offset {f.start} [{f.rule}]")
            if rewrites is not None:
                rewrites.add({"set": "realtext", "file": path.name, "offset": f.start}, text, f)
        for r in by_file[path.name]:
            total_by[r["strength"]] += 1
            hit = any(f.start < r["offset"] + r["length"] and r["offset"] < f.end for f in found)
            found_by[r["strength"]] += hit
            if errors and not hit and r["strength"] == "clear":
                print(f"  MISSED clear {r['category']}: {path.name} offset {r['offset']}")
    true = judged["blame"] + judged["blame (labelled)"]
    decided = true + judged["not blame"]
    print(
        f"real writing: {len(files)} published postmortems, {n_sentences} sentences, {flags} flags "
        f"= {1000 * flags / max(n_sentences, 1):.2f} per 1,000 sentences"
    )
    print(
        f"  precision {pct(true, decided)} on {decided} judged flags "
        f"({judged['not blame']} false alarms = {1000 * judged['not blame'] / max(n_sentences, 1):.2f} "
        f"per 1,000 sentences; {judged['unjudged']} flags not judged yet)"
    )
    print(
        f"  recall on hand-labelled blame sentences: clear {found_by['clear']}/{total_by['clear']} "
        f"({pct(found_by['clear'], total_by['clear'])}), mild {found_by['mild']}/{total_by['mild']}, "
        f"all {sum(found_by.values())}/{sum(total_by.values())} ({pct(sum(found_by.values()), sum(total_by.values()))})"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    parser.add_argument("--rewrites", metavar="FILE", help="write every first suggestion here")
    parser.add_argument(
        "--sealed", action="store_true", help="also measure the sealed set (once, at a release)"
    )
    args = parser.parse_args(argv)
    rewrites = Rewrites()
    corpus = SHARED / "corpus"
    if corpus.exists():
        sentences("shared corpus", load(corpus / "sentences.jsonl"), args.errors, rewrites)
        chains("shared corpus", load(corpus / "whys.jsonl"), args.errors)
    else:
        print("shared corpus: ../shared/corpus is not here; skipped")
    data = ROOT / "tests" / "data"
    sentences("dev set (tuned against)", load(data / "lint_dev.jsonl"), args.errors, rewrites)
    chains("dev set", load(data / "whys_dev.jsonl"), args.errors)
    for used in ("lint_used1", "lint_used2"):
        sentences(f"{used} (tuned against)", load(data / used / "sentences.jsonl"), args.errors, rewrites)
        chains(used, load(data / used / "whys.jsonl"), args.errors)
    if args.sealed:
        sealed = data / "lint_sealed3"
        sentences("SEALED set", load(sealed / "sentences.jsonl"), False, None)
        chains("SEALED set", load(sealed / "whys.jsonl"), False)
    realtext(args.errors, rewrites)
    print("rewrites (shared corpus, dev set and real writing):")
    rewrites.report()
    # a reading counts for a rewrite only while the rewrite reads as it did when it was judged
    judged = {j["rewrite_sha256"]: j for j in load(LABELS / "rewrite_judgements.jsonl")}
    if judged:
        read = [judged[h] for h in (_sha(r["rewritten"]) for r in rewrites.rows) if h in judged]
        good = sum(1 for j in read if j["grammatical"] and j["keeps_meaning"])
        print(
            f"  read by hand (an independent reader, {len(judged)} rewrites of an earlier version): "
            f"{len(read)} of today's {rewrites.offered} read as judged; {good} of them "
            f"({pct(good, len(read))}) grammatical and keeping the meaning"
        )
    if args.rewrites:
        with open(args.rewrites, "w", encoding="utf-8") as out:
            # (a file for a reader outside the repository: real writing is not ours to copy)
            for row in rewrites.rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
