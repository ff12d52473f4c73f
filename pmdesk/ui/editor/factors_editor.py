"""The contributing-factors checklist: add, tick (Space), edit, remove, reorder (Ctrl+Up/Down).

Every one of those is a command on the session's undo stack.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QObject, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.models import ContributingFactor
from pmdesk.ui.editor import blame_marks
from pmdesk.ui.editor.fitted_table import FittedTableView
from pmdesk.ui.editor.list_commands import (
    AddRecords,
    DeleteRecords,
    MoveRecord,
    UpdateRecord,
    factors_part,
)
from pmdesk.ui.editor.record_model import Index, RecordTableModel
from pmdesk.ui.editor.session import EditorSession


class FactorsModel(RecordTableModel):
    part = "contributing_factors"
    headers = ("Contributing factor",)

    def __init__(self, session: EditorSession, parent: QObject | None = None) -> None:
        super().__init__(session, parent)
        self.marks = self.watch_findings(0, lambda f: f.text)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        factor: ContributingFactor = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return factor.text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if factor.checked else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole):
            found = self.marks.findings(factor.text, self.session.pm.people())
            if role == Qt.ItemDataRole.DecorationRole:
                return blame_marks.marker(found)
            return blame_marks.tooltip(found, factor.text) if found else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        return base | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        before: ContributingFactor = self.rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            after = dataclasses.replace(before, checked=checked)
        elif role == Qt.ItemDataRole.EditRole:
            after = dataclasses.replace(before, text=" ".join(str(value).split()))
        else:
            return False
        if after != before:
            self.edit_requested.emit(index.row(), after)
        return True


class FactorsEditor(QWidget):
    """Edits `session.pm.contributing_factors`."""

    def __init__(self, session: EditorSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.part = factors_part(session)
        self.model = FactorsModel(session, self)

        self.list = FittedTableView(self, min_rows=1)
        self.list.setObjectName("factorsList")
        self.list.setAccessibleName("Contributing factors")
        self.list.setModel(self.model)
        self.list.horizontalHeader().hide()
        self.list.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.setAlternatingRowColors(False)
        self.list.setEditTriggers(
            FittedTableView.EditTrigger.DoubleClicked | FittedTableView.EditTrigger.EditKeyPressed
        )
        self.list.setToolTip("Space ticks, F2 edits, Ctrl+Up/Down moves, Del removes")

        self.entry = QLineEdit(objectName="factorsEntry")
        self.entry.setPlaceholderText("Add a contributing factor and press Enter")
        self.entry.setAccessibleName("New contributing factor")
        self.add_button = QPushButton("&Add", objectName="factorsAdd")
        self.up_button = QPushButton("Move up", objectName="factorsUp")
        self.up_button.setToolTip("Move the selected factor up (Ctrl+Up)")
        self.down_button = QPushButton("Move down", objectName="factorsDown")
        self.down_button.setToolTip("Move the selected factor down (Ctrl+Down)")
        self.remove_button = QPushButton("Remove", objectName="factorsRemove")
        self.remove_button.setToolTip("Remove the selected factor (Del)")
        row = QHBoxLayout()
        row.setContentsMargins(0, 4, 0, 0)
        row.addWidget(self.entry, 1)
        for button in (self.add_button, self.up_button, self.down_button, self.remove_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.list)
        layout.addLayout(row)

        self.entry.returnPressed.connect(self.add_from_entry)
        self.add_button.clicked.connect(self.add_from_entry)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.delete_requested.connect(self.remove_selected)
        self.list.moves_rows = True
        self.list.move_requested.connect(self.move_selected)
        self.model.edit_requested.connect(self._edit_requested)
        self.list.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.rowsMoved.connect(self._update_buttons)
        self.model.rowsInserted.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)
        session.part_changed.connect(self._part_changed)
        self._update_buttons()

    # --- editing ---------------------------------------------------------------------

    def add_from_entry(self) -> None:
        text = " ".join(self.entry.text().split())
        if not text:
            return
        command = AddRecords(
            self.session,
            self.model,
            self.part,
            [ContributingFactor(text=text, checked=True)],
            text="Add contributing factor",
        )
        self.session.push(command)
        if not command.isObsolete():
            self.entry.clear()

    def remove_selected(self) -> None:
        row = self.current_row()
        if row is None:
            return
        self.session.push(
            DeleteRecords(self.session, self.model, self.part, [row], "Remove contributing factor")
        )
        if self.model.rows:
            self.focus_row(min(row, len(self.model.rows) - 1))

    def move_selected(self, step: int) -> None:
        row = self.current_row()
        if row is None or not 0 <= row + step < len(self.model.rows):
            return
        self.session.push(
            MoveRecord(
                self.session, self.model, self.part, row, row + step, "Move contributing factor"
            )
        )
        self.focus_row(row + step)

    def _edit_requested(self, row: int, after: ContributingFactor) -> None:
        before = self.model.rows[row]
        if after.checked != before.checked:
            label = "Tick contributing factor" if after.checked else "Untick contributing factor"
        else:
            label = "Edit contributing factor"
        self.session.push(UpdateRecord(self.session, self.model, self.part, before, after, label))

    # --- showing ---------------------------------------------------------------------

    def current_row(self) -> int | None:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else None

    def focus_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, 0)
            flags = QItemSelectionModel.SelectionFlag
            self.list.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
            self.list.scrollTo(index)

    def _part_changed(self, part: str) -> None:
        if part == "contributing_factors":
            self.model.sync()
        elif part in ("authors", "action_items"):
            self.model.refresh_column(0)

    def _update_buttons(self, *_: object) -> None:
        row = self.current_row()
        self.remove_button.setEnabled(row is not None)
        self.up_button.setEnabled(row is not None and row > 0)
        self.down_button.setEnabled(row is not None and row < len(self.model.rows) - 1)
