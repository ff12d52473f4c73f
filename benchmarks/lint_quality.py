"""Measure the blame-language linter on labelled sentences and on real published postmortems.

    .venv/bin/python benchmarks/lint_quality.py [--errors] [--rewrites FILE]

Sets, side by side:

- the shared corpus (../shared/corpus, when present): the sentences the first rules were
  written against;
- the dev set (tests/data/lint_dev.jsonl, whys_dev.jsonl): once held out, since tuned against,
  so it measures nothing new;
- dev set 4 (tests/data/lint_dev4.jsonl): 240 sentences a helper wrote on 2026-12-04 without
  reading any rule, in the registers of published postmortems; read once before any tuning
  (recall 0.788, 2 of 80 clean flagged) and tuned against since;
- dev set 5 (tests/data/lint_dev5.jsonl): 199 more by another helper the same way, read once
  before tuning (recall 0.833, 2 of 79 clean flagged) and tuned against since;
- dev set 6 (tests/data/lint_dev6.jsonl): 300 more by a third helper the same way, read once
  before tuning on it (recall 0.675, 4 of 100 clean flagged) and tuned against since;
- dev set 7 (tests/data/lint_dev7.jsonl): 179 more by a fourth helper, in published
  postmortems' registers, read once after this round's other tuning (recall 0.756, 4 of 60
  clean flagged) and tuned against since;
- dev set 8 (tests/data/lint_dev8.jsonl): 238 by a fifth helper, read once after this round's
  first frames (commit a717495: recall 0.731, 2 of 78 clean flagged) and tuned against since;
- dev set 9 (tests/data/lint_dev9.jsonl): 239 by a sixth helper, asked for unusual phrasings,
  read once after this round's frames (commit ab37703: recall 0.711, 4 of 80 clean flagged)
  and tuned against since;
- dev sets 10 and 11 (tests/data/lint_dev10.jsonl, lint_dev11.jsonl; chains in
  whys_dev10.jsonl, whys_dev11.jsonl): 260 sentences and 30 chains each by two more helpers, one
  asked for chat and meeting-note register, one for formal reports; read once at commit 26219f0
  before tuning on them (set 10: recall 0.744, 3 of 84 clean flagged, chains 27/30; set 11:
  recall 0.625, 8 of 84 clean flagged, chains 24/30) and tuned against since;
- dev sets 12 and 13 (lint_dev12.jsonl, lint_dev13.jsonl; whys_dev12.jsonl, whys_dev13.jsonl): 260
  sentences and 30 chains each by two more helpers, one asked for published-postmortem register,
  one for e-mails, retro notes and figurative blame; read once before tuning on them, after the
  tuning on sets 10 and 11 (set 13 at bba866b: recall 0.813, 8 of 84 clean flagged, chains 24/30;
  set 12 at 91728d0: recall 0.795, 2 of 84 clean flagged, chains 27/30) and tuned against since;
  d13099 was dropped unread for sharing eight words with a sealed sentence;
- dev set 14 (lint_dev14.jsonl, whys_dev14.jsonl): 260 sentences and 30 chains by a helper asked
  for chat, tickets, code-review comments and retro transcripts, read once at df470b3 before
  tuning on it (recall 0.778, 1 of 84 clean flagged, chains 28/30) and tuned against since;
- dev set 15 (lint_dev15.jsonl, whys_dev15.jsonl): 260 sentences and 30 chains by a helper asked
  for formal reports in regulated fields (healthcare, aviation, rail, finance, public sector),
  read once at 885fd61, after the tuning on set 14 (recall 0.665, 1 of 84 clean flagged, chains
  28/30), and tuned against since;
- dev set 16 (lint_dev16.jsonl, whys_dev16.jsonl): 259 sentences and 28 chains by a helper asked for
  a broad mix of registers without stock phrases, read once at bc1f482 after the tuning on sets
  14 and 15 (recall 0.716, 1 of 83 clean flagged, chains 26/28; at df470b3, before that tuning,
  0.710 and 25/28), and tuned against since;
- dev set 17 (lint_dev17.jsonl, whys_dev17.jsonl): 259 sentences and 27 chains by a helper asked
  for long formal sentences with the blame in a subordinate clause, timelines, indirect blame,
  understatement, sarcasm, non-native English, blame by nouns and to "you"; read once at
  3263c2a, after the round's tuning on sets 16 and used 8 (recall 0.843, 2 of 100 clean flagged,
  chains 26/27, the same 25 misses at b2eb78a, before that tuning);
- dev set 18 (lint_dev18.jsonl, whys_dev18.jsonl): 298 sentences and 36 chains by a helper
  asked to write in six voices (a plant manager, a hospital risk officer, a startup CTO in chat,
  a rail investigator, a bank's operational-risk analyst, a support lead); read at b647d31, before
  this round's tuning, and at 8b6ccda plus the link judge (recall 0.794 both times, 6 of 123
  clean flagged, chains 35/36), and tuned against since; j18079 and j18092 were dropped unread
  for sharing eight words with a sealed sentence;
- dev set 19 (lint_dev19.jsonl, whys_dev19.jsonl): 259 sentences and 30 chains by a helper asked
  to write in seven voices (airline maintenance, a game studio, public-sector IT, a logistics
  dispatcher, research computing, a water utility, fintech chat); read once at b647d31, before
  this round's tuning, and once at 28d5c5d, after it (recall 0.711 and 0.717, 4 and 5 of 100
  clean flagged, chains 29/30 both times): the round's tuning reached one of its sentences;
  l19058 was dropped unread for sharing eight words with a sealed sentence;
- dev set 20 (lint_dev20.jsonl, whys_dev20.jsonl): 300 sentences and 30 chains by a helper
  asked to write in eight voices (an angry manager's e-mail, a regulator's report, an engineer
  writing English as a second language, terse chat, a nurse's handover, a warehouse supervisor,
  a game studio's producer, board minutes); read first at d0d74d9 (recall 0.659, 4 of 124 clean
  flagged, chains 27/30) and tuned against since;
- dev set 21 (lint_dev21.jsonl, whys_dev21.jsonl): 300 sentences and 30 chains by a helper asked
  for eight more voices and for subtle blame (no trigger words, euphemism, blame in a timeline,
  a passive hiding a known person); this round's transfer check: read only as totals, at d0d74d9
  (recall 0.688, 0 of 124 clean flagged, chains 27/30) and after the round's tuning; r0044 of
  sealed set 11 and tt0115 of sealed set 12 were dropped unread for sharing eight words with
  set 20, ttw007 of set 12 for sharing a root cause with set 21;
- dev set 22 (lint_dev22.jsonl, whys_dev22.jsonl): 300 sentences and 30 chains by a helper
  asked for eight more voices (a police dispatch review, a pharmacy incident form, casual
  devops, a hotel night manager, a railway signalling report, a university registry, Indian
  English IT services, a farm co-operative) and subtle blame; read first at fbb0ee6 (recall
  0.750, 3 of 124 clean flagged, chains 30/30) and tuned against since; tt0176 of sealed set
  12 was dropped unread for sharing eight words with it;
- dev set 23 (lint_dev23.jsonl, whys_dev23.jsonl): 300 sentences and 30 chains by a helper
  asked for eight more voices (a fintech CEO's all-hands, an NHS ward sister, a mining shift
  boss, esports tournament ops, a water regulator, an Australian retail area manager, Kubernetes
  SRE chat, an insurance claims team lead) and subtle blame; a transfer check, read only as
  totals, with the round's start (fbb0ee6) and after its last rule change (f1fb76c): 0.653 and
  0.665, 13 of 124 clean flagged both times; a snapshot script then showed its sentences on
  screen by mistake, so it is a development set from then on;
- dev set 24 (lint_dev24.jsonl, whys_dev24.jsonl): 300 sentences and 30 chains by a helper
  asked for eight more voices (an airport ground-handling duty manager, a primary-school head, a
  Kenyan tea-factory supervisor, a US 911 dispatch centre, a London restaurant group, a games
  studio's chat, an offshore wind-farm contractor's HSE report, a Scottish housing association's
  complaint letters); delivered after this round's first rule changes; this round's transfer
  check, read only as totals: with the round's start (fd8b12a) 0.655 (114 of 174), 3 of 123
  clean flagged, chains 27/28; 3 sentences and 2 chains were dropped unread for sharing eight
  words with tracked text or a sealed set. Never listed, even with --errors;
- dev set 25 (lint_dev25.jsonl, whys_dev25.jsonl): 328 sentences and 40 chains by a helper
  asked for eight more voices (a Canadian ski patrol, an Indian bank's branch operations, a
  German car plant's 8D reports, a New Zealand dairy co-operative, a US university help desk, a
  Manila call-centre floor, an Irish ferry operator, a Sao Paulo payments start-up), asked at
  the start of the round that measured sealed sets 15 and 16 and delivered near its end; that
  round's transfer check, read only as totals: 0.638 (127 of 199), 3 of 129 clean flagged,
  chains 39/40 with the round's start (ef384f0); 2 sentences were dropped unread for sharing
  eight words with tracked text or a sealed set. Its totals were read at each of that round's
  linter commits, and the one that added 2 false alarms was reverted: tuned against by that one
  choice. Never listed, even with --errors;
- dev sets 26, 27 and 28 (lint_dev26.jsonl to lint_dev28.jsonl): 329, 328 and 330 sentences by
  three helpers who opened no file here, asked on 2026-12-05 (session 35) for training sentences
  for the sentence model in three registers (public-sector and health IT with many
  second-language writers; start-up software postmortems; physical operations), 25 per blame
  category and 130 clean, no chains; the model was trained on them from the start, so they
  measure nothing new; 3 sentences were dropped by id for sharing eight words with a sealed set;
- the near misses (tests/data/lint_neutral.jsonl): 1,200 sentences that must not be flagged
  (people in ordinary events, systems and vendors failing, technical senses of judgement words,
  counterfactuals about systems, blameless principles), generated by a helper from hand-written
  templates on 2026-12-03; its false alarms were studied and fixed, so it is tuned against;
- the used sets (tests/data/lint_used1/ to lint_used22/): sealed sets 1-22, each measured once
  and then made development sets, so they are tuned against too;
- the sealed sets (tests/data/lint_sealed*/), with --sealed [N ...] (every sealed set, or sets
  N ...): written before any tuning by someone who read no rule, never used to develop rules.
  Only their totals are printed, never a sentence, even with --errors; measure each once, at
  the end of a round, not while tuning;
- real writing (../shared/realtext, when present): 200 published postmortems that are not ours
  (read from ../shared, never copied). Flags per 1,000 sentences; recall on the sentences
  hand-labelled as blame (benchmarks/realtext_labels/part*.jsonl: file, offset, length,
  category, strength); precision on the flags hand-judged in flag_judgements.jsonl (file,
  offset, verdict). A flag nobody has judged yet is counted and said.

Rewrites: how many findings offer one, and of those how many make a sentence that lints clean,
keeps the original's numbers, times and negations, and says no "should have"; the share judged
grammatical and meaning-keeping by hand is in rewrite_judgements.jsonl to rewrite_judgements_12.jsonl. --rewrites FILE writes
every first suggestion (set, where, original sentence, rewritten sentence) for such a reading;
for real writing it writes the file and offset, and the reader looks the sentence up.
"""

from __future__ import annotations

import argparse
import dataclasses
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
        before = dataclasses.replace(finding, suggestions=[text[finding.start : finding.end]])
        self.rows.append({**where, "original": before.preview(text), "rewritten": sentence})

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


#: dev sets read only as totals, to see whether a round's rules reach a writer they were not
#: written for: their sentences are never listed
TRANSFER_CHECKS = (21, 24, 25)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    parser.add_argument("--rewrites", metavar="FILE", help="write every first suggestion here")
    parser.add_argument(
        "--sealed",
        nargs="*",
        type=int,
        metavar="N",
        help="also measure the sealed sets, or sets N ... (each once, at the end of a round)",
    )
    args = parser.parse_args(argv)
    data = ROOT / "tests" / "data"
    found = sorted(int(p.name.removeprefix("lint_sealed")) for p in data.glob("lint_sealed[0-9]*"))
    unknown = sorted(set(args.sealed or ()) - set(found))
    if unknown:
        print(f"lint_quality: no sealed set {unknown[0]} (there are {found})", file=sys.stderr)
        return 2
    rewrites = Rewrites()
    corpus = SHARED / "corpus"
    if corpus.exists():
        sentences("shared corpus", load(corpus / "sentences.jsonl"), args.errors, rewrites)
        chains("shared corpus", load(corpus / "whys.jsonl"), args.errors)
    else:
        print("shared corpus: ../shared/corpus is not here; skipped")
    sentences("dev set (tuned against)", load(data / "lint_dev.jsonl"), args.errors, rewrites)
    sentences(
        "dev set 4 (a helper's, tuned against)",
        load(data / "lint_dev4.jsonl"),
        args.errors,
        rewrites,
    )
    sentences(
        "dev set 5 (a helper's, tuned against)",
        load(data / "lint_dev5.jsonl"),
        args.errors,
        rewrites,
    )
    sentences(
        "dev set 6 (a helper's, tuned against)",
        load(data / "lint_dev6.jsonl"),
        args.errors,
        rewrites,
    )
    sentences(
        "dev set 7 (a helper's, tuned against)",
        load(data / "lint_dev7.jsonl"),
        args.errors,
        rewrites,
    )
    sentences(
        "dev set 8 (a helper's, tuned against)",
        load(data / "lint_dev8.jsonl"),
        args.errors,
        rewrites,
    )
    sentences(
        "dev set 9 (a helper's, tuned against)",
        load(data / "lint_dev9.jsonl"),
        args.errors,
        rewrites,
    )
    for n, register in (
        (10, "chat and notes"),
        (11, "formal reports"),
        (12, "published postmortems"),
        (13, "e-mails and retro notes"),
        (14, "chat, tickets and review comments"),
        (15, "formal reports in regulated fields"),
        (16, "a broad mix, stock phrases avoided"),
        (17, "subordinate clauses, understatement, blame by nouns"),
        (18, "six voices: plant, hospital, startup, rail, bank, support"),
        (19, "seven voices: airline, games, public sector, logistics, research, water, fintech"),
        (20, "eight voices: manager, regulator, learner, chat, ward, warehouse, games, board"),
        (21, "eight voices, subtle blame; a transfer check, read as totals only"),
        (22, "eight voices: dispatch, pharmacy, devops, hotel, rail, registry, IT services, farm"),
        (23, "eight voices, subtle blame; read as totals at 0.653 and 0.665, then seen"),
        (24, "eight voices; the previous round's transfer check, read as totals only"),
        (25, "eight voices; this round's transfer check, read as totals only"),
    ):
        transfer = n in TRANSFER_CHECKS  # (never listed, even with --errors)
        sentences(
            f"dev set {n} (a helper's, {register}"
            + (")" if n in (21, 23, 24, 25) else ", tuned against)"),
            load(data / f"lint_dev{n}.jsonl"),
            args.errors and not transfer,
            None if transfer else rewrites,  # (nor are their rewrites written or counted)
        )
        chains(f"dev set {n}", load(data / f"whys_dev{n}.jsonl"), args.errors and not transfer)
    for n, register in (
        (26, "public-sector and health IT, many second-language writers"),
        (27, "start-up software postmortems, timelines and review comments"),
        (28, "physical operations: utilities, mining, ports, sites, factories"),
    ):
        sentences(
            f"dev set {n} (a helper's, {register}; the sentence model learns from it)",
            load(data / f"lint_dev{n}.jsonl"),
            args.errors,
            rewrites,
        )
    chains("dev set", load(data / "whys_dev.jsonl"), args.errors)
    sentences(
        "near misses (tuned against)", load(data / "lint_neutral.jsonl"), args.errors, rewrites
    )
    for used in (
        "lint_used1",
        "lint_used2",
        "lint_used3",
        "lint_used4",
        "lint_used5",
        "lint_used6",
        "lint_used7",
        "lint_used8",
        "lint_used9",
        "lint_used10",
        "lint_used11",
        "lint_used12",
        "lint_used13",
        "lint_used14",
        "lint_used15",
        "lint_used16",
        "lint_used17",
        "lint_used18",
        "lint_used19",
        "lint_used20",
        "lint_used21",
        "lint_used22",
    ):
        sentences(
            f"{used} (tuned against)", load(data / used / "sentences.jsonl"), args.errors, rewrites
        )
        chains(used, load(data / used / "whys.jsonl"), args.errors)
    if args.sealed is not None:
        for number in args.sealed or found:
            sealed = data / f"lint_sealed{number}"
            sentences(f"SEALED set {number}", load(sealed / "sentences.jsonl"), False, None)
            chains(f"SEALED set {number}", load(sealed / "whys.jsonl"), False)
    realtext(args.errors, rewrites)
    print("rewrites (shared corpus, dev set and real writing):")
    rewrites.report()
    # a reading counts for a rewrite only while the rewrite reads as it did when it was judged
    readings = (
        ("rewrite_judgements.jsonl", "a first independent reader, 90 rewrites of 2026-12-03"),
        ("rewrite_judgements_2.jsonl", "a second independent reader, all 153 of commit 2b7b0f7"),
        (
            "rewrite_judgements_3.jsonl",
            "a third independent reader, the 118 of commit 080cf16 no one had read",
        ),
        (
            "rewrite_judgements_4.jsonl",
            "a fourth independent reader, the 112 of commit 7ee411b no one had read",
        ),
        (
            "rewrite_judgements_5.jsonl",
            "a fifth independent reader, the 63 of commit 28d5c5d no one had read",
        ),
        (
            "rewrite_judgements_6.jsonl",
            "a sixth independent reader, the 61 of commit 3af1696 no one had read",
        ),
        (
            "rewrite_judgements_7.jsonl",
            "a seventh independent reader, the 34 of commit f1fb76c no one had read",
        ),
        (
            "rewrite_judgements_8.jsonl",
            "an eighth independent reader, the 11 of commit fb69e11 no one had read",
        ),
        (
            "rewrite_judgements_9.jsonl",
            "a ninth independent reader, the 30 of commit e503f54 no one had read",
        ),
        (
            "rewrite_judgements_10.jsonl",
            "a tenth independent reader, the 47 of commit ac74703 no one had read",
        ),
        (
            "rewrite_judgements_11.jsonl",
            "an eleventh independent reader, the 21 of commit 54b7ce4 no one had read",
        ),
        (
            "rewrite_judgements_12.jsonl",
            "a twelfth independent reader, the 66 of commit 52c4093 no one had read",
        ),
    )
    for name, who in readings:
        judged = {j["rewrite_sha256"]: j for j in load(LABELS / name)}
        if not judged:
            continue
        good_then = sum(1 for j in judged.values() if j["grammatical"] and j["keeps_meaning"])
        read = [judged[h] for h in (_sha(r["rewritten"]) for r in rewrites.rows) if h in judged]
        good = sum(1 for j in read if j["grammatical"] and j["keeps_meaning"])
        clean = sum(
            1 for j in read if j["grammatical"] and j["keeps_meaning"] and not j.get("blame_left")
        )
        print(
            f"  read by hand ({who}): {good_then} of {len(judged)} ({pct(good_then, len(judged))}) "
            f"grammatical and keeping the meaning when read; of today's {rewrites.offered}, "
            f"{len(read)} read as judged, {good} of them good ({pct(good, len(read))})"
            + (
                f", {clean} good with no blame left"
                if "blame_left" in next(iter(judged.values()))
                else ""
            )
        )
    # the untuned readings together (the second to twelfth readers read none of the rules)
    untuned: dict[str, dict] = {}
    for name in (
        "rewrite_judgements_2.jsonl",
        "rewrite_judgements_3.jsonl",
        "rewrite_judgements_4.jsonl",
        "rewrite_judgements_5.jsonl",
        "rewrite_judgements_6.jsonl",
        "rewrite_judgements_7.jsonl",
        "rewrite_judgements_8.jsonl",
        "rewrite_judgements_9.jsonl",
        "rewrite_judgements_10.jsonl",
        "rewrite_judgements_11.jsonl",
        "rewrite_judgements_12.jsonl",
    ):
        untuned.update({j["rewrite_sha256"]: j for j in load(LABELS / name)})
    hashes = [_sha(r["rewritten"]) for r in rewrites.rows]
    read = [untuned[h] for h in hashes if h in untuned]
    good = [j for j in read if j["grammatical"] and j["keeps_meaning"]]
    print(
        f"  today's {rewrites.offered} as the second to twelfth readers read them: {len(read)} read, "
        f"{len(good)} good ({pct(len(good), len(read))}), "
        f"{sum(1 for j in good if not j.get('blame_left'))} good with no blame left, "
        f"{len(hashes) - len(read)} not read by anyone"
    )
    if args.rewrites:
        with open(args.rewrites, "w", encoding="utf-8") as out:
            # (a file for a reader outside the repository: real writing is not ours to copy)
            for row in rewrites.rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
