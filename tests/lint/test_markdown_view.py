"""The Markdown view's regexes are written for speed; each finds what its plain form finds."""

from __future__ import annotations

import re
from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from pmdesk.lint import markdown
from pmdesk.lint.markdown import make_view

TOKENS = [
    "a", "B", "x.", "Y!", "z?", " ", "  ", "\n", "\n\n", "\t", "    ", "- ", "* ", "1. ", "2) ",
    "> ", "# ", "## ", "|", "| ", " |", "---", "|---|:---:|", "```", "~~~", "`", "``",
    "<!-- pmdesk: allow all -->", "<!--", "-->", "http://x.y/z", "HTTP", "https:", "Http://q",
    "mailto:a@b", "fIle:/x", "ftp:", "www.x.com", "WWW.", "xwww.y", "<a>", "</b>", "<http://q>",
    "](u)", '[l](u "t")', '"q"', "“q”", "‘q’", "'", "'q'", "don't", "’", ".", "!", "?", ")",
    "]", "```x```", "``a`b``", "\u00a0", "\u2028", "\r", "ſ", "İ", "K", "14:05", "+++", "- [x] ", "h", "T", "p", "S",
    "m", "F", "w", "W", ":", "/",
]  # fmt: skip
texts = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=30).map("".join)

# The plain forms: what each regex meant before it was rewritten for speed.
URL_SCHEME = re.compile(r"(?:https?|ftp|file|mailto):[^\s<>()\[\]]+", re.I)
URL_WWW = re.compile(r"\bwww\.[^\s<>()]+", re.I)
CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
INDENTED_CODE = re.compile(r"(?:\A|\n[ \t]*\n)((?:(?:    |\t)[^\n]*(?:\n|\Z))+)")
SENTENCE_END = re.compile(
    r"[.!?]+[\"'”’)\]]*(?=\s+[^\s\da-z]|\s+\d|\s*\Z)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+>#|]|\d{1,3}[.)]\s|\d{1,2}:\d{2}))|\|"
)


def spans_everywhere(regex: re.Pattern[str], text: str) -> list:
    return [(m := regex.search(text, pos)) and m.span() for pos in range(len(text) + 1)]


@settings(max_examples=500, deadline=None)
@given(texts)
def test_url_and_code_regexes_find_what_their_plain_forms_find(text):
    assert spans_everywhere(markdown._URL_SCHEME, text) == spans_everywhere(URL_SCHEME, text)
    assert spans_everywhere(markdown._URL_WWW, text) == spans_everywhere(URL_WWW, text)
    assert spans_everywhere(markdown._CODE_SPAN, text) == spans_everywhere(CODE_SPAN, text)


def test_every_scheme_letter_goes_with_its_own_scheme_only():
    heads = ["h", "H", "f", "F", "m", "M", "w", "W", "x"]
    tails = ["ttp", "TTPS", "tp", "ile", "ailto", "ww.", "tps"]
    for before, head, tail, after in product(["", "x", " "], heads, tails, [":x", "x", ".y"]):
        text = before + head + tail + after
        assert spans_everywhere(markdown._URL_SCHEME, text) == spans_everywhere(URL_SCHEME, text)
        assert spans_everywhere(markdown._URL_WWW, text) == spans_everywhere(URL_WWW, text)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_line_start_patterns_find_what_a_multiline_caret_finds(text):
    for pattern in (markdown._LINE_MARKER, markdown._FENCE, markdown._TABLE_RULE):
        caret = re.compile("^(?:" + pattern._first.pattern + ")", pattern._first.flags)
        found = list(pattern.finditer(text))
        assert [(line, m.end()) for m, line in found] == [m.span() for m in caret.finditer(text)]
    markers = [m.span("marker") for m, _ in markdown._LINE_MARKER.finditer(text)]
    caret = re.compile("^(?:" + markdown._LINE_MARKER._first.pattern + ")", re.M)
    assert markers == [m.span("marker") for m in caret.finditer(text)]
    first = markdown._INDENTED_CODE_FIRST.match(text)
    fast = [first.span(1)] if first else []
    fast += [m.span(1) for m in markdown._INDENTED_CODE.finditer(text, first.end() if first else 0)]
    assert fast == [m.span(1) for m in INDENTED_CODE.finditer(text)]


def plain_split(masked: str) -> list[tuple[int, int]]:
    """Cut at every sentence end (keeping a full stop), then strip each piece."""
    spans, start = [], 0
    for m in SENTENCE_END.finditer(masked):
        i = m.start()
        if (
            masked[i] == "."
            and i >= 1
            and masked[i - 1].isascii()
            and masked[i - 1].isupper()
            and (i == 1 or masked[i - 2] in " \t\n\r\f\v(\u00a0\u2028")
            and (after := re.match(r"([A-Z][a-z'’-]+)\b", masked[m.end() :].lstrip()))
            and after.group(1) not in markdown._OPENERS
        ):
            continue  # an initial before a surname ("picker J. Mensah") ends no sentence
        end = m.end() if masked[m.start()] in ".!?" else m.start()
        piece = masked[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + lead + len(piece.strip())))
        start = m.end()
    piece = masked[start:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + lead + len(piece.strip())))
    return spans or [(0, 0)]


@settings(max_examples=1000, deadline=None)
@given(texts)
def test_sentences_are_the_stripped_pieces_between_sentence_ends(text):
    view = make_view(text)
    assert view.sentences == plain_split(view.masked)
    assert len(view.masked) == len(text)
    assert [i for i, c in enumerate(view.masked) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"
    ]


def test_a_long_document_keeps_every_sentence():
    text = "# Timeline\n\n" + "- 14:05 The job ran. It stopped at http://x.y/z.\n" * 3000
    view = make_view(text)
    assert view.sentences == plain_split(view.masked)
    assert sum(text[a:b] == "14:05 The job ran." for a, b in view.sentences) == 3000
    assert "http" not in view.masked
