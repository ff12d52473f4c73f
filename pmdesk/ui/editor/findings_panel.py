"""Every blame finding in the document, in the template's order; activating one jumps to it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from pmdesk.document_lint import DocumentFinding
from pmdesk.lint.labels import category_label
from pmdesk.ui.editor.highlighter import SEVERITY_COLOURS


class FindingsPanel(QWidget):
    finding_activated = Signal(object)  # DocumentFinding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(objectName="findingsHeading")
        self.heading.setStyleSheet("font-weight: 600;")
        self.list = QListWidget(objectName="findings")
        self.list.setAccessibleName("Blame findings")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(3)
        self.empty = QLabel(
            "No blame language found.\n\nPhrases that put a person at the centre of a "
            "failure are underlined as you type."
        )
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addStretch(0)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self._findings: list[DocumentFinding] = []

    def show_findings(self, findings: list[DocumentFinding]) -> None:
        shown = [f for f in findings if f.finding.severity != "info"]
        self._findings = shown
        self.list.clear()
        for found in shown:
            f = found.finding
            text = f"{found.label}: {category_label(f.category)}\n{f.message}"
            item = QListWidgetItem(text)
            item.setForeground(SEVERITY_COLOURS[f.severity].darker(130))
            if f.suggestions:
                item.setToolTip("Try: " + f.suggestions[0])
            elif f.prompt:
                item.setToolTip("Ask: " + f.prompt)
            item.setData(Qt.ItemDataRole.UserRole, self.list.count())
            self.list.addItem(item)
        count = len(shown)
        self.heading.setText(f"Blame findings ({count})" if count else "Blame findings")
        self.list.setVisible(bool(count))
        self.empty.setVisible(not count)

    def _activated(self, item: QListWidgetItem) -> None:
        self.finding_activated.emit(self._findings[item.data(Qt.ItemDataRole.UserRole)])
