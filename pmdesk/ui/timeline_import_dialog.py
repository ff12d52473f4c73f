"""Preview of a timeline import: the events found, with checkboxes; nothing is written until OK.

The core reads the file and decides what is a duplicate or outside the incident
window (pmdesk.importers); this dialog only shows that and lets the facilitator
pick. `import_timeline_interactively` is the one call the main window makes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pmdesk.errors import PmdeskError
from pmdesk.importers import (
    Candidate,
    CsvColumnsUnclear,
    ImportedTimeline,
    ImportPlan,
    apply_import,
    plan_import,
    read_timeline,
)
from pmdesk.models import Store, TimelineEvent, format_utc
from pmdesk.ui import colours
from pmdesk.ui.editor.highlighter import SEVERITY_COLOURS
from pmdesk.ui.lint_worker import lint_worker
from pmdesk.ui.plain_text import plain_tip, warn
from pmdesk.words import counted

try:  # the linter is its own library; the preview does without it if it is absent
    from pmdesk.document_lint import each_text_findings as _lint
except ImportError:  # pragma: no cover - only while pmdesk.lint is being written
    _lint = None

Index = QModelIndex | QPersistentModelIndex
FILE_FILTER = "Timeline sources (*.csv *.tsv *.txt *.json *.jsonl *.ndjson *.zip);;All files (*)"
ZONES = ["UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Chicago",
         "America/Los_Angeles", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo",
         "Australia/Sydney"]  # fmt: skip


class CandidatesModel(QAbstractTableModel):
    """Imported events as rows: a checkbox, the UTC time, the text, its source, and notes."""

    COLUMNS = ["Time (UTC)", "Event", "Source", "Notes"]

    #: the wording of every event has been checked (`findings` is complete)
    findings_ready = Signal()

    def __init__(self, plan: ImportPlan, people: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = self.COLUMNS + (["Wording"] if _lint is not None else [])
        self._people = people
        self._asked = 0
        #: True while the lint worker is still checking the events' wording
        self.checking = False
        if _lint is not None:
            self._worker = lint_worker()
            self._worker.finished.connect(self._checked)
        self.set_plan(plan)

    def set_plan(self, plan: ImportPlan) -> None:
        self.beginResetModel()
        self.candidates: list[Candidate] = list(plan.candidates)
        self.checked = [not c.duplicate for c in self.candidates]
        self.findings: list[list[Any]] = [[] for _ in self.candidates]
        self.endResetModel()
        if _lint is not None and self.candidates:
            # an import may hold thousands of events: their wording is checked in the lint
            # worker, and the Wording column fills in when it is done
            self._asked += 1
            texts, people = [c.event.text for c in self.candidates], tuple(self._people)
            self.checking = True
            self._worker.request((id(self), "wording", self._asked), partial(_lint, texts, people))

    def _checked(self, batch: list[tuple[object, Any]]) -> None:
        for key, result in batch:
            if key != (id(self), "wording", self._asked) or not isinstance(result, list):
                continue
            if len(result) != len(self.candidates):
                continue
            self.findings, self.checking = result, False
            if self.candidates:
                self.dataChanged.emit(
                    self.index(0, len(self.columns) - 1),
                    self.index(len(self.candidates) - 1, len(self.columns) - 1),
                )
            self.findings_ready.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.candidates)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.candidates[index.row()].duplicate:
            return Qt.ItemFlag.ItemIsSelectable  # already in the timeline: shown, never added
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        candidate = self.candidates[row]
        event = candidate.event
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if self.checked[row] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return format_utc(event.at).replace("T", " ").removesuffix("Z")
            if column == 1:
                return event.text  # a view's cell shows plain text: no markup, no escaping
            if column == 2:
                return event.source
            if column == 3:
                return _notes(candidate)
            if column == 4:
                return _wording(self.findings[row])
        if role == Qt.ItemDataRole.ToolTipRole:
            # the file's own text: shown as written, never as markup
            if column == 1:
                return plain_tip(event.text)
            if column == 4 and self.findings[row]:
                return plain_tip(
                    "\n".join(f"{f.severity}: {f.message}" for f in self.findings[row])
                )
        base = colours.app_palette().base().color()
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and candidate.outside_window:
            return QBrush(colours.readable(SEVERITY_COLOURS["warning"], base))
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and self.findings[row]:
            # the editor's colours: orange for a warning, red only for an error
            hue = SEVERITY_COLOURS.get(_worst(self.findings[row]), SEVERITY_COLOURS["warning"])
            return QBrush(colours.readable(hue, base))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if self.checked[index.row()] == checked:
            return True
        self.checked[index.row()] = checked
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def set_all(self, checked: bool) -> None:
        """Check or uncheck every event that can be added."""
        for row, candidate in enumerate(self.candidates):
            if not candidate.duplicate:
                self.setData(
                    self.index(row, 0),
                    Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked,
                    Qt.ItemDataRole.CheckStateRole,
                )

    def checked_events(self) -> list[TimelineEvent]:
        return [c.event for c, on in zip(self.candidates, self.checked, strict=True) if on]


def _worst(findings: list[Any]) -> str:
    order = {"info": 0, "warning": 1, "error": 2}
    return max((f.severity for f in findings), key=lambda s: order.get(s, 0))


def _wording(findings: list[Any]) -> str:
    if not findings:
        return ""
    more = f" (and {counted(len(findings) - 1, 'more finding')})" if len(findings) > 1 else ""
    return f"{findings[0].message}{more}"


def _notes(candidate: Candidate) -> str:
    if candidate.duplicate:
        return "already in the timeline"
    if candidate.outside_window:
        return "outside the incident window"
    return ""


class TimelineImportDialog(QDialog):
    """The events found in one file, ready to be checked and added."""

    def __init__(
        self,
        store: Store,
        pm_id: int,
        found: ImportedTimeline,
        reread: Callable[[str], ImportedTimeline],
        source_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import timeline")
        self.resize(1000, 560)
        self._store, self._pm_id, self._reread = store, pm_id, reread
        self.found = found
        self._source_name = source_name
        pm = store.get(pm_id)
        self.model = CandidatesModel(plan_import(store, pm_id, found.events), pm.people(), self)

        self.summary = QLabel(objectName="importSummary")
        self.summary.setWordWrap(True)
        self.zone_box = QComboBox(objectName="importZone")
        self.zone_box.setEditable(True)
        self.zone_box.setMinimumContentsLength(20)
        self.zone_box.addItems(ZONES if found.zone in ZONES else [found.zone, *ZONES])
        self.zone_box.setCurrentText(found.zone)
        self.zone_box.setToolTip("The zone of times that the file writes without an offset")
        self.zone_box.activated.connect(lambda _i: self._zone_changed())
        self.zone_box.lineEdit().editingFinished.connect(self._zone_changed)
        self.zone_problem = QLabel(objectName="zoneProblem")

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if len(self.model.columns) > 4:
            # Findings are long sentences: a fixed column, the whole text in the tooltip.
            header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(4, 260)

        all_button = QPushButton("Select &all")
        none_button = QPushButton("Select &none")
        all_button.clicked.connect(lambda: self.model.set_all(True))
        none_button.clicked.connect(lambda: self.model.set_all(False))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        zone_row = QHBoxLayout()
        zone_row.addWidget(QLabel("Times written without an offset are in:"))
        zone_row.addWidget(self.zone_box)
        zone_row.addWidget(self.zone_problem, 1)
        row = QHBoxLayout()
        row.addWidget(all_button)
        row.addWidget(none_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(zone_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

        self.model.dataChanged.connect(lambda *_: self._update_counts())
        self.model.modelReset.connect(self._update_counts)
        self._update_counts()

    def checked_events(self) -> list[TimelineEvent]:
        return self.model.checked_events()

    def _update_counts(self) -> None:
        candidates = self.model.candidates
        duplicates = sum(c.duplicate for c in candidates)
        outside = sum(c.outside_window and not c.duplicate for c in candidates)
        chosen = len(self.checked_events())
        flagged = sum(
            bool(f) for f, c in zip(self.model.findings, candidates, strict=True) if not c.duplicate
        )
        parts = [
            f"<b>{counted(len(candidates), 'event')}</b> found in {self._source_name} "
            f"({self.found.format}), times stored in UTC",
            f"{duplicates} already in the timeline",
            f"{outside} outside the incident window",
        ]
        if _lint is not None:
            parts.append(
                "wording being checked…"
                if self.model.checking
                else f"{flagged} with wording to review"
            )
        self.summary.setText(" · ".join(parts))
        self.ok_button.setText(f"Add {counted(chosen, 'event')}")
        self.ok_button.setEnabled(chosen > 0)

    def _zone_changed(self) -> None:
        name = self.zone_box.currentText().strip()
        if name == self.found.zone:
            return
        try:
            found = self._reread(name)
        except PmdeskError as exc:
            self.zone_problem.setText(str(exc))
            return
        self.zone_problem.setText("")
        self.found = found
        self.model.set_plan(plan_import(self._store, self._pm_id, found.events))


class CsvColumnsDialog(QDialog):
    """The column-mapping step, for a CSV whose columns cannot be told by their names."""

    def __init__(self, problem: CsvColumnsUnclear, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Which columns hold the time and the event?")
        self.time_box, self.text_box = QComboBox(), QComboBox()
        for box in (self.time_box, self.text_box):
            box.addItems(problem.columns)
        if problem.guess is not None:
            self.time_box.setCurrentIndex(problem.guess[0])
            self.text_box.setCurrentIndex(problem.guess[1])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel("pmdesk could not tell the columns apart by their names."))
        form.addRow("Time:", self.time_box)
        form.addRow("Event text:", self.text_box)
        form.addRow(buttons)

    def columns(self) -> tuple[int, int]:
        return self.time_box.currentIndex(), self.text_box.currentIndex()


def import_timeline_interactively(
    parent: QWidget | None, store: Store, pm_id: int, path: str | Path | None = None
) -> int:
    """Ask for a file, preview its events, add the checked ones; return how many were added."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, "Import timeline from file", "", FILE_FILTER
        )
        if not chosen:
            return 0
        path = chosen
    path = Path(path)
    columns: dict[str, int] = {}

    def reread(zone: str) -> ImportedTimeline:
        return read_timeline(path, tz=zone, **columns)  # type: ignore[arg-type]

    try:
        try:
            found = reread("UTC")
        except CsvColumnsUnclear as unclear:
            mapping = CsvColumnsDialog(unclear, parent)
            if mapping.exec() != QDialog.DialogCode.Accepted:
                return 0
            columns["time_column"], columns["text_column"] = mapping.columns()
            found = reread("UTC")
        dialog = TimelineImportDialog(store, pm_id, found, reread, path.name, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        return len(apply_import(store, pm_id, dialog.checked_events()).added)
    except PmdeskError as exc:
        warn(parent, "Import timeline", str(exc))
        return 0
