"""Enforce the seal on the sealed held-out lint sets.

Sets 1 to 20 were each measured once and then became development sets, in
``tests/data/lint_used1/`` to ``lint_used20/``; the sets in force are in
``tests/data/lint_sealed*/`` and are listed in ``SEALED_SETS`` below.  A sealed set measures the
blame-language linter only and must never be used to develop rules.  This module checks that
each set is well formed (``sentences.jsonl`` always, ``whys.jsonl`` where present) and that no
sentence, why or root cause from any set has leaked into any other tracked text file under
pmdesk/, resources/, tests/, benchmarks/ or docs/ -- neither as a whole (normalised: lowercase,
whitespace collapsed) nor as any run of eight consecutive words.  Files inside the sealed
folders themselves are not scanned.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


@dataclass(frozen=True)
class SealedSet:
    name: str
    dir: Path
    id_pattern: str
    min_per_category: int
    min_clean: int
    # chains (stopping at a person, not) left after the seal's drops, see the set's README
    whys_split: tuple[int, int] = (0, 0)

    @property
    def sentences(self) -> Path:
        return self.dir / "sentences.jsonl"

    @property
    def whys(self) -> Path:
        return self.dir / "whys.jsonl"


SEALED_SETS: tuple[SealedSet, ...] = (
    # sets 17 and 18 were measured once at the end of the round after the one that asked for
    # them, and set 19 at the end of the round that asked for it (2026-12-05): they are now
    # lint_used17/ to lint_used19/. Set 20, asked for beside set 19, was measured once at the
    # end of the next round (session 34) and is lint_used20/. Sets 21 and 22, asked for at the
    # start of session 34, were measured once at the end of session 35: lint_used21/, 22/.
    # asked for at the start of session 35, before its first linter change
    SealedSet("sealed23", HERE / "data" / "lint_sealed23", r"ue\d{4}", 20, 100, (17, 18)),
    SealedSet("sealed24", HERE / "data" / "lint_sealed24", r"uf\d{4}", 20, 100, (17, 20)),
)
# The current sealed set.
SEALED_DIR = SEALED_SETS[0].dir if SEALED_SETS else HERE / "data" / "lint_sealed"
# (between a used set and the next one's landing there is nothing to seal)
pytestmark = pytest.mark.skipif(
    not SEALED_DIR.is_dir(), reason="no sealed set in force: sets 1 to 22 are used"
)
SENTENCES = SEALED_DIR / "sentences.jsonl"
WHYS = SEALED_DIR / "whys.jsonl"

SCANNED_ROOTS = ("pmdesk/", "resources/", "tests/", "benchmarks/", "docs/")
BLAME_CATEGORIES = (
    "named-agent",
    "counterfactual",
    "judgmental",
    "human-error-cause",
    "hindsight",
    "group-blame",
    "preventable",
    "punitive",
)
SHINGLE = 8
_WORD = re.compile(r"[0-9a-z]+(?:'[0-9a-z]+)*")

_SET_IDS = [s.name for s in SEALED_SETS]
_WHYS_SETS = [s for s in SEALED_SETS if s.whys.exists()]


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _load_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:  # pragma: no cover - failure path
                pytest.fail(f"{path.name}:{n}: invalid JSON ({exc})")
    return rows


def _sealed_texts(sset: SealedSet) -> list[tuple[str, str]]:
    """(label, text) for every sentence, why and root cause of one sealed set."""
    out = [(f"{sset.name}/{r['id']}", r["text"]) for r in _load_jsonl(sset.sentences)]
    if sset.whys.exists():
        for r in _load_jsonl(sset.whys):
            lab = f"{sset.name}/{r['id']}"
            out += [(f"{lab}.why{i}", w) for i, w in enumerate(r["whys"], 1)]
            if r["root_cause"].strip():
                out.append((f"{lab}.root_cause", r["root_cause"]))
    return out


def _tracked_files() -> list[Path]:
    try:
        res = subprocess.run(
            ["git", "ls-files", "-z", "--", *SCANNED_ROOTS],
            cwd=REPO,
            capture_output=True,
            check=True,
            timeout=30,
        )
        rels = [p for p in res.stdout.decode("utf-8", "replace").split("\0") if p]
    except (OSError, subprocess.SubprocessError):
        rels = [
            p.relative_to(REPO).as_posix()
            for root in SCANNED_ROOTS
            if (REPO / root).is_dir()
            for p in (REPO / root).rglob("*")
            if p.is_file()
        ]
    sealed_prefixes = tuple(s.dir.relative_to(REPO).as_posix() + "/" for s in SEALED_SETS)
    me = Path(__file__).resolve().relative_to(REPO).as_posix()
    return [REPO / r for r in rels if not r.startswith(sealed_prefixes) and r != me]


def _read_text(path: Path) -> str | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if b"\0" in data[:8192]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


# ---------------------------------------------------------------- well-formed


@pytest.mark.parametrize("sset", SEALED_SETS, ids=_SET_IDS)
def test_sentences_well_formed(sset: SealedSet):
    assert sset.sentences.is_file(), f"missing {sset.sentences}"
    rows = _load_jsonl(sset.sentences)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate sentence ids"
    assert all(re.fullmatch(sset.id_pattern, i) for i in ids)
    texts = [_norm(r["text"]) for r in rows]
    assert len(texts) == len(set(texts)), "duplicate sentence texts"
    counts = Counter()
    # (each check is reduced to a bool first: pytest would otherwise print a sealed row's text
    # when one fails)
    for r in rows:
        keys_ok = set(r) == {"id", "text", "blame", "category"}
        assert keys_ok, r["id"]
        text_ok = isinstance(r["text"], str) and bool(r["text"].strip())
        assert text_ok, r["id"]
        blame_ok = isinstance(r["blame"], bool)
        assert blame_ok, r["id"]
        category_ok = r["category"] in BLAME_CATEGORIES if r["blame"] else r["category"] == "none"
        assert category_ok, r["id"]
        counts[r["category"]] += 1
    for cat in BLAME_CATEGORIES:
        assert counts[cat] >= sset.min_per_category, (sset.name, cat, counts[cat])
    assert counts["none"] >= sset.min_clean, (sset.name, counts["none"])


@pytest.mark.parametrize("sset", _WHYS_SETS, ids=[s.name for s in _WHYS_SETS])
def test_whys_well_formed(sset: SealedSet):
    rows = _load_jsonl(sset.whys)
    assert len(rows) == sum(sset.whys_split)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate chain ids"
    for r in rows:  # (bools first, as above: no sealed text in a failure's message)
        keys_ok = set(r) == {"id", "whys", "root_cause", "stops_at_human"}
        assert keys_ok, r["id"]
        steps_ok = isinstance(r["whys"], list) and 3 <= len(r["whys"]) <= 6
        assert steps_ok, r["id"]
        whys_ok = all(isinstance(w, str) and bool(w.strip()) for w in r["whys"])
        assert whys_ok, r["id"]
        root_ok = isinstance(r["root_cause"], str)  # (set 9's may be empty)
        assert root_ok, r["id"]
        stops_ok = isinstance(r["stops_at_human"], bool)
        assert stops_ok, r["id"]
    human = sum(r["stops_at_human"] for r in rows)
    assert (human, len(rows) - human) == sset.whys_split


# ---------------------------------------------------------------------- seal


def test_sealed_text_not_found_elsewhere():
    sealed = [pair for sset in SEALED_SETS for pair in _sealed_texts(sset)]
    shingles: dict[tuple[str, ...], str] = {}
    short: list[tuple[str, str]] = []  # (label, " word seq ") for < 8 words
    fulls = [(label, _norm(text)) for label, text in sealed]
    for label, text in sealed:
        words = _words(text)
        if len(words) < SHINGLE:
            if words:
                short.append((label, " " + " ".join(words) + " "))
            continue
        for i in range(len(words) - SHINGLE + 1):
            shingles.setdefault(tuple(words[i : i + SHINGLE]), label)

    leaks: list[str] = []
    for path in _tracked_files():
        text = _read_text(path)
        if text is None:
            continue
        rel = path.relative_to(REPO).as_posix()
        normed = _norm(text)
        words = _words(text)
        for i in range(len(words) - SHINGLE + 1):
            label = shingles.get(tuple(words[i : i + SHINGLE]))
            if label is not None:
                leaks.append(f"{label}: 8-word run found in {rel}")
        joined = " " + " ".join(words) + " "
        for label, seq in short:
            if seq in joined:
                leaks.append(f"{label}: whole text found in {rel}")
        for label, full in fulls:
            if full in normed:
                leaks.append(f"{label}: whole text found in {rel}")
    assert not leaks, "sealed held-out text leaked:\n" + "\n".join(sorted(set(leaks)))
