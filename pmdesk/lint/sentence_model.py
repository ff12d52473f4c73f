"""A second opinion on sentences no rule flags: a logistic regression over word n-grams.

Rules by class reach new writers slowly (README, "How the linter decides"): the blame a new
writer puts in words no rule foresaw ("Marta's cutover plan was the whole story here") is often
plain in the words around it. This model reads a sentence as a bag of its words and of its runs
of two and three words, with given names as one token and numbers as another, and says how
likely the sentence is to be blame and, if so, of which category.

It was trained (``benchmarks/sentence_model.py --write``) on the labelled sets under
``tests/data`` that are not held out, and on the published postmortems of ``../shared/realtext``
read as mostly not blame, so that the register of real reports is not taken for blame. What is
kept is numbers only: each n-gram appears as its CRC-32, beside its weights; no text of any
report or sentence is in the file.

It answers only for sentences of at least ``min_words`` words (a heading says too little), and
only at or above its threshold; both are stored with the weights. It needs no parse, and costs
tens of microseconds a sentence.
"""

from __future__ import annotations

import math
import re
import threading
import zlib
from collections import Counter
from functools import lru_cache
from importlib import resources

import numpy as np

from pmdesk.lint.finding import CATEGORIES
from pmdesk.lint.names import is_given_name

#: the file beside the rules, written by benchmarks/sentence_model.py
MODEL_FILE = "sentence_model.npz"
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+")
_lock = threading.Lock()


def tokens(sentence: str, not_names: frozenset[str] = frozenset()) -> list[str]:
    """The sentence's words as the model reads them: lowercase, a capitalised given name as
    NAME (who it was does not matter, that it was someone does), a number as NUM. `not_names`:
    lowercase words the user's rules say are not people ("Hermes", a product)."""
    out = []
    for word in _WORD.findall(sentence):
        if word.isdigit():
            out.append("NUM")
        elif word[0].isupper() and is_given_name(word) and word.lower() not in not_names:
            out.append("NAME")
        else:
            out.append(word.lower().replace("’", "'"))
    return out


def grams(words: list[str]) -> Counter[int]:
    """The CRC-32 of every word and run of two and three words, with its count."""
    counts: Counter[int] = Counter()
    n = len(words)
    for i in range(n):
        counts[zlib.crc32(words[i].encode())] += 1
        if i + 1 < n:
            counts[zlib.crc32(f"{words[i]} {words[i + 1]}".encode())] += 1
            if i + 2 < n:
                counts[zlib.crc32(f"{words[i]} {words[i + 1]} {words[i + 2]}".encode())] += 1
    return counts


class SentenceModel:
    """The weights, read once; `judge` is safe to call from several threads."""

    def __init__(self, data: dict[str, np.ndarray]) -> None:
        self.keys = data["keys"]  # sorted CRC-32s of the n-grams seen in training
        self.idf = data["idf"]
        self.weights = data["weights"]
        self.bias = float(data["bias"])
        self.category_weights = data["category_weights"]  # keys x categories, float16 (1.2 MB)
        self.category_bias = data["category_bias"]
        self.threshold = float(data["threshold"])
        self.min_words = int(data["min_words"])
        self.categories = tuple(str(c) for c in data["categories"])
        if set(self.categories) - set(CATEGORIES):
            raise ValueError(f"{MODEL_FILE}: unknown categories {self.categories}")

    def probability(self, sentence: str) -> float:
        """How likely the model thinks `sentence` is blame (0 to 1)."""
        rows, values = self._vector(tokens(sentence))
        return self._blame(rows, values)

    def judge(self, sentence: str, not_names: frozenset[str] = frozenset()) -> str | None:
        """The category of blame the sentence reads as, or None below the threshold."""
        words = tokens(sentence, not_names)
        if len(words) < self.min_words:
            return None
        rows, values = self._vector(words)
        if self._blame(rows, values) < self.threshold:
            return None
        scores = values @ self.category_weights[rows].astype(np.float32) + self.category_bias
        return self.categories[int(np.argmax(scores))]

    def _vector(self, words: list[str]) -> tuple[np.ndarray, np.ndarray]:
        counts = grams(words)
        if not counts:
            return np.empty(0, dtype=np.intp), np.empty(0, dtype=np.float32)
        keys = np.fromiter(counts.keys(), dtype=np.uint32, count=len(counts))
        rows = np.searchsorted(self.keys, keys)
        rows[rows == len(self.keys)] = 0
        known = self.keys[rows] == keys
        rows = rows[known]
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))[known]
        values = (1.0 + np.log(tf)) * self.idf[rows]
        norm = float(np.sqrt(values @ values))
        return rows, values / norm if norm else values

    def _blame(self, rows: np.ndarray, values: np.ndarray) -> float:
        z = float(values @ self.weights[rows]) + self.bias
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def model() -> SentenceModel:
    """The shipped model (read on first use: about 1 MB)."""
    with _lock:
        path = resources.files("pmdesk.lint").joinpath("rules", MODEL_FILE)
        with path.open("rb") as f, np.load(f, allow_pickle=False) as data:
            return SentenceModel({k: data[k] for k in data.files})
