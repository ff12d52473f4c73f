"""Share → Public Version…: review every replacement, then export a copy for outside readers.

Each choice (replace or keep a find, add a term, leave a section out) is saved to the store
at once, for this postmortem, and the redaction runs again in the lint process (through the
lint worker): finding names and linting the result takes a few tenths of a second, which the
window never waits for, and the name lists and the English parser stay out of its process.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pmdesk.errors import PmdeskError
from pmdesk.models import Store
from pmdesk.share.detect import Kind
from pmdesk.share.fields import SECTIONS
from pmdesk.share.public import PublicVersion, export_public, public_version_job, save_choices
from pmdesk.share.redact import RedactionChoices
from pmdesk.ui.lint_worker import lint_worker
from pmdesk.ui.share.replacement_model import ReplacementModel


class PublicVersionWindow(QWidget):
    """The review of one postmortem's public version."""

    #: fact: a new redaction of the current choices is on screen
    version_ready = Signal()

    def __init__(
        self,
        store: Store,
        pm_id: int,
        choices: RedactionChoices,
        *,
        page_size: Callable[[], str] = lambda: "A4",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.pm_id = pm_id
        self.pm = store.get(pm_id)
        self.choices = choices
        self.version: PublicVersion | None = None
        self._page_size = page_size
        self._generation = 0
        self.setWindowTitle(f"Public version — {self.pm.title or 'Untitled'} — pmdesk")
        self.setObjectName("publicVersion")
        self.resize(1180, 720)

        self.heading = QLabel(f"Public version of “{self.pm.title or 'Untitled'}”")
        self.heading.setObjectName("publicHeading")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.status = QLabel("Finding names, addresses and secrets…")
        self.status.setObjectName("publicStatus")

        self.model = ReplacementModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.contexts = QListWidget()
        self.contexts.setObjectName("contexts")
        self.contexts.setWordWrap(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("Replacements — untick one to publish it as written"))
        left_layout.addWidget(self.table, 3)
        left_layout.addWidget(QLabel("Where the selected text occurs"))
        left_layout.addWidget(self.contexts, 2)

        self.add_text = QLineEdit(placeholderText="A name, host or term pmdesk missed")
        self.add_kind = QComboBox()
        for kind in Kind:
            self.add_kind.addItem(kind.label, kind)
        self.add_kind.setCurrentIndex(list(Kind).index(Kind.PERSON))
        self.add_button = QPushButton("Add")
        add_box = QGroupBox("Add a replacement")
        add_layout = QHBoxLayout(add_box)
        add_layout.addWidget(self.add_text, 1)
        add_layout.addWidget(self.add_kind)
        add_layout.addWidget(self.add_button)

        self.sections = QListWidget()
        self.sections.setObjectName("sections")
        for name, label in SECTIONS:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            published = name not in choices.internal
            item.setCheckState(Qt.CheckState.Checked if published else Qt.CheckState.Unchecked)
            self.sections.addItem(item)
        sections_box = QGroupBox("Sections to publish (untick internal ones)")
        QVBoxLayout(sections_box).addWidget(self.sections)

        self.findings = QListWidget()
        self.findings.setObjectName("findings")
        self.findings.setWordWrap(True)
        findings_box = QGroupBox("Blame language in the public text")
        QVBoxLayout(findings_box).addWidget(self.findings)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(add_box)
        right_layout.addWidget(sections_box, 3)
        right_layout.addWidget(findings_box, 2)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.export_pdf_button = QPushButton("Export PDF…")
        self.export_md_button = QPushButton("Export Markdown…")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.export_md_button)
        buttons.addWidget(self.export_pdf_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self._worker = lint_worker()
        self._worker.finished.connect(self._arrived)
        self.model.accept_requested.connect(self._accept)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_contexts())
        self.add_button.clicked.connect(self.add_replacement)
        self.add_text.returnPressed.connect(self.add_replacement)
        self.sections.itemChanged.connect(lambda _item: self._sections_changed())
        self.export_pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.export_md_button.clicked.connect(lambda: self.export("md"))
        self._recompute()

    # --- choices ----------------------------------------------------------------------

    def _accept(self, original: str, accepted: bool) -> None:
        self._choose(self.choices.rejecting(original, not accepted))

    def add_replacement(self) -> None:
        try:
            choices = self.choices.adding(self.add_text.text(), self.add_kind.currentData())
        except PmdeskError as exc:
            self.status.setText(str(exc))
            return
        self.add_text.clear()
        self._choose(choices)

    def _sections_changed(self) -> None:
        internal = [
            self.sections.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.sections.count())
            if self.sections.item(i).checkState() != Qt.CheckState.Checked
        ]
        self._choose(self.choices.with_internal(internal))

    def _choose(self, choices: RedactionChoices) -> None:
        try:
            save_choices(self.store, self.pm_id, choices)
        except PmdeskError as exc:
            self.status.setText(f"Not saved: {exc}")
            return
        self.choices = choices
        self._recompute()

    # --- the redaction ----------------------------------------------------------------

    def _recompute(self) -> None:
        self._generation += 1
        self.version = None
        self._set_busy(True)
        job = partial(public_version_job, self._generation, self.pm, self.choices)
        self._worker.request((id(self), "public version"), job)

    def _arrived(self, batch: list[tuple[object, Any]]) -> None:
        for key, result in batch:
            if key != (id(self), "public version"):
                continue
            if isinstance(result, tuple):
                self._show_version(*result)
            else:  # the job failed where it ran: no version, and the reason why
                self._set_busy(False)
                self.status.setText(f"The public version could not be made: {result}")

    def _show_version(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return  # an older run finished after a newer choice
        self._set_busy(False)
        if isinstance(result, PmdeskError):
            self.status.setText(str(result))
            return
        assert isinstance(result, PublicVersion)
        self.version = result
        selected = self.table.currentIndex().row()
        self.model.set_rows(result.plan.replacements)
        if 0 <= selected < self.model.rowCount():
            self.table.selectRow(selected)
        self._show_contexts()
        self.findings.clear()
        for finding in result.findings:
            self.findings.addItem(finding.line())
        if not result.findings:
            self.findings.addItem("None: the public text reads blamelessly.")
        replaced = sum(len(r.occurrences) for r in result.plan.replacements if r.accepted)
        kept = len(result.plan.leaks())
        words = [f"{replaced} replacement{'s' if replaced != 1 else ''}"]
        if kept:
            words.append(f"{kept} kept as written")
        if result.findings:
            words.append(f"{len(result.findings)} blame-language warning(s)")
        self.status.setText(" · ".join(words))
        self.version_ready.emit()

    def _set_busy(self, busy: bool) -> None:
        self.export_pdf_button.setEnabled(not busy)
        self.export_md_button.setEnabled(not busy)
        if busy:
            self.status.setText("Finding names, addresses and secrets…")

    def _show_contexts(self) -> None:
        self.contexts.clear()
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.model.rows):
            return
        for occurrence in self.model.rows[row].occurrences:
            self.contexts.addItem(f"{occurrence.label}: {occurrence.context}")

    # --- export -----------------------------------------------------------------------

    def export(self, fmt: str) -> Path | None:
        """Ask where, warn about blame language left, and write the public copy."""
        version = self.version
        if version is None:
            return None
        if version.findings:
            lines = "\n".join(f"• {f.line()}" for f in version.findings[:8])
            answer = QMessageBox.warning(
                self,
                "Blame language in the public version",
                f"{len(version.findings)} finding(s) remain in the text readers will see:\n\n"
                f"{lines}\n\nExport anyway?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        suffix = ".pdf" if fmt == "pdf" else ".md"
        stem = re.sub(r"[^\w\- ]+", "", version.postmortem.title).strip()[:50] or "postmortem"
        filter_ = "PDF documents (*.pdf)" if fmt == "pdf" else "Markdown (*.md)"
        name, _ = QFileDialog.getSaveFileName(
            self, "Export public version", f"{stem} (public){suffix}", filter_
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        try:
            export_public(version.postmortem, path, fmt, page_size=self._page_size())
        except PmdeskError as exc:
            self.status.setText(f"Export failed: {exc}")
            return None
        self.status.setText(f"Exported the public version to {path}")
        return path
