"""Blame findings on table cells: a coloured dot and a tooltip, as text fields underline them.

Tables repaint often (every hover, every scroll); the linter's own cache answers a text it has
seen in microseconds, and it is the one cache, so a changed rules file is seen at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from pmdesk.document_lint import action_findings
from pmdesk.lint import Finding, lint
from pmdesk.ui.editor.highlighter import SEVERITY_COLOURS, BlockFinding
from pmdesk.ui.editor.text_field import finding_tooltip

_icons: dict[str, QIcon] = {}
_RANK = {"error": 0, "warning": 1, "info": 2}


def cell_findings(text: str, people: Sequence[str]) -> list[Finding]:
    """The linter's findings for one cell's text."""
    if not text.strip():
        return []
    return lint(text, people)


def action_cell_findings(text: str, people: Sequence[str]) -> list[Finding]:
    """An action's findings: blame language, and an action aimed at a person or too vague."""
    if not text.strip():
        return []
    return action_findings(text, tuple(people))


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
