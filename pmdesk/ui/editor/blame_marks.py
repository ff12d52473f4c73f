"""Blame findings on table cells: a coloured dot and a tooltip, as text fields underline them.

Tables repaint often (every hover, every scroll), so findings are cached by
text and the names known in the document; the linter runs once per new text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from pmdesk.lint import Finding, lint
from pmdesk.document_lint import action_findings
from pmdesk.ui.editor.highlighter import SEVERITY_COLOURS, BlockFinding
from pmdesk.ui.editor.text_field import finding_tooltip

_CACHE_LIMIT = 2000
_cache: dict[tuple[str, tuple[str, ...]], list[Finding]] = {}
_action_cache: dict[tuple[str, tuple[str, ...]], list[Finding]] = {}
_icons: dict[str, QIcon] = {}
_RANK = {"error": 0, "warning": 1, "info": 2}


def cell_findings(text: str, people: Sequence[str]) -> list[Finding]:
    """The linter's findings for one cell's text (cached)."""
    if not text.strip():
        return []
    key = (text, tuple(people))
    found = _cache.get(key)
    if found is None:
        if len(_cache) >= _CACHE_LIMIT:
            _cache.clear()
        found = _cache[key] = lint(text, people)
    return found


def action_cell_findings(text: str, people: Sequence[str]) -> list[Finding]:
    """An action's findings: blame language, and an action aimed at a person or too vague."""
    if not text.strip():
        return []
    key = (text, tuple(people))
    found = _action_cache.get(key)
    if found is None:
        if len(_action_cache) >= _CACHE_LIMIT:
            _action_cache.clear()
        found = _action_cache[key] = action_findings(text, key[1])
    return found


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


def tooltip(findings: Sequence[Finding]) -> str:
    """Every finding of a cell: category, message and the suggested rewrite."""
    parts = [finding_tooltip(BlockFinding(f.start, f.end, f)) for f in findings]
    # the Ctrl+. hint belongs to text fields; cells are edited with their own editor
    parts = [p.replace("<br><small>Ctrl+. applies the first suggestion</small>", "") for p in parts]
    return "<hr>".join(parts)
