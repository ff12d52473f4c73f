"""Every blame finding in the document, in the template's order; activating one jumps to it.

Each entry shows where it is, the flagged phrase, the category, and what to do about it: the
rewrite that one key applies, or, where no rewrite keeps the facts, the question to ask.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from pmdesk.document_lint import DocumentFinding
from pmdesk.lint.labels import category_label
from pmdesk.models import Postmortem
from pmdesk.ui import colours
from pmdesk.ui.editor.highlighter import SEVERITY_COLOURS

SEVERITY_WORDS = {"error": "Blame", "warning": "Check", "info": "Note"}


def flagged_phrase(pm: Postmortem | None, found: DocumentFinding) -> str:
    """The words the finding points at, or "" when its text cannot be found."""
    if pm is None:
        return ""
    f, index = found.finding, found.index
    text = ""
    if found.field == "timeline" and index is not None and index < len(pm.timeline):
        text = pm.timeline[index].text
    elif found.field == "action_items" and index is not None and index < len(pm.action_items):
        text = pm.action_items[index].action
    elif found.field == "contributing_factors" and index is not None:
        factors = pm.contributing_factors
        text = factors[index].text if index < len(factors) else ""
    elif found.field == "whys":
        where = f.where or (f"why {index + 1}" if index is not None else "")
        if where == "root_cause":
            text = pm.root_cause
        elif where.startswith("why "):
            number = int(where.split()[1]) - 1
            text = pm.whys[number] if 0 <= number < len(pm.whys) else ""
    elif isinstance(getattr(pm, found.field, None), str):
        text = getattr(pm, found.field)
    return " ".join(text[f.start : f.end].split()) if 0 <= f.start < f.end <= len(text) else ""


class FindingCard(QLabel):
    """One finding: where, the phrase, the category, and the rewrite or the question."""

    activated = Signal()

    def __init__(self, found: DocumentFinding, phrase: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.found = found
        f = found.finding
        self.setObjectName("findingCard")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(f"{found.label}: {category_label(f.category)}")
        window = self.palette().window().color()
        hue = SEVERITY_COLOURS.get(f.severity, QColor("#888888"))
        background = colours.tinted(hue, window)
        ink = self.palette().windowText().color()
        accent = colours.readable(hue, background)
        muted = colours.readable(colours.mix(ink, background, 0.7), background)
        rewrite = f.suggestions[0] if f.suggestions else ""
        prompt = getattr(f, "prompt", "")
        lines = [
            f"<span style='color:{accent.name()}; font-weight:600'>"
            f"{SEVERITY_WORDS.get(f.severity, '')} · {escape(category_label(f.category))}</span>"
            f" <span style='color:{muted.name()}'>— {escape(found.label)}</span>",
        ]
        if phrase:
            lines.append(f"“<b>{escape(phrase)}</b>”")
        lines.append(escape(f.message))
        if rewrite:
            lines.append(f"<b>Rewrite:</b> {escape(rewrite)}  <i>(Ctrl+. at the phrase)</i>")
        elif prompt:
            lines.append(f"<b>Ask:</b> <i>{escape(prompt)}</i>")
        self.setText("<br>".join(lines))
        self.setStyleSheet(
            f"QLabel#findingCard {{ background: {background.name()}; color: {ink.name()};"
            f" border-left: 4px solid {hue.name()}; border-radius: 3px; padding: 6px 8px; }}"
            f" QLabel#findingCard:focus {{ border: 1px solid {accent.name()};"
            f" border-left: 4px solid {hue.name()}; }}"
        )

    def mousePressEvent(self, event) -> None:  # noqa: ANN001 - QMouseEvent
        super().mousePressEvent(event)
        self.activated.emit()

    def keyPressEvent(self, event) -> None:  # noqa: ANN001 - QKeyEvent
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        super().keyPressEvent(event)


class FindingsPanel(QWidget):
    finding_activated = Signal(object)  # DocumentFinding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(objectName="findingsHeading")
        self.heading.setStyleSheet("font-weight: 600;")
        self.cards: list[FindingCard] = []
        self._cards_box = QVBoxLayout()
        self._cards_box.setContentsMargins(0, 0, 0, 0)
        self._cards_box.setSpacing(6)
        holder = QWidget()
        outer = QVBoxLayout(holder)
        outer.setContentsMargins(0, 0, 4, 0)
        outer.addLayout(self._cards_box)
        outer.addStretch(1)
        self.list = QScrollArea(objectName="findings")
        self.list.setAccessibleName("Blame findings")
        self.list.setWidget(holder)
        self.list.setWidgetResizable(True)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = QLabel(
            "No blame language found.\n\nPhrases that put a person at the centre of a "
            "failure are underlined as you type."
        )
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addStretch(0)
        self._findings: list[DocumentFinding] = []

    def show_findings(self, findings: list[DocumentFinding], pm: Postmortem | None = None) -> None:
        shown = [f for f in findings if f.finding.severity != "info"]
        self._findings = shown
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        for found in shown:
            card = FindingCard(found, flagged_phrase(pm, found))
            card.activated.connect(lambda f=found: self.finding_activated.emit(f))
            self._cards_box.addWidget(card)
            self.cards.append(card)
        count = len(shown)
        self.heading.setText(f"Blame findings ({count})" if count else "Blame findings")
        self.list.setVisible(bool(count))
        self.empty.setVisible(not count)

    def texts(self) -> list[str]:
        """What each card says, as plain text (for tests and screen readers)."""
        from PySide6.QtGui import QTextDocument

        out = []
        for card in self.cards:
            doc = QTextDocument()
            doc.setHtml(card.text())
            out.append(doc.toPlainText())
        return out
