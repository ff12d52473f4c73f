"""Blame language underlined as you type: one paragraph (text block) is linted at a time.

QSyntaxHighlighter re-runs highlightBlock only for the blocks a keystroke
changed, so the per-keystroke cost is one `lint()` call on one paragraph.
The findings of each paragraph are remembered by its text for tooltips, the
context menu and the apply-suggestion shortcut.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtGui import (
    QColor,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)

from pmdesk.lint import Finding, default_linter, lint, linter_ready

#: long enough for the window's first paint to come before the linter's set-up
WARM_UP_DELAY_MS = 30
#: paragraphs whose findings are remembered per field
CACHE_SIZE = 2048

SEVERITY_COLOURS = {
    "error": QColor("#c62828"),
    "warning": QColor("#e08a00"),
    "info": QColor("#5c8fd6"),
}


@dataclass(frozen=True)
class BlockFinding:
    """A finding with its span in Qt's units (UTF-16) within its block."""

    start: int
    end: int
    finding: Finding


def finding_format(severity: str) -> QTextCharFormat:
    """How a finding looks: a wavy underline in the severity's colour (dotted for info)."""
    colour = SEVERITY_COLOURS.get(severity, SEVERITY_COLOURS["warning"])
    fmt = QTextCharFormat()
    fmt.setUnderlineColor(colour)
    if severity == "info":
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    else:  # a faint tint as well: a thin wave alone is easy to miss
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        tint = QColor(colour)
        tint.setAlpha(38)
        fmt.setBackground(tint)
    return fmt


def utf16_offsets(text: str) -> Callable[[int], int]:
    """Map Python string offsets to Qt's UTF-16 offsets (they differ after an emoji)."""
    if text.isascii() or all(ord(c) <= 0xFFFF for c in text):
        return lambda i: i
    prefix = [0]
    for ch in text:
        prefix.append(prefix[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return lambda i: prefix[i]


class BlameHighlighter(QSyntaxHighlighter):
    """Wavy underlines coloured by severity; `people` gives the names known in the document."""

    def __init__(
        self, document: QTextDocument, people: Callable[[], Sequence[str]] = lambda: ()
    ) -> None:
        super().__init__(document)
        self._people = people
        self._cache: OrderedDict[tuple[str, tuple[str, ...], int], list[BlockFinding]] = (
            OrderedDict()
        )
        self._formats = {severity: finding_format(severity) for severity in SEVERITY_COLOURS}
        self._waiting = False

    def highlightBlock(self, text: str) -> None:
        if not linter_ready():
            # The linter's one-time set-up would delay the first paint: paint now,
            # underline a moment later.
            if not self._waiting:
                self._waiting = True
                QTimer.singleShot(WARM_UP_DELAY_MS, self._warm_up)
            return
        for span in self.spans(text):
            self.setFormat(span.start, span.end - span.start, self._formats[span.finding.severity])

    def _warm_up(self) -> None:
        default_linter().prepare()
        self._waiting = False
        self.rehighlight()

    def spans(self, text: str) -> list[BlockFinding]:
        """The findings of one paragraph, linted once per distinct text and set of names.

        Kept here rather than on the QTextBlock: Python objects stored as block user
        data are freed twice by PySide at exit. The cache also spares a re-lint when
        a paragraph is re-highlighted unchanged (a relayout, or undo back to it).
        """
        if not text.strip():
            return []
        # keyed by the linter too: a changed rules file makes a new linter, and old spans go
        key = (text, tuple(self._people()), id(default_linter()))
        spans = self._cache.get(key)
        if spans is None:
            to_qt = utf16_offsets(text)
            spans = [BlockFinding(to_qt(f.start), to_qt(f.end), f) for f in lint(text, key[1])]
            self._cache[key] = spans
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return spans

    def block_findings(self, block: QTextBlock) -> list[BlockFinding]:
        return self.spans(block.text())

    def finding_at(self, position: int) -> tuple[QTextBlock, BlockFinding] | None:
        """The finding under a document position, preferring warnings over info."""
        block = self.document().findBlock(position)
        offset = position - block.position()
        hits = [f for f in self.spans(block.text()) if f.start <= offset <= f.end]
        if not hits:
            return None
        hits.sort(key=lambda f: f.finding.severity == "info")
        return block, hits[0]
