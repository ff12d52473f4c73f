"""Blame language underlined as you type, with the linting done in the lint worker.

QSyntaxHighlighter calls highlightBlock for each paragraph (text block) that a
keystroke or a relayout touched. A paragraph whose findings have arrived is
underlined at once; any other is sent to the worker, keeps the underlines it
had until the answer comes (so typing does not make them blink), and is
highlighted again when it does. The findings shown are kept per paragraph text
for tooltips, the context menu and the apply-suggestion shortcut.
"""

from __future__ import annotations

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

from pmdesk.lint import Finding
from pmdesk.lint_process import LintJobGivenUp
from pmdesk.ui.lint_worker import lint_worker

#: findings that arrive together are painted in one pass over the document
REPAINT_DELAY_MS = 15

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
        #: what is shown: the findings of each paragraph text, for the names at the time
        self._shown: dict[tuple[str, tuple[str, ...]], list[BlockFinding]] = {}
        #: the spans last painted on each block, kept while its new findings are awaited
        self._painted: dict[int, list[BlockFinding]] = {}
        self._formats = {severity: finding_format(severity) for severity in SEVERITY_COLOURS}
        self._worker = lint_worker()
        self._worker.finished.connect(self._arrived)
        self._worker.rules_changed.connect(self._rules_changed)
        self._arrivals: set[str] = set()
        #: paragraphs whose lint was given up once (see _arrived)
        self._given_up: set[tuple[str, tuple[str, ...]]] = set()
        self._repaint = QTimer(self, singleShot=True, interval=REPAINT_DELAY_MS)
        self._repaint.timeout.connect(self._repaint_arrivals)

    def highlightBlock(self, text: str) -> None:
        number = self.currentBlock().blockNumber()
        spans = self.spans(text)
        if spans is None:
            self._worker.lint((id(self), text, tuple(self._people())), text, self._people())
            # keep the old underlines (clipped) until the answer comes: no blinking
            spans = [s for s in self._painted.get(number, []) if s.end <= len(text)]
        else:
            self._painted[number] = spans
        for span in spans:
            self.setFormat(span.start, span.end - span.start, self._formats[span.finding.severity])

    def spans(self, text: str) -> list[BlockFinding] | None:
        """The findings shown for one paragraph; None while they are being worked out."""
        if not text.strip():
            return []
        return self._shown.get((text, tuple(self._people())))

    def _arrived(self, batch: list[tuple[object, object]]) -> None:
        mine = id(self)
        for key, result in batch:
            if not (isinstance(key, tuple) and len(key) == 3 and key[0] == mine):
                continue
            _, text, people = key
            if isinstance(result, LintJobGivenUp) and (text, people) not in self._given_up:
                # The lint process hung or crashed on it, and is started again: asked once
                # more, it is served when that process is warm; the old underlines stay
                # meanwhile. Given up twice, it shows none until edited.
                self._given_up.add((text, people))
                self._worker.lint(key, text, people)
                continue
            if isinstance(result, list):
                self._given_up.discard((text, people))
            findings = result if isinstance(result, list) else []  # a failed lint shows nothing
            to_qt = utf16_offsets(text)
            self._shown[(text, people)] = [
                BlockFinding(to_qt(f.start), to_qt(f.end), f) for f in findings
            ]
            self._arrivals.add(text)
        if self._arrivals:
            self._repaint.start()

    def _rules_changed(self) -> None:
        self._shown.clear()  # keep _painted: the old underlines stay until the new ones come
        self.rehighlight()

    def _repaint_arrivals(self) -> None:
        """Highlight again the blocks whose findings arrived; forget texts no longer present."""
        arrived, self._arrivals = self._arrivals, set()
        present: set[str] = set()
        block = self.document().firstBlock()
        while block.isValid():
            text = block.text()
            present.add(text)
            # most paragraphs show no underline and have none to show: highlighting them again
            # would lay each out again for nothing (~25 ms for the answers to a 40-page field)
            if text in arrived and (self.spans(text) or block.layout().formats()):
                self.rehighlightBlock(block)
            block = block.next()
        people = tuple(self._people())
        self._shown = {k: v for k, v in self._shown.items() if k[0] in present and k[1] == people}
        count = self.document().blockCount()
        self._painted = {n: v for n, v in self._painted.items() if n < count}

    def block_findings(self, block: QTextBlock) -> list[BlockFinding]:
        return self.spans(block.text()) or []

    def settled(self) -> bool:
        """True when every paragraph's findings have arrived (for tests and benchmarks)."""
        block = self.document().firstBlock()
        while block.isValid():
            if self.spans(block.text()) is None:
                return False
            block = block.next()
        return True

    def finding_at(self, position: int) -> tuple[QTextBlock, BlockFinding] | None:
        """The finding under a document position, preferring warnings over info."""
        block = self.document().findBlock(position)
        offset = position - block.position()
        hits = [f for f in self.block_findings(block) if f.start <= offset <= f.end]
        if not hits:
            return None
        hits.sort(key=lambda f: f.finding.severity == "info")
        return block, hits[0]
