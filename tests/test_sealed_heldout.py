"""Enforce the seal on the sealed held-out lint set (tests/data/lint_sealed/).

The sealed set measures the blame-language linter only; it must never be used
to develop rules.  This module checks that the set is well formed and that no
sentence, why or root cause from it has leaked into any other tracked text
file under pmdesk/, resources/, tests/, benchmarks/ or docs/ -- neither as a
whole (normalised: lowercase, whitespace collapsed) nor as any run of eight
consecutive words.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SEALED_DIR = HERE / "data" / "lint_sealed"
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
MIN_PER_CATEGORY = 45
MIN_CLEAN = 300
SHINGLE = 8
_WORD = re.compile(r"[0-9a-z]+(?:'[0-9a-z]+)*")


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


def _sealed_texts() -> list[tuple[str, str]]:
    """(label, text) for every sealed sentence, why and root cause."""
    out = [(r["id"], r["text"]) for r in _load_jsonl(SENTENCES)]
    for r in _load_jsonl(WHYS):
        out += [(f"{r['id']}.why{i}", w) for i, w in enumerate(r["whys"], 1)]
        out.append((f"{r['id']}.root_cause", r["root_cause"]))
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
    sealed_prefix = SEALED_DIR.relative_to(REPO).as_posix() + "/"
    me = Path(__file__).resolve().relative_to(REPO).as_posix()
    return [REPO / r for r in rels if not r.startswith(sealed_prefix) and r != me]


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


def test_sentences_well_formed():
    rows = _load_jsonl(SENTENCES)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate sentence ids"
    assert all(re.fullmatch(r"s\d{4}", i) for i in ids)
    texts = [_norm(r["text"]) for r in rows]
    assert len(texts) == len(set(texts)), "duplicate sentence texts"
    counts = Counter()
    for r in rows:
        assert set(r) == {"id", "text", "blame", "category"}, r["id"]
        assert isinstance(r["text"], str) and r["text"].strip(), r["id"]
        assert isinstance(r["blame"], bool), r["id"]
        if r["blame"]:
            assert r["category"] in BLAME_CATEGORIES, r["id"]
        else:
            assert r["category"] == "none", r["id"]
        counts[r["category"]] += 1
    for cat in BLAME_CATEGORIES:
        assert counts[cat] >= MIN_PER_CATEGORY, (cat, counts[cat])
    assert counts["none"] >= MIN_CLEAN, counts["none"]


def test_whys_well_formed():
    rows = _load_jsonl(WHYS)
    assert len(rows) == 40
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate chain ids"
    for r in rows:
        assert set(r) == {"id", "whys", "root_cause", "stops_at_human"}, r["id"]
        assert isinstance(r["whys"], list) and 3 <= len(r["whys"]) <= 6, r["id"]
        assert all(isinstance(w, str) and w.strip() for w in r["whys"]), r["id"]
        assert isinstance(r["root_cause"], str) and r["root_cause"].strip(), r["id"]
        assert isinstance(r["stops_at_human"], bool), r["id"]
    human = sum(r["stops_at_human"] for r in rows)
    assert (human, len(rows) - human) == (20, 20)


# ---------------------------------------------------------------------- seal


def test_sealed_text_not_found_elsewhere():
    sealed = _sealed_texts()
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
