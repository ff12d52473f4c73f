"""A second opinion on whole sentences: a linear text classifier trained on labelled sentences.

The judges (pmdesk.lint.judges) read grammar and find blame whose shape they know, with a rewrite
where one keeps the facts. Writers blame in more ways than any list of shapes: "Pull @mira's deploy
rights for a month", "The DBAs ran the vacuum at the worst possible time". This classifier reads
a sentence's words and word pairs (spaCy's bag-of-words text categoriser, trained by
tools/train_blame_model.py on the labelled sentence sets in the repository) and says how likely
the sentence is to blame, and in which category. The engine asks it about every sentence the
judges leave unflagged and raises a finding, with its category's reframing question and no
rewrite, when it is sure (`THRESHOLD`).

Names, handles, times and numbers are replaced by placeholders before the words are read, so
"Priya restarted the primary" and "Kwame restarted the primary" look the same to it.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pmdesk.lint.names import is_given_name

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_DIR = Path(__file__).resolve().parent / "rules" / "blame_model"
#: the categories the classifier tells apart; "none" is not blame
LABELS = (
    "none",
    "named-agent",
    "counterfactual",
    "judgmental",
    "human-error-cause",
    "hindsight",
    "group-blame",
    "preventable",
    "punitive",
)
#: fewer words than this and a sentence is a heading or a fragment: not asked
MIN_WORDS = 4

_TOKEN = re.compile(
    r"@[\w.-]+|\d{1,2}:\d{2}(?::\d{2})?|[\w.,:%/-]*\d[\w.,:%/-]*|[^\W\d_]+(?:['’][^\W\d_]+)?|[^\w\s]"
)
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_lock = threading.Lock()
_nlp: Language | None = None


@lru_cache(maxsize=4096)
def _in_dictionary(word: str) -> bool:
    from pmdesk.lint.clause import _in_dictionary as known

    return known(word)


def tokens(text: str) -> list[str]:
    """The words the classifier reads: lowercase, with names, times and numbers as placeholders."""
    out = []
    for w in _TOKEN.findall(text):
        low = w.lower().replace("’", "'")
        if w[0] == "@" and len(w) > 1:
            out.append("_name_")
        elif _TIME.fullmatch(w):
            out.append("_time_")
        elif any(c.isdigit() for c in w):
            out.append("_num_")
        elif w[:1].isupper() and is_given_name(low) and not _in_dictionary(low):
            out.append("_name_")
        else:
            out.append(low)
    return out


def settings() -> dict:
    """What the training script recorded beside the weights: threshold, data, figures."""
    return json.loads((MODEL_DIR / "training.json").read_text(encoding="utf-8"))


THRESHOLD: float = 0.0  # set on first load from training.json


def pipeline() -> Language:
    """The trained classifier; the first call loads it (about 0.15 s)."""
    global _nlp, THRESHOLD
    with _lock:
        if _nlp is None:
            import spacy

            THRESHOLD = float(settings()["threshold"])
            _nlp = spacy.load(MODEL_DIR)
        return _nlp


def judge(sentences: Sequence[str]) -> list[tuple[float, str]]:
    """(probability of blame, likeliest blame category) for each sentence, in order."""
    if not sentences:
        return []
    from spacy.tokens import Doc

    nlp = pipeline()
    textcat = nlp.get_pipe("textcat")
    with _lock:
        docs = [Doc(nlp.vocab, words=tokens(s) or ["."]) for s in sentences]
        docs = list(textcat.pipe(docs, batch_size=256))
    out = []
    for doc in docs:
        cats = doc.cats
        best = max(LABELS[1:], key=lambda c: cats.get(c, 0.0))
        out.append((1.0 - cats.get("none", 0.0), best))
    return out


def asks(sentence: str) -> bool:
    """Whether the classifier is asked about this sentence at all (not a heading or fragment)."""
    return len(sentence.split()) >= MIN_WORDS
