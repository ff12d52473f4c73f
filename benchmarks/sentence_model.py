"""Train the linter's sentence model, and measure it on writers and reports it was not trained on.

    .venv/bin/pip install 'scikit-learn==1.9.1'      # only for this script
    .venv/bin/python benchmarks/sentence_model.py            # the two cross-checks, no writing
    .venv/bin/python benchmarks/sentence_model.py --write    # also train on everything, write

What it learns from (pmdesk/lint/sentence_model.py says what it is):

- every labelled sentence set under tests/data that is not held out: the dev sets but the
  transfer checks (21, 24, 25: read only as totals), the used sets, the near misses and the
  probes. Never a sealed set (tests/data/lint_sealed*), which the seal test keeps that way.
- the published postmortems of ../shared/realtext, sentence by sentence: the sentences two
  readers labelled as blame (benchmarks/realtext_labels/part*.jsonl) as blame, every other
  sentence as not, weighted ten times a written sentence. Without them a model of written
  sentences takes the register of real reports for blame (an earlier round's text categoriser
  added 21 to 90 flags per 1,000 published sentences).

The cross-checks, printed before anything is written: train with the realtext reports of one
half (part1_files.txt, or the rest) and the sets above, then count, on the reports of the other
half and on the transfer sets, what the model adds to the rules: sentences no rule flags that
the model does. On the reports, an added flag outside a labelled sentence is counted as a false
alarm (the readers labelled every report of their part, so it nearly always is one).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from pmdesk.lint import lint  # noqa: E402
from pmdesk.lint.finding import CATEGORIES  # noqa: E402
from pmdesk.lint.markdown import make_view  # noqa: E402
from pmdesk.lint.sentence_model import MODEL_FILE, grams, tokens  # noqa: E402

DATA = ROOT / "tests" / "data"
REALTEXT = ROOT.parent / "shared" / "realtext"
LABELS = HERE / "realtext_labels"
TRANSFER = ("lint_dev21", "lint_dev24", "lint_dev25")
REAL_WEIGHT = 10.0
C = 3.0
THRESHOLD = 0.88
MIN_WORDS = 6


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def written_sets() -> dict[str, list[dict]]:
    sets = {p.stem: load(p) for p in sorted(DATA.glob("lint_dev*.jsonl"))}
    sets.update({p.parent.name: load(p) for p in sorted(DATA.glob("lint_used*/sentences.jsonl"))})
    sets["neutral"] = load(DATA / "lint_neutral.jsonl")
    sets["probes"] = load(DATA / "lint_probes.jsonl")
    return sets


def rule_flagged(text: str) -> list:
    return [f for f in lint(text) if f.is_warning and not f.rule.endswith(".model")]


def real_sentences() -> list[dict]:
    labels: dict[str, list[dict]] = {}
    for part in sorted(LABELS.glob("part*.jsonl")):
        for r in load(part):
            labels.setdefault(r["file"], []).append(r)
    out = []
    for path in sorted(REALTEXT.glob("*.md")):
        if path.name == "README.md":
            continue
        text = path.read_text(encoding="utf-8")
        view = make_view(text)
        found = rule_flagged(text)
        for a, b in view.sentences:
            if not view.masked[a:b].strip():
                continue
            mine = labels.get(path.name, [])
            out.append(
                {
                    "file": path.name,
                    "text": text[a:b],
                    "blame": any(r["offset"] < b and a < r["offset"] + r["length"] for r in mine),
                    "category": next(
                        (
                            r["category"]
                            for r in mine
                            if r["offset"] < b and a < r["offset"] + r["length"]
                        ),
                        "none",
                    ),
                    "rule": any(f.start < b and a < f.end for f in found),
                }
            )
    return out


class Features:
    """The n-grams seen in at least two training sentences, and their idf (as sklearn's
    smoothed idf); rows built exactly as pmdesk.lint.sentence_model builds them at run time."""

    def __init__(self, texts: list[str]) -> None:
        self.docs = [grams(tokens(t)) for t in texts]
        df: Counter[int] = Counter()
        for d in self.docs:
            df.update(d.keys())
        keys = sorted(k for k, n in df.items() if n >= 2)
        self.keys = np.array(keys, dtype=np.uint32)
        self.index = {k: i for i, k in enumerate(keys)}
        n = len(texts)
        self.idf = np.array([np.log((1 + n) / (1 + df[k])) + 1 for k in keys], dtype=np.float32)

    def matrix(self, docs: list[Counter[int]]):
        from scipy.sparse import csr_matrix

        data, cols, ptr = [], [], [0]
        for d in docs:
            row = [(self.index[k], c) for k, c in d.items() if k in self.index]
            vals = np.array([(1 + np.log(c)) * self.idf[i] for i, c in row], dtype=np.float32)
            norm = float(np.sqrt(vals @ vals)) if len(vals) else 0.0
            data.extend(vals / norm if norm else vals)
            cols.extend(i for i, _ in row)
            ptr.append(len(cols))
        return csr_matrix((data, cols, ptr), shape=(len(docs), len(self.keys)), dtype=np.float32)


def train(written: list[dict], real: list[dict]):
    from sklearn.linear_model import LogisticRegression

    rows = written + real
    feats = Features([r["text"] for r in rows])
    x = feats.matrix(feats.docs)
    y = np.array([bool(r["blame"]) for r in rows])
    weight = np.array([1.0] * len(written) + [REAL_WEIGHT] * len(real))
    blame = LogisticRegression(C=C, max_iter=5000).fit(x, y, sample_weight=weight)
    which = [i for i, r in enumerate(rows) if r["blame"] and r.get("category") in CATEGORIES]
    cats = LogisticRegression(C=C, max_iter=5000).fit(
        x[which], [rows[i]["category"] for i in which]
    )
    return feats, blame, cats


def added(feats, blame, rows: list[dict]) -> list[tuple[dict, float]]:
    """The rows no rule flags that the model would, with its probability."""
    probs = blame.predict_proba(feats.matrix([grams(tokens(r["text"])) for r in rows]))[:, 1]
    return [
        (r, p)
        for r, p in zip(rows, probs, strict=True)
        if p >= THRESHOLD and not r["rule"] and len(tokens(r["text"])) >= MIN_WORDS
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="train on everything and write")
    args = parser.parse_args(argv)
    if not REALTEXT.is_dir():
        print("../shared/realtext is not here: the model is trained with it", file=sys.stderr)
        return 2
    sets = written_sets()
    written = [
        {"text": r["text"], "blame": bool(r["blame"]), "category": r.get("category", "none")}
        for name, rs in sets.items()
        if name not in TRANSFER
        for r in rs
    ]
    transfer = [
        {"text": r["text"], "blame": bool(r["blame"]), "rule": bool(rule_flagged(r["text"]))}
        for name in TRANSFER
        for r in sets[name]
    ]
    real = real_sentences()
    part1 = set((LABELS / "part1_files.txt").read_text().split())
    blame_t = sum(r["blame"] for r in transfer)
    base_t = sum(r["blame"] and r["rule"] for r in transfer)
    print(
        f"written sentences to learn from: {len(written)}; transfer sets {', '.join(TRANSFER)}: "
        f"{blame_t} blame, {len(transfer) - blame_t} clean, the rules find {base_t} "
        f"({base_t / blame_t:.3f}) and flag {sum(r['rule'] and not r['blame'] for r in transfer)} clean"
    )
    for held in ("part 1", "the rest"):
        learn = [r for r in real if (r["file"] in part1) != (held == "part 1")]
        check = [r for r in real if (r["file"] in part1) == (held == "part 1")]
        feats, blame, _ = train(written, learn)
        more = added(feats, blame, check)
        true = sum(r["blame"] for r, _ in more)
        tmore = added(feats, blame, transfer)
        tp = sum(r["blame"] for r, _ in tmore)
        print(
            f"reports of {held} held out ({len(check)} sentences, {sum(r['blame'] for r in check)} "
            f"labelled, the rules flag {sum(r['rule'] for r in check)}): the model adds {len(more)} "
            f"flags, {true} in labelled sentences, {len(more) - true} outside "
            f"({1000 * (len(more) - true) / len(check):.2f} per 1,000 sentences); on the transfer "
            f"sets +{tp} blame ({(base_t + tp) / blame_t:.3f}), +{len(tmore) - tp} clean flagged"
        )
    if not args.write:
        return 0
    feats, blame, cats = train(written, real)
    order = [list(cats.classes_).index(c) for c in CATEGORIES]
    out = ROOT / "pmdesk" / "lint" / "rules" / MODEL_FILE
    np.savez_compressed(
        out,
        keys=feats.keys,
        idf=feats.idf,
        weights=blame.coef_[0].astype(np.float32),
        bias=np.float64(blame.intercept_[0]),
        category_weights=cats.coef_[order].T.astype(np.float16),
        category_bias=cats.intercept_[order].astype(np.float32),
        categories=np.array(CATEGORIES),
        threshold=np.float64(THRESHOLD),
        min_words=np.int64(MIN_WORDS),
    )
    print(f"wrote {out.relative_to(ROOT)}: {len(feats.keys)} n-grams, {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
