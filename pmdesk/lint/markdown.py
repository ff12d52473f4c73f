"""Markdown awareness: what to skip, where sentences are, and inline suppressions.

The linter matches rules against a *view* of the text: the same length, every offset the same,
but with code, URLs, front matter, HTML comments, quoted passages and Markdown markers blanked
out, so nothing in them is flagged and every finding points into the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial


class _AtLineStart:
    """A pattern that opens with ^ (multi-line): the regex engine tries ^ at every position of
    the text, so it is found as a newline and what follows (the engine skips from one newline
    to the next), plus a match at the very start. Matches end before a newline, never after."""

    def __init__(self, body: str, flags: int = 0) -> None:
        self._first = re.compile(body, flags | re.M)
        self._rest = re.compile(r"\n(?:" + body + ")", flags | re.M)

    def finditer(self, text: str) -> Iterator[tuple[re.Match[str], int]]:
        """Each match with the offset where its line starts."""
        m = self._first.match(text)
        pos = 0
        if m:
            yield m, 0
            pos = m.end()
        for m in self._rest.finditer(text, pos):
            yield m, m.start() + 1


_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n.*?\n\1[ \t]*(?:\n|\Z)", re.S)
_FENCE = _AtLineStart(r"[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.S)
# a code block opens the text or follows a blank line (two regexes for the same reason)
_INDENTED_CODE_FIRST = re.compile(r"((?:(?:    |\t)[^\n]*(?:\n|\Z))+)")
_INDENTED_CODE = re.compile(r"\n[ \t]*\n((?:(?:    |\t)[^\n]*(?:\n|\Z))+)")
_COMMENT = re.compile(r"<!--(.*?)(?:-->|\Z)", re.S)
_ALLOW = re.compile(r"^\s*pmdesk\s*:\s*allow\s+([\w\s,.-]+?)\s*$", re.I)
# (`+)(?!`).*?(?<!`)\1(?!`), opening with a literal backtick the regex engine can skip to
_CODE_SPAN = re.compile(r"`(`*)(?!`).*?(?<!`)`\1(?!`)", re.S)
# URLs, written so each regex starts with a literal or a class of letters the engine can skip
# ahead to: under IGNORECASE a letter does not count, so the first letter is matched with (?-i)
# and the scheme read back with a lookbehind. (No other letters fold onto h, f, m or w.)
_URL_ANGLE = re.compile(r"<[a-z][\w+.-]*:[^\s>]+>", re.I)
_URL_SCHEME = re.compile(
    r"(?-i:[hHfFmM])(?:(?<=[hH])ttps?|(?<=[fF])tp|(?<=[fF])ile|(?<=[mM])ailto):[^\s<>()\[\]]+",
    re.I,
)
_URL_WWW = re.compile(r"(?-i:[wW])(?<=\b.)ww\.[^\s<>()]+", re.I)  # \bwww\.
_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>\n]*>")
# A quoted word or phrase talks *about* language ("we no longer accept 'human error'"). The
# single-quote form must not take an apostrophe (don't, Ana's) for a quote mark.
_QUOTED = re.compile(r"\"[^\"\n]{1,160}\"|“[^”\n]{1,160}”|‘[^’\n]{1,160}’")
# no lookbehind, so the regex engine can jump from one quote mark to the next; the engine
# checks in Python that the mark does not follow a letter
_SINGLE_QUOTED = re.compile(r"'(?=\S)[^\n]{1,160}?(?<=\S)'(?![\w])")
# (only lines that start with a marker character: blanking bare indentation changes nothing)
_LINE_MARKER = _AtLineStart(
    r"[ \t]*(?=[>#*+\d-])(?P<marker>(?:>[ \t]?)*[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,3}[.)][ \t]+)?)"
)
# (no two runs of blanks side by side: on a blanked line of code they would backtrack for each
# split of the run, quadratic in the line's length)
_TABLE_RULE = _AtLineStart(
    r"[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*(?:\|[ \t]*)?$"
)
# Sentence ends: terminal punctuation before a non-lowercase start, a blank line, a new
# Markdown block (list item, heading, quote, table row), or a table cell boundary; and the
# whitespace after it, so the next sentence starts where the match ends. The regex opens with
# a class of the characters that can begin one, so the engine skips from one to the next
# (a leading alternation would make it try every position), and a lookbehind tells which.
_SENTENCE_END = re.compile(
    r"[.!?\n|]"
    r"(?:(?<=[.!?])[.!?]*[\"'”’)\]]*(?P<stop>)(?=\s+[^\s\da-z]|\s+\d|\s*\Z)"
    r"|(?<=\n)[ \t]*\n"
    r"|(?<=\n)(?=[ \t]*(?:[-*+>#|]|\d{1,3}[.)]\s|\d{1,2}:\d{2}))"
    r"|(?<=\|))\s*"
)
_NOT_NEWLINE = re.compile(r"[^\n]+")
#: a title or an abbreviation whose full stop ends no sentence (searched just before the stop)
_ABBREVIATION = re.compile(
    r"(?:^|(?<=[\s(\"'“‘]))(?:Mr|Mrs|Ms|Mx|Dr|Sgt|Prof|Capt|Lt|Col|Gen|Rev|Insp|Supt|Cpl|"
    r"e\.g|i\.e|vs|cf|approx)$"
)

#: an initial before a surname: a lone capital after a space, its full stop followed by a name
_INITIAL = re.compile(r"(?:^|(?<=[\s(]))[A-Z]$")
_NEXT_WORD = re.compile(r"([A-Z][a-z'’-]+)\b")
#: words that open a sentence far more often than they are a surname
_OPENERS = frozenset(
    "The A An We I It Its This That These Those They He She In On At After Before When Then But "
    "And So If Our Their His Her There Here All No Yes One Once Now Next Later Also However "
    "Meanwhile What Why How Who Which Please Note See Since As For From To With Without By Each "
    "Every Some Most Many Both Only While Until During Not Nobody Everyone Someone You Your My".split()
)


def _after_word(text: str, pos: int) -> bool:
    """True when text[pos] follows a letter, digit, underscore or apostrophe."""
    return pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "_'’")


def _search(
    regex: re.Pattern[str], text: str, not_after: Callable[[str, int], bool] | None = None
) -> Iterator[tuple[int, int]]:
    """The spans of `regex` in `text`, one after another, skipping those `not_after` rejects."""
    pos = 0
    while (m := regex.search(text, pos)) is not None:
        if not_after is not None and not_after(text, m.start()):
            # "xhttp:" is no URL, the ' of "don't" opens no quote: checked here rather than
            # by a lookbehind, which would make the engine try every position
            pos = m.start() + 1
            continue
        yield m.span()
        pos = m.end()


def _quotes(
    regex: re.Pattern[str], text: str, not_after: Callable[[str, int], bool] | None = None
) -> Iterator[tuple[int, int]]:
    """A quoted word or phrase is talk about language, and is blanked; a quoted clause of
    seven words or more is reported speech ("manager email: 'there will be consequences for
    whoever approved this'"), judged like the rest: only its quote marks are blanked."""
    for start, end in _search(regex, text, not_after):
        said = len(text[start + 1 : end - 1].split()) >= _SPEECH_WORDS or _SPEECH_LABEL.search(
            text, max(0, start - 30), start
        )  # ("Sticky note: 'Take away his prod access.'": a label, a colon, what was written)
        said = said or _RECORD_LABEL.search(text, max(0, start - 60), start)
        if said and not _MACHINE_TEXT.search(text, max(0, start - 40), start):
            yield start, start + 1
            yield end - 1, end
        else:
            yield start, end


_SPEECH_WORDS = 7
#: who wrote or said what follows, before a colon: "Sticky note:", "Retro note:", "Dana said:"
_SPEECH_LABEL = re.compile(
    r"\b(?:note|notes|sticky|said|says|wrote|writes|email|e-mail|comment|comments|message\s+from|"
    r"quote|quoted|asked|replied|added|retro|slack|chat|dm|feedback)\s*:\s*$",
    re.I,
)
#: a record's field just before a quote: what the record says, not talk about a word
#: ("root cause recorded as 'staff error'", "Primary factor as entered on the form: 'Operator
#: error'", "cause coded as 'human error (slip)'"), unless it was struck out ("we no longer
#: record 'human error'", "changed from 'operator error'")
_RECORD_LABEL = re.compile(
    r"^(?![^\n]*\b(?:no\s+longer|not|never|instead|rather\s+than|replac\w*|chang\w*|from|"
    r"stop(?:ped)?)\b)[^\n]*\b(?:(?:recorded|coded|entered|logged|selected|classified|"
    r"categori[sz]ed|ticked|put\s+down)\s+(?:as|on|in|under)\b[^\n]{0,30}|(?:cause|factor|category)"
    r"\b[^\n]{0,40}[:—–]\s*)$",
    re.I,
)
#: what a program shows or a writer gives as an example, just before a quote: not speech
_MACHINE_TEXT = re.compile(
    r"\b(?:messages?|banners?|errors?|prompts?|strings?|text|output|logs?|log\s+line|warnings?|notices?|"
    r"toasts?|dialog|popup|pop-up|title|subject|label|header|response|alerts?|exceptions?|writing|"
    r"write|reads?|reading|says?|saying|displayed|shows?|showed|printed|returned|returns|"
    r"example|e\.g\.|like)\b[^\n\"“‘']{0,12}$",
    re.I,
)


def _table_rules(text: str) -> Iterator[tuple[int, int]]:
    return ((line, m.end()) for m, line in _TABLE_RULE.finditer(text))


#: the blanking passes after code and comments, in order, with the text that tells a pass to
#: run; each finds spans in the text as masked by the passes before it
_PASSES: tuple[tuple[Callable[[str], Iterator[tuple[int, int]]], tuple[str, ...]], ...] = (
    (partial(_search, _CODE_SPAN), ("`",)),
    (partial(_search, _URL_ANGLE), ("<",)),
    (
        partial(_search, _URL_SCHEME, not_after=_after_word),
        ("://", "mailto:", "file:", "MAILTO:", "FILE:", "HTTP", "Http"),
    ),
    (partial(_search, _URL_WWW), ("www.", "WWW.")),
    (partial(_search, _LINK_TARGET), ("](",)),
    (partial(_search, _HTML_TAG), ("<",)),
    (partial(_quotes, _QUOTED), ('"', "“", "‘")),
    (partial(_quotes, _SINGLE_QUOTED, not_after=_after_word), ("'",)),
    (_table_rules, ("---",)),
)


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
    blanks: list[tuple[int, int]] = []
    m = _FRONT_MATTER.match(text) if text.startswith(("---", "+++")) else None
    if m:
        blanks.append((0, m.end()))
    if "```" in text or "~~~" in text:
        blanks += ((line, m.end()) for m, line in _FENCE.finditer(text))
    if "    " in text or "\t" in text:
        first = _INDENTED_CODE_FIRST.match(text)
        if first:
            blanks.append(first.span(1))
        blanks += (m.span(1) for m in _INDENTED_CODE.finditer(text, first.end() if first else 0))
    suppressions = []
    if "<!--" in text:
        for m in _COMMENT.finditer(text):
            allow = _ALLOW.match(m.group(1))
            if allow:
                names = frozenset(n.lower() for n in re.split(r"[\s,]+", allow.group(1)) if n)
                suppressions.append(Suppression(m.start(), _passage_end(text, m.end()), names))
            blanks.append(m.span())
    masked = _blank(text, blanks)
    # each pass reads the text as masked so far, so a quote inside code stays code; a pass
    # whose tell-tale characters are absent is skipped (most paragraphs have none of them)
    for find, tells in _PASSES:
        if any(t in masked for t in tells):
            masked = _blank(masked, list(find(masked)))
    markers = (m.span("marker") for m, _ in _LINE_MARKER.finditer(masked))
    masked = _blank(masked, [(a, b) for a, b in markers if b > a])
    sentences = _split(masked)
    return View(text, masked, sentences, suppressions, [s for s, _ in sentences])


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every character in `spans` but a newline made a space (the same length)."""
    if not spans:
        return text
    parts = []
    pos = 0
    for start, end in sorted(spans):
        start = max(start, pos)  # (spans of different passes may overlap)
        if end <= start:
            continue
        parts.append(text[pos:start])
        piece = text[start:end]
        parts.append(_NOT_NEWLINE.sub(_spaces, piece) if "\n" in piece else " " * (end - start))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _spaces(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


def _passage_end(text: str, pos: int) -> int:
    """End of the paragraph that holds the first words after `pos`."""
    m = re.compile(r"\S").search(text, pos)
    if not m:
        return len(text)
    blank_line = re.compile(r"\n[ \t]*\n").search(text, m.start())
    return blank_line.start() if blank_line else len(text)


def _split(masked: str) -> list[tuple[int, int]]:
    """Each sentence's span, without the whitespace around it."""
    spans: list[tuple[int, int]] = []
    start = len(masked) - len(masked.lstrip())
    for m in _SENTENCE_END.finditer(masked, start):
        if masked[m.start()] == "." and _ABBREVIATION.search(
            masked, max(0, m.start() - 6), m.start()
        ):
            continue  # "Mr. Petrov authorised ...", "e.g. the cache": no end of a sentence
        if masked[m.start()] == "." and _INITIAL.search(masked, max(0, m.start() - 3), m.start()):
            after = _NEXT_WORD.match(masked, m.end())
            if after is not None and after.group(1) not in _OPENERS:
                continue  # "picker J. Mensah stacked ...": an initial, not "... plan B. Then"
        end = m.end("stop")  # a sentence keeps its full stop; -1 for the other kinds of end
        if end < 0:
            end = start + len(masked[start : m.start()].rstrip())
        if end > start:  # (the match ate the whitespace after it: text starts at `start`)
            spans.append((start, end))
        start = m.end()
    end = start + len(masked[start:].rstrip())
    if end > start:
        spans.append((start, end))
    return spans or [(0, 0)]
