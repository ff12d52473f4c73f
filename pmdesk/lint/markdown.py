"""Markdown awareness: what to skip, where sentences are, and inline suppressions.

The linter matches rules against a *view* of the text: the same length, every offset the same,
but with code, URLs, front matter, HTML comments, quoted passages and Markdown markers blanked
out, so nothing in them is flagged and every finding points into the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n.*?\n\1[ \t]*(?:\n|\Z)", re.S)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.S | re.M)
_INDENTED_CODE = re.compile(r"(?:\A|\n[ \t]*\n)((?:(?:    |\t)[^\n]*(?:\n|\Z))+)")
_COMMENT = re.compile(r"<!--(.*?)(?:-->|\Z)", re.S)
_ALLOW = re.compile(r"^\s*pmdesk\s*:\s*allow\s+([\w\s,.-]+?)\s*$", re.I)
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
# URLs, split so each regex starts with a literal (a leading alternation or lookbehind makes the
# regex engine try every position of a 1 MB document)
_URL_ANGLE = re.compile(r"<[a-z][\w+.-]*:[^\s>]+>", re.I)
_URL_SCHEME = re.compile(r"(?:https?|ftp|file|mailto):[^\s<>()\[\]]+", re.I)
_URL_WWW = re.compile(r"\bwww\.[^\s<>()]+", re.I)
_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>\n]*>")
# A quoted word or phrase talks *about* language ("we no longer accept 'human error'"). The
# single-quote form must not take an apostrophe (don't, Ana's) for a quote mark.
_QUOTED = re.compile(r"\"[^\"\n]{1,160}\"|“[^”\n]{1,160}”|‘[^’\n]{1,160}’")
# no lookbehind, so the regex engine can jump from one quote mark to the next; the engine
# checks in Python that the mark does not follow a letter
_SINGLE_QUOTED = re.compile(r"'(?=\S)[^\n]{1,160}?(?<=\S)'(?![\w])")
# (only lines that start with a marker character: blanking bare indentation changes nothing)
_LINE_MARKER = re.compile(
    r"^[ \t]*(?=[>#*+\d-])((?:>[ \t]?)*[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,3}[.)][ \t]+)?)",
    re.M,
)
_TABLE_RULE = re.compile(
    r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$", re.M
)
# Sentence ends: terminal punctuation before a non-lowercase start, a blank line, a new
# Markdown block (list item, heading, quote, table row), or a table cell boundary.
_SENTENCE_END = re.compile(
    r"[.!?]+[\"'”’)\]]*(?=\s+[^\s\da-z]|\s+\d|\s*\Z)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+>#|]|\d{1,3}[.)]\s|\d{1,2}:\d{2}))|\|"
)


#: the blanking passes after code and comments, in order, with the text that tells a pass to run
_PASSES = (
    (_CODE_SPAN, ("`",)),
    (_URL_ANGLE, ("<",)),
    (_URL_SCHEME, ("://", "mailto:", "file:", "MAILTO:", "FILE:", "HTTP", "Http")),
    (_URL_WWW, ("www.", "WWW.")),
    (_LINK_TARGET, ("](",)),
    (_HTML_TAG, ("<",)),
    (_QUOTED, ('"', "“", "‘")),
    (_SINGLE_QUOTED, ("'",)),
    (_TABLE_RULE, ("---",)),
)


_NOT_AFTER_WORD = (_URL_SCHEME, _SINGLE_QUOTED)


def _after_word(text: str, pos: int) -> bool:
    """True when text[pos] follows a letter, digit, underscore or apostrophe."""
    return pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "_'’")


@dataclass(slots=True)
class Suppression:
    start: int
    end: int
    names: frozenset[str]  # categories, rule ids, or "all"


@dataclass(slots=True)
class View:
    text: str
    masked: str
    sentences: list[tuple[int, int]]
    suppressions: list[Suppression]
    _starts: list[int]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding `pos`."""
        i = bisect_right(self._starts, pos) - 1
        return self.sentences[max(i, 0)]

    def suppressed(self, start: int, rule: str, category: str) -> bool:
        for s in self.suppressions:
            if s.start <= start < s.end and (
                "all" in s.names or category in s.names or rule in s.names
            ):
                return True
        return False


def allow_comment(category: str) -> str:
    """The inline comment that turns a category (or a rule id) off for the passage it opens."""
    name = category.strip()
    if not name or not re.fullmatch(r"[\w.-]+", name):
        raise ValueError(f"not a category or rule id: {category!r}")
    return f"<!-- pmdesk: allow {name} -->"


def make_view(text: str) -> View:
    chars: list[str] | None = None  # made only when something needs blanking

    def blank(start: int, end: int) -> None:
        nonlocal chars
        if chars is None:
            chars = list(masked)
        if "\n" in masked[start:end]:
            for i in range(start, end):
                if chars[i] != "\n":
                    chars[i] = " "
        else:
            chars[start:end] = " " * (end - start)

    def current() -> str:
        return masked if chars is None else "".join(chars)

    masked = text
    m = _FRONT_MATTER.match(text) if text.startswith(("---", "+++")) else None
    if m:
        blank(0, m.end())
    if "```" in text or "~~~" in text:
        for m in _FENCE.finditer(text):
            blank(m.start(), m.end())
    if "    " in text or "\t" in text:
        for m in _INDENTED_CODE.finditer(text):
            blank(m.start(1), m.end(1))
    suppressions = []
    if "<!--" in text:
        for m in _COMMENT.finditer(text):
            allow = _ALLOW.match(m.group(1))
            if allow:
                names = frozenset(n.lower() for n in re.split(r"[\s,]+", allow.group(1)) if n)
                suppressions.append(Suppression(m.start(), _passage_end(text, m.end()), names))
            blank(m.start(), m.end())
    masked = current()
    # each pass reads the text as masked so far, so a quote inside code stays code; a pass
    # whose tell-tale characters are absent is skipped (most paragraphs have none of them)
    for regex, tells in _PASSES:
        if not any(t in masked for t in tells):
            continue
        found = False
        pos = 0
        while (m := regex.search(masked, pos)) is not None:
            if regex in _NOT_AFTER_WORD and _after_word(masked, m.start()):
                # "xhttp:" is no URL, the ' of "don't" opens no quote: checked here rather
                # than by a lookbehind, which would make the engine try every position
                pos = m.start() + 1
                continue
            blank(m.start(), m.end())
            found = True
            pos = m.end()
        if found:
            masked = current()
    for m in _LINE_MARKER.finditer(masked):
        if m.end(1) > m.start(1):
            blank(m.start(1), m.end(1))
    masked = current()
    sentences = _split(masked)
    return View(text, masked, sentences, suppressions, [s for s, _ in sentences])


def _passage_end(text: str, pos: int) -> int:
    """End of the paragraph that holds the first words after `pos`."""
    m = re.compile(r"\S").search(text, pos)
    if not m:
        return len(text)
    blank_line = re.compile(r"\n[ \t]*\n").search(text, m.start())
    return blank_line.start() if blank_line else len(text)


def _split(masked: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(masked):
        end = m.end() if masked[m.start()] in ".!?" else m.start()
        _add(spans, masked, start, end)
        start = m.end()
    _add(spans, masked, start, len(masked))
    return spans or [(0, 0)]


def _add(spans: list[tuple[int, int]], masked: str, start: int, end: int) -> None:
    piece = masked[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))
