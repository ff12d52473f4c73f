"""Blame findings on table cells: a coloured dot and a tooltip, as text fields underline them.

Each table model owns a CellMarks: the findings of the texts its cells show,
worked out by the lint worker. A cell whose findings have not arrived yet
paints without them (or with what it showed before its text changed); when
they arrive the model repaints the column. Only what the cells show now is
kept; the linter's own cache is the one cache.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from pmdesk.document_lint import action_findings, text_findings
from pmdesk.lint import Finding
from pmdesk.lint_process import LintJobGivenUp
from pmdesk.ui.editor.highlighter import SEVERITY_COLOURS, BlockFinding
from pmdesk.ui.editor.text_field import finding_tooltip
from pmdesk.ui.lint_worker import lint_worker

_icons: dict[str, QIcon] = {}
_RANK = {"error": 0, "warning": 1, "info": 2}
#: findings arriving together repaint the table once
REPAINT_DELAY_MS = 15


class CellMarks(QObject):
    """The findings of a table's cell texts, as they arrive from the lint worker."""

    #: the findings of some cell texts changed (a set of them; None: of every cell)
    changed = Signal(object)

    def __init__(
        self,
        present: Callable[[], Sequence[str]],
        check: Callable[[str, tuple[str, ...]], list[Finding]] = text_findings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._present = present  # the texts the cells show now
        self._check = check
        self._shown: dict[str, tuple[tuple[str, ...], list[Finding]]] = {}
        self._worker = lint_worker()
        self._worker.finished.connect(self._arrived)
        self._worker.rules_changed.connect(self._rules_changed)
        self._changed: set[str] = set()
        #: cell texts whose lint was given up once (see _arrived)
        self._given_up: set[tuple[str, tuple[str, ...]]] = set()
        self._repaint = QTimer(self, singleShot=True, interval=REPAINT_DELAY_MS)
        self._repaint.timeout.connect(self._settle)

    def findings(self, text: str, people: Sequence[str]) -> list[Finding]:
        """What to show for a cell now; asks the worker when the text or the names are new."""
        if not text.strip():
            return []
        names = tuple(people)
        shown = self._shown.get(text)
        if shown is not None and shown[0] == names:
            return shown[1]
        self._worker.request((id(self), text, names), partial(self._check, text, names))
        return shown[1] if shown is not None else []

    def settled(self, texts: Sequence[str], people: Sequence[str]) -> bool:
        """True when the findings of every one of `texts` have arrived."""
        names = tuple(people)
        return all(
            not t.strip() or (t in self._shown and self._shown[t][0] == names) for t in texts
        )

    def _arrived(self, batch: list[tuple[object, object]]) -> None:
        mine, any_mine = id(self), False
        for key, result in batch:
            if isinstance(key, tuple) and len(key) == 3 and key[0] == mine:
                _, text, names = key
                if isinstance(result, LintJobGivenUp) and (text, names) not in self._given_up:
                    # asked once more, served once the restarted lint process is warm (as
                    # the text fields do: pmdesk.ui.editor.highlighter)
                    self._given_up.add((text, names))
                    self._worker.request(key, partial(self._check, text, names))
                    continue
                if isinstance(result, list):
                    self._given_up.discard((text, names))
                found = result if isinstance(result, list) else []
                before = self._shown.get(text)
                self._shown[text] = (names, found)
                # a cell that painted no marks and has none to show needs no repaint (nor
                # its row measuring again): that is most cells of a long timeline
                if found != (before[1] if before is not None else []):
                    self._changed.add(text)
                any_mine = True
        if any_mine:
            self._repaint.start()

    def _rules_changed(self) -> None:
        # asked again on the next paint; the old marks show until the new ones come
        self._shown = {t: ((), found) for t, (_, found) in self._shown.items()}
        self.changed.emit(None)

    def _settle(self) -> None:
        present = set(self._present())
        self._shown = {t: v for t, v in self._shown.items() if t in present}
        changed, self._changed = self._changed & present, set()
        if changed:
            self.changed.emit(changed)


#: an action's findings: blame language, and an action aimed at a person or too vague (a
#: function of the Qt-free core: the lint worker's jobs run in the linter's own process)
action_cell_check = action_findings


def worst(findings: Sequence[Finding]) -> Finding | None:
    return min(findings, key=lambda f: _RANK.get(f.severity, 3), default=None)


def marker(findings: Sequence[Finding]) -> QIcon | None:
    """A small dot in the colour of the most severe finding; None when there is none."""
    top = worst(findings)
    if top is None:
        return None
    icon = _icons.get(top.severity)
    if icon is None:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(SEVERITY_COLOURS.get(top.severity, QColor("#888888")))
        painter.drawEllipse(2, 2, 8, 8)
        painter.end()
        icon = _icons[top.severity] = QIcon(pixmap)
    return icon


def tooltip(findings: Sequence[Finding], text: str) -> str:
    """Every finding of a cell: category, message and the rewrite or the question to ask."""
    parts = [finding_tooltip(BlockFinding(f.start, f.end, f), text) for f in findings]
    # the Ctrl+. hint belongs to text fields; cells are edited with their own editor
    parts = [p.replace("<br><small>Ctrl+. applies it</small>", "") for p in parts]
    return "<hr>".join(parts)
